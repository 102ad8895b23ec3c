// SPDX-License-Identifier: Apache-2.0
// The 工作台's badge counts: for each app that names a badge path, GET /apps/<plugin><badge>
// → {"count": n}. Calls run side by side; one that fails leaves its tile without a badge.
import { pluginApi } from '@courthub/kit'

export function loadBadges(apps, onCount) {
  for (const app of apps) {
    if (!app.badge) continue
    pluginApi(app.plugin).get(app.badge)
      .then((res) => onCount(app.plugin, Number(res?.count) || 0))
      .catch(() => {})  // a badge is a hint; the app's own page shows what went wrong
  }
}
