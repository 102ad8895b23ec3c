// SPDX-License-Identifier: Apache-2.0
// Robot message parsing and typo suggestions.
#include <gtest/gtest.h>

#include "host/dingtalk/robot_commands.hpp"

namespace courthub::dingtalk {
namespace {

TEST(RobotCommands, SplitsCommandAndArgumentsAndDropsMentions) {
  auto l = parse_command_line("  @法院助手 Rooms free 明天 9:00-10:00  ");
  EXPECT_EQ(l.command, "rooms");
  EXPECT_EQ(l.args, "free 明天 9:00-10:00");
  auto cjk = parse_command_line("请假\u3000三天");  // full-width space
  EXPECT_EQ(cjk.command, "请假");
  EXPECT_EQ(cjk.args, "三天");
  EXPECT_EQ(parse_command_line("   ").command, "");
  EXPECT_EQ(parse_command_line("help").args, "");
}

TEST(RobotCommands, SuggestsOnlyPlausibleTypos) {
  std::vector<std::string> known = {"rooms", "book", "approve", "hello", "help"};
  EXPECT_EQ(closest_command("romos", known), "rooms");
  EXPECT_EQ(closest_command("aprove", known), "approve");
  EXPECT_EQ(closest_command("helo", known), "hello");  // the first on a tie
  EXPECT_EQ(closest_command("zzzzzzzz", known), "");
  EXPECT_EQ(closest_command("预定", {"预订", "请假"}), "预订");
}

}  // namespace
}  // namespace courthub::dingtalk
