// SPDX-License-Identifier: Apache-2.0
// The SMS gateway client: one POST per message, JSON {"mobile", "content"}, signed with the
// header X-Courthub-Signature: lower-case hex HMAC-SHA256(secret, body). A court's operator puts
// the gateway of its carrier or cloud SMS provider behind that contract (docs/outbox.md, "SMS").
//
// Threading: send() from the outbox worker (any one thread at a time, or several: it keeps no
// state between calls). Errors: see send(). No error message, and no log line, carries the
// mobile in full or the secret.
#pragma once

#include <string>
#include <string_view>

#include "host/config/config.hpp"
#include "host/outcome.hpp"

namespace courthub::sms {

class SmsGateway {
 public:
  explicit SmsGateway(config::SmsConfig config) : config_(std::move(config)) {}

  // Delivers `content` to `mobile`. Errors: Unavailable for what a retry may cure (network,
  // timeouts, HTTP 429 and 5xx); InvalidArgument when the gateway refuses the message (other
  // 4xx, a 401 for a bad signature among them), with its status and error text.
  Outcome send(const std::string& mobile, const std::string& content) const;

 private:
  config::SmsConfig config_;
};

// Lower-case hex HMAC-SHA256 of `body` under `secret`. Pure; any thread. Exposed for tests.
std::string sms_signature(std::string_view secret, std::string_view body);

}  // namespace courthub::sms
