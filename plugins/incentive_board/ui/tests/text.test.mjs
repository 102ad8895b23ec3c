// SPDX-License-Identifier: Apache-2.0
// How values, counts, changes and standings read.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  bandOfRank, compositeChange, formatFraction, formatValue, rankChange, standingText,
} from '../src/text.js'

test('values read in their unit; a missing value is an insufficient sample', () => {
  assert.equal(formatValue(93 / 109, 'rate'), '85.32%')
  assert.equal(formatValue(2 / 93, 'rate'), '2.15%')
  assert.equal(formatValue(123.456, 'days'), '123.5天')
  assert.equal(formatValue(87, 'cases'), '87.0件')
  assert.equal(formatValue(1.346, 'ratio'), '1.35')
  assert.equal(formatValue(13 / 887, 'ratio'), '0.0147')
  assert.equal(formatValue(0, 'ratio'), '0.00')
  assert.equal(formatValue(null, 'rate'), '样本不足')
  assert.equal(formatValue(undefined, 'rate'), '样本不足')
})

test('the counts behind a value', () => {
  assert.equal(formatFraction(93, 109), '93 / 109')
  assert.equal(formatFraction(1250000.5, 2000000), '1,250,000.5 / 2,000,000')
  assert.equal(formatFraction(85731747, 176238970), '85,731,747 / 176,238,970')
  assert.equal(formatFraction(999, 1000), '999 / 1,000')
  assert.equal(formatFraction(0, 0), '0 / 0')
  assert.equal(formatFraction(null, null), '—')
})

test('changes: up is good, the composite signed to two decimals', () => {
  assert.equal(rankChange(2).text, '↑2')
  assert.equal(rankChange(-3).text, '↓3')
  assert.equal(rankChange(0).text, '持平')
  assert.equal(rankChange(null), null)
  assert.equal(compositeChange(1.234).text, '+1.23')
  assert.equal(compositeChange(-0.5).text, '-0.50')
  assert.equal(compositeChange(0.001).text, '0.00')
  assert.equal(compositeChange(0.001).kind, 'same')
})

test('bands of ranks cut as the server cuts them', () => {
  assert.equal(bandOfRank(1, 4), 'top_25')
  assert.equal(bandOfRank(2, 4), '25_50')
  assert.equal(bandOfRank(3, 4), '50_75')
  assert.equal(bandOfRank(4, 4), 'bottom_25')
  assert.equal(bandOfRank(25, 100), 'top_25')
  assert.equal(bandOfRank(26, 100), '25_50')
  assert.equal(bandOfRank(null, 100), null)
})

test('a standing names a rank only in ranked mode', () => {
  assert.equal(standingText({ rank: 3 }, { mode: 'ranked', count: 100 }), '第3名 / 共100家')
  assert.equal(standingText({ band: 'top_25' }, { mode: 'no_rank', count: 100 }), '位于前25%')
  assert.doesNotMatch(standingText({ band: 'bottom_25', rank: 9 }, { mode: 'no_rank', count: 100 }), /第|名|\d+家/)
  assert.equal(standingText({}, { mode: 'ranked', ranked: false }), '不排名')
})
