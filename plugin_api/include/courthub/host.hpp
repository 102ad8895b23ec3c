// SPDX-License-Identifier: Apache-2.0
// The host's services as seen by a plugin: log, settings, database, directory, outbox, events.
//
// Threading: every member may be used from any handler thread, concurrently.
// Errors: members throw courthub::Error carrying the host's reason.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "courthub/calls.hpp"
#include "courthub/database.hpp"
#include "courthub/error.hpp"
#include "courthub/json.hpp"
#include "courthub/plugin_abi.h"

namespace courthub {

struct Court {
  std::string code, name, level, kind, parent, city;
  std::string dept_id;  // the court's root department
};

struct Department {
  std::string id, name, court_code, parent_id;
  std::string head;    // userid of the 庭长/主任, may be empty
  std::string leader;  // userid of the 分管院领导, may be empty
};

// A person as the directory knows them. dept_name is the name of dept_id, filled in by the
// directory (the test harness's add_person takes it from dept_id's department, not from here).
struct Person {
  std::string user_id, name, court_code, dept_id, title;
  std::vector<std::string> roles;
  std::string dept_name;
  bool has_role(std::string_view r) const {
    for (auto& x : roles)
      if (x == r) return true;
    return false;
  }
};

struct PeopleQuery {
  std::string court;    // court code; empty = any
  std::string dept_id;  // empty = any
  std::string role;     // empty = any
};

// Courts, departments and people, as the host's directory holds them now.
class Directory {
 public:
  Directory(const ch_host_api* api, ch_host* host) : api_(api), host_(host) {}

  std::optional<Person> person(std::string_view user_id) const {
    auto r = ask(Json::object({{"person", user_id}}), true);
    if (!r) return std::nullopt;
    return to_person(*r);
  }
  std::vector<Person> people(const PeopleQuery& q) const {
    Json filter = Json::object();
    if (!q.court.empty()) filter["court"] = q.court;
    if (!q.dept_id.empty()) filter["dept_id"] = q.dept_id;
    if (!q.role.empty()) filter["role"] = q.role;
    return to_people(*ask(Json::object({{"people", filter}}), false));
  }
  // The supervisor chain of a person, nearest first (department head, 分管院领导, president).
  std::vector<Person> supervisors(std::string_view user_id) const {
    auto r = ask(Json::object({{"supervisors", user_id}}), true);
    return r ? to_people(*r) : std::vector<Person>{};
  }
  std::optional<Court> court(std::string_view code) const {
    auto r = ask(Json::object({{"court", code}}), true);
    if (!r) return std::nullopt;
    return to_court(*r);
  }
  std::vector<Court> courts() const {
    std::vector<Court> out;
    // Bound first: a range-for over *ask(...) would read the optional after it is destroyed
    // (temporaries in a range-for's initializer live on only from C++23).
    const auto courts = ask(Json::object({{"courts", Json::object()}}), false);
    for (auto& c : *courts) out.push_back(to_court(c));
    return out;
  }
  std::vector<Department> departments(std::string_view court_code) const {
    std::vector<Department> out;
    auto r = ask(Json::object({{"departments", court_code}}), true);
    if (!r) return out;
    for (auto& d : *r)
      out.push_back(Department{
          json::get<std::string>(d, "id"), json::get<std::string>(d, "name"),
          json::get<std::string>(d, "court_code"), json::get<std::string>(d, "parent_id"),
          json::get<std::string>(d, "head"), json::get<std::string>(d, "leader")});
    return out;
  }

  static Person to_person(const Json& j) {
    Person p{json::get<std::string>(j, "user_id"),    json::get<std::string>(j, "name"),
             json::get<std::string>(j, "court_code"), json::get<std::string>(j, "dept_id"),
             json::get<std::string>(j, "title"),      {},
             json::get<std::string>(j, "dept_name")};
    if (auto* roles = json::find(j, "roles"); roles && roles->is_array())
      for (auto& r : *roles) p.roles.push_back(r.get<std::string>());
    return p;
  }

 private:
  static std::vector<Person> to_people(const Json& arr) {
    std::vector<Person> out;
    for (auto& p : arr) out.push_back(to_person(p));
    return out;
  }
  static Court to_court(const Json& j) {
    return Court{json::get<std::string>(j, "code"),   json::get<std::string>(j, "name"),
                 json::get<std::string>(j, "level"),  json::get<std::string>(j, "kind"),
                 json::get<std::string>(j, "parent"), json::get<std::string>(j, "city"),
                 json::get<std::string>(j, "dept_id")};
  }
  // Returns nullopt for CH_NOT_FOUND when allowed.
  std::optional<Json> ask(const Json& query, bool not_found_ok) const {
    std::string answer;
    auto sink = [](void* ctx, ch_str v) { *static_cast<std::string*>(ctx) = to_string(v); };
    std::string q = query.dump();
    ch_status st = api_->directory(host_, view(q), sink, &answer);
    if (st == CH_NOT_FOUND && not_found_ok) return std::nullopt;
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    return Json::parse(answer);
  }

  const ch_host_api* api_;
  ch_host* host_;
};

// A DingTalk message body ("msg"): text, markdown, an action card, or an interactive card.
struct Message {
  Json msg;

  static Message text(std::string content) {
    return {Json::object({{"msgtype", "text"}, {"text", Json::object({{"content", content}})}})};
  }
  static Message markdown(std::string title, std::string text) {
    return {Json::object({{"msgtype", "markdown"},
                          {"markdown", Json::object({{"title", title}, {"text", text}})}})};
  }
  // An interactive card whose buttons call back through /dingtalk/cards. `card_data` values are
  // strings; `out_track_id` names this card instance (unique per plugin).
  static Message card(std::string template_id, std::string out_track_id, Json card_data) {
    return {Json::object({{"msgtype", "interactive_card"},
                          {"interactive_card", Json::object({{"template_id", template_id},
                                                             {"out_track_id", out_track_id},
                                                             {"card_data", card_data}})}})};
  }
};

// The host's durable outbox. Every send returns once the message is stored; a host worker
// delivers it to DingTalk with retries. `key` (optional) makes a send idempotent.
class Outbox {
 public:
  Outbox(const ch_host_api* api, ch_host* host, ch_txn* txn = nullptr)
      : api_(api), host_(host), txn_(txn) {}

  // The same outbox, but what is sent through the result is queued only if `tx` commits, after
  // the commit, exactly once; the returned ids are then 0. Use it inside db().transaction().
  Outbox in(const Transaction& tx) const { return Outbox(api_, host_, tx.handle()); }

  // A work notification (工作通知) to people, by DingTalk userid.
  int64_t to_users(const std::vector<std::string>& user_ids, const Message& m,
                   std::string key = {}) const {
    Json users = Json::array();
    for (auto& u : user_ids) users.push_back(u);
    return send(Json::object({{"users", users}}), m, key);
  }
  // A reply into a robot conversation through its session webhook.
  int64_t to_session(const std::string& session_webhook, const Message& m,
                     std::string key = {}) const {
    return send(Json::object({{"session_webhook", session_webhook}}), m, key);
  }
  // A custom group robot named in the host's dingtalk.group_robots configuration.
  int64_t to_group_robot(const std::string& robot, const Message& m, std::string key = {}) const {
    return send(Json::object({{"group_robot", robot}}), m, key);
  }

  // Changes the data of an interactive card this plugin sent (DingTalk's PUT
  // /v1.0/card/instances with updateCardDataByKey: the keys given replace theirs, the others
  // stay). `out_track_id` is the one given to Message::card; every recipient of that card gets
  // the update, in order after the card itself. `card_data` is an object whose values are
  // strings (others are sent as their JSON text).
  // Ownership: every argument is copied. Threading: any handler thread; inside a transaction use
  // in(tx).update_card(...), then it is queued only if the transaction commits.
  // Returns the first outbox id (0 inside a transaction, and 0 when nothing was queued: a card
  // this plugin never sent, or whose delivery failed for good, is not updated; the host logs
  // that at DEBUG). An update of a card not yet accepted by DingTalk waits for it.
  // Errors: Error(InvalidArgument) for an empty out_track_id or a card_data that is not an
  // object. Needs a host of plugin ABI 2.1 or later (older hosts refuse the message).
  int64_t update_card(const std::string& out_track_id, const Json& card_data,
                      std::string key = {}) const {
    return send(Json::object({{"card", out_track_id}}),
                Message{Json::object({{"msgtype", "card_update"},
                                      {"card_update", Json::object({{"card_data", card_data}})}})},
                key);
  }

  int64_t send(const Json& to, const Message& m, const std::string& key) const {
    Json message = Json::object({{"to", to}, {"msg", m.msg}});
    if (!key.empty()) message["key"] = key;
    std::string text = message.dump();
    int64_t id = 0;
    ch_status st = api_->outbox_send(host_, txn_, view(text), &id);
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    return id;
  }

 private:
  const ch_host_api* api_;
  ch_host* host_;
  ch_txn* txn_;
};

// The official work calendar of the host: weekends, public holidays and make-up workdays
// (调休), as the State Council publishes them. Dates are civil dates (no time zone). A year the
// host has no calendar file for counts Monday to Friday (the host logs it).
// Errors: Unavailable only while the host is validating settings (check-config).
class WorkCalendar {
 public:
  WorkCalendar(const ch_host_api* api, ch_host* host) : api_(api), host_(host) {}

  bool is_workday(std::chrono::sys_days day) const {
    uint32_t out = 0;
    check(api_->is_workday(host_, day.time_since_epoch().count(), &out));
    return out != 0;
  }
  // The first workday after `day` (never `day` itself).
  std::chrono::sys_days next_workday(std::chrono::sys_days day) const {
    ch_day out = 0;
    check(api_->next_workday(host_, day.time_since_epoch().count(), &out));
    return std::chrono::sys_days(std::chrono::days(out));
  }
  // Workdays in [first, last], both included; 0 when last is before first.
  int64_t workdays_between(std::chrono::sys_days first, std::chrono::sys_days last) const {
    int64_t out = 0;
    check(api_->workdays_between(host_, first.time_since_epoch().count(),
                                 last.time_since_epoch().count(), &out));
    return out;
  }

 private:
  void check(ch_status st) const {
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
  }
  const ch_host_api* api_;
  ch_host* host_;
};

// A session the host issued for an outside user (Host::issue_session).
struct SessionGrant {
  std::string token;       // send as "Authorization: Bearer <token>"; never log it
  int64_t expires_at = 0;  // Unix seconds
};

// A plugin's view of the host. One per plugin instance; handed to the plugin's constructor.
class Host {
 public:
  Host(const ch_host_api* api, ch_host* host)
      : api_(api),
        host_(host),
        db_(api, host),
        directory_(api, host),
        outbox_(api, host),
        calendar_(api, host) {}

  void debug(std::string_view m) const { api_->log(host_, CH_LOG_DEBUG, view(m)); }
  void info(std::string_view m) const { api_->log(host_, CH_LOG_INFO, view(m)); }
  void warn(std::string_view m) const { api_->log(host_, CH_LOG_WARN, view(m)); }
  void error(std::string_view m) const { api_->log(host_, CH_LOG_ERROR, view(m)); }

  Database& db() { return db_; }
  const Directory& directory() const { return directory_; }
  const Outbox& outbox() const { return outbox_; }
  const WorkCalendar& calendar() const { return calendar_; }

  // The host's clock: use it, never the system clock, so tests can set the time.
  std::chrono::system_clock::time_point now() const {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(now_ms()));
  }
  int64_t now_ms() const { return api_->now_ms(host_); }

  // Publishes "<plugin>.<name>" with a JSON object payload to every subscriber, durably before
  // it returns. A non-empty `key` makes it idempotent (a second event with that key is dropped).
  // Inside a transaction use Transaction::publish, so the event exists only if it commits.
  void publish(std::string_view name, const Json& payload, std::string_view key = {}) const {
    std::string p = payload.dump();
    ch_status st = api_->publish(host_, nullptr, view(name), view(p), view(key));
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
  }

  // Whether another plugin is enabled and active now (answers can change after a reload).
  bool plugin_active(std::string_view name) const {
    return api_->plugin_active(host_, view(name)) == CH_OK;
  }

  // A session for an outside user the plugin has authenticated itself (2.2): it opens this
  // plugin's portal routes of `audience` (Registrar::portal_route) and nothing else. The
  // subject comes back as Caller::user_id. Errors: InvalidArgument for an audience other than
  // an outside one ("lawyer") or a subject outside [A-Za-z0-9_.:-]{1,64}; Unavailable while the
  // host is only validating.
  SessionGrant issue_session(std::string_view audience, std::string_view subject) const {
    std::string out;
    auto sink = [](void* ctx, ch_str v) { *static_cast<std::string*>(ctx) = to_string(v); };
    ch_status st = api_->issue_session(host_, view(audience), view(subject), sink, &out);
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    Json j = Json::parse(out);
    return SessionGrant{json::get<std::string>(j, "token"), json::get<int64_t>(j, "expires_at")};
  }

  Json settings() const { return Json::parse(fetch(api_->settings)); }
  std::string data_dir() const { return fetch(api_->data_dir); }

  const ch_host_api* abi() const { return api_; }
  ch_host* handle() const { return host_; }

 private:
  std::string fetch(ch_status (*fn)(ch_host*, ch_str_sink, void*)) const {
    std::string out;
    auto sink = [](void* ctx, ch_str v) { *static_cast<std::string*>(ctx) = to_string(v); };
    ch_status st = fn(host_, sink, &out);
    if (st != CH_OK) detail::throw_host_error(api_, host_, st);
    return out;
  }

  const ch_host_api* api_;
  ch_host* host_;
  Database db_;
  Directory directory_;
  Outbox outbox_;
  WorkCalendar calendar_;
};

}  // namespace courthub
