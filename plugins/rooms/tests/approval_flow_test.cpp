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

// The judge's weekly 党组例会 in hp-dz1, three times: the answer's bookings (null on failure).
Json book_weekly(PluginHarness& h) {
  Json body = booking_body("hp-dz1", 1, 540, 600, "党组例会");
  body["recurrence"] = Json::object({{"freq", "weekly"}, {"count", 3}});
  auto r = h.as(kJudge).post("/bookings", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["bookings"] : Json();
}

TEST_F(ApprovalFlow, ASeriesIsApprovedAsOne) {
  h->set_plugin_active("approvals", true);
  Json bookings = book_weekly(*h);
  ASSERT_EQ(bookings.size(), 3u);
  int64_t first = bookings.at(0)["id"].get<int64_t>();
  ASSERT_EQ(h->published().size(), 1u);
  EXPECT_NE(h->published()[0]["payload"]["title"].get<std::string>().find("共3次"),
            std::string::npos);
  size_t before = outbox_to(*h, kJudge).size();
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(first, "agree")).ok);
  for (auto& b : bookings) EXPECT_EQ(status_of(*h, b["id"].get<int64_t>()), "已预订");
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

// --- issue 15 -------------------------------------------------------------------------------

std::vector<Json> published_on(PluginHarness& h, const std::string& topic) {
  std::vector<Json> out;
  for (auto& e : h.published())
    if (e["topic"] == topic) out.push_back(e["payload"]);
  return out;
}

// A room of this court that LN-BC-SY-02 may book too, needing approval.
void add_shared_room(PluginHarness& h, Json approvers = Json::array()) {
  auto r = h.as(kAdmin).post(
      "/admin/rooms",
      Json::object({{"id", "hp-gx1"},
                     {"name", "共享会议室"},
                     {"capacity", 20},
                     {"open_hours", "00:00-24:00"},
                     {"open_days", Json::array({1, 2, 3, 4, 5, 6, 7})},
                     {"approval", true},
                     {"approvers", approvers},
                     {"bookers", Json::object({{"courts", Json::array({"LN-BC-SY-02"})}})}}));
  ASSERT_EQ(r.status, 201) << r.body;
}

// Bug 1: another court's court_admin books the room; the approval belongs to the room's court.
TEST_F(ApprovalFlow, AnotherCourtsAdminBookingIsApprovedInTheRoomsCourt) {
  h->set_plugin_active("approvals", true);
  add_shared_room(*h);
  int64_t id = book(*h, kOtherAdmin, booking_body("hp-gx1", 1, 540, 600));
  EXPECT_EQ(status_of(*h, id), "待审批");
  auto requests = published_on(*h, "rooms.approval_requested");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["originator"], kOtherAdmin);
  EXPECT_EQ(requests[0]["court"], kCourt);
  EXPECT_FALSE(requests[0].contains("approvers")) << "the room names nobody: its court_admin";
}

TEST_F(ApprovalFlow, TheRoomsNamedApproversGoWithTheRequestButNeverTheBooker) {
  h->set_plugin_active("approvals", true);
  add_shared_room(*h, Json::array({kHead, kJudge}));
  int64_t id = book(*h, kJudge, booking_body("hp-gx1", 1, 540, 600));
  EXPECT_EQ(status_of(*h, id), "待审批");
  auto requests = published_on(*h, "rooms.approval_requested");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["approvers"], Json::object({{"room", Json::array({kHead})}}));
  EXPECT_FALSE(requests[0]["form"]["room_approvers"].get<std::string>().empty());
  EXPECT_NE(h->as(kAdmin).get("/admin/rooms?court=" + kCourt).json()["rooms"].dump().find(kHead),
            std::string::npos);
}

TEST_F(ApprovalFlow, ApproversMustBePeopleOfTheRoomsCourt) {
  add_shared_room(*h);
  auto r = h->as(kAdmin).patch("/admin/rooms/hp-gx1",
                               Json::object({{"approvers", Json::array({kHead, "NOBODY",
                                                                        kOtherJudge})}}));
  ASSERT_EQ(r.status, 400) << r.body;
  std::string details = error_details(r).dump();
  EXPECT_NE(details.find("/approvers/1"), std::string::npos) << details;
  EXPECT_NE(details.find("/approvers/2"), std::string::npos) << details;
  EXPECT_EQ(details.find("/approvers/0"), std::string::npos) << details;
}

// Bug 2: the organizer cancels a pending booking; its approval is canceled with it, once.
TEST_F(ApprovalFlow, CancelingAPendingBookingCancelsItsApprovalOnce) {
  h->set_plugin_active("approvals", true);
  int64_t id = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  ASSERT_EQ(h->as(kJudge).del("/bookings/" + std::to_string(id)).status, 200);
  EXPECT_EQ(status_of(*h, id), "已取消");
  auto canceled = published_on(*h, "rooms.approval_canceled");
  ASSERT_EQ(canceled.size(), 1u);
  EXPECT_EQ(canceled[0], Json::object({{"request_id", "booking:" + std::to_string(id)},
                                       {"reason", "预订已取消"}}));
  EXPECT_EQ(h->as(kJudge).del("/bookings/" + std::to_string(id)).status, 409);
  EXPECT_EQ(published_on(*h, "rooms.approval_canceled").size(), 1u);
  // A late agree changes nothing and tells nobody.
  size_t before = outbox_to(*h, kJudge).size();
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished", finished(id, "agree")).ok);
  EXPECT_EQ(status_of(*h, id), "已取消");
  EXPECT_EQ(outbox_to(*h, kJudge).size(), before);
}

TEST_F(ApprovalFlow, ASeriesApprovalIsCanceledOnlyWhenNoOccurrenceWaitsAnyMore) {
  h->set_plugin_active("approvals", true);
  Json ids = Json::array();
  for (auto& b : book_weekly(*h)) ids.push_back(b["id"]);
  ASSERT_EQ(ids.size(), 3u);
  // The second occurrence alone: the first and third still wait for the approval.
  ASSERT_EQ(h->as(kJudge).del("/bookings/" + ids[1].dump()).status, 200);
  EXPECT_TRUE(published_on(*h, "rooms.approval_canceled").empty());
  // From the first on: nothing waits any more.
  ASSERT_EQ(h->as(kJudge).del("/bookings/" + ids[0].dump() + "?scope=following").status, 200);
  auto canceled = published_on(*h, "rooms.approval_canceled");
  ASSERT_EQ(canceled.size(), 1u);
  EXPECT_EQ(canceled[0]["request_id"], "booking:" + ids[0].dump());
}

TEST_F(ApprovalFlow, AnAdminCancelingOrTheStartPassingCancelsTheApprovalToo) {
  h->set_plugin_active("approvals", true);
  int64_t by_admin = book(*h, kJudge, booking_body("hp-dz1", 1, 540, 600));
  int64_t expires = book(*h, kJudge, booking_body("hp-dz1", 1, 660, 720));
  ASSERT_EQ(h->as(kAdmin).del("/bookings/" + std::to_string(by_admin)).status, 200);
  h->run_job("release", at(1, 660));
  h->run_job("release", at(1, 661));
  EXPECT_EQ(status_of(*h, expires), "已取消");
  auto canceled = published_on(*h, "rooms.approval_canceled");
  ASSERT_EQ(canceled.size(), 2u);
  EXPECT_EQ(canceled[0]["request_id"], "booking:" + std::to_string(by_admin));
  EXPECT_EQ(canceled[1]["request_id"], "booking:" + std::to_string(expires));
  EXPECT_NE(canceled[1]["reason"].get<std::string>().find("预订已取消"), std::string::npos);
}

}  // namespace
}  // namespace rooms::testing
