// SPDX-License-Identifier: Apache-2.0
// Uploaded files, stored once by content (filings part): <data_dir>/files/<aa>/<sha256>.
//
// Threading: any handler thread; a file is written to a temporary name and renamed, so a reader
// never sees half of one. Errors: see each function.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "app.hpp"

namespace lawyers {

struct StoredFile {
  std::string sha256;  // lower-case hex
  int64_t size = 0;
  std::string type;    // application/pdf, image/jpeg or image/png (from the bytes)
  std::string name;    // as uploaded
};

// Stores `bytes` and records that `owner` ("lawyer:<id>" or "staff:<userid>") uploaded it as
// `name`. Errors: InvalidArgument (413/415 in the route) for a file over
// filings.max_file_bytes or of another type than PDF, JPEG or PNG (checked on the bytes).
StoredFile store_file(const App& app, std::string_view bytes, std::string_view name,
                      const std::string& owner);

// The bytes of a stored file. Errors: NotFound.
std::string read_file(const App& app, const std::string& sha256);

// Whether `owner` uploaded the file: a lawyer may reference only their own uploads.
bool owns_file(const courthub::Database& db, const std::string& owner, const std::string& sha256);

}  // namespace lawyers
