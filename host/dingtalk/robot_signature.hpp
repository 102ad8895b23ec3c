// SPDX-License-Identifier: Apache-2.0
// DingTalk robot HMAC signatures: the HTTP-mode robot's `sign` header and group-robot 加签.
//
// All functions are pure (the caller supplies the clock): safe from any thread concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "host/outcome.hpp"

namespace courthub::dingtalk {

// Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), not URL-encoded.
// Returns an empty string only if OpenSSL's HMAC fails (out of memory).
std::string robot_sign(std::string_view timestamp, std::string_view secret);

// Checks a robot HTTP callback: the `timestamp` header (ms, ASCII digits) must be within
// window_ms of now_ms in either direction (the edge is allowed), and the `sign` header must
// equal robot_sign(timestamp, app_secret), compared in constant time.
// Errors: Outcome PermissionDenied with exactly one of "robot timestamp is not a number",
// "robot timestamp outside the <window> window" (e.g. "1 h" for 3 600 000 ms) or
// "robot sign mismatch", checked in that order. Messages never contain the secret or the sign.
Outcome verify_robot_request(std::string_view timestamp, std::string_view sign,
                             std::string_view app_secret, int64_t now_ms, int64_t window_ms);

// Appends "&timestamp=<now_ms>&sign=<url-encoded robot_sign>" to the webhook, with "?" instead
// of "&" when the URL has no query yet (and no separator when it already ends in '?' or '&').
// An empty secret returns the webhook unchanged: the robot is not in 加签 mode.
// The result carries the access token; treat it as a secret. Never fails.
std::string signed_robot_webhook(std::string_view webhook, std::string_view secret, int64_t now_ms);

// Percent-encodes everything but RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~), as
// %XX with uppercase hex; a space becomes %20. Never fails.
std::string url_encode(std::string_view s);

}  // namespace courthub::dingtalk
