// SPDX-License-Identifier: Apache-2.0
// Allowed attachment types, checked by media type and by the file's first bytes; file names in
// headers.
#include "file_kinds.hpp"

#include <array>

namespace approvals {
namespace {

enum class Magic { kPdf, kPng, kJpeg, kWebp, kHeic, kZip, kOle2 };

struct Kind {
  std::string_view media_type;
  Magic magic;
};

constexpr std::array<Kind, 11> kKinds = {{
    {"application/pdf", Magic::kPdf},
    {"image/jpeg", Magic::kJpeg},
    {"image/png", Magic::kPng},
    {"image/webp", Magic::kWebp},
    {"image/heic", Magic::kHeic},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", Magic::kZip},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Magic::kZip},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", Magic::kZip},
    {"application/msword", Magic::kOle2},
    {"application/vnd.ms-excel", Magic::kOle2},
    {"application/vnd.ms-powerpoint", Magic::kOle2},
}};

bool starts(std::string_view bytes, std::string_view prefix, size_t at = 0) {
  return bytes.size() >= at + prefix.size() && bytes.substr(at, prefix.size()) == prefix;
}

bool matches(Magic m, std::string_view b) {
  using namespace std::literals;
  switch (m) {
    case Magic::kPdf:
      return starts(b, "%PDF-");
    case Magic::kPng:
      return starts(b, "\x89PNG\r\n\x1a\n"sv);
    case Magic::kJpeg:
      return starts(b, "\xff\xd8\xff"sv);
    case Magic::kWebp:
      return starts(b, "RIFF") && starts(b, "WEBP", 8);
    case Magic::kHeic:
      return starts(b, "ftyp", 4);
    case Magic::kZip:
      return starts(b, "PK\x03\x04"sv);
    case Magic::kOle2:
      return starts(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv);
  }
  return false;
}

const char* kind_name(Magic m) {
  switch (m) {
    case Magic::kPdf:
      return "a PDF";
    case Magic::kPng:
      return "a PNG image";
    case Magic::kJpeg:
      return "a JPEG image";
    case Magic::kWebp:
      return "a WebP image";
    case Magic::kHeic:
      return "a HEIC image";
    case Magic::kZip:
      return "an Office (OOXML) document";
    case Magic::kOle2:
      return "an Office 97-2003 document";
  }
  return "that type";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Counts the code points of well-formed UTF-8 (no overlongs, surrogates or controls); -1 if not.
long printable_utf8_length(std::string_view s) {
  long n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xe  ? 3
                 : (c >> 3) == 0x1e ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) return -1;
    uint32_t cp = len == 1 ? c : c & (0x7f >> len);
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return -1;
      cp = cp << 6 | (cc & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    if (cp < 0x20 || cp == 0x7f) return -1;
    i += len;
  }
  return n;
}

}  // namespace

std::string allowed_media_types() {
  return "PDF, JPEG, PNG, WebP, HEIC images and Word, Excel, PowerPoint documents "
         "(.doc/.docx, .xls/.xlsx, .ppt/.pptx)";
}

std::string file_kind_problem(std::string_view media_type, std::string_view bytes) {
  for (auto& k : kKinds) {
    if (k.media_type != media_type) continue;
    if (matches(k.magic, bytes)) return "";
    return "the file is sent as " + std::string(media_type) + " but is not " + kind_name(k.magic);
  }
  return (media_type.empty() ? std::string("a file without a Content-Type")
                             : "files of type " + std::string(media_type)) +
         " cannot be attached; allowed: " + allowed_media_types();
}

std::optional<std::string> decode_file_name(std::string_view header) {
  std::string name;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] != '%') {
      name += header[i];
      continue;
    }
    if (i + 2 >= header.size()) return std::nullopt;
    int hi = hex_value(header[i + 1]), lo = hex_value(header[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    name += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  long length = printable_utf8_length(name);
  if (name.empty() || length < 0 || length > 200) return std::nullopt;
  return name;
}

std::string content_disposition(std::string_view disposition, std::string_view name) {
  std::string ascii, encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
    ascii += c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? ch : '_';
    if (plain)
      encoded += ch;
    else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return std::string(disposition) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace approvals
