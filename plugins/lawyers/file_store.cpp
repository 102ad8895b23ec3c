// SPDX-License-Identifier: Apache-2.0
// The file store: content-addressed files under the plugin's data directory, and who uploaded
// them.
#include "file_store.hpp"

#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "file_type.hpp"

namespace lawyers {
namespace {

namespace fs = std::filesystem;
using courthub::Json;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

fs::path path_of(const App& app, const std::string& sha256) {
  return fs::path(app.host.data_dir()) / "files" / sha256.substr(0, 2) / sha256;
}

// The name without any folder part; "" when it is not acceptable.
std::string clean_name(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  size_t chars = 0;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return {};
    if ((c & 0xC0) != 0x80) ++chars;
  }
  if (chars == 0 || chars > 200) return {};
  return std::string(name);
}

// Writes the file unless it is there already: to a temporary name first, then renamed, so no
// reader ever sees part of it.
void write_once(const fs::path& target, std::string_view bytes) {
  std::error_code ec;
  if (fs::exists(target, ec) && fs::file_size(target, ec) == bytes.size()) return;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw courthub::Error(courthub::Status::Error, "cannot create the file folder");
  unsigned char nonce[8];
  randombytes_buf(nonce, sizeof nonce);
  char hex[sizeof nonce * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, nonce, sizeof nonce);
  fs::path tmp = target;
  tmp += std::string(".tmp-") + hex;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      throw courthub::Error(courthub::Status::Error, "cannot write the uploaded file");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw courthub::Error(courthub::Status::Error, "cannot store the uploaded file");
  }
}

}  // namespace

courthub::Response FileRefused::response() const {
  const char* code = http_status_ == 413 ? "payload_too_large" : "unsupported_media_type";
  return courthub::Response::json(
      Json::object({{"error", Json::object({{"code", code}, {"message", what()}})}}),
      http_status_);
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

StoredFile store_file(const App& app, std::string_view bytes, std::string_view name,
                      const std::string& owner, std::string_view declared) {
  if (bytes.empty()) throw courthub::InvalidArgument("the body is empty: send the file itself");
  const int64_t limit = app.settings.filings.max_file_bytes;
  if (static_cast<int64_t>(bytes.size()) > limit)
    throw FileRefused(413, "the file is " + std::to_string(bytes.size()) +
                               " bytes; files may be at most " + std::to_string(limit) + " bytes");
  if (std::string problem = file_type_problem(bytes, name, declared); !problem.empty())
    throw FileRefused(415, problem);
  StoredFile f;
  f.name = clean_name(name);
  if (f.name.empty())
    throw courthub::InvalidArgument(
        "?name= is required: the file's name, at most 200 characters, no control characters");
  if (sodium_init() < 0) throw courthub::Error(courthub::Status::Error, "libsodium failed");
  f.sha256 = sha256_hex(bytes);
  f.size = static_cast<int64_t>(bytes.size());
  f.type = sniff_file_type(bytes);
  write_once(path_of(app, f.sha256), bytes);
  app.host.db().exec(
      "INSERT INTO files (sha256, owner, name, size, type, at_ms) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (sha256, owner, name) DO UPDATE SET at_ms = excluded.at_ms",
      {f.sha256, owner, f.name, f.size, f.type, app.host.now_ms()});
  return f;
}

std::string read_file(const App& app, const std::string& sha256) {
  if (!is_sha256_hex(sha256)) throw courthub::NotFound("no file " + sha256);
  std::ifstream in(path_of(app, sha256), std::ios::binary);
  if (!in) throw courthub::NotFound("no file " + sha256);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool owns_file(const courthub::Sql& db, const std::string& owner, const std::string& sha256) {
  return db.one("SELECT 1 AS yes FROM files WHERE owner = ? AND sha256 = ?", {owner, sha256})
      .has_value();
}

std::optional<StoredFile> owned_file(const courthub::Sql& db, const std::string& owner,
                                     const std::string& sha256) {
  auto row = db.one(
      "SELECT sha256, size, type, name FROM files WHERE owner = ? AND sha256 = ? "
      "ORDER BY at_ms DESC, id DESC LIMIT 1",
      {owner, sha256});
  if (!row) return std::nullopt;
  return StoredFile{row->text("sha256"), row->integer("size"), row->text("type"),
                    row->text("name")};
}

}  // namespace lawyers
