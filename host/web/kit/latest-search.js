// SPDX-License-Identifier: Apache-2.0
// A search that answers as the user types. soon() asks after `delay` ms without typing, now()
// at once; only the newest request's answer is kept, so an older one that arrives late never
// replaces it. A failure is shown with showError (the newest request's only).
import { ref } from 'vue'
import { showError } from './feedback.js'

// `fetchResults()` resolves with the list to show. `loading` starts as given (true for a list
// that is searched as soon as it appears, so it never flashes "nothing found").
export function useLatestSearch(fetchResults, { delay = 250, loading: startLoading = false } = {}) {
  const results = ref([])
  const loading = ref(startLoading)
  let timer = null
  let asked = 0

  async function now() {
    clearTimeout(timer)
    const mine = ++asked
    loading.value = true
    try {
      const found = await fetchResults()
      if (mine === asked) results.value = found
    } catch (err) {
      if (mine === asked) showError(err)
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  function soon() {
    clearTimeout(timer)
    timer = setTimeout(now, delay)
  }

  return { results, loading, now, soon }
}
