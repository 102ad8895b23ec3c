// SPDX-License-Identifier: Apache-2.0
// The public 开庭公告 on a phone, without any login: the court's public hearings of the next three
// calendar days (the host's test clock stands at Monday 7 December 2026, 09:00), each with its
// case number, cause, time, courtroom and mode; a 不公开 hearing and one four days away are not
// there, nor any party or phone; hostile text stays text; no script runs and nothing fails.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectNoProblems } from './support/checks.mjs'
import { devSession } from './support/login.mjs'
import { COLLEAGUE, COURT, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

const PARTIES = [{ name: '张三', role: '原告', phone: '13812345678' },
  { name: '李四', role: '被告', phone: '13900001111' }]

async function schedule (url, person, body) {
  const session = await devSession(url, person)
  const res = await fetch(`${url}/apps/rooms/hearings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ parties: PARTIES, ...body })
  })
  const out = await res.json()
  assert.equal(res.status, 201, JSON.stringify(out))
  return out
}

browserSuite('rooms: the public hearing notices', { pages: [] }, (court) => {
  test('the court schedules hearings: public, in person, not public, and later', async () => {
    await schedule(court.url, JUDGE, {
      case_number: '（2026）辽0102民初123号', cause: '民间借贷纠纷<b>&', mode: 'online',
      room_id: 'hp-ys1', date: '2026-12-10', from: '09:00', to: '11:00'
    })
    const inPerson = await schedule(court.url, JUDGE, {
      case_number: '（2026）辽0102民初124号', cause: '买卖合同纠纷', mode: 'in_person',
      panel: [COLLEAGUE.user_id], date: '2026-12-10', from: '14:00', to: '16:00'
    })
    assert.equal(inPerson.room.id, 'hp-kj1')
    assert.equal(inPerson.test_slot, null)
    await schedule(court.url, COLLEAGUE, {
      case_number: '（2026）辽0102民初125号', cause: '离婚纠纷', mode: 'online', public: false,
      room_id: 'hp-ys1', date: '2026-12-10', from: '16:00', to: '17:00'
    })
    await schedule(court.url, JUDGE, {
      case_number: '（2026）辽0102民初126号', cause: '劳动争议', mode: 'online',
      room_id: 'hp-ys1', date: '2026-12-11', from: '09:00', to: '10:00'
    })
  })

  test('anyone opens the court\'s 开庭公告 without logging in', async () => {
    const phone = await court.phone()
    const { page } = phone
    const res = await page.goto(`/apps/rooms/public/announcements?court=${COURT.code}`)
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-type'], /^text\/html; charset=utf-8/)
    await page.getByRole('heading', { name: '开庭公告' }).waitFor()
    const text = await page.locator('body').innerText()
    assert.match(text, new RegExp(COURT.name))
    const items = await page.locator('.item').allInnerTexts()
    assert.equal(items.length, 2, text)
    assert.match(items[0], /（2026）辽0102民初123号/)
    assert.match(items[0], /民间借贷纠纷<b>&/, 'the hostile cause is shown as text')
    assert.match(items[0], /12月10日 周四 09:00-11:00/)
    assert.match(items[0], /远程视频庭审室/)
    assert.match(items[0], /在线庭审/)
    assert.match(items[1], /（2026）辽0102民初124号[\s\S]*买卖合同纠纷[\s\S]*14:00-16:00[\s\S]*第一法庭[\s\S]*现场庭审/)
    assert.doesNotMatch(text, /125号|126号/, 'not public, or four days away')
    for (const secret of ['张三', '13812345678', JUDGE.user_id, JUDGE.name, COLLEAGUE.name]) {
      assert.ok(!text.includes(secret), `${secret} is not on the public page`)
    }
    assert.equal(await page.locator('script').count(), 0)
    assert.equal(await page.locator('b').count(), 0, 'no markup from the cause')
    // Readable on a phone: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`)
    await screenshot(page, 'rooms-public-announcements')
    expectNoProblems(phone)
  })

  test('the same list as JSON, and every other route still wants a login', async () => {
    let res = await fetch(`${court.url}/apps/rooms/public/announcements.json?court=${COURT.code}`)
    assert.equal(res.status, 200)
    const doc = await res.json()
    assert.deepEqual(doc.court, COURT)
    assert.deepEqual(doc.items.map((i) => i.case_number), ['（2026）辽0102民初123号', '（2026）辽0102民初124号'])
    assert.deepEqual(Object.keys(doc.items[1]).sort(), ['case_number', 'cause', 'end', 'mode_label', 'room', 'start'])
    res = await fetch(`${court.url}/apps/rooms/public/announcements.json?court=XX-00`)
    assert.equal(res.status, 404)
    res = await fetch(`${court.url}/apps/rooms/hearings?court=${COURT.code}`)
    assert.equal(res.status, 401)
  })
})
