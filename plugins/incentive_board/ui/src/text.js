// SPDX-License-Identifier: Apache-2.0
// How the board's numbers read in zh-CN: values by unit (rates as 85.32%), scores, changes,
// tiers and bands. Pure functions; a missing value reads as the caller says (样本不足, —).

export const INSUFFICIENT = '样本不足'
export const GROUP_IDS = ['A', 'B', 'C', 'D', 'E']

// The group letter of an indicator of the catalogue ("A" or 0..4 as the API sends it).
export function groupOf(indicator) {
  const g = indicator?.group
  return typeof g === 'number' ? GROUP_IDS[g] : String(g ?? indicator?.id?.[0] ?? '')
}

const finite = (v) => typeof v === 'number' && Number.isFinite(v)

// A value in its unit: rate 0.8532 → "85.32%", days → "123.4天", cases → "12.5件", ratio → "1.35",
// or below 1 to three significant digits ("0.0147": C4 信访投诉率 is petitions per case, where
// two decimals would show most courts as 0.01).
export function formatValue(value, unit) {
  if (!finite(value)) return INSUFFICIENT
  switch (unit) {
    case 'rate': return `${(value * 100).toFixed(2)}%`
    case 'days': return `${value.toFixed(1)}天`
    case 'cases': return `${value.toFixed(1)}件`
    default: return value !== 0 && Math.abs(value) < 1 ? value.toPrecision(3) : value.toFixed(2)
  }
}

// A count behind a value, in groups of three digits: whole numbers as they are, amounts (D1,
// yuan) with two decimals at most ("85,731,747.5").
export function formatCount(n) {
  if (!finite(n)) return '—'
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '')
  return text.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','))
}

// "93 / 109", or "—" when neither is there.
export function formatFraction(numerator, denominator) {
  if (!finite(numerator) && !finite(denominator)) return '—'
  return `${formatCount(numerator)} / ${formatCount(denominator)}`
}

export function formatScore(score) {
  return finite(score) ? score.toFixed(1) : '—'
}

export function formatComposite(composite) {
  return finite(composite) ? composite.toFixed(2) : '—'
}

// A change of rank since the previous day (positive = moved up): {arrow, text, kind}.
export function rankChange(delta) {
  if (!finite(delta)) return null
  if (delta > 0) return { arrow: '↑', text: `↑${delta}`, kind: 'up', label: `较前一日上升${delta}位` }
  if (delta < 0) return { arrow: '↓', text: `↓${-delta}`, kind: 'down', label: `较前一日下降${-delta}位` }
  return { arrow: '–', text: '持平', kind: 'same', label: '与前一日持平' }
}

// A change of the composite: "+1.23" / "-0.50" / "0.00".
export function compositeChange(delta) {
  if (!finite(delta)) return null
  const text = Math.abs(delta) < 0.005 ? '0.00' : `${delta > 0 ? '+' : '-'}${Math.abs(delta).toFixed(2)}`
  return { text, kind: delta >= 0.005 ? 'up' : delta <= -0.005 ? 'down' : 'same', label: `综合得分较前一日${text}` }
}

export const TIERS = {
  red: { text: '红', label: '红色档：需重点关注', color: '#d9363e' },
  yellow: { text: '黄', label: '黄色档：需提升', color: '#e6a23c' },
  green: { text: '绿', label: '绿色档：良好', color: '#2e9d5b' },
}

// The four percentile bands of no-rank mode, best first, with the colour of their bars.
export const BANDS = {
  top_25: { text: '前25%', color: '#2e9d5b' },
  '25_50': { text: '25%–50%', color: '#8cc07a' },
  '50_75': { text: '50%–75%', color: '#e6a23c' },
  bottom_25: { text: '后25%', color: '#d9363e' },
}
export const NEUTRAL_COLOR = '#8a9bb4'

// The band of a rank among `count` ranked members (the same cut as the server's no-rank bands).
export function bandOfRank(rank, count) {
  if (!finite(rank) || !count) return null
  const p = rank / count
  return p <= 0.25 ? 'top_25' : p <= 0.5 ? '25_50' : p <= 0.75 ? '50_75' : 'bottom_25'
}

// Where a member stands: "第3名 / 共100家" when ranked, "前25%" in no-rank mode, else "不排名".
export function standingText(member, { mode, count, ranked = true }) {
  if (!ranked) return '不排名'
  if (mode === 'no_rank') return member?.band ? `位于${BANDS[member.band].text}` : '暂无分档'
  return finite(member?.rank) ? `第${member.rank}名 / 共${count}家` : '暂无排名'
}
