// SPDX-License-Identifier: Apache-2.0
// SmsGateway: the signed POST and what its answer means for the outbox.
#include "host/sms/sms_gateway.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

#include "courthub/json.hpp"

namespace courthub::sms {
namespace {

std::unique_ptr<Poco::Net::HTTPClientSession> session_for(const Poco::URI& uri) {
  if (uri.getScheme() == "https") {
    static const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                               Poco::Net::Context::VERIFY_RELAXED, 9, true);
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

// The gateway's own words, shortened: {"error": "..."} or the start of the body.
std::string gateway_error(const std::string& body) {
  try {
    Json j = Json::parse(body);
    if (auto* e = json::find(j, "error"); e && e->is_string()) return e->get<std::string>();
  } catch (const Json::exception&) {
  }
  return body.substr(0, 200);
}

}  // namespace

std::string sms_signature(std::string_view secret, std::string_view body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 0xF];
  }
  return out;
}

Outcome SmsGateway::send(const std::string& mobile, const std::string& content) const {
  const std::string body = Json::object({{"mobile", mobile}, {"content", content}}).dump();
  try {
    Poco::URI uri(config_.url);
    auto session = session_for(uri);
    session->setTimeout(Poco::Timespan(5, 0), Poco::Timespan(10, 0), Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(),
                               Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json; charset=utf-8");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    req.set("X-Courthub-Signature", sms_signature(config_.secret, body));
    session->sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::string answer;
    Poco::StreamCopier::copyToString(session->receiveResponse(res), answer);
    const int status = res.getStatus();
    if (status >= 200 && status < 300) return Outcome::success();
    const std::string why =
        "the SMS gateway answered HTTP " + std::to_string(status) + ": " + gateway_error(answer);
    if (status == 429 || status >= 500) return Outcome::unavailable(why);
    return Outcome::invalid(why);
  } catch (const Poco::Exception& e) {
    // POCO's text names the host and port at most, never the body.
    return Outcome::unavailable("the SMS gateway cannot be reached: " + e.displayText());
  }
}

}  // namespace courthub::sms
