// SPDX-License-Identifier: Apache-2.0
// 退回 and 重新提交 on four phones: the judge submits a two-day leave (its days computed from the
// period); the 庭长 agrees and corrects the reason, a field the demo lets that step edit here; the
// 分管院领导 returns it to the 庭长, who returns it to the judge; the judge edits the period in
// place and resubmits (the timeline shows both returns and the changes).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, loginWithPicker, storeSession } from './support/login.mjs'
import { DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'
import { daysFromPeriod, editableReason } from './support/demo_config.mjs'

const REASON = '回老家办理房产过户'
const CORRECTED = '回老家办理房产过户手续（需本人到场）'
const PERIOD = ['2026-12-08 09:00', '2026-12-09 17:00'] // Tuesday and Wednesday: 2 workdays

browserSuite('approvals: return and resubmit', {
  pages: ['kit', 'approvals'],
  host: { config: (text) => editableReason(daysFromPeriod(text)) }
}, (court) => {
  let judge
  let instanceId
  let leader // the 分管院领导, from the approvers preview

  async function call (person, method, path, body) {
    const { token } = await devSession(court.url, person)
    const res = await fetch(`${court.url}/apps/approvals${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    })
    return { status: res.status, body: await res.json() }
  }
  // A phone already logged in as `person`, on the approval.
  async function phoneOf (person) {
    const phone = await court.phone()
    await storeSession(phone.context, await devSession(court.url, person))
    await phone.page.goto(`/apps/approvals/ui/#/instance/${instanceId}`)
    await phone.page.locator('[data-test="instance-head"]').waitFor()
    return phone
  }

  test('the judge submits a two-day leave; the days come from the period', async () => {
    judge = await court.phone()
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: '/apps/approvals/ui/#/new/leave' })
    await page.locator('[data-test="submit-form"]').waitFor()
    await page.locator('#f-leave_type').selectOption('事假')
    await page.locator('#f-period-0').fill(PERIOD[0].replace(' ', 'T'))
    await page.locator('#f-period-1').fill(PERIOD[1].replace(' ', 'T'))
    await page.locator('#f-reason').fill(REASON)
    const days = page.locator('#f-days')
    assert.equal(await days.getAttribute('readonly'), '')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '2')
    const preview = await call(JUDGE, 'POST', '/templates/leave/preview',
      { form: { leave_type: '事假', period: PERIOD, reason: REASON } })
    assert.equal(preview.body.computed?.days, 2, JSON.stringify(preview.body))
    leader = preview.body.steps[1].people[0]
    await page.locator('[data-test="preview-step-1"]').getByText(leader.name).waitFor()
    await expectAllInputsLabelled(page)
    await page.locator('[data-test="submit"]').click()
    await page.waitForURL(/#\/instance\/\d+$/)
    instanceId = Number(page.url().match(/#\/instance\/(\d+)$/)[1])
    await page.locator('[data-test="value-days"]').getByText('2').waitFor()
    expectNoProblems(judge)
  })

  test('the 庭长 agrees and corrects the reason, which the timeline shows', async () => {
    const head = await phoneOf(DIVISION_HEAD)
    const { page } = head
    await page.locator('[data-test="action-agree"]').click()
    const dialog = page.locator('[data-test="action-dialog"]')
    const reason = dialog.locator('[data-test="editable-fields"] #f-reason')
    assert.equal(await reason.inputValue(), REASON)
    await reason.fill(CORRECTED)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'approvals-agree-edit')
    await dialog.locator('[data-test="action-confirm"]').click()
    await page.locator('[data-test="value-reason"]').getByText(CORRECTED).waitFor()
    await page.locator('[data-test="timeline"]').getByText(`请假事由：${REASON} → ${CORRECTED}`).waitFor()
    expectNoProblems(head)
    await head.context.close()
  })

  test('the 分管院领导 returns it to the 庭长, choosing among the earlier steps', async () => {
    const phone = await phoneOf(leader)
    const { page } = phone
    await page.locator('[data-test="action-return"]').click()
    const dialog = page.locator('[data-test="action-dialog"]')
    const targets = await dialog.locator('[data-test^="return-target-"]').allInnerTexts()
    assert.equal(targets.length, 2, targets.join('\n'))
    assert.match(targets[0], new RegExp(`发起人.*${JUDGE.name}`))
    assert.match(targets[1], new RegExp(DIVISION_HEAD.name))
    // No target chosen, or no comment: nothing to send.
    await dialog.locator('#action-comment').fill('天数与事由请庭长再核实')
    assert.equal(await dialog.locator('[data-test="action-confirm"]').isDisabled(), true)
    await dialog.locator('[data-test="return-target-1"]').click()
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'approvals-return')
    await dialog.locator('[data-test="action-confirm"]').click()
    await page.locator('[data-test="timeline"]').getByText(/退回至 /).waitFor()
    assert.equal(await page.locator('[data-test="action-agree"]').count(), 0)
    expectNoProblems(phone)
    await phone.context.close()
  })

  test('the 庭长, asked again, returns it to the judge', async () => {
    const head = await phoneOf(DIVISION_HEAD)
    const { page } = head
    await page.locator('[data-test="action-return"]').click()
    const dialog = page.locator('[data-test="action-dialog"]')
    await dialog.locator('[data-test="return-target-0"]').click()
    await dialog.locator('#action-comment').fill('请假时间请写到周四')
    await dialog.locator('[data-test="action-confirm"]').click()
    await page.locator('[data-test="instance-status"]').getByText('已退回').waitFor()
    expectNoProblems(head)
    await head.context.close()
  })

  test('the judge edits the returned leave in place and resubmits it', async () => {
    const { page } = judge
    await page.goto(`/apps/approvals/ui/#/tasks`)
    await page.locator(`[data-test="task-row-${instanceId}"]`).click()
    await page.locator('[data-test="instance-status"]').getByText('已退回').waitFor()
    await page.locator('[data-test="returned-notice"]').waitFor()
    await page.getByText('请假时间请写到周四').waitFor()
    await screenshot(page, 'approvals-returned')
    await page.locator('[data-test="action-resubmit"]').click()
    await page.waitForURL(new RegExp(`#/instance/${instanceId}/edit$`))
    await page.locator('[data-test="resubmit-notice"]').waitFor()
    assert.equal(await page.locator('#f-reason').inputValue(), CORRECTED)
    await page.locator('#f-period-1').fill('2026-12-10T17:00')
    await page.waitForFunction(() => document.querySelector('#f-days').value === '3')
    await page.locator('#resubmit-comment').fill('已改为三天')
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await page.locator('[data-test="submit"]').click()
    await page.waitForURL(new RegExp(`#/instance/${instanceId}$`))
    await page.locator('[data-test="instance-status"]').getByText('审批中').waitFor()
    const timeline = page.locator('[data-test="timeline"]')
    await timeline.getByText('修改后重新提交').waitFor()
    await timeline.getByText('请假天数：2 → 3').waitFor()
    await timeline.getByText('退回发起人').waitFor()
    await timeline.getByText(/退回至 /).waitFor()
    await screenshot(page, 'approvals-resubmitted')
    expectNoProblems(judge)
  })
})
