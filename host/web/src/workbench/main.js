// SPDX-License-Identifier: Apache-2.0
import { createCourtApp } from '@courthub/kit'
import App from './App.vue'

createCourtApp(App, { title: '工作台' })
