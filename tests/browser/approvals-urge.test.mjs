// SPDX-License-Identifier: Apache-2.0
// 催办 and the days of a leave computed from its period (issue 15), on the demo with the leave's
// 请假天数 computed from 请假时间 in workdays (`host.config`): the judge picks a two-workday period
// and sees 请假天数 2, read-only; submits; urges the 庭长 (已催办 戴婷振, the timeline says so) and
// the button then waits; half an hour later a press the server refuses as too soon (an urge from
// elsewhere in between) shows its 409 message.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN_TOKEN } from './support/court_servers.mjs'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, loginWithPicker } from './support/login.mjs'
import { DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'
import { daysFromPeriod } from './support/demo_config.mjs'

// The refusal the test provokes: the 409 of an urge too soon.
const URGE_409 = /status of 409 .*\/apps\/approvals\/instances\/\d+\/urge/

browserSuite('approvals: days from the period and 催办', {
  pages: ['kit', 'approvals'],
  host: { config: daysFromPeriod }
}, (court) => {
  let judge
  let instanceId

  test('the judge picks a two-workday period: 请假天数 is 2, computed and read-only', async () => {
    judge = await court.phone()
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: '/apps/approvals/ui/#/new/leave' })
    await page.locator('[data-test="submit-form"]').waitFor()
    await page.locator('#f-leave_type').selectOption('事假')
    await page.locator('#f-period-0').fill('2026-12-08T09:00')
    await page.locator('#f-period-1').fill('2026-12-09T17:00') // Tuesday and Wednesday
    await page.locator('#f-reason').fill('回老家办理房产过户')
    const days = page.locator('#f-days')
    assert.equal(await days.getAttribute('readonly'), '')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '2')
    await page.locator('[data-test="field-days"] [data-test="computed-note"]').waitFor()
    // A day later: 3.
    await page.locator('#f-period-1').fill('2026-12-10T17:00')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '3')
    await page.locator('#f-period-1').fill('2026-12-09T17:00')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '2')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'approvals-leave-days')
    await page.locator('[data-test="submit"]').click()
    await page.waitForURL(/#\/instance\/\d+$/)
    instanceId = Number(page.url().match(/#\/instance\/(\d+)$/)[1])
    await page.locator('[data-test="value-days"]').getByText('2', { exact: true }).waitFor()
    expectNoProblems(judge)
  })

  test('the judge urges the 庭长; the button then waits', async () => {
    const { page } = judge
    const urge = page.locator('[data-test="action-urge"]')
    await urge.getByText('催办', { exact: true }).waitFor()
    assert.equal(await urge.isDisabled(), false)
    await urge.click()
    await page.locator('[data-test="action-dialog"] [data-test="action-confirm"]').click()
    await page.locator('.van-toast').getByText(`已催办 ${DIVISION_HEAD.name}`).waitFor()
    await page.locator('[data-test="action-urge"]:disabled').getByText(/催办（\d+分钟后）/).waitFor()
    await page.locator('[data-test="timeline"]').getByText(`催办 ${DIVISION_HEAD.name}`).waitFor()
    await screenshot(page, 'approvals-urged')
    expectNoProblems(judge)
  })

  test('an urge the server refuses as too soon shows its 409 message', async () => {
    const { page } = judge
    // Half an hour later the button is back; meanwhile the judge urged from elsewhere.
    const moved = await fetch(`${court.url}/admin/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advance_ms: 31 * 60 * 1000 })
    })
    assert.equal(moved.status, 200)
    await page.reload()
    const urge = page.locator('[data-test="action-urge"]')
    await urge.getByText('催办', { exact: true }).waitFor()
    const { token } = await devSession(court.url, JUDGE)
    const first = await fetch(`${court.url}/apps/approvals/instances/${instanceId}/urge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}'
    })
    assert.equal(first.status, 200, await first.text())
    await urge.click()
    await page.locator('[data-test="action-dialog"] [data-test="action-confirm"]').click()
    await page.locator('.van-dialog').getByText(/已催办，请\d+分钟后再试/).waitFor()
    await screenshot(page, 'approvals-urge-refused')
    expectNoProblems(judge, [URGE_409])
  })
})
