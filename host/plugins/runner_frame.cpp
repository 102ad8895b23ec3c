// SPDX-License-Identifier: Apache-2.0
// Encoding, decoding and socket I/O of runner frames.
#include "host/plugins/runner_frame.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace courthub::plugins::wire {
namespace {

constexpr size_t kHeader = 4;  // version, kind, op

void put_le(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t get_le(const char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// Reads exactly n bytes; returns the number read before EOF (n on success), -1 on error.
ssize_t read_exactly(int fd, char* out, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, out + got, n - got);
    if (r == 0) return static_cast<ssize_t>(got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    got += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

}  // namespace

FrameWriter::FrameWriter(Kind kind, uint16_t op) {
  buf_.reserve(64);
  buf_.append(4, '\0');  // the length, filled in by bytes()
  buf_.push_back(static_cast<char>(kFrameVersion));
  buf_.push_back(static_cast<char>(kind));
  put_le(buf_, op, 2);
}

FrameWriter& FrameWriter::u8(uint8_t v) {
  buf_.push_back(static_cast<char>(v));
  return *this;
}
FrameWriter& FrameWriter::u32(uint32_t v) {
  put_le(buf_, v, 4);
  return *this;
}
FrameWriter& FrameWriter::u64(uint64_t v) {
  put_le(buf_, v, 8);
  return *this;
}
FrameWriter& FrameWriter::f64(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return u64(bits);
}
FrameWriter& FrameWriter::str(std::string_view s) {
  u32(static_cast<uint32_t>(s.size()));
  buf_.append(s.data(), s.size());
  return *this;
}

FrameWriter& FrameWriter::raw(std::string_view bytes) {
  buf_.append(bytes.data(), bytes.size());
  return *this;
}

const std::string& FrameWriter::bytes() {
  uint32_t len = static_cast<uint32_t>(buf_.size() - 4);
  for (int i = 0; i < 4; ++i) buf_[i] = static_cast<char>((len >> (8 * i)) & 0xff);
  return buf_;
}

FrameReader::FrameReader(std::string_view payload) : data_(payload) {
  if (data_.size() < kHeader) return;
  auto version = static_cast<uint8_t>(data_[0]);
  auto kind = static_cast<uint8_t>(data_[1]);
  if (version != kFrameVersion) return;
  if (kind != static_cast<uint8_t>(Kind::Call) && kind != static_cast<uint8_t>(Kind::Return)) return;
  kind_ = static_cast<Kind>(kind);
  op_ = static_cast<uint16_t>(get_le(data_.data() + 2, 2));
  pos_ = kHeader;
  header_ok_ = true;
}

bool FrameReader::take(size_t n) {
  if (failed_ || !header_ok_ || data_.size() - pos_ < n) {
    failed_ = true;
    return false;
  }
  return true;
}

uint8_t FrameReader::u8() {
  if (!take(1)) return 0;
  return static_cast<uint8_t>(data_[pos_++]);
}
uint32_t FrameReader::u32() {
  if (!take(4)) return 0;
  auto v = static_cast<uint32_t>(get_le(data_.data() + pos_, 4));
  pos_ += 4;
  return v;
}
uint64_t FrameReader::u64() {
  if (!take(8)) return 0;
  uint64_t v = get_le(data_.data() + pos_, 8);
  pos_ += 8;
  return v;
}
double FrameReader::f64() {
  uint64_t bits = u64();
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}
std::string_view FrameReader::str() {
  uint32_t n = u32();
  if (!take(n)) return {};
  std::string_view s = data_.substr(pos_, n);
  pos_ += n;
  return s;
}
uint32_t FrameReader::count(size_t min_item_bytes) {
  uint32_t n = u32();
  if (failed_) return 0;
  size_t left = data_.size() - pos_;
  if (min_item_bytes > 0 && n > left / min_item_bytes) {
    failed_ = true;
    return 0;
  }
  return n;
}

ReadResult read_frame(int fd, std::string& payload) {
  char prefix[4];
  ssize_t got = read_exactly(fd, prefix, 4);
  if (got < 0) return ReadResult::IoError;
  if (got == 0) return ReadResult::Eof;
  if (got < 4) return ReadResult::Garbage;
  auto len = static_cast<uint32_t>(get_le(prefix, 4));
  if (len < kHeader || len > kMaxFrame) return ReadResult::Garbage;
  // Grows with what arrives, so a length that lies costs no memory before the bytes come.
  constexpr size_t kChunk = 1 << 20;
  payload.clear();
  while (payload.size() < len) {
    size_t at = payload.size();
    size_t n = std::min<size_t>(kChunk, len - at);
    payload.resize(at + n);
    got = read_exactly(fd, payload.data() + at, n);
    if (got < 0) return ReadResult::IoError;
    if (static_cast<size_t>(got) < n) return ReadResult::Garbage;
  }
  return ReadResult::Ok;
}

bool write_all(int fd, std::string_view bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t w = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    sent += static_cast<size_t>(w);
  }
  return true;
}

}  // namespace courthub::plugins::wire
