// SPDX-License-Identifier: Apache-2.0
// Settings of the local DingTalk double: where it listens and the app credentials it accepts.
#pragma once

#include <cstdint>
#include <string>

#include "tests/dingtalk_double/clock.hpp"

namespace courthub::dingtalk_double {

struct DoubleOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0 = any free port; DingTalkDouble::port() says which
  std::string app_key = "demo-app-key";
  std::string app_secret = "demo-app-secret";
  std::string corp_id = "dingdemocorp";
  int64_t token_ttl_seconds = 7200;
  int robot_per_minute = 20;  // DingTalk's documented limit per custom robot
  // The key POST /sms/send checks X-Courthub-Signature with (the host's sms.secret).
  std::string sms_secret = "demo-sms-secret";
  // PEM files of a certificate and its key: the double then speaks HTTPS (and wss:// for Stream
  // mode), as DingTalk does. Empty = plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Empty = the system clock. Tests inject one to step over auth-code expiry (5 min), token
  // expiry, the robot timestamp window (1 h) and the rate window (60 s) without sleeping.
  Clock now_ms;
};

}  // namespace courthub::dingtalk_double
