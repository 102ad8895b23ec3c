// SPDX-License-Identifier: Apache-2.0
// forwarded_client: the X-Forwarded-For walk from the right.
#include "host/http/client_address.hpp"

namespace courthub::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> forwarded_client(const std::vector<config::AddressRange>& trusted,
                                            std::string_view peer_ip,
                                            const std::string* forwarded_for) {
  if (!forwarded_for || trusted.empty() || !config::any_contains(trusted, peer_ip)) {
    return std::nullopt;
  }
  std::optional<std::string> client;
  std::string_view rest = *forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view hop =
        trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!config::AddressRange::parse(hop) || hop.find('/') != std::string_view::npos) break;
    client = std::string(hop);
    if (!config::any_contains(trusted, hop)) break;
  }
  return client;
}

}  // namespace courthub::http
