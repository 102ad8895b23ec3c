// SPDX-License-Identifier: Apache-2.0
// 审批 on three phones: the judge fills in a one-day leave (the approvers preview names their
// 庭长) and submits it; the 庭长 logs in, sees the task badge on the 工作台 and in 待我审批, opens
// the leave and agrees; the judge sees it approved; the court's 考勤管理员 finds it in 抄送我的.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { loginWithPicker } from './support/login.mjs'
import { COURT_ADMIN, DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

const REASON = '孩子学校开家长会'

browserSuite('approvals: a leave from the judge to the 庭长', { pages: ['kit', 'workbench', 'approvals'] }, (court) => {
  let judge
  let head
  let instanceId

  test('the judge fills in a leave and sees who will approve it', async () => {
    judge = await court.phone()
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: '/apps/approvals/ui/#/start' })
    await page.locator('[data-test="template-leave"]').click()
    await page.locator('[data-test="submit-form"]').waitFor()
    await page.locator('#f-leave_type').selectOption('事假')
    await page.locator('#f-period-0').fill('2026-12-08T09:00')
    await page.locator('#f-period-1').fill('2026-12-08T17:00')
    // 请假天数 is computed from the period (from_period, workdays): read-only, shown as it changes.
    await page.waitForFunction(() => document.querySelector('#f-days').value === '1')
    await page.locator('#f-reason').fill(REASON)
    // One day: only the 庭长 (the 分管院领导 from 2 days, the 院长 from 4).
    const first = page.locator('[data-test="preview-step-0"]')
    await first.getByText(DIVISION_HEAD.name).waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'approvals-leave-form')
    expectNoProblems(judge)
  })

  test('the judge submits it and sees it waiting for the 庭长', async () => {
    const { page } = judge
    await page.locator('[data-test="submit"]').click()
    await page.waitForURL(/#\/instance\/\d+$/)
    instanceId = Number(page.url().match(/#\/instance\/(\d+)$/)[1])
    const status = page.locator('[data-test="instance-status"]')
    await status.getByText('审批中').waitFor()
    await page.locator('[data-test="step-1"]').getByText(DIVISION_HEAD.name).waitFor()
    // The originator may withdraw, not agree.
    assert.equal(await page.locator('[data-test="action-agree"]').count(), 0)
    await screenshot(page, 'approvals-submitted')
    expectNoProblems(judge)
  })

  test('the 庭长 sees the task badge on the 工作台 and in 待我审批', async () => {
    head = await court.phone()
    const { page } = head
    await loginWithPicker(page, DIVISION_HEAD, { path: '/apps/' })
    const tile = page.locator('.app-tile[data-plugin="approvals"]')
    await tile.locator('.van-badge').getByText('1', { exact: true }).waitFor()
    await screenshot(page, 'workbench-badge')
    await tile.click()
    await page.waitForURL(/\/apps\/approvals\/ui\//)
    await page.locator('[data-test="tab-tasks"] .van-badge').getByText('1', { exact: true }).waitFor()
    const row = page.locator(`[data-test="task-row-${instanceId}"]`)
    await row.getByText('审批中').waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'approvals-tasks')
    expectNoProblems(head)
  })

  test('the 庭长 opens the leave and agrees', async () => {
    const { page } = head
    await page.locator(`[data-test="task-row-${instanceId}"]`).click()
    await page.getByText(REASON).waitFor()
    await page.locator('[data-test="action-agree"]').waitFor()
    await screenshot(page, 'approvals-task')
    await page.locator('[data-test="action-agree"]').click()
    const dialog = page.locator('[data-test="action-dialog"]')
    await page.locator('#action-comment').fill('同意，注意交接好手头案件')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await dialog.locator('[data-test="action-confirm"]').click()
    await page.locator('[data-test="instance-status"]').getByText('已通过').waitFor()
    assert.equal(await page.locator('[data-test="action-agree"]').count(), 0)
    expectNoProblems(head)
    // Done with this phone: today each of its idle keep-alive connections holds one of the
    // host's worker threads for 15 s (issue 17 replaces that edge).
    await head.context.close()
  })

  test('the judge sees the leave approved', async () => {
    const { page } = judge
    await page.goto('/apps/approvals/ui/#/submitted')
    const row = page.locator(`[data-test="submitted-row-${instanceId}"]`)
    await row.getByText('已通过').waitFor()
    await row.click()
    await page.locator('[data-test="instance-status"]').getByText('已通过').waitFor()
    await page.getByText('同意，注意交接好手头案件').waitFor()
    await screenshot(page, 'approvals-approved')
    expectNoProblems(judge)
  })

  test('the court\'s 考勤管理员 finds the finished leave in 抄送我的', async () => {
    const admin = await court.phone()
    const { page } = admin
    await loginWithPicker(page, COURT_ADMIN, { path: '/apps/approvals/ui/#/copied' })
    await page.locator(`[data-test="copied-row-${instanceId}"]`).getByText('已通过').waitFor()
    await screenshot(page, 'approvals-copied')
    expectNoProblems(admin)
  })
})
