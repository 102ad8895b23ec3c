// SPDX-License-Identifier: Apache-2.0
// An in-process harness for plugin tests: the real host runtime in a temporary directory, no HTTP.
//
//   courthub::testing::PluginHarness h(HELLO_PLUGIN_FILE);   // load, configure, activate
//   h.add_person({"u1", "张三", "LN-HC", "1001", "审判员", {"judge"}});
//   auto r = h.as("u1").get("/greetings");                  // call a route as that person
//   EXPECT_EQ(r.status, 200);
//   h.command("hello 世界");                                 // a robot command
//   h.deliver_event("user_add_org", payload);                // an inbox event, delivered now
//   h.run_job("morning-report");                             // a cron job, now
//   h.advance_ms(3600 * 1000); h.run_due_jobs();             // what the hour made due
//   EXPECT_EQ(h.outbox().size(), 1u);                        // what it queued for DingTalk
//
// What runs is what the server runs: the same loader, host table, SQLite database (a real file
// under data_dir()), migrations, directory, inbox and outbox — only the network is missing.
// Outbound messages are captured in the outbox instead of being sent.
//
// Link against courthub::testing (find_package(courthub-plugin)).
// Threading: a harness belongs to one test thread. Errors: the constructor throws
// courthub::Error when the plugin cannot be loaded, rejects its settings (the message lists
// each "/pointer: problem") or fails to activate; the call methods report the plugin's answer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "courthub/database.hpp"
#include "courthub/error.hpp"
#include "courthub/host.hpp"
#include "courthub/json.hpp"

namespace courthub::testing {

struct HarnessOptions {
  Json settings = Json::object();            // the plugin's settings, as in the YAML
  std::vector<std::string> directory_seed;   // seed YAML files; empty: only what you add
  std::string data_dir;                      // "" = a fresh temporary directory, removed after
  std::string plugin_name;                   // "" = whatever the library calls itself
  int64_t start_ms = 0;                      // the host clock's start (Unix ms); 0 = real now
  std::vector<std::string> calendar_files;   // work-calendar YAML files; empty = the shipped ones
  // The database engine (2.3): "sqlite", "postgres", or "" = $COURTHUB_TEST_BACKEND (default
  // sqlite). PostgreSQL: the server is `postgres_url`, else $COURTHUB_TEST_PG_URL, else the file
  // $COURTHUB_TEST_PG_URL_FILE names; the schemas are named after the data directory. A fresh
  // temporary directory's are dropped afterwards; your data_dir's stay, so a second harness on it
  // finds the data again (a restart), but an empty data_dir is a fresh host on both engines
  // (schemas a removed directory of that name left are dropped first).
  std::string backend;
  std::string postgres_url;
};

struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // The body as JSON; throws Json::exception if it is not.
  Json json() const { return Json::parse(body); }
};

struct CommandResult {
  bool ok = false;
  bool markdown = false;
  std::string title;
  std::string text;  // the chat reply (on failure: the message the user would see)
};

struct CardResult {
  bool ok = false;
  int status = 200;
  Json body;  // what DingTalk would receive: {cardUpdateOptions, cardData, userPrivateData}
};

struct EventResult {
  bool ok = false;     // the plugin handled it (CH_OK)
  bool retry = false;  // it asked for a retry (CH_ERROR / CH_UNAVAILABLE)
  std::string error;
};

class PluginHarness {
 public:
  explicit PluginHarness(const std::string& plugin_file, HarnessOptions options = {});
  ~PluginHarness();
  PluginHarness(const PluginHarness&) = delete;
  PluginHarness& operator=(const PluginHarness&) = delete;

  // --- the directory the plugin sees ---
  void add_court(const Court& court);
  void add_department(const Department& department);
  void add_person(const Person& person);

  // --- who the next calls come from (default: an admin) ---
  PluginHarness& as(const std::string& user_id);  // throws if not in the directory
  PluginHarness& as_admin();
  PluginHarness& as_anonymous();
  // An outside user (2.2): a session of `audience` the plugin issued for `subject`, issued at
  // `issued_at` (Unix seconds; -1 = the harness clock's now). Portal routes take it; the
  // plugin's other routes answer 401, as the server does.
  PluginHarness& as_outsider(const std::string& audience, const std::string& subject,
                             int64_t issued_at = -1);
  // Whoever a session token names (one from Host::issue_session, say), checked as the server
  // checks it (signature, expiry on the harness clock). Throws courthub::Error if it is not
  // valid, saying why.
  PluginHarness& as_session(const std::string& token);

  // --- calls, exactly as the server would make them ---
  // `headers` reach the plugin as the server passes them (names lower-cased).
  HttpResult request(const std::string& method, const std::string& path_and_query,
                     const std::string& body = {},
                     const std::string& content_type = "application/json",
                     const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResult get(const std::string& path) { return request("GET", path); }
  HttpResult post(const std::string& path, const Json& body) {
    return request("POST", path, body.dump());
  }
  HttpResult put(const std::string& path, const Json& body) {
    return request("PUT", path, body.dump());
  }
  HttpResult patch(const std::string& path, const Json& body) {
    return request("PATCH", path, body.dump());
  }
  HttpResult del(const std::string& path) { return request("DELETE", path); }

  // A robot line such as "hello 世界": the first word picks the command.
  CommandResult command(const std::string& line, bool in_group = false);
  // A press of a card button by the harness's caller. The harness stands in for a card the host
  // sent to that caller: the server's own check (a press counts only for a card it sent, from
  // one of its recipients, for the plugin that sent it) runs in /dingtalk/cards, not here, so
  // what a plugin sees of a press is the same but a test here cannot show that check.
  CardResult card_action(const std::string& action, const Json& params,
                         const std::string& out_track_id = "harness-card");
  // Stores the event in the inbox and delivers it to this plugin now.
  EventResult deliver_event(const std::string& topic, const Json& payload);
  // Delivers events this plugin published to its own subscriptions (if any); returns how many.
  size_t deliver_published();
  // Runs a scheduled job now; throws Error(NotFound) for an unknown job. `scheduled_ms` 0 means
  // the harness clock's now.
  void run_job(const std::string& job, int64_t scheduled_ms = 0);

  // Fires the cron jobs that have come due by the harness clock, as the host's timer would:
  // each due job once (slots it missed are not replayed), its next slot computed from now. The
  // jobs' first slots are the ones after the harness was built. Returns "<job>@<scheduled ms>"
  // for each run, in timetable order; a job that fails throws Error with its reason after the
  // others ran.
  std::vector<std::string> run_due_jobs();

  // --- the host clock (a test clock: it stands still until the test moves it) ---
  // What "now" is for the host runtime around the plugin (inbox, outbox, directory), as Unix ms.
  int64_t now_ms() const;
  // Sets it to `unix_ms`, or moves it by `delta_ms` (backwards when negative). No errors.
  void set_now_ms(int64_t unix_ms);
  void advance_ms(int64_t delta_ms);

  // --- what the plugin did ---
  // Messages queued in the outbox, oldest first: {"id","channel","target","msg","state"}. A card
  // update is one row per recipient of the card: channel "card_update", target the userid, msg
  // {"msgtype":"card_update","card_update":{"out_track_id": that copy's, "card_data"}}.
  std::vector<Json> outbox() const;
  void clear_outbox();
  // Events the plugin published, oldest first: {"topic","payload"}.
  std::vector<Json> published() const;
  // Rows from the plugin's own database, as JSON objects (for assertions).
  std::vector<Json> query(const std::string& sql, const std::vector<Json>& params = {}) const;
  // The engine of the plugin's database (HarnessOptions::backend), for a test that must spell
  // some SQL twice (a trigger it plants to make a write fail, say).
  Dialect dialect() const;

  // --- what the plugin registered ---
  std::vector<std::string> routes() const;    // "GET /greetings/{name}", "GET /portal/x [lawyer]"
  std::vector<std::string> commands() const;  // names
  std::vector<std::string> card_actions() const;
  std::vector<std::string> subscriptions() const;
  std::vector<std::string> jobs() const;      // "name cron tz"

  // What Host::plugin_active(name) answers for other plugins (default: not active).
  void set_plugin_active(const std::string& name, bool active);
  // Events another plugin would publish reach this plugin with deliver_event("<plugin>.<name>",
  // payload); what this plugin publishes is in published().

  std::string plugin_name() const;
  std::string data_dir() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The SQL the host runs for a migration or statement of a plugin that declares portable SQL
// (kPortableSql): the words {{id}} {{serial}} {{int64}} {{double}} {{blob}} and the sections
// {{sqlite}}..{{end}} / {{postgres}}..{{end}} spelled for `dialect` (docs/plugins.md, "Portable
// SQL"). For test doubles that run a plugin's migrations on a database of their own.
// Threading: any thread. Errors: throws courthub::Error (invalid argument) naming a bad word.
std::string portable_sql(std::string_view text, Dialect dialect);

}  // namespace courthub::testing
