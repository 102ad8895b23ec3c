// SPDX-License-Identifier: Apache-2.0
// Formats, redacts and writes host log lines.
#include "host/log.hpp"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <vector>

#include "host/time/clock.hpp"

namespace courthub::log {
namespace {

struct State {
  std::mutex mu;
  std::function<void(std::string_view)> sink;
  std::vector<std::string> secrets;
};
State& state() {
  static auto* s = new State();  // leaked on purpose: logging must work during static teardown
  return *s;
}
std::atomic<int> g_level{static_cast<int>(Level::Info)};
thread_local std::string t_request_id;

const char* name_of(Level l) {
  switch (l) {
    case Level::Debug: return "DEBUG";
    case Level::Info: return "INFO ";
    case Level::Warn: return "WARN ";
    default: return "ERROR";
  }
}

// Always the machine's real clock, never a test clock: a log line records when it was written,
// and one process may hold several harnesses whose clocks disagree.
std::string timestamp() { return time::utc_text(time::system_clock().now_ms()); }

}  // namespace

void set_level(Level l) { g_level = static_cast<int>(l); }
Level level() { return static_cast<Level>(g_level.load()); }

void set_sink(std::function<void(std::string_view)> sink) {
  std::lock_guard lock(state().mu);
  state().sink = std::move(sink);
}

void redact(const std::string& secret) {
  if (secret.size() < 4) return;
  std::lock_guard lock(state().mu);
  for (auto& s : state().secrets)
    if (s == secret) return;
  state().secrets.push_back(secret);
}

void write(Level l, std::string_view component, std::string_view message) {
  if (static_cast<int>(l) < g_level.load()) return;
  std::string line = timestamp();
  line += ' ';
  line += name_of(l);
  line += " [";
  line += component;
  line += ']';
  if (!t_request_id.empty()) {
    line += " req=";
    line += t_request_id;
  }
  line += ' ';
  line += message;
  auto& s = state();
  std::lock_guard lock(s.mu);
  for (auto& secret : s.secrets) {
    for (size_t pos = line.find(secret); pos != std::string::npos;
         pos = line.find(secret, pos + 3)) {
      line.replace(pos, secret.size(), "***");
    }
  }
  if (s.sink) {
    s.sink(line);
  } else {
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
}

std::string_view request_id() { return t_request_id; }

RequestScope::RequestScope(std::string id) : previous_(std::move(t_request_id)) {
  t_request_id = std::move(id);
}
RequestScope::~RequestScope() { t_request_id = std::move(previous_); }

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

}  // namespace courthub::log
