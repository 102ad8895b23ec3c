// SPDX-License-Identifier: Apache-2.0
// The pages on a desktop (a 1280×800 window, mouse, no touch: DingTalk's PC client or a browser
// on a clerk's computer), not only on a phone: the 工作台, the rooms grid, the approvals 发起 list
// and a leave form, and the console. On each page the document does not scroll sideways, the
// page column stays centred and readable (the kit caps it at 560 px) with nothing outside it,
// every input has a label and nothing is logged as an error. Screenshots: desktop-*.png.
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { loginWithPicker } from './support/login.mjs'
import { COURT_ADMIN, JUDGE } from './support/people.mjs'
import { DESKTOP } from './support/phone.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

// Every check a desktop page gets, then its screenshot.
async function expectDesktopPage (browser, name) {
  const { page } = browser
  await expectPageColumn(page)
  await expectAllInputsLabelled(page)
  await screenshot(page, `desktop-${name}`)
  expectNoProblems(browser)
}

browserSuite('desktop: the pages in a desktop window', {
  pages: ['kit', 'workbench', 'console', 'rooms', 'approvals']
}, (court) => {
  let judge

  test('the judge logs in and sees the 工作台', async () => {
    judge = await court.phone({ shape: DESKTOP })
    const { page } = judge
    await loginWithPicker(page, JUDGE, {
      path: '/apps/',
      beforePick: () => expectDesktopPage(judge, 'login-picker')
    })
    await page.locator('.app-tile[data-plugin="rooms"]').waitFor()
    await page.getByText(JUDGE.name).first().waitFor()
    await expectDesktopPage(judge, 'workbench')
  })

  test('the rooms grid', async () => {
    const { page } = judge
    await page.locator('.app-tile[data-plugin="rooms"]').click()
    await page.locator('[data-test="grid"]').waitFor()
    await page.locator('[data-test="cell-hp-301-10"][data-state="free"]').waitFor()
    await expectDesktopPage(judge, 'rooms-grid')
  })

  test('the approvals 发起 list and the leave form', async () => {
    const { page } = judge
    await page.goto('/apps/approvals/ui/#/start')
    await page.locator('[data-test="template-leave"]').waitFor()
    await expectDesktopPage(judge, 'approvals-start')
    await page.locator('[data-test="template-leave"]').click()
    await page.locator('[data-test="submit-form"]').waitFor()
    // 请假天数 is computed from the period (read-only): give the period.
    await page.locator('#f-period-0').fill('2026-12-08T09:00')
    await page.locator('#f-period-1').fill('2026-12-08T17:00')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '1')
    await page.locator('[data-test="preview-step-0"]').waitFor()
    await expectDesktopPage(judge, 'approvals-form')
  })

  test('the console, for the court\'s 综合管理员', async () => {
    const admin = await court.phone({ shape: DESKTOP })
    const { page } = admin
    await loginWithPicker(page, COURT_ADMIN, { path: '/apps/' })
    await page.locator('.app-tile[data-plugin="console"]').click()
    await page.locator('.plugin-row[data-plugin="approvals"]').getByText('运行中').waitFor()
    await expectDesktopPage(admin, 'console')
  })

  // Vant's popups are fixed to the window; the kit keeps them in the column (court.css).
  test('the booking form and the person picker slide up inside the column', async () => {
    const { page } = judge
    await page.goto('/apps/rooms/ui/')
    await page.locator('[data-test="cell-hp-301-10"][data-state="free"]').click()
    await page.locator('[data-test="booking-form"]').waitFor()
    await expectDesktopPage(judge, 'rooms-book-form')
    // Escape closes the popup on top, as a desktop user expects (kit/keyboard.js).
    await page.keyboard.press('Escape')
    await page.locator('[data-test="booking-form"]').waitFor({ state: 'hidden' })
    await page.goto('/apps/approvals/ui/#/new/seal')
    await page.locator('[data-test="choice-reviewer"] input').click()
    await page.locator(`[data-test="person-search"]`).waitFor()
    await expectDesktopPage(judge, 'approvals-person-picker')
  })

  // Vant's cells and tab-bar items are role=button/tab with tabindex 0 but act on a click only;
  // the kit makes Enter and Space click them (kit/keyboard.js), as the rooms grid's <button>s do.
  test('a keyboard opens a form from the 发起 list and switches tabs', async () => {
    const { page } = judge
    await page.goto('/apps/approvals/ui/#/start')
    await page.locator('[data-test="template-leave"]').focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-test="submit-form"]').waitFor({ timeout: 2_000 })
    await page.goto('/apps/approvals/ui/#/start')
    await page.locator('[data-test="tab-tasks"]').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/tasks$/, { timeout: 2_000 })
  })
})
