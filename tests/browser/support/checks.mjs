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

// The page in its column, at any window size: the document does not scroll sideways; the kit's
// page column (#app, --court-width in host/web/kit/style/court.css) is centred and between
// `minWidth` (still readable) and `maxWidth` px wide; Vant's fixed parts (tab bar, submit and
// action bars, and open popups: a form sliding up, a picker, a dialog) lie inside it; and nothing
// else sticks out of it, unless a scrolling or clipping box inside the column holds it (the rooms
// grid scrolls sideways within the page). Measured once animations have ended.
export async function expectPageColumn (page, { minWidth = 320, maxWidth = 560 } = {}) {
  await settled(page)
  const layout = await page.evaluate(() => {
    const doc = document.documentElement
    const app = document.getElementById('app')
    const col = app.getBoundingClientRect()
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` +
      `${[...el.classList].slice(0, 2).map((c) => `.${c}`).join('')}` +
      `${el.dataset.test ? `[data-test=${el.dataset.test}]` : ''}`
    const shown = (el, r) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    const inside = (r) => r.left >= col.left - 1 && r.right <= col.right + 1
    // Held by an ancestor inside the column that clips or scrolls sideways, or fixed (the bars
    // and popups are checked on their own; toasts and overlays cover the window on purpose).
    const held = (el) => {
      for (let a = el; a && a !== app; a = a.parentElement) {
        const style = getComputedStyle(a)
        if (style.position === 'fixed') return true
        if (a !== el && style.overflowX !== 'visible' && inside(a.getBoundingClientRect())) return true
      }
      return false
    }
    const sticking = [...app.querySelectorAll('*')]
      .filter((el) => { const r = el.getBoundingClientRect(); return shown(el, r) && !inside(r) && !held(el) })
      .map((el) => { const r = el.getBoundingClientRect(); return `${name(el)} ${Math.round(r.left)}..${Math.round(r.right)}` })
    const bars = [...document.querySelectorAll('.van-tabbar--fixed, .van-submit-bar, .van-action-bar, .van-popup')]
      .filter((el) => shown(el, el.getBoundingClientRect()) && !inside(el.getBoundingClientRect()))
      .map((el) => { const r = el.getBoundingClientRect(); return `${name(el)} ${Math.round(r.left)}..${Math.round(r.right)}` })
    return {
      viewport: doc.clientWidth,
      scrollWidth: Math.max(doc.scrollWidth, document.body.scrollWidth),
      column: { left: col.left, width: col.width },
      sticking: sticking.slice(0, 10),
      bars
    }
  })
  const where = page.url()
  assert.ok(layout.scrollWidth <= layout.viewport,
    `${where} scrolls sideways: ${layout.scrollWidth} px of content in ${layout.viewport}`)
  const { left, width } = layout.column
  assert.ok(width >= Math.min(minWidth, layout.viewport) && width <= maxWidth,
    `${where}: the page column is ${width} px wide (${minWidth}–${maxWidth} expected)`)
  assert.ok(Math.abs(left - (layout.viewport - width) / 2) <= 1,
    `${where}: the page column (${width} px at ${left}) is not centred in ${layout.viewport} px`)
  assert.deepEqual(layout.bars, [], `${where}: fixed bars or popups outside the page column (${Math.round(left)}..${Math.round(left + width)})`)
  assert.deepEqual(layout.sticking, [], `${where}: content outside the page column (${Math.round(left)}..${Math.round(left + width)})`)
}

// Resolves once no animation or transition runs on the page (a popup has slid in, a toast faded).
export async function settled (page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}
