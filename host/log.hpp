// SPDX-License-Identifier: Apache-2.0
// Host log lines: one line per event, tagged with the component and the request id.
//
// Threading: write() may be called from any thread; lines are never interleaved.
// Secrets registered with redact() are replaced by "***" in every line, so a plugin that logs a
// token by mistake does not leak it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace courthub::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3 };

void set_level(Level level);
Level level();
// Where lines go (default: stderr). For tests.
void set_sink(std::function<void(std::string_view line)> sink);
// Registers a secret value to mask in every later line. Values shorter than 4 characters are
// ignored (masking them would mangle ordinary text).
void redact(const std::string& secret);

void write(Level level, std::string_view component, std::string_view message);
inline void debug(std::string_view c, std::string_view m) { write(Level::Debug, c, m); }
inline void info(std::string_view c, std::string_view m) { write(Level::Info, c, m); }
inline void warn(std::string_view c, std::string_view m) { write(Level::Warn, c, m); }
inline void error(std::string_view c, std::string_view m) { write(Level::Error, c, m); }

// The request id of the current thread ("" outside a request); lines written while a scope is
// alive carry it.
std::string_view request_id();
class RequestScope {
 public:
  explicit RequestScope(std::string id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  std::string previous_;
};

// A new random request id: 16 hex characters.
std::string new_request_id();

}  // namespace courthub::log
