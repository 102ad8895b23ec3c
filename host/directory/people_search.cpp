// SPDX-License-Identifier: Apache-2.0
// search_people: match the directory's people against a typed word and rank them (contract in
// people_search.hpp).
#include "host/directory/people_search.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

namespace courthub::directory {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool matches(const Snapshot& s, const Person& p, std::string_view q) {
  if (contains(p.name, q) || contains(p.title, q) || starts_with_ignoring_case(p.user_id, q))
    return true;
  if (const Department* d = s.department(p.dept_id); d != nullptr && contains(d->name, q))
    return true;
  const Court* c = s.court(p.court_code);
  return starts_with_ignoring_case(p.court_code, q) || (c != nullptr && contains(c->name, q));
}

// 0: the name is q; 1: the name starts with q; 2: anything else that matched.
int name_rank(const Person& p, std::string_view q) {
  if (q.empty()) return 2;
  if (p.name == q) return 0;
  return p.name.starts_with(q) ? 1 : 2;
}

}  // namespace

std::vector<const Person*> search_people(const Snapshot& snapshot, const PeopleSearch& search) {
  std::string_view court = search.court;
  if (search.q.empty() && court.empty()) court = search.caller_court;

  using Ranked = std::tuple<int, bool, std::string_view, const Person*>;
  std::vector<Ranked> hits;
  for (const Person* p : snapshot.people(court, 0, search.role)) {
    if (!search.q.empty() && !matches(snapshot, *p, search.q)) continue;
    bool elsewhere = search.caller_court.empty() || p->court_code != search.caller_court;
    hits.emplace_back(name_rank(*p, search.q), elsewhere, p->user_id, p);
  }
  size_t n = std::min(search.limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end());
  std::vector<const Person*> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(std::get<3>(hits[i]));
  return out;
}

}  // namespace courthub::directory
