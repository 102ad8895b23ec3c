// SPDX-License-Identifier: Apache-2.0
// 庭审 on a phone: the judge schedules an in-person hearing (现场庭审, a 科技法庭) with a fellow
// judge on the collegial panel (合议庭), its cause (案由) and 不公开审理; that colleague already
// presides over an online hearing then, so the 409 names them and it; at another hour it is
// scheduled and its card shows mode, cause, panel and no test slot; at its time its booking is
// checked in (the booking's door) and the card shows the hearing 进行中 too, then the judge ends
// it from the hearing and the booking is 已结束 (one state machine: issue 15, bug 5).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN_TOKEN } from './support/court_servers.mjs'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, loginWithPicker } from './support/login.mjs'
import { COLLEAGUE, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'
import { withCourtroom } from './support/demo_config.mjs'

const CASE = '（2026）辽0102民初4518号'
const CAUSE = '民间借贷纠纷'
const OTHER_CASE = '（2026）辽0102民初4402号'
// The test clock stands at Monday 2026-12-07 09:00; hearings are on Thursday, three calendar days
// on, so the notice period (开庭三日前通知) is met without an override.
const DAY = '2026-12-10'

// The refusal of the bench's conflict is logged by the browser as a failed load: provoked here.
const CONFLICT_409 = /status of 409 .*\/apps\/rooms\/hearings/

browserSuite('hearings: an in-person hearing with a panel', {
  pages: ['kit', 'rooms'],
  host: { config: withCourtroom }
}, (court) => {
  let phone
  let page
  let hearingId

  async function call (person, method, path, body) {
    const { token } = await devSession(court.url, person)
    const res = await fetch(`${court.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    })
    return { status: res.status, body: await res.json() }
  }

  test('the colleague presides over an online hearing at 10:00 (the courtroom stays free)', async () => {
    const made = await call(COLLEAGUE, 'POST', '/apps/rooms/hearings', {
      case_number: OTHER_CASE, cause: '买卖合同纠纷', mode: 'online', date: DAY, from: '10:00', to: '11:00',
      judge: COLLEAGUE.user_id, parties: [{ name: '钱七', role: '原告', phone: '13812345678' }],
      override_notice: true, override_reason: '当事人同意当日开庭'
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
  })

  test('the judge fills in an in-person hearing with the colleague on the panel', async () => {
    phone = await court.phone()
    page = phone.page
    await loginWithPicker(page, JUDGE, { path: '/apps/rooms/ui/' })
    await page.locator('[data-test="tab-hearings"]').click()
    await page.locator('[data-test="hearing-new"]').click()
    const form = page.locator('[data-test="hearing-form"]')
    await form.waitFor()
    await page.locator('#hearing-case').fill(CASE)
    await page.locator('#hearing-cause').fill(CAUSE)
    await page.locator('[data-test="mode-in_person"]').click()
    await page.locator('[data-test="hearing-public"]').click() // 不公开审理
    await page.locator('#hearing-date').fill(DAY)
    await page.locator('#hearing-from').fill('10:00')
    await page.locator('#hearing-to').fill('11:00')
    // Only 科技法庭 are proposed for a hearing in person.
    await page.locator('[data-test="proposal-hp-kj1"]').waitFor()
    assert.equal(await page.locator('[data-test="proposal-hp-ys1"]').count(), 0)
    await page.locator('#hearing-panel').click()
    await page.locator('#hearing-panel-picker-q').fill(COLLEAGUE.name)
    await page.locator(`[data-test="person-${COLLEAGUE.user_id}"]`).click()
    await page.locator('[data-test="person-confirm"]').click()
    await page.locator(`[data-test="people-hearing-panel"] [data-test="chosen-${COLLEAGUE.user_id}"]`).waitFor()
    await page.locator('#party-0-name').fill('孙八')
    await page.locator('#party-0-phone').fill('13912345678')
    await page.locator('[data-test="override-notice"]').click()
    await page.locator('#hearing-override-reason').fill('双方当事人同意当日开庭')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-hearing-in-person-form')
    expectNoProblems(phone)
  })

  test('the colleague is busy then: the 409 names them, their role and the other hearing', async () => {
    await page.locator('[data-test="hearing-submit"]').click()
    const dialog = page.locator('[data-test="conflict-dialog"]')
    await dialog.waitFor()
    const items = await dialog.locator('[data-test="conflict-item"]').allInnerTexts()
    assert.equal(items.length, 1, items.join('\n'))
    assert.match(items[0], /12月10日.*10:00.*11:00/s)
    assert.match(items[0], new RegExp(`合议庭成员 ${COLLEAGUE.name} 该时段已有庭审 #\\d+`))
    assert.match(items[0], new RegExp(OTHER_CASE.replace(/[()（）]/g, '.')))
    await screenshot(page, 'rooms-hearing-conflict')
    expectNoProblems(phone, [CONFLICT_409])
    await dialog.getByRole('button', { name: '知道了' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  test('at 14:00 it is scheduled: mode, cause, panel, not public, no test slot', async () => {
    await page.locator('#hearing-from').fill('14:00')
    await page.locator('#hearing-to').fill('15:00')
    await page.locator('[data-test="proposal-hp-kj1"]').waitFor()
    const answered = page.waitForResponse((r) => r.url().endsWith('/apps/rooms/hearings') && r.request().method() === 'POST')
    await page.locator('[data-test="hearing-submit"]').click()
    const answer = await answered
    assert.equal(answer.status(), 201, await answer.text())
    await page.locator('.van-dialog').filter({ hasText: '庭审已安排' }).getByRole('button', { name: '知道了' }).click()
    const list = await call(JUDGE, 'GET', '/apps/rooms/hearings')
    const h = list.body.hearings.find((x) => x.case_number === CASE)
    assert.ok(h, JSON.stringify(list.body))
    hearingId = h.id
    assert.equal(h.mode, 'in_person')
    assert.equal(h.test_slot, null)
    const card = page.locator(`[data-test="hearing-${hearingId}"]`)
    await card.getByText('现场庭审').waitFor()
    assert.match(await card.locator(`[data-test="hearing-cause-${hearingId}"]`).innerText(), new RegExp(`案由：${CAUSE}`))
    await card.locator(`[data-test="hearing-private-${hearingId}"]`).waitFor()
    assert.match(await card.locator(`[data-test="hearing-panel-${hearingId}"]`).innerText(),
      new RegExp(`合议庭：${JUDGE.name}（审判长）、${COLLEAGUE.name}`))
    assert.equal(await card.getByText('庭前测试').count(), 0)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-hearing-in-person')
    expectNoProblems(phone)
  })

  test('checked in through its booking, the hearing is 进行中; ended from the hearing, the booking is 已结束', async () => {
    // Thursday 13:50: the booking's check-in window is open.
    const moved = await fetch(`${court.url}/admin/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advance_ms: ((3 * 24 + 4) * 60 + 50) * 60 * 1000 })
    })
    assert.equal(moved.status, 200)
    const { body: h } = await call(JUDGE, 'GET', `/apps/rooms/hearings/${hearingId}`)
    assert.equal(h.status, '已通知', JSON.stringify(h))
    // The room is checked in through the booking's own door (the API a card or `signin` uses;
    // 我的预约 offers check-in for meetings only): the hearing opens with it (bug 5).
    const checkedIn = await call(JUDGE, 'POST', `/apps/rooms/bookings/${h.booking.id}/checkin`)
    assert.equal(checkedIn.status, 200, JSON.stringify(checkedIn.body))
    // Three days on, the morning's session has expired: the judge logs in again.
    await loginWithPicker(page, JUDGE, { path: '/apps/rooms/ui/' })
    await page.locator('[data-test="tab-hearings"]').click()
    const card = page.locator(`[data-test="hearing-${hearingId}"]`)
    await card.locator(`[data-test="hearing-status-${hearingId}"]`).getByText('进行中').waitFor()
    await card.locator(`[data-test="hearing-booking-${hearingId}"]`).getByText('已签到').waitFor()
    await card.locator(`[data-test="hearing-step-${hearingId}-已结束"]`).click()
    await page.locator('.van-dialog').getByRole('button', { name: '确定' }).click()
    await page.locator('[data-test="hearings-show-all"]').click()
    await card.locator(`[data-test="hearing-status-${hearingId}"]`).getByText('已结束').waitFor()
    await card.locator(`[data-test="hearing-booking-${hearingId}"]`).getByText('已结束').waitFor()
    const after = await call(JUDGE, 'GET', `/apps/rooms/hearings/${hearingId}`)
    assert.equal(after.body.status, '已结束')
    assert.equal(after.body.booking.status, '已结束')
    expectNoProblems(phone)
  })
})
