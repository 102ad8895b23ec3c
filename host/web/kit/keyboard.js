// SPDX-License-Identifier: Apache-2.0
// The keyboard on a desktop. Enter and Space act on Vant's clickable cells and tab-bar items as
// on a real button: Vant marks them role="button" / role="tab" with a tabindex, so a keyboard
// reaches them, but they listen for clicks only. Escape closes the popup on top, as a tap on its
// overlay does (popups that must not close that way, like dialogs, ignore it too).

const NATIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'])
const ROLES = new Set(['button', 'tab', 'menuitem', 'option', 'link'])

// True when `key` pressed on `el` should click it. Pure, for the tests.
export function activatesOnKey(el, key) {
  if (key !== 'Enter' && key !== ' ') return false
  if (!el || typeof el.getAttribute !== 'function' || NATIVE.has(el.tagName)) return false
  if (el.isContentEditable) return false
  return ROLES.has(el.getAttribute('role'))
}

let installed = false

// Installs the listener on the document once; later calls do nothing.
export function answerKeyboard(doc = globalThis.document) {
  if (installed || !doc) return
  installed = true
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.repeat) return
    if (e.key === 'Escape') {
      const shown = [...doc.querySelectorAll('.van-overlay')].filter((o) => getComputedStyle(o).display !== 'none')
      shown.at(-1)?.click()
      return
    }
    if (!activatesOnKey(e.target, e.key)) return
    e.preventDefault()  // no page scroll on Space
    e.target.click()
  })
}
