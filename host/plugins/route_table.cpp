// SPDX-License-Identifier: Apache-2.0
// Matching plugin route patterns against request paths.
#include "host/plugins/route_table.hpp"

namespace courthub::plugins {
namespace {

bool is_param(std::string_view s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

bool valid_param_name(std::string_view n) {
  if (n.empty()) return false;
  for (size_t i = 0; i < n.size(); ++i) {
    char c = n[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

Outcome RouteTable::add(std::string_view method, std::string_view pattern, uint64_t handler,
                        std::string_view audience) {
  static const char* kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
  bool known = false;
  for (auto* m : kMethods) known = known || method == m;
  if (!known) {
    return Outcome::invalid("route method '" + std::string(method) +
                            "' is not one of GET, POST, PUT, PATCH, DELETE");
  }
  if (pattern.empty() || pattern.front() != '/') {
    return Outcome::invalid("route pattern '" + std::string(pattern) + "' must start with '/'");
  }
  if (pattern.find("//") != std::string_view::npos) {
    return Outcome::invalid("route pattern '" + std::string(pattern) + "' has an empty segment");
  }
  Route r{std::string(method), std::string(pattern), {}, handler, std::string(audience)};
  for (auto seg : split_path(pattern)) {
    if (seg.find('{') != std::string_view::npos || seg.find('}') != std::string_view::npos) {
      if (!is_param(seg) || !valid_param_name(seg.substr(1, seg.size() - 2))) {
        return Outcome::invalid("route pattern '" + std::string(pattern) +
                                "': a parameter segment looks like {name}");
      }
    }
    r.segments.emplace_back(seg);
  }
  for (auto& existing : routes_) {
    if (existing.method != r.method || existing.segments.size() != r.segments.size()) continue;
    bool same = true;
    for (size_t i = 0; i < r.segments.size() && same; ++i) {
      bool a = is_param(existing.segments[i]), b = is_param(r.segments[i]);
      same = (a && b) || (!a && !b && existing.segments[i] == r.segments[i]);
    }
    if (same) {
      return Outcome::conflict("route " + r.method + " " + r.pattern + " duplicates " +
                               existing.method + " " + existing.pattern);
    }
  }
  routes_.push_back(std::move(r));
  return Outcome::success();
}

RouteTable::Result RouteTable::match(std::string_view method, std::string_view path,
                                     RouteMatch& out, std::string* allowed) const {
  auto segs = split_path(path);
  Result result = Result::NoPath;
  // Literal segments win over parameters: "/bookings/mine" before "/bookings/{id}".
  const Route* best = nullptr;
  int best_literals = -1;
  for (auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    int literals = 0;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (is_param(r.segments[i])) continue;
      ok = r.segments[i] == segs[i];
      ++literals;
    }
    if (!ok) continue;
    if (r.method != method) {
      result = Result::WrongMethod;
      if (allowed) {
        if (!allowed->empty()) *allowed += ", ";
        *allowed += r.method;
      }
      continue;
    }
    if (literals > best_literals) {
      best = &r;
      best_literals = literals;
    }
  }
  if (!best) return result;
  out.handler = best->handler;
  out.pattern = &best->pattern;
  out.audience = &best->audience;
  out.params.clear();
  for (size_t i = 0; i < segs.size(); ++i) {
    if (is_param(best->segments[i])) {
      out.params.emplace_back(best->segments[i].substr(1, best->segments[i].size() - 2),
                              std::string(segs[i]));
    }
  }
  return Result::Matched;
}

std::vector<RouteTable::Listed> RouteTable::list() const {
  std::vector<Listed> out;
  for (auto& r : routes_) out.push_back(Listed{r.method, r.pattern, r.audience});
  return out;
}

}  // namespace courthub::plugins
