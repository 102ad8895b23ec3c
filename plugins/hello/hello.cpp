// SPDX-License-Identifier: Apache-2.0
// hello: the template plugin. It uses each host capability once; copy it to start your own.
#include <courthub/plugin.hpp>

#include <chrono>

using courthub::Json;

class Hello {
 public:
  static constexpr std::string_view kName = "hello";  // file name, config name, route prefix
  static constexpr std::string_view kVersion = "1.0.0";
  static constexpr std::string_view kDescription = "Greets people; the plugin template";
  static constexpr bool kThreadSafe = true;  // no mutable state outside the database
  static constexpr bool kPortableSql = true;  // runs on SQLite and PostgreSQL (docs/plugins.md)

  explicit Hello(courthub::Host& host) : host_(host) {}

  // Settings come from the plugin's `settings:` mapping in the YAML. Report problems by JSON
  // pointer; the host turns them into file:line.
  void configure(const Json& settings, courthub::SettingsErrors& errors) {
    greeting_ = courthub::json::get<std::string>(settings, "greeting", "你好");
    if (greeting_.empty()) errors.add("/greeting", "must not be empty");
    if (const Json* n = courthub::json::find(settings, "notify")) {
      if (!n->is_array()) errors.add("/notify", "must be a list of userids");
      else
        for (auto& u : *n) notify_.push_back(courthub::json::as<std::string>(u, "notify[]"));
    }
  }

  void activate(courthub::Registrar& r) {
    // 1. Its own database: migrations run once, in order, in a transaction. The {{words}}
    //    become each engine's spelling (INTEGER PRIMARY KEY on SQLite, an identity column on
    //    PostgreSQL), so one text serves both.
    r.migrate({{1, "greetings", "CREATE TABLE greetings (id {{id}}, sender TEXT NOT NULL, "
                                "recipient TEXT NOT NULL, at_ms {{int64}} NOT NULL)"}});
    // 2. A mini-app route: POST /apps/hello/greetings {"to": "<name>"}; the caller is known.
    r.route("POST", "/greetings", [this](const courthub::Request& req) {
      std::string to = courthub::json::get<std::string>(req.json(), "to");
      if (to.empty()) throw courthub::InvalidArgument("'to' is required: whom to greet");
      auto row = host_.db().one(
          "INSERT INTO greetings(sender, recipient, at_ms) VALUES (?, ?, ?) RETURNING id",
          {req.caller.user_id, to, host_.now_ms()});
      auto id = row->integer("id");
      return courthub::Response::json(
          Json::object({{"id", id}, {"text", greeting_ + "，" + to + "！"}}), 201);
    });
    // 3. A robot command: "@robot hello 张三".
    r.command("hello", "hello 张三", "say hello to someone", [this](const courthub::Command& c) {
      return courthub::Reply::md("问候", "**" + greeting_ + "，" +
                                             (c.args.empty() ? c.caller.name : c.args) + "！**");
    });
    // 4. A DingTalk event: welcome new staff with a work notification through the outbox, and
    //    tell other plugins with an internal event.
    r.subscribe("user_add_org", [this](const courthub::Event& e) {
      // A wrong type in the payload throws InvalidArgument naming the field.
      for (auto& item : courthub::json::get<Json>(e.payload, "UserId")) {
        auto id = courthub::json::as<std::string>(item, "UserId[]");
        host_.outbox().to_users({id}, courthub::Message::text(greeting_ + "，欢迎！"),
                                "welcome-" + id);  // key: sent once per person
        host_.publish("welcomed", Json::object({{"user_id", id}}));
      }
    });
    // 5. A cron job (Asia/Shanghai): a weekday evening count to the people in `notify`.
    r.schedule("daily-count", "0 18 * * 1-5", [this](const courthub::Job&) {
      auto row = host_.db().one("SELECT COUNT(*) AS n FROM greetings");
      if (!notify_.empty())
        host_.outbox().to_users(notify_, courthub::Message::text(
                                             "今日问候 " + row->text("n") + " 次"));
    });
    // 6. An interactive-card button, answered through /dingtalk/cards/<route-key>.
    r.card_action("hello.wave", [](const courthub::CardAction& a) {
      return courthub::CardUpdate{{{"waved_by", a.caller.name}}, {}};
    });
  }

 private:
  courthub::Host& host_;
  std::string greeting_;
  std::vector<std::string> notify_;
};

COURTHUB_PLUGIN(Hello)
