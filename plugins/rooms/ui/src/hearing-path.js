// SPDX-License-Identifier: Apache-2.0
// The statuses a hearing's card draws as its path. 测试通过 is on it only for a hearing with a
// test slot (an in-person hearing has none; an online one may have found none): 进行中 comes
// straight after 已通知 otherwise. Pure.

const FULL = ['已预约', '已通知', '测试通过', '进行中', '已结束']

export function hearingPath(h) {
  if (h.test_slot || h.status === '测试通过' || h.test_passed_at) return FULL
  return FULL.filter((s) => s !== '测试通过')
}
