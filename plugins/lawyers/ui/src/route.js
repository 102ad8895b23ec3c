// SPDX-License-Identifier: Apache-2.0
// Where a page is, kept in the URL's hash so back and reload work: '#/filings/12/resubmit' →
// route.parts ['filings', '12', 'resubmit']. Each page (portal, court) names its own places.
import { reactive } from 'vue'

export function parseHash(hash) {
  const [path, query = ''] = String(hash ?? '').replace(/^#\/?/, '').split('?')
  return { parts: path.split('/').filter(Boolean), params: Object.fromEntries(new URLSearchParams(query)) }
}

export const route = reactive(parseHash(globalThis.location?.hash))

globalThis.addEventListener?.('hashchange', () => Object.assign(route, parseHash(globalThis.location.hash)))

export function go(hash) {
  globalThis.location.hash = hash
}

// The numeric id at `i` of the route, or 0.
export function idAt(i) {
  const v = route.parts[i]
  return /^\d+$/.test(v ?? '') ? Number(v) : 0
}
