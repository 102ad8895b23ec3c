// SPDX-License-Identifier: Apache-2.0
// The room-approval path with both plugins in the real host, DingTalk played by the local
// double: a booking of an approval room opens an approval; the approver's card, the API or the
// organizer decides it; the booking follows, and every side is told what happened — including
// when the booking goes away first (canceled, or still pending at its start), and when the room
// belongs to another court than the booker's.
#include <gtest/gtest.h>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

// Monday 2026-12-07 09:00:00 +08:00: the host's test clock starts here.
constexpr int64_t kMonday0900 = 1796605200000;

const char* const kJudge = "T-BC-01-011";       // 法官甲, the organizer
const char* const kAdmin = "T-BC-01-021";       // 管理员甲, court_admin of T-BC-01
const char* const kHighAdmin = "T-HC-021";      // 高院管理员, court_admin of T-HC

// Run twice: both plugins in the host's process, and both in runner processes of their own
// (`isolation: process`), with the same results.
class RoomApprovalPath : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dt_ = start_double();
    host_ = std::make_unique<HostProcess>(
        dingtalk_config(*dt_, with_isolation(kRoomsWithApproval + approvals_demo(), GetParam())),
        std::vector<std::string>{},
        std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS", std::to_string(now_)}});
    const Json plugins = host_->admin_get("/admin/plugins").json();  // kept: the loop reads into it
    for (auto& p : plugins["plugins"]) {
      EXPECT_EQ(p["isolation"]["mode"], GetParam()) << p.dump();
    }
  }

  HttpResponse call(const std::string& method, const std::string& path, const Json& body,
                    const std::string& user) const {
    return http(host_->port(), method, path, body.is_null() ? "" : body.dump(),
                {{"Authorization", "Bearer " + session_token(user, now_ / 1000)}});
  }
  void advance(int64_t ms) {
    auto r = host_->admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
    now_ += ms;
  }

  // Books `room` on Wednesday 2026-12-09 10:00-11:00; returns the booking.
  Json book(const std::string& room, const std::string& user, const std::string& title) const {
    auto r = call("POST", "/apps/rooms/bookings",
                  Json::object({{"room_id", room},
                                {"date", "2026-12-09"},
                                {"from", "10:00"},
                                {"to", "11:00"},
                                {"title", title}}),
                  user);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["bookings"].at(0) : Json::object();
  }
  // The booking as its organizer sees it.
  std::string booking_status(int64_t id, const std::string& organizer = kJudge) const {
    auto r = call("GET", "/apps/rooms/bookings/" + std::to_string(id), nullptr, organizer);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? json::get<std::string>(r.json(), "status") : "";
  }
  Json booking(int64_t id, const std::string& organizer = kJudge) const {
    return call("GET", "/apps/rooms/bookings/" + std::to_string(id), nullptr, organizer).json();
  }

  std::vector<Json> task_cards(const std::string& user) const {
    return it::task_cards(*dt_, user);
  }
  // The first task card of `user`, once delivered.
  Json task_card(const std::string& user) const {
    EXPECT_TRUE(eventually([&] { return !task_cards(user).empty(); }))
        << "no task card for " << user;
    auto cards = task_cards(user);
    return cards.empty() ? Json::object() : cards.front();
  }
  // Card updates (PUT /v1.0/card/instances) sent for `out_track_id`.
  std::vector<Json> card_updates(const std::string& out_track_id) const {
    std::vector<Json> out;
    for (auto& r : dt_->requests("/v1.0/card/instances"))
      if (json::get<std::string>(r, "method") == "PUT" &&
          json::get<std::string>(r["body"], "outTrackId") == out_track_id)
        out.push_back(r["body"]);
    return out;
  }
  std::string notices_to(const std::string& user) const { return work_notices_to(*dt_, user); }
  Json instance(int64_t id, const std::string& viewer) const {
    auto r = call("GET", "/apps/approvals/instances/" + std::to_string(id), nullptr, viewer);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : Json::object();
  }
  static int64_t param_of(const Json& card, const char* name) {
    return std::stoll(card["cardData"]["cardParamMap"][name].get<std::string>());
  }
  bool inbox_drained() const {
    return host_->admin_get("/admin/inbox").json()["inbox"]["pending"] == 0 &&
           host_->admin_get("/admin/outbox").json()["outbox"]["pending"] == 0;
  }

  int64_t now_ = kMonday0900;
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

TEST_P(RoomApprovalPath, AgreedOnTheApproversCardTheBookingIsConfirmed) {
  Json b = book("t-102", kJudge, "党组会议");
  EXPECT_EQ(b["status"], "待审批");
  int64_t id = b["id"].get<int64_t>();

  // The court's court_admin gets the task card and agrees with its button.
  Json card = task_card(kAdmin);
  auto pressed = post_card(*host_, kCardKey, "approvals.agree",
                           Json::object({{"task_id", std::to_string(param_of(card, "task_id"))}}),
                           kAdmin, card["outTrackId"].get<std::string>());
  ASSERT_EQ(pressed.status, 200) << pressed.body;
  EXPECT_EQ(pressed.json()["cardData"]["cardParamMap"]["status"], "已同意");

  ASSERT_TRUE(eventually([&] { return booking_status(id) == "已预订"; })) << booking(id).dump();
  // The organizer hears it from rooms, once.
  EXPECT_TRUE(eventually([&] {
    return notices_to(kJudge).find("预订已通过审批") != std::string::npos;
  })) << notices_to(kJudge);
  Json approval = instance(param_of(card, "instance_id"), kJudge);
  EXPECT_EQ(approval["status"], "COMPLETED");
  EXPECT_EQ(approval["result"], "agree");
  EXPECT_EQ(approval["source"], "rooms");
  EXPECT_EQ(approval["request_id"], "booking:" + std::to_string(id));
}

TEST_P(RoomApprovalPath, RefusedWithAReasonTheBookingIsRefusedAndTheSlotFreed) {
  Json b = book("t-102", kJudge, "党组会议");
  int64_t id = b["id"].get<int64_t>();
  Json card = task_card(kAdmin);
  int64_t instance_id = param_of(card, "instance_id");
  auto r = call("POST", "/apps/approvals/instances/" + std::to_string(instance_id) + "/actions",
                Json::object({{"action", "refuse"},
                              {"task_id", param_of(card, "task_id")},
                              {"comment", "当天院党组会占用"}}),
                kAdmin);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_TRUE(eventually([&] { return booking_status(id) == "已拒绝"; })) << booking(id).dump();
  EXPECT_NE(booking(id).dump().find("当天院党组会占用"), std::string::npos) << booking(id).dump();
  // The slot is free again: another judge books it (and waits for approval in turn).
  EXPECT_EQ(book("t-102", "T-BC-01-012", "合议")["status"], "待审批");
}

// Bug 2: the organizer cancels while the approval runs. The approval is canceled with it, the
// approver's card says so, a late press is refused, and nobody is told it was approved.
TEST_P(RoomApprovalPath, CancelingAPendingBookingCancelsItsApprovalAndTheCard) {
  Json b = book("t-102", kJudge, "党组会议");
  int64_t id = b["id"].get<int64_t>();
  Json card = task_card(kAdmin);
  int64_t instance_id = param_of(card, "instance_id");
  std::string track = card["outTrackId"].get<std::string>();

  auto canceled = call("DELETE", "/apps/rooms/bookings/" + std::to_string(id) + "?reason=改期",
                       nullptr, kJudge);
  ASSERT_EQ(canceled.status, 200) << canceled.body;
  EXPECT_EQ(booking_status(id), "已取消");

  ASSERT_TRUE(eventually([&] { return instance(instance_id, kJudge)["status"] == "CANCELED"; }))
      << instance(instance_id, kJudge).dump();
  ASSERT_TRUE(eventually([&] { return !card_updates(track).empty(); }))
      << "the approver's card was never updated";
  EXPECT_EQ(card_updates(track).back()["cardData"]["cardParamMap"]["status"], "已取消");

  auto late = post_card(*host_, kCardKey, "approvals.agree",
                        Json::object({{"task_id", std::to_string(param_of(card, "task_id"))}}),
                        kAdmin, track);
  EXPECT_EQ(late.status, 409) << late.body;
  ASSERT_TRUE(eventually([&] { return inbox_drained(); }));
  EXPECT_EQ(booking_status(id), "已取消");
  EXPECT_EQ(notices_to(kJudge).find("通过"), std::string::npos) << notices_to(kJudge);
}

// Bug 2: still pending when it starts, the booking lapses and takes its approval with it.
TEST_P(RoomApprovalPath, ABookingStillPendingAtItsStartLapsesWithItsApproval) {
  Json b = book("t-102", kJudge, "党组会议");
  int64_t id = b["id"].get<int64_t>();
  Json card = task_card(kAdmin);
  int64_t instance_id = param_of(card, "instance_id");

  // Wednesday 10:00, then minute by minute until the release job has run for a minute after the
  // start (a job's "now" is its slot; a slot the clock jumped over is not replayed, and a slot
  // falling due while the previous run is still going is skipped: docs/scheduling.md).
  advance(2 * 86400000LL + 3600000LL);
  ASSERT_TRUE(eventually([&] {
    advance(60000);
    return booking_status(id) == "已取消";
  })) << booking(id).dump();
  ASSERT_TRUE(eventually([&] { return instance(instance_id, kJudge)["status"] == "CANCELED"; }))
      << instance(instance_id, kJudge).dump();
  auto r = call("POST", "/apps/approvals/instances/" + std::to_string(instance_id) + "/actions",
                Json::object({{"action", "agree"}, {"task_id", param_of(card, "task_id")}}),
                kAdmin);
  EXPECT_EQ(r.status, 409) << r.body;
}

// Bug 1: a room of the high court, bookable by the basic court and needing approval. The basic
// court's own court_admin books it: the approval belongs to the room's court, goes to its
// court_admin, and the booking waits for them — it does not approve itself.
TEST_P(RoomApprovalPath, AnotherCourtsRoomIsApprovedByThatCourt) {
  Json b = book("hc-301", kAdmin, "跨院协调会");
  EXPECT_EQ(b["status"], "待审批") << b.dump();
  int64_t id = b["id"].get<int64_t>();

  Json card = task_card(kHighAdmin);
  int64_t instance_id = param_of(card, "instance_id");
  Json approval = instance(instance_id, kHighAdmin);
  EXPECT_EQ(approval["court_code"], "T-HC");
  ASSERT_EQ(approval["tasks"].size(), 1u) << approval.dump();
  EXPECT_EQ(approval["tasks"][0]["user_id"], kHighAdmin);
  EXPECT_TRUE(task_cards(kAdmin).empty()) << "the booker was asked to approve their own booking";

  // The booker has no task to decide.
  auto own = call("POST", "/apps/approvals/instances/" + std::to_string(instance_id) + "/actions",
                  Json::object({{"action", "agree"}, {"task_id", param_of(card, "task_id")}}),
                  kAdmin);
  EXPECT_EQ(own.status, 403) << own.body;
  EXPECT_EQ(booking_status(id, kAdmin), "待审批");

  auto agreed =
      call("POST", "/apps/approvals/instances/" + std::to_string(instance_id) + "/actions",
           Json::object({{"action", "agree"}, {"task_id", param_of(card, "task_id")}}),
           kHighAdmin);
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  ASSERT_TRUE(eventually([&] { return booking_status(id, kAdmin) == "已预订"; }))
      << booking(id, kAdmin).dump();
}

INSTANTIATE_TEST_SUITE_P(Isolation, RoomApprovalPath, ::testing::Values("in_process", "process"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace courthub::it
