// SPDX-License-Identifier: Apache-2.0
// Exchange: request parsing, bounded body reads and the JSON response conventions.
#include "host/http/exchange.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <istream>

namespace courthub::http {

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   int64_t max_body_bytes, std::string request_id)
    : request_(request),
      response_(response),
      max_body_bytes_(max_body_bytes),
      request_id_(std::move(request_id)),
      method_(request.getMethod()) {
  try {
    Poco::URI uri(request.getURI());
    path_ = uri.getPath();
    for (auto& [k, v] : uri.getQueryParameters()) query_.emplace_back(k, v);
  } catch (const Poco::Exception&) {
    path_ = "/";  // malformed URI: routes to nothing and answers 404
  }
  if (path_.empty()) path_ = "/";
}

std::string Exchange::raw_path() const {
  const std::string& uri = request_.getURI();
  return uri.substr(0, uri.find_first_of("?#"));
}

std::optional<std::string> Exchange::query_value(std::string_view name) const {
  for (auto& [k, v] : query_)
    if (k == name) return v;
  return std::nullopt;
}

std::string Exchange::header(const std::string& name) const { return request_.get(name, ""); }

std::vector<std::pair<std::string, std::string>> Exchange::headers() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& [name, value] : request_) out.emplace_back(Poco::toLower(name), value);
  return out;
}

std::string Exchange::content_type() const { return request_.getContentType(); }

std::string Exchange::bearer_token() const {
  std::string auth = header("Authorization");
  static constexpr std::string_view kBearer = "Bearer ";
  if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0) return {};
  return auth.substr(kBearer.size());
}

std::string Exchange::remote_address() const {
  try {
    return request_.clientAddress().toString();
  } catch (...) {
    return {};
  }
}

Expected<std::string*> Exchange::body() {
  if (body_) return &*body_;
  if (body_too_large_) return Outcome::invalid("body too large");
  auto too_large = [&] {
    body_too_large_ = true;
    // The rest of the body is unread: the connection cannot be reused.
    response_.setKeepAlive(false);
    respond_error(413, "payload_too_large",
                  "request body exceeds server.max_body_bytes (" +
                      std::to_string(max_body_bytes_) + " bytes)");
    return Outcome::invalid("body too large");
  };
  if (request_.hasContentLength() && request_.getContentLength64() > max_body_bytes_) {
    return too_large();
  }
  std::string data;
  std::istream& in = request_.stream();
  char buf[8192];
  while (in) {
    in.read(buf, sizeof buf);
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    if (static_cast<int64_t>(data.size() + n) > max_body_bytes_) return too_large();
    data.append(buf, static_cast<size_t>(n));
  }
  body_ = std::move(data);
  return &*body_;
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

void Exchange::discard_unread_body() {
  if (body_ || body_too_large_) return;
  const bool sized = request_.hasContentLength();
  if (!request_.getChunkedTransferEncoding() && (!sized || request_.getContentLength64() <= 0)) {
    return;
  }
  if (sized && request_.getContentLength64() > max_body_bytes_) {
    response_.setKeepAlive(false);
    return;
  }
  std::istream& in = request_.stream();
  char buf[8192];
  int64_t seen = 0;
  while (in) {
    in.read(buf, sizeof buf);
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    seen += n;
    if (seen > max_body_bytes_) {
      response_.setKeepAlive(false);
      return;
    }
  }
}

void Exchange::respond(int status, std::string_view content_type, std::string_view body,
                       const std::vector<std::pair<std::string, std::string>>& headers) {
  if (responded_) return;
  responded_ = true;
  discard_unread_body();
  status_ = status;
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.set("X-Request-Id", request_id_);
  for (auto& [k, v] : headers) response_.set(k, v);
  if (!content_type.empty()) response_.setContentType(std::string(content_type));
  try {
    // Header and body go out through one buffer, so a small response is one write (and one
    // packet) instead of two. POCO sends what is buffered when the exchange ends.
    response_.sendBuffer(body.data(), body.size());
  } catch (const Poco::Exception&) {
    // The client went away; nothing to tell it.
  }
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
