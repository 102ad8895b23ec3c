// SPDX-License-Identifier: Apache-2.0
// GET /boards/courts, /boards/courts/{code} and /boards/judges through the harness: a board
// computed by hand (board_harness.hpp), insufficient samples, the unranked high court, who sees
// which judge board, no-rank mode, and bad parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "board_harness.hpp"

namespace board::testing {
namespace {

// The hand computation: C2 is 0.6, 0.4, 0.2 in the three basic courts, every other indicator
// the same in all three (score 50). T-score of C2 with population σ; group C = mean of C1..C4;
// composite over A, B, C, E (no D values) with weights 25, 25, 20, 10.
double c2_score(double x) {
  const double mu = (0.6 + 0.4 + 0.2) / 3;
  const double sigma = std::sqrt(((0.6 - mu) * (0.6 - mu) + (0.4 - mu) * (0.4 - mu) +
                                  (0.2 - mu) * (0.2 - mu)) / 3);
  return 50 + 10 * (x - mu) / sigma;
}
double composite_of(double c2) {
  const double c = (50 + c2_score(c2) + 50 + 50) / 4;
  return (25 * 50 + 25 * 50 + 20 * c + 10 * 50) / 80.0;
}

class BoardApi : public ::testing::Test {
 protected:
  void SetUp() override { import_cases(*h, base_cases()); }
  std::unique_ptr<PluginHarness> h = make_board();
};

TEST_F(BoardApi, RegistersTheBoardRoutesAndTheDailyJob) {
  auto routes = h->routes();
  for (const char* r : {"GET /boards/courts", "GET /boards/courts/{code}", "GET /boards/judges"})
    EXPECT_NE(std::find(routes.begin(), routes.end(), r), routes.end()) << r;
  auto jobs = h->jobs();
  EXPECT_NE(std::find(jobs.begin(), jobs.end(), "board-history 0 6 * * * Asia/Shanghai"),
            jobs.end());
}

TEST_F(BoardApi, CourtBoardEqualsTheHandComputedOne) {
  auto r = h->as(kB1Clerk).get("/boards/courts?as_of=2026-12-06");
  ASSERT_EQ(r.status, 200) << r.body;
  Json b = r.json();
  EXPECT_EQ(b["as_of"], "2026-12-06");
  EXPECT_EQ(b["from"], "2026-01-01");
  EXPECT_EQ(b["mode"], "ranked");
  EXPECT_EQ(b["indicators"].size(), 18u);
  EXPECT_EQ(b["weights"]["A"], 25);
  ASSERT_EQ(b["peer_groups"].size(), 3u);  // no special court: that group is left out
  EXPECT_EQ(b["peer_groups"][0]["id"], "basic");
  EXPECT_EQ(b["peer_groups"][1]["id"], "intermediate");
  EXPECT_EQ(b["peer_groups"][2]["id"], "high");

  const Json& basic = b["peer_groups"][0];
  EXPECT_TRUE(basic["ranked"].get<bool>());
  EXPECT_EQ(basic["count"], 3);
  EXPECT_NEAR(basic["medians"]["C2"].get<double>(), 0.4, 1e-12);
  EXPECT_NEAR(basic["best"]["C2"].get<double>(), 0.6, 1e-12);
  ASSERT_EQ(basic["members"].size(), 3u);
  const double c2[] = {0.6, 0.4, 0.2};
  const std::string codes[] = {kB1, kB2, kB3};
  for (int i = 0; i < 3; ++i) {
    const Json& m = basic["members"][i];
    SCOPED_TRACE(codes[i]);
    EXPECT_EQ(m["court_code"], codes[i]);  // in rank order
    EXPECT_EQ(m["rank"], i + 1);
    EXPECT_FALSE(m.contains("band"));
    EXPECT_NEAR(m["values"]["C2"].get<double>(), c2[i], 1e-12);
    EXPECT_NEAR(m["values"]["A1"].get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(m["values"]["A3"].get<double>(), 31.0, 1e-12);
    EXPECT_NEAR(m["values"]["E1"].get<double>(), 5.0, 1e-12);  // 10 closed, 2 judges
    EXPECT_TRUE(m["values"]["A4"].is_null());  // nothing pending: denominator 0
    EXPECT_TRUE(m["values"]["D1"].is_null());
    EXPECT_NEAR(m["scores"]["C2"].get<double>(), c2_score(c2[i]), 1e-9);
    EXPECT_NEAR(m["scores"]["A1"].get<double>(), 50.0, 1e-9);  // σ = 0
    EXPECT_TRUE(m["scores"]["A4"].is_null());
    EXPECT_TRUE(m["group_scores"]["D"].is_null());
    EXPECT_NEAR(m["composite"].get<double>(), composite_of(c2[i]), 1e-9);
    EXPECT_EQ(m["weakest"].size(), 3u);
    // Nothing kept: the change is against 2026-12-05 computed now, which had the same cases.
    EXPECT_EQ(m["change"]["rank"], 0);
    EXPECT_NEAR(m["change"]["composite"].get<double>(), 0.0, 1e-9);
  }
  // Tiers of C2 among 3: red ⌈0.3⌉ = 1 (the lowest), yellow ⌈0.6⌉ = 1, the rest green.
  EXPECT_EQ(basic["members"][0]["tiers"]["C2"], "green");
  EXPECT_EQ(basic["members"][1]["tiers"]["C2"], "yellow");
  EXPECT_EQ(basic["members"][2]["tiers"]["C2"], "red");
  EXPECT_EQ(basic["members"][2]["weakest"][0]["indicator"], "C2");
  EXPECT_NEAR(basic["members"][2]["weakest"][0]["peer_median"].get<double>(), 0.4, 1e-12);
  EXPECT_NEAR(basic["members"][2]["weakest"][0]["peer_best"].get<double>(), 0.6, 1e-12);
}

TEST_F(BoardApi, InsufficientSampleIsNullAndTheHighCourtIsNotRanked) {
  Json b = h->as(kB1Clerk).get("/boards/courts?as_of=2026-12-06").json();
  // 5 cases, minimum sample 10: every value null but E1 (no minimum sample: 5 closed / 1 judge).
  Json ic = court_member(b, kInter);
  ASSERT_FALSE(ic.is_null());
  for (auto& [id, v] : ic["values"].items()) {
    if (id == "E1")
      EXPECT_NEAR(v.get<double>(), 5.0, 1e-12);
    else
      EXPECT_TRUE(v.is_null()) << id;
  }
  EXPECT_NEAR(ic["composite"].get<double>(), 50.0, 1e-9);  // alone in its group: σ = 0
  EXPECT_EQ(ic["rank"], 1);

  const Json& high = b["peer_groups"][2];
  EXPECT_FALSE(high["ranked"].get<bool>());
  Json hc = court_member(b, kHigh);
  EXPECT_NEAR(hc["values"]["C2"].get<double>(), 0.0, 1e-12);  // values shown
  EXPECT_NEAR(hc["values"]["A1"].get<double>(), 1.0, 1e-12);
  EXPECT_TRUE(hc["composite"].is_null());
  EXPECT_TRUE(hc["rank"].is_null());
  for (auto& [id, s] : hc["scores"].items()) EXPECT_TRUE(s.is_null()) << id;
  for (auto& [id, t] : hc["tiers"].items()) EXPECT_TRUE(t.is_null()) << id;
  EXPECT_EQ(hc["weakest"].size(), 0u);
}

TEST_F(BoardApi, AsOfDefaultsToYesterdayOnTheHostClock) {
  auto r = h->as(kB1Clerk).get("/boards/courts");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["as_of"], "2026-12-06");
  EXPECT_EQ(r.json()["from"], "2026-01-01");
  // A window of one's own.
  r = h->as(kB1Clerk).get("/boards/courts?as_of=2026-03-31&from=2026-03-15");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["from"], "2026-03-15");
  // Filed before the window and closed in it: A1's denominator counts them as pending at the start.
  EXPECT_NEAR(court_member(r.json(), kB1)["values"]["A1"].get<double>(), 1.0, 1e-12);
}

TEST_F(BoardApi, CourtPageShowsNumeratorsPeersAndTrend) {
  auto r = h->as(kB1Clerk).get("/boards/courts/" + kB1 + "?as_of=2026-12-06");
  ASSERT_EQ(r.status, 200) << r.body;
  Json p = r.json();
  EXPECT_EQ(p["as_of"], "2026-12-06");
  EXPECT_EQ(p["indicators"].size(), 18u);
  const Json& c = p["court"];
  EXPECT_EQ(c["court_code"], kB1);
  EXPECT_EQ(c["peer_group"], "basic");
  EXPECT_EQ(c["rank"], 1);
  EXPECT_TRUE(c.contains("change"));
  const Json& c2 = c["indicators"]["C2"];
  EXPECT_EQ(c2["numerator"].get<double>(), 6);
  EXPECT_EQ(c2["denominator"].get<double>(), 10);
  EXPECT_EQ(c2["sample"], 10);
  EXPECT_EQ(c2["min_sample"], 10);
  EXPECT_NEAR(c2["peer_median"].get<double>(), 0.4, 1e-12);
  EXPECT_EQ(p["peers"]["count"], 3);
  EXPECT_NEAR(p["peers"]["group_score_medians"]["A"].get<double>(), 50.0, 1e-9);
  const Json& t = p["trend"];
  ASSERT_EQ(t["dates"].size(), 30u);
  EXPECT_EQ(t["dates"][0], "2026-11-07");
  EXPECT_EQ(t["dates"][29], "2026-12-06");
  EXPECT_EQ(t["values"].size(), 18u);
  EXPECT_EQ(t["rank"].size(), 30u);
  // A clerk does not see the judges.
  EXPECT_FALSE(p.contains("judges"));

  EXPECT_EQ(h->as(kB1Clerk).get("/boards/courts/LN-NOPE").status, 404);
}

TEST_F(BoardApi, JudgeBoardIsForTheCourtsLeadersAndEachJudgeForThemself) {
  auto members = [&](const std::string& who, const std::string& court) {
    auto r = h->as(who).get("/boards/judges?court=" + court + "&as_of=2026-12-06");
    std::vector<std::string> ids;
    if (r.status != 200) return std::make_pair(r.status, ids);
    Json body = r.json();  // held: a range-for over r.json()[...] would outlive its temporary
    for (auto& m : body["members"]) ids.push_back(m["user_id"].get<std::string>());
    std::sort(ids.begin(), ids.end());
    return std::make_pair(r.status, ids);
  };
  const std::vector<std::string> both = judges_of(kB1);
  for (const std::string& who : {kB1President, kB1Vice, kB1Admin}) {
    auto [status, ids] = members(who, kB1);
    EXPECT_EQ(status, 200) << who;
    EXPECT_EQ(ids, both) << who;
  }
  auto r = h->as_admin().get("/boards/judges?court=" + kB1 + "&as_of=2026-12-06");
  ASSERT_EQ(r.status, 200) << r.body;
  Json jb = r.json();
  EXPECT_EQ(jb["court_code"], kB1);
  EXPECT_EQ(jb["level"], "basic");
  EXPECT_EQ(jb["peer_count"], 6);  // the judges of every basic court
  EXPECT_EQ(jb["indicators"].size(), 8u);
  EXPECT_EQ(jb["members"].size(), 2u);
  EXPECT_TRUE(jb["members"][0].contains("rank"));
  EXPECT_TRUE(jb["medians"].contains("C2"));

  auto [judge_status, judge_ids] = members(kB1JudgeA, kB1);
  EXPECT_EQ(judge_status, 200);
  EXPECT_EQ(judge_ids, std::vector<std::string>{kB1JudgeA});
  EXPECT_EQ(members(kB1Clerk, kB1).first, 403);
  EXPECT_EQ(members(kB2President, kB1).first, 403);
  EXPECT_EQ(members(kB1JudgeA, kB2).first, 403);
  EXPECT_EQ(h->as_admin().get("/boards/judges?court=LN-NOPE").status, 404);
  // Without ?court=, the caller's own court.
  r = h->as(kB1President).get("/boards/judges");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["court_code"], kB1);

  // The court page carries the same judges for those who may see them.
  Json page = h->as(kB1JudgeA).get("/boards/courts/" + kB1).json();
  ASSERT_TRUE(page.contains("judges"));
  ASSERT_EQ(page["judges"]["members"].size(), 1u);
  EXPECT_EQ(page["judges"]["members"][0]["user_id"], kB1JudgeA);
  page = h->as(kB1President).get("/boards/courts/" + kB1).json();
  EXPECT_EQ(page["judges"]["members"].size(), 2u);
  page = h->as(kB2President).get("/boards/courts/" + kB1).json();
  EXPECT_FALSE(page.contains("judges"));
}

TEST_F(BoardApi, BadParametersAre400NamingThem) {
  struct Case {
    std::string query, named;
  };
  for (const Case& c : {Case{"as_of=2026-13-01", "as_of"}, Case{"as_of=yesterday", "as_of"},
                        Case{"from=2026-02-30", "from"},
                        Case{"as_of=2026-06-01&from=2026-07-01", "from"},
                        Case{"as_of=2027-01-01", "as_of"}}) {
    for (const std::string& path :
         {std::string("/boards/courts?"), "/boards/courts/" + kB1 + "?", "/boards/judges?court=" + kB1 + "&"}) {
      auto r = h->as(kB1President).get(path + c.query);
      EXPECT_EQ(r.status, 400) << path << c.query << " " << r.body;
      EXPECT_NE(error_message(r).find(c.named), std::string::npos) << error_message(r);
      EXPECT_EQ(r.json()["error"]["details"]["fields"][0]["field"], "/" + c.named) << r.body;
    }
  }
  // Both at once.
  auto r = h->as(kB1President).get("/boards/courts?as_of=x&from=y");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["details"]["fields"].size(), 2u) << r.body;
  EXPECT_EQ(h->as_anonymous().get("/boards/courts").status, 403);
}

class NoRankBoard : public ::testing::Test {
 protected:
  void SetUp() override { import_cases(*h, base_cases()); }
  std::unique_ptr<PluginHarness> h = make_board(board_settings("no_rank"));
};

TEST_F(NoRankBoard, NoRankAnywhereAndBandsInsteadInBandOrder) {
  h->run_job("board-history");  // a kept day is shown without rank too
  h->advance_ms(kDayMs);
  h->run_job("board-history");
  for (const std::string& path :
       {std::string("/boards/courts"), std::string("/boards/courts?as_of=2026-12-05"),
        "/boards/courts/" + kB1, "/boards/courts/" + kB1 + "?as_of=2026-11-30",
        "/boards/judges?court=" + kB1, "/boards/courts/" + kHigh}) {
    auto r = h->as_admin().get(path);
    ASSERT_EQ(r.status, 200) << path << r.body;
    EXPECT_FALSE(has_key_anywhere(r.json(), "rank")) << path << " " << r.body;
    EXPECT_EQ(r.json()["mode"], "no_rank") << path;
  }
  Json b = h->as_admin().get("/boards/courts?as_of=2026-12-06").json();
  const Json& basic = b["peer_groups"][0];
  // Ranks 1, 2, 3 of 3: p = 1/3, 2/3, 1 -> 25_50, 50_75, bottom_25.
  ASSERT_EQ(basic["members"].size(), 3u);
  EXPECT_EQ(basic["members"][0]["band"], "25_50");
  EXPECT_EQ(basic["members"][1]["band"], "50_75");
  EXPECT_EQ(basic["members"][2]["band"], "bottom_25");
  EXPECT_EQ(basic["members"][0]["court_code"], kB1);
  // The change of the kept 2026-12-07 against the kept 2026-12-06 has no rank either.
  Json page = h->as_admin().get("/boards/courts/" + kB1 + "?as_of=2026-12-07").json();
  ASSERT_TRUE(page["court"]["change"].is_object()) << page["court"].dump();
  EXPECT_NEAR(page["court"]["change"]["composite"].get<double>(), 0.0, 1e-9);
  EXPECT_FALSE(page["trend"].contains("rank"));
  EXPECT_TRUE(basic["members"][0]["band"].is_string());
  EXPECT_TRUE(court_member(b, kHigh)["band"].is_null());
}

TEST(ModeSwitch, ADayKeptInRankedModeIsShownWithoutRankInNoRankMode) {
  const std::string dir = ::testing::TempDir() + "board-mode-switch-" +
                          std::to_string(::testing::UnitTest::GetInstance()->random_seed());
  {
    auto h = make_board(board_settings("ranked"), dir);
    import_cases(*h, base_cases());
    h->run_job("board-history");  // keeps 2026-12-06
    h->advance_ms(kDayMs);
    h->run_job("board-history");  // keeps 2026-12-07, in ranked mode
    Json kept = h->as_admin().get("/boards/courts?as_of=2026-12-07").json();
    ASSERT_EQ(court_member(kept, kB1)["rank"], 1);
  }
  auto h = make_board(board_settings("no_rank"), dir);
  auto r = h->as_admin().get("/boards/courts?as_of=2026-12-07");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(has_key_anywhere(r.json(), "rank")) << r.body;
  EXPECT_EQ(court_member(r.json(), kB1)["band"], "25_50");
  EXPECT_EQ(court_member(r.json(), kB3)["band"], "bottom_25");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace board::testing
