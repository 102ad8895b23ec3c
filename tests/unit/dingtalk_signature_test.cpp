// SPDX-License-Identifier: Apache-2.0
// DingTalk robot signatures (HTTP-mode check, group robot 加签) and callback timestamp windows.

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "host/dingtalk/robot_signature.hpp"
#include "host/dingtalk/timestamp_window.hpp"

namespace courthub::dingtalk {
namespace {

constexpr int64_t kHour = 3'600'000;
constexpr int64_t kSpecTs = 1577262236757;
constexpr char kSpecSecret[] = "this is secret";
constexpr char kSpecSign[] = "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=";
constexpr char kSpecSignEncoded[] = "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D";

void expect_denied(const Outcome& outcome, const std::string& message) {
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.code(), Status::PermissionDenied);
  EXPECT_EQ(outcome.message(), message);
  EXPECT_EQ(outcome.message().find("secret"), std::string::npos);
}

void expect_invalid(const Outcome& outcome, const std::string& message) {
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.code(), Status::InvalidArgument);
  EXPECT_EQ(outcome.message(), message);
}

// ---- robot_sign / url_encode / signed_robot_webhook ----

TEST(DingTalkRobotSign, MatchesTheSpecVector) {
  EXPECT_EQ(robot_sign("1577262236757", kSpecSecret), kSpecSign);
  EXPECT_EQ(url_encode(kSpecSign), kSpecSignEncoded);
}

TEST(DingTalkRobotSign, UrlEncodeKeepsOnlyUnreserved) {
  EXPECT_EQ(url_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(url_encode("a b+c/d=e&f?g%"), "a%20b%2Bc%2Fd%3De%26f%3Fg%25");
  EXPECT_EQ(url_encode("法院"), "%E6%B3%95%E9%99%A2");
  EXPECT_EQ(url_encode(std::string("\0\n", 2)), "%00%0A");
  EXPECT_EQ(url_encode(""), "");
}

TEST(DingTalkRobotSign, SignedWebhookAppendsTimestampAndSign) {
  const std::string tail = "timestamp=1577262236757&sign=" + std::string(kSpecSignEncoded);
  EXPECT_EQ(signed_robot_webhook("https://oapi.dingtalk.com/robot/send?access_token=abc",
                                 kSpecSecret, kSpecTs),
            "https://oapi.dingtalk.com/robot/send?access_token=abc&" + tail);
  EXPECT_EQ(signed_robot_webhook("http://127.0.0.1:9/robot/send", kSpecSecret, kSpecTs),
            "http://127.0.0.1:9/robot/send?" + tail);
  EXPECT_EQ(signed_robot_webhook("http://h/robot/send?", kSpecSecret, kSpecTs),
            "http://h/robot/send?" + tail);
  EXPECT_EQ(signed_robot_webhook("http://h/robot/send?a=1&", kSpecSecret, kSpecTs),
            "http://h/robot/send?a=1&" + tail);
}

TEST(DingTalkRobotSign, EmptySecretLeavesTheWebhookUnsigned) {
  EXPECT_EQ(signed_robot_webhook("https://h/robot/send?access_token=abc", "", kSpecTs),
            "https://h/robot/send?access_token=abc");
}

// ---- verify_robot_request ----

TEST(DingTalkRobotVerify, AcceptsTheSpecVector) {
  EXPECT_TRUE(verify_robot_request("1577262236757", kSpecSign, kSpecSecret, kSpecTs, kHour).ok());
}

TEST(DingTalkRobotVerify, WindowEdgesBothDirections) {
  const std::string sign = kSpecSign;
  // The request's timestamp is fixed; move "now" around it.
  EXPECT_TRUE(verify_robot_request("1577262236757", sign, kSpecSecret, kSpecTs + kHour, kHour));
  EXPECT_TRUE(verify_robot_request("1577262236757", sign, kSpecSecret, kSpecTs - kHour, kHour));
  expect_denied(
      verify_robot_request("1577262236757", sign, kSpecSecret, kSpecTs + kHour + 1, kHour),
      "robot timestamp outside the 1 h window");
  expect_denied(
      verify_robot_request("1577262236757", sign, kSpecSecret, kSpecTs - kHour - 1, kHour),
      "robot timestamp outside the 1 h window");
}

TEST(DingTalkRobotVerify, WindowMessageNamesOtherWindows) {
  expect_denied(
      verify_robot_request("1577262236757", kSpecSign, kSpecSecret, kSpecTs + 60'001, 60'000),
      "robot timestamp outside the 1 min window");
  expect_denied(
      verify_robot_request("1577262236757", kSpecSign, kSpecSecret, kSpecTs + 1'501, 1'500),
      "robot timestamp outside the 1500 ms window");
}

TEST(DingTalkRobotVerify, SignMismatch) {
  expect_denied(verify_robot_request("1577262236757", "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM",
                                     kSpecSecret, kSpecTs, kHour),
                "robot sign mismatch");
  expect_denied(
      verify_robot_request("1577262236757", kSpecSignEncoded, kSpecSecret, kSpecTs, kHour),
      "robot sign mismatch");  // the header is not URL-encoded
  expect_denied(verify_robot_request("1577262236757", kSpecSign, "this is secreT", kSpecTs, kHour),
                "robot sign mismatch");
  expect_denied(verify_robot_request("1577262236758", kSpecSign, kSpecSecret, kSpecTs, kHour),
                "robot sign mismatch");
  expect_denied(verify_robot_request("1577262236757", "", kSpecSecret, kSpecTs, kHour),
                "robot sign mismatch");
}

TEST(DingTalkRobotVerify, NonNumericTimestamp) {
  for (const char* ts : {"", "abc", "1577262236757x", "-1577262236757", " 1577262236757", "1.5e12",
                         "1234567890123456789"}) {
    SCOPED_TRACE(ts);
    expect_denied(verify_robot_request(ts, kSpecSign, kSpecSecret, kSpecTs, kHour),
                  "robot timestamp is not a number");
  }
}

// ---- check_timestamp ----

TEST(DingTalkTimestampWindow, AcceptsMillisecondsAndSeconds) {
  const int64_t now = 1'700'000'000'000;
  EXPECT_TRUE(check_timestamp("1700000000000", now, kHour).ok());
  EXPECT_TRUE(check_timestamp("1700000000", now, kHour).ok());
  EXPECT_TRUE(check_timestamp("1699996400000", now, kHour).ok());  // exactly 1 h old
  EXPECT_TRUE(check_timestamp("1700003600000", now, kHour).ok());  // exactly 1 h ahead
  EXPECT_TRUE(check_timestamp("1699996400", now, kHour).ok());
  EXPECT_TRUE(check_timestamp("1700003600", now, kHour).ok());
}

TEST(DingTalkTimestampWindow, Stale) {
  const int64_t now = 1'700'000'000'000;
  expect_invalid(check_timestamp("1699996399999", now, kHour), "timestamp is stale");
  expect_invalid(check_timestamp("1699996399", now, kHour), "timestamp is stale");
  expect_invalid(check_timestamp("0000000000000", now, kHour), "timestamp is stale");
}

TEST(DingTalkTimestampWindow, Future) {
  const int64_t now = 1'700'000'000'000;
  expect_invalid(check_timestamp("1700003600001", now, kHour), "timestamp is in the future");
  expect_invalid(check_timestamp("1700003601", now, kHour), "timestamp is in the future");
  expect_invalid(check_timestamp("9999999999999", now, kHour), "timestamp is in the future");
}

TEST(DingTalkTimestampWindow, Garbage) {
  const int64_t now = 1'700'000'000'000;
  for (const char* ts : {"", "abc", "170000000000", "17000000000000", "170000000", "17000000000",
                         "1700000000.000", "-170000000000", "1700000000000 ", "1.7e12abcdefg"}) {
    SCOPED_TRACE(ts);
    expect_invalid(check_timestamp(ts, now, kHour), "timestamp is not a number");
  }
}

TEST(DingTalkTimestampWindow, BuildingBlocks) {
  EXPECT_EQ(parse_decimal("0"), 0);
  EXPECT_EQ(parse_decimal("999999999999999999"), 999'999'999'999'999'999);
  EXPECT_FALSE(parse_decimal("1000000000000000000"));  // 19 digits
  EXPECT_FALSE(parse_decimal("+1"));
  EXPECT_TRUE(within_window(10, 20, 10));
  EXPECT_FALSE(within_window(9, 20, 10));
  EXPECT_FALSE(within_window(0, 0, -1));
  // Differences beyond int64 must not wrap around into "fresh".
  EXPECT_FALSE(within_window(INT64_MAX, INT64_MIN, kHour));
  EXPECT_FALSE(within_window(INT64_MIN, INT64_MAX, INT64_MAX));
}

}  // namespace
}  // namespace courthub::dingtalk
