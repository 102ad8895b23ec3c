// SPDX-License-Identifier: Apache-2.0
// Rooms that need approval, through the approvals contract (internal events).
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class ApprovalFlow : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  Json finished(int64_t id, const std::string& result, const std::string& source = "rooms") {
    return Json::object({{"instance_id", "proc-1"},
                         {"template", "room_booking"},
                         {"originator", kJudge},
                         {"court_code", kCourt},
                         {"form", Json::object()},
                         {"result", result},
                         {"source", source},
                         {"request_id", "booking:" + std::to_string(id)},
                         {"finished_ms", now_ms()}});
  }
};

TEST_F(ApprovalFlow, WithoutTheApprovalsPluginTheRoomIsRefusedClearly) {
  auto r = h->as(kJudge).post("/bookings", booking_body("hp-dz1", 1, 540, 600));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("此会议室需要审批，但审批插件未启用"), std::string::npos)
      << r.body;
  EXPECT_TRUE(h->published().empty());
}

TEST_F(ApprovalFlow, APendingBookingHoldsTheSlotAndAsksApprovals) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600, "党组会"));
  EXPECT_EQ(status_of(*h, id), "待审批");
  auto published = h->published();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["topic"], "rooms.approval_requested");
  Json p = published[0]["payload"];
  EXPECT_EQ(p["request_id"].get<std::string>(), "booking:" + std::to_string(id));
  EXPECT_EQ(p["template"], "room_booking");
  EXPECT_EQ(p["originator"].get<std::string>(), kJudge);
  EXPECT_EQ(p["title"].get<std::string>().substr(0, 18), "会议室预订：");
  EXPECT_EQ(p["form"]["room"], "党组会议室");
  EXPECT_EQ(p["form"]["room_id"], "hp-dz1");
  EXPECT_EQ(p["form"]["court"].get<std::string>(), kCourt);
  EXPECT_EQ(p["form"]["start"].get<std::string>(), iso(1, 540));
  EXPECT_EQ(p["form"]["end"].get<std::string>(), iso(1, 600));
  EXPECT_EQ(p["form"]["subject"], "党组会");
  EXPECT_EQ(p["form"]["attendees"], 1);
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-dz1", 1, 570, 600)).status, 409);
  EXPECT_TRUE(h->query("SELECT id FROM courthub_effects").empty()) << "handed over";
}

TEST_F(ApprovalFlow, AgreeConfirmsAndTellsTheOrganizerOnceEvenIfDeliveredTwice) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  size_t before = outbox_to(*h, kJudge).size();
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(id, "agree")).ok);
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(id, "agree")).ok);
  EXPECT_EQ(status_of(*h, id), "已预订");
  auto told = outbox_to(*h, kJudge);
  ASSERT_EQ(told.size(), before + 1);
  EXPECT_NE(told.back()["msg"]["markdown"]["text"].get<std::string>().find("预订已通过审批"),
            std::string::npos);
}

TEST_F(ApprovalFlow, RefuseFreesTheSlotAndSaysWhy) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  Json ev = finished(id, "refuse");
  ev["reason"] = "当天院党组使用";
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", ev).ok);
  EXPECT_EQ(status_of(*h, id), "已拒绝");
  std::string text = outbox_to(*h, kJudge).back()["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("预订未通过审批"), std::string::npos) << text;
  EXPECT_NE(text.find("当天院党组使用"), std::string::npos) << text;
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-dz1", 1, 540, 600)).status, 201)
      << "the slot is free again";
}

TEST_F(ApprovalFlow, TerminatedCanceledAndRejectedRequestsCancel) {
  h->set_plugin_active("approvals", true);
  int64_t a = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  int64_t b = book(*h, kJudge, booking_body("hp-dz1", 2, 540, 600));
  int64_t c = book(*h, kJudge, booking_body("hp-dz1", 3, 540, 600));
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(a, "terminated")).ok);
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(b, "canceled")).ok);
  ASSERT_TRUE(h->deliver_event("approvals.request_rejected",
                               Json::object({{"source", "rooms"},
                                             {"request_id", "booking:" + std::to_string(c)},
                                             {"reason", "没有配置审批模板 room_booking"}}))
                  .ok);
  EXPECT_EQ(status_of(*h, a), "已取消");
  EXPECT_EQ(status_of(*h, b), "已取消");
  EXPECT_EQ(status_of(*h, c), "已取消");
  auto notes = h->query("SELECT note FROM bookings WHERE id = ?", {Json(c)});
  EXPECT_NE(notes[0]["note"].get<std::string>().find("room_booking"), std::string::npos);
}

TEST_F(ApprovalFlow, OtherSourcesAreIgnoredAndUnknownResultsDeadLetter) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(id, "agree", "leave")).ok);
  EXPECT_EQ(status_of(*h, id), "待审批");
  auto r = h->deliver_event("approvals.instance_finished", finished(id, "maybe"));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.retry) << "a malformed answer is dead-lettered, not retried";
  EXPECT_NE(r.error.find("maybe"), std::string::npos) << r.error;
}

TEST_F(ApprovalFlow, ASeriesIsApprovedAsOne) {
  h->set_plugin_active("approvals", true);
  Json body = booking_body("hp-dz1", 1, 540, 600, "党组例会");
  body["recurrence"] = Json::object({{"freq", "weekly"}, {"count", 3}});
  auto r = h->as(kJudge).post("/bookings", body);
  ASSERT_EQ(r.status, 201) << r.body;
  int64_t first = r.json()["bookings"].at(0)["id"].get<int64_t>();
  ASSERT_EQ(h->published().size(), 1u);
  EXPECT_NE(h->published()[0]["payload"]["title"].get<std::string>().find("共3次"),
            std::string::npos);
  size_t before = outbox_to(*h, kJudge).size();
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(first, "agree")).ok);
  for (courthub::Json doc = r.json(); auto& b : doc["bookings"])
    EXPECT_EQ(status_of(*h, b["id"].get<int64_t>()), "已预订");
  EXPECT_EQ(outbox_to(*h, kJudge).size(), before + 1) << "one message for the series";
}

TEST_F(ApprovalFlow, CourtAdminsBookWithoutApproval) {
  int64_t id = book(*h, kAdmin, booking_body("hp-dz1", 1, 540, 600));
  EXPECT_EQ(status_of(*h, id), "已预订");
}

TEST_F(ApprovalFlow, StillPendingAtTheStartIsCanceledByTheReleaseJob) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  h->run_job("release", at(1, 539));
  EXPECT_EQ(status_of(*h, id), "待审批");
  h->run_job("release", at(1, 540));
  EXPECT_EQ(status_of(*h, id), "已取消");
  EXPECT_NE(outbox_to(*h, kJudge)
                .back()["msg"]["markdown"]["text"]
                .get<std::string>()
                .find("审批未在开始前完成"),
            std::string::npos);
  // A late "agree" no longer revives it.
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(id, "agree")).ok);
  EXPECT_EQ(status_of(*h, id), "已取消");
}

}  // namespace
}  // namespace rooms::testing
