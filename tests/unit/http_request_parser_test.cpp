// SPDX-License-Identifier: Apache-2.0
// The edge's request parser: where a request ends (never in two places), what it refuses, and
// bodies in pieces.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "host/http/edge/request_parser.hpp"

namespace courthub::http::edge {
namespace {

ParserLimits small_limits() {
  ParserLimits l;
  l.max_request_line_bytes = 256;
  l.max_header_bytes = 1024;
  l.max_body_bytes = 64;
  return l;
}

struct Parsed {
  RequestParser::Step step;
  Request request;
  size_t consumed = 0;
  Refusal refusal;
};

// Parses `in` whole (going on after HeaderDone).
Parsed parse_all(const std::string& in, ParserLimits limits = small_limits()) {
  RequestParser p(limits);
  RequestParser::Step s;
  do {
    s = p.parse(in);
  } while (s == RequestParser::Step::HeaderDone);
  Parsed out{s, {}, 0, p.refusal()};
  if (s == RequestParser::Step::Complete) {
    out.consumed = p.consumed();
    out.request = p.take();
  }
  return out;
}

int refused_with(const std::string& in, ParserLimits limits = small_limits()) {
  Parsed p = parse_all(in, limits);
  return p.step == RequestParser::Step::Refused ? p.refusal.status : 0;
}

TEST(RequestParser, ParsesAGetWithHeadersLowerCasedInOrder) {
  Parsed p = parse_all("GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\nX-Thing:  v  \r\n\r\n");
  ASSERT_EQ(p.step, RequestParser::Step::Complete);
  EXPECT_EQ(p.request.method, "GET");
  EXPECT_EQ(p.request.target, "/a/b?x=1");
  ASSERT_EQ(p.request.headers.size(), 2u);
  EXPECT_EQ(p.request.headers[1].first, "x-thing");
  EXPECT_EQ(p.request.headers[1].second, "v");
  EXPECT_TRUE(p.request.keep_alive);
  EXPECT_EQ(*p.request.find("host"), "h");
}

// findings17: a header value with a byte >= 0x80 made POCO end the header there, so the rest
// (and the body) was read as a second request. Here it is one request or one refusal, never two.
TEST(RequestParser, AHighByteInAHeaderNeverSplitsTheRequest) {
  const std::string bad =
      "POST /x HTTP/1.1\r\nContent-Type: application/json; charset=\xff\r\n"
      "Connection: close\r\nContent-Length: 2\r\n\r\n{}";
  Parsed p = parse_all(bad);
  ASSERT_EQ(p.step, RequestParser::Step::Refused);
  EXPECT_EQ(p.refusal.status, 400);
  EXPECT_EQ(p.refusal.code, "invalid_argument");
  // Well-formed UTF-8 is obs-text the host accepts: the whole request, header and body.
  const std::string chinese =
      "POST /x HTTP/1.1\r\nX-Court: \xe5\x8c\x97\xe4\xba\xac\r\n"
      "Connection: close\r\nContent-Length: 2\r\n\r\n{}";
  Parsed q = parse_all(chinese);
  ASSERT_EQ(q.step, RequestParser::Step::Complete);
  EXPECT_EQ(q.consumed, chinese.size());
  EXPECT_EQ(q.request.body, "{}");
  EXPECT_FALSE(q.request.keep_alive);
  EXPECT_EQ(*q.request.find("x-court"), "\xe5\x8c\x97\xe4\xba\xac");
}

TEST(RequestParser, RefusesAmbiguousFraming) {
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n"
                         "\r\n"),
            400);
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nContent-Length: +2\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"),
            400);
  // The same length twice is one length.
  Parsed same = parse_all("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok");
  ASSERT_EQ(same.step, RequestParser::Step::Complete);
  EXPECT_EQ(same.request.body, "ok");
}

TEST(RequestParser, RefusesBareLineEndsFoldingAndBadNames) {
  EXPECT_EQ(refused_with("GET / HTTP/1.1\nHost: h\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nHost: h\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nHost : h\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nX: a\x01"
                         "b\r\n\r\n"),
            400);
  EXPECT_EQ(refused_with("GET /a b HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET /a\xff HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(parse_all("GET /f?name=\xe8\xaf\x89 HTTP/1.1\r\n\r\n").request.target,
            "/f?name=\xe8\xaf\x89");
  EXPECT_EQ(refused_with("GARBAGE\r\n\r\n"), 400);
  EXPECT_EQ(refused_with("GET / HTTP/2.0\r\n\r\n"), 505);
  // A bare LF is refused as soon as it arrives, not after waiting for more.
  RequestParser p(small_limits());
  EXPECT_EQ(p.parse("GET / HTTP/1.1\nHo"), RequestParser::Step::Refused);
}

TEST(RequestParser, RefusesOverlongLinesAndHeaders) {
  EXPECT_EQ(refused_with("GET /" + std::string(300, 'a') + " HTTP/1.1\r\n\r\n"), 400);
  // Still arriving, already too long: refused without waiting for the line's end.
  RequestParser p(small_limits());
  EXPECT_EQ(p.parse("GET /" + std::string(300, 'a')), RequestParser::Step::Refused);
  EXPECT_EQ(refused_with("GET / HTTP/1.1\r\nX: " + std::string(1100, 'a') + "\r\n\r\n"), 431);
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": abcdefgh\r\n";
  EXPECT_EQ(refused_with(many + "\r\n"), 431);
}

TEST(RequestParser, ContentLengthOverTheLimitIsRefusedFromTheHeaderAlone) {
  RequestParser p(small_limits());
  EXPECT_EQ(p.parse("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n"), RequestParser::Step::Refused);
  EXPECT_EQ(p.refusal().status, 413);
  EXPECT_EQ(p.refusal().code, "payload_too_large");
}

TEST(RequestParser, ABodyInPiecesCompletesOnceWithExpectContinueReported) {
  RequestParser p(small_limits());
  std::string in = "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
  EXPECT_EQ(p.parse(in), RequestParser::Step::HeaderDone);
  EXPECT_TRUE(p.expects_continue());
  EXPECT_EQ(p.parse(in), RequestParser::Step::NeedMore);
  in += "he";
  EXPECT_EQ(p.parse(in), RequestParser::Step::NeedMore);
  EXPECT_EQ(p.body_received(), 2);
  in += "lloGET";  // the next request's first bytes come along
  EXPECT_EQ(p.parse(in), RequestParser::Step::Complete);
  EXPECT_EQ(in.size() - p.consumed(), 3u);
  EXPECT_EQ(p.take().body, "hello");
}

TEST(RequestParser, DecodesChunkedBodiesAndRefusesBadChunks) {
  Parsed p = parse_all(
      "POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "3;name=v\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\nNEXT");
  ASSERT_EQ(p.step, RequestParser::Step::Complete);
  EXPECT_EQ(p.request.body, "abc0123456789");
  EXPECT_EQ(p.request.find("trailer"), nullptr);  // trailers are read, not kept
  const std::string te = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  EXPECT_EQ(refused_with(te + "g\r\nabc\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refused_with(te + "-3\r\nabc\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refused_with(te + " 3\r\nabc\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refused_with(te + "3\r\nabcX\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refused_with(te + "3\nabc\r\n0\r\n\r\n"), 400);
  EXPECT_EQ(refused_with(te + "ffffffffffffffff\r\n"), 400);
  EXPECT_EQ(refused_with(te + "41\r\n"), 413);  // 65 bytes > 64
}

TEST(RequestParser, PipelinedRequestsComeOutOneAtATimeInOrder) {
  std::string in = "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.0\r\n\r\n";
  RequestParser p(small_limits());
  std::vector<std::string> targets;
  while (!in.empty()) {
    ASSERT_EQ(p.parse(in), RequestParser::Step::Complete);
    Request r = p.take();
    targets.push_back(r.target + (r.keep_alive ? "+" : "-"));
    in.erase(0, p.consumed());
    p.reset();
  }
  EXPECT_EQ(targets, (std::vector<std::string>{"/1+", "/2+", "/3-"}));
}

// Parses `in` fed one byte at a time, as a trickling client sends it.
Parsed parse_bytewise(const std::string& in, ParserLimits limits = small_limits()) {
  RequestParser p(limits);
  std::string buffer;
  RequestParser::Step s = RequestParser::Step::NeedMore;
  for (size_t fed = 0; fed <= in.size(); ++fed) {
    if (fed > 0) buffer += in[fed - 1];
    do {
      s = p.parse(buffer);
    } while (s == RequestParser::Step::HeaderDone);
    if (s != RequestParser::Step::NeedMore) break;
  }
  Parsed out{s, {}, 0, p.refusal()};
  if (s == RequestParser::Step::Complete) {
    out.consumed = p.consumed();
    out.request = p.take();
  }
  return out;
}

// A long fuzzing run (tests/fuzz/corpus/http_request/whole_vs_pieces_bare_cr_past_limit): the
// answer to one connection's bytes depended on how they were cut into reads. A line's first
// problem in byte order decides, whole or trickled.
TEST(RequestParser, TheAnswerNeverDependsOnHowTheBytesWereCut) {
  const std::string te = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::vector<std::pair<std::string, int>> cases = {
      // A bare CR past the header limit: the limit comes first in the bytes (was 400 whole).
      {"GET / HTTP/1.1\r\nX: " + std::string(1100, 'a') + "\rb\r\n\r\n", 431},
      // A bare CR before the limit, a long line after it: the CR comes first.
      {"GET / HTTP/1.1\r\nX: a\rb" + std::string(1100, 'a') + "\r\n\r\n", 400},
      // A bare LF exactly where the limit is crossed: the bad line end wins.
      {"GET / HTTP/1.1\r\nX: " + std::string(1024 - 16 - 3, 'a') + "\n\r\n", 400},
      // A request line of exactly the limit (256): accepted (trickled, its CR was refused).
      {"GET /" + std::string(242, 'a') + " HTTP/1.1\r\n\r\n", 0},
      {"GET /" + std::string(243, 'a') + " HTTP/1.1\r\n\r\n", 400},
      // A chunk line with a 1,100-byte extension: refused whole too (was accepted whole).
      {te + "3;x=" + std::string(1100, 'e') + "\r\nabc\r\n0\r\n\r\n", 400},
      {te + "3;x=" + std::string(1000, 'e') + "\r\nabc\r\n0\r\n\r\n", 0},
  };
  for (auto& [in, status] : cases) {
    SCOPED_TRACE(in.substr(0, 40) + "... (" + std::to_string(in.size()) + " bytes)");
    Parsed whole = parse_all(in);
    Parsed trickled = parse_bytewise(in);
    EXPECT_EQ(whole.step == RequestParser::Step::Refused ? whole.refusal.status : 0, status);
    EXPECT_EQ(trickled.step, whole.step);
    EXPECT_EQ(trickled.refusal.status, whole.refusal.status);
    EXPECT_EQ(trickled.consumed, whole.consumed);
    EXPECT_EQ(trickled.request.body, whole.request.body);
  }
}

TEST(RequestParser, Utf8Validation) {
  EXPECT_TRUE(valid_utf8("plain"));
  EXPECT_TRUE(valid_utf8("\xe6\xb3\x95\xe9\x99\xa2"));
  EXPECT_FALSE(valid_utf8("\xff"));
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(valid_utf8("\xe6\xb3"));          // cut short
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace courthub::http::edge
