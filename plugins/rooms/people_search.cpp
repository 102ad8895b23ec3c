// SPDX-License-Identifier: Apache-2.0
// search_people: rank the directory's people by how well their name matches a typed word.
#include "people_search.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace rooms {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// 0 = the best match; -1 = none.
int rank(const courthub::Person& p, std::string_view word) {
  if (p.name == word) return 0;
  if (p.name.starts_with(word)) return 1;
  if (contains(p.name, word)) return 2;
  if (contains(p.title, word) || contains(p.dept_name, word) ||
      lower(p.user_id).starts_with(lower(word)))
    return 3;
  return -1;
}

}  // namespace

std::vector<courthub::Person> search_people(const std::vector<courthub::Person>& people,
                                            std::string_view word, size_t limit) {
  std::vector<std::pair<int, const courthub::Person*>> hits;
  for (const auto& p : people) {
    int r = word.empty() ? 0 : rank(p, word);
    if (r >= 0) hits.emplace_back(r, &p);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<courthub::Person> out;
  for (size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(*hits[i].second);
  return out;
}

courthub::Json person_json(const courthub::Person& p) {
  return courthub::Json::object({{"user_id", p.user_id},
                                 {"name", p.name},
                                 {"title", p.title},
                                 {"dept_name", p.dept_name},
                                 {"court_code", p.court_code}});
}

}  // namespace rooms
