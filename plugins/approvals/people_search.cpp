// SPDX-License-Identifier: Apache-2.0
// Directory search for the person picker.
#include "people_search.hpp"

#include <algorithm>
#include <map>

namespace approvals {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool matches(const courthub::Person& p, const std::string& q) {
  if (q.empty()) return true;
  return p.name.find(q) != std::string::npos || p.title.find(q) != std::string::npos ||
         lower(p.user_id).rfind(lower(q), 0) == 0;
}

}  // namespace

courthub::Json search_people(const courthub::Directory& directory, const std::string& court_code,
                             const std::string& q, size_t limit) {
  std::vector<courthub::Person> found;
  auto take = [&](const std::vector<courthub::Person>& people, bool other_courts) {
    for (auto& p : people) {
      if (found.size() >= limit) return;
      if (other_courts && p.court_code == court_code) continue;
      if (matches(p, q)) found.push_back(p);
    }
  };
  if (!court_code.empty()) take(directory.people({court_code, "", ""}), false);
  if (!q.empty() && found.size() < limit) take(directory.people({}), true);

  std::map<std::string, std::string> court_names;
  courthub::Json out = courthub::Json::array();
  for (auto& p : found) {
    auto it = court_names.find(p.court_code);
    if (it == court_names.end()) {
      auto c = directory.court(p.court_code);
      it = court_names.emplace(p.court_code, c ? c->name : "").first;
    }
    out.push_back(courthub::Json::object({{"user_id", p.user_id},
                                          {"name", p.name},
                                          {"title", p.title},
                                          {"court_code", p.court_code},
                                          {"court_name", it->second},
                                          {"dept_name", p.dept_name}}));
  }
  return courthub::Json::object({{"people", out}});
}

}  // namespace approvals
