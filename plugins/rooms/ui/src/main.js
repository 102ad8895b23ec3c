import { createCourtApp } from '@courthub/kit'
import App from './App.vue'
createCourtApp(App, { plugin: 'rooms', title: '会议室' })
