// SPDX-License-Identifier: Apache-2.0
// 考勤打卡 on a phone, on the host's test clock at Monday 7 December 2026, 08:25: the judge, at
// the court's building (geolocation emulated), sees 在考勤范围内 and checks in on time; a colleague
// 5 km away checks in 外勤 with the remark the group requires, one of a group without 外勤 cannot;
// a phone that refuses the position cannot punch; the judge's month shows the four absent days
// before today, a 补卡 for one of them opens until the month's fourth is refused with the server's
// words, and an agreed 事假 covers a check; the 庭长 sees the division's day; the 综合管理员 reads
// the court's groups, shifts and roster, widens the building's range and gives the shift a flex;
// the pages keep to the page column in a desktop window.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { ADMIN_TOKEN } from './support/court_servers.mjs'
import { devSession, loginWithPicker, storeSession } from './support/login.mjs'
import { COLLEAGUE, COURT, COURT_ADMIN, DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { DESKTOP, PHONE } from './support/phone.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

// 08:25 in Shanghai on the first workday of the week: five minutes before the 08:30 check.
const CLOCK_MS = Date.UTC(2026, 11, 7, 0, 25, 0)
const BUILDING = { latitude: 41.7880, longitude: 123.4010 }
// 0.05° north: about 5.6 km from the building.
const AWAY = { latitude: BUILDING.latitude + 0.05, longitude: BUILDING.longitude }

// The court's groups in these tests (whatever the demo's are): everyone of 沈阳市和平区人民法院
// (its root department, 18000) on the rules doc's example shift, the building with a 500 m range,
// 外勤 allowed without approval but with a remark; the 立案庭 (18001) on a duty roster; at most
// three 补卡 a month.
const ATTENDANCE = `
  - name: attendance
    enabled: true
    settings:
      punch_fix_per_month: 3
      approval_templates: {leave: leave, business_trip: business_trip, outing: outing,
                           punch_fix: punch_fix, outside_punch: outside_punch}
      shifts:
        - {id: winter, name: 冬季作息, court: ${COURT.code}, sections: ["08:30-12:00", "13:30-17:30"]}
        - {id: duty, name: 值班, court: ${COURT.code}, sections: ["09:00-12:00"]}
      groups:
        - id: hp-court
          court: ${COURT.code}
          name: 和平区法院考勤
          type: FIXED
          shift: winter
          members: {departments: ["18000"]}
          locations:
            - {title: 本院办公楼, address: 沈阳市和平区, latitude: ${BUILDING.latitude}, longitude: ${BUILDING.longitude}, radius_m: 500}
          outside: {allowed: true, approval: none, remark_required: true}
        - id: hp-filing
          court: ${COURT.code}
          name: 立案庭排班
          type: TURN
          shifts: [winter, duty]
          members: {departments: ["18001"]}
          locations:
            - {title: 本院办公楼, address: 沈阳市和平区, latitude: ${BUILDING.latitude}, longitude: ${BUILDING.longitude}, radius_m: 500}
          outside: {allowed: false}
          skip_holidays: false
`

// The lines of `lines` without the plugin entry `name` (from its `  - name:` line to the next
// entry or comment of the list).
function withoutPlugin (lines, name) {
  const start = lines.findIndex((l) => new RegExp(`^ {2}- name: ${name}\\s*$`).test(l))
  if (start < 0) return lines
  let end = start + 1
  while (end < lines.length && !/^ {2}(- name:|#)/.test(lines[end])) end++
  return [...lines.slice(0, start), ...lines.slice(end)]
}

// The demo configuration with the attendance entry above in place of the demo's (plugins is the
// file's last key, so the entry goes at its end).
function attendanceConfig (text) {
  const lines = withoutPlugin(text.split('\n'), 'attendance')
  return `${lines.join('\n').trimEnd()}\n${ATTENDANCE}`
}

const PAGE = '/apps/attendance/ui/'
const location = (page) => page.locator('[data-test="location-state"]')
const button = (page) => page.locator('[data-test="punch-button"]')

// The refused fourth 补卡 and the browser's line for its 409, provoked on purpose.
const FIX_409 = /status of 409 .*\/apps\/attendance\/punch-fixes/

browserSuite('attendance: check-in, my month, the department, the rules', {
  pages: ['kit', 'attendance'],
  host: { config: attendanceConfig, env: { COURTHUB_TEST_CLOCK_MS: String(CLOCK_MS), COURTHUB_BOARD_DEMO_CASES: '0' } }
}, (court) => {
  let judge

  // A phone at `position` that lets the page read it (or refuses it: position null).
  const phoneAt = (position) => court.phone({
    shape: position ? { ...PHONE, geolocation: { ...position, accuracy: 20 }, permissions: ['geolocation'] } : PHONE
  })
  const phoneOf = async (person, position) => {
    const phone = await phoneAt(position)
    await storeSession(phone.context, await devSession(court.url, person))
    return phone
  }

  test('at the building the judge is in range and checks in on time', async () => {
    judge = await phoneAt(BUILDING)
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: PAGE })
    await page.locator(`${'[data-test="location-state"]'}[data-kind="inside"]`).waitFor()
    assert.match(await location(page).innerText(), /在考勤范围内：本院办公楼/)
    assert.match(await page.locator('[data-test="group-name"]').innerText(), /和平区法院考勤 · 08:30-12:00 13:30-17:30/)
    assert.match(await page.locator('[data-test="today-date"]').innerText(), /12月7日 周一/)
    // The big button is for the 08:30 check and shows the host's time, not the machine's.
    assert.match(await button(page).innerText(), /上班打卡\s*08:2\d:\d\d/)
    const checks = page.locator('[data-test="today-check"]')
    assert.equal(await checks.count(), 4)
    assert.match(await checks.first().innerText(), /上班 08:30.*未打卡/s)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-checkin')

    await button(page).click()
    const feedback = page.locator('[data-test="punch-feedback"]')
    await feedback.waitFor()
    assert.match(await feedback.innerText(), /上班打卡成功 08:25\s*正常/)
    assert.equal(await checks.first().getAttribute('data-result'), 'Normal')
    assert.match(await checks.first().innerText(), /上班 08:30.*打卡 08:25.*正常/s)
    await page.locator('[data-test="today-punch"]').filter({ hasText: '08:25' }).waitFor()
    await screenshot(page, 'attendance-checked-in')
    expectNoProblems(judge)
  })

  test('5 km away a colleague checks in 外勤 with the remark the group requires', async () => {
    const phone = await phoneOf(COLLEAGUE, AWAY)
    const { page } = phone
    await page.goto(PAGE)
    await page.locator('[data-test="location-state"][data-kind="outside"]').waitFor()
    assert.match(await location(page).innerText(), /外勤/)
    assert.match(await page.locator('[data-test="location-note"]').innerText(), /距本院办公楼5\.6公里/)
    assert.match(await button(page).innerText(), /外勤上班打卡/)
    // Without the remark nothing is sent: the field says why.
    await button(page).click()
    await page.getByText('外勤打卡须填写备注').waitFor()
    await page.locator('#punch-remark').fill('外出开庭（铁西区法院）')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-outside')
    await button(page).click()
    const feedback = page.locator('[data-test="punch-feedback"]')
    await feedback.waitFor()
    assert.match(await feedback.innerText(), /上班外勤打卡成功 08:25\s*正常 · 外勤/)
    await page.locator('[data-test="today-punch"]').filter({ hasText: /08:25 · 外勤/ }).waitFor()
    expectNoProblems(phone)
  })

  test('a phone that refuses its position cannot punch and says why', async () => {
    const phone = await phoneOf(COURT_ADMIN, null)
    const { page } = phone
    await page.goto(PAGE)
    await page.locator('[data-test="location-state"][data-kind="denied"]').waitFor()
    assert.match(await location(page).innerText(), /未授权定位/)
    assert.match(await page.locator('[data-test="location-note"]').innerText(), /允许.*位置/)
    assert.equal(await button(page).isDisabled(), true)
    await expectPageColumn(page)
    await screenshot(page, 'attendance-denied')
    expectNoProblems(phone)
  })

  test('5 km away, a member of a group without 外勤 is told so and cannot punch', async () => {
    const filing = { user_id: 'LN-BC-SY-01-011', name: '薛艳朋' }  // 立案庭: the roster group
    const phone = await phoneOf(filing, AWAY)
    const { page } = phone
    await page.goto(PAGE)
    await page.locator('[data-test="location-state"][data-kind="outside"]').waitFor()
    assert.match(await location(page).innerText(), /不在考勤范围内/)
    assert.match(await page.locator('[data-test="location-note"]').innerText(), /距本院办公楼5\.6公里，本考勤组不允许外勤打卡/)
    assert.equal(await button(page).isDisabled(), true)
    assert.equal(await page.locator('#punch-remark').count(), 0)
    await screenshot(page, 'attendance-outside-refused')
    expectNoProblems(phone)
  })

  test('my month: the calendar coloured by status, a day\'s checks, and 补卡 up to the month\'s cap', async () => {
    const { page } = judge
    await page.locator('[data-test="tab-month"]').click()
    await page.locator('[data-test="calendar"]').waitFor()
    assert.equal(await page.locator('[data-test="month-title"]').innerText(), '2026年12月')
    // 1–4 December: workdays without a punch, 旷工; the weekend rests; today is open.
    for (const d of ['01', '02', '03', '04']) {
      assert.equal(await page.locator(`[data-date="2026-12-${d}"]`).getAttribute('data-status'), 'absent')
    }
    assert.equal(await page.locator('[data-date="2026-12-05"]').getAttribute('data-status'), 'rest')
    assert.equal(await page.locator('[data-date="2026-12-08"]').isDisabled(), true)
    assert.match(await page.locator('[data-test="month-counts"]').innerText(), /4\s*应出勤[\s\S]*4\s*旷工/)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-month')

    await page.locator('[data-date="2026-12-04"]').click()
    await page.locator('[data-test="day-title"]').getByText(/12月4日\s*周五 · 旷工/).waitFor()
    assert.equal(await page.locator('[data-test="detail-check"][data-result="NotSigned"]').count(), 4)
    await page.locator('[data-test="fix-OnDuty-08:30"]').click()
    const form = page.locator('[data-test="fix-form"]')
    await form.waitFor()
    assert.equal(await page.locator('#fix-time').inputValue(), '08:30')
    assert.match(await form.locator('[data-test="fix-quota"]').innerText(), /0 \/ 3/)
    // No reason, no request.
    await form.locator('[data-test="fix-submit"]').click()
    await form.getByText('请填写补卡理由').waitFor()
    await page.locator('#fix-reason').fill('忘记打卡')
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-fix')
    await form.locator('[data-test="fix-submit"]').click()
    await page.locator('.van-toast').getByText('补卡申请已提交（本月 1/3）').waitFor()
    await form.waitFor({ state: 'detached' })
    await page.locator('[data-test="fix-used"]').getByText('1/3').waitFor()
    await page.locator('.van-toast').waitFor({ state: 'hidden' })

    // Two more from elsewhere; the fourth of the month is refused, in the server's words.
    const session = await devSession(court.url, JUDGE)
    for (const [date, check, time] of [['2026-12-03', 'OnDuty', '08:30'], ['2026-12-03', 'OffDuty', '17:30']]) {
      const res = await fetch(`${court.url}/apps/attendance/punch-fixes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ date, check_type: check, time, reason: '忘记打卡' })
      })
      assert.equal(res.status, 201, await res.text())
    }
    await page.locator('[data-test="fix-OffDuty-17:30"]').click()
    await form.waitFor()
    await page.locator('#fix-reason').fill('忘记打卡')
    await form.locator('[data-test="fix-submit"]').click()
    const refused = form.locator('[data-test="fix-refused"]')
    await refused.waitFor()
    assert.match(await refused.innerText(), /3/)
    // The form and the month read the count again: the two sent elsewhere are in it.
    await form.locator('[data-test="fix-quota"]').getByText('3 / 3').waitFor()
    await screenshot(page, 'attendance-fix-refused')
    expectNoProblems(judge, [FIX_409])
  })

  test('a leave the 庭长 agreed covers its check: the day turns 异常 and the month counts the leave', async () => {
    // The judge asks for Wednesday 2 December's morning off (08:00–12:00, the 08:30 check), the
    // 庭长 agrees; the approvals plugin tells attendance, which recomputes the day.
    const call = async (person, method, path, body) => {
      const session = await devSession(court.url, person)
      const res = await fetch(`${court.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body)
      })
      const answer = await res.json()
      assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(answer)}`)
      return answer
    }
    const leave = await call(JUDGE, 'POST', '/apps/approvals/instances', {
      template: 'leave',
      form: { leave_type: '事假', period: ['2026-12-02 08:00', '2026-12-02 12:00'], days: 0.5, reason: '家中有事' }
    })
    await call(DIVISION_HEAD, 'POST', `/apps/approvals/instances/${leave.id}/actions`, { action: 'agree', comment: '同意' })
    // The event reaches attendance through the host's queues: wake their workers (the test clock
    // moved by 0 ms) and ask until the day shows it.
    const covered = async () => {
      await fetch(`${court.url}/admin/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ advance_ms: 0 })
      })
      const { days } = await call(JUDGE, 'GET', '/apps/attendance/results?from=2026-12-02&to=2026-12-02')
      return days[0]?.checks?.[0]?.sourceType === 'APPROVE'
    }
    for (let i = 0; i < 300 && !(await covered()); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    assert.ok(await covered(), 'the agreed leave covers the 08:30 check of 2 December')

    const { page } = judge
    // The refused 补卡's form is still open: Escape closes it, as a tap on its overlay would.
    await page.keyboard.press('Escape')
    await page.locator('[data-test="fix-form"]').waitFor({ state: 'detached' })
    await page.locator('[data-test="tab-checkin"]').click()
    await page.locator('[data-test="tab-month"]').click()
    await page.locator('[data-date="2026-12-02"][data-status="exception"]').waitFor()
    await page.locator('[data-date="2026-12-02"]').click()
    const first = page.locator('[data-test="detail-check"]').first()
    await first.waitFor()
    assert.match(await first.innerText(), /上班 08:30[\s\S]*审批通过[\s\S]*请假（事假）/)
    assert.match(await page.locator('[data-test="month-away"]').innerText(), /事假 0\.25天/)
    assert.equal(await page.locator('[data-test="fix-used"] b').innerText(), '3/3')
    assert.match(await page.locator('[data-test="month-counts"]').innerText(), /4\s*应出勤[\s\S]*1\s*异常[\s\S]*3\s*旷工/)
    await screenshot(page, 'attendance-month-leave')
    expectNoProblems(judge, [FIX_409])
  })

  test('the 庭长 sees the division\'s day: each person\'s status and checks', async () => {
    const phone = await phoneOf(DIVISION_HEAD, BUILDING)
    const { page } = phone
    await page.goto(`${PAGE}#/department`)
    const row = page.locator(`[data-test="dept-person"][data-user-id="${JUDGE.user_id}"]`)
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(`${JUDGE.name}[\\s\\S]*上班 08:25 正常 · 下班 待打卡`))
    const colleague = page.locator(`[data-test="dept-person"][data-user-id="${COLLEAGUE.user_id}"]`)
    assert.match(await colleague.innerText(), /上班 08:25 正常 · 外勤/)
    await page.locator('[data-test="dept-totals"] button').first().waitFor()
    // 08:25: those who have not checked in yet are 进行中, not 旷工 (their windows are still open)
    assert.equal(await page.locator('[data-test="dept-person"][data-status="absent"]').count(), 0)
    assert.ok(await page.locator('[data-test="dept-person"][data-status="open"]').count() > 0)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-department')
    // Three days back, Friday 4 December: a workday on which nobody checked in.
    await page.locator('[data-test="dept-prev"]').click()
    await page.locator('[data-test="dept-prev"]').click()
    await page.locator('[data-test="dept-prev"]').click()
    await page.locator(`[data-test="dept-person"][data-user-id="${COLLEAGUE.user_id}"][data-status="absent"]`).waitFor()
    expectNoProblems(phone)
  })

  test('the 综合管理员 reads the court\'s rules and widens the building\'s range', async () => {
    const phone = await phoneOf(COURT_ADMIN, BUILDING)
    const { page } = phone
    await page.goto(`${PAGE}#/rules`)
    const group = page.locator('[data-test="rules-group"][data-group-id="hp-court"]')
    await group.waitFor()
    assert.match(await group.innerText(), /和平区法院考勤[\s\S]*固定班制[\s\S]*冬季作息[\s\S]*本院办公楼 · 500米/)
    assert.match(await group.locator('[data-test="rules-outside"]').innerText(), /允许外勤打卡，无需审批，须填写备注/)
    assert.match(await page.locator('[data-test="rules-shift"][data-shift-id="winter"]').innerText(), /08:30-12:00 13:30-17:30/)
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-rules')

    // The 立案庭's roster for today: one on each shift, one resting (written through the API).
    const admin = await devSession(court.url, COURT_ADMIN)
    const res = await fetch(`${court.url}/apps/attendance/admin/groups/hp-filing/roster`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        entries: [
          { user_id: 'LN-BC-SY-01-010', date: '2026-12-07', shift_id: 'winter' },
          { user_id: 'LN-BC-SY-01-011', date: '2026-12-07', shift_id: 'duty' },
          { user_id: 'LN-BC-SY-01-012', date: '2026-12-07', shift_id: null }
        ]
      })
    })
    assert.ok(res.ok, await res.text())
    await page.locator('[data-test="roster-hp-filing"]').click()
    const today = page.locator('[data-test="roster-day"][data-date="2026-12-07"]')
    await today.waitFor()
    assert.match(await today.innerText(), /12月7日 周一[\s\S]*冬季作息 1人，值班 1人，休息 1人/)
    await expectPageColumn(page)
    await screenshot(page, 'attendance-roster')
    await page.keyboard.press('Escape')
    await page.locator('[data-test="roster"]').waitFor({ state: 'detached' })

    await page.locator('[data-test="edit-group-hp-court"]').click()
    const editor = page.locator('[data-test="group-editor"]')
    await editor.waitFor()
    await page.locator('#radius-0').fill('800')
    await expectAllInputsLabelled(page)
    await screenshot(page, 'attendance-rules-edit')
    await editor.locator('[data-test="group-save"]').click()
    await editor.waitFor({ state: 'detached' })
    await group.getByText('本院办公楼 · 800米').waitFor()

    // The court's shift gets a 10-minute flex; sections that overlap are refused before sending.
    await page.locator('[data-test="rules-shift"][data-shift-id="winter"]').click()
    const shift = page.locator('[data-test="shift-editor"]')
    await shift.waitFor()
    assert.equal(await page.locator('#shift-sections').inputValue(), '08:30-12:00\n13:30-17:30')
    await page.locator('#shift-sections').fill('08:30-12:00\n11:30-17:30')
    await shift.locator('[data-test="shift-save"]').click()
    await shift.getByText('时段须在同一天内依次递增').waitFor()
    await page.locator('#shift-sections').fill('08:30-12:00\n13:30-17:30')
    await page.locator('#shift-flex').fill('10')
    await expectAllInputsLabelled(page)
    await shift.locator('[data-test="shift-save"]').click()
    await shift.waitFor({ state: 'detached' })
    await page.locator('[data-test="rules-shift"][data-shift-id="winter"]').getByText(/^08:30-12:00 13:30-17:30 · 弹性10分钟/).waitFor()

    // The whole court's departments are theirs to look at: a select, here 民一庭.
    await page.locator('[data-test="tab-department"]').click()
    await page.locator('#dept-id').selectOption('18003')
    await page.locator(`[data-test="dept-person"][data-user-id="${JUDGE.user_id}"]`).waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    expectNoProblems(phone)
  })

  test('the same pages in a desktop window stay in the page column', async () => {
    const phone = await court.phone({ shape: { ...DESKTOP, geolocation: { ...BUILDING, accuracy: 20 }, permissions: ['geolocation'] } })
    await storeSession(phone.context, await devSession(court.url, JUDGE))
    const { page } = phone
    await page.goto(PAGE)
    await page.locator('[data-test="location-state"][data-kind="inside"]').waitFor()
    await expectPageColumn(page)
    await screenshot(page, 'desktop-attendance-checkin')
    await page.locator('[data-test="tab-month"]').click()
    await page.locator('[data-test="calendar"]').waitFor()
    await expectPageColumn(page)
    await screenshot(page, 'desktop-attendance-month')
    expectNoProblems(phone)
  })
})
