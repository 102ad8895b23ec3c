// SPDX-License-Identifier: Apache-2.0
// Who the client is when courthub runs behind a balancer (docs/operations.md, "Several hosts").
// A connection from a trusted proxy (server.trusted_proxies) carries the client in
// X-Forwarded-For: each proxy appends the address it saw, so the client is the nearest entry,
// read from the right, that is not itself a trusted proxy. From any other peer the header is the
// client's own word and counts for nothing. The admin-token back-off, the audit log and log lines
// use the result; the edge's per-address connection cap exempts trusted proxies.
// Threading: pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/config/address_range.hpp"

namespace courthub::http {

// The client's IP address when the peer `peer_ip` is a trusted proxy and `forwarded_for` (the
// X-Forwarded-For header; null when absent) names one; nullopt otherwise (the peer is then the
// client). Entries left of one that is not an address are never believed.
std::optional<std::string> forwarded_client(const std::vector<config::AddressRange>& trusted,
                                            std::string_view peer_ip,
                                            const std::string* forwarded_for);

}  // namespace courthub::http
