// SPDX-License-Identifier: Apache-2.0
// Test plugin: exercises the SDK 2.x calls one route each, so tests can watch what the host does
// with them — effects inside transactions, request headers, record bodies, the clock, the work
// calendar and command titles.
#include <courthub/plugin.hpp>
#include <courthub/records.hpp>

using courthub::Json;
namespace json = courthub::json;

struct SdkProbe {
  static constexpr std::string_view kName = "sdk_probe";
  static constexpr std::string_view kVersion = "0.0.1";
  static constexpr bool kThreadSafe = true;
  static constexpr bool kPortableSql = true;
  explicit SdkProbe(courthub::Host& host) : host_(host) {}

  void activate(courthub::Registrar& r) {
    r.migrate({{1, "decisions", "CREATE TABLE decisions (id INTEGER, note TEXT)"},
               {2, "ticks", "CREATE TABLE ticks (scheduled_ms {{int64}}, seen_now_ms {{int64}})"}});
    // Every five minutes: what slot fired, and what the host clock said meanwhile.
    r.schedule("tick", "*/5 * * * *", [this](const courthub::Job& job) {
      host_.db().exec("INSERT INTO ticks VALUES (?, ?)", {job.scheduled_ms, host_.now_ms()});
    });
    // POST /decide {"id": n, "fail": bool}: records a decision, announces it to other plugins
    // and to user u1 in the same transaction; "fail" throws after all of that.
    r.route("POST", "/decide", [this](const courthub::Request& req) {
      Json body = req.json();
      int64_t id = json::get<int64_t>(body, "id");
      bool fail = json::get<bool>(body, "fail");
      std::string key = "decided:" + std::to_string(id);
      int64_t queued = host_.db().transaction([&](courthub::Transaction& tx) {
        tx.exec("INSERT INTO decisions VALUES (?, ?)", {id, "decided"});
        tx.publish("decided", Json::object({{"id", id}}), key);
        int64_t out = host_.outbox().in(tx).to_users(
            {"u1"}, courthub::Message::text("决定 " + std::to_string(id)), "note:" + key);
        if (fail) throw courthub::Conflict("the decision was withdrawn");
        return out;
      });
      return courthub::Response::json(Json::object({{"outbox_id", queued}}), 201);
    });
    // POST /cards {"users": [...], "out_track_id"}: one interactive card to those people.
    r.route("POST", "/cards", [this](const courthub::Request& req) {
      Json body = req.json();
      std::vector<std::string> users;
      for (auto& u : body["users"]) users.push_back(u.get<std::string>());
      host_.outbox().to_users(users, courthub::Message::card("tpl", json::get<std::string>(body, "out_track_id"),
                                                             Json::object({{"status", "待审批"}})));
      return courthub::Response::no_content();
    });
    // POST /cards/update {"out_track_id", "status"}: updates that card in a transaction.
    r.route("POST", "/cards/update", [this](const courthub::Request& req) {
      Json body = req.json();
      host_.db().transaction([&](courthub::Transaction& tx) {
        host_.outbox().in(tx).update_card(json::get<std::string>(body, "out_track_id"),
                                          Json::object({{"status", body["status"]}}));
      });
      return courthub::Response::no_content();
    });
    // POST /announce {"key": "..."}: publishes outside any transaction, idempotent on the key.
    r.route("POST", "/announce", [this](const courthub::Request& req) {
      Json body = req.json();
      host_.publish("announced", Json::object({{"at", host_.now_ms()}}), json::get<std::string>(body, "key"));
      return courthub::Response::no_content();
    });
    r.route("GET", "/headers", [](const courthub::Request& req) {
      Json list = Json::array();
      for (auto& [k, v] : req.headers) list.push_back(Json::array({k, v}));
      return courthub::Response::json(Json::object({{"headers", list}}));
    });
    // GET /public/caller: who the host says is calling a public route (always nobody).
    r.route("GET", "/public/caller", [](const courthub::Request& req) {
      return courthub::Response::json(
          Json::object({{"anonymous", req.caller.kind == courthub::Caller::Kind::Anonymous},
                        {"user_id", req.caller.user_id}}));
    });
    // SDK 2.2, outside users. POST /public/sign-in {"subject", "audience"?}: a session the host
    // issues for that subject (a real portal checks a password first).
    r.route("POST", "/public/sign-in", [this](const courthub::Request& req) {
      Json body = req.json();
      auto grant = host_.issue_session(json::get<std::string>(body, "audience", "lawyer"),
                                       json::get<std::string>(body, "subject"));
      return courthub::Response::json(
          Json::object({{"token", grant.token}, {"expires_at", grant.expires_at}}));
    });
    // GET /portal/whoami: the outside caller as the host hands it over.
    r.portal_route("lawyer", "GET", "/portal/whoami", [](const courthub::Request& req) {
      return courthub::Response::json(
          Json::object({{"outsider", req.caller.is_outsider()},
                        {"user_id", req.caller.user_id},
                        {"audience", req.caller.audience},
                        {"session_issued_at", req.caller.session_issued_at}}));
    });
    // GET /portal/ended: a portal whose sign-in no longer holds answers 401.
    r.portal_route("lawyer", "GET", "/portal/ended", [](const courthub::Request&) -> courthub::Response {
      throw courthub::Unauthenticated("session ended; sign in again");
    });
    // GET /dialect: the engine, as the database and as a transaction see it (SDK 2.3).
    r.route("GET", "/dialect", [this](const courthub::Request&) {
      auto name = [](courthub::Dialect d) {
        return d == courthub::Dialect::kPostgres ? "postgres" : "sqlite";
      };
      std::string in_transaction = host_.db().transaction(
          [&](courthub::Transaction& tx) { return std::string(name(tx.dialect())); });
      return courthub::Response::json(Json::object(
          {{"dialect", name(host_.db().dialect())}, {"in_transaction", in_transaction}}));
    });
    r.route("GET", "/now", [this](const courthub::Request&) {
      return courthub::Response::json(Json::object({{"now_ms", host_.now_ms()}}));
    });
    // GET /workdays?from=<days>&to=<days>: the work calendar's answers for a span of days.
    r.route("GET", "/workdays", [this](const courthub::Request& req) {
      using std::chrono::days;
      using std::chrono::sys_days;
      sys_days from{days(std::stoll(req.query_value("from").value_or("0")))};
      sys_days to{days(std::stoll(req.query_value("to").value_or("0")))};
      const auto& cal = host_.calendar();
      return courthub::Response::json(Json::object(
          {{"from_is_workday", cal.is_workday(from)},
           {"next_workday", cal.next_workday(from).time_since_epoch().count()},
           {"workdays_between", cal.workdays_between(from, to)}}));
    });
    // POST /records with a text/csv or application/x-ndjson body: what the SDK reads from it.
    r.route("POST", "/records", [](const courthub::Request& req) {
      Json rows = Json::array();
      if (req.media_type() == "text/csv") {
        auto table = courthub::CsvTable::parse(req.body);
        for (auto& row : table.rows) {
          Json fields = Json::object();
          for (auto& name : table.header) fields[name] = table.field(row, name);
          rows.push_back(Json::object({{"line", row.line}, {"fields", fields}}));
        }
      } else if (req.media_type() == "application/x-ndjson") {
        for (auto& line : courthub::parse_ndjson(req.body))
          rows.push_back(Json::object(
              {{"line", line.line}, {"value", line.value}, {"error", line.error}}));
      } else {
        throw courthub::InvalidArgument("send text/csv or application/x-ndjson");
      }
      return courthub::Response::json(Json::object({{"rows", rows}}));
    });
    r.command("probe", "probe", "answers with a titled markdown reply",
              [](const courthub::Command& c) {
                return courthub::Reply::md("探针", c.is_group ? "群聊" : "单聊");
              });
  }

 private:
  courthub::Host& host_;
};
COURTHUB_PLUGIN(SdkProbe)
