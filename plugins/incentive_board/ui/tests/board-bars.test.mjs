// SPDX-License-Identifier: Apache-2.0
// The province board's bars: order, colour, rank and change in ranked and no-rank mode.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMPOSITE, boardBars, ranksOf, scoreWidth } from '../src/board-bars.js'
import { BANDS, TIERS } from '../src/text.js'
import { CATALOGUE, courtsBoard } from './fixtures.mjs'

const indicator = (id) => CATALOGUE.find((i) => i.id === id)
const basic = (mode) => courtsBoard(mode).peer_groups[0]
const high = () => courtsBoard().peer_groups[3]

test('competition ranks share equal scores and skip the next', () => {
  assert.deepEqual(ranksOf([70, 60, 60, 50]), [1, 2, 2, 4])
  assert.deepEqual(ranksOf([70, 70 + 1e-10, null]), [1, 1, null])
})

test('bar lengths follow the T-score range', () => {
  assert.equal(scoreWidth(80), 100)
  assert.equal(scoreWidth(50), 50)
  assert.equal(scoreWidth(20), 3)
  assert.equal(scoreWidth(null), 0)
})

test('ranked composite: the API order, ranks, rank changes, quartile colours, own court marked', () => {
  const { ranked, rows } = boardBars(basic('ranked'), { mode: 'ranked', choice: COMPOSITE, own: 'LN-BC-SY-01' })
  assert.equal(ranked, true)
  assert.deepEqual(rows.map((r) => r.code), ['LN-BC-SY-02', 'LN-BC-SY-01', 'LN-BC-SY-03', 'LN-BC-SY-04'])
  assert.deepEqual(rows.map((r) => r.rank), [1, 2, 2, 4])
  assert.deepEqual(rows.map((r) => r.change?.text ?? null), ['↑2', '↓1', '持平', null])
  assert.deepEqual(rows.map((r) => r.color), [BANDS.top_25.color, BANDS['25_50'].color, BANDS['25_50'].color, BANDS.bottom_25.color])
  assert.deepEqual(rows.map((r) => r.own), [false, true, false, false])
  assert.equal(rows[0].valueText, '61.50')
})

test('ranked indicator: by score, best first, coloured by tier, unscored last', () => {
  const group = basic('ranked')
  group.members[3].scores.A1 = null
  group.members[3].values.A1 = null
  const { rows } = boardBars(group, { mode: 'ranked', choice: 'A1', indicator: indicator('A1') })
  const scores = rows.map((r) => group.members.find((m) => m.court_code === r.code).scores.A1)
  assert.deepEqual(scores, [...scores.slice(0, 3)].sort((a, b) => b - a).concat([null]))
  assert.equal(rows[0].rank, 1)
  assert.equal(rows[3].rank, null)
  assert.equal(rows[3].valueText, '样本不足')
  const m = group.members.find((x) => x.court_code === rows[0].code)
  assert.equal(rows[0].color, TIERS[m.tiers.A1].color)
  assert.equal(rows[0].valueText, `${(m.values.A1 * 100).toFixed(2)}%`)
})

test('no-rank mode: the API order for every choice and never a rank', () => {
  for (const choice of [COMPOSITE, 'A1', 'A3']) {
    const { ranked, rows } = boardBars(basic('no_rank'), { mode: 'no_rank', choice, indicator: indicator(choice) })
    assert.equal(ranked, false)
    assert.deepEqual(rows.map((r) => r.code), ['LN-BC-SY-02', 'LN-BC-SY-01', 'LN-BC-SY-03', 'LN-BC-SY-04'], choice)
    assert.ok(rows.every((r) => r.rank === null), choice)
  }
  const { rows } = boardBars(basic('no_rank'), { mode: 'no_rank', choice: COMPOSITE })
  assert.deepEqual(rows.map((r) => r.band), ['top_25', '25_50', '50_75', 'bottom_25'])
  assert.deepEqual(rows.map((r) => r.change?.text ?? null), ['+0.50', '-1.20', '0.00', null])
  assert.ok(rows.every((r) => !r.change || !/[↑↓]/.test(r.change.text)))
})

test('the high court: values only, nothing ranked or scored', () => {
  const { ranked, rows } = boardBars(high(), { mode: 'ranked', choice: 'A1', indicator: indicator('A1') })
  assert.equal(ranked, false)
  assert.equal(rows[0].rank, null)
  assert.equal(rows[0].width, 100)
  assert.equal(rows[0].valueText, '50.00%')
  assert.equal(boardBars(high(), { mode: 'ranked', choice: COMPOSITE }).rows[0].valueText, '不评分')
})

test('each bar says in words what its colour and place show', () => {
  const ranked = boardBars(basic('ranked'), { mode: 'ranked', choice: COMPOSITE, own: 'LN-BC-SY-01' }).rows
  assert.match(ranked[0].label, /^.+：综合得分 61\.50，第1名，较前一日上升2位，查看详情$/)
  assert.match(ranked[1].label, /（本院）：/)
  const tiered = boardBars(basic('ranked'), { mode: 'ranked', choice: 'A1', indicator: indicator('A1') }).rows
  assert.match(tiered[0].label, /：结案率 \d+\.\d\d%，第1名，[红黄绿]色档，得分 \d+\.\d，查看详情$/)
  for (const choice of [COMPOSITE, 'A1']) {
    const rows = boardBars(basic('no_rank'), { mode: 'no_rank', choice, indicator: indicator(choice) }).rows
    assert.ok(rows.every((r) => !/第\d+名/.test(r.label)), choice)
  }
  const noRank = boardBars(basic('no_rank'), { mode: 'no_rank', choice: COMPOSITE }).rows
  assert.match(noRank[0].label, /位于前25%，综合得分较前一日\+0\.50，查看详情$/)
  assert.match(boardBars(high(), { mode: 'ranked', choice: COMPOSITE }).rows[0].label, /不评分，不排名/)
})
