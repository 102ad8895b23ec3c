// SPDX-License-Identifier: Apache-2.0
// Shows a login screen (a component) in #app until it is done; returns a function that removes it.
import { createApp, h } from 'vue'

export function mountScreen(component, props = {}) {
  const app = createApp({ render: () => h(component, props) })
  app.mount('#app')
  return () => app.unmount()
}
