// SPDX-License-Identifier: Apache-2.0
// Test plugin: queues whatever outbox message it is given, and records the events it receives
// and the card presses that reach it, so integration tests can drive the outbox, the inbox and
// card callbacks from outside (and the delivery receipts of its event handlers).
#include <courthub/plugin.hpp>

namespace json = courthub::json;

struct OutboxSender {
  static constexpr std::string_view kName = "outbox_sender";
  static constexpr std::string_view kVersion = "0.0.1";
  static constexpr bool kThreadSafe = true;
  static constexpr bool kPortableSql = true;  // also a PostgreSQL host's (postgres_backend_test)
  explicit OutboxSender(courthub::Host& host) : host_(host) {}

  void activate(courthub::Registrar& r) {
    r.migrate({{1, "seen",
                "CREATE TABLE seen (n {{id}}, event_id {{int64}}, topic TEXT, payload TEXT)"},
               {2, "presses", "CREATE TABLE presses (n {{id}}, out_track_id TEXT, user_id TEXT)"}});
    // POST /apps/outbox_sender/send {"to": ..., "msg": ..., "key": ...}
    r.route("POST", "/send", [this](const courthub::Request& req) {
      courthub::Json body = req.json();
      courthub::Message m{body["msg"]};
      int64_t id = host_.outbox().send(body["to"], m, json::get<std::string>(body, "key"));
      return courthub::Response::json(courthub::Json::object({{"id", id}}), 202);
    });
    r.route("GET", "/seen", [this](const courthub::Request&) {
      courthub::Json list = courthub::Json::array();
      for (auto& row : host_.db().query("SELECT event_id, topic, payload FROM seen ORDER BY n"))
        list.push_back(courthub::Json::object(
            {{"event_id", row.integer("event_id")}, {"topic", row.text("topic")},
             {"payload", courthub::Json::parse(row.text("payload"))}}));
      return courthub::Response::json(courthub::Json::object({{"events", list}}));
    });
    // The directory as a plugin sees it: GET /whois/{id} -> person and supervisor chain.
    r.route("GET", "/whois/{id}", [this](const courthub::Request& req) {
      auto person = host_.directory().person(req.param("id"));
      if (!person) throw courthub::NotFound("nobody called " + req.param("id"));
      courthub::Json chain = courthub::Json::array();
      for (auto& p : host_.directory().supervisors(person->user_id)) chain.push_back(p.user_id);
      courthub::Json judges = courthub::Json::array();
      for (auto& p : host_.directory().people({person->court_code, "", "judge"}))
        judges.push_back(p.user_id);
      return courthub::Response::json(courthub::Json::object({{"name", person->name},
                                                              {"court", person->court_code},
                                                              {"supervisors", chain},
                                                              {"judges_of_court", judges}}));
    });
    // A button on the cards it sends: records the press, answers who pressed.
    r.card_action("outbox_sender.press", [this](const courthub::CardAction& a) {
      host_.db().exec("INSERT INTO presses(out_track_id, user_id) VALUES (?, ?)",
                      {a.out_track_id, a.caller.user_id});
      return courthub::CardUpdate{{{"pressed_by", a.caller.name}}, {}};
    });
    r.route("GET", "/presses", [this](const courthub::Request&) {
      courthub::Json list = courthub::Json::array();
      for (auto& row : host_.db().query("SELECT out_track_id, user_id FROM presses ORDER BY n"))
        list.push_back(courthub::Json::object(
            {{"out_track_id", row.text("out_track_id")}, {"user_id", row.text("user_id")}}));
      return courthub::Response::json(courthub::Json::object({{"presses", list}}));
    });
    auto record = [this](const courthub::Event& e) {
      host_.db().exec("INSERT INTO seen(event_id, topic, payload) VALUES (?, ?, ?)",
                      {e.id, e.topic, e.payload.dump()});
    };
    r.subscribe("bpms_instance_change", record);
    r.subscribe("hello.welcomed", record);
    // Delivery receipts: a handler that writes in a transaction of its own and fails (rolled
    // back) on the attempt the payload names, and one that only reads.
    r.subscribe("receipt_probe", [this](const courthub::Event& e) {
      host_.db().transaction([&](courthub::Transaction& tx) {
        tx.exec("INSERT INTO seen(event_id, topic, payload) VALUES (?, ?, ?)",
                {e.id, e.topic, e.payload.dump()});
        if (json::get<int64_t>(e.payload, "fail_on_attempt", 0) == int64_t{e.attempt})
          throw courthub::Unavailable("asked to fail on attempt " + std::to_string(e.attempt));
      });
    });
    r.subscribe("receipt_reader",
                [this](const courthub::Event&) { host_.db().query("SELECT COUNT(*) FROM seen"); });
    // An event it cannot use: refused at once, so it lands in the dead-letter list.
    r.subscribe("chat_add_member", [](const courthub::Event&) {
      throw courthub::InvalidArgument("chat events are not for this plugin");
    });
  }

  courthub::Host& host_;
};
COURTHUB_PLUGIN(OutboxSender)
