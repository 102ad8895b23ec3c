// SPDX-License-Identifier: Apache-2.0
// SHA-256 (FIPS 180-4) of a byte string, for the digest stored with each attachment.
// The SDK has no digest and a plugin links nothing but the SDK, so it is computed here.
#pragma once

#include <string>
#include <string_view>

namespace approvals {

// The digest of `bytes` as 64 lower-case hex digits. Pure; any thread; no errors.
std::string sha256_hex(std::string_view bytes);

}  // namespace approvals
