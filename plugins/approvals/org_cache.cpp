// SPDX-License-Identifier: Apache-2.0
// OrgCache: memoised Org questions; a person found in a supervisor or role answer is remembered
// too, so naming them again costs nothing.
#include "org_cache.hpp"

namespace approvals {

std::optional<courthub::Person> OrgCache::person(const std::string& user_id) {
  if (user_id.empty()) return std::nullopt;
  auto it = people_.find(user_id);
  if (it == people_.end()) it = people_.emplace(user_id, source_.person(user_id)).first;
  return it->second;
}

std::vector<courthub::Person> OrgCache::supervisors(const std::string& user_id) {
  auto it = supervisors_.find(user_id);
  if (it == supervisors_.end()) {
    it = supervisors_.emplace(user_id, source_.supervisors(user_id)).first;
    for (auto& p : it->second) people_.emplace(p.user_id, p);
  }
  return it->second;
}

std::vector<courthub::Department> OrgCache::departments(const std::string& court_code) {
  auto it = departments_.find(court_code);
  if (it == departments_.end())
    it = departments_.emplace(court_code, source_.departments(court_code)).first;
  return it->second;
}

std::vector<courthub::Person> OrgCache::people_with_role(const std::string& court_code,
                                                         const std::string& role) {
  auto key = std::make_pair(court_code, role);
  auto it = roles_.find(key);
  if (it == roles_.end()) {
    it = roles_.emplace(key, source_.people_with_role(court_code, role)).first;
    for (auto& p : it->second) people_.emplace(p.user_id, p);
  }
  return it->second;
}

}  // namespace approvals
