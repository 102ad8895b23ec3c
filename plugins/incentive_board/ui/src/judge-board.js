// SPDX-License-Identifier: Apache-2.0
// The judge board (#/judges/:code) from GET /boards/judges: one row per judge the caller may
// see, with the composite, the standing (no rank in no-rank mode) and the eight indicators.
import { BANDS, formatComposite, formatScore, formatValue } from './text.js'

const finite = (v) => typeof v === 'number' && Number.isFinite(v)

export function judgeRows(board) {
  const noRank = board?.mode === 'no_rank'
  const catalogue = board?.indicators ?? []
  return (board?.members ?? []).map((m) => ({
    id: m.user_id,
    name: m.name,
    compositeText: formatComposite(m.composite),
    standing: noRank
      ? (m.band ? BANDS[m.band].text : '暂无分档')
      : (finite(m.rank) ? `第${m.rank}名 / 共${board.peer_count}人` : '暂无排名'),
    cells: catalogue.map((ind) => ({
      id: ind.id,
      name: ind.name,
      valueText: formatValue(m.values?.[ind.id], ind.unit),
      scoreText: formatScore(m.scores?.[ind.id]),
      tier: m.tiers?.[ind.id] ?? null,
    })),
  }))
}

// What a 403 from the judge board means, in words.
export const JUDGES_REFUSED = '法官通报仅对本院院长、副院长、综合管理员开放；法官本人只能查看自己的数据。'
