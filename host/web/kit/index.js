// SPDX-License-Identifier: Apache-2.0
// @courthub/kit, served at /kit/kit.js: what a court app's pages share (docs/pages.md).
export { createCourtApp } from './app.js'
export { ensureSession as login, insideDingTalk } from './login/ensure-session.js'
export { useSession, logout } from './session.js'
export { api, pluginApi, createClient } from './api.js'
export { ApiError } from './api-error.js'
export { fieldErrors, fieldKey } from './fields.js'
export { showError, showSuccess } from './feedback.js'
export { headlineFor, describeError } from './headlines.js'
export { serverNow } from './clock.js'
export { default as PersonPicker } from './components/PersonPicker.vue'
export { describePerson } from './people-choice.js'
export {
  formatDate, formatFullDate, formatTime, formatDateTime, formatRange, dayKey, COURT_TIME_ZONE,
} from './dates.js'
export { default as CourtPage } from './components/CourtPage.vue'
export { default as EmptyState } from './components/EmptyState.vue'
