// SPDX-License-Identifier: Apache-2.0
// AddressRange: parsing with inet_pton and a prefix comparison over 16 bytes.
#include "host/config/address_range.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace courthub::config {
namespace {

std::optional<std::array<uint8_t, 16>> address_bytes(std::string_view text) {
  std::string s(text);
  std::array<uint8_t, 16> out{};
  in_addr v4{};
  if (::inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  in6_addr v6{};
  if (::inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::memcpy(out.data(), &v6, 16);
    return out;
  }
  return std::nullopt;
}

bool same_prefix(const std::array<uint8_t, 16>& a, const std::array<uint8_t, 16>& b, int bits) {
  for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const uint8_t mask = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

}  // namespace

std::optional<AddressRange> AddressRange::parse(std::string_view text) {
  std::string_view address = text;
  int prefix = -1;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view bits = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
    if (bits.empty() || ec != std::errc() || end != bits.data() + bits.size() || prefix < 0) {
      return std::nullopt;
    }
  }
  auto bytes = address_bytes(address);
  if (!bytes) return std::nullopt;
  const bool v4 = address.find(':') == std::string_view::npos;
  const int width = v4 ? 32 : 128;
  if (prefix < 0) prefix = width;
  if (prefix > width) return std::nullopt;
  return AddressRange{*bytes, v4 ? prefix + 96 : prefix, std::string(text)};
}

bool AddressRange::contains(std::string_view ip) const {
  auto b = address_bytes(ip);
  return b && same_prefix(*b, bytes, prefix);
}

bool any_contains(const std::vector<AddressRange>& ranges, std::string_view ip) {
  for (const auto& r : ranges)
    if (r.contains(ip)) return true;
  return false;
}

}  // namespace courthub::config
