// SPDX-License-Identifier: Apache-2.0
// The pages' places in the hash.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { courtHash, parseRoute } from '../src/route.js'

test('the hash names the page and its court', () => {
  assert.deepEqual(parseRoute(''), { view: 'province', params: {} })
  assert.deepEqual(parseRoute('#/?group=high&indicator=A1'), { view: 'province', params: { group: 'high', indicator: 'A1' } })
  assert.deepEqual(parseRoute('#/court/LN-BC-SY-01'), { view: 'court', code: 'LN-BC-SY-01', params: {} })
  assert.deepEqual(parseRoute('#/judges/LN-HC'), { view: 'judges', code: 'LN-HC', params: {} })
  assert.deepEqual(parseRoute('#/import'), { view: 'import', params: {} })
  assert.deepEqual(parseRoute('#/court/'), { view: 'province', params: {} })
  // The notices link to <page_url>#/court/<code>.
  assert.deepEqual(parseRoute(courtHash('LN-BC-SY-01')), parseRoute('#/court/LN-BC-SY-01'))
})
