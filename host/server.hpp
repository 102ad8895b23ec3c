// SPDX-License-Identifier: Apache-2.0
// The composition root of `courthub serve`: builds every part of the host from a Config,
// starts it in order, reloads it, and stops it in reverse order.
//
// Threading: start/stop/reload from the control thread (the signal loop or an admin request,
// serialised internally). Everything else runs on the parts' own threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "courthub/json.hpp"
#include "host/config/config.hpp"
#include "host/outcome.hpp"
#include "host/time/clock.hpp"

namespace courthub {
namespace jobs {
class ClusterWatch;
}

// Command-line flags that win over the YAML.
struct ServeOverrides {
  std::optional<std::string> host;
  std::optional<uint16_t> port;
  std::optional<std::string> data_dir;
};

// Applies the overrides to a loaded configuration.
void apply_overrides(config::Config& cfg, const ServeOverrides& overrides);

class Server {
 public:
  // `clock` is the host's one clock (every timestamp, session expiry and cron); it must outlive
  // the server. `courthub serve` passes the real one; a test may pass a time::ManualClock.
  Server(std::string config_path, ServeOverrides overrides,
         const time::Clock& clock = time::system_clock());
  // The same on a test clock, which the admin API may then move (POST /admin/clock; see
  // docs/operations.md). For tests of the whole process only: never in production.
  Server(std::string config_path, ServeOverrides overrides, time::ManualClock& test_clock);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Brings the host up on `cfg`. Errors name the part that failed and why; on failure whatever
  // was started is stopped again.
  Outcome start(config::Config cfg);
  // Stops accepting, drains requests in flight (up to 10 s), stops the workers, retires the
  // plugins and closes the databases. Idempotent.
  void stop();
  // Re-reads the configuration file. A file with errors (YAML, schema, or settings a plugin
  // rejects) is refused whole and nothing changes. Returns {"ok", "changes"|"errors",
  // "warnings"}. Every reload is audited with `actor`. On PostgreSQL a reload also gives the
  // configuration a new generation, and the other hosts on the database reload their own files
  // within a second or two (actor "cluster").
  Json reload(const std::string& actor);

  uint16_t port() const;
  bool ready() const { return ready_.load(); }

 private:
  struct Parts;

  std::string config_path_;
  ServeOverrides overrides_;
  const time::Clock& clock_;
  time::ManualClock* test_clock_ = nullptr;
  // Hosts sharing PostgreSQL: picks up the directory and configuration changes of the others.
  void catch_up();

  std::unique_ptr<Parts> parts_;
  std::unique_ptr<jobs::ClusterWatch> watch_;  // PostgreSQL only; stopped before parts_ go
  bool shares_database_ = false;               // PostgreSQL; guarded by control_mu_
  std::string config_generation_;              // the one this host's configuration matches
  std::mutex control_mu_;
  std::atomic<bool> ready_{false};
};

}  // namespace courthub
