// SPDX-License-Identifier: Apache-2.0
// One HTTP request and its response, with the host's conventions: request ids, body limits,
// JSON bodies and JSON errors.
//
// Error body, everywhere: {"error": {"code", "message", ["plugin"], ["details"]}, "request_id"}.
// The request has fully arrived (header and body) before an Exchange exists; the response is
// built into an edge::Response that the server writes out after the handler returns.
// Threading: an Exchange belongs to the worker thread serving its request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Poco/Exception.h>

#include "courthub/json.hpp"
#include "host/http/edge/request_parser.hpp"
#include "host/http/edge/response.hpp"
#include "host/outcome.hpp"

namespace courthub::http {

class Exchange {
 public:
  // `request` and `response` outlive the exchange; `remote_address` is the client: the peer's
  // "ip:port", or the bare IP a trusted proxy forwarded for (client_address.hpp).
  Exchange(edge::Request& request, edge::Response& response, std::string remote_address,
           std::string request_id);

  const std::string& method() const { return method_; }
  const std::string& path() const { return path_; }  // decoded, without the query
  // The path as sent, still percent-encoded (for checks that decoding would hide: %2F, %00).
  std::string raw_path() const;
  const std::vector<std::pair<std::string, std::string>>& query() const { return query_; }
  std::optional<std::string> query_value(std::string_view name) const;
  std::string header(const std::string& name) const;
  // Every request header, names lower-cased, in arrival order.
  std::vector<std::pair<std::string, std::string>> headers() const;
  std::string content_type() const;
  // "Authorization: Bearer <token>" -> token, else "".
  std::string bearer_token() const;
  const std::string& request_id() const { return request_id_; }
  std::string remote_address() const { return remote_address_; }

  // The whole body (the edge read it, within server.max_body_bytes, before the handler ran).
  // Never fails; the Expected stays for the endpoints written against it.
  Expected<std::string*> body();
  // The body parsed as a JSON object; answers 400 and returns nullopt when it is not one.
  std::optional<Json> json_body();

  void respond(int status, std::string_view content_type, std::string_view body,
               const std::vector<std::pair<std::string, std::string>>& headers = {});
  void respond_json(int status, const Json& body);
  // code: e.g. "not_found"; plugin and details are added when given.
  void respond_error(int status, std::string_view code, std::string_view message,
                     std::string_view plugin = {}, const Json& details = Json());
  // The HTTP status and error code for an Outcome's code.
  void respond_outcome(const Outcome& o, std::string_view plugin = {});

  bool responded() const { return responded_; }
  int status() const { return status_; }

  // Metrics labels, set by whoever routes the request.
  std::string route_label = "unmatched";
  std::string plugin_label;

 private:
  edge::Request& request_;
  edge::Response& response_;
  std::string remote_address_;
  std::string request_id_;
  std::string method_;
  std::string path_;
  std::vector<std::pair<std::string, std::string>> query_;
  bool responded_ = false;
  int status_ = 0;
};

}  // namespace courthub::http
