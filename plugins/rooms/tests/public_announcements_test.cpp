// SPDX-License-Identifier: Apache-2.0
// The public 开庭公告: anonymous callers, the three-calendar-day window (by the harness clock),
// 不公开 and canceled hearings hidden, nothing personal shown, hostile text escaped.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class PublicAnnouncements : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  int64_t create(Json body) {
    auto r = h->as(kJudge).post("/hearings", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
  }
  // The case numbers the public JSON lists at `now`.
  std::vector<std::string> listed_at(int64_t now) {
    h->set_now_ms(now);
    auto r = h->as_anonymous().get("/public/announcements.json?court=" + kCourt);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    for (Json doc = r.json(); auto& item : doc["items"])
      out.push_back(item["case_number"].get<std::string>());
    return out;
  }
};

TEST_F(PublicAnnouncements, AHearingIsListedFromThreeCalendarDaysBeforeItsDayUntilItEnds) {
  create(hearing_body(5, 540, 600));
  const std::vector<std::string> it = {"（2026）辽0102民初123号"};
  EXPECT_TRUE(listed_at(at(1, 1439)).empty()) << "day 1 23:59 is four days before";
  EXPECT_EQ(listed_at(at(2, 0)), it) << "day 2 00:00: three calendar days before day 5";
  EXPECT_EQ(listed_at(at(5, 599)), it);
  EXPECT_TRUE(listed_at(at(5, 600)).empty()) << "gone when it ends";
}

TEST_F(PublicAnnouncements, TheJsonCarriesOnlyWhatANoticeBoardShows) {
  create(hearing_body(5, 540, 600));
  h->set_now_ms(at(3, 600));
  auto r = h->as_anonymous().get("/public/announcements.json?court=" + kCourt);
  ASSERT_EQ(r.status, 200) << r.body;
  Json doc = r.json();
  EXPECT_EQ(doc["court"], Json::object({{"code", kCourt}, {"name", "沈阳市和平区人民法院"}}));
  ASSERT_EQ(doc["items"].size(), 1u);
  EXPECT_EQ(doc["items"][0], Json::object({{"case_number", "（2026）辽0102民初123号"},
                                           {"cause", "民间借贷纠纷"},
                                           {"start", iso(5, 540)},
                                           {"end", iso(5, 600)},
                                           {"room", "远程视频庭审室"},
                                           {"mode_label", "在线庭审"}}));
  for (const std::string& secret : {std::string("张三"), std::string("13812345678"), kJudge,
                                    kClerk, kStaff})
    EXPECT_EQ(r.body.find(secret), std::string::npos) << secret;
}

TEST_F(PublicAnnouncements, NonPublicAndCanceledHearingsAreNotListedAndItemsComeByStart) {
  Json closed = hearing_body(5, 600, 660);
  closed["case_number"] = "（2026）辽0102民初124号";
  closed["public"] = false;
  create(closed);
  Json canceled = hearing_body(5, 700, 760);
  canceled["case_number"] = "（2026）辽0102民初125号";
  int64_t gone = create(canceled);
  ASSERT_EQ(h->as(kJudge)
                .post("/hearings/" + std::to_string(gone) + "/status",
                      Json::object({{"status", "已取消"}}))
                .status,
            200);
  Json later = hearing_body(4, 800, 860);
  later["case_number"] = "（2026）辽0102民初126号";
  create(later);
  create(hearing_body(4, 480, 530));
  EXPECT_EQ(listed_at(at(3, 0)),
            (std::vector<std::string>{"（2026）辽0102民初123号", "（2026）辽0102民初126号"}));
}

TEST_F(PublicAnnouncements, ThePageIsHtmlForAnyoneWithHostileTextEscaped) {
  Json body = hearing_body(5, 540, 600);
  body["cause"] = "<script>alert('x')</script>&\"";
  create(body);
  h->set_now_ms(at(4, 0));
  auto r = h->as_anonymous().get("/public/announcements?court=" + kCourt);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(r.body.find("name=\"viewport\""), std::string::npos) << "readable on a phone";
  EXPECT_NE(r.body.find("沈阳市和平区人民法院"), std::string::npos);
  EXPECT_NE(r.body.find("开庭公告"), std::string::npos);
  EXPECT_NE(r.body.find("（2026）辽0102民初123号"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("<script"), std::string::npos) << "no script, hostile or ours";
  EXPECT_EQ(r.body.find("13812345678"), std::string::npos);
}

TEST_F(PublicAnnouncements, OnlyTheseRoutesServeAnonymousCallers) {
  EXPECT_EQ(h->as_anonymous().get("/public/announcements?court=" + kCourt).status, 200);
  auto r = h->as_anonymous().get("/public/announcements.json?court=XX-00");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(error_message(r).find("XX-00"), std::string::npos) << r.body;
  EXPECT_EQ(h->as_anonymous().get("/public/announcements").status, 400) << "court is required";
  for (const char* path : {"/hearings?court=LN-BC-SY-01", "/rooms?court=LN-BC-SY-01",
                           "/schedule?court=LN-BC-SY-01", "/my/permissions", "/bookings/1",
                           "/hearings/1", "/admin/rooms?court=LN-BC-SY-01",
                           "/free?court=LN-BC-SY-01&date=2026-12-01&from=09:00&to=10:00"})
    EXPECT_EQ(h->as_anonymous().get(path).status, 403) << path;
}

}  // namespace
}  // namespace rooms::testing
