// SPDX-License-Identifier: Apache-2.0
// The wire format between the host and a plugin runner process (docs/operations.md, "Plugin
// isolation"): small, versioned, length-prefixed binary frames over a Unix stream socket.
//
//   frame   = u32 length (little endian) | payload of `length` bytes, 4 <= length <= kMaxFrame
//   payload = u8 version (kFrameVersion) | u8 kind (Call | Return) | u16 op | fields...
//   fields  = u8 | u32 | u64 | i64 | f64, little endian; str = u32 size | size bytes
//
// The reader trusts nothing: every length is checked against what is left, and a frame that
// does not decode is a protocol error (the host then kills the runner). No threads here;
// a FrameWriter or FrameReader belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace courthub::plugins::wire {

inline constexpr uint8_t kFrameVersion = 1;
// Room for the largest request body (server.max_body_bytes is at most 1 GiB) and its request;
// a bigger length is garbage. Memory grows only as bytes arrive.
inline constexpr uint32_t kMaxFrame = (1u << 30) + (16u << 20);

enum class Kind : uint8_t { Call = 1, Return = 2 };

// Builds one frame: header first, then fields; bytes() is ready to write.
class FrameWriter {
 public:
  FrameWriter(Kind kind, uint16_t op);
  FrameWriter& u8(uint8_t v);
  FrameWriter& u32(uint32_t v);
  FrameWriter& u64(uint64_t v);
  FrameWriter& i64(int64_t v) { return u64(static_cast<uint64_t>(v)); }
  FrameWriter& i32(int32_t v) { return u32(static_cast<uint32_t>(v)); }
  FrameWriter& f64(double v);
  FrameWriter& str(std::string_view s);
  // Bytes already encoded as fields (another writer's payload after its header).
  FrameWriter& raw(std::string_view bytes);
  // The whole frame, length prefix included (the prefix is filled in here).
  const std::string& bytes();
  // The payload only (what a FrameReader reads).
  std::string_view payload() const { return std::string_view(buf_).substr(4); }

 private:
  std::string buf_;
};

// Reads one payload. A read past the end returns zero values and sets failed(); check ok()
// after the last field, so one check covers a whole message.
class FrameReader {
 public:
  explicit FrameReader(std::string_view payload);
  // Whether the header was well formed (version, kind). kind() and op() are valid only then.
  bool header_ok() const { return header_ok_; }
  Kind kind() const { return kind_; }
  uint16_t op() const { return op_; }

  uint8_t u8();
  uint32_t u32();
  uint64_t u64();
  int64_t i64() { return static_cast<int64_t>(u64()); }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  double f64();
  std::string_view str();  // a view into the payload
  // A count of items each at least `min_item_bytes` long: refused (failed) when the payload
  // cannot hold that many, so a hostile count never drives a large allocation.
  uint32_t count(size_t min_item_bytes);

  bool ok() const { return header_ok_ && !failed_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool take(size_t n);
  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
  bool header_ok_ = false;
  Kind kind_ = Kind::Call;
  uint16_t op_ = 0;
};

enum class ReadResult { Ok, Eof, Garbage, IoError };

// Reads one frame's payload from `fd` into `payload` (blocking; retries EINTR).
// Eof: the peer closed cleanly between frames. Garbage: a length of 0..3 or over kMaxFrame, or
// the stream ended inside a frame. IoError: the socket failed.
ReadResult read_frame(int fd, std::string& payload);

// Writes all of `bytes` (a FrameWriter's bytes()); false when the peer is gone. Never raises
// SIGPIPE.
bool write_all(int fd, std::string_view bytes);

}  // namespace courthub::plugins::wire
