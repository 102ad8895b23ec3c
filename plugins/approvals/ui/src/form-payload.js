// SPDX-License-Identifier: Apache-2.0
// The submit's body from what the form holds, and the required fields still empty.

const empty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)
const computedByServer = (f) => f.type === 'number' && f.from_period?.field

// {template, form, approvers} as POST /instances takes it: empty values are left out, so a
// cleared field reads as "not filled in" (the server's rule for required fields); so are the
// fields the server computes from a period (`fields`: the template's), which it fills in.
export function submission(code, form, choices, fields = []) {
  const computed = new Set(fields.filter(computedByServer).map((f) => f.name))
  const pick = (obj, skip = new Set()) => Object.fromEntries(Object.entries(obj)
    .filter(([k, v]) => !empty(v) && !skip.has(k)))
  return { template: code, form: pick(form, computed), approvers: pick(choices) }
}

// {"<error key>": message} for required fields and 发起人自选 choices left empty, checked before
// asking the server (which checks again). Fields computed from a period are the server's.
export function missingRequired(fields, choices, sent) {
  const out = {}
  for (const f of fields)
    if (f.required && !computedByServer(f) && sent.form[f.name] === undefined)
      out[f.name] = f.type === 'attachment' ? `请上传${f.label}` : `请填写${f.label}`
  for (const c of choices)
    if (sent.approvers[c.name] === undefined) out[`approvers.${c.name}`] = `请选择${c.label}`
  return out
}

// The approver-editable fields an agree sends: only those whose value changed ({} when none).
export function editedFields(names, before, now) {
  const out = {}
  for (const n of names) {
    if (JSON.stringify(before?.[n] ?? null) !== JSON.stringify(now?.[n] ?? null))
      out[n] = empty(now?.[n]) ? null : now[n]
  }
  return out
}
