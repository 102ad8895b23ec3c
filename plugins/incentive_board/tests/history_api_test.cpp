// SPDX-License-Identifier: Apache-2.0
// The kept days through the harness: the 06:00 job keeps yesterday, "change" since the day
// before, the 30-day trend, a kept day served as kept (later imports do not touch it, an unkept
// day is computed from the cases now), and the judge history's pruning.
#include <gtest/gtest.h>

#include "board_harness.hpp"

namespace board::testing {
namespace {

class History : public ::testing::Test {
 protected:
  void SetUp() override { import_cases(*h, base_cases()); }
  // The job as the host runs it at 06:00, then the clock moves on to the next 06:00.
  void keep_yesterday_then_next_day() {
    h->run_job("board-history");
    h->advance_ms(kDayMs);
  }
  int64_t rows(const std::string& sql) {
    return h->query(sql)[0]["n"].get<int64_t>();
  }
  std::unique_ptr<PluginHarness> h = make_board();
};

TEST_F(History, TheDailyJobKeepsYesterdayAndChangeIsSinceTheDayBefore) {
  keep_yesterday_then_next_day();  // keeps 2026-12-06; now 2026-12-08 06:00
  EXPECT_EQ(rows("SELECT count(*) AS n FROM court_days"), 1);
  // LN-BC-SY-03 closes 11 more cases by mediation on 2026-12-07 (same 31 trial days): C2 13/21.
  import_cases(*h, cases("B3-new", kB3, 11, 11, "2026-11-07", "2026-12-07"));
  h->run_job("board-history");  // keeps 2026-12-07
  EXPECT_EQ(rows("SELECT count(*) AS n FROM court_days"), 2);

  auto r = h->as(kB1Clerk).get("/boards/courts");
  ASSERT_EQ(r.status, 200) << r.body;
  Json b = r.json();
  EXPECT_EQ(b["as_of"], "2026-12-07");
  const Json& basic = b["peer_groups"][0]["members"];
  ASSERT_EQ(basic.size(), 3u);
  EXPECT_EQ(basic[0]["court_code"], kB3);
  EXPECT_EQ(basic[1]["court_code"], kB1);
  EXPECT_EQ(basic[2]["court_code"], kB2);
  EXPECT_EQ(basic[0]["change"]["rank"], 2);   // 3rd -> 1st
  EXPECT_EQ(basic[1]["change"]["rank"], -1);  // 1st -> 2nd
  EXPECT_EQ(basic[2]["change"]["rank"], -1);  // 2nd -> 3rd
  EXPECT_GT(basic[0]["change"]["composite"].get<double>(), 0);
  EXPECT_LT(basic[1]["change"]["composite"].get<double>(), 0);
  // The high court has no composite: nothing to compare.
  EXPECT_TRUE(court_member(b, kHigh)["change"]["composite"].is_null());
  // Keeping a day again replaces it.
  h->run_job("board-history");
  EXPECT_EQ(rows("SELECT count(*) AS n FROM court_days"), 2);
  EXPECT_EQ(rows("SELECT count(*) AS n FROM court_day_members WHERE as_of = 20794"), 5);
}

TEST_F(History, TrendIsThirtyDaysFromTheKeptOnesNullWhereNotKept) {
  keep_yesterday_then_next_day();
  import_cases(*h, cases("B3-new", kB3, 11, 11, "2026-11-07", "2026-12-07"));
  h->run_job("board-history");
  auto r = h->as(kB1Clerk).get("/boards/courts/" + kB3 + "?as_of=2026-12-07");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json t = r.json()["trend"];
  ASSERT_EQ(t["dates"].size(), 30u);
  EXPECT_EQ(t["dates"][0], "2026-11-08");
  EXPECT_EQ(t["dates"][28], "2026-12-06");
  EXPECT_EQ(t["dates"][29], "2026-12-07");
  for (int i = 0; i < 28; ++i) {
    EXPECT_TRUE(t["composite"][i].is_null()) << i;
    EXPECT_TRUE(t["rank"][i].is_null()) << i;
    EXPECT_TRUE(t["values"]["C2"][i].is_null()) << i;
  }
  EXPECT_EQ(t["rank"][28], 3);
  EXPECT_EQ(t["rank"][29], 1);
  EXPECT_NEAR(t["values"]["C2"][28].get<double>(), 0.2, 1e-12);
  EXPECT_NEAR(t["values"]["C2"][29].get<double>(), 13.0 / 21, 1e-12);
  EXPECT_LT(t["composite"][28].get<double>(), t["composite"][29].get<double>());
}

TEST_F(History, AKeptDayIsServedAsKeptAndAnUnkeptDayIsComputedFromTheCasesNow) {
  keep_yesterday_then_next_day();  // keeps 2026-12-06
  h->run_job("board-history");     // keeps 2026-12-07
  // LN-BC-SY-02 closes 10 more cases by mediation on 2026-11-01: C2 (4 + 10) / 20 from then on.
  import_cases(*h, cases("B2-new", kB2, 10, 10, "2026-10-02", "2026-11-01"));

  auto c2_of = [&](const std::string& query) {
    auto r = h->as(kB1Clerk).get("/boards/courts?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return court_member(r.json(), kB2)["values"]["C2"].get<double>();
  };
  EXPECT_NEAR(c2_of("as_of=2026-12-06"), 0.4, 1e-12);                  // kept before the import
  EXPECT_NEAR(c2_of("as_of=2026-12-06&from=2026-01-01"), 0.4, 1e-12);  // the kept window
  EXPECT_NEAR(c2_of("as_of=2026-12-06&from=2026-01-02"), 0.7, 1e-12);  // another: computed
  EXPECT_NEAR(c2_of("as_of=2026-12-05"), 0.7, 1e-12);                  // not kept: computed
  auto page = h->as(kB1Clerk).get("/boards/courts/" + kB2 + "?as_of=2026-12-06").json();
  EXPECT_EQ(page["court"]["indicators"]["C2"]["numerator"].get<double>(), 4);
  page = h->as(kB1Clerk).get("/boards/courts/" + kB2 + "?as_of=2026-12-05").json();
  EXPECT_EQ(page["court"]["indicators"]["C2"]["numerator"].get<double>(), 14);
}

TEST(HistoryPruning, JudgeDaysGoAfterJudgeHistoryDaysAndOnlyTheLatestKeepsTheirJson) {
  Json settings = board_settings();
  settings["history"] = Json::object({{"judge_days", 2}});
  auto h = make_board(settings);
  import_cases(*h, base_cases());
  for (int i = 0; i < 3; ++i) {
    h->run_job("board-history");
    h->advance_ms(kDayMs);
  }
  auto n = [&](const std::string& sql) { return h->query(sql)[0]["n"].get<int64_t>(); };
  EXPECT_EQ(n("SELECT count(*) AS n FROM court_days"), 3);
  EXPECT_EQ(n("SELECT count(*) AS n FROM judge_days"), 2);
  EXPECT_EQ(n("SELECT count(*) AS n FROM judge_day_members WHERE detail IS NOT NULL"), 8);
  EXPECT_EQ(n("SELECT count(*) AS n FROM judge_day_members WHERE detail IS NOT NULL "
              "AND as_of = (SELECT max(as_of) FROM judge_days)"),
            8);
  // A kept judge day without its JSON is computed; the latest is read as kept.
  auto r = h->as_admin().get("/boards/judges?court=" + kB1 + "&as_of=2026-12-07");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["members"].size(), 2u);
  r = h->as_admin().get("/boards/judges?court=" + kB1 + "&as_of=2026-12-08");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["members"].size(), 2u);
}

}  // namespace
}  // namespace board::testing
