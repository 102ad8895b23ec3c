// SPDX-License-Identifier: Apache-2.0
// Unguessable identifiers for tokens, auth codes and request ids the double hands out.
#pragma once

#include <string>

namespace courthub::dingtalk_double {

// `bytes` random bytes from OpenSSL as lower-case hex (2 * bytes characters). Thread-safe.
std::string random_hex(size_t bytes);

}  // namespace courthub::dingtalk_double
