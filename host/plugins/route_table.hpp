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
  std::vector<std::pair<std::string, std::string>> params;
};

class RouteTable {
 public:
  // Errors: InvalidArgument for an unknown method or a malformed pattern (must start with '/',
  // no empty segments, "{name}" names [A-Za-z_][A-Za-z0-9_]*); Conflict for a duplicate.
  Outcome add(std::string_view method, std::string_view pattern, uint64_t handler);

  enum class Result { Matched, NoPath, WrongMethod };
  // On WrongMethod, `allowed` lists the methods the path does answer.
  Result match(std::string_view method, std::string_view path, RouteMatch& out,
               std::string* allowed = nullptr) const;

  size_t size() const { return routes_.size(); }
  std::vector<std::pair<std::string, std::string>> list() const;  // (method, pattern)

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" kept as is
    uint64_t handler;
  };
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a","b"}; empty for "/".
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace courthub::plugins
