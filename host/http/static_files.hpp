// SPDX-License-Identifier: Apache-2.0
// A folder of static files served over HTTP: a plugin's built H5 pages under /apps/<plugin>/ui/.
//
// GET and HEAD only. Content types by extension (text ones with charset=utf-8); a strong ETag
// from the content, with If-None-Match answering 304; Cache-Control "no-cache" except under
// assets/ (Vite's content-hashed names), which are immutable for a year; gzip when the client
// accepts it, from a precompressed <file>.gz beside the file or compressed once and remembered.
// Nothing outside the folder is ever served: encoded slashes, NUL, "." and ".." segments (also
// percent-encoded) and dot-files are refused, and a file whose real path (symlinks resolved)
// leaves the folder is not found.
//
// Threading: serve() from any thread; the remembered files are behind a mutex.
// Errors: answered on the exchange as JSON: 400 invalid_path, 404 not_found, 405.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "host/http/exchange.hpp"

namespace courthub::http {

// The content type for a file name, by its extension; "application/octet-stream" if unknown.
std::string_view content_type_for(std::string_view file_name);

class StaticFiles {
 public:
  // Answers `ex` from `root` (a folder; it need not exist). `rest` is the request path below the
  // folder's URL prefix, still percent-encoded, e.g. "assets/app-1f3a.js"; "" and names ending
  // in '/' mean the folder's index.html.
  void serve(Exchange& ex, const std::filesystem::path& root, std::string_view rest);

  // Remembered files are dropped, oldest first, beyond this many bytes (plain + gzip).
  static constexpr size_t kCacheBytes = 64u << 20;
  // Larger files are refused (404): pages are small; a large download is not a page.
  static constexpr uintmax_t kMaxFileBytes = 32u << 20;

 private:
  struct File {
    std::string body, gzipped;  // gzipped empty when not worth compressing
    std::string etag, gzip_etag;
    std::filesystem::file_time_type mtime;
    uintmax_t size = 0;
    mutable uint64_t used = 0;  // guarded by mu_
  };
  // `real` (inside the folder) as remembered, reread if it changed; `gz` its precompressed
  // neighbour, if one is inside the folder. nullptr when unreadable or too large.
  std::shared_ptr<const File> load(const std::filesystem::path& real,
                                   const std::optional<std::filesystem::path>& gz);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const File>> files_;  // by real path
  size_t bytes_ = 0;
  uint64_t clock_ = 0;
};

}  // namespace courthub::http
