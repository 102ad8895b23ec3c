// SPDX-License-Identifier: Apache-2.0
// Tests AddressRange (server.trusted_proxies' entries) and forwarded_client, the X-Forwarded-For
// walk that names the client behind a balancer.
#include <gtest/gtest.h>

#include "host/config/address_range.hpp"
#include "host/http/client_address.hpp"

namespace courthub {
namespace {

using config::AddressRange;

std::vector<AddressRange> ranges(std::initializer_list<const char*> texts) {
  std::vector<AddressRange> out;
  for (const char* t : texts) out.push_back(*AddressRange::parse(t));
  return out;
}

TEST(AddressRange, ParsesAddressesAndPrefixesOfBothFamilies) {
  EXPECT_EQ(AddressRange::parse("127.0.0.1")->prefix, 128);  // IPv4 is held IPv4-mapped
  EXPECT_EQ(AddressRange::parse("10.0.0.0/8")->prefix, 104);
  EXPECT_EQ(AddressRange::parse("::1")->prefix, 128);
  EXPECT_EQ(AddressRange::parse("fd00::/8")->prefix, 8);
  EXPECT_EQ(AddressRange::parse("0.0.0.0/0")->prefix, 96);
  for (const char* bad : {"", "nginx", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1",
                          "10.0.0.0/8x", "1.2.3", "10.0.0.1 ", "[::1]", "10.0.0.1:80"}) {
    EXPECT_FALSE(AddressRange::parse(bad)) << bad;
  }
}

TEST(AddressRange, ContainsComparesTheLeadingBitsOnly) {
  AddressRange r = *AddressRange::parse("192.168.4.0/22");
  EXPECT_TRUE(r.contains("192.168.4.0"));
  EXPECT_TRUE(r.contains("192.168.7.255"));
  EXPECT_FALSE(r.contains("192.168.8.0"));
  EXPECT_FALSE(r.contains("192.168.3.255"));
  EXPECT_TRUE(r.contains("::ffff:192.168.5.1"));  // as an IPv6 socket reports an IPv4 peer
  EXPECT_FALSE(r.contains("not an address"));
  EXPECT_TRUE(AddressRange::parse("fd00::/8")->contains("fdab:1::2"));
  EXPECT_FALSE(AddressRange::parse("fd00::/8")->contains("fe80::1"));
  EXPECT_FALSE(AddressRange::parse("::1")->contains("127.0.0.1"));
  EXPECT_TRUE(config::any_contains(ranges({"10.0.0.0/8", "::1"}), "::1"));
  EXPECT_FALSE(config::any_contains({}, "::1"));
}

TEST(ForwardedClient, OnlyATrustedPeerIsBelieved) {
  const auto trusted = ranges({"10.0.0.0/8"});
  const std::string header = "203.0.113.5";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), "203.0.113.5");
  EXPECT_EQ(http::forwarded_client(trusted, "198.51.100.9", &header), std::nullopt);
  EXPECT_EQ(http::forwarded_client({}, "10.1.1.1", &header), std::nullopt);
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", nullptr), std::nullopt);
}

TEST(ForwardedClient, TheClientIsTheNearestUntrustedHopFromTheRight) {
  const auto trusted = ranges({"10.0.0.0/8", "127.0.0.1"});
  // A client's own forged entries come first; each proxy appends what it saw.
  std::string header = "1.1.1.1, 203.0.113.5, 10.0.0.7";
  EXPECT_EQ(http::forwarded_client(trusted, "127.0.0.1", &header), "203.0.113.5");
  header = "203.0.113.5,10.0.0.7";
  EXPECT_EQ(http::forwarded_client(trusted, "127.0.0.1", &header), "203.0.113.5");
  header = "2001:db8::1";
  EXPECT_EQ(http::forwarded_client(trusted, "127.0.0.1", &header), "2001:db8::1");
  // Every hop trusted: the leftmost is the client (a request from inside).
  header = "10.0.0.9, 10.0.0.7";
  EXPECT_EQ(http::forwarded_client(trusted, "127.0.0.1", &header), "10.0.0.9");
}

TEST(ForwardedClient, NothingLeftOfAMalformedEntryIsBelieved) {
  const auto trusted = ranges({"10.0.0.0/8"});
  std::string header = "203.0.113.5, unknown, 10.0.0.7";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), "10.0.0.7");
  header = "203.0.113.5, garbage";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), std::nullopt);
  header = "203.0.113.0/24";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), std::nullopt);
  header = "";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), std::nullopt);
  header = " , ";
  EXPECT_EQ(http::forwarded_client(trusted, "10.1.1.1", &header), std::nullopt);
}

}  // namespace
}  // namespace courthub
