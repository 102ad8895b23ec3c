// SPDX-License-Identifier: Apache-2.0
// The lawyers' portal: no staff login (lawyers sign in with their licence number, Portal.vue).
import { createCourtApp } from '@courthub/kit'
import Portal from './Portal.vue'
import '../lawyers.css'

createCourtApp(Portal, { plugin: 'lawyers', title: '律师服务平台', login: false })
