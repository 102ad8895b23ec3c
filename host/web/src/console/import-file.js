// SPDX-License-Identifier: Apache-2.0
// The console's 导入 panel, without the page: which plugins take a data file (the "imports" of
// their app.json, from GET /admin/apps), the media type a file is sent as (by its extension, as a
// phone often gives none), whether it may be sent, and how the answer reads.

// The host's default server.max_body_bytes: a larger body gets 413, or a broken connection.
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

const TYPES = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  json: 'application/json',
}

export function importsOf(apps) {
  return (apps ?? []).filter((a) => a.imports?.url)
    .map((a) => ({ plugin: a.plugin, title: a.title, ...a.imports, label: a.imports.label || '数据' }))
}

function extensionOf(name) {
  const m = /\.([A-Za-z0-9]+)$/.exec(name ?? '')
  return m ? m[1].toLowerCase() : ''
}

// The Content-Type for a file named `name`, or null when its extension has no known type.
export function importType(name) {
  return TYPES[extensionOf(name)] ?? null
}

// Why `file` ({name, size}) cannot be sent for an import accepting `accept` (".csv,.ndjson"),
// or "" when it can.
export function importProblem(file, accept) {
  if (!file) return '请选择文件'
  const allowed = String(accept ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)
  const ext = `.${extensionOf(file.name)}`
  if (allowed.length && !allowed.includes(ext)) return `只能导入 ${allowed.join('、')} 文件`
  if (!importType(file.name)) return '无法识别的文件类型'
  if (file.size === 0) return '文件是空的'
  if (file.size > MAX_IMPORT_BYTES) return '文件超过 10 MB：请分批导入，或放入插件的投放目录'
  return ''
}

// How many rejected rows the panel lists one by one (a file of bad rows may reject 100,000).
export const LISTED_REJECTS = 100

// The answer {inserted, updated, rejected: [{line, field, reason}]} as the panel shows it: the
// first LISTED_REJECTS rejected rows, and how many more there are.
export function importSummary(answer) {
  const rejected = Array.isArray(answer?.rejected) ? answer.rejected : []
  return {
    inserted: answer?.inserted ?? 0,
    updated: answer?.updated ?? 0,
    rejectedCount: rejected.length,
    rejects: rejected.slice(0, LISTED_REJECTS).map((r) => `第${r.line}行 ${r.field}：${r.reason}`),
    unlisted: Math.max(0, rejected.length - LISTED_REJECTS),
  }
}
