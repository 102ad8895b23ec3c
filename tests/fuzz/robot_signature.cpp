// SPDX-License-Identifier: Apache-2.0
// Fuzzes the robot verifier (host/dingtalk/robot_signature) and the robot's command-line parser
// (host/dingtalk/robot_commands). The input is three lines, as a robot callback carries them:
// the `timestamp` header, the `sign` header, and the message text; missing lines are empty.
// verify_robot_request accepts exactly the sign robot_sign computes for an in-window timestamp;
// nothing may crash, throw or trip the sanitizers. Seeds: the spec's vector (ts 1577262236757,
// secret "this is secret", shared/docs/dingtalk-protocol.md §2.1) and the robot tests' messages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "host/dingtalk/robot_commands.hpp"
#include "host/dingtalk/robot_signature.hpp"

namespace dt = courthub::dingtalk;

namespace {

constexpr std::string_view kSecret = "this is secret";
constexpr int64_t kNow = 1577262236757;  // the vector's own timestamp
constexpr int64_t kWindow = 3600 * 1000;

// The next line of `in` (without its '\n'); the rest stays in `in`.
std::string_view next_line(std::string_view& in) {
  size_t nl = in.find('\n');
  std::string_view line = in.substr(0, nl);
  in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view timestamp = next_line(in);
  std::string_view sign = next_line(in);
  std::string_view text = in;

  courthub::Outcome verdict = dt::verify_robot_request(timestamp, sign, kSecret, kNow, kWindow);
  if (verdict.ok() && sign != dt::robot_sign(timestamp, kSecret)) std::abort();
  // The right sign for this timestamp passes exactly when the timestamp is in the window.
  std::string right = dt::robot_sign(timestamp, kSecret);
  courthub::Outcome with_right = dt::verify_robot_request(timestamp, right, kSecret, kNow, kWindow);
  bool digits = !timestamp.empty() && timestamp.size() <= 18;
  for (char ch : timestamp) digits = digits && ch >= '0' && ch <= '9';
  if (digits) {
    int64_t ts = std::stoll(std::string(timestamp));
    bool in_window = ts >= kNow - kWindow && ts <= kNow + kWindow;
    if (in_window != with_right.ok()) std::abort();
  }
  if (with_right.message().find(kSecret) != std::string::npos) std::abort();

  dt::CommandLine line = dt::parse_command_line(text);
  static const std::vector<std::string> names = {"rooms", "approve", "refuse", "approvals",
                                                 "attendance", "checkin", "board", "hello",
                                                 "help"};
  (void)dt::closest_command(line.command, names);
  (void)dt::closest_command(std::string(text), names);

  std::string encoded = dt::url_encode(text);
  for (char ch : encoded) {
    bool unreserved = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                      (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' ||
                      ch == '~' || ch == '%';
    if (!unreserved) std::abort();
  }
  (void)dt::signed_robot_webhook(text, kSecret, kNow);
  return 0;
}
