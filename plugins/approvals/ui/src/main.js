import { createCourtApp } from '@courthub/kit'
import App from './App.vue'
createCourtApp(App, { plugin: 'approvals', title: '审批' })
