// SPDX-License-Identifier: Apache-2.0
// The custom-robot 加签 value, computed independently of the host's code so the double can catch
// a host that signs wrongly (a shared implementation would agree with its own bug).
#pragma once

#include <string>

namespace courthub::dingtalk_double {

// Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), not url-encoded.
// Thread-safe.
std::string robot_sign_base64(const std::string& timestamp, const std::string& secret);

// Equal length and bytes, in time independent of where they differ. Thread-safe.
bool constant_time_equal(const std::string& a, const std::string& b);

}  // namespace courthub::dingtalk_double
