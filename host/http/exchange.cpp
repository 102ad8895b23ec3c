// SPDX-License-Identifier: Apache-2.0
// Exchange: the parsed request's parts and the JSON response conventions.
#include "host/http/exchange.hpp"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace courthub::http {

Exchange::Exchange(edge::Request& request, edge::Response& response, std::string remote_address,
                   std::string request_id)
    : request_(request),
      response_(response),
      remote_address_(std::move(remote_address)),
      request_id_(std::move(request_id)),
      method_(request.method) {
  try {
    Poco::URI uri(request.target);
    path_ = uri.getPath();
    for (auto& [k, v] : uri.getQueryParameters()) query_.emplace_back(k, v);
  } catch (const Poco::Exception&) {
    path_ = "/";  // malformed URI: routes to nothing and answers 404
  }
  if (path_.empty()) path_ = "/";
}

std::string Exchange::raw_path() const {
  const std::string& uri = request_.target;
  return uri.substr(0, uri.find_first_of("?#"));
}

std::optional<std::string> Exchange::query_value(std::string_view name) const {
  for (auto& [k, v] : query_)
    if (k == name) return v;
  return std::nullopt;
}

std::string Exchange::header(const std::string& name) const {
  std::string lower = Poco::toLower(name);
  const std::string* v = request_.find(lower);
  return v ? *v : std::string();
}

std::vector<std::pair<std::string, std::string>> Exchange::headers() const {
  return request_.headers;
}

std::string Exchange::content_type() const {
  return header("content-type");
}

std::string Exchange::bearer_token() const {
  std::string auth = header("Authorization");
  static constexpr std::string_view kBearer = "Bearer ";
  if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0) return {};
  return auth.substr(kBearer.size());
}

Expected<std::string*> Exchange::body() {
  return &request_.body;
}

std::optional<Json> Exchange::json_body() {
  auto b = body();
  if (!b) return std::nullopt;
  try {
    Json j = Json::parse(**b);
    if (!j.is_object()) {
      respond_error(400, "invalid_json", "request body must be a JSON object");
      return std::nullopt;
    }
    return j;
  } catch (const Json::exception& e) {
    respond_error(400, "invalid_json", std::string("request body is not valid JSON: ") + e.what());
    return std::nullopt;
  }
}

void Exchange::respond(int status, std::string_view content_type, std::string_view body,
                       const std::vector<std::pair<std::string, std::string>>& headers) {
  if (responded_) return;
  responded_ = true;
  status_ = status;
  response_.status = status;
  response_.content_type = std::string(content_type);
  response_.headers.clear();
  response_.headers.emplace_back("X-Request-Id", request_id_);
  for (auto& [k, v] : headers) {
    bool replaced = false;
    for (auto& [ek, ev] : response_.headers) {
      if (Poco::icompare(ek, k) == 0) {
        ev = v;
        replaced = true;
      }
    }
    if (!replaced) response_.headers.emplace_back(k, v);
  }
  response_.body = std::string(body);
}

void Exchange::respond_json(int status, const Json& body) {
  respond(status, "application/json; charset=utf-8", json::dump(body));
}

void Exchange::respond_error(int status, std::string_view code, std::string_view message,
                             std::string_view plugin, const Json& details) {
  Json err = Json::object({{"code", code}, {"message", message}});
  if (!plugin.empty()) err["plugin"] = plugin;
  if (!details.is_null()) err["details"] = details;
  respond_json(status, Json::object({{"error", err}, {"request_id", request_id_}}));
}

void Exchange::respond_outcome(const Outcome& o, std::string_view plugin) {
  auto [status, code] = http_status_of(o.code());
  respond_error(status, code, o.message(), plugin);
}

}  // namespace courthub::http
