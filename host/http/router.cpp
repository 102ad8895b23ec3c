// SPDX-License-Identifier: Apache-2.0
// Router: exact and prefix endpoint lookup.
#include "host/http/router.hpp"

namespace courthub::http {

void Router::exact(std::string path, std::string label, Handler handler) {
  exact_.push_back({std::move(path), std::move(label), std::move(handler)});
}

void Router::prefix(std::string prefix, std::string label, Handler handler) {
  prefixes_.push_back({std::move(prefix), std::move(label), std::move(handler)});
}

void Router::dispatch(Exchange& ex) const {
  for (auto& e : exact_) {
    if (e.path == ex.path()) {
      ex.route_label = e.label;
      e.handler(ex);
      return;
    }
  }
  const Entry* best = nullptr;
  for (auto& e : prefixes_) {
    if (ex.path().compare(0, e.path.size(), e.path) == 0 &&
        (!best || e.path.size() > best->path.size())) {
      best = &e;
    }
  }
  if (best) {
    ex.route_label = best->label;
    best->handler(ex);
    return;
  }
  ex.respond_error(404, "not_found", "no endpoint at " + ex.path());
}

bool allow_methods(Exchange& ex, std::initializer_list<const char*> methods) {
  std::string allowed;
  for (auto* m : methods) {
    if (ex.method() == m) return true;
    if (!allowed.empty()) allowed += ", ";
    allowed += m;
  }
  ex.respond(405, "application/json; charset=utf-8",
             json::dump(Json::object(
                 {{"error", Json::object({{"code", "method_not_allowed"},
                                          {"message", ex.method() + " is not allowed on " +
                                                          ex.path() + "; use " + allowed}})},
                  {"request_id", ex.request_id()}})),
             {{"Allow", allowed}});
  return false;
}

}  // namespace courthub::http
