// SPDX-License-Identifier: Apache-2.0
// The page's place, in the URL's hash so the back button and reloads work:
//   #/                    全省通报 (?group=basic&indicator=A1 keeps the tab and the indicator)
//   #/court/<code>        one court
//   #/judges/<code>       that court's judges
//   #/import              导入 (the high court's court_admin)
import { reactive } from 'vue'

export function parseRoute(hash) {
  const [path, query = ''] = String(hash ?? '').replace(/^#\/?/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const params = Object.fromEntries(new URLSearchParams(query))
  if ((parts[0] === 'court' || parts[0] === 'judges') && parts[1]) {
    return { view: parts[0], code: parts[1], params }
  }
  if (parts[0] === 'import') return { view: 'import', params }
  return { view: 'province', params }
}

export const route = reactive(parseRoute(globalThis.location?.hash))

globalThis.addEventListener?.('hashchange', () => {
  Object.assign(route, { code: undefined, ...parseRoute(globalThis.location.hash) })
})

export function courtHash(code) {
  return `#/court/${encodeURIComponent(code)}`
}

export function judgesHash(code) {
  return `#/judges/${encodeURIComponent(code)}`
}

// Keeps the province board's tab and indicator in the hash without a new history entry.
export function rememberProvince(params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString()
  globalThis.history.replaceState(null, '', `#/${query ? `?${query}` : ''}`)
}

export function go(hash) {
  globalThis.location.hash = hash
}
