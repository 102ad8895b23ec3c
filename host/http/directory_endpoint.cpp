// SPDX-License-Identifier: Apache-2.0
// GET /directory/people: the pages' person pickers (contract in directory_endpoint.hpp).
#include "host/http/directory_endpoint.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "host/directory/model.hpp"
#include "host/http/staff_session.hpp"

namespace courthub::http {
namespace {

constexpr size_t kMaxQueryBytes = 100;

void bad_field(Exchange& ex, const std::string& field, const std::string& message) {
  ex.respond_error(400, "invalid_argument", field + ": " + message, "",
                   Json::object({{"fields", Json::array({Json::object(
                                                {{"field", field}, {"message", message}})})}}));
}

std::string role_list() {
  std::string out;
  for (std::string_view r : directory::kRoles) out += (out.empty() ? "" : ", ") + std::string(r);
  return out;
}

Json picker_json(const directory::Snapshot& s, const directory::Person& p) {
  const directory::Department* d = s.department(p.dept_id);
  const directory::Court* c = s.court(p.court_code);
  return Json::object({{"user_id", p.user_id},
                       {"name", p.name},
                       {"title", p.title},
                       {"dept_name", d != nullptr ? d->name : std::string()},
                       {"court_code", p.court_code},
                       {"court_name", c != nullptr ? c->name : std::string()}});
}

}  // namespace

std::optional<directory::PeopleSearch> read_people_search(Exchange& ex, size_t default_limit,
                                                          size_t max_limit) {
  directory::PeopleSearch search;
  search.q = ex.query_value("q").value_or("");
  search.court = ex.query_value("court").value_or("");
  search.role = ex.query_value("role").value_or("");
  search.limit = default_limit;
  if (search.q.size() > kMaxQueryBytes) {
    bad_field(ex, "q", "at most " + std::to_string(kMaxQueryBytes) + " bytes");
    return std::nullopt;
  }
  if (!search.role.empty() &&
      std::find(directory::kRoles.begin(), directory::kRoles.end(), search.role) ==
          directory::kRoles.end()) {
    bad_field(ex, "role", "one of " + role_list());
    return std::nullopt;
  }
  if (auto text = ex.query_value("limit")) {
    size_t limit = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
    if (text->empty() || ec != std::errc() || end != text->data() + text->size() || limit < 1 ||
        limit > max_limit) {
      bad_field(ex, "limit", "a whole number from 1 to " + std::to_string(max_limit));
      return std::nullopt;
    }
    search.limit = limit;
  }
  return search;
}

void add_directory_endpoint(Router& router, const SessionTokens& sessions,
                            const directory::Directory& directory, const time::Clock& clock) {
  router.exact("/directory/people", "/directory/people",
               [s = &sessions, d = &directory, c = &clock](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    auto me = staff_session(ex, *s, *d, *c);
    if (!me) return;
    auto search = read_people_search(ex, 20, 100);
    if (!search) return;
    search->caller_court = me->person->court_code;
    Json people = Json::array();
    for (const directory::Person* p : directory::search_people(*me->snapshot, *search))
      people.push_back(picker_json(*me->snapshot, *p));
    ex.respond_json(200, Json::object({{"people", people}}));
  });
}

}  // namespace courthub::http
