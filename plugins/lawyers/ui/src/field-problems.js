// SPDX-License-Identifier: Apache-2.0
// The problems a refused call names by field, whichever shape the answer has: the kit's
// (`err.fields`, from details {"fields": [{field, message}]}) or the lawyers API's
// ({"error": "...", "fields": {"id_card": "..."}}, a map, kept in err.details). Keys as the
// page names its inputs ("id_card", "plaintiffs.0.name").
export function fieldProblems(err) {
  const out = { ...(err?.fields ?? {}) }
  const map = err?.details?.fields ?? err?.body?.fields
  if (map && typeof map === 'object' && !Array.isArray(map)) {
    for (const [k, v] of Object.entries(map)) {
      const key = k.replace(/^\//, '').replaceAll('/', '.')
      if (!(key in out)) out[key] = String(v)
    }
  }
  return out
}
