// SPDX-License-Identifier: Apache-2.0
// The board's view of the directory: courts with peer groups and judge counts, judges, people.
#include "org.hpp"

#include <algorithm>

namespace board {

std::string_view id_of(PeerGroup g) {
  switch (g) {
    case PeerGroup::Basic: return "basic";
    case PeerGroup::Intermediate: return "intermediate";
    case PeerGroup::Special: return "special";
    case PeerGroup::High: return "high";
  }
  return "";
}

std::string_view name_of(PeerGroup g) {
  switch (g) {
    case PeerGroup::Basic: return "基层法院";
    case PeerGroup::Intermediate: return "中级法院";
    case PeerGroup::Special: return "专门法院";
    case PeerGroup::High: return "高级法院";
  }
  return "";
}

PeerGroup peer_group_of(std::string_view level, std::string_view kind) {
  if (level == "high") return PeerGroup::High;
  if (kind == "maritime" || kind == "railway") return PeerGroup::Special;
  if (level == "intermediate") return PeerGroup::Intermediate;
  return PeerGroup::Basic;
}

namespace {

// Index of `key` in `items` sorted by `key_of`, or -1.
template <class T, class Key>
int sorted_index(const std::vector<T>& items, std::string_view key, Key key_of) {
  auto it = std::lower_bound(items.begin(), items.end(), key,
                             [&](const T& item, std::string_view k) { return key_of(item) < k; });
  if (it == items.end() || key_of(*it) != key) return -1;
  return static_cast<int>(it - items.begin());
}

// Sorts by `key_of` and keeps the first of equal keys (stable).
template <class T, class Key>
void sort_unique(std::vector<T>& items, Key key_of) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key_of(a) < key_of(b); });
  items.erase(std::unique(items.begin(), items.end(),
                          [&](const T& a, const T& b) { return key_of(a) == key_of(b); }),
              items.end());
}

}  // namespace

int Org::court_index(std::string_view code) const {
  return sorted_index(courts, code, [](const OrgCourt& c) -> std::string_view { return c.code; });
}

int Org::judge_index(std::string_view user_id) const {
  return sorted_index(judges, user_id,
                      [](const OrgJudge& j) -> std::string_view { return j.user_id; });
}

bool Org::is_person(std::string_view user_id) const {
  return std::binary_search(people.begin(), people.end(), user_id,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

Org org_from(const std::vector<courthub::Court>& courts,
             const std::vector<courthub::Person>& people) {
  Org org;
  for (const auto& c : courts)
    org.courts.push_back(OrgCourt{c.code, c.name, c.level, peer_group_of(c.level, c.kind), 0});
  sort_unique(org.courts, [](const OrgCourt& c) -> std::string_view { return c.code; });

  std::vector<const courthub::Person*> persons;
  for (const auto& p : people) persons.push_back(&p);
  sort_unique(persons, [](const courthub::Person* p) -> std::string_view { return p->user_id; });
  for (const auto* p : persons) {
    org.people.push_back(p->user_id);
    if (!p->has_role("judge")) continue;
    org.judges.push_back(OrgJudge{p->user_id, p->name, p->court_code});
    if (int c = org.court_index(p->court_code); c >= 0) ++org.courts[c].judges;
  }
  return org;
}

Org org_from_directory(const courthub::Directory& d) { return org_from(d.courts(), d.people({})); }

}  // namespace board
