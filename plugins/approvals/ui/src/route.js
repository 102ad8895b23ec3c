// SPDX-License-Identifier: Apache-2.0
// The page's place, kept in the URL's hash so the back button and reloads work:
//   #/tasks (default), #/start, #/submitted, #/copied — the tabs
//   #/new/<template>[?from=<instance id>]             — the form (from: filled in from that one)
//   #/instance/<id>                                     — one approval
//   #/instance/<id>/edit                                — a returned one's form, resubmitted in place
import { reactive } from 'vue'

export const TABS = ['tasks', 'start', 'submitted', 'copied']

function parse(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?')
  const parts = path.split('/').filter(Boolean)
  const params = Object.fromEntries(new URLSearchParams(query))
  if (parts[0] === 'new' && parts[1]) return { view: 'new', code: parts[1], params }
  if (parts[0] === 'instance' && /^\d+$/.test(parts[1] || ''))
    return { view: parts[2] === 'edit' ? 'resubmit' : 'instance', id: Number(parts[1]), params }
  return { view: 'home', tab: TABS.includes(parts[0]) ? parts[0] : 'tasks', params }
}

export const route = reactive(parse(globalThis.location.hash))

// The tab last shown, where an approval's back arrow returns to.
export let lastTab = route.tab ?? 'tasks'

globalThis.addEventListener('hashchange', () => {
  Object.assign(route, { code: undefined, id: undefined, tab: undefined,
    ...parse(globalThis.location.hash) })
  if (route.tab) lastTab = route.tab
})

export function go(hash) {
  globalThis.location.hash = hash
}
