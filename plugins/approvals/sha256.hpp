// SPDX-License-Identifier: Apache-2.0
// SHA-256 of a byte string, for the digest stored with each attachment (OpenSSL's libcrypto,
// which the host links too).
#pragma once

#include <string>
#include <string_view>

namespace approvals {

// The digest of `bytes` as 64 lower-case hex digits. Any thread. Throws std::runtime_error only
// if OpenSSL has no SHA-256 (a broken installation).
std::string sha256_hex(std::string_view bytes);

}  // namespace approvals
