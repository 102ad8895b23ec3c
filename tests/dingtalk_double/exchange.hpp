// SPDX-License-Identifier: Apache-2.0
// One HTTP call as the double's endpoints see it, detached from POCO so handlers stay plain code.
#pragma once

#include <string>
#include <utility>

#include "courthub/json.hpp"

namespace courthub::dingtalk_double {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query
  Json query;          // object of url-decoded values; a repeated name keeps the last value
  Json headers;        // object of the recorded headers, names in lower case
  std::string body;    // raw bytes as received
  int64_t at_ms = 0;   // arrival time on the double's clock
  std::string peer;    // the client's "address:port": one value per TCP connection

  std::string param(std::string_view name) const { return json::get<std::string>(query, name); }
  // The body parsed as JSON, or null when it is empty or not JSON.
  Json json_body() const {
    if (body.empty()) return Json();
    try {
      return Json::parse(body);
    } catch (const Json::exception&) {
      return Json();
    }
  }
};

struct ApiReply {
  int status = 200;
  Json body;
  bool injected = false;  // produced by a failure plan or down mode, not by the endpoint
};

// The classic oapi.dingtalk.com error envelope: HTTP 200 and a non-zero errcode.
inline ApiReply errcode_reply(int64_t errcode, std::string errmsg, int status = 200) {
  return ApiReply{status, Json::object({{"errcode", errcode}, {"errmsg", std::move(errmsg)}})};
}

// The api.dingtalk.com (v1.0) error envelope: an HTTP error status and {code, message}.
inline ApiReply v1_error_reply(int status, std::string code, std::string message) {
  return ApiReply{status,
                  Json::object({{"code", std::move(code)}, {"message", std::move(message)}})};
}

}  // namespace courthub::dingtalk_double
