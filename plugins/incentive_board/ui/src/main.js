import { createCourtApp } from '@courthub/kit'
import App from './App.vue'
createCourtApp(App, { plugin: 'incentive_board', title: '双激励通报' })
