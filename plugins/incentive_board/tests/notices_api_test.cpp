// SPDX-License-Identifier: Apache-2.0
// The workday notices job and the robot's `board` command through the harness: who gets what on
// a workday, nothing on weekends and holidays, no double sends, the switch, no-rank wording, and
// each form of the command.
#include <regex>

#include "import_fixture.hpp"

namespace board::testing {
namespace {

const std::regex kOrdinal("第\\s*[0-9]+");
constexpr const char* kDisclaimerText = "本通报用于查找短板、改进工作，不作为考核评价依据。";

const std::string kShenhe = "LN-BC-SY-02";
const std::string kDalian = "LN-BC-DL-01";
// Presidents of the high court, the intermediate court and the three basic courts.
const std::string kHighPresident = "LN-HC-001", kIcPresident = "LN-IC-SY-001",
                  kBasicPresident = "LN-BC-SY-01-001", kShenhePresident = "LN-BC-SY-02-001",
                  kDalianPresident = "LN-BC-DL-01-001", kVicePresident = "LN-BC-SY-01-002";

// Unix ms of `iso` (YYYY-MM-DD) at hh:mm in Asia/Shanghai.
int64_t at(const std::string& iso, int hh, int mm = 0) {
  return (int64_t{day_of(iso)} * 86400 + (hh - 8) * 3600 + mm * 60) * 1000;
}

Json notice_settings(Json notices, Json extra = Json::object()) {
  Json s = test_settings(Json::object({{"min_sample", Json::object({{"default", 1}})}}));
  Json n = Json::object({{"enabled", true},
                         {"time", "08:00"},
                         {"group_robot", "board"},
                         {"page_url", "http://board.test/ui/"}});
  for (auto& [k, v] : notices.items()) n[k] = v;
  s["notices"] = n;
  for (auto& [k, v] : extra.items()) s[k] = v;
  return s;
}

// The fixture's three courts plus two basic courts, a president for each court, a vice president,
// and cases that set the three basic courts apart; the clock on Monday 2026-12-07 09:00.
std::unique_ptr<PluginHarness> board_harness(Json settings = notice_settings(Json::object())) {
  auto h = make_harness(std::move(settings));
  h->add_court({kShenhe, "沈阳市沈河区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", "19000"});
  h->add_court({kDalian, "大连市中山区人民法院", "basic", "ordinary", "LN-IC-DL", "大连", "20000"});
  h->add_department({"2001", "院领导", "LN-IC-SY", "2000", "", ""});
  h->add_department({"19001", "院领导", kShenhe, "19000", "", ""});
  h->add_department({"20001", "院领导", kDalian, "20000", "", ""});
  h->add_person({kHighPresident, "单院长", kHigh, "1018", "院长", {"president"}});
  h->add_person({kIcPresident, "钱院长", "LN-IC-SY", "2001", "院长", {"president"}});
  h->add_person({kBasicPresident, "孙院长", kBasic, "18007", "院长", {"president"}});
  h->add_person({kVicePresident, "李副院长", kBasic, "18007", "副院长", {"vice_president"}});
  h->add_person({kShenhePresident, "周院长", kShenhe, "19001", "院长", {"president"}});
  h->add_person({kDalianPresident, "吴院长", kDalian, "20001", "院长", {"president"}});

  std::vector<Fields> cases;
  for (int i = 0; i < 6; ++i) {
    std::string n = std::to_string(i);
    cases.push_back(a_case("HP" + n));  // 和平: quick judgments, none appealed
    cases.push_back(a_case("SH" + n, {{"court_code", kShenhe},
                                      {"closed_on", "2026-08-20"},
                                      {"appealed", i < 3 ? "true" : "false"},
                                      {"appeal_outcome", i < 2 ? "revised" : ""}}));
    cases.push_back(a_case("DL" + n, {{"court_code", kDalian},
                                      {"closed_on", "2026-06-15"},
                                      {"closing_method", i < 3 ? "mediation" : "judgment"},
                                      {"appealed", i < 1 ? "true" : "false"},
                                      {"appeal_outcome", i < 1 ? "remanded" : ""}}));
    cases.push_back(a_case("IC" + n, {{"court_code", "LN-IC-SY"}}));
  }
  auto r = post_csv(*h, csv(cases));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["rejected"], Json::array()) << r.body;
  h->set_now_ms(at("2026-12-07", 9));
  h->clear_outbox();
  return h;
}

std::vector<Json> sent(PluginHarness& h, const std::string& channel) {
  std::vector<Json> out;
  for (Json& m : h.outbox())
    if (m["channel"] == channel) out.push_back(m);
  return out;
}

std::string text_to(PluginHarness& h, const std::string& user) {
  for (Json& m : sent(h, "work_notice"))
    if (m["target"] == user) return m["msg"]["markdown"]["text"].get<std::string>();
  return "<nothing for " + user + ">";
}

std::string title_to(PluginHarness& h, const std::string& user) {
  for (Json& m : sent(h, "work_notice"))
    if (m["target"] == user) return m["msg"]["markdown"]["title"].get<std::string>();
  return "<nothing for " + user + ">";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(NoticesJob, RunsAtTheConfiguredTimeEveryDay) {
  auto h = board_harness();
  auto jobs = h->jobs();
  EXPECT_NE(std::find(jobs.begin(), jobs.end(), "notices 0 8 * * * Asia/Shanghai"), jobs.end());
  auto later = make_harness(notice_settings(Json::object({{"time", "07:30"}})));
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
  EXPECT_EQ(to, (std::vector<std::string>{kDalianPresident, kBasicPresident, kShenhePresident,
                                          kHighPresident, kIcPresident}));

  std::string basic = text_to(*h, kBasicPresident);
  EXPECT_EQ(title_to(*h, kBasicPresident), "审判质效通报 2026-12-06");
  EXPECT_TRUE(has(basic, "沈阳市和平区人民法院")) << basic;
  EXPECT_TRUE(std::regex_search(basic, std::regex("第[123]名/共3家"))) << basic;
  EXPECT_TRUE(has(basic, "数据截至 2026-12-06（自 2026-01-01 起；同组：基层法院）")) << basic;
  EXPECT_TRUE(has(basic, "[查看本院详情](http://board.test/ui/#/court/" + kBasic + ")")) << basic;
  EXPECT_TRUE(has(basic, kDisclaimerText)) << basic;
  EXPECT_FALSE(has(basic, "沈阳市沈河区人民法院")) << "only its own court: " << basic;
  EXPECT_TRUE(has(text_to(*h, kShenhePresident), "沈阳市沈河区人民法院"));
  EXPECT_TRUE(has(text_to(*h, kIcPresident), "第1名/共1家")) << text_to(*h, kIcPresident);
  // The high court is not ranked: its president reads the province.
  EXPECT_EQ(title_to(*h, kHighPresident), "全省法院审判质效通报 2026-12-06");

  auto digest = sent(*h, "group_robot");
  ASSERT_EQ(digest.size(), 1u);
  EXPECT_EQ(digest[0]["target"], "board");
  std::string text = digest[0]["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_TRUE(has(text, "**基层法院**（3家）\n- 前三：第1名 ")) << text;
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
  EXPECT_EQ(title_to(*h, kBasicPresident), "审判质效通报 2026-10-09");
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

TEST(NoticesJob, WithoutAGroupRobotOnlyThePresidentsAreTold) {
  auto h = board_harness(notice_settings(Json::object({{"group_robot", ""}})));
  h->run_job("notices", at("2026-12-07", 8));
  EXPECT_EQ(sent(*h, "work_notice").size(), 5u);
  EXPECT_TRUE(sent(*h, "group_robot").empty());
}

TEST(NoticesJob, NoRankModeSendsNoOrdinalRankAnywhere) {
  auto h = board_harness(notice_settings(Json::object(), Json::object({{"mode", "no_rank"}})));
  h->run_job("notices", at("2026-12-07", 8));
  auto all = h->outbox();
  ASSERT_EQ(all.size(), 6u);
  for (Json& m : all) {
    std::string text = m["msg"]["markdown"]["text"].get<std::string>();
    EXPECT_FALSE(std::regex_search(text, kOrdinal)) << text;
    EXPECT_TRUE(has(text, kDisclaimerText)) << text;
  }
  EXPECT_TRUE(std::regex_search(text_to(*h, kBasicPresident),
                                std::regex("所处区间：同组3家法院的(前25%|25%–50%|50%–75%|后25%)")))
      << text_to(*h, kBasicPresident);
}

TEST(BoardCommand, BoardAloneShowsTheCallersCourt) {
  auto h = board_harness();
  auto r = h->as(kBasicPresident).command("board");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(r.markdown);
  EXPECT_EQ(r.title, "审判质效通报 2026-12-06");
  EXPECT_TRUE(has(r.text, "沈阳市和平区人民法院")) << r.text;
  EXPECT_TRUE(std::regex_search(r.text, std::regex("第[123]名/共3家"))) << r.text;
  EXPECT_TRUE(has(r.text, kDisclaimerText)) << r.text;
  // A judge of the court reads the same; the high court's people read the province.
  EXPECT_TRUE(has(h->as(kJudge).command("board").text, "沈阳市和平区人民法院"));
  auto high = h->as(kHighPresident).command("board");
  ASSERT_TRUE(high.ok) << high.text;
  EXPECT_EQ(high.title, "全省法院审判质效通报 2026-12-06");
}

TEST(BoardCommand, ACourtByNameOrCode) {
  auto h = board_harness();
  auto by_name = h->as(kBasicPresident).command("board 沈河");
  ASSERT_TRUE(by_name.ok) << by_name.text;
  EXPECT_TRUE(has(by_name.text, "#### 沈阳市沈河区人民法院 审判质效通报")) << by_name.text;
  auto by_code = h->as(kBasicPresident).command("board ln-bc-dl-01");
  ASSERT_TRUE(by_code.ok) << by_code.text;
  EXPECT_TRUE(has(by_code.text, "#### 大连市中山区人民法院 审判质效通报")) << by_code.text;
  auto short_form = h->as(kBasicPresident).command("board 沈阳中院");
  EXPECT_TRUE(has(short_form.text, "#### 沈阳市中级人民法院 审判质效通报")) << short_form.text;
}

TEST(BoardCommand, SeveralMatchesAreListedToPickFrom) {
  auto h = board_harness();
  auto r = h->as(kBasicPresident).command("board 沈阳");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(has(r.text, "与“沈阳”匹配的法院有 3 家")) << r.text;
  EXPECT_TRUE(has(r.text, "- 沈阳市沈河区人民法院：`board LN-BC-SY-02`")) << r.text;
  EXPECT_TRUE(has(r.text, "- 沈阳市中级人民法院：`board LN-IC-SY`")) << r.text;
}

TEST(BoardCommand, AnUnknownCourtGetsWhatToSendInstead) {
  auto h = board_harness();
  auto r = h->as(kBasicPresident).command("board 锦州");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r.text, "没有找到与“锦州”匹配的法院")) << r.text;
  EXPECT_TRUE(has(r.text, "board 沈阳")) << r.text;
}

TEST(BoardCommand, WeakestGivesMedianBestAndGap) {
  auto h = board_harness();
  auto r = h->as(kShenhePresident).command("board weakest");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_EQ(r.title, "短板指标 2026-12-06");
  EXPECT_TRUE(has(r.text, "#### 沈阳市沈河区人民法院 短板指标")) << r.text;
  EXPECT_TRUE(has(r.text, "同组中位数 ")) << r.text;
  EXPECT_TRUE(has(r.text, "，最好 ")) << r.text;
  EXPECT_TRUE(std::regex_search(r.text, std::regex("(落后|优于)中位数 |与中位数持平"))) << r.text;
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
  auto h = board_harness(notice_settings(Json::object(), Json::object({{"mode", "no_rank"}})));
  for (const char* line : {"board", "board 沈河", "board weakest", "board 沈阳"}) {
    auto r = h->as(kBasicPresident).command(line);
    ASSERT_TRUE(r.ok) << line << ": " << r.text;
    EXPECT_FALSE(std::regex_search(r.text, kOrdinal)) << line << ": " << r.text;
  }
  auto high = h->as(kHighPresident).command("board");
  EXPECT_FALSE(std::regex_search(high.text, kOrdinal)) << high.text;
}

}  // namespace
}  // namespace board::testing
