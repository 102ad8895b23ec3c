// SPDX-License-Identifier: Apache-2.0
// createCourtApp(Root, { plugin, title }): the one call in a page's main.js. Sets the title,
// makes sure someone is logged in, then creates the Vue app with Vant and the kit's components
// registered and mounts it on #app. Resolves with the app. `login: false` starts the app
// without requiring a session (useSession().user may then be null).
import { createApp } from 'vue'
import Vant from 'vant'
import { ensureSession } from './login/ensure-session.js'
import { setUnauthorizedHandler } from './api.js'
import { answerKeyboard } from './keyboard.js'
import PersonPicker from './components/PersonPicker.vue'
import CourtPage from './components/CourtPage.vue'
import EmptyState from './components/EmptyState.vue'
import NativeField from './components/NativeField.vue'
import DateTimeInput from './components/DateTimeInput.vue'

export const PLUGIN_KEY = Symbol('courthub.plugin')

export async function createCourtApp(Root, { plugin = '', title = '', login = true } = {}) {
  if (title) document.title = title
  // A 401 means the session is over: log in again (the page reloads into the login).
  setUnauthorizedHandler(() => globalThis.location.reload())
  await ensureSession({ login })
  answerKeyboard()
  const app = createApp(Root)
  app.use(Vant)
  app.component('PersonPicker', PersonPicker)
  app.component('CourtPage', CourtPage)
  app.component('EmptyState', EmptyState)
  app.component('NativeField', NativeField)
  app.component('DateTimeInput', DateTimeInput)
  app.provide(PLUGIN_KEY, plugin)
  app.mount('#app')
  return app
}
