// SPDX-License-Identifier: Apache-2.0
// One court's page: the 18 indicators in five groups with the counts behind them, the radar,
// the weakest three, the trend lines, and the judge board's rows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { changeParts, indicatorSections, radarData, trendLine, weakestRows } from '../src/court-detail.js'
import { judgeRows } from '../src/judge-board.js'
import { CATALOGUE, courtDetail, judgesBoard } from './fixtures.mjs'

test('18 rows in groups A–E, each with value, counts, tier and score; 样本不足 says why', () => {
  const { court } = courtDetail()
  const sections = indicatorSections(CATALOGUE, court.indicators, court.group_scores)
  assert.deepEqual(sections.map((s) => s.group), ['A', 'B', 'C', 'D', 'E'])
  assert.deepEqual(sections.map((s) => s.name), ['审判效率', '审判质量', '审判效果', '执行工作', '办案负荷·诉源治理'])
  assert.equal(sections.flatMap((s) => s.rows).length, 18)
  const a1 = sections[0].rows[0]
  assert.equal(a1.fraction, '93 / 109')
  assert.equal(a1.valueText, `${(court.values.A1 * 100).toFixed(2)}%`)
  assert.equal(a1.tier, court.tiers.A1)
  assert.equal(sections[0].scoreText, '52.0')
  const b3 = sections[1].rows.find((r) => r.id === 'B3')
  assert.equal(b3.valueText, '样本不足')
  assert.equal(b3.insufficient, true)
  assert.equal(b3.sampleText, '样本 4，少于 10')
  assert.equal(b3.fraction, '2 / 4')
  assert.equal(sections[0].rows[2].direction, '↓')
  // C1 is 1 − numerator ÷ denominator, and says so.
  assert.equal(sections[2].rows.find((r) => r.id === 'C1').fraction, '1 − 101 / 109')
})

test('the radar sets the five group scores against the peer median', () => {
  const { court, peers } = courtDetail()
  const r = radarData(CATALOGUE, court.group_scores, peers.group_score_medians)
  assert.deepEqual(r.axes.map((a) => a.name), ['A 审判效率', 'B 审判质量', 'C 审判效果', 'D 执行工作', 'E 办案负荷\n诉源治理'])
  assert.deepEqual(r.court, [52, 48, 55, 45, 50])
  assert.deepEqual(r.median, [50, 50, 50, 50, 50])
  assert.equal(r.empty, false)
  assert.equal(radarData(CATALOGUE, { A: null }, {}).empty, true)
})

test('the weakest three read in their units beside the peer median and best', () => {
  const [w] = weakestRows(CATALOGUE, courtDetail().court.weakest)
  assert.deepEqual(w, { id: 'A3', name: '平均审理天数', valueText: '80.5天', scoreText: '31.2', medianText: '62.0天', bestText: '41.3天' })
})

test('trend lines: day labels, gaps for missing days', () => {
  const { trend } = courtDetail()
  const c = trendLine(trend, 'composite')
  assert.equal(c.labels.length, 30)
  assert.equal(c.labels[0], '11月7日')
  assert.equal(c.points[0], null)
  assert.equal(c.points[2], 50.2)
  assert.equal(trendLine(trend, 'A1').points[1], 0.51)
})

test('judge rows: standing by rank, or by band without a rank in no-rank mode', () => {
  const ranked = judgeRows(judgesBoard('ranked'))
  assert.equal(ranked[0].standing, '第3名 / 共812人')
  assert.equal(ranked[0].cells.length, 8)
  const noRank = judgeRows(judgesBoard('no_rank'))
  assert.deepEqual(noRank.map((r) => r.standing), ['前25%', '25%–50%'])
})

test('the change since the previous day: nothing when neither part is there, no rank in no-rank mode', () => {
  assert.deepEqual(changeParts({ rank: 3, composite: 0.31 }, 'ranked').rank.text, '↑3')
  assert.equal(changeParts({ rank: 3, composite: 0.31 }, 'ranked').composite.text, '+0.31')
  assert.equal(changeParts({ composite: -0.2 }, 'no_rank').rank, null)
  assert.equal(changeParts({ rank: null, composite: null }, 'ranked'), null)
  assert.equal(changeParts(null, 'ranked'), null)
})
