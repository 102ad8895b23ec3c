// SPDX-License-Identifier: Apache-2.0
// The workday notices job and the robot's `board` command through the harness: who gets what on
// a workday, nothing on weekends and holidays, no double sends, the switch, no-rank wording, and
// each form of the command.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>

#include "board_harness.hpp"
#include "case_record.hpp"

namespace board::testing {
namespace {

const std::regex kOrdinal("第\\s*[0-9]+");
constexpr const char* kDisclaimerText = "本通报用于查找短板、改进工作，不作为考核评价依据。";

// The harness's basic courts have presidents; these are the high and intermediate courts'.
const std::string kHighPresident = "LN-HC-001", kInterPresident = "LN-IC-SY-001";
const std::string kB3President = "LN-BC-SY-03-001";

// Unix ms of `iso` (YYYY-MM-DD) at hh:mm in Asia/Shanghai (UTC+8).
int64_t at(const std::string& iso, int hh, int mm = 0) {
  return (int64_t{day_of(iso)} * 86400 + (hh - 8) * 3600 + mm * 60) * 1000;
}

Json notice_settings(Json notices = Json::object(), const std::string& mode = "ranked") {
  Json s = board_settings(mode);
  Json n = Json::object({{"enabled", true},
                         {"time", "08:00"},
                         {"group_robot", "board"},
                         {"page_url", "http://board.test/ui/"}});
  for (auto& [k, v] : notices.items()) n[k] = v;
  s["notices"] = n;
  return s;
}

// The host reads the work calendar (holidays, make-up workdays) from $COURTHUB_SHARE/calendar;
// a test binary has no installed share folder, so point it at the source tree's config/.
void use_the_shipped_work_calendar() {
  auto config = std::filesystem::path(__FILE__).parent_path() / "../../../config";
  setenv("COURTHUB_SHARE", config.lexically_normal().c_str(), 0);
}

// The hand-computed board (board_harness.hpp: the basic courts rank 1, 2, 3 by C2), a president
// for every court; the clock on Monday 2026-12-07 06:00.
std::unique_ptr<PluginHarness> board_harness(const Json& settings = notice_settings()) {
  use_the_shipped_work_calendar();
  auto h = make_board(settings);
  h->add_person({kHighPresident, "单院长", kHigh, "1000", "院长", {"president"}});
  h->add_person({kInterPresident, "钱院长", kInter, "2000", "院长", {"president"}});
  import_cases(*h, base_cases());
  h->clear_outbox();
  return h;
}

std::vector<Json> sent(PluginHarness& h, const std::string& channel) {
  std::vector<Json> out;
  for (Json& m : h.outbox())
    if (m["channel"] == channel) out.push_back(m);
  return out;
}

std::string markdown_to(PluginHarness& h, const std::string& user, const char* part) {
  for (Json& m : sent(h, "work_notice"))
    if (m["target"] == user) return m["msg"]["markdown"][part].get<std::string>();
  return "<nothing for " + user + ">";
}
std::string text_to(PluginHarness& h, const std::string& user) {
  return markdown_to(h, user, "text");
}
std::string title_to(PluginHarness& h, const std::string& user) {
  return markdown_to(h, user, "title");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(NoticesJob, RunsAtTheConfiguredTimeEveryDay) {
  auto h = board_harness();
  auto jobs = h->jobs();
  EXPECT_NE(std::find(jobs.begin(), jobs.end(), "notices 0 8 * * * Asia/Shanghai"), jobs.end());
  auto later = make_board(notice_settings(Json::object({{"time", "07:30"}})));
  jobs = later->jobs();
  EXPECT_NE(std::find(jobs.begin(), jobs.end(), "notices 30 7 * * * Asia/Shanghai"), jobs.end());
}

TEST(NoticesJob, OnAWorkdayEachCourtsPresidentsGetItsNoticeAndTheGroupTheDigest) {
  auto h = board_harness();
  h->run_job("notices", at("2026-12-07", 8));  // Monday: as_of Sunday 2026-12-06
  auto notices = sent(*h, "work_notice");
  std::vector<std::string> to;
  for (auto& m : notices) to.push_back(m["target"].get<std::string>());
  std::sort(to.begin(), to.end());
  EXPECT_EQ(to, (std::vector<std::string>{kB1President, kB2President, kB3President,
                                          kHighPresident, kInterPresident}));

  std::string first = text_to(*h, kB1President);
  EXPECT_EQ(title_to(*h, kB1President), "审判质效通报 2026-12-06");
  EXPECT_TRUE(has(first, "#### 沈阳市和平区人民法院 审判质效通报")) << first;
  EXPECT_TRUE(has(first, "第1名/共3家（较前一日 持平）")) << first;
  EXPECT_TRUE(has(first, "数据截至 2026-12-06（自 2026-01-01 起；同组：基层法院）")) << first;
  EXPECT_TRUE(has(first, "[查看本院详情](http://board.test/ui/#/court/" + kB1 + ")")) << first;
  EXPECT_TRUE(has(first, kDisclaimerText)) << first;
  EXPECT_FALSE(has(first, "沈阳市沈河区人民法院")) << "only its own court: " << first;
  std::string third = text_to(*h, kB3President);
  EXPECT_TRUE(has(third, "#### 沈阳市大东区人民法院 审判质效通报")) << third;
  EXPECT_TRUE(has(third, "第3名/共3家")) << third;
  // C2 is where the third court lags: 20.00% against the peers' 40.00%.
  EXPECT_TRUE(has(third, "- **C2 调解撤诉率**：20.00%（同组中位数 40.00%，落后中位数 20.00 个百分点）"))
      << third;
  EXPECT_TRUE(has(text_to(*h, kB2President), "第2名/共3家")) << text_to(*h, kB2President);
  // The high court is not ranked: its president reads the province.
  EXPECT_EQ(title_to(*h, kHighPresident), "全省法院审判质效通报 2026-12-06");

  auto digest = sent(*h, "group_robot");
  ASSERT_EQ(digest.size(), 1u);
  EXPECT_EQ(digest[0]["target"], "board");
  std::string text = digest[0]["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_TRUE(has(text, "**基层法院**（3家）\n- 前三：第1名 沈阳市和平区人民法院（")) << text;
  EXPECT_TRUE(has(text, kDisclaimerText)) << text;
}

TEST(NoticesJob, WeekendsAndHolidaysSendNothing_MakeUpWorkdaysDo) {
  auto h = board_harness();
  h->run_job("notices", at("2026-12-05", 8));  // Saturday
  h->run_job("notices", at("2026-12-06", 8));  // Sunday
  h->run_job("notices", at("2026-10-01", 8));  // 国庆节, a Thursday
  h->run_job("notices", at("2026-10-07", 8));  // still the holiday
  EXPECT_TRUE(h->outbox().empty()) << h->outbox().size();
  h->run_job("notices", at("2026-10-10", 8));  // a Saturday worked in exchange (调休)
  EXPECT_EQ(sent(*h, "work_notice").size(), 5u);
  EXPECT_EQ(title_to(*h, kB1President), "审判质效通报 2026-10-09");
}

TEST(NoticesJob, ARerunOfTheSameDaySendsNothingTwice) {
  auto h = board_harness();
  h->run_job("notices", at("2026-12-07", 8));
  size_t first = h->outbox().size();
  EXPECT_EQ(first, 6u);
  h->run_job("notices", at("2026-12-07", 8));
  h->run_job("notices", at("2026-12-07", 8, 5));  // a later retry of the same morning
  EXPECT_EQ(h->outbox().size(), first);
  h->run_job("notices", at("2026-12-08", 8));  // the next workday is a new notice
  EXPECT_EQ(h->outbox().size(), 2 * first);
}

TEST(NoticesJob, SwitchedOffItSendsNothing) {
  auto h = board_harness(notice_settings(Json::object({{"enabled", false}})));
  h->run_job("notices", at("2026-12-07", 8));
  EXPECT_TRUE(h->outbox().empty());
}

TEST(NoticesJob, NoRankModeSendsNoOrdinalRankAnywhere) {
  auto h = board_harness(notice_settings(Json::object(), "no_rank"));
  h->run_job("notices", at("2026-12-07", 8));
  auto all = h->outbox();
  ASSERT_EQ(all.size(), 6u);
  for (Json& m : all) {
    std::string text = m["msg"]["markdown"]["text"].get<std::string>();
    EXPECT_FALSE(std::regex_search(text, kOrdinal)) << text;
    EXPECT_TRUE(has(text, kDisclaimerText)) << text;
  }
  // Ranks 1, 2, 3 of three: 1/3 is in 25%–50%, 3/3 in the bottom 25%.
  EXPECT_TRUE(has(text_to(*h, kB1President), "所处区间：同组3家法院的25%–50%"))
      << text_to(*h, kB1President);
  EXPECT_TRUE(has(text_to(*h, kB3President), "所处区间：同组3家法院的后25%"))
      << text_to(*h, kB3President);
}

TEST(BoardCommand, BoardAloneShowsTheCallersCourt) {
  auto h = board_harness();
  auto r = h->as(kB1President).command("board");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(r.markdown);
  EXPECT_EQ(r.title, "审判质效通报 2026-12-06");
  EXPECT_TRUE(has(r.text, "#### 沈阳市和平区人民法院 审判质效通报")) << r.text;
  EXPECT_TRUE(has(r.text, "第1名/共3家")) << r.text;
  EXPECT_TRUE(has(r.text, kDisclaimerText)) << r.text;
  // A judge of the court reads the same; the high court's people read the province.
  EXPECT_TRUE(has(h->as(kB1JudgeA).command("board").text, "沈阳市和平区人民法院"));
  auto high = h->as(kHighPresident).command("board");
  ASSERT_TRUE(high.ok) << high.text;
  EXPECT_EQ(high.title, "全省法院审判质效通报 2026-12-06");
}

TEST(BoardCommand, ADayKeptAgainIsAnsweredAnewEvenWithinTheSameMillisecond) {
  // The harness clock stands still, so the import below keeps 2026-12-06 again at the very
  // stored_ms of the first keep. The command and the page read the day kept last, not the one
  // they read (and the plugin holds parsed) before.
  auto h = board_harness();
  auto before = h->as(kB3President).command("board");
  EXPECT_TRUE(has(before.text, "第3名/共3家")) << before.text;
  EXPECT_EQ(court_member(h->as(kB1Clerk).get("/boards/courts").json(), kB3)["rank"], 3);
  // LN-BC-SY-03 closes 11 more cases by mediation on 2026-12-06: C2 13/21, the first of three.
  import_cases(*h, cases("B3-new", kB3, 11, 11, "2026-11-06", "2026-12-06"));
  auto after = h->as(kB3President).command("board");
  EXPECT_TRUE(has(after.text, "第1名/共3家")) << after.text;
  EXPECT_EQ(court_member(h->as(kB1Clerk).get("/boards/courts").json(), kB3)["rank"], 1);
}

TEST(BoardCommand, ACourtByNameOrCode) {
  auto h = board_harness();
  auto by_name = h->as(kB1President).command("board 沈河");
  ASSERT_TRUE(by_name.ok) << by_name.text;
  EXPECT_TRUE(has(by_name.text, "#### 沈阳市沈河区人民法院 审判质效通报")) << by_name.text;
  EXPECT_TRUE(has(by_name.text, "第2名/共3家")) << by_name.text;
  auto by_code = h->as(kB1President).command("board ln-bc-sy-03");
  ASSERT_TRUE(by_code.ok) << by_code.text;
  EXPECT_TRUE(has(by_code.text, "#### 沈阳市大东区人民法院 审判质效通报")) << by_code.text;
  auto short_form = h->as(kB1President).command("board 沈阳中院");
  EXPECT_TRUE(has(short_form.text, "#### 沈阳市中级人民法院 审判质效通报")) << short_form.text;
}

TEST(BoardCommand, SeveralMatchesAreListedToPickFrom) {
  auto h = board_harness();
  auto r = h->as(kB1President).command("board 沈阳");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(has(r.text, "与“沈阳”匹配的法院有 4 家")) << r.text;
  EXPECT_TRUE(has(r.text, "- 沈阳市沈河区人民法院：`board LN-BC-SY-02`")) << r.text;
  EXPECT_TRUE(has(r.text, "- 沈阳市中级人民法院：`board LN-IC-SY`")) << r.text;
}

TEST(BoardCommand, AnUnknownCourtGetsWhatToSendInstead) {
  auto h = board_harness();
  auto r = h->as(kB1President).command("board 锦州");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r.text, "没有找到与“锦州”匹配的法院")) << r.text;
  EXPECT_TRUE(has(r.text, "board 沈阳")) << r.text;
}

TEST(BoardCommand, WeakestGivesMedianBestAndGap) {
  auto h = board_harness();
  auto r = h->as(kB3President).command("board weakest");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_EQ(r.title, "短板指标 2026-12-06");
  EXPECT_TRUE(has(r.text, "#### 沈阳市大东区人民法院 短板指标")) << r.text;
  EXPECT_TRUE(has(r.text, "- **C2 调解撤诉率**：20.00%（同组中位数 40.00%，最好 60.00%；落后中位数 "
                          "20.00 个百分点）"))
      << r.text;
  EXPECT_TRUE(has(r.text, kDisclaimerText)) << r.text;
}

TEST(BoardCommand, AnUnknownSenderIsAskedToSignIn) {
  auto h = board_harness();
  auto r = h->as_anonymous().command("board");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r.text, "请先")) << r.text;
  EXPECT_TRUE(has(r.text, "登录")) << r.text;
}

TEST(BoardCommand, NoRankModeRepliesWithoutOrdinals) {
  auto h = board_harness(notice_settings(Json::object(), "no_rank"));
  for (const char* line : {"board", "board 沈河", "board weakest", "board 沈阳"}) {
    auto r = h->as(kB1President).command(line);
    ASSERT_TRUE(r.ok) << line << ": " << r.text;
    EXPECT_FALSE(std::regex_search(r.text, kOrdinal)) << line << ": " << r.text;
  }
  auto high = h->as(kHighPresident).command("board");
  EXPECT_FALSE(std::regex_search(high.text, kOrdinal)) << high.text;
}

}  // namespace
}  // namespace board::testing
