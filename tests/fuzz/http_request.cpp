// SPDX-License-Identifier: Apache-2.0
// Fuzzes the edge's HTTP/1.1 request parser (host/http/edge/request_parser): the input is what a
// client sends on one connection, possibly several pipelined requests. It is parsed twice, all
// at once and in pieces (the first byte seeds the piece sizes, as the network would cut it), and
// both must find the same requests — the same bytes consumed, method, target, headers, body —
// and the same refusal: where a request ends never depends on how it arrived (request
// smuggling). Accepted header values are valid UTF-8, bodies stay within the limit, a refusal
// echoes no request bytes (ASCII only). Seeds: the parser's unit tests and findings17.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "host/http/edge/request_parser.hpp"

using namespace courthub::http::edge;

namespace {

struct Outcome {
  std::vector<std::string> requests;  // each request, flattened
  int refused = 0;                    // the refusal's status, 0 if none
  bool operator==(const Outcome&) const = default;
};

ParserLimits limits() {
  ParserLimits l;
  l.max_request_line_bytes = 512;
  l.max_header_bytes = 2048;
  l.max_body_bytes = 1024;
  return l;
}

std::string flatten(const Request& r, size_t consumed) {
  std::string s = r.method + '\n' + r.target + '\n' + std::to_string(r.minor_version) + '\n' +
                  std::to_string(consumed) + (r.keep_alive ? "k" : "c") +
                  (r.expect_continue ? "e" : "") + '\n';
  for (auto& [name, value] : r.headers) {
    if (!valid_utf8(value) || !valid_utf8(name)) std::abort();
    for (char c : name)
      if (c >= 'A' && c <= 'Z') std::abort();  // names are lower-cased
    s += name + ':' + value + '\n';
  }
  if (static_cast<int64_t>(r.body.size()) > limits().max_body_bytes) std::abort();
  return s + r.body;
}

void check_refusal(const Refusal& r) {
  if (r.status < 400 || r.status > 599 || r.code.empty()) std::abort();
  for (unsigned char c : r.message)
    if (c >= 0x80) std::abort();
}

// Feeds `input` to a parser, `cut(i)` bytes more each time; pipelined requests follow each other.
template <class Cut>
Outcome run(std::string_view input, Cut cut) {
  Outcome out;
  RequestParser parser(limits());
  std::string buffer;  // the connection's unconsumed input
  size_t fed = 0;
  for (int round = 0; round < 100000; ++round) {
    RequestParser::Step step = parser.parse(buffer);
    if (step == RequestParser::Step::HeaderDone) continue;
    if (step == RequestParser::Step::Refused) {
      check_refusal(parser.refusal());
      out.refused = parser.refusal().status;
      return out;
    }
    if (step == RequestParser::Step::Complete) {
      size_t used = parser.consumed();
      if (used == 0 || used > buffer.size()) std::abort();
      out.requests.push_back(flatten(parser.take(), used));
      buffer.erase(0, used);
      parser.reset();
      continue;
    }
    if (fed == input.size()) return out;  // NeedMore at the end of the input
    size_t n = std::min(input.size() - fed, cut(fed));
    buffer.append(input.substr(fed, n));
    fed += n;
  }
  std::abort();  // the parser went round without progress
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t seed = data[0];
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  Outcome whole = run(input, [&](size_t) { return input.size(); });
  Outcome pieces = run(input, [&](size_t at) { return size_t{1} + (at * 31 + seed) % 7; });
  if (!(whole == pieces)) std::abort();
  return 0;
}
