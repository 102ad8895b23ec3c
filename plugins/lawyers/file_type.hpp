// SPDX-License-Identifier: Apache-2.0
// What kind of file a lawyer's upload is, judged by its bytes: PDF, JPEG or PNG, nothing else.
// Pure functions; any thread; no exceptions.
#pragma once

#include <string>
#include <string_view>

namespace lawyers {

// "application/pdf", "image/jpeg" or "image/png" when `bytes` start as such a file does
// (%PDF-, FF D8 FF, the PNG signature); "" for anything else.
std::string sniff_file_type(std::string_view bytes);

// The media type a file name's extension claims (.pdf, .jpg/.jpeg, .png, any case); "" when the
// name has no extension, and "?" for an extension of another kind (.docx, .exe ...).
std::string type_of_extension(std::string_view name);

// Why an upload named `name`, declared as `declared` (a media type without parameters; "" or
// application/octet-stream when the client did not say) is refused for its type; "" when its
// bytes are a PDF, JPEG or PNG and neither the declared type nor the name's extension says
// otherwise. English, for a 415.
std::string file_type_problem(std::string_view bytes, std::string_view name,
                              std::string_view declared);

}  // namespace lawyers
