// SPDX-License-Identifier: Apache-2.0
// Answers the plugin ABI's directory queries from a Snapshot (contract in query.hpp).
#include "host/directory/query.hpp"

#include <charconv>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace courthub::directory {
namespace {

constexpr std::string_view kForms =
    R"({"person": "<userid>"}, {"people": {"court": .., "dept_id": .., "role": ..}}, )"
    R"({"supervisors": "<userid>"}, {"court": "<code>"}, {"courts": {}} or )"
    R"({"departments": "<court code>"})";

// A short rendering of what the caller sent, for error messages.
std::string shown(const Json& value) {
  std::string text = value.dump();
  constexpr size_t kMax = 120;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

Outcome malformed(const std::string& what) {
  return Outcome::invalid("malformed directory query: " + what + "; expected one of " +
                          std::string(kForms));
}

Json people_json(const Snapshot& s, const std::vector<const Person*>& people) {
  Json::array_t out;
  out.reserve(people.size());
  for (const Person* p : people) out.push_back(to_json(s, *p));
  return Json(std::move(out));
}

Outcome no_person(const std::string& user_id) {
  return Outcome::not_found("no person '" + user_id + "' in the directory");
}
Outcome no_court(const std::string& code) {
  return Outcome::not_found("no court '" + code + "' in the directory");
}

Expected<Json> people_query(const Snapshot& s, const Json& filter) {
  if (!filter.is_object())
    return malformed("'people' takes an object of filters, not " + shown(filter));
  std::string court, role;
  int64_t dept_id = 0;
  for (const auto& [key, value] : filter.items()) {
    if (key != "court" && key != "dept_id" && key != "role")
      return malformed("'people' filters by court, dept_id and role; unknown filter '" + key + "'");
    if (!value.is_string())
      return malformed("the '" + key + "' filter of 'people' must be a string, not " +
                       shown(value));
    const std::string& text = value.get<std::string>();
    if (key == "court") {
      court = text;
    } else if (key == "role") {
      role = text;
    } else {
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), dept_id);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size() || dept_id <= 0)
        return malformed("'dept_id' must be a department id in decimal, like \"1003\", not " +
                         shown(value));
    }
  }
  return people_json(s, s.people(court, dept_id, role));
}

}  // namespace

Json to_json(const Snapshot& snapshot, const Person& person) {
  const Department* d = snapshot.department(person.dept_id);
  Json::array_t roles(person.roles.begin(), person.roles.end());
  return Json::object({{"user_id", person.user_id},
                       {"name", person.name},
                       {"court_code", person.court_code},
                       {"dept_id", std::to_string(person.dept_id)},
                       {"dept_name", d != nullptr ? d->name : std::string()},
                       {"title", person.title},
                       {"roles", Json(std::move(roles))}});
}

Json to_user_json(const Snapshot& snapshot, const Person& person) {
  Json user = to_json(snapshot, person);
  const Court* court = snapshot.court(person.court_code);
  user["court_name"] = court != nullptr ? court->name : std::string();
  return user;
}

Json to_json(const Court& court) {
  return Json::object({{"code", court.code},
                       {"name", court.name},
                       {"level", court.level},
                       {"kind", court.kind},
                       {"parent", court.parent},
                       {"city", court.city},
                       {"dept_id", std::to_string(court.dept_id)},
                       {"synthetic", court.synthetic}});
}

Json to_json(const Department& department) {
  return Json::object(
      {{"id", std::to_string(department.id)},
       {"name", department.name},
       {"court_code", department.court_code},
       {"parent_id", department.parent_id != 0 ? std::to_string(department.parent_id) : ""},
       {"head", department.head},
       {"leader", department.leader}});
}

Expected<Json> answer(const Snapshot& s, const Json& query) {
  if (!query.is_object() || query.size() != 1)
    return malformed("a query is an object with exactly one member, not " + shown(query));
  const std::string& form = query.begin().key();
  const Json& arg = query.begin().value();

  if (form == "people") return people_query(s, arg);
  if (form == "courts") {
    if (!arg.is_object() || arg.size() != 0)
      return malformed("'courts' takes an empty object, not " + shown(arg));
    Json::array_t out;
    for (const Court& c : s.courts()) out.push_back(to_json(c));
    return Json(std::move(out));
  }
  if (form != "person" && form != "supervisors" && form != "court" && form != "departments")
    return malformed("unknown query '" + form + "'");

  // The remaining forms all take one id as a string.
  if (!arg.is_string())
    return malformed("'" + form + "' takes " +
                     (form == "person" || form == "supervisors" ? "a user id" : "a court code") +
                     " as a string, not " + shown(arg));
  const std::string& id = arg.get<std::string>();
  if (form == "person") {
    const Person* p = s.person(id);
    if (p == nullptr) return no_person(id);
    return to_json(s, *p);
  }
  if (form == "supervisors") {
    if (s.person(id) == nullptr) return no_person(id);
    return people_json(s, s.supervisors(id));
  }
  if (s.court(id) == nullptr) return no_court(id);
  if (form == "court") return to_json(*s.court(id));
  Json::array_t out;
  for (const Department* d : s.departments(id)) out.push_back(to_json(*d));
  return Json(std::move(out));
}

}  // namespace courthub::directory
