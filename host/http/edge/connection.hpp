// SPDX-License-Identifier: Apache-2.0
// One client connection at the edge and the phase it is in.
//
// Ownership: the EventLoop owns every Connection (it creates, closes and frees them). While a
// connection's phase is Queued it belongs to the worker pool (waiting, then served), which may
// touch only `request`, `out`, `out_sent` and `close_after_write`, until it calls
// EventLoop::give_back(); the loop then touches those again. Every other field is the loop's.
#pragma once

#include <cstdint>
#include <string>

#include "host/http/edge/request_parser.hpp"

namespace courthub::http::edge {

enum class Phase {
  ReadingHeader,  // deadline: header_timeout_ms from accept or from the request's first byte
  ReadingBody,    // deadline: body_timeout_ms, and body_min_bytes_per_second
  Queued,         // a whole request waits for a worker or is being served (no deadline)
  Writing,        // the loop writes the rest of a response (write_timeout_ms)
  Idle,           // keep-alive, between requests (idle_timeout_ms)
  Lingering,      // answered and half-closed; the client's last bytes are read and dropped
};

struct Connection {
  Connection(int fd, std::string ip, std::string address, ParserLimits limits)
      : fd(fd), ip(std::move(ip)), address(std::move(address)), parser(limits) {}

  const int fd;
  const std::string ip;       // the client's IP address, for the per-address cap
  const std::string address;  // "ip:port", as Exchange::remote_address() gives it
  Phase phase = Phase::Queued;  // until the loop places it (set_phase counts each phase)
  std::string in;  // received, not yet consumed by a whole request
  RequestParser parser;
  int64_t deadline_ms = 0;  // steady-clock ms; 0 = none
  int64_t body_started_ms = 0;
  bool readable = false;     // the socket may have more to read (edge-triggered epoll)
  bool peer_closed = false;  // the client shut its side (read returned 0)
  bool counted_open = true;  // counts toward max_connections (not a refused one lingering)

  // Worker-side while Queued (see above).
  Request request;
  std::string out;  // the serialized response
  size_t out_sent = 0;
  bool close_after_write = false;
};

}  // namespace courthub::http::edge
