// SPDX-License-Identifier: Apache-2.0
// The runner wire format: what is encoded decodes to the same values, and nothing a hostile
// runner sends can make the reader go past its bytes or allocate what was never sent.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "host/plugins/runner_frame.hpp"
#include "host/plugins/runner_protocol.hpp"

namespace courthub::plugins::wire {
namespace {

std::string payload_of(FrameWriter& w) {
  w.bytes();
  return std::string(w.payload());
}

TEST(RunnerFrame, FieldsRoundTrip) {
  FrameWriter w(Kind::Call, 0x1234);
  w.u8(7).u32(0xdeadbeef).u64(0x0102030405060708ull).i64(-42).f64(2.5).str("会议室").str("");
  std::string p = payload_of(w);
  FrameReader r(p);
  ASSERT_TRUE(r.header_ok());
  EXPECT_EQ(r.kind(), Kind::Call);
  EXPECT_EQ(r.op(), 0x1234);
  EXPECT_EQ(r.u8(), 7);
  EXPECT_EQ(r.u32(), 0xdeadbeefu);
  EXPECT_EQ(r.u64(), 0x0102030405060708ull);
  EXPECT_EQ(r.i64(), -42);
  EXPECT_EQ(r.f64(), 2.5);
  EXPECT_EQ(r.str(), "会议室");
  EXPECT_EQ(r.str(), "");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
}

TEST(RunnerFrame, TheLengthPrefixCountsThePayload) {
  FrameWriter w(Kind::Return, 3);
  w.str("abc");
  const std::string& bytes = w.bytes();
  ASSERT_EQ(bytes.size(), 4u + 4u + 4u + 3u);
  EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 11);  // version, kind, op, then the string
  EXPECT_EQ(bytes[1], 0);
}

TEST(RunnerFrame, ReadingPastTheEndFailsWithoutReadingOutside) {
  FrameWriter w(Kind::Call, 1);
  w.u32(5);
  std::string p = payload_of(w);
  FrameReader r(p);
  EXPECT_EQ(r.u32(), 5u);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.u64(), 0u);  // nothing left
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.u32(), 0u);  // stays failed
  EXPECT_FALSE(r.ok());
}

TEST(RunnerFrame, AStringLongerThanWhatIsLeftIsRefused) {
  FrameWriter w(Kind::Call, 1);
  w.u32(1000).u8('x');  // claims 1000 bytes, carries 1
  std::string p = payload_of(w);
  FrameReader r(p);
  EXPECT_EQ(r.str(), "");
  EXPECT_FALSE(r.ok());
}

TEST(RunnerFrame, ACountTheRestCannotHoldIsRefused) {
  FrameWriter w(Kind::Call, 1);
  w.u32(0xffffffffu).str("a");
  std::string p = payload_of(w);
  FrameReader r(p);
  EXPECT_EQ(r.count(8), 0u);
  EXPECT_FALSE(r.ok());
}

TEST(RunnerFrame, UnknownVersionsAndKindsAreRefused) {
  std::string p = payload_of(FrameWriter(Kind::Call, 1).u8(0));
  std::string wrong_version = p;
  wrong_version[0] = 9;
  EXPECT_FALSE(FrameReader(wrong_version).header_ok());
  std::string wrong_kind = p;
  wrong_kind[1] = 7;
  EXPECT_FALSE(FrameReader(wrong_kind).header_ok());
  EXPECT_FALSE(FrameReader(std::string("\x01\x01", 2)).header_ok());  // shorter than a header
  FrameReader bad(wrong_kind);
  EXPECT_EQ(bad.u8(), 0);
  EXPECT_FALSE(bad.ok());
}

class SocketPair : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds_), 0); }
  void TearDown() override {
    if (fds_[0] >= 0) ::close(fds_[0]);
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  void send_raw(const std::string& bytes) {
    ASSERT_EQ(::write(fds_[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void close_writer() {
    ::close(fds_[1]);
    fds_[1] = -1;
  }
  int fds_[2] = {-1, -1};
};

TEST_F(SocketPair, AFrameTravelsWhole) {
  FrameWriter w(Kind::Return, 2);
  w.str(std::string(100000, 'x')).i32(-1);
  ASSERT_TRUE(write_all(fds_[1], w.bytes()));
  std::string payload;
  ASSERT_EQ(read_frame(fds_[0], payload), ReadResult::Ok);
  FrameReader r(payload);
  EXPECT_EQ(r.str().size(), 100000u);
  EXPECT_EQ(r.i32(), -1);
  EXPECT_TRUE(r.ok() && r.at_end());
}

TEST_F(SocketPair, ACleanCloseBetweenFramesIsEof) {
  close_writer();
  std::string payload;
  EXPECT_EQ(read_frame(fds_[0], payload), ReadResult::Eof);
}

TEST_F(SocketPair, AnOversizedLengthIsGarbageAndAllocatesNothing) {
  send_raw(std::string("\xff\xff\xff\xff", 4));
  std::string payload;
  EXPECT_EQ(read_frame(fds_[0], payload), ReadResult::Garbage);
  EXPECT_LT(payload.capacity(), 1u << 20);
}

TEST_F(SocketPair, ALengthShorterThanAHeaderIsGarbage) {
  send_raw(std::string("\x02\x00\x00\x00\x01\x01", 6));
  std::string payload;
  EXPECT_EQ(read_frame(fds_[0], payload), ReadResult::Garbage);
}

TEST_F(SocketPair, AFrameCutShortIsGarbage) {
  // Announces 64 MiB, sends 10 bytes and hangs up: no 64 MiB buffer, and Garbage.
  send_raw(std::string("\x00\x00\x00\x04", 4) + std::string(10, 'z'));
  close_writer();
  std::string payload;
  EXPECT_EQ(read_frame(fds_[0], payload), ReadResult::Garbage);
  EXPECT_LT(payload.capacity(), 2u << 20);
}

TEST_F(SocketPair, APrefixCutShortIsGarbage) {
  send_raw(std::string("\x10\x00", 2));
  close_writer();
  std::string payload;
  EXPECT_EQ(read_frame(fds_[0], payload), ReadResult::Garbage);
}

TEST(RunnerProtocol, AnHttpRequestCrossesWithEveryField) {
  ch_str roles[] = {view("judge"), view("court_admin")};
  ch_caller caller{sizeof(ch_caller), CH_CALLER_STAFF, view("u1"),     view("法官甲"),
                   view("T-BC-01"),   view("1003"),        view("审判员"), roles, 2,
                   view(""),          0};
  ch_str names[] = {view("id")}, values[] = {view("42")};
  ch_str hn[] = {view("x-a"), view("x-b")}, hv[] = {view("1"), view("2")};
  ch_http_request q{sizeof(ch_http_request), view("POST"), view("/bookings/42"), names, values, 1,
                    names, values, 1, view("application/json"), view("{\"a\":1}"), &caller,
                    view("req-1"), hn, hv, 2};
  FrameWriter w(Kind::Call, op(Op::Http));
  put_http(w, q);
  std::string p = payload_of(w);
  FrameReader r(p);
  HttpIn in;
  read_http(r, in);
  ASSERT_TRUE(r.ok() && r.at_end());
  EXPECT_EQ(view(in.request.method), "POST");
  EXPECT_EQ(view(in.request.path), "/bookings/42");
  ASSERT_EQ(in.request.param_count, 1u);
  EXPECT_EQ(view(in.request.param_values[0]), "42");
  EXPECT_EQ(view(in.request.body), "{\"a\":1}");
  ASSERT_EQ(in.request.header_count, 2u);
  EXPECT_EQ(view(in.request.header_names[1]), "x-b");
  const ch_caller& c = *in.request.caller;
  EXPECT_EQ(c.kind, static_cast<uint32_t>(CH_CALLER_STAFF));
  EXPECT_EQ(view(c.name), "法官甲");
  ASSERT_EQ(c.role_count, 2u);
  EXPECT_EQ(view(c.roles[1]), "court_admin");
}

TEST(RunnerProtocol, ATruncatedRequestDoesNotDecode) {
  ch_http_request q{};
  q.struct_size = sizeof(ch_http_request);
  q.method = view("GET");
  FrameWriter w(Kind::Call, op(Op::Http));
  put_http(w, q);
  std::string p = payload_of(w);
  for (size_t cut = 4; cut < p.size(); ++cut) {
    FrameReader r(std::string_view(p).substr(0, cut));
    HttpIn in;
    read_http(r, in);
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace courthub::plugins::wire
