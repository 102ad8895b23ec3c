import { createCourtApp } from '@courthub/kit'
import App from './App.vue'
createCourtApp(App, { plugin: 'attendance', title: '考勤打卡' })
