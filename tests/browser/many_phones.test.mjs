// SPDX-License-Identifier: Apache-2.0
// Several people open the 工作台 one after another, each on their own phone, which stays open:
// every one sees their apps at once. Marked todo: today the host serves each connection on a
// worker thread (16 in the demo configuration) and an idle keep-alive connection keeps its thread
// for up to 15 s, so after two or three phones (a page opens up to six connections) the next
// page waits ~14 s for a thread (host/http/connection.hpp, server.cpp).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectNoProblems } from './support/checks.mjs'
import { devSession, storeSession } from './support/login.mjs'
import { COURT_ADMIN, DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { browserSuite } from './support/suite.mjs'

const PEOPLE = [JUDGE, DIVISION_HEAD, COURT_ADMIN, JUDGE]
const FAST_MS = 3_000

browserSuite('many phones: one after another, none waits', { pages: ['kit', 'workbench'] }, (court) => {
  test('four phones open the 工作台 in turn, each within 3 s',
    { todo: 'idle keep-alive connections hold the host\'s worker threads for 15 s' }, async () => {
      const times = []
      for (const person of PEOPLE) {
        const phone = await court.phone()
        await storeSession(phone.context, await devSession(court.url, person))
        const started = Date.now()
        await phone.page.goto('/apps/')
        await phone.page.locator('.app-tile').first().waitFor({ timeout: 30_000 })
        times.push(Date.now() - started)
        expectNoProblems(phone)
      }
      assert.ok(times.every((ms) => ms < FAST_MS), `first tile after ${times.join(', ')} ms`)
    })
})
