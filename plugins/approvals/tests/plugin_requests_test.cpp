// SPDX-License-Identifier: Apache-2.0
// The contract with rooms, attendance and lawyers: approval_requested, request_rejected,
// approval_canceled and instance_finished with source and request_id.
#include <algorithm>

#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Requests : public ApprovalsTest {
 protected:
  courthub::testing::EventResult request(const std::string& request_id, Json form,
                                         const std::string& tpl = "room_booking",
                                         const std::string& originator = "T-011",
                                         const std::string& source = "rooms") {
    return harness().deliver_event(source + ".approval_requested",
                                   Json::object({{"request_id", request_id},
                                                 {"template", tpl},
                                                 {"originator", originator},
                                                 {"title", "李法官预订第一会议室"},
                                                 {"form", form}}));
  }
  std::vector<Json> instances() { return harness().query("SELECT * FROM instance"); }
};

TEST_F(Requests, ARoomBookingRequestOpensOneInstanceHoweverOftenItArrives) {
  auto r = request("booking:42", room_form());
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_TRUE(request("booking:42", room_form()).ok);  // redelivered
  auto rows = instances();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["source"], "rooms");
  EXPECT_EQ(rows[0]["request_id"], "booking:42");
  EXPECT_EQ(rows[0]["title"], "李法官预订第一会议室");
  EXPECT_EQ(rows[0]["originator"], "T-011");
  int64_t id = rows[0]["id"].get<int64_t>();
  EXPECT_EQ(running(id), std::vector<std::string>{"T-021"});
  EXPECT_EQ(sent_to("T-021").size(), 1u);

  ASSERT_EQ(agree("T-021", id).status, 200);
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["source"], "rooms");
  EXPECT_EQ(finished[0]["request_id"], "booking:42");
  EXPECT_EQ(finished[0]["template"], "room_booking");
  EXPECT_EQ(finished[0]["form"]["room_id"], "R-9");
  EXPECT_EQ(finished[0]["result"], "agree");
}

TEST_F(Requests, AnInvalidRequestIsRejectedOnceWithTheReason) {
  Json form = room_form();
  form.erase("start");
  form["attendees"] = "many";
  ASSERT_TRUE(request("booking:7", form).ok);
  ASSERT_TRUE(request("booking:7", form).ok);
  auto rejected = events("approvals.request_rejected");
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0]["source"], "rooms");
  EXPECT_EQ(rejected[0]["request_id"], "booking:7");
  std::string reason = rejected[0]["reason"].get<std::string>();
  EXPECT_NE(reason.find("start"), std::string::npos) << reason;
  EXPECT_NE(reason.find("attendees"), std::string::npos) << reason;
  EXPECT_TRUE(instances().empty());
}

TEST_F(Requests, UnknownTemplatesAndOriginatorsAreRejected) {
  ASSERT_TRUE(request("a", room_form(), "no_such").ok);
  ASSERT_TRUE(request("b", room_form(), "room_booking", "NOBODY").ok);
  ASSERT_TRUE(request("c", Json::object(), "judges_only", "T-013", "attendance").ok);
  auto rejected = events("approvals.request_rejected");
  ASSERT_EQ(rejected.size(), 3u);
  EXPECT_NE(rejected[0]["reason"].get<std::string>().find("unknown template 'no_such'"),
            std::string::npos);
  EXPECT_NE(rejected[1]["reason"].get<std::string>().find("unknown originator 'NOBODY'"),
            std::string::npos);
  EXPECT_NE(rejected[2]["reason"].get<std::string>().find("may not start"), std::string::npos);
  EXPECT_EQ(rejected[2]["source"], "attendance");
}

TEST_F(Requests, ARequestWithoutAnIdIsDeadLettered) {
  auto r = harness().deliver_event("rooms.approval_requested",
                                   Json::object({{"template", "room_booking"}}));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.retry);
  EXPECT_NE(r.error.find("request_id"), std::string::npos);
}

TEST_F(Requests, OtherPluginsLeaveAndTemplatesMayBeRequestedToo) {
  auto r = request("leave:3", leave_form(1), "leave", "T-011", "attendance");
  ASSERT_TRUE(r.ok) << r.error;
  auto rows = instances();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["source"], "attendance");
  EXPECT_EQ(running(rows[0]["id"].get<int64_t>()), std::vector<std::string>{"T-010"});
}

TEST_F(Requests, TheRequesterCanCancelWhatIsStillRunning) {
  ASSERT_TRUE(request("booking:9", room_form()).ok);
  int64_t id = instances().at(0)["id"].get<int64_t>();
  auto r = harness().deliver_event("rooms.approval_canceled",
                                   Json::object({{"request_id", "booking:9"},
                                                 {"reason", "会议取消"}}));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(detail(id)["status"], "CANCELED");
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["result"], "canceled");
  ASSERT_TRUE(harness().deliver_event("rooms.approval_canceled",
                                      Json::object({{"request_id", "booking:9"}})).ok);
  EXPECT_EQ(events("approvals.instance_finished").size(), 1u);
}

// Issue 15, bug 1: a room of T-BC that T-IC may book, needing approval. T-IC's court_admin
// books it: the approval belongs to T-BC (its instance, its court_admin's task), not to the
// booker's court, where the booker is the court_admin and the chain would be empty.
TEST_F(Requests, ARoomBookingIsApprovedInTheRoomsCourtNotTheBookers) {
  auto r = harness().deliver_event("rooms.approval_requested",
                                   Json::object({{"request_id", "booking:50"},
                                                 {"template", "room_booking"},
                                                 {"originator", "X-011"},
                                                 {"court", "T-BC"},
                                                 {"form", room_form()}}));
  ASSERT_TRUE(r.ok) << r.error;
  auto rows = instances();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["court_code"], "T-BC");
  int64_t id = rows[0]["id"].get<int64_t>();
  EXPECT_EQ(detail(id)["status"], "RUNNING");
  EXPECT_EQ(running(id), std::vector<std::string>{"T-021"});
  EXPECT_TRUE(events("approvals.instance_finished").empty()) << "approved without anybody";
}

TEST_F(Requests, ARoomsNamedApproversDecideAndTheBookerIsNeverOne) {
  Json form = room_form();
  form["room_approvers"] = "赵法官、王庭长";
  auto r = harness().deliver_event(
      "rooms.approval_requested",
      Json::object({{"request_id", "booking:51"},
                    {"template", "room_booking"},
                    {"originator", "T-011"},
                    {"court", "T-BC"},
                    {"approvers", Json::object({{"room", Json::array({"T-012", "T-010"})}})},
                    {"form", form}}));
  ASSERT_TRUE(r.ok) << r.error;
  int64_t id = instances().at(0)["id"].get<int64_t>();
  auto asked_by_room = running(id);
  std::sort(asked_by_room.begin(), asked_by_room.end());
  EXPECT_EQ(asked_by_room, (std::vector<std::string>{"T-010", "T-012"}));

  // The court_admin books with the role step: they are not asked about their own booking, and
  // neither is anyone of another court.
  ASSERT_TRUE(request("booking:52", room_form(), "room_booking", "T-021").ok);
  auto rows = harness().query("SELECT id FROM instance WHERE request_id = 'booking:52'");
  ASSERT_EQ(rows.size(), 1u);
  auto asked = running(rows[0]["id"].get<int64_t>());
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "T-021"), 0);
}

TEST_F(Requests, ARequestForAnUnknownCourtIsRejected) {
  ASSERT_TRUE(harness()
                  .deliver_event("rooms.approval_requested",
                                 Json::object({{"request_id", "booking:53"},
                                               {"template", "room_booking"},
                                               {"originator", "T-011"},
                                               {"court", "NO-SUCH"},
                                               {"form", room_form()}}))
                  .ok);
  auto rejected = events("approvals.request_rejected");
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0]["reason"], "unknown court 'NO-SUCH': not in the directory");
  EXPECT_TRUE(instances().empty());
}

// Issue 15, bug 2: the booking is gone, so is its approval; the approver's card says so and a
// late agree is refused rather than telling the organizer 审批已通过.
TEST_F(Requests, ACanceledRequestUpdatesTheOpenTasksCardsAndRefusesALateAgree) {
  ASSERT_TRUE(request("booking:60", room_form()).ok);
  int64_t id = instances().at(0)["id"].get<int64_t>();
  int64_t task = task_of(id, "T-021");
  ASSERT_NE(task, 0);
  ASSERT_TRUE(harness()
                  .deliver_event("rooms.approval_canceled",
                                 Json::object({{"request_id", "booking:60"},
                                               {"reason", "预订已取消"}}))
                  .ok);
  EXPECT_EQ(detail(id)["status"], "CANCELED");
  std::vector<Json> updates = sent_to("T-021", true), closed;
  for (auto& m : sent_to("T-021"))
    if (m["msg"].dump().find("无需再处理") != std::string::npos) closed.push_back(m);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0]["msg"]["card_update"]["out_track_id"], "task-" + std::to_string(task));
  EXPECT_EQ(updates[0]["msg"]["card_update"]["card_data"]["status"], "已取消");
  EXPECT_EQ(closed.size(), 1u);
  EXPECT_NE(closed[0]["msg"].dump().find("预订已取消"), std::string::npos) << closed[0].dump();

  EXPECT_EQ(agree("T-021", id).status, 409);
  for (auto& m : sent_to("T-011"))
    EXPECT_EQ(m["msg"].dump().find("审批已通过"), std::string::npos) << m.dump();
  auto finished = events("approvals.instance_finished");
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0]["result"], "canceled");
}

class OnlyRooms : public ApprovalsTest {
  Json settings() override {
    return test_settings(Json::object({{"request_sources", Json::array({"rooms"})}}));
  }
};

TEST_F(OnlyRooms, OnlyConfiguredSourcesAreHeard) {
  auto r = harness().deliver_event("lawyers.approval_requested",
                                   Json::object({{"request_id", "x"}}));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("does not subscribe"), std::string::npos);
}

}  // namespace
}  // namespace approvals::testing
