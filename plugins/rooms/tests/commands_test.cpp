// SPDX-License-Identifier: Apache-2.0
// Robot commands: rooms, book, my, cancel, signin — markdown answers, and errors that say what
// was wrong with an example.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class Commands : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
  courthub::testing::CommandResult say(const std::string& user, const std::string& line) {
    return h->as(user).command(line);
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(Commands, BookByRoomNameDateAndTime) {
  auto r = say(kJudge, "book 3号会议室 明天 9:00-10:00 党支部学习");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(r.markdown);
  EXPECT_TRUE(contains(r.text, "预订成功")) << r.text;
  EXPECT_TRUE(contains(r.text, "党支部学习")) << r.text;
  EXPECT_TRUE(contains(r.text, "08:50-09:15")) << r.text;
  auto rows = h->query("SELECT start_ms, title, organizer FROM bookings");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["start_ms"].get<int64_t>(), at(1, 540));
  EXPECT_EQ(rows[0]["organizer"].get<std::string>(), kJudge);
  // The card follows, as for the mini-app.
  EXPECT_EQ(outbox_to(*h, kJudge).size(), 1u);
}

TEST_F(Commands, BookSpellingsPeopleCountAndRecurrence) {
  ASSERT_TRUE(say(kJudge, "book 3号会议室 后天下午2点-3点半 合议 庭").ok);
  EXPECT_EQ(h->query("SELECT title FROM bookings")[0]["title"], "合议 庭");
  auto r = say(kJudge, "book 2号会议室 明天 14:00-15:00 10人 讨论");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "最多容纳 8 人")) << r.text;
  r = say(kJudge, "book 科技法庭 每周一 下周一 9:00-10:00 共4次 例会");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "循环预订成功")) << r.text;
  EXPECT_TRUE(contains(r.text, "共 4 次")) << r.text;
}

TEST_F(Commands, BadInputSaysWhatWasWrongWithAnExample) {
  auto r = say(kJudge, "book 3号会议室 明天 10:00-9:00 会");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "结束时间须晚于开始时间")) << r.text;
  EXPECT_TRUE(contains(r.text, "例如")) << r.text;
  r = say(kJudge, "book 9号会议室 明天 9:00-10:00 会");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "本院没有名为 '9号会议室' 的会议室")) << r.text;
  EXPECT_TRUE(contains(r.text, "3号会议室")) << "lists the rooms: " << r.text;
  r = say(kJudge, "book 3号会议室 明天 会");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "9:00-10:00")) << r.text;
  r = say(kJudge, "book 3号会议室 2026-02-30 9:00-10:00 会");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "没有 2026-02-30 这一天")) << r.text;
}

TEST_F(Commands, ConflictsNameTheBookingInTheWay) {
  ASSERT_TRUE(say(kJudge, "book 3号会议室 明天 9:00-10:00 党支部学习").ok);
  auto r = say(kClerk, "book 3号会议室 明天 9:30-10:30 案件讨论");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "党支部学习")) << r.text;
  EXPECT_TRUE(contains(r.text, "赵红朋")) << r.text;
}

TEST_F(Commands, RoomsListsFreeRoomsAndASchedule) {
  auto r = say(kStaff, "rooms");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "沈阳市和平区人民法院 会议室")) << r.text;
  EXPECT_TRUE(contains(r.text, "3号会议室")) << r.text;
  ASSERT_TRUE(say(kJudge, "book 科技法庭 明天 9:00-10:00 合议").ok);
  r = say(kStaff, "rooms free 明天 9:00-10:00 10人");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "3号会议室")) << r.text;
  EXPECT_FALSE(contains(r.text, "**2号会议室**")) << "8 seats: " << r.text;
  EXPECT_TRUE(contains(r.text, "科技法庭：#")) << "busy, with the booking: " << r.text;
  EXPECT_TRUE(contains(r.text, "book ")) << r.text;
  r = say(kStaff, "rooms free 明天 9:00-10:00 视频会议终端");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "**2号会议室**")) << r.text;
  EXPECT_FALSE(contains(r.text, "**3号会议室**")) << r.text;
  r = say(kStaff, "rooms free 明天 9:00-10:00 咖啡机");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "不认识 '咖啡机'")) << r.text;
  r = say(kStaff, "rooms free 明天");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "rooms free 明天 9:00-10:00")) << r.text;
  r = say(kStaff, "rooms 科技法庭 明天");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "09:00-10:00")) << r.text;
  EXPECT_TRUE(contains(r.text, "合议")) << r.text;
}

TEST_F(Commands, MyCancelAndCheckin) {
  ASSERT_TRUE(say(kJudge, "book 3号会议室 明天 9:00-10:00 党支部学习").ok);
  int64_t id = h->query("SELECT id FROM bookings")[0]["id"].get<int64_t>();
  auto r = say(kJudge, "my bookings");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "#" + std::to_string(id))) << r.text;
  r = say(kJudge, "signin " + std::to_string(id));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "还没到签到时间")) << r.text;
  r = say(kStaff, "cancel " + std::to_string(id));
  EXPECT_FALSE(r.ok);
  r = say(kJudge, "cancel #" + std::to_string(id));
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "已取消")) << r.text;
  r = say(kJudge, "cancel abc");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "例如")) << r.text;
  r = say(kJudge, "my");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(contains(r.text, "没有即将开始的预订")) << "only live bookings: " << r.text;
}

// Issue 11: in a group chat everyone reads the reply, so other people's bookings appear without
// their titles or organizers, the caller's own list is not shown, and the reply points to the
// private chat or the mini-app.
TEST_F(Commands, InAGroupChatBookingsShowNoTitlesOrNames) {
  ASSERT_TRUE(say(kJudge, "book 科技法庭 明天 9:00-10:00 张某诉李某离婚案庭前会议").ok);
  int64_t id = h->query("SELECT id FROM bookings")[0]["id"].get<int64_t>();
  auto in_group = [&](const std::string& user, const std::string& line) {
    auto r = h->as(user).command(line, true);
    for (const char* detail : {"张某诉李某", "赵红朋"})
      EXPECT_FALSE(contains(r.text, detail)) << line << ": " << r.text;
    return r;
  };
  auto r = in_group(kStaff, "rooms free 明天 9:00-10:00");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "科技法庭：已有预订")) << r.text;
  EXPECT_TRUE(contains(r.text, "私聊")) << r.text;
  r = in_group(kStaff, "rooms 科技法庭 明天");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "09:00-10:00 已预订")) << r.text;
  r = in_group(kJudge, "my bookings");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_FALSE(contains(r.text, "#" + std::to_string(id))) << r.text;
  EXPECT_TRUE(contains(r.text, "私聊")) << r.text;
  r = in_group(kClerk, "book 科技法庭 明天 9:30-10:30 合议");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.text, "冲突")) << r.text;
  r = in_group(kJudge, "cancel " + std::to_string(id));
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(contains(r.text, "#" + std::to_string(id))) << r.text;
  // The private chat still shows everything.
  ASSERT_TRUE(say(kJudge, "book 科技法庭 明天 9:00-10:00 张某诉李某离婚案庭前会议").ok);
  EXPECT_TRUE(contains(say(kStaff, "rooms 科技法庭 明天").text, "张某诉李某"));
}

}  // namespace
}  // namespace rooms::testing
