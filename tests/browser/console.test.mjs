// SPDX-License-Identifier: Apache-2.0
// 管理控制台 on a phone: the court's 综合管理员 opens it from the 工作台, sees the plugins with
// their state, reloads the configuration and sees the result, and finds the reload in the audit
// log under their own name; a judge who opens /console/ gets the sign-in panel instead.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { loginWithPicker } from './support/login.mjs'
import { COURT_ADMIN, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

browserSuite('console: the court admin reloads the configuration', { pages: ['kit', 'workbench', 'console'] }, (court) => {
  let admin

  test('the 综合管理员 opens the console from the 工作台 and sees the plugins', async () => {
    admin = await court.phone()
    const { page } = admin
    await loginWithPicker(page, COURT_ADMIN, { path: '/apps/' })
    await page.locator('.app-tile[data-plugin="console"]').click()
    await page.waitForURL(/\/console\/$/)
    for (const plugin of ['approvals', 'hello', 'rooms']) {
      await page.locator(`.plugin-row[data-plugin="${plugin}"]`).getByText('运行中').waitFor()
    }
    await page.getByText(COURT_ADMIN.name).first().waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'console-plugins')
    expectNoProblems(admin)
  })

  test('the 综合管理员 reloads the configuration and sees the result', async () => {
    const { page } = admin
    await page.getByRole('button', { name: '重新加载配置' }).click()
    await page.locator('.van-toast').getByText('已重新加载').waitFor()
    const result = page.locator('.reload-result[data-ok="true"]')
    await result.getByText('重新加载结果').waitFor()
    // The same file again: every plugin is listed, none changed.
    for (const plugin of ['approvals', 'hello', 'rooms']) {
      await result.locator('.van-cell').filter({ hasText: plugin }).getByText('未变').waitFor()
    }
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    await screenshot(page, 'console-reload')
    expectNoProblems(admin)
  })

  test('the reload is in the audit log under the 综合管理员\'s id', async () => {
    const { page } = admin
    await page.getByRole('tab', { name: '审计日志' }).click()
    const entry = page.locator('[data-audit-id]').filter({ hasText: 'config.reload' }).first()
    await entry.waitFor()
    assert.match(await entry.innerText(), new RegExp(COURT_ADMIN.user_id))
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'console-audit')
    expectNoProblems(admin)
  })

  test('the 综合管理员 sees the message backlogs', async () => {
    const { page } = admin
    await page.getByRole('tab', { name: '消息队列' }).click()
    await page.getByText('发件箱（发往钉钉的消息）').waitFor()
    await page.getByText('收件箱（钉钉事件）').waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'console-queues')
    expectNoProblems(admin)
  })

  test('a judge who opens the console is not let in', async () => {
    const judge = await court.phone()
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: '/apps/' })
    assert.equal(await page.locator('.app-tile[data-plugin="console"]').count(), 0)
    await page.goto('/console/')
    await page.locator('#admin-token').waitFor()
    assert.equal(await page.getByRole('button', { name: '重新加载配置' }).count(), 0)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'console-sign-in')
    expectNoProblems(judge)
  })
})
