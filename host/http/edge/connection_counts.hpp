// SPDX-License-Identifier: Apache-2.0
// How many connections are in which state, for the courthub_http_connections{state} gauges.
// Shared (shared_ptr) by the event loop, the worker pool and the gauges, so a scrape after the
// server stopped reads zeros, not freed memory.
//
// Threading: atomics; any thread.
#pragma once

#include <atomic>
#include <cstdint>

namespace courthub::http::edge {

struct ConnectionCounts {
  std::atomic<int64_t> open{0};     // accepted and not closed (refused ones not counted)
  std::atomic<int64_t> idle{0};     // keep-alive, between requests
  std::atomic<int64_t> reading{0};  // a header or body arriving
  std::atomic<int64_t> queued{0};   // whole requests waiting for a worker
};

}  // namespace courthub::http::edge
