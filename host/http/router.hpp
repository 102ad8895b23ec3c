// SPDX-License-Identifier: Apache-2.0
// Maps request paths to the host's endpoints: exact paths first, then the longest prefix.
//
// Threading: filled before the server starts, then only read.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "host/http/exchange.hpp"

namespace courthub::http {

using Handler = std::function<void(Exchange&)>;

class Router {
 public:
  // `label` names the endpoint in metrics ("/admin/plugins", "/apps").
  void exact(std::string path, std::string label, Handler handler);
  void prefix(std::string prefix, std::string label, Handler handler);
  // Runs the endpoint for the request, or answers 404.
  void dispatch(Exchange& ex) const;

 private:
  struct Entry {
    std::string path;
    std::string label;
    Handler handler;
  };
  std::vector<Entry> exact_;
  std::vector<Entry> prefixes_;
};

// Answers 405 naming the allowed methods unless the request's method is one of them.
bool allow_methods(Exchange& ex, std::initializer_list<const char*> methods);

}  // namespace courthub::http
