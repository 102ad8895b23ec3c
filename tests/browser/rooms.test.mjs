// SPDX-License-Identifier: Apache-2.0
// 会议室 on a phone: the judge opens the rooms app (logging in on the way), sees today's grid of
// their court, taps a free hour and books it; a slot someone else took meanwhile is refused with
// the server's explanation (who holds it, when); the booking shows in 我的预约.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, loginWithPicker } from './support/login.mjs'
import { DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

const ROOM = { id: 'hp-301', name: '3号会议室' }  // open 07:30-21:00, no approval
const cell = (hour) => `[data-test="cell-${ROOM.id}-${hour}"]`

// The 409 of the refused booking is logged by the browser as a failed load: provoked on purpose.
const CONFLICT_409 = /status of 409 .*\/apps\/rooms\/bookings/

browserSuite('rooms: a judge books a room', { pages: ['kit', 'rooms'] }, (court) => {
  let phone
  let page

  test('the judge logs in and sees today\'s grid of their court', async () => {
    phone = await court.phone()
    page = phone.page
    await loginWithPicker(page, JUDGE, { path: '/apps/rooms/ui/' })
    await page.locator('[data-test="grid"]').waitFor()
    // Today is the host's (Monday 7 December on the test clock), not the machine's.
    assert.match(await page.locator('[data-test="grid-day"]').innerText(), /12月7日\s*周一/)
    assert.equal(await page.locator(cell('10')).getAttribute('data-state'), 'free')
    // 09:00 is now: the 08:00 hour is over.
    assert.equal(await page.locator(cell('08')).getAttribute('data-state'), 'past')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-grid')
    expectNoProblems(phone)
  })

  test('a slot taken while the form was open is refused, and the conflict explained', async () => {
    await page.locator(cell('10')).click()
    const form = page.locator('[data-test="booking-form"]')
    await form.waitFor()
    assert.equal(await page.locator('#booking-room').inputValue(), ROOM.id)
    assert.equal(await page.locator('#booking-from').inputValue(), '10:00')
    assert.equal(await page.locator('#booking-to').inputValue(), '11:00')
    await page.locator('#booking-title').fill('民一庭合议')
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-book-form')

    // Meanwhile the 庭长 books the same hour from their own phone.
    const head = await devSession(court.url, DIVISION_HEAD)
    const res = await fetch(`${court.url}/apps/rooms/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ room_id: ROOM.id, date: '2026-12-07', from: '10:00', to: '11:00', title: '庭务会' })
    })
    const taken = await res.json()
    assert.equal(res.status, 201, JSON.stringify(taken))

    await page.locator('[data-test="booking-submit"]').click()
    const dialog = page.locator('[data-test="conflict-dialog"]')
    await dialog.waitFor()
    // The server's sentence names the booking in the way, its organizer and its time, and the
    // list under it gives the blocked hour and that booking.
    const message = await dialog.locator('[data-test="conflict-message"]').innerText()
    assert.match(message, /3号会议室 12月7日 周一 10:00-11:00 已被占用/)
    assert.match(message, new RegExp(`#${taken.bookings[0].id} 庭务会（${DIVISION_HEAD.name}，已预订`))
    const items = await dialog.locator('[data-test="conflict-item"]').allInnerTexts()
    assert.equal(items.length, 1)
    assert.match(items[0], /12月7日.*10:00.*11:00/s)
    assert.match(items[0], new RegExp(`#${taken.bookings[0].id}.*${DIVISION_HEAD.name}`, 's'))
    await screenshot(page, 'rooms-conflict')
    expectNoProblems(phone, [CONFLICT_409])
    await dialog.getByRole('button', { name: '知道了' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  test('the judge books a free hour instead and the grid shows it taken', async () => {
    await page.locator('#booking-from').fill('14:00')
    await page.locator('#booking-to').fill('15:00')
    await page.locator('[data-test="booking-submit"]').click()
    await page.locator('.van-toast').getByText('预订成功', { exact: true }).waitFor()
    await page.locator('[data-test="booking-form"]').waitFor({ state: 'detached' })
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    // The grid reloads: both the 庭长's hour and the judge's are busy now.
    await page.locator(`${cell('14')}[data-state="busy"]`).waitFor()
    await page.locator(`${cell('10')}[data-state="busy"]`).waitFor()
    expectNoProblems(phone)
  })

  test('my bookings lists the booking', async () => {
    await page.locator('[data-test="tab-mine"]').click()
    const mine = page.getByText('民一庭合议')
    await mine.waitFor()
    await page.getByText(/12月7日.*14:00/).first().waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-my-bookings')
    expectNoProblems(phone)
  })

  test('a judge also schedules hearings: the 庭审 tab and its form', async () => {
    await page.locator('[data-test="tab-hearings"]').click()
    await page.locator('[data-test="hearing-new"]').waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-hearings')
    await page.locator('[data-test="hearing-new"]').click()
    await page.getByRole('dialog', { name: '安排庭审' }).locator('input, select, textarea').first().waitFor()
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'rooms-hearing-form')
    expectNoProblems(phone)
  })
})
