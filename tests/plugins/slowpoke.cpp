// SPDX-License-Identifier: Apache-2.0
// Test plugin: calls that take as long as the test says, to prove the host contains a slow
// plugin (deadline, bulkhead, its own event delivery; docs/operations.md "Plugin deadlines and
// bulkheads").
//
// A call "holds" until a file the test names exists (the test creates it to release every held
// call at once) or for `ms` milliseconds (default 20 s). Built twice: `slowpoke`, thread-safe,
// whose event handler holds; and `slowpoke_serial` (SLOWPOKE_SERIAL), not thread-safe, whose
// event handler only counts, so a test can see one plugin's events arrive while the other's
// handler is stuck.
//
// GET /hold?file=F&ms=N   -> {"released": bool, "max_inside": n}
// GET /quick              -> {"ok": true}
// GET /stats              -> {"inside": n, "max_inside": n, "events": n, "holding_events": n}
// POST /publish {"file": F} publishes "slowpoke.ping" (or "slowpoke_serial.ping") with it
// command "<name>-hold <file>", card action "<name>.hold" {"file": F}: hold, then answer.
#include <courthub/plugin.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace {

// Waits until `file` exists or `ms` pass; true when released by the file. The plugin may sleep:
// it is the slow code under test, and no test times it.
bool hold(const std::string& file, int64_t ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until) {
    if (!file.empty() && ::access(file.c_str(), F_OK) == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

struct Slowpoke {
#ifdef SLOWPOKE_SERIAL
  static constexpr std::string_view kName = "slowpoke_serial";
#else
  static constexpr std::string_view kName = "slowpoke";
  static constexpr bool kThreadSafe = true;
#endif
  static constexpr std::string_view kVersion = "0.0.1";
  explicit Slowpoke(courthub::Host& host) : host_(host) {}

  void activate(courthub::Registrar& r) {
    r.route("GET", "/hold", [this](const courthub::Request& req) {
      int64_t ms = std::stoll(req.query_value("ms").value_or("20000"));
      bool released = counted_hold(req.query_value("file").value_or(""), ms);
      return courthub::Response::json(
          courthub::Json::object({{"released", released}, {"max_inside", max_inside_.load()}}));
    });
    r.route("GET", "/quick", [](const courthub::Request&) {
      return courthub::Response::json(courthub::Json::object({{"ok", true}}));
    });
    r.route("GET", "/stats", [this](const courthub::Request&) {
      return courthub::Response::json(courthub::Json::object({{"inside", inside_.load()},
                                                              {"max_inside", max_inside_.load()},
                                                              {"events", events_.load()},
                                                              {"holding_events", holding_events_.load()}}));
    });
    r.route("POST", "/publish", [this](const courthub::Request& req) {
      host_.publish("ping", req.json());
      return courthub::Response::json(courthub::Json::object({{"published", true}}), 202);
    });
    r.command(std::string(kName) + "-hold", "<file>", "holds until the file exists",
              [this](const courthub::Command& c) {
      bool released = counted_hold(c.args, 20000);
      return courthub::Reply::plain(released ? "released" : "timed out");
    });
    r.card_action(std::string(kName) + ".hold", [this](const courthub::CardAction& a) {
      bool released = counted_hold(courthub::json::get<std::string>(a.params, "file"), 20000);
      return courthub::CardUpdate{{{"released", released ? "yes" : "no"}}, {}};
    });
    r.subscribe("slowpoke.ping", [this](const courthub::Event& e) {
#ifndef SLOWPOKE_SERIAL
      ++holding_events_;
      hold(courthub::json::get<std::string>(e.payload, "file"), 20000);
      --holding_events_;
#endif
      ++events_;
    });
  }

  bool counted_hold(const std::string& file, int64_t ms) {
    int now = ++inside_;
    int seen = max_inside_.load();
    while (now > seen && !max_inside_.compare_exchange_weak(seen, now)) {
    }
    bool released = hold(file, ms);
    --inside_;
    return released;
  }

  courthub::Host& host_;
  std::atomic<int> inside_{0};
  std::atomic<int> max_inside_{0};
  std::atomic<int> events_{0};
  std::atomic<int> holding_events_{0};
};
COURTHUB_PLUGIN(Slowpoke)
