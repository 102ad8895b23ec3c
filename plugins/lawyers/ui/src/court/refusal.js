// SPDX-License-Identifier: Apache-2.0
// Loads a staff list; a 403 (not this person's work) becomes a sentence for the page instead of
// a dialog. Resolves with {items, refused}.
import { showError } from '@courthub/kit'
import { court } from './court-api.js'

export async function loadList(path, query) {
  try {
    return { items: (await court.get(path, query)).items ?? [], refused: '' }
  } catch (err) {
    if (err.status === 403) return { items: [], refused: err.message || '没有权限' }
    showError(err)
    return { items: [], refused: '' }
  }
}
