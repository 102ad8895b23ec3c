// SPDX-License-Identifier: Apache-2.0
// The record of every DingTalk API call the double answered.
#include "tests/dingtalk_double/request_log.hpp"

namespace courthub::dingtalk_double {

void RequestLog::record(const ApiRequest& request, const ApiReply& reply) {
  Json body = request.json_body();
  // A body that is not JSON is kept verbatim: a malformed payload is what a test wants to see.
  if (body.is_null()) body = Json(request.body);
  Json entry = Json::object({{"method", request.method},
                             {"path", request.path},
                             {"query", request.query},
                             {"headers", request.headers},
                             {"body", std::move(body)},
                             {"at", request.at_ms},
                             {"status", reply.status},
                             {"response", reply.body}});
  if (reply.injected) entry["injected"] = true;
  if (!request.peer.empty()) entry["peer"] = request.peer;
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
}

std::vector<Json> RequestLog::entries(const std::string& path_prefix) const {
  std::lock_guard lock(mutex_);
  std::vector<Json> out;
  for (const Json& e : entries_) {
    if (json::require<std::string>(e, "path").starts_with(path_prefix)) out.push_back(e);
  }
  return out;
}

void RequestLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace courthub::dingtalk_double
