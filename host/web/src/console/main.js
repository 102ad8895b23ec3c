// SPDX-License-Identifier: Apache-2.0
// The admin console (/console/): for a court_admin's session or the operator's admin token, so it
// starts without requiring a login; 员工登录 on its sign-in panel asks for one.
import { createCourtApp } from '@courthub/kit'
import App from './App.vue'
import { wantsStaffLogin } from './admin-access.js'

createCourtApp(App, { title: '管理控制台', login: wantsStaffLogin() })
