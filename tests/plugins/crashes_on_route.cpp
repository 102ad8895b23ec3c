// SPDX-License-Identifier: Apache-2.0
// Test plugin: routes that end its process (a segfault, an abort, an exit), for the process
// isolation tests, and a trivial route and a database route for the isolation bench. Under
// `isolation: process` only its runner dies; in the host's process it would take the host along.
#include <courthub/plugin.hpp>

#include <unistd.h>

#include <cstdlib>
#include <csignal>

struct CrashesOnRoute {
  static constexpr std::string_view kName = "crashes_on_route";
  static constexpr std::string_view kVersion = "0.0.1";
  static constexpr bool kThreadSafe = true;
  explicit CrashesOnRoute(courthub::Host& host) : host_(host) {}

  void configure(const courthub::Json&, courthub::SettingsErrors&) {}

  void activate(courthub::Registrar& r) {
    r.migrate({{1, "hits", "CREATE TABLE hits (id INTEGER PRIMARY KEY, note TEXT NOT NULL)"}});
    // Which process answers: a restarted runner has another pid.
    r.route("GET", "/ok", [](const courthub::Request&) {
      return courthub::Response::json(courthub::Json::object({{"pid", static_cast<int64_t>(::getpid())}}));
    });
    r.route("GET", "/segfault", [](const courthub::Request&) -> courthub::Response {
      std::raise(SIGSEGV);
      return courthub::Response::json(courthub::Json::object());
    });
    r.route("GET", "/abort", [](const courthub::Request&) -> courthub::Response {
      std::abort();
    });
    r.route("GET", "/exit", [](const courthub::Request&) -> courthub::Response {
      std::_Exit(3);
    });
    // A hostile runner: a frame length no host accepts, on every channel of the runner.
    r.route("GET", "/garbage", [](const courthub::Request&) -> courthub::Response {
      const char bogus[] = "\xff\xff\xff\xff garbage";
      for (int fd = 3; fd < 3 + 65; ++fd) (void)!::write(fd, bogus, sizeof bogus);
      return courthub::Response::json(courthub::Json::object());
    });
    // A transaction with a write, a read inside it and an event, then the count outside it.
    r.route("POST", "/hits", [this](const courthub::Request&) {
      host_.db().transaction([&](courthub::Transaction& txn) {
        txn.exec("INSERT INTO hits (note) VALUES (?)", {courthub::Value("hit")});
        txn.publish("hit", courthub::Json::object({{"n", 1}}));
      });
      int64_t n = host_.db().one("SELECT COUNT(*) AS n FROM hits")->integer("n");
      return courthub::Response::json(courthub::Json::object({{"hits", n}}));
    });
  }

  courthub::Host& host_;
};
COURTHUB_PLUGIN(CrashesOnRoute)
