// SPDX-License-Identifier: Apache-2.0
import test from 'node:test'
import assert from 'node:assert/strict'
import { activatesOnKey } from '../kit/keyboard.js'

const el = (tagName, role) => ({ tagName, getAttribute: (n) => (n === 'role' ? role : null) })

test('Enter and Space click a Vant cell or tab-bar item', () => {
  for (const key of ['Enter', ' ']) {
    assert.equal(activatesOnKey(el('DIV', 'button'), key), true, key)
    assert.equal(activatesOnKey(el('DIV', 'tab'), key), true, key)
  }
})

test('other keys, plain elements and native controls are left alone', () => {
  assert.equal(activatesOnKey(el('DIV', 'button'), 'a'), false)
  assert.equal(activatesOnKey(el('DIV', null), 'Enter'), false)
  assert.equal(activatesOnKey(el('BUTTON', 'button'), 'Enter'), false)  // clicks by itself
  assert.equal(activatesOnKey(el('INPUT', 'button'), ' '), false)
  assert.equal(activatesOnKey(null, 'Enter'), false)
})
