// SPDX-License-Identifier: Apache-2.0
// Uploaded files, stored once by content (filings part): <data_dir>/files/<aa>/<sha256>, and a
// `files` table of who uploaded what under which name.
//
// Threading: any handler thread; a file is written to a temporary name and renamed, so a reader
// never sees half of one. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
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

// An upload the store refuses: too large (413) or not a PDF, JPEG or PNG (415). A
// courthub::Error (InvalidArgument), so a route that does not catch it still answers 400.
class FileRefused : public courthub::Error {
 public:
  FileRefused(int http_status, const std::string& message)
      : courthub::Error(courthub::Status::InvalidArgument, message), http_status_(http_status) {}
  int http_status() const noexcept { return http_status_; }
  // The answer to give: http_status() with {"error": {"code", "message"}} as the host's errors.
  courthub::Response response() const;

 private:
  int http_status_;
};

// Stores `bytes` and records that `owner` ("lawyer:<id>" or "staff:<userid>") uploaded it as
// `name` (a folder part is dropped). `declared` is the request's media type ("" when none).
// Errors: FileRefused for a file over filings.max_file_bytes (413) or of another type than PDF,
// JPEG or PNG (415: judged on the bytes; a Content-Type or a name's extension that says another
// type is refused too); InvalidArgument for an empty body or a name that is empty, longer than
// 200 characters or holds control characters; Error when the disk refuses the write.
StoredFile store_file(const App& app, std::string_view bytes, std::string_view name,
                      const std::string& owner, std::string_view declared = {});

// The bytes of a stored file. Errors: NotFound (also for text that is not a SHA-256 in hex).
std::string read_file(const App& app, const std::string& sha256);

// Whether `owner` uploaded the file: a lawyer may reference only their own uploads.
bool owns_file(const courthub::Sql& db, const std::string& owner, const std::string& sha256);

// What `owner` uploaded under that hash (the latest name they gave it), if they did.
std::optional<StoredFile> owned_file(const courthub::Sql& db, const std::string& owner,
                                     const std::string& sha256);

// Whether `text` is a SHA-256 in lower-case hex (64 characters). No errors.
bool is_sha256_hex(std::string_view text);

}  // namespace lawyers
