// SPDX-License-Identifier: Apache-2.0
// A strict, incremental HTTP/1.1 request parser: one request at a time out of a connection's
// input buffer, header and body (Content-Length or chunked), within the edge's limits.
//
// Strict where leniency lets two parsers disagree about where a request ends (request
// smuggling): lines end with CRLF (a bare LF or CR is refused), no folded header lines, no
// whitespace before a header's colon, Content-Length only digits and never two different ones,
// never both Content-Length and Transfer-Encoding, Transfer-Encoding only `chunked`, chunk sizes
// only hex digits. Header values may carry bytes >= 0x80 only as well-formed UTF-8 (Chinese
// text passes; a lone \xff is refused): no byte ever ends the header section early.
// Every refusal is final: the connection answers it and closes.
//
// Threading: a parser belongs to one connection and is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace courthub::http::edge {

struct ParserLimits {
  size_t max_request_line_bytes = 8192;
  size_t max_header_bytes = 16384;  // request line, header lines and chunked trailers together
  int64_t max_body_bytes = 1 << 20;
};

// One whole request, as the handlers see it.
struct Request {
  std::string method;
  std::string target;     // as sent: path and query, still percent-encoded
  int minor_version = 1;  // HTTP/1.<minor>
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;                                          // decoded (chunked) and complete
  bool keep_alive = true;
  bool expect_continue = false;

  // The first header named `lower_name` (lower case), or nullptr.
  const std::string* find(std::string_view lower_name) const;
};

// Why a request was refused: the answer the edge gives before closing.
struct Refusal {
  int status = 400;
  std::string code;     // e.g. "bad_request"
  std::string message;  // ASCII, no request bytes echoed
};

class RequestParser {
 public:
  enum class Step {
    NeedMore,    // everything so far is fine; read more
    HeaderDone,  // the header has just been parsed and a body is still to come (once per request)
    Complete,    // request() is whole; consumed() bytes of the input belong to it
    Refused,     // refusal() says why; the connection must close
  };

  explicit RequestParser(ParserLimits limits) : limits_(limits) {}

  // Parses on from where the last call stopped; `in` is the connection's input, starting at
  // the current request's first byte (bytes already seen must still be there). Call again
  // after HeaderDone without new input to go on with the body.
  Step parse(std::string_view in);

  // After Complete: the request (moved out by take()) and how many input bytes it took.
  Request take();
  size_t consumed() const { return pos_; }
  const Refusal& refusal() const { return refusal_; }
  // After HeaderDone or later: the declared body size (-1 when chunked or none).
  int64_t content_length() const { return content_length_; }
  bool header_started() const { return pos_ > 0 || state_ != State::RequestLine; }
  // Body bytes received so far (decoded), for the minimum-rate check.
  int64_t body_received() const { return static_cast<int64_t>(request_.body.size()); }
  bool in_body() const;
  // After HeaderDone: whether the client waits for "100 Continue" before sending the body.
  bool expects_continue() const { return request_.expect_continue; }

  // Ready for the next request on the same connection (after Complete and take()).
  void reset();

 private:
  enum class State {
    RequestLine,
    Headers,
    Body,
    ChunkSize,
    ChunkData,
    ChunkDataEnd,
    Trailers,
    Done,
    Failed
  };

  Step refuse(int status, std::string code, std::string message);
  Step malformed(const std::string& detail);  // 400 invalid_argument
  // What next_line() found from pos_.
  enum class Line { Ready, NeedMore, Bad, TooLong };
  // The next CRLF-terminated line from pos_ into `line` (without the CRLF; pos_ moves past it).
  // At most `max_bytes` bytes, CRLF included. Whichever problem comes first in the bytes wins (a
  // bare LF, a CR followed by anything but LF: Bad; byte max_bytes + 1: TooLong), so the answer
  // never depends on how the bytes were cut into reads.
  Line next_line(std::string_view in, size_t max_bytes, std::string_view& line);
  bool parse_request_line(std::string_view line);
  bool parse_header_line(std::string_view line);
  Step finish_header();

  ParserLimits limits_;
  State state_ = State::RequestLine;
  size_t pos_ = 0;           // bytes of the input consumed by the current request
  size_t scanned_ = 0;       // bytes next_line() has seen without finding the line's end
  size_t header_bytes_ = 0;  // header and trailer bytes so far
  int64_t content_length_ = -1;
  int64_t chunk_left_ = 0;
  bool chunked_ = false;
  Request request_;
  Refusal refusal_;
};

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace courthub::http::edge
