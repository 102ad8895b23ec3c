// SPDX-License-Identifier: Apache-2.0
// Number fields computed from a period (from_period: {field, count}): the server fills them in
// (the preview's `computed`, the submit), so the form shows them read-only and does not send them.

// The from_period fields of a template, by name.
export function periodFields(fields) {
  return (fields ?? []).filter((f) => f.type === 'number' && f.from_period?.field)
}

// "按请假时间的工作日自动计算" for the field's hint.
export function periodNote(field, fields) {
  const source = (fields ?? []).find((f) => f.name === field.from_period.field)
  const how = field.from_period.count === 'calendar_days' ? '自然日' : '工作日'
  return `按${source?.label ?? field.from_period.field}的${how}自动计算`
}

