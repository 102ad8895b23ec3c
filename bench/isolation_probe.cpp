// SPDX-License-Identifier: Apache-2.0
// A plugin for `bench/run.sh isolation`: the cost of a plugin call in the host's process and in
// a runner process (`isolation: process`), on a route that does nothing and on one that asks
// its database one question.
#include <courthub/plugin.hpp>

struct IsolationProbe {
  static constexpr std::string_view kName = "isolation_probe";
  static constexpr std::string_view kVersion = "0.0.1";
  static constexpr bool kThreadSafe = true;
  explicit IsolationProbe(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json&, courthub::SettingsErrors&) {}

  void activate(courthub::Registrar& r) {
    r.migrate({{1, "rows", "CREATE TABLE rows (id INTEGER PRIMARY KEY, note TEXT NOT NULL);"
                           "INSERT INTO rows (note) VALUES ('a'), ('b'), ('c')"}});
    r.route("GET", "/noop", [](const courthub::Request&) {
      return courthub::Response::json(courthub::Json::object({{"ok", true}}));
    });
    r.route("GET", "/query", [this](const courthub::Request&) {
      auto row = host_.db().one("SELECT COUNT(*) AS n FROM rows WHERE note >= ?", {"a"});
      return courthub::Response::json(courthub::Json::object({{"n", row->integer("n")}}));
    });
  }

  courthub::Host& host_;
};
COURTHUB_PLUGIN(IsolationProbe)
