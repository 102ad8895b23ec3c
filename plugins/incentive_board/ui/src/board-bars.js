// SPDX-License-Identifier: Apache-2.0
// The bars of one peer group on the province board (#/): one row per court for the composite or
// one indicator, in the order to show, each with its bar's length and colour and its labels.
//
// - Ranked mode, composite: the API's order (rank, then court code); bars coloured by the
//   quartile of the rank; the rank and its change since the previous day.
// - Ranked mode, one indicator: by that indicator's score, best first (ties share a rank);
//   bars coloured by tier.
// - No-rank mode: the API's order (band, then court code) whatever is shown, and no rank at all;
//   composite bars coloured by band, indicator bars by tier; the composite's change only.
// - A group that is not ranked (the high court): values only, in a neutral colour.
import {
  BANDS, NEUTRAL_COLOR, TIERS, bandOfRank, compositeChange, formatComposite, formatScore,
  formatValue, rankChange,
} from './text.js'

export const COMPOSITE = 'composite'
const TIE = 1e-9
const finite = (v) => typeof v === 'number' && Number.isFinite(v)

// T-scores lie in [20, 80] (z clamped to ±3): that range fills the bar, with a sliver for 20.
export function scoreWidth(score) {
  if (!finite(score)) return 0
  return Math.round(Math.min(1, Math.max(0.03, (score - 20) / 60)) * 1000) / 10
}

// Competition ranks (1, 2, 2, 4) of scores already sorted best first; null for no score.
export function ranksOf(scores) {
  const out = []
  scores.forEach((s, i) => {
    if (!finite(s)) out.push(null)
    else if (i > 0 && finite(scores[i - 1]) && Math.abs(s - scores[i - 1]) <= TIE) out.push(out[i - 1])
    else out.push(i + 1)
  })
  return out
}

function byScore(choice) {
  return (a, b) => {
    const sa = a.scores?.[choice], sb = b.scores?.[choice]
    if (finite(sa) !== finite(sb)) return finite(sa) ? -1 : 1
    if (finite(sa) && Math.abs(sa - sb) > TIE) return sb - sa
    return a.court_code < b.court_code ? -1 : a.court_code > b.court_code ? 1 : 0
  }
}

// `group`: a peer group of GET /boards/courts; `mode`: "ranked" | "no_rank"; `choice`:
// COMPOSITE or an indicator id; `indicator`: that indicator of the catalogue; `own`: the
// caller's court code. Returns {rows, ranked} where ranked says whether ranks are shown.
export function boardBars(group, { mode, choice, indicator, own }) {
  const members = group?.members ?? []
  const noRank = mode === 'no_rank'
  if (group && group.ranked === false) return { ranked: false, rows: valueRows(members, choice, indicator, own) }
  const composite = choice === COMPOSITE
  const ordered = composite || noRank ? members.slice() : members.slice().sort(byScore(choice))
  const rankedCount = members.filter((m) => finite(m.rank)).length
  const ranks = composite || noRank ? null : ranksOf(ordered.map((m) => m.scores?.[choice]))
  const rows = ordered.map((m, i) => {
    const score = composite ? m.composite : m.scores?.[choice]
    const row = {
      code: m.court_code,
      name: m.name,
      own: m.court_code === own,
      width: scoreWidth(score),
      rank: null,
      change: null,
    }
    if (composite) {
      const band = noRank ? m.band : bandOfRank(m.rank, rankedCount)
      row.color = band ? BANDS[band].color : NEUTRAL_COLOR
      row.valueText = formatComposite(m.composite)
      row.detail = finite(m.composite) ? '综合得分' : '暂无综合得分'
      if (noRank) {
        row.band = band ?? null
        row.change = compositeChange(m.change?.composite)
      } else {
        row.rank = finite(m.rank) ? m.rank : null
        row.change = rankChange(m.change?.rank)
      }
    } else {
      const tier = m.tiers?.[choice]
      row.color = tier ? TIERS[tier].color : NEUTRAL_COLOR
      row.tier = tier ?? null
      row.valueText = formatValue(m.values?.[choice], indicator?.unit)
      row.detail = finite(score) ? `得分 ${formatScore(score)}` : '不计分'
      if (!noRank) row.rank = ranks[i]
    }
    row.label = barLabel(row, composite ? '综合得分' : indicator?.name ?? choice)
    return row
  })
  return { ranked: !noRank, rows }
}

// What a screen reader says for a bar: everything the row shows in colour or position, in words.
function barLabel(row, what) {
  const parts = [`${row.name}${row.own ? '（本院）' : ''}：${what} ${row.valueText}`]
  if (row.rank) parts.push(`第${row.rank}名`)
  if (row.band) parts.push(`位于${BANDS[row.band].text}`)
  if (row.tier) parts.push(`${TIERS[row.tier].text}色档`)
  if (row.change) parts.push(row.change.label)
  if (row.detail && row.detail !== '综合得分') parts.push(row.detail)
  parts.push('查看详情')
  return parts.join('，')
}

// The high court's group: what it measured, nothing scored; bars relative to the largest value.
function valueRows(members, choice, indicator, own) {
  const composite = choice === COMPOSITE
  const values = members.map((m) => (composite ? null : m.values?.[choice]))
  const top = Math.max(0, ...values.filter(finite).map(Math.abs))
  return members.map((m, i) => {
    const row = {
      code: m.court_code,
      name: m.name,
      own: m.court_code === own,
      width: finite(values[i]) && top > 0 ? Math.max(3, Math.round((Math.abs(values[i]) / top) * 1000) / 10) : 0,
      color: NEUTRAL_COLOR,
      rank: null,
      change: null,
      valueText: composite ? '不评分' : formatValue(values[i], indicator?.unit),
      detail: '不排名',
    }
    row.label = barLabel(row, composite ? '综合得分' : indicator?.name ?? choice)
    return row
  })
}
