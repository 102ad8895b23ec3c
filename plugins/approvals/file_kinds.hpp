// SPDX-License-Identifier: Apache-2.0
// Which files an approval may carry, and the file name as it travels in HTTP headers.
// Pure functions; any thread; no exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace approvals {

// The allowed media types (images, PDF, Office documents) as a readable list, for messages.
std::string allowed_media_types();

// Whether `media_type` (lower-case, no parameters) is allowed and `bytes` start the way such a
// file does (a PDF with %PDF-, a PNG with its signature, Office files as ZIP or OLE2
// containers). "" when both hold, otherwise why not (English, for a 415).
std::string file_kind_problem(std::string_view media_type, std::string_view bytes);

// The X-File-Name header: percent-encoded UTF-8 (encodeURIComponent). The decoded name without
// any folder part, or nullopt when it is empty, not UTF-8, has control characters or is longer
// than 200 characters.
std::optional<std::string> decode_file_name(std::string_view header);

// A Content-Disposition value for `name` (RFC 6266): an ASCII fallback plus filename*=UTF-8''.
std::string content_disposition(std::string_view disposition, std::string_view name);

}  // namespace approvals
