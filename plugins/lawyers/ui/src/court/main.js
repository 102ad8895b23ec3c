// SPDX-License-Identifier: Apache-2.0
// The court's side of 律师服务: staff sign in as for every app (DingTalk, or the demo picker).
import { createCourtApp } from '@courthub/kit'
import Court from './Court.vue'
import '../lawyers.css'

createCourtApp(Court, { plugin: 'lawyers', title: '律师服务' })
