// SPDX-License-Identifier: Apache-2.0
// Debian's nginx in front of several hosts, as docs/operations.md ("Several hosts") lays it out:
// one upstream of their loopback ports, X-Forwarded-For appended, a request that cannot reach a
// host (refused, timed out) tried on the next. It runs in a temporary folder of its own, in the
// foreground, one process (master_process off: no user switch, no privileges needed).
// Threading: one owner; port() from any thread.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace courthub::it {

class NginxBalancer {
 public:
  // The nginx binary, or "" when it is not installed.
  static std::string binary();
  // Starts nginx on a free loopback port in front of `upstream_ports`; waits until it answers.
  // Throws std::runtime_error with nginx's error log when it does not start.
  explicit NginxBalancer(const std::vector<uint16_t>& upstream_ports);
  // Stops it (SIGQUIT, then SIGKILL) and removes its folder.
  ~NginxBalancer();
  NginxBalancer(const NginxBalancer&) = delete;
  NginxBalancer& operator=(const NginxBalancer&) = delete;

  uint16_t port() const { return port_; }
  std::string error_log() const;

 private:
  std::string dir_;
  uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace courthub::it
