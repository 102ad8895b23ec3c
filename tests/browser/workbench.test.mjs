// SPDX-License-Identifier: Apache-2.0
// 工作台 on a phone: a judge opens /apps/ logged out, picks themself in 选择演示用户 (searching by
// name), and sees a tile per app of the enabled plugins, in their declared order, without the
// console (lawyers' tile opens its court pages, not the lawyers' portal); the court's 综合管理员
// also gets the 管理控制台 tile.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { openPicker, pickUser } from './support/login.mjs'
import { builtPages } from './support/paths.mjs'
import { COURT, COURT_ADMIN, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

// The apps the demo configuration enables that declare a page (<name>.ui/app.json), by order.
function declaredApps () {
  return ['hello', 'approvals', 'attendance', 'rooms', 'incentive_board', 'lawyers']
    .map((plugin) => ({ plugin, file: join(builtPages(plugin), 'app.json') }))
    .filter(({ file }) => existsSync(file))
    .map(({ plugin, file }) => ({ plugin, ...JSON.parse(readFileSync(file, 'utf8')) }))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

const tiles = (page) => page.locator('.app-tile')

browserSuite('workbench: logging in and the apps', { pages: ['kit', 'workbench'] }, (court) => {
  test('a judge logs in through the picker and sees the apps', async () => {
    const phone = await court.phone()
    const { page } = phone
    await openPicker(page, { path: '/apps/' })
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await pickUser(page, JUDGE, {
      beforePick: async () => {
        // The search found the judge, with their court.
        const entry = page.locator(`[data-user-id="${JUDGE.user_id}"]`)
        assert.match(await entry.innerText(), new RegExp(COURT.name))
        await screenshot(page, 'login-picker')
      }
    })
    const apps = declaredApps()
    assert.ok(apps.length > 0, 'some plugin declares a page')
    await tiles(page).first().waitFor()
    await page.getByText(JUDGE.name).first().waitFor()
    // The host's today (the test clock), as a Chinese reader writes it.
    await page.getByText(/12月7日\s*周一/).first().waitFor()
    assert.deepEqual(await tiles(page).evaluateAll((els) => els.map((e) => e.dataset.plugin)),
      apps.map((a) => a.plugin))
    for (const app of apps) {
      const tile = page.locator(`.app-tile[data-plugin="${app.plugin}"]`)
      // A tile opens the folder (its index.html), or the page its app.json names: lawyers' tile
      // opens the court's pages, never the lawyers' portal.
      assert.equal(await tile.getAttribute('href'), `/apps/${app.plugin}/ui/${app.page ?? ''}`)
      assert.match(await tile.innerText(), new RegExp(app.title))
    }
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'workbench')
    expectNoProblems(phone)
  })

  test('the court\'s 综合管理员 also sees the console', async () => {
    const phone = await court.phone()
    const { page } = phone
    await openPicker(page, { path: '/apps/' })
    await pickUser(page, COURT_ADMIN)
    const tile = page.locator('.app-tile[data-plugin="console"]')
    await tile.waitFor()
    assert.equal(await tile.getAttribute('href'), '/console/')
    await screenshot(page, 'workbench-admin')
    expectNoProblems(phone)
  })
})
