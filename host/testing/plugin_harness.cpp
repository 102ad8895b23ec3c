// SPDX-License-Identifier: Apache-2.0
// PluginHarness (courthub/testing.hpp): the host runtime around one plugin, in-process.
#include "courthub/testing.hpp"

#include <Poco/String.h>
#include <Poco/URI.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>

#include "host/config/config.hpp"
#include "host/config/config_loader.hpp"
#include "host/http/identity.hpp"
#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/runtime.hpp"
#include "host/time/clock.hpp"

namespace courthub::testing {
namespace {

[[noreturn]] void fail(const Outcome& o, const std::string& context) {
  throw Error(o.code(), context + ": " + o.message());
}

Json value_json(const ch_value& v) {
  switch (v.type) {
    case CH_VALUE_INT:
      return Json(v.as.i);
    case CH_VALUE_REAL: return Json(v.as.r);
    case CH_VALUE_TEXT:
    case CH_VALUE_BLOB: return Json(std::string(storage::text_of(v)));
    default: return Json();
  }
}

std::string unique_key() {
  static std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(rng()) + "-" + std::to_string(rng());
}

// Which engine a harness runs on, and where (HarnessOptions::backend).
storage::BackendOptions backend_for(const HarnessOptions& options, const std::string& dir) {
  storage::BackendOptions b;
  b.data_dir = dir;
  // No fsync per commit (synchronous=NORMAL): as with the journal below, a test's crash loses
  // nothing anyone relies on, and the plugins' tests (and their fuzzer) run several times faster.
  b.sqlite = storage::SqliteOptions{false, 5000, 2};
  std::string backend = options.backend;
  if (backend.empty()) {
    const char* env = std::getenv("COURTHUB_TEST_BACKEND");
    backend = env ? env : "";
  }
  if (backend.empty() || backend == "sqlite") return b;
  if (backend != "postgres") {
    throw Error(Status::InvalidArgument,
                "harness backend '" + backend + "': expected sqlite or postgres");
  }
  std::string url = options.postgres_url;
  if (url.empty()) {
    const char* env = std::getenv("COURTHUB_TEST_PG_URL");
    url = env ? env : "";
  }
  if (url.empty()) {
    if (const char* file = std::getenv("COURTHUB_TEST_PG_URL_FILE"); file && *file) {
      std::ifstream in(file);
      std::getline(in, url);
    }
  }
  if (url.empty()) {
    throw Error(Status::Unavailable,
                "the harness runs on PostgreSQL but has no server: set COURTHUB_TEST_PG_URL "
                "(tests/support/pg_cluster.sh start DIR writes one to DIR/url)");
  }
  // Named after the data directory: a second harness on the same directory finds its data.
  const uint64_t h =
      std::hash<std::string>{}(std::filesystem::absolute(dir).lexically_normal().string());
  char name[24];
  std::snprintf(name, sizeof name, "h%016llx", static_cast<unsigned long long>(h));
  b.dialect = storage::Dialect::kPostgres;
  b.postgres = storage::PostgresOptions{url, name, 4, 5000};
  return b;
}

// Drops the schemas of a harness on PostgreSQL (a test's own, throwaway server), if any.
void drop_schemas(const storage::BackendOptions& b, const std::string& plugin) {
  if (b.dialect != storage::Dialect::kPostgres) return;
  storage::PostgresOptions o = b.postgres;
  o.connections = 1;
  auto db = storage::open_postgres(o);
  if (!db) return;
  (void)(*db)->transaction([&](storage::Transaction& txn) {
    return txn.script("DROP SCHEMA IF EXISTS \"" + storage::plugin_schema(o.schema, plugin) +
                      "\" CASCADE; DROP SCHEMA IF EXISTS \"" + o.schema + "\" CASCADE");
  });
}

}  // namespace

struct PluginHarness::Impl {
  std::string dir;
  bool remove_dir = false;
  storage::BackendOptions backend;
  std::string plugin;
  // The host clock the plugin and the runtime see; set at construction, moved by the test.
  time::ManualClock clock{0};
  std::unique_ptr<Runtime> runtime;  // the server's own composition
  http::Identity identity = http::Identity::admin();
  // Signs the sessions the plugin issues (Host::issue_session) and checks as_session's tokens.
  http::SessionTokens sessions{"courthub-harness-session-secret", 8 * 3600};
  std::set<std::string> others_active;  // plugins the test pretends are enabled

  // The runtime goes first (plugins retire before the databases close); the temporary directory
  // last, also when the constructor throws halfway.
  ~Impl() {
    runtime.reset();
    if (remove_dir) {
      drop_schemas(backend, plugin);
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  }

  std::shared_ptr<plugins::PluginInstance> live() const {
    auto inst = runtime->plugins().live(plugin);
    if (!inst) throw Error(Status::Unavailable, "plugin '" + plugin + "' is not running");
    return inst;
  }
};

PluginHarness::PluginHarness(const std::string& plugin_file, HarnessOptions options)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.clock.set(options.start_ms != 0 ? options.start_ms : time::system_clock().now_ms());
  if (options.data_dir.empty()) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-harness-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw Error(Status::Error, "cannot create a temporary directory");
    m.dir = tmpl;
    m.remove_dir = true;
  } else {
    m.dir = options.data_dir;
    std::filesystem::create_directories(m.dir);
  }
  // An empty data directory is a fresh host, on either engine: PostgreSQL schemas named after it
  // are a deleted directory's leftovers (a test that removed its own), dropped below.
  const bool fresh = std::filesystem::is_empty(m.dir);
  std::string file = std::filesystem::absolute(plugin_file).lexically_normal().string();

  m.plugin = options.plugin_name;
  if (m.plugin.empty()) {
    auto lib = plugins::load_plugin_library(file, "", "");
    if (!lib) fail(lib.outcome(), "cannot load " + file);
    m.plugin = (*lib)->name;
  }

  Impl* raw = &m;
  RuntimeOptions runtime;
  m.backend = backend_for(options, m.dir);
  if (m.backend.dialect == storage::Dialect::kPostgres) {
    if (fresh) drop_schemas(m.backend, m.plugin);
    // A host on PostgreSQL may leave no file behind: this one says the directory is in use.
    std::ofstream(m.dir + "/postgres-schema") << m.backend.postgres.schema << "\n";
  }
  runtime.storage = m.backend;
  runtime.sync_journal = false;  // a test's crash loses nothing anyone relies on
  runtime.journal_segment_bytes = 256u << 10;
  runtime.directory_seed = options.directory_seed;
  runtime.calendar_files =
      options.calendar_files.empty() ? config::shipped_calendar_files() : options.calendar_files;
  runtime.clock = &m.clock;
  runtime.known_group_robot = [](const std::string&) { return true; };
  runtime.also_active = [raw](const std::string& name) {
    return raw->others_active.count(name) > 0;
  };
  auto opened = Runtime::open(std::move(runtime));
  if (!opened) fail(opened.outcome(), "host runtime");
  m.runtime = std::move(*opened);
  m.runtime->services().set_session_issuer(
      [raw](const std::string& plugin, const std::string& audience, const std::string& subject,
            int64_t now_s) { return raw->sessions.issue_outside(plugin, audience, subject, now_s); },
      raw->sessions.ttl_seconds());

  config::Config cfg;
  config::PluginConfig pc;
  pc.name = m.plugin;
  pc.file = file;
  pc.settings = options.settings;
  pc.location = config::Location{"harness settings", 0, 0};
  cfg.plugins.push_back(pc);
  for (auto& change : m.runtime->plugins().apply(cfg)) {
    if (change.action == "failed") throw Error(Status::InvalidArgument, change.detail);
  }
}

PluginHarness::~PluginHarness() = default;

void PluginHarness::add_court(const Court& c) {
  // Courts are seed data; the harness writes them straight into the host database. The values
  // only point at their text: the defaults live here until the query has run.
  const std::string level = c.level.empty() ? "basic" : c.level;
  const std::string kind = c.kind.empty() ? "ordinary" : c.kind;
  ch_value p[] = {storage::text_value(c.code), storage::text_value(c.name),
                  storage::text_value(level),  storage::text_value(kind),
                  storage::text_value(c.parent), storage::text_value(c.city)};
  // A court added again is replaced whole, as a fresh row would be: synthetic back to 0.
  Outcome o = impl_->runtime->host_db().query(
      "INSERT INTO courts(code, position, name, level, kind, parent, city) "
      "VALUES (?, (SELECT COUNT(*) FROM courts), ?, ?, ?, ?, ?) "
      "ON CONFLICT(code) DO UPDATE SET position = excluded.position, name = excluded.name, "
      "level = excluded.level, kind = excluded.kind, parent = excluded.parent, "
      "city = excluded.city, synthetic = 0",
      p);
  if (!o.ok()) fail(o, "add_court");
  if (!c.dept_id.empty()) {
    directory::Department root;
    root.id = std::stoll(c.dept_id);
    root.court_code = c.code;
    root.name = c.name;
    o = impl_->runtime->directory().upsert_department(root);
    if (!o.ok()) fail(o, "add_court");
  }
  o = impl_->runtime->directory().load({});
  if (!o.ok()) fail(o, "add_court");
}

void PluginHarness::add_department(const Department& d) {
  directory::Department dep;
  dep.id = std::stoll(d.id);
  dep.court_code = d.court_code;
  dep.name = d.name;
  dep.parent_id = d.parent_id.empty() ? 0 : std::stoll(d.parent_id);
  dep.head = d.head;
  dep.leader = d.leader;
  Outcome o = impl_->runtime->directory().upsert_department(dep);
  if (!o.ok()) fail(o, "add_department");
}

void PluginHarness::add_person(const Person& p) {
  directory::Person person;
  person.user_id = p.user_id;
  person.name = p.name;
  person.court_code = p.court_code;
  person.dept_id = p.dept_id.empty() ? 0 : std::stoll(p.dept_id);
  person.title = p.title;
  person.roles = p.roles;
  Outcome o = impl_->runtime->directory().upsert_person(person);
  if (!o.ok()) fail(o, "add_person");
}

PluginHarness& PluginHarness::as(const std::string& user_id) {
  auto snap = impl_->runtime->directory().snapshot();
  const directory::Person* p = snap->person(user_id);
  if (!p) throw Error(Status::NotFound, "no person '" + user_id + "' in the harness directory");
  impl_->identity = http::Identity::of(*p);
  return *this;
}

PluginHarness& PluginHarness::as_admin() {
  impl_->identity = http::Identity::admin();
  return *this;
}

PluginHarness& PluginHarness::as_anonymous() {
  impl_->identity = http::Identity();
  return *this;
}

PluginHarness& PluginHarness::as_outsider(const std::string& audience, const std::string& subject,
                                          int64_t issued_at) {
  impl_->identity = http::Identity::outsider(
      subject, audience, issued_at >= 0 ? issued_at : impl_->clock.now_ms() / 1000);
  return *this;
}

PluginHarness& PluginHarness::as_session(const std::string& token) {
  const int64_t now_s = impl_->clock.now_ms() / 1000;
  for (std::string_view audience : {http::kStaffAudience, http::kLawyerAudience}) {
    auto session = impl_->sessions.verify(token, audience, now_s);
    if (!session) continue;
    if (audience == http::kStaffAudience) return as(session->user_id);
    if (session->plugin != impl_->plugin)
      throw Error(Status::PermissionDenied, "the session was issued by another plugin");
    impl_->identity = http::Identity::outsider(session->user_id, session->audience,
                                               session->issued_at);
    return *this;
  }
  auto why = impl_->sessions.verify(token, http::kLawyerAudience, now_s);
  throw Error(Status::PermissionDenied, why ? "not a session" : why.outcome().message());
}

HttpResult PluginHarness::request(const std::string& method, const std::string& path_and_query,
                                  const std::string& body, const std::string& content_type,
                                  const std::vector<std::pair<std::string, std::string>>& headers) {
  Poco::URI uri(path_and_query);
  plugins::HttpCall call;
  call.method = method;
  call.path = uri.getPath().empty() ? "/" : uri.getPath();
  for (auto& [k, v] : uri.getQueryParameters()) call.query.emplace_back(k, v);
  call.content_type = body.empty() ? std::string() : content_type;
  call.body = body;
  for (auto& [name, value] : headers) call.headers.emplace_back(Poco::toLower(name), value);
  if (!body.empty()) call.headers.emplace_back("content-type", content_type);
  call.caller = &impl_->identity.caller();
  call.request_id = "harness-" + unique_key();
  auto inst = impl_->live();
  // The edge's rule: portal routes take only outside sessions of their audience, other routes
  // never (host/http/identity.hpp, admits). /public/ routes are open to all.
  if (plugins::RouteMatch m;
      call.path.rfind("/public/", 0) != 0 &&
      inst->routes().match(call.method, call.path, m) == plugins::RouteTable::Result::Matched) {
    if (Outcome ok = http::admits(*m.audience, impl_->identity); !ok.ok()) {
      return HttpResult{401, "application/json; charset=utf-8",
                        plugins::error_body("unauthenticated", ok.message(), "", Json(),
                                            call.request_id),
                        {{"WWW-Authenticate", "Bearer realm=\"courthub\""}}};
    }
  }
  auto answer = plugins::call_http(*inst, call);
  if (!answer.logged_error.empty()) {
    log::error("plugin:" + impl_->plugin, "request failed: " + answer.logged_error);
  }
  return HttpResult{answer.status, answer.content_type, answer.body, answer.headers};
}

CommandResult PluginHarness::command(const std::string& line, bool in_group) {
  auto inst = impl_->live();
  std::string trimmed = line;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(0, 1);
  size_t space = trimmed.find(' ');
  std::string name = trimmed.substr(0, space);
  std::string args = space == std::string::npos ? "" : trimmed.substr(space + 1);
  while (!args.empty() && args.front() == ' ') args.erase(0, 1);
  for (auto& c : inst->commands()) {
    if (c.name != name) continue;
    auto a = plugins::call_command(*inst, c, args, impl_->identity.caller(), "harness-chat",
                                   in_group, "harness-" + unique_key());
    return CommandResult{a.ok, a.markdown, a.title, a.text};
  }
  return CommandResult{false, false, "", "unknown command '" + name + "'"};
}

CardResult PluginHarness::card_action(const std::string& action, const Json& params,
                                      const std::string& out_track_id) {
  auto inst = impl_->live();
  for (auto& a : inst->card_actions()) {
    if (a.action != action) continue;
    auto answer = plugins::call_card_action(*inst, a, params, out_track_id,
                                            impl_->identity.caller(), "harness-" + unique_key());
    return CardResult{answer.ok, answer.status, answer.body};
  }
  return CardResult{false, 404, Json::object({{"error", "unknown card action '" + action + "'"}})};
}

EventResult PluginHarness::deliver_event(const std::string& topic, const Json& payload) {
  auto stored = impl_->runtime->inbox().store("dingtalk", topic, "harness:" + unique_key(), payload.dump());
  if (!stored) fail(stored.outcome(), "deliver_event");
  EventResult result{true, false, ""};
  bool seen = false;
  impl_->runtime->inbox().deliver_due([&](const std::string& subscriber, const jobs::InboxEvent& ev) {
    auto r = impl_->runtime->deliver(subscriber, ev);
    if (ev.id == stored->id) {
      seen = true;
      result = EventResult{r.outcome == jobs::Handled::Done, r.outcome == jobs::Handled::Retry,
                           r.error};
    }
    return r;
  });
  if (!seen) return EventResult{false, false, "the plugin does not subscribe to '" + topic + "'"};
  return result;
}

size_t PluginHarness::deliver_published() {
  return impl_->runtime->inbox().deliver_due(
      [&](const std::string& subscriber, const jobs::InboxEvent& ev) {
        return impl_->runtime->deliver(subscriber, ev);
      });
}

std::vector<std::string> PluginHarness::run_due_jobs() {
  std::vector<std::string> ran;
  std::string failures;
  for (auto& run : impl_->runtime->scheduler().run_due()) {
    ran.push_back(run.job + "@" + std::to_string(run.scheduled_ms));
    if (!run.result.ok()) failures += (failures.empty() ? "" : "; ") + run.job + ": " + run.result.message();
  }
  if (!failures.empty()) throw Error(Status::Error, "jobs failed: " + failures);
  return ran;
}

int64_t PluginHarness::now_ms() const { return impl_->clock.now_ms(); }
void PluginHarness::set_now_ms(int64_t unix_ms) { impl_->clock.set(unix_ms); }
void PluginHarness::advance_ms(int64_t delta_ms) { impl_->clock.advance(delta_ms); }

void PluginHarness::run_job(const std::string& job, int64_t scheduled_ms) {
  auto inst = impl_->live();
  for (auto& j : inst->jobs()) {
    if (j.name != job) continue;
    ch_job call{sizeof(ch_job), ch_str{j.name.data(), j.name.size()},
                scheduled_ms ? scheduled_ms : impl_->clock.now_ms()};
    auto r = inst->job(j.handler, call);
    if (!r.ok()) throw Error(static_cast<Status>(r.status), "job '" + job + "': " + r.error);
    return;
  }
  throw Error(Status::NotFound, "plugin '" + impl_->plugin + "' has no job '" + job + "'");
}

std::vector<Json> PluginHarness::outbox() const {
  auto list = impl_->runtime->outbox().messages(impl_->plugin, 100000);
  if (!list) fail(list.outcome(), "outbox");
  std::vector<Json> out(list->rbegin(), list->rend());
  return out;
}

void PluginHarness::clear_outbox() {
  ch_value p[] = {storage::text_value(impl_->plugin)};
  Outcome o = impl_->runtime->host_db().query("DELETE FROM outbox WHERE plugin = ?", p);
  if (!o.ok()) fail(o, "clear_outbox");
}

std::vector<Json> PluginHarness::published() const {
  std::vector<Json> out;
  Outcome moved = impl_->runtime->inbox().flush();
  if (!moved.ok()) fail(moved, "published");
  ch_value p[] = {storage::text_value(impl_->plugin)};
  Outcome o = impl_->runtime->host_db().query(
      "SELECT topic, payload FROM inbox WHERE source = ? ORDER BY id", p,
      [&](const ch_str*, const ch_value* v, size_t) {
        out.push_back(Json::object({{"topic", std::string(storage::text_of(v[0]))},
                                    {"payload", Json::parse(storage::text_of(v[1]))}}));
        return Outcome::success();
      });
  if (!o.ok()) fail(o, "published");
  return out;
}

Dialect PluginHarness::dialect() const {
  return impl_->backend.dialect == storage::Dialect::kPostgres ? Dialect::kPostgres
                                                               : Dialect::kSqlite;
}

std::vector<Json> PluginHarness::query(const std::string& sql,
                                       const std::vector<Json>& params) const {
  auto db = impl_->runtime->services().plugin_database(impl_->plugin);
  if (!db) fail(db.outcome(), "query");
  std::vector<std::string> texts;
  texts.reserve(params.size());
  std::vector<ch_value> values;
  for (auto& p : params) {
    if (p.is_number_integer()) {
      values.push_back(storage::int_value(p.get<int64_t>()));
    } else if (p.is_number()) {
      values.push_back(storage::real_value(p.get<double>()));
    } else if (p.is_null()) {
      values.push_back(storage::null_value());
    } else {
      texts.push_back(p.is_string() ? p.get<std::string>() : p.dump());
      values.push_back(storage::text_value(texts.back()));
    }
  }
  std::vector<Json> rows;
  Outcome o = (*db)->query(sql, values, [&](const ch_str* names, const ch_value* v, size_t n) {
    Json row = Json::object();
    for (size_t i = 0; i < n; ++i) row[std::string(names[i].data, names[i].size)] = value_json(v[i]);
    rows.push_back(std::move(row));
    return Outcome::success();
  });
  if (!o.ok()) fail(o, "query");
  return rows;
}

std::vector<std::string> PluginHarness::routes() const {
  std::vector<std::string> out;
  for (auto& r : impl_->live()->routes().list()) {
    out.push_back(r.method + " " + r.pattern);
    if (!r.audience.empty()) out.back() += " [" + r.audience + "]";
  }
  return out;
}

std::vector<std::string> PluginHarness::commands() const {
  std::vector<std::string> out;
  for (auto& c : impl_->live()->commands()) out.push_back(c.name);
  return out;
}

std::vector<std::string> PluginHarness::card_actions() const {
  std::vector<std::string> out;
  for (auto& a : impl_->live()->card_actions()) out.push_back(a.action);
  return out;
}

std::vector<std::string> PluginHarness::subscriptions() const {
  std::vector<std::string> out;
  for (auto& s : impl_->live()->subscriptions()) out.push_back(s.topic);
  return out;
}

std::vector<std::string> PluginHarness::jobs() const {
  std::vector<std::string> out;
  for (auto& j : impl_->live()->jobs()) out.push_back(j.name + " " + j.cron + " " + j.time_zone);
  return out;
}

void PluginHarness::set_plugin_active(const std::string& name, bool active) {
  if (active) {
    impl_->others_active.insert(name);
  } else {
    impl_->others_active.erase(name);
  }
}

std::string PluginHarness::plugin_name() const { return impl_->plugin; }
std::string PluginHarness::data_dir() const { return impl_->dir; }

}  // namespace courthub::testing
