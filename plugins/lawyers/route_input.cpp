// SPDX-License-Identifier: Apache-2.0
#include "route_input.hpp"

namespace lawyers {

int64_t path_id(const courthub::Request& req, const std::string& what, const std::string& name) {
  const std::string& text = req.param(name);
  int64_t id = 0;
  bool ok = !text.empty() && text.size() <= 15 && text[0] != '0';
  for (char c : text) {
    if (c < '0' || c > '9') ok = false;
    else id = id * 10 + (c - '0');
  }
  if (!ok) throw courthub::NotFound("no " + what + " " + text);
  return id;
}

courthub::Json json_body(const courthub::Request& req) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return courthub::Json::object();
  courthub::Json body = req.json();
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  return body;
}

}  // namespace lawyers
