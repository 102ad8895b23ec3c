// SPDX-License-Identifier: Apache-2.0
#include "watermark_font.hpp"

#include <courthub/error.hpp>

#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace lawyers {
namespace {

uint32_t be32(std::string_view s, size_t at) {
  if (at + 4 > s.size()) throw courthub::InvalidArgument("font file is truncated");
  return static_cast<uint32_t>(static_cast<uint8_t>(s[at])) << 24 |
         static_cast<uint32_t>(static_cast<uint8_t>(s[at + 1])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(s[at + 2])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(s[at + 3]));
}

void put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

}  // namespace

std::string first_face(std::string_view font) {
  const std::string_view tag = font.substr(0, 4);
  if (tag == std::string_view("\0\1\0\0", 4) || tag == "true") return std::string(font);
  if (tag != "ttcf") throw courthub::InvalidArgument("not a TrueType font or collection");
  // TTC header: tag, version, numFonts, offsets[numFonts]; each offset points at an ordinary
  // sfnt table directory whose table offsets count from the start of the collection.
  const uint32_t dir = be32(font, 12);
  const uint32_t tables = be32(font, dir + 4) >> 16;
  std::string out(font.substr(dir, 12));
  std::string data;
  const uint32_t first_data = 12 + 16 * tables;
  for (uint32_t i = 0; i < tables; ++i) {
    const size_t record = dir + 12 + 16 * i;
    const uint32_t offset = be32(font, record + 8), length = be32(font, record + 12);
    if (static_cast<size_t>(offset) + length > font.size())
      throw courthub::InvalidArgument("font file is truncated");
    out += font.substr(record, 8);  // tag and checksum: the table's bytes are unchanged
    put32(out, first_data + static_cast<uint32_t>(data.size()));
    put32(out, length);
    data += font.substr(offset, length);
    while (data.size() % 4) data += '\0';  // tables start on 4-byte boundaries
  }
  return out + data;
}

std::shared_ptr<const std::string> truetype_font(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const std::string>> fonts;
  std::lock_guard lock(mu);
  if (auto it = fonts.find(path); it != fonts.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw courthub::Unavailable("cannot read the watermark font '" + path + "'");
  std::stringstream bytes;
  bytes << in.rdbuf();
  try {
    auto font = std::make_shared<const std::string>(first_face(bytes.str()));
    fonts.emplace(path, font);
    return font;
  } catch (const courthub::Error& e) {
    throw courthub::Unavailable("the watermark font '" + path + "': " + e.what());
  }
}

}  // namespace lawyers
