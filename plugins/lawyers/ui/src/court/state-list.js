// SPDX-License-Identifier: Apache-2.0
// A staff list filtered by state (the desks: filings, representations, appointments, lawyers):
// `state` (the filter), `list` ({items, refused} once loaded, null while loading) and `load()`,
// which runs at mount and again when the state or `query()`'s answer changes. A 403 (someone
// else's work) becomes `refused`, a sentence for the page, instead of a dialog.
import { onMounted, ref, watch } from 'vue'
import { loadList } from './refusal.js'

export function useStateList(path, initial, query = () => ({})) {
  const state = ref(initial)
  const list = ref(null)
  async function load() {
    list.value = null
    list.value = await loadList(path, { state: state.value || undefined, ...query() })
  }
  onMounted(load)
  watch(state, load)
  return { state, list, load }
}
