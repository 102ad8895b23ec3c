// SPDX-License-Identifier: Apache-2.0
// rooms and approvals as DingTalk users meet them, through the local double: robot commands,
// interactive cards delivered by the outbox, and card buttons that act through /dingtalk/cards.
#include <gtest/gtest.h>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

class PluginsThroughDingTalk : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double();
    host_ = std::make_unique<HostProcess>(dingtalk_config(*dt_, std::string(kRooms) + approvals_demo()));
  }
  Json robot(const std::string& text, const std::string& user) {
    static int n = 0;
    auto r = post_robot(*host_, robot_message(text, user, "m-" + std::to_string(++n),
                                              dt_->base_url() + "/robot/sendBySession?session=s"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  // The cards DingTalk was asked to deliver, by outTrackId prefix.
  std::vector<Json> cards(const std::string& prefix) {
    std::vector<Json> out;
    for (auto& r : dt_->requests("/v1.0/card/instances/createAndDeliver"))
      if (json::get<std::string>(r["body"], "outTrackId").rfind(prefix, 0) == 0)
        out.push_back(r["body"]);
    return out;
  }
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(PluginsThroughDingTalk, BookFromChatGetACardCancelWithItsButton) {
  Json reply = robot("book 一号会议室 下周四 14:00-15:00 党支部学习", "T-BC-01-011");
  ASSERT_EQ(reply["msgtype"], "markdown") << reply.dump();
  EXPECT_NE(reply["markdown"]["text"].get<std::string>().find("党支部学习"), std::string::npos);

  // The organizer's booking card went out through the outbox to DingTalk.
  ASSERT_TRUE(eventually([&] { return cards("booking-").size() == 1; })) << "no card delivered";
  Json card = cards("booking-").at(0);
  EXPECT_EQ(card["openSpaceId"], "dtv1.card//IM_ROBOT.T-BC-01-011");
  EXPECT_EQ(card["callbackRouteKey"].get<std::string>(), kCardKey);
  std::string booking_id = card["cardData"]["cardParamMap"]["booking_id"].get<std::string>();

  // Someone else cannot cancel it from the card (it was not sent to them: the host refuses and
  // says nothing about the booking); the organizer can.
  std::string track = card["outTrackId"].get<std::string>();
  auto other = post_card(*host_, kCardKey, "rooms.cancel",
                         Json::object({{"booking_id", booking_id}}), "T-BC-01-012", track);
  ASSERT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(other.body.find("党支部学习"), std::string::npos) << other.body;
  auto mine = post_card(*host_, kCardKey, "rooms.cancel",
                        Json::object({{"booking_id", booking_id}}), "T-BC-01-011", track);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json()["cardData"]["cardParamMap"]["status"], "已取消");

  // Chat sees it gone.
  Json mine_list = robot("my bookings", "T-BC-01-011");
  EXPECT_EQ(mine_list.dump().find("党支部学习"), std::string::npos) << mine_list.dump();
}

TEST_F(PluginsThroughDingTalk, BadChatInputIsExplainedWithAnExample) {
  Json reply = robot("book 九号会议室 明天 9:00-10:00 开会", "T-BC-01-011");
  std::string text = reply.dump();
  EXPECT_NE(text.find("九号会议室"), std::string::npos) << text;
  EXPECT_NE(text.find("book 3号会议室"), std::string::npos) << text;  // the usage example
}

TEST_F(PluginsThroughDingTalk, ApprovalTravelsByCardsAndChat) {
  Json leave = Json::object(
      {{"template", "leave"},
       {"form", Json::object({{"leave_type", "事假"},
                              {"period", Json::array({"2026-12-21 09:00", "2026-12-25 18:00"})},
                              {"days", 5},
                              {"reason", "家中有事"}})}});
  auto submitted = host_->post("/apps/approvals/instances", leave.dump(), session_token("T-BC-01-011"));
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  int64_t id = submitted.json()["id"].get<int64_t>();

  // 庭长 gets a card and agrees with its button.
  ASSERT_TRUE(eventually([&] { return cards("task-").size() == 1; }));
  Json card = cards("task-").at(0);
  EXPECT_EQ(card["openSpaceId"].get<std::string>(), "dtv1.card//IM_ROBOT.T-BC-01-010");
  std::string task = card["cardData"]["cardParamMap"]["task_id"].get<std::string>();
  std::string track = card["outTrackId"].get<std::string>();
  // The originator cannot press the card sent to the 庭长, even knowing its outTrackId.
  EXPECT_EQ(post_card(*host_, kCardKey, "approvals.agree", Json::object({{"task_id", task}}),
                      "T-BC-01-011", track)
                .status,
            403);
  auto pressed = post_card(*host_, kCardKey, "approvals.agree", Json::object({{"task_id", task}}),
                           "T-BC-01-010", track);
  ASSERT_EQ(pressed.status, 200) << pressed.body;
  EXPECT_EQ(pressed.json()["cardData"]["cardParamMap"]["status"], "已同意");
  // A second press is refused: the task is decided.
  EXPECT_EQ(post_card(*host_, kCardKey, "approvals.agree", Json::object({{"task_id", task}}),
                      "T-BC-01-010", track)
                .status,
            409);

  // The 分管院领导 sees it pending in chat and approves from there; then the 院长.
  ASSERT_TRUE(eventually([&] { return cards("task-").size() == 2; }));
  std::string pending = robot("approvals pending", "T-BC-01-002").dump();
  EXPECT_NE(pending.find("#" + std::to_string(id)), std::string::npos) << pending;
  Json approved = robot("approve " + std::to_string(id) + " 同意", "T-BC-01-002");
  EXPECT_NE(approved.dump().find("同意"), std::string::npos) << approved.dump();
  ASSERT_TRUE(eventually([&] { return cards("task-").size() == 3; }));
  robot("approve " + std::to_string(id), "T-BC-01-001");

  auto detail = host_->get("/apps/approvals/instances/" + std::to_string(id), session_token("T-BC-01-011"));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json()["status"], "COMPLETED");
  EXPECT_EQ(detail.json()["result"], "agree");
  // The originator learned the outcome by work notification.
  EXPECT_TRUE(eventually([&] {
    for (auto& r : dt_->requests("/topapi/message/corpconversation/asyncsend_v2"))
      if (json::get<std::string>(r["body"], "userid_list") == "T-BC-01-011") return true;
    return false;
  }));
}

}  // namespace
}  // namespace courthub::it
