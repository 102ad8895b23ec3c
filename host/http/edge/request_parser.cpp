// SPDX-License-Identifier: Apache-2.0
// RequestParser: the request line, header lines, Content-Length and chunked bodies.
#include "host/http/edge/request_parser.hpp"

#include <algorithm>

namespace courthub::http::edge {
namespace {

// RFC 9110 tchar.
bool is_tchar(unsigned char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `list` (a comma-separated header value) names `token`, case-insensitively.
bool lists(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = trim_ows(list.substr(0, comma));
    if (item.size() == token.size() && lowered(item) == token) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

constexpr size_t kMaxChunkLine = 1024;

}  // namespace

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(extra) >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<size_t>(extra) + 1;
  }
  return true;
}

const std::string* Request::find(std::string_view lower_name) const {
  for (auto& [k, v] : headers)
    if (k == lower_name) return &v;
  return nullptr;
}

bool RequestParser::in_body() const {
  return state_ == State::Body || state_ == State::ChunkSize || state_ == State::ChunkData ||
         state_ == State::ChunkDataEnd || state_ == State::Trailers;
}

void RequestParser::reset() {
  state_ = State::RequestLine;
  pos_ = 0;
  scanned_ = 0;
  header_bytes_ = 0;
  content_length_ = -1;
  chunk_left_ = 0;
  chunked_ = false;
  request_ = Request();
  refusal_ = Refusal();
}

Request RequestParser::take() {
  return std::move(request_);
}

RequestParser::Step RequestParser::malformed(const std::string& detail) {
  return refuse(400, "invalid_argument", "malformed HTTP request: " + detail);
}

RequestParser::Step RequestParser::refuse(int status, std::string code, std::string message) {
  state_ = State::Failed;
  refusal_ = Refusal{status, std::move(code), std::move(message)};
  return Step::Refused;
}

RequestParser::Line RequestParser::next_line(std::string_view in, size_t max_bytes,
                                             std::string_view& line) {
  // Byte by byte, so that the first problem in the bytes is the one reported whether the line
  // arrived whole or a byte at a time (a smuggler must not choose the answer by cutting reads).
  // Bytes an earlier call already saw (the caller appends to `in`) are not looked at again: a
  // header trickled a byte at a time costs linear time, not quadratic.
  for (size_t i = std::max(pos_, scanned_); i < in.size(); ++i) {
    const char c = in[i];
    const bool after_cr = i > pos_ && in[i - 1] == '\r';
    if (c == '\n') {
      if (!after_cr) return Line::Bad;  // a bare LF
    } else if (after_cr) {
      return Line::Bad;  // a CR followed by anything but LF
    }
    if (i - pos_ >= max_bytes) return Line::TooLong;
    if (c == '\n') {
      line = in.substr(pos_, i - 1 - pos_);
      pos_ = i + 1;
      return Line::Ready;
    }
  }
  scanned_ = in.size();
  return Line::NeedMore;
}

bool RequestParser::parse_request_line(std::string_view line) {
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos) return false;
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return false;
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (!is_token(method) || target.empty()) return false;
  // Raw UTF-8 (a query's Chinese file name) is taken as sent; other bytes >= 0x80 are not.
  bool high = false;
  for (char c : target) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
    high = high || u >= 0x80;
  }
  if (high && !valid_utf8(target)) return false;
  if (target[0] != '/' && !(target == "*" && method == "OPTIONS") &&
      target.rfind("http://", 0) != 0 && target.rfind("https://", 0) != 0) {
    return false;
  }
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
      version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9') {
    return false;
  }
  if (version[5] != '1') {
    refuse(505, "http_version_not_supported", "only HTTP/1.0 and HTTP/1.1 are spoken here");
    return false;
  }
  request_.method = std::string(method);
  request_.target = std::string(target);
  request_.minor_version = version[7] - '0';
  return true;
}

bool RequestParser::parse_header_line(std::string_view line) {
  if (line[0] == ' ' || line[0] == '\t') return false;  // obsolete line folding
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view name = line.substr(0, colon);
  if (!is_token(name)) return false;  // also: no whitespace before the colon
  std::string_view value = trim_ows(line.substr(colon + 1));
  bool high = false;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      high = true;
    } else if ((u < 0x20 && u != '\t') || u == 0x7F) {
      return false;
    }
  }
  if (high && !valid_utf8(value)) return false;
  if (state_ == State::Headers) request_.headers.emplace_back(lowered(name), std::string(value));
  return true;
}

RequestParser::Step RequestParser::finish_header() {
  auto& r = request_;
  std::optional<std::string_view> length;
  int transfer_encodings = 0;
  std::string_view transfer_encoding;
  for (auto& [name, value] : r.headers) {
    if (name == "content-length") {
      if (!all_digits(value) || value.size() > 18) {
        return malformed("Content-Length must be a decimal number");
      }
      if (length && *length != value) {
        return malformed("two different Content-Length headers");
      }
      length = value;
    } else if (name == "transfer-encoding") {
      ++transfer_encodings;
      transfer_encoding = value;
    } else if (name == "connection") {
      if (lists(value, "close")) r.keep_alive = false;
    } else if (name == "expect") {
      if (lowered(value) == "100-continue") r.expect_continue = true;
    }
  }
  if (r.minor_version == 0) {
    const std::string* c = r.find("connection");
    r.keep_alive = c && lists(*c, "keep-alive") && !lists(*c, "close");
    r.expect_continue = false;
  }
  if (transfer_encodings > 0) {
    if (length) {
      return malformed("both Content-Length and Transfer-Encoding were sent");
    }
    if (transfer_encodings > 1 || lowered(transfer_encoding) != "chunked" || r.minor_version == 0) {
      return malformed("Transfer-Encoding must be exactly 'chunked' (HTTP/1.1)");
    }
    chunked_ = true;
  }
  if (length) content_length_ = std::stoll(std::string(*length));
  if (content_length_ > limits_.max_body_bytes) {
    return refuse(413, "payload_too_large",
                  "request body exceeds server.max_body_bytes (" +
                      std::to_string(limits_.max_body_bytes) + " bytes)");
  }
  if (chunked_) {
    state_ = State::ChunkSize;
  } else if (content_length_ > 0) {
    r.body.reserve(static_cast<size_t>(content_length_));
    state_ = State::Body;
  } else {
    state_ = State::Done;
    return Step::Complete;
  }
  return Step::HeaderDone;
}

RequestParser::Step RequestParser::parse(std::string_view in) {
  while (true) {
    switch (state_) {
      case State::RequestLine: {
        std::string_view line;
        switch (next_line(in, limits_.max_request_line_bytes + 2, line)) {
          case Line::Ready:
            break;
          case Line::NeedMore:
            return Step::NeedMore;
          case Line::Bad:
            return malformed("request lines end with CRLF");
          case Line::TooLong:
            return malformed("the request line is longer than " +
                             std::to_string(limits_.max_request_line_bytes) + " bytes");
        }
        header_bytes_ = pos_;
        if (line.empty()) {
          // RFC 9112 2.2: empty lines before a request line are ignored (a few of them).
          if (pos_ > 8) return malformed("empty lines before the request");
          continue;
        }
        if (header_bytes_ > limits_.max_header_bytes) {
          return refuse(431, "headers_too_large",
                        "the request header is larger than server.max_header_bytes (" +
                            std::to_string(limits_.max_header_bytes) + " bytes)");
        }
        if (!parse_request_line(line)) {
          if (state_ == State::Failed) return Step::Refused;
          return malformed("bad request line");
        }
        state_ = State::Headers;
        break;
      }
      case State::Headers:
      case State::Trailers: {
        const size_t start = pos_;
        std::string_view line;
        switch (next_line(in, limits_.max_header_bytes - header_bytes_, line)) {
          case Line::Ready:
            break;
          case Line::NeedMore:
            return Step::NeedMore;
          case Line::Bad:
            return malformed("header lines end with CRLF");
          case Line::TooLong:
            return refuse(431, "headers_too_large",
                          "the request header is larger than server.max_header_bytes (" +
                              std::to_string(limits_.max_header_bytes) + " bytes)");
        }
        header_bytes_ += pos_ - start;
        if (line.empty()) {
          if (state_ == State::Trailers) {
            state_ = State::Done;
            return Step::Complete;
          }
          return finish_header();
        }
        if (!parse_header_line(line)) return malformed("bad header line");
        break;
      }
      case State::Body: {
        const int64_t need = content_length_ - static_cast<int64_t>(request_.body.size());
        const size_t take =
            static_cast<size_t>(std::min<int64_t>(need, static_cast<int64_t>(in.size() - pos_)));
        request_.body.append(in.substr(pos_, take));
        pos_ += take;
        if (static_cast<int64_t>(request_.body.size()) < content_length_) return Step::NeedMore;
        state_ = State::Done;
        return Step::Complete;
      }
      case State::ChunkSize: {
        std::string_view line;
        switch (next_line(in, kMaxChunkLine + 2, line)) {
          case Line::Ready:
            break;
          case Line::NeedMore:
            return Step::NeedMore;
          case Line::Bad:
            return malformed("chunk size lines end with CRLF");
          case Line::TooLong:
            return malformed("chunk size line too long");
        }
        std::string_view size = line.substr(0, line.find(';'));
        if (size.empty() || size.size() > 15) return malformed("bad chunk size");
        int64_t n = 0;
        for (char c : size) {
          int d = (c >= '0' && c <= '9')   ? c - '0'
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                           : -1;
          if (d < 0) return malformed("bad chunk size");
          n = n * 16 + d;
        }
        for (char c : line.substr(size.size())) {
          auto u = static_cast<unsigned char>(c);
          if ((u < 0x20 && u != '\t') || u == 0x7F) {
            return malformed("bad chunk extension");
          }
        }
        if (n == 0) {
          state_ = State::Trailers;
          break;
        }
        if (static_cast<int64_t>(request_.body.size()) + n > limits_.max_body_bytes) {
          return refuse(413, "payload_too_large",
                        "request body exceeds server.max_body_bytes (" +
                            std::to_string(limits_.max_body_bytes) + " bytes)");
        }
        chunk_left_ = n;
        state_ = State::ChunkData;
        break;
      }
      case State::ChunkData: {
        const size_t take = static_cast<size_t>(
            std::min<int64_t>(chunk_left_, static_cast<int64_t>(in.size() - pos_)));
        request_.body.append(in.substr(pos_, take));
        pos_ += take;
        chunk_left_ -= static_cast<int64_t>(take);
        if (chunk_left_ > 0) return Step::NeedMore;
        state_ = State::ChunkDataEnd;
        break;
      }
      case State::ChunkDataEnd: {
        if (in.size() - pos_ < 2) {
          if (in.size() > pos_ && in[pos_] != '\r') {
            return malformed("chunk data must end with CRLF");
          }
          return Step::NeedMore;
        }
        if (in[pos_] != '\r' || in[pos_ + 1] != '\n') {
          return malformed("chunk data must end with CRLF");
        }
        pos_ += 2;
        state_ = State::ChunkSize;
        break;
      }
      case State::Done:
        return Step::Complete;
      case State::Failed:
        return Step::Refused;
    }
  }
}

}  // namespace courthub::http::edge
