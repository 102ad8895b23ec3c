// SPDX-License-Identifier: Apache-2.0
// Answers of the board's API in the CONTRACT's shapes (docs/incentive_board.md), small and
// hand-made, for the pages' unit tests.
export const CATALOGUE = [
  ['A1', 'A', '审判效率', '结案率', 'up', 'rate'],
  ['A2', 'A', '审判效率', '法定审限内结案率', 'up', 'rate'],
  ['A3', 'A', '审判效率', '平均审理天数', 'down', 'days'],
  ['A4', 'A', '审判效率', '超12个月未结案件比', 'down', 'rate'],
  ['B1', 'B', '审判质量', '一审判决被改判发回重审率', 'down', 'rate'],
  ['B2', 'B', '审判质量', '生效案件被改判发回重审率', 'down', 'rate'],
  ['B3', 'B', '审判质量', '立案变更率', 'down', 'rate'],
  ['B4', 'B', '审判质量', '裁判文书差错率', 'down', 'rate'],
  ['C1', 'C', '审判效果', '一审服判息诉率', 'up', 'rate'],
  ['C2', 'C', '审判效果', '调解撤诉率', 'up', 'rate'],
  ['C3', 'C', '审判效果', '申请再审率', 'down', 'rate'],
  ['C4', 'C', '审判效果', '信访投诉率', 'down', 'ratio'],
  ['D1', 'D', '执行工作', '执行到位率', 'up', 'rate'],
  ['D2', 'D', '执行工作', '执行完毕率', 'up', 'rate'],
  ['D3', 'D', '执行工作', '执行法定期限内结案率', 'up', 'rate'],
  ['E1', 'E', '办案负荷', '法官人均结案数', 'up', 'cases'],
  ['E2', 'E', '诉源治理', '案-件比', 'down', 'ratio'],
  ['E3', 'E', '诉源治理', '诉前调解成功率', 'up', 'rate'],
].map(([id, group, group_name, name, direction, unit]) => ({ id, group, group_name, name, direction, unit, min_sample: 10 }))

const ids = CATALOGUE.map((i) => i.id)
const each = (f) => Object.fromEntries(ids.map((id, i) => [id, f(id, i)]))

// A court member; `n` shifts its numbers.
export function member(code, name, { rank = null, band, composite = 50, change = null, n = 0 } = {}) {
  const m = {
    court_code: code,
    name,
    values: each((id, i) => (id === 'B3' ? null : 0.5 + (n + i) / 100)),
    scores: each((id, i) => (id === 'B3' ? null : 40 + ((n * 7 + i) % 20))),
    tiers: each((id, i) => (id === 'B3' ? null : ['red', 'yellow', 'green'][(n + i) % 3])),
    group_scores: { A: 52, B: 48, C: 55, D: 45, E: 50 },
    composite,
    change,
    weakest: [{ indicator: 'A3', value: 80.5, score: 31.2, peer_median: 62, peer_best: 41.3 }],
  }
  if (band !== undefined) m.band = band
  else m.rank = rank
  return m
}

export function courtsBoard(mode = 'ranked') {
  const noRank = mode === 'no_rank'
  const basic = [
    member('LN-BC-SY-02', '沈阳市沈河区人民法院', noRank ? { band: 'top_25', composite: 61.5, change: { composite: 0.5 }, n: 1 } : { rank: 1, composite: 61.5, change: { rank: 2, composite: 0.5 }, n: 1 }),
    member('LN-BC-SY-01', '沈阳市和平区人民法院', noRank ? { band: '25_50', composite: 55, change: { composite: -1.2 }, n: 2 } : { rank: 2, composite: 55, change: { rank: -1, composite: -1.2 }, n: 2 }),
    member('LN-BC-SY-03', '沈阳市大东区人民法院', noRank ? { band: '50_75', composite: 55, change: { composite: 0 }, n: 3 } : { rank: 2, composite: 55, change: { rank: 0, composite: 0 }, n: 3 }),
    member('LN-BC-SY-04', '沈阳市皇姑区人民法院', noRank ? { band: 'bottom_25', composite: 30, change: null, n: 4 } : { rank: 4, composite: 30, change: null, n: 4 }),
  ]
  const high = member('LN-HC', '辽宁省高级人民法院', noRank ? { band: null, composite: null } : { rank: null, composite: null })
  Object.assign(high, { scores: each(() => null), tiers: each(() => null), group_scores: { A: null, B: null, C: null, D: null, E: null }, weakest: [] })
  return {
    as_of: '2026-12-06',
    from: '2026-01-01',
    mode,
    indicators: CATALOGUE,
    weights: { A: 25, B: 25, C: 20, D: 20, E: 10 },
    peer_groups: [
      { id: 'basic', name: '基层法院', ranked: true, count: 4, medians: each(() => 0.6), best: each(() => 0.9), group_score_medians: { A: 50, B: 50, C: 50, D: 50, E: 50 }, members: basic },
      { id: 'intermediate', name: '中级法院', ranked: true, count: 0, medians: {}, best: {}, group_score_medians: {}, members: [] },
      { id: 'special', name: '专门法院', ranked: true, count: 0, medians: {}, best: {}, group_score_medians: {}, members: [] },
      { id: 'high', name: '高级法院', ranked: false, count: 1, medians: {}, best: {}, group_score_medians: {}, members: [high] },
    ],
  }
}

export function courtDetail(mode = 'ranked') {
  const board = courtsBoard(mode)
  const court = { ...board.peer_groups[0].members[1], peer_group: 'basic' }
  court.indicators = each((id, i) => ({
    value: court.values[id],
    numerator: id === 'B3' ? 2 : 93 + i,
    denominator: id === 'B3' ? 4 : 109,
    sample: id === 'B3' ? 4 : 109,
    min_sample: 10,
    score: court.scores[id],
    tier: court.tiers[id],
    peer_median: 0.6,
    peer_best: 0.9,
  }))
  const dates = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 7).padStart(2, '0')}`.replace('2026-11-31', '2026-12-01'))
  return {
    as_of: board.as_of,
    from: board.from,
    mode,
    indicators: CATALOGUE,
    court,
    peers: { count: 4, group_score_medians: { A: 50, B: 50, C: 50, D: 50, E: 50 } },
    trend: { dates, composite: dates.map((_, i) => (i < 2 ? null : 50 + i / 10)), values: each(() => dates.map((_, i) => 0.5 + i / 100)), ...(mode === 'ranked' ? { rank: dates.map(() => 2) } : {}) },
  }
}

export function judgesBoard(mode = 'ranked') {
  const judgeIds = ['A1', 'A2', 'A3', 'A4', 'B1', 'C1', 'C2', 'E1']
  const catalogue = CATALOGUE.filter((i) => judgeIds.includes(i.id))
  const judge = (user_id, name, rank, band, n) => {
    const m = member('LN-BC-SY-01', name, mode === 'no_rank' ? { band, n } : { rank, n })
    delete m.court_code
    return { ...m, user_id }
  }
  return {
    as_of: '2026-12-06', from: '2026-01-01', mode, court_code: 'LN-BC-SY-01', court_name: '沈阳市和平区人民法院',
    level: 'basic', peer_count: 812, indicators: catalogue, medians: {}, best: {},
    members: [judge('LN-BC-SY-01-011', '薛艳朋', 3, 'top_25', 1), judge('LN-BC-SY-01-024', '赵红朋', 40, '25_50', 2)],
  }
}
