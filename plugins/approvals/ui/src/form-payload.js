// SPDX-License-Identifier: Apache-2.0
// The submit's body from what the form holds, and the required fields still empty.

const empty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)

// {template, form, approvers} as POST /instances takes it: empty values are left out, so a
// cleared field reads as "not filled in" (the server's rule for required fields).
export function submission(code, form, choices) {
  const pick = (obj) => Object.fromEntries(Object.entries(obj).filter(([, v]) => !empty(v)))
  return { template: code, form: pick(form), approvers: pick(choices) }
}

// {"<error key>": message} for required fields and 发起人自选 choices left empty, checked before
// asking the server (which checks again).
export function missingRequired(fields, choices, sent) {
  const out = {}
  for (const f of fields)
    if (f.required && sent.form[f.name] === undefined)
      out[f.name] = f.type === 'attachment' ? `请上传${f.label}` : `请填写${f.label}`
  for (const c of choices)
    if (sent.approvers[c.name] === undefined) out[`approvers.${c.name}`] = `请选择${c.label}`
  return out
}
