// SPDX-License-Identifier: Apache-2.0
// StaticFiles: path checks, content types, ETags, gzip and the remembered files.
#include "host/http/static_files.hpp"

#include <Poco/DeflatingStream.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/URI.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "host/http/router.hpp"

namespace courthub::http {
namespace fs = std::filesystem;
namespace {

struct Type {
  std::string_view extension, content_type;
  bool compress;
};
constexpr Type kTypes[] = {
    {".html", "text/html; charset=utf-8", true},
    {".js", "text/javascript; charset=utf-8", true},
    {".mjs", "text/javascript; charset=utf-8", true},
    {".css", "text/css; charset=utf-8", true},
    {".json", "application/json; charset=utf-8", true},
    {".map", "application/json; charset=utf-8", true},
    {".txt", "text/plain; charset=utf-8", true},
    {".svg", "image/svg+xml; charset=utf-8", true},
    {".ico", "image/x-icon", true},
    {".png", "image/png", false},
    {".jpg", "image/jpeg", false},
    {".jpeg", "image/jpeg", false},
    {".webp", "image/webp", false},
    {".woff2", "font/woff2", false},
};

const Type* type_of(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  std::string ext(name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (auto& t : kTypes)
    if (t.extension == ext) return &t;
  return nullptr;
}

bool has_ci(std::string_view text, std::string_view part) {
  auto it = std::search(text.begin(), text.end(), part.begin(), part.end(),
                        [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  return it != text.end();
}

// The request's path below the folder, decoded and checked, or an error message. Checks run on
// the encoded form first (what decoding would hide) and on the decoded segments after.
std::optional<std::string> checked_path(std::string_view raw, std::string* problem) {
  for (std::string_view bad : {"%2f", "%5c", "%00"}) {
    if (has_ci(raw, bad)) {
      *problem = "encoded slashes and NUL are not allowed in a page path";
      return std::nullopt;
    }
  }
  std::string decoded;
  try {
    Poco::URI::decode(std::string(raw), decoded);
  } catch (const Poco::Exception&) {
    *problem = "the page path is not valid percent-encoding";
    return std::nullopt;
  }
  if (decoded.empty() || decoded.back() == '/') decoded += "index.html";
  size_t start = 0;
  while (start <= decoded.size()) {
    size_t slash = decoded.find('/', start);
    std::string_view seg(decoded.data() + start,
                         (slash == std::string::npos ? decoded.size() : slash) - start);
    if (seg.empty() || seg == "." || seg == "..") {
      *problem = "empty, '.' and '..' segments are not allowed in a page path";
      return std::nullopt;
    }
    for (unsigned char c : seg) {
      if (c < 0x20 || c == 0x7f || c == '\\') {
        *problem = "control characters and backslashes are not allowed in a page path";
        return std::nullopt;
      }
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return decoded;
}

// The real path of `rel` under `root`, if it is a regular file inside it (symlinks resolved).
std::optional<fs::path> inside(const fs::path& root, const std::string& rel) {
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path real = fs::canonical(real_root / rel, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  auto [r, f] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (r != real_root.end() || f == real.end()) return std::nullopt;
  return real;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string gzip(const std::string& data) {
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 9);
    deflater.write(data.data(), static_cast<std::streamsize>(data.size()));
    deflater.close();
  }
  return out.str();
}

std::string etag_of(const std::string& data) {
  Poco::SHA1Engine sha;
  sha.update(data);
  return "\"" + Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 20) + "\"";
}

// If-None-Match: "*" or a comma-separated list of (possibly weak) tags.
bool matches(const std::string& if_none_match, const std::string& etag) {
  if (if_none_match.empty()) return false;
  size_t start = 0;
  while (start < if_none_match.size()) {
    size_t comma = if_none_match.find(',', start);
    std::string tag =
        if_none_match.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return false;
}

std::string trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// Accept-Encoding names gzip (or *) without q=0.
bool accepts_gzip(std::string_view accept_encoding) {
  size_t start = 0;
  while (start <= accept_encoding.size()) {
    size_t comma = std::min(accept_encoding.find(',', start), accept_encoding.size());
    std::string_view item = accept_encoding.substr(start, comma - start);
    size_t semi = std::min(item.find(';'), item.size());
    std::string name = trimmed(item.substr(0, semi));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (name == "gzip" || name == "*") {
      std::string q = trimmed(item.substr(std::min(semi + 1, item.size())));
      // q=0, q=0.0, q=0.00, q=0.000 refuse it; anything else accepts.
      bool zero = q.rfind("q=0", 0) == 0 && q.find_first_not_of("0.", 2) == std::string::npos;
      return !zero;
    }
    start = comma + 1;
  }
  return false;
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  const Type* t = type_of(file_name);
  return t ? t->content_type : "application/octet-stream";
}

std::shared_ptr<const StaticFiles::File> StaticFiles::load(const fs::path& real,
                                                           const std::optional<fs::path>& gz) {
  std::error_code ec;
  auto mtime = fs::last_write_time(real, ec);
  uintmax_t size = fs::file_size(real, ec);
  if (ec || size > kMaxFileBytes) return nullptr;
  const std::string key = real.string();
  {
    std::lock_guard lock(mu_);
    auto it = files_.find(key);
    if (it != files_.end() && it->second->mtime == mtime && it->second->size == size) {
      it->second->used = ++clock_;
      return it->second;
    }
  }
  auto f = std::make_shared<File>();
  f->mtime = mtime;
  f->size = size;
  f->body = read_file(real);
  f->etag = etag_of(f->body);
  const Type* t = type_of(real.filename().string());
  if (t && t->compress && f->body.size() >= 256) {
    // A precompressed neighbour (vite-plugin-compression's <file>.gz) wins if it is current.
    if (gz && fs::last_write_time(*gz, ec) >= mtime && !ec)
      f->gzipped = read_file(*gz);
    else
      f->gzipped = gzip(f->body);
    if (f->gzipped.size() >= f->body.size()) f->gzipped.clear();
    if (!f->gzipped.empty()) f->gzip_etag = f->etag.substr(0, f->etag.size() - 1) + "-gz\"";
  }
  std::lock_guard lock(mu_);
  f->used = ++clock_;
  auto& slot = files_[key];
  if (slot) bytes_ -= slot->body.size() + slot->gzipped.size();
  slot = f;
  bytes_ += f->body.size() + f->gzipped.size();
  while (bytes_ > kCacheBytes && files_.size() > 1) {
    auto oldest = std::min_element(files_.begin(), files_.end(), [](auto& a, auto& b) {
      return a.second->used < b.second->used;
    });
    bytes_ -= oldest->second->body.size() + oldest->second->gzipped.size();
    files_.erase(oldest);
  }
  return f;
}

void StaticFiles::serve(Exchange& ex, const fs::path& root, std::string_view rest) {
  if (!allow_methods(ex, {"GET", "HEAD"})) return;
  std::string problem;
  auto rel = checked_path(rest, &problem);
  if (!rel) {
    ex.respond_error(400, "invalid_path", problem);
    return;
  }
  // Dot-files (.env, .git) are never part of a built page.
  if ((*rel)[0] == '.' || rel->find("/.") != std::string::npos) {
    ex.respond_error(404, "not_found", "no page file at " + ex.path());
    return;
  }
  auto real = inside(root, *rel);
  // The precompressed neighbour must be inside the folder too.
  auto file = real ? load(*real, inside(root, *rel + ".gz")) : nullptr;
  if (!file) {
    ex.respond_error(404, "not_found", "no page file at " + ex.path());
    return;
  }
  const Type* type = type_of(*rel);
  bool gzipped = !file->gzipped.empty() && accepts_gzip(ex.header("Accept-Encoding"));
  const std::string& etag = gzipped ? file->gzip_etag : file->etag;
  std::vector<std::pair<std::string, std::string>> headers = {
      {"ETag", etag},
      {"Cache-Control",
       rel->rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache"},
      {"X-Content-Type-Options", "nosniff"}};
  if (!file->gzipped.empty()) headers.emplace_back("Vary", "Accept-Encoding");
  std::string inm = ex.header("If-None-Match");
  if (matches(inm, file->etag) || (!file->gzip_etag.empty() && matches(inm, file->gzip_etag))) {
    headers[0].second = etag;
    ex.respond(304, "", "", headers);
    return;
  }
  if (gzipped) headers.emplace_back("Content-Encoding", "gzip");
  // POCO sends the headers of a HEAD answer (Content-Length included) without the body.
  ex.respond(200, type ? type->content_type : "application/octet-stream",
             gzipped ? file->gzipped : file->body, headers);
}

}  // namespace courthub::http
