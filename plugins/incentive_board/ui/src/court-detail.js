// SPDX-License-Identifier: Apache-2.0
// One court's page (#/court/:code) from GET /boards/courts/{code}: the 18 indicators grouped A–E
// with what is behind each value, the radar of the five group scores against the peer median,
// the three weakest, and the 30-day trend lines. Pure functions.
import {
  GROUP_IDS, INSUFFICIENT, compositeChange, rankChange, formatComposite, formatFraction, formatScore, formatValue, groupOf,
} from './text.js'

const finite = (v) => typeof v === 'number' && Number.isFinite(v)

// The group names ("审判效率" …) as the catalogue gives them, by letter; a group whose
// indicators name two (E: 办案负荷, 诉源治理) reads "办案负荷·诉源治理".
export function groupNames(catalogue) {
  const names = {}
  for (const ind of catalogue ?? []) {
    const g = groupOf(ind)
    names[g] ??= []
    if (ind.group_name && !names[g].includes(ind.group_name)) names[g].push(ind.group_name)
  }
  return Object.fromEntries(Object.entries(names).map(([g, list]) => [g, list.join('·')]))
}

// The counts behind a value as its formula reads them: C1 (一审服判息诉率) is 1 − numerator ÷
// denominator (the numerator counts the appealed or retrial-applied cases), every other value
// numerator ÷ denominator.
export const COMPLEMENT_INDICATORS = ['C1']
function fractionOf(id, d) {
  const f = formatFraction(d.numerator, d.denominator)
  return COMPLEMENT_INDICATORS.includes(id) && f !== '—' ? `1 − ${f}` : f
}

// One row per indicator of the catalogue, in sections A–E. `detail` is the court's
// "indicators" object (per id: value numerator denominator sample min_sample score tier
// peer_median peer_best); `groupScores` its group_scores.
export function indicatorSections(catalogue, detail, groupScores = {}) {
  const names = groupNames(catalogue)
  return GROUP_IDS.map((g) => ({
    group: g,
    name: names[g] ?? g,
    scoreText: formatScore(groupScores?.[g]),
    rows: (catalogue ?? []).filter((ind) => groupOf(ind) === g).map((ind) => {
      const d = detail?.[ind.id] ?? {}
      const insufficient = !finite(d.value)
      return {
        id: ind.id,
        name: ind.name,
        direction: ind.direction === 'down' ? '↓' : '↑',
        directionLabel: ind.direction === 'down' ? '越低越好' : '越高越好',
        valueText: formatValue(d.value, ind.unit),
        insufficient,
        fraction: fractionOf(ind.id, d),
        sampleText: insufficient && finite(d.sample) && finite(d.min_sample) && d.sample < d.min_sample
          ? `样本 ${d.sample}，少于 ${d.min_sample}` : '',
        tier: d.tier ?? null,
        scoreText: formatScore(d.score),
        medianText: formatValue(d.peer_median, ind.unit),
        bestText: formatValue(d.peer_best, ind.unit),
      }
    }),
  })).filter((s) => s.rows.length > 0)
}

// The radar: the five groups, the court's group scores and the peers' medians (null stays
// empty). T-scores lie in [20, 80].
export function radarData(catalogue, groupScores, medians) {
  const names = groupNames(catalogue)
  const pick = (src) => GROUP_IDS.map((g) => (finite(src?.[g]) ? Math.round(src[g] * 100) / 100 : null))
  return {
    // Two names on two lines (E 办案负荷 / 诉源治理): one line overflows a phone's radar.
    axes: GROUP_IDS.map((g) => ({ name: `${g} ${(names[g] ?? '').replaceAll('·', '\n')}`.trim(), min: 20, max: 80 })),
    court: pick(groupScores),
    median: pick(medians),
    empty: GROUP_IDS.every((g) => !finite(groupScores?.[g])),
  }
}

// The three weakest with the gap to the peer median.
export function weakestRows(catalogue, weakest) {
  const byId = Object.fromEntries((catalogue ?? []).map((i) => [i.id, i]))
  return (weakest ?? []).map((w) => {
    const ind = byId[w.indicator] ?? { id: w.indicator, name: w.indicator }
    return {
      id: ind.id,
      name: ind.name,
      valueText: formatValue(w.value, ind.unit),
      scoreText: formatScore(w.score),
      medianText: formatValue(w.peer_median, ind.unit),
      bestText: formatValue(w.peer_best, ind.unit),
    }
  })
}

// A trend line: the days as "12月6日" labels and the points (null: a gap). `choice` is
// "composite" or an indicator id.
export function trendLine(trend, choice) {
  const dates = trend?.dates ?? []
  const series = choice === 'composite' ? trend?.composite : trend?.values?.[choice]
  return {
    labels: dates.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`),
    points: dates.map((_, i) => (finite(series?.[i]) ? series[i] : null)),
  }
}

// The change since the previous day as the head shows it: the rank's (ranked mode only) and the
// composite's, or null when neither is there (no previous day, or the high court, whose change
// is {"rank": null, "composite": null}).
export function changeParts(change, mode) {
  const rank = mode === 'no_rank' ? null : rankChange(change?.rank)
  const composite = compositeChange(change?.composite)
  return rank || composite ? { rank, composite } : null
}

// The headline numbers of the court.
export function compositeText(court) {
  return finite(court?.composite) ? formatComposite(court.composite) : '不评分'
}

export { INSUFFICIENT }
