// SPDX-License-Identifier: Apache-2.0
// Base64 encoding and the two decoders DingTalk needs (payload and EncodingAESKey).

#include "host/dingtalk/base64.hpp"

#include <array>
#include <cstdint>

namespace courthub::dingtalk {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kInvalid = -1;

constexpr std::array<int8_t, 256> kSextets = [] {
  std::array<int8_t, 256> t{};
  t.fill(static_cast<int8_t>(kInvalid));
  for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}();

int sextet(char c) { return kSextets[static_cast<unsigned char>(c)]; }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Packs sextets into bytes, dropping the bits that do not fill a whole byte.
std::string pack(const std::string& sextets) {
  std::string out;
  out.reserve(sextets.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char s : sextets) {
    acc = (acc << 6) | static_cast<uint32_t>(s);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                 (static_cast<uint8_t>(bytes[i + 1]) << 8) | static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // One pass, bytes packed as they complete: this runs on every event callback.
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  size_t significant = 0;  // characters counted for the length rule, '=' included
  size_t padding = 0;
  for (char c : text) {
    const int v = sextet(c);
    if (v != kInvalid) {
      if (padding > 0) return std::nullopt;  // data after '='
      ++significant;
      acc = (acc << 6) | static_cast<uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((acc >> bits) & 0xFF);
      }
    } else if (c == '=') {
      ++significant;
      ++padding;
    } else if (!is_space(c)) {
      return std::nullopt;
    }
  }
  if (significant % 4 != 0 || padding > 2) return std::nullopt;
  return out;
}

std::string base64_decode_key(std::string_view aes_key43) {
  if (aes_key43.size() != 43) return {};
  std::string sextets;
  sextets.reserve(43);
  for (char c : aes_key43) {
    int v = sextet(c);
    if (v == kInvalid) return {};
    sextets += static_cast<char>(v);
  }
  return pack(sextets);  // 43 * 6 = 258 bits -> 32 bytes, the last 2 bits dropped
}

}  // namespace courthub::dingtalk
