// SPDX-License-Identifier: Apache-2.0
// admin_routes.cpp — groups, shifts and rosters edited by a court's court_admin (or the
// operator). What they write becomes managed_by "api": the settings never overwrite it again.
// Results are computed on read, so every change here shows in the next result.
#include "admin_routes.hpp"

#include <set>
#include <string>
#include <utility>

#include <courthub/time.hpp>

#include "group_json.hpp"
#include "group_store.hpp"
#include "person_access.hpp"

namespace attendance {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;
namespace ctime = courthub::time;

constexpr size_t kMaxRosterEntries = 10000;
constexpr int kMaxRosterDays = 366;

Json fields_json(const JsonProblems& problems) {
  Json fields = Json::array();
  for (auto& [pointer, message] : problems)
    fields.push_back(Json::object({{"field", pointer}, {"message", message}}));
  return Json::object({{"fields", fields}});
}

std::string first_problem(const JsonProblems& problems) {
  std::string text = problems.front().first + ": " + problems.front().second;
  if (problems.size() > 1) text += " (and " + std::to_string(problems.size() - 1) + " more)";
  return text;
}

void throw_if_any(const JsonProblems& problems) {
  if (!problems.empty()) throw courthub::InvalidArgument(first_problem(problems), fields_json(problems));
}

void require_admin_of(const Caller& c, const std::string& court) {
  if (!administers_court(c, court))
    throw courthub::PermissionDenied("只有 " + (court.empty() ? std::string("本院") : court) +
                                     " 的考勤管理员（court_admin）可以管理考勤组、班次和排班");
}

// The court a request acts on: `requested`, else the caller's own. Refuses (403) non-admins.
std::string admin_court(const Caller& c, const std::string& requested) {
  std::string court = requested.empty() ? c.court_code : requested;
  if (court.empty()) {
    if (c.kind != Caller::Kind::Admin) require_admin_of(c, court);
    throw_if_any({{"/court", "is required: the operator has no court of its own"}});
  }
  if (!valid_court_code(court)) throw_if_any({{"/court", "must be a court code such as LN-BC-SY-01"}});
  require_admin_of(c, court);
  return court;
}

std::string court_text(const Json& body) {
  const Json* v = courthub::json::find(body, "court");
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

Json body_object(const Request& req) {
  Json body = req.json();
  if (!body.is_object()) throw_if_any({{"", "the body must be a JSON object"}});
  return body;
}

// Members must be the court's own departments and people.
void check_members(const courthub::Host& host, const Group& g, JsonProblems& problems) {
  std::set<std::string> depts;
  for (const auto& d : host.directory().departments(g.court)) depts.insert(d.id);
  for (size_t i = 0; i < g.member_depts.size(); ++i)
    if (!depts.count(g.member_depts[i]))
      problems.push_back({"/members/departments/" + std::to_string(i),
                          "'" + g.member_depts[i] + "' is not a department of " + g.court});
  for (size_t i = 0; i < g.member_users.size(); ++i) {
    auto p = host.directory().person(g.member_users[i]);
    if (!p || p->court_code != g.court)
      problems.push_back({"/members/users/" + std::to_string(i),
                          "'" + g.member_users[i] + "' is not a person of " + g.court});
  }
}

// Everything a group must satisfy before it is stored; throws 400 or 409.
void check_group(const courthub::Sql& db, const Group& g, JsonProblems problems) {
  for (auto& p : shift_references(g, load_shifts(db))) problems.push_back(p);
  throw_if_any(problems);
  auto clashes = membership_clashes(g, load_groups(db));
  if (!clashes.empty())
    throw courthub::Conflict(first_problem(clashes), fields_json(clashes));
}

// A free id "<court lower-cased>-<letter><n>".
std::string new_id(const courthub::Sql& db, const char* table, const std::string& court,
                   const char* letter) {
  std::string base = default_group_id(court);
  base.resize(base.size() - std::string("default").size());
  for (int n = 1;; ++n) {
    std::string id = base + letter + std::to_string(n);
    if (!db.one(std::string("SELECT 1 FROM ") + table + " WHERE id = ?", {id})) return id;
  }
}

Json shifts_of_court(const courthub::Sql& db, const std::string& court) {
  Json out = Json::array();
  for (const Shift& s : load_shifts(db))
    if (s.court.empty() || s.court == court) out.push_back(shift_json(s));
  return out;
}

ctime::Date date_param(const Request& req, const char* key, ctime::Date fallback,
                       JsonProblems& problems) {
  auto text = req.query_value(key);
  if (!text || text->empty()) return fallback;
  auto d = ctime::parse_date(*text);
  if (!d) {
    problems.push_back({std::string("/") + key, "must be a date such as 2026-12-08"});
    return fallback;
  }
  return *d;
}

// ?from=&to= of a request: from defaults to today, to to from + 6 days; at most `max_days` days.
// Throws InvalidArgument naming the field.
std::pair<ctime::Date, ctime::Date> date_range(const courthub::Host& host, const Request& req,
                                               int max_days) {
  JsonProblems problems;
  ctime::Date from = date_param(req, "from", ctime::local_date(host.now_ms()), problems);
  ctime::Date to = date_param(
      req, "to", ctime::Date{std::chrono::sys_days{from} + std::chrono::days{6}}, problems);
  auto span = (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
  if (problems.empty() && (span < 0 || span >= max_days))
    problems.push_back(
        {"/to", "must be on or after from, at most " + std::to_string(max_days) + " days"});
  throw_if_any(problems);
  return {from, to};
}

Group existing_group(courthub::Host& host, const Request& req) {
  auto g = load_group(host.db(), req.param("id"));
  if (!g) throw courthub::NotFound("no attendance group '" + req.param("id") + "'");
  require_admin_of(req.caller, g->court);
  return *g;
}

// The roster body's entries, each checked: a member of `group`, a real date, one of its shifts.
std::vector<RosterEntry> read_entries(courthub::Host& host, const Group& group, const Json& body) {
  JsonProblems problems;
  const Json* list = courthub::json::find(body, "entries");
  if (!list || !list->is_array()) throw_if_any({{"/entries", "must be a list of {user_id, date, shift_id}"}});
  if (list->size() > kMaxRosterEntries)
    throw_if_any({{"/entries", "at most " + std::to_string(kMaxRosterEntries) + " entries at once"}});
  std::vector<RosterEntry> out;
  std::vector<std::optional<courthub::Person>> people;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& e = list->at(i);
    std::string at = "/entries/" + std::to_string(i);
    if (!e.is_object()) {
      problems.push_back({at, "must be {user_id, date, shift_id}"});
      continue;
    }
    RosterEntry entry;
    const Json* u = courthub::json::find(e, "user_id");
    std::optional<courthub::Person> person;
    if (!u || !u->is_string() || u->get<std::string>().empty()) {
      problems.push_back({at + "/user_id", "must be a userid"});
    } else {
      entry.user_id = u->get<std::string>();
      person = host.directory().person(entry.user_id);
      if (!person) problems.push_back({at + "/user_id", "'" + entry.user_id + "' is not in the directory"});
    }
    const Json* d = courthub::json::find(e, "date");
    auto day = d && d->is_string() ? ctime::parse_date(d->get<std::string>()) : std::nullopt;
    if (!day)
      problems.push_back({at + "/date", "must be a date such as 2026-12-08"});
    else
      entry.day = *day;
    const Json* s = courthub::json::find(e, "shift_id");
    if (s && !s->is_null()) {
      bool listed = false;
      if (s->is_string())
        for (auto& id : group.shift_ids) listed = listed || id == s->get<std::string>();
      if (!listed)
        problems.push_back({at + "/shift_id", "must be null (rest) or a shift of the group's "
                                              "shifts"});
      else
        entry.shift_id = s->get<std::string>();
    }
    out.push_back(std::move(entry));
    people.push_back(std::move(person));
  }
  throw_if_any(problems);
  // Membership, as the results see it: the group each person belongs to now.
  if (!out.empty()) {
    Schedule schedule(host, out.front().day, out.front().day);
    for (size_t i = 0; i < out.size(); ++i) {
      const Group* g = people[i] ? schedule.group_of(*people[i]) : nullptr;
      if (!g || g->id != group.id)
        problems.push_back({"/entries/" + std::to_string(i) + "/user_id",
                            "'" + out[i].user_id + "' is not a member of group " + group.id});
    }
  }
  throw_if_any(problems);
  return out;
}

}  // namespace

void register_admin_routes(courthub::Registrar& r, courthub::Host& host, const Settings&) {
  // GET /admin/groups?court=  — the court's groups and the shifts its groups may use.
  r.route("GET", "/admin/groups", [&host](const Request& req) {
    std::string court = admin_court(req.caller, req.query_value("court").value_or(""));
    Json groups = Json::array();
    for (const Group& g : load_groups(host.db()))
      if (g.court == court) groups.push_back(group_json(g));
    return Response::json(Json::object(
        {{"court", court}, {"groups", groups}, {"shifts", shifts_of_court(host.db(), court)}}));
  });

  // POST /admin/groups  — a new group of the admin's court (the operator names "court").
  r.route("POST", "/admin/groups", [&host](const Request& req) {
    Json body = body_object(req);
    std::string court = admin_court(req.caller, court_text(body));
    body["court"] = court;
    body.erase("managed_by");
    bool generated = !body.contains("id");
    if (generated) body["id"] = new_id(host.db(), "groups", court, "g");
    JsonProblems problems;
    Group g = read_group(body, "", problems);
    g.managed_by = "api";
    check_members(host, g, problems);
    return host.db().transaction([&](courthub::Transaction& tx) {
      if (!generated && load_group(tx, g.id))
        throw courthub::Conflict("group id '" + g.id + "' is taken",
                                 fields_json({{"/id", "is taken"}}));
      check_group(tx, g, problems);
      save_group(tx, g, host.now_ms());
      return Response::json(group_json(g), 201);
    });
  });

  // PUT /admin/groups/{id}  — replaces the group (id and court cannot change).
  r.route("PUT", "/admin/groups/{id}", [&host](const Request& req) {
    Group old = existing_group(host, req);
    Json body = body_object(req);
    JsonProblems problems;
    if (body.contains("id") && body["id"] != old.id)
      problems.push_back({"/id", "cannot change; create a new group instead"});
    if (body.contains("court") && body["court"] != old.court)
      problems.push_back({"/court", "cannot change: a group belongs to one court"});
    body["id"] = old.id;
    body["court"] = old.court;
    body.erase("managed_by");
    Group g = read_group(body, "", problems);
    g.managed_by = "api";
    check_members(host, g, problems);
    return host.db().transaction([&](courthub::Transaction& tx) {
      check_group(tx, g, problems);
      save_group(tx, g, host.now_ms());
      return Response::json(group_json(g));
    });
  });

  // DELETE /admin/groups/{id}  — only a group created through the API; its roster goes too.
  r.route("DELETE", "/admin/groups/{id}", [&host](const Request& req) {
    Group g = existing_group(host, req);
    if (g.managed_by != "api")
      throw courthub::Conflict("group '" + g.id + "' comes from the settings (courthub.yaml): "
                               "remove it there, or edit it here");
    host.db().transaction([&](courthub::Transaction& tx) {
      tx.exec("DELETE FROM groups WHERE id = ?", {g.id});
      tx.exec("DELETE FROM roster WHERE group_id = ?", {g.id});
    });
    return Response::json(Json::object({{"deleted", g.id}}));
  });

  // GET /admin/shifts?court=  — the shifts the court's groups may use (shared ones too).
  r.route("GET", "/admin/shifts", [&host](const Request& req) {
    std::string court = admin_court(req.caller, req.query_value("court").value_or(""));
    return Response::json(
        Json::object({{"court", court}, {"shifts", shifts_of_court(host.db(), court)}}));
  });

  // POST /admin/shifts  — a court admin's shift belongs to their court; the operator may leave
  // "court" empty for a shift every court may use.
  r.route("POST", "/admin/shifts", [&host](const Request& req) {
    Json body = body_object(req);
    std::string court = court_text(body);
    if (!(req.caller.kind == Caller::Kind::Admin && court.empty()))
      court = admin_court(req.caller, court);
    body["court"] = court;
    bool generated = !body.contains("id");
    if (generated) body["id"] = new_id(host.db(), "shifts", court.empty() ? "shared" : court, "s");
    JsonProblems problems;
    Shift s = read_shift(body, "", problems);
    throw_if_any(problems);
    return host.db().transaction([&](courthub::Transaction& tx) {
      if (!generated && load_shift(tx, s.id))
        throw courthub::Conflict("shift id '" + s.id + "' is taken",
                                 fields_json({{"/id", "is taken"}}));
      save_shift(tx, s, "api", host.now_ms());
      return Response::json(shift_json(s), 201);
    });
  });

  // PUT /admin/shifts/{id}  — replaces the shift; a shared shift only by the operator.
  r.route("PUT", "/admin/shifts/{id}", [&host](const Request& req) {
    auto old = load_shift(host.db(), req.param("id"));
    if (!old) throw courthub::NotFound("no shift '" + req.param("id") + "'");
    if (old->court.empty() && req.caller.kind != Caller::Kind::Admin)
      throw courthub::PermissionDenied("共用班次 '" + old->id + "' 只有系统管理员可以修改；"
                                       "请为本院新建班次");
    require_admin_of(req.caller, old->court.empty() ? req.caller.court_code : old->court);
    Json body = body_object(req);
    JsonProblems problems;
    if (body.contains("id") && body["id"] != old->id)
      problems.push_back({"/id", "cannot change; create a new shift instead"});
    if (body.contains("court") && body["court"] != old->court)
      problems.push_back({"/court", "cannot change"});
    body["id"] = old->id;
    body["court"] = old->court;
    Shift s = read_shift(body, "", problems);
    throw_if_any(problems);
    host.db().transaction([&](courthub::Transaction& tx) { save_shift(tx, s, "api", host.now_ms()); });
    return Response::json(shift_json(s));
  });

  // GET /admin/groups/{id}/roster?from=&to=  — default: today and the next 6 days.
  r.route("GET", "/admin/groups/{id}/roster", [&host](const Request& req) {
    Group g = existing_group(host, req);
    const auto [from, to] = date_range(host, req, kMaxRosterDays);
    Json entries = Json::array();
    for (const RosterEntry& e : load_roster(host.db(), g.id, from, to))
      entries.push_back(Json::object({{"user_id", e.user_id},
                                      {"date", ctime::format_date(e.day)},
                                      {"shift_id", e.shift_id ? Json(*e.shift_id) : Json()}}));
    return Response::json(Json::object({{"group_id", g.id},
                                        {"from", ctime::format_date(from)},
                                        {"to", ctime::format_date(to)},
                                        {"entries", entries}}));
  });

  // GET /admin/schedule?user_id=&from=&to=  — what each day is for one person, as the results
  // see it (group, calendar, roster): {"user_id","group","days":[{"date","workday","kind",
  // "shift"}]}. Default: the 7 days from today; at most 62 days.
  r.route("GET", "/admin/schedule", [&host](const Request& req) {
    std::string user = req.query_value("user_id").value_or("");
    if (user.empty()) throw_if_any({{"/user_id", "is required"}});
    auto person = host.directory().person(user);
    if (!person) throw courthub::NotFound("no person '" + user + "' in the directory");
    require_admin_of(req.caller, person->court_code);
    const auto [from, to] = date_range(host, req, 62);
    Schedule schedule(host, from, to);
    const Group* g = schedule.group_of(*person);
    Json days = Json::array();
    for (auto d = std::chrono::sys_days{from}; d <= std::chrono::sys_days{to}; d += std::chrono::days{1}) {
      DayPlan plan = schedule.plan(*person, ctime::Date{d});
      const char* kind = plan.kind == DayKind::Work ? "work" : plan.kind == DayKind::Free ? "free" : "rest";
      days.push_back(Json::object({{"date", ctime::format_date(ctime::Date{d})},
                                   {"workday", schedule.is_workday(ctime::Date{d})},
                                   {"kind", kind},
                                   {"shift", plan.shift ? Json(plan.shift->id) : Json()}}));
    }
    Json group = g ? Json::object({{"id", g->id}, {"name", g->name},
                                   {"type", std::string(name_of(g->type))}})
                   : Json();
    return Response::json(
        Json::object({{"user_id", user}, {"group", group}, {"days", days}}));
  });

  // PUT /admin/groups/{id}/roster {"entries":[{"user_id","date","shift_id"|null}]}: all or none.
  r.route("PUT", "/admin/groups/{id}/roster", [&host](const Request& req) {
    Group g = existing_group(host, req);
    if (g.type != GroupType::Turn)
      throw courthub::Conflict("group '" + g.id + "' is " + std::string(name_of(g.type)) +
                               ": only a TURN group has a roster");
    std::vector<RosterEntry> entries = read_entries(host, g, body_object(req));
    host.db().transaction([&](courthub::Transaction& tx) {
      save_roster(tx, g.id, entries, host.now_ms());
    });
    return Response::json(Json::object({{"group_id", g.id}, {"saved", entries.size()}}));
  });
}

}  // namespace attendance
