// SPDX-License-Identifier: Apache-2.0
// The page's tab in the URL's hash, so a link can open one (the robot's `checkin` opens #/) and
// reloads keep it: #/ 打卡, #/month 我的考勤 (?date=YYYY-MM-DD opens a day), #/department 部门考勤,
// #/rules 考勤规则.
import { reactive } from 'vue'

export const TABS = ['checkin', 'month', 'department', 'rules']

export function parseRoute (hash) {
  const [path, query = ''] = String(hash ?? '').replace(/^#\/?/, '').split('?')
  const tab = TABS.includes(path) ? path : 'checkin'
  return { tab, params: Object.fromEntries(new URLSearchParams(query)) }
}

export const route = reactive(parseRoute(globalThis.location?.hash))

globalThis.addEventListener?.('hashchange', () => Object.assign(route, parseRoute(globalThis.location.hash)))

export function go (tab, params = {}) {
  const query = new URLSearchParams(params).toString()
  globalThis.location.hash = `#/${tab === 'checkin' ? '' : tab}${query ? `?${query}` : ''}`
}
