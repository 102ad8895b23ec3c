// SPDX-License-Identifier: Apache-2.0
// The record of every DingTalk API call the double answered, so tests can assert what was sent.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

class RequestLog {
 public:
  // Appends {"method","path","query","headers","body","at","status","response","peer"} ("peer":
  // the client's address:port, one per TCP connection) plus "injected":true when the reply came from a failure plan or down mode. The entry is in the log
  // before the reply is written, so a client that got its answer can read its call back.
  // Thread-safe.
  void record(const ApiRequest& request, const ApiReply& reply);

  // Entries whose path starts with `path_prefix` ("" = all), oldest first. Thread-safe.
  std::vector<Json> entries(const std::string& path_prefix = "") const;

  // Thread-safe.
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<Json> entries_;
};

}  // namespace courthub::dingtalk_double
