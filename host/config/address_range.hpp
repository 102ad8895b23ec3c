// SPDX-License-Identifier: Apache-2.0
// An IP address or CIDR range as the configuration writes it: "10.0.0.0/8", "127.0.0.1", "::1",
// "fd00::/8" (server.trusted_proxies). IPv4 is held as its IPv4-mapped IPv6 form, so
// "10.0.0.0/8" also contains a peer an IPv6 socket reports as "::ffff:10.1.2.3".
// Threading: a value; const members from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courthub::config {

struct AddressRange {
  std::array<uint8_t, 16> bytes{};  // the network's address (IPv6, or IPv4-mapped)
  int prefix = 128;                 // leading bits that must match, 0..128
  std::string text;                 // as written, for messages

  // nullopt when `text` is neither an address nor address/prefix-length (no host names).
  static std::optional<AddressRange> parse(std::string_view text);
  // Whether `ip` (an address without a port) lies in the range; false for anything else.
  bool contains(std::string_view ip) const;
};

// Whether any of `ranges` contains `ip`.
bool any_contains(const std::vector<AddressRange>& ranges, std::string_view ip);

}  // namespace courthub::config
