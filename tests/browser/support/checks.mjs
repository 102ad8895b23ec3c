// SPDX-License-Identifier: Apache-2.0
// What every browser test checks on every page: no console errors or uncaught exceptions, and a
// label for every visible input, select and textarea (COMMON.md's accessibility rule).
import assert from 'node:assert/strict'

// Fails with every problem the phone recorded except those matching one of `expected` (RegExps
// for errors a step provokes on purpose, e.g. the 409 of a conflicting booking); empties the list.
export function expectNoProblems (phone, expected = []) {
  const unexpected = phone.problems.filter((p) => !expected.some((re) => re.test(p)))
  phone.problems.length = 0
  assert.deepEqual(unexpected, [], `the page reported errors:\n${unexpected.join('\n')}`)
}

// Every visible input, select and textarea (hidden inputs and invisible controls excepted) has a
// <label for=id>, an enclosing <label>, aria-label or aria-labelledby naming something.
export async function expectAllInputsLabelled (page) {
  const unlabelled = await page.evaluate(() => {
    const visible = (el) => {
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0
    }
    const text = (s) => (s || '').trim().length > 0
    const named = (el) => {
      if (text(el.getAttribute('aria-label'))) return true
      const by = el.getAttribute('aria-labelledby')
      if (by && by.split(/\s+/).some((id) => text(document.getElementById(id)?.textContent))) return true
      if (el.id && [...document.querySelectorAll('label[for]')]
        .some((l) => l.htmlFor === el.id && text(l.textContent))) return true
      return Boolean(el.closest('label') && text(el.closest('label').textContent))
    }
    return [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && visible(el) && !named(el))
      .map((el) => el.outerHTML.slice(0, 200))
  })
  assert.deepEqual(unlabelled, [], `inputs without a label on ${page.url()}:\n${unlabelled.join('\n')}`)
}
