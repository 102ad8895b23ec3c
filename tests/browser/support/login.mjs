// SPDX-License-Identifier: Apache-2.0
// Logging a phone in: through the kit's development picker (选择演示用户), as a person does, or by
// putting a session straight into localStorage (for pages that are not under test themselves).
import assert from 'node:assert/strict'

const SESSION_KEY = 'courthub.session'

// The picker's parts (host/web/kit/login/DevLoginPicker.vue).
const PICKER = '.court-login'
const PICKER_SEARCH = '.court-login input[type="search"]'
const pickerUser = (userId) => `.court-login [data-user-id="${userId}"]`

// Opens `path` logged out and waits for the 选择演示用户 picker.
export async function openPicker (page, { path = '/apps/' } = {}) {
  await page.goto(path)
  await page.locator(PICKER).getByText('选择演示用户').waitFor()
  await page.locator(`${PICKER} [data-user-id]`).first().waitFor()
}

// In the open picker, searches for `person` by name and picks them; resolves once the picker
// has gone and the session is stored. `beforePick(page)` runs with the search results shown.
export async function pickUser (page, person, { beforePick } = {}) {
  await page.locator(PICKER_SEARCH).fill(person.name)
  const entry = page.locator(pickerUser(person.user_id))
  await entry.waitFor()
  // The search narrows the list to the name (other people may share it).
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length <= 5,
    `${PICKER} [data-user-id]`)
  if (beforePick) await beforePick(page)
  await entry.click()
  await page.locator(PICKER).waitFor({ state: 'detached' })
  const session = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), SESSION_KEY)
  assert.equal(session?.user?.user_id, person.user_id, 'the stored session is the picked person')
  return session
}

export async function loginWithPicker (page, person, options = {}) {
  await openPicker(page, options)
  return pickUser(page, person, options)
}

// A session for `person` from the host (POST /auth/dev, as the picker does).
export async function devSession (baseUrl, person) {
  const res = await fetch(`${baseUrl}/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: person.user_id })
  })
  const body = await res.json()
  assert.equal(res.status, 200, `POST /auth/dev for ${person.user_id}: ${JSON.stringify(body)}`)
  return body
}

// Every page the context opens from now on starts with `session` in localStorage.
export async function storeSession (context, session) {
  await context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value)
  }, [SESSION_KEY, JSON.stringify(session)])
}
