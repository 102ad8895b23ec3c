// SPDX-License-Identifier: Apache-2.0
// The listening socket and the process's file-descriptor limit.
//
// Threading: call from the control thread before the event loop starts.
#pragma once

#include <cstdint>
#include <string>

#include "host/outcome.hpp"

namespace courthub::http::edge {

// A nonblocking listening TCP socket on host:port (port 0: any free one), SO_REUSEADDR but not
// SO_REUSEPORT (a second host on the same port must fail). Errors: Unavailable, naming the
// address and the reason.
Expected<int> open_listener(const std::string& host, uint16_t port, int backlog);

// The port `fd` is bound to.
uint16_t bound_port(int fd);

// Raises RLIMIT_NOFILE's soft limit to the hard limit and returns the soft limit now in force.
// Never fails (a limit it cannot raise stays as it was).
int64_t raise_file_limit();

}  // namespace courthub::http::edge
