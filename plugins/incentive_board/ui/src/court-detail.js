// SPDX-License-Identifier: Apache-2.0
// One court's page (#/court/:code) from GET /boards/courts/{code}: the 18 indicators grouped A–E
// with what is behind each value, the radar of the five group scores against the peer median,
// the three weakest, and the 30-day trend lines. Pure functions.
import {
  GROUP_IDS, INSUFFICIENT, formatComposite, formatFraction, formatScore, formatValue, groupOf,
} from './text.js'

const finite = (v) => typeof v === 'number' && Number.isFinite(v)

// The group names ("审判效率" …) as the catalogue gives them, by letter.
export function groupNames(catalogue) {
  const names = {}
  for (const ind of catalogue ?? []) names[groupOf(ind)] ??= ind.group_name
  return names
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
        fraction: formatFraction(d.numerator, d.denominator),
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
    axes: GROUP_IDS.map((g) => ({ name: `${g} ${names[g] ?? ''}`.trim(), min: 20, max: 80 })),
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

// The headline numbers of the court.
export function compositeText(court) {
  return finite(court?.composite) ? formatComposite(court.composite) : '不评分'
}

export { INSUFFICIENT }
