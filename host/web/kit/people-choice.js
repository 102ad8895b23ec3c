// SPDX-License-Identifier: Apache-2.0
// The person picker's pure parts: the query it sends to GET /directory/people, what a person's
// line says under their name, and what tapping a person does to the selection.

// The query string of a search: empty values left out (the host then lists the caller's court).
export function peopleQuery({ q = '', court = '', role = '', limit = 30 } = {}) {
  const query = { limit }
  const word = String(q).trim()
  if (word) query.q = word
  if (court) query.court = court
  if (role) query.role = role
  return query
}

// "审判员 · 民事审判第一庭 · 沈阳市和平区人民法院": what tells two people of one name apart. The
// department is left out when it is the court itself (a president's root department).
export function describePerson(p) {
  const dept = p.dept_name && p.dept_name !== p.court_name ? p.dept_name : ''
  return [p.title, dept, p.court_name].filter(Boolean).join(' · ')
}

// The selection after tapping `person`: with `multiple` it is toggled in or out of `chosen`
// (kept in tapping order); otherwise the selection is just them.
export function toggleChoice(chosen, person, multiple) {
  if (!multiple) return [person]
  return chosen.some((c) => c.user_id === person.user_id)
    ? chosen.filter((c) => c.user_id !== person.user_id)
    : [...chosen, person]
}

// The ids v-model holds once `picked` are confirmed: added to `ids` (without repeats) when several
// may be chosen, replacing them otherwise.
export function pickedIds(ids, picked, multiple) {
  if (!multiple) return picked.slice(0, 1).map((p) => p.user_id)
  const out = [...ids]
  for (const p of picked) if (!out.includes(p.user_id)) out.push(p.user_id)
  return out
}
