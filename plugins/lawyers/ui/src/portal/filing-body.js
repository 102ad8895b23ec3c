// SPDX-License-Identifier: Apache-2.0
// The filing form's state ↔ the API's body (POST /portal/filings, /resubmit): uploads are kept
// as their answers {sha256, name, size, type} and sent as hashes; empty parties and evidence
// rows are left out.
export const DOCUMENT_KEYS = ['complaint', 'identity', 'authority']

export function emptyFiling() {
  return {
    court: '', case_type: '民事', cause: '', claims: '', facts: '',
    plaintiffs: [{ name: '', kind: '自然人' }], defendants: [{ name: '', kind: '法人' }],
    documents: { complaint: [], identity: [], authority: [] },
    evidence: [{ name: '', purpose: '', files: [] }],
  }
}

// A FilingView back into the form (a returned filing is corrected in place).
export function filingToForm(view) {
  const form = emptyFiling()
  Object.assign(form, {
    court: view.court_code ?? '', case_type: view.case_type ?? '民事', cause: view.cause ?? '',
    claims: view.claims ?? '', facts: view.facts ?? '',
    plaintiffs: (view.plaintiffs ?? []).map((p) => ({ ...p })),
    defendants: (view.defendants ?? []).map((p) => ({ ...p })),
  })
  for (const k of DOCUMENT_KEYS) form.documents[k] = [...(view.documents?.[k] ?? [])]
  form.evidence = (view.evidence ?? []).map((e) => ({
    name: e.name ?? '', purpose: e.purpose ?? '',
    // The view lists an evidence item's files as {sha256, name, ...} (or bare hashes).
    files: (e.files ?? []).map((f) => (typeof f === 'string' ? { sha256: f, name: f.slice(0, 12), size: 0, type: '' } : f)),
  }))
  if (!form.evidence.length) form.evidence = [{ name: '', purpose: '', files: [] }]
  return form
}

export function formToBody(form) {
  const parties = (list) => list.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), kind: p.kind }))
  const hashes = (files) => files.map((f) => f.sha256)
  return {
    court: form.court.trim(), case_type: form.case_type, cause: form.cause.trim(),
    plaintiffs: parties(form.plaintiffs), defendants: parties(form.defendants),
    claims: form.claims.trim(), facts: form.facts.trim(),
    documents: Object.fromEntries(DOCUMENT_KEYS.map((k) => [k, hashes(form.documents[k])])),
    evidence: form.evidence.filter((e) => e.name.trim() || e.files.length)
      .map((e) => ({ name: e.name.trim(), purpose: e.purpose.trim(), files: hashes(e.files) })),
  }
}

// What the form lacks before it is worth sending, by field; {} when complete.
export function filingProblems(form) {
  const out = {}
  if (!form.court.trim()) out.court = '请填写受理法院'
  if (!form.cause.trim()) out.cause = '请填写案由'
  if (!form.plaintiffs.some((p) => p.name.trim())) out.plaintiffs = '至少一名原告'
  if (!form.defendants.some((p) => p.name.trim())) out.defendants = '至少一名被告'
  if (!form.claims.trim()) out.claims = '请填写诉讼请求'
  if (!form.documents.complaint.length) out['documents.complaint'] = '请上传起诉状'
  return out
}
