// SPDX-License-Identifier: Apache-2.0
// The admin console (/console/): for court administrators (a staff session with court_admin)
// and for the operator, who pastes the admin token instead of logging in.
import { createCourtApp } from '@courthub/kit'
import App from './App.vue'

createCourtApp(App, { title: '管理控制台', login: false })
