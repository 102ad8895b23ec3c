// SPDX-License-Identifier: Apache-2.0
// Test plugin: handlers that throw, to show the host contains them. Also counts calls that
// overlap, to prove the host serialises a plugin that is not thread-safe, and holds a call open
// until the test says so (GET /held), to test what happens to requests in flight.
#include <courthub/plugin.hpp>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

struct ThrowsInHandler {
  static constexpr std::string_view kName = "throws_in_handler";
  static constexpr std::string_view kVersion = "0.0.1";
  // kThreadSafe not declared: the host must serialise calls.
  explicit ThrowsInHandler(courthub::Host&) {}

  // `generation` (default 1) tells one configuration's instance from the next in answers.
  void configure(const courthub::Json& s, courthub::SettingsErrors&) {
    generation_ = courthub::json::get<int64_t>(s, "generation", generation_);
  }

  void activate(courthub::Registrar& r) {
    r.route("GET", "/boom", [](const courthub::Request&) -> courthub::Response {
      throw std::runtime_error("secret internal detail: /var/lib/secret.db is corrupt");
    });
    r.route("GET", "/ok", [this](const courthub::Request& req) {
      return courthub::Response::json(
          courthub::Json::object({{"caller", req.caller.user_id}, {"generation", generation_}}));
    });
    // Answers only once the test writes to the FIFO named by ?gate= (a blocking poll(2) on it,
    // no sleeping; gives up after 20 s), so a test decides when this call ends. Says which
    // instance answered and whether the gate opened.
    r.route("GET", "/held", [this](const courthub::Request& req) {
      std::string gate = req.query_value("gate").value_or("");
      bool opened = false;
      int fd = gate.empty() ? -1 : ::open(gate.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd >= 0) {
        pollfd waiting{fd, POLLIN, 0};
        opened = ::poll(&waiting, 1, 20000) == 1 && (waiting.revents & POLLIN);
        ::close(fd);
      }
      return courthub::Response::json(
          courthub::Json::object({{"generation", generation_}, {"opened", opened}}));
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

  int64_t generation_ = 1;
  std::atomic<int> inside_{0};
  std::atomic<int> max_inside_{0};
};
COURTHUB_PLUGIN(ThrowsInHandler)
