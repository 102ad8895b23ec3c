// SPDX-License-Identifier: Apache-2.0
// Test plugin: handlers that throw, to show the host contains them. Also counts calls that
// overlap, to prove the host serialises a plugin that is not thread-safe.
#include <courthub/plugin.hpp>

#include <atomic>
#include <chrono>
#include <thread>

struct ThrowsInHandler {
  static constexpr std::string_view kName = "throws_in_handler";
  static constexpr std::string_view kVersion = "0.0.1";
  // kThreadSafe not declared: the host must serialise calls.
  explicit ThrowsInHandler(courthub::Host&) {}

  void activate(courthub::Registrar& r) {
    r.route("GET", "/boom", [](const courthub::Request&) -> courthub::Response {
      throw std::runtime_error("secret internal detail: /var/lib/secret.db is corrupt");
    });
    r.route("GET", "/ok", [](const courthub::Request& req) {
      return courthub::Response::json(courthub::Json::object({{"caller", req.caller.user_id}}));
    });
    r.route("GET", "/slow", [this](const courthub::Request&) {
      int now = ++inside_;
      int seen = max_inside_.load();
      while (now > seen && !max_inside_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      --inside_;
      return courthub::Response::json(courthub::Json::object({{"max_inside", max_inside_.load()}}));
    });
    r.command("boom", "boom", "always fails", [](const courthub::Command&) -> courthub::Reply {
      throw std::logic_error("command exploded");
    });
  }

  std::atomic<int> inside_{0};
  std::atomic<int> max_inside_{0};
};
COURTHUB_PLUGIN(ThrowsInHandler)
