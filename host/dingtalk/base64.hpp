// SPDX-License-Identifier: Apache-2.0
// Base64 (RFC 4648 standard alphabet) as DingTalk's callback crypto uses it.
//
// All functions are pure: safe to call from any thread concurrently.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace courthub::dingtalk {

// Standard alphabet, '=' padding, no line breaks (a line break would end up inside the
// signature DingTalk computes over the text). Never fails.
std::string base64_encode(std::string_view bytes);

// Decodes `text` after skipping ASCII whitespace (space, \t, \r, \n, \v, \f), because some
// official samples wrap their output every 76 characters.
// Returns std::nullopt when a character is outside the alphabet, '=' appears anywhere but in
// the last one or two positions, or the remaining length is not a multiple of 4.
// Leftover bits in the last character are ignored, as Java, Go and Node decoders do; the
// signature covers the exact text, so this leniency cannot be used to pass a different one.
std::optional<std::string> base64_decode(std::string_view text);

// Decodes the 43-character EncodingAESKey the way `Base64Decode(aes_key + "=")` does in the
// official samples: the two leftover bits of the last character are discarded, so keys such as
// "...ecd7" (non-canonical as base64) still give 32 bytes.
// Returns the 32 key bytes, or an empty string when `aes_key43` is not exactly 43 characters
// of the base64 alphabet (callers validate first; see CallbackCrypto::create).
std::string base64_decode_key(std::string_view aes_key43);

}  // namespace courthub::dingtalk
