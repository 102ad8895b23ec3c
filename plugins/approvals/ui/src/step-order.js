// SPDX-License-Identifier: Apache-2.0
// A 依次审批 step's people in their order, each with where they stand, from the detail's
// steps[].approvers (the order) and tasks (who agreed, who holds the running task).

// [{user_id, name, n, state: 'agreed' | 'current' | 'waiting'}] for `step` of an instance whose
// tasks are `tasks`. A person's latest task in the step decides (a return may ask them again).
export function stepOrder(step, tasks) {
  const latest = new Map()
  for (const t of tasks ?? []) {
    if (t.step_id !== step.id) continue
    const had = latest.get(t.user_id)
    if (!had || t.id > had.id) latest.set(t.user_id, t)
  }
  return (step.approvers ?? []).map((a, i) => {
    const t = latest.get(a.user_id)
    let state = 'waiting'
    if (t?.status === 'RUNNING' || t?.status === 'PAUSED') state = 'current'
    else if (t?.status === 'COMPLETED' && /agree/i.test(t.result ?? '')) state = 'agreed'
    return { user_id: a.user_id, name: a.name, n: i + 1, state }
  })
}

// "① 王庭长（已同意） → ② 李副院长（审批中） → ③ 张院长"
export function stepOrderText(order) {
  const MARK = { agreed: '（已同意）', current: '（审批中）', waiting: '' }
  const circled = (n) => (n <= 20 ? String.fromCodePoint(0x245f + n) : `${n}.`)
  return order.map((p) => `${circled(p.n)} ${p.name}${MARK[p.state]}`).join(' → ')
}
