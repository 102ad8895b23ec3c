// SPDX-License-Identifier: Apache-2.0
// Plugin route patterns.
#include <gtest/gtest.h>

#include "host/plugins/route_table.hpp"

namespace courthub::plugins {
namespace {

TEST(RouteTable, MatchesParametersAndPrefersLiterals) {
  RouteTable t;
  ASSERT_TRUE(t.add("GET", "/bookings/{id}", 1).ok());
  ASSERT_TRUE(t.add("GET", "/bookings/mine", 2).ok());
  ASSERT_TRUE(t.add("DELETE", "/bookings/{id}", 3).ok());
  RouteMatch m;
  ASSERT_EQ(t.match("GET", "/bookings/42", m), RouteTable::Result::Matched);
  EXPECT_EQ(m.handler, 1u);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "42"}));
  ASSERT_EQ(t.match("GET", "/bookings/mine/", m), RouteTable::Result::Matched);
  EXPECT_EQ(m.handler, 2u);
  std::string allowed;
  EXPECT_EQ(t.match("POST", "/bookings/42", m, &allowed), RouteTable::Result::WrongMethod);
  EXPECT_EQ(allowed, "GET, DELETE");
  EXPECT_EQ(t.match("GET", "/rooms", m), RouteTable::Result::NoPath);
}

TEST(RouteTable, RefusesBadPatternsAndDuplicates) {
  RouteTable t;
  EXPECT_EQ(t.add("FETCH", "/x", 1).code(), Status::InvalidArgument);
  EXPECT_EQ(t.add("GET", "x", 1).code(), Status::InvalidArgument);
  EXPECT_EQ(t.add("GET", "/a//b", 1).code(), Status::InvalidArgument);
  EXPECT_EQ(t.add("GET", "/a/{1bad}", 1).code(), Status::InvalidArgument);
  ASSERT_TRUE(t.add("GET", "/a/{id}", 1).ok());
  EXPECT_EQ(t.add("GET", "/a/{other}", 2).code(), Status::Conflict);
}

}  // namespace
}  // namespace courthub::plugins
