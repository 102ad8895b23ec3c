// SPDX-License-Identifier: Apache-2.0
// A plugin's HTTP routes: "METHOD /bookings/{id}" patterns matched against request paths.
//
// Threading: filled on the control thread during activate, then only read (any thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host/outcome.hpp"

namespace courthub::plugins {

struct RouteMatch {
  uint64_t handler = 0;
  const std::string* pattern = nullptr;  // for metrics labels
  const std::string* audience = nullptr;  // "" for a staff route, else the portal's audience
  std::vector<std::pair<std::string, std::string>> params;
};

class RouteTable {
 public:
  // Errors: InvalidArgument for an unknown method or a malformed pattern (must start with '/',
  // no empty segments, "{name}" names [A-Za-z_][A-Za-z0-9_]*); Conflict for a duplicate (of
  // any audience). `audience` is "" for a staff route, else the portal audience whose outside
  // sessions alone reach it.
  Outcome add(std::string_view method, std::string_view pattern, uint64_t handler,
              std::string_view audience = {});

  enum class Result { Matched, NoPath, WrongMethod };
  // On WrongMethod, `allowed` lists the methods the path does answer.
  Result match(std::string_view method, std::string_view path, RouteMatch& out,
               std::string* allowed = nullptr) const;

  size_t size() const { return routes_.size(); }
  struct Listed {
    std::string method, pattern, audience;  // audience "" for a staff route
  };
  std::vector<Listed> list() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" kept as is
    uint64_t handler;
    std::string audience;
  };
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a","b"}; empty for "/".
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace courthub::plugins
