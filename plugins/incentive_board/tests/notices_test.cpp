// SPDX-License-Identifier: Apache-2.0
// The notice texts from a hand-made day's board: standing and change, bands without ordinals,
// the weakest three with medians and gaps, links, the digest, and the disclaimer everywhere.
#include <gtest/gtest.h>

#include <regex>

#include "indicators.hpp"
#include "notices.hpp"

namespace board {
namespace {

using courthub::Json;

// "第3名", "第 3 名", "第12" — any ordinal rank.
const std::regex kOrdinal("第\\s*[0-9]+");

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Json weak(std::string id, double value, double median, double best) {
  return Json::object({{"indicator", id},
                       {"value", value},
                       {"score", 35.0},
                       {"peer_median", median},
                       {"peer_best", best}});
}

// A day's court board in the shape history keeps (member_json with detail) — only what the
// texts read.
struct DayFixture {
  DayBoard day;

  DayFixture() {
    day.as_of = day_of("2026-12-06");
    day.window = Window{day_of("2026-01-01"), day_of("2026-12-06")};
  }
  DayGroup& group(PeerGroup g, bool ranked = true) {
    for (auto& x : day.groups)
      if (x.group == g) return x;
    DayGroup x;
    x.group = g;
    x.ranked = ranked;
    x.medians = Json::object();
    x.best = Json::object();
    day.groups.push_back(x);
    return day.groups.back();
  }
  DayMember& court(std::string code, std::string name, PeerGroup g, std::optional<double> composite,
                   std::optional<int> rank, std::optional<Band> band = std::nullopt) {
    DayGroup& grp = group(g, g != PeerGroup::High);
    ++grp.count;
    if (rank) ++grp.ranked_count;
    DayMember m;
    m.code = code;
    m.court_code = code;
    m.group = g;
    m.standing = Standing{composite, rank};
    m.band = band;
    m.detail = Json::object({{"court_code", code},
                             {"name", name},
                             {"weakest", Json::array()},
                             {"tiers", Json::object()}});
    day.members.push_back(m);
    return day.members.back();
  }
};

BoardSettings ranked_settings() {
  BoardSettings s;
  s.mode = Mode::Ranked;
  s.page_url = "http://board.example/apps/incentive_board/ui/";
  return s;
}

BoardSettings no_rank_settings() {
  BoardSettings s = ranked_settings();
  s.mode = Mode::NoRank;
  return s;
}

// Four basic courts and the high court; 2101 has a previous day and three weakest indicators.
DayFixture four_basic_courts() {
  DayFixture f;
  f.court("2102", "甲区人民法院", PeerGroup::Basic, 61.5, 1, Band::Top25);
  DayMember& c = f.court("2101", "乙区人民法院", PeerGroup::Basic, 55.126, 2, Band::Upper);
  c.previous = Standing{54.5, 4};
  c.detail["weakest"] = Json::array({weak("B1", 0.0215, 0.014, 0.002),
                                     weak("A3", 45.26, 30.0, 21.0), weak("E2", 1.234, 1.1, 1.01)});
  f.court("2103", "丙区人民法院", PeerGroup::Basic, 48.0, 3, Band::Lower);
  f.court("2104", "丁区人民法院", PeerGroup::Basic, 40.0, 4, Band::Bottom25);
  f.court("LN-HC", "辽宁省高级人民法院", PeerGroup::High, std::nullopt, std::nullopt);
  f.group(PeerGroup::Basic).medians = Json::object({{"B1", 0.014}, {"A3", 30.0}});
  return f;
}

const DayMember& member(const DayFixture& f, std::string_view code) {
  const DayMember* m = find_member(f.day, code);
  EXPECT_NE(m, nullptr) << code;
  return *m;
}

TEST(NoticeValues, EachUnitIsShownItsOwnWay) {
  EXPECT_EQ(format_value(indicator_index("A1"), 0.853211), "85.32%");
  EXPECT_EQ(format_value(indicator_index("A3"), 45.26), "45.3 天");
  EXPECT_EQ(format_value(indicator_index("E1"), 123.44), "123.4 件");
  EXPECT_EQ(format_value(indicator_index("E2"), 1.234), "1.23");
  EXPECT_EQ(format_value(indicator_index("C4"), 0.056), "0.06");
  EXPECT_EQ(format_value(indicator_index("B1"), -0.0), "0.00%");
}

TEST(NoticeValues, TheGapSaysWhichSideIsBetterByTheIndicatorsDirection) {
  // B1 ↓: above the median is behind it.
  EXPECT_EQ(format_gap(indicator_index("B1"), 0.0215, 0.014), "落后中位数 0.75 个百分点");
  // A1 ↑: above the median is ahead of it.
  EXPECT_EQ(format_gap(indicator_index("A1"), 0.95, 0.90), "优于中位数 5.00 个百分点");
  EXPECT_EQ(format_gap(indicator_index("A3"), 25.0, 30.0), "优于中位数 5.0 天");
  EXPECT_EQ(format_gap(indicator_index("E2"), 1.10001, 1.1), "与中位数持平");
}

TEST(CourtNotice, RankedModeShowsTheRankAmongPeersAndItsChange) {
  auto f = four_basic_courts();
  NoticeText n = court_notice(f.day, member(f, "2101"), ranked_settings());
  EXPECT_EQ(n.title, "审判质效通报 2026-12-06");
  EXPECT_TRUE(has(n.text, "乙区人民法院")) << n.text;
  EXPECT_TRUE(has(n.text, "数据截至 2026-12-06（自 2026-01-01 起；同组：基层法院）")) << n.text;
  EXPECT_TRUE(has(n.text, "第2名/共4家（较前一日 ↑2）")) << n.text;
  EXPECT_TRUE(has(n.text, "综合得分：55.13（较前一日 ↑0.63）")) << n.text;
}

TEST(CourtNotice, AFallShowsADownArrowAndNoPreviousDayShowsNoChange) {
  auto f = four_basic_courts();
  DayMember& m = f.day.members[1];
  m.previous = Standing{56.0, 1};
  NoticeText fell = court_notice(f.day, m, ranked_settings());
  EXPECT_TRUE(has(fell.text, "（较前一日 ↓1）")) << fell.text;
  EXPECT_TRUE(has(fell.text, "（较前一日 ↓0.87）")) << fell.text;
  m.previous.reset();
  NoticeText first = court_notice(f.day, m, ranked_settings());
  EXPECT_FALSE(has(first.text, "较前一日")) << first.text;
}

TEST(CourtNotice, NoRankModeShowsTheBandInWordsAndNoOrdinalAnywhere) {
  auto f = four_basic_courts();
  for (const DayMember& m : f.day.members) {
    NoticeText n = court_notice(f.day, m, no_rank_settings());
    EXPECT_FALSE(std::regex_search(n.text, kOrdinal)) << n.text;
    EXPECT_FALSE(std::regex_search(n.title, kOrdinal)) << n.title;
    EXPECT_FALSE(has(n.text, "位次")) << n.text;
  }
  NoticeText n = court_notice(f.day, member(f, "2101"), no_rank_settings());
  EXPECT_TRUE(has(n.text, "所处区间：同组4家法院的25%–50%")) << n.text;
  EXPECT_TRUE(has(n.text, "综合得分：55.13（较前一日 ↑0.63）")) << n.text;
  EXPECT_TRUE(has(court_notice(f.day, member(f, "2102"), no_rank_settings()).text, "前25%"));
  EXPECT_TRUE(has(court_notice(f.day, member(f, "2104"), no_rank_settings()).text, "后25%"));
}

TEST(CourtNotice, TheWeakestThreeCarryValueMedianAndGap) {
  auto f = four_basic_courts();
  NoticeText n = court_notice(f.day, member(f, "2101"), ranked_settings());
  EXPECT_TRUE(has(n.text,
                  "- **B1 一审判决被改判发回重审率**：2.15%（同组中位数 1.40%，落后中位数 0.75 "
                  "个百分点）"))
      << n.text;
  EXPECT_TRUE(has(n.text, "- **A3 平均审理天数**：45.3 天（同组中位数 30.0 天，落后中位数 15.3 天）"))
      << n.text;
  EXPECT_TRUE(has(n.text, "- **E2 案-件比**：1.23（同组中位数 1.10，落后中位数 0.13）")) << n.text;
  EXPECT_FALSE(has(n.text, "最好")) << "the notice gives the median; the robot adds the best";
  EXPECT_LT(n.text.find("B1"), n.text.find("A3"));  // in the board's order: lowest score first
}

TEST(CourtNotice, WithoutScoresItSaysSoInsteadOfInventingFigures) {
  DayFixture f;
  f.court("2101", "乙区人民法院", PeerGroup::Basic, 50.0, 1, Band::Top25);
  f.court("2105", "戊区人民法院", PeerGroup::Basic, std::nullopt, std::nullopt);
  NoticeText n = court_notice(f.day, member(f, "2105"), ranked_settings());
  EXPECT_TRUE(has(n.text, "综合得分：样本不足，暂无")) << n.text;
  EXPECT_TRUE(has(n.text, "位次：未参与排名（样本不足）")) << n.text;
  EXPECT_TRUE(has(n.text, "暂无可比较的指标（样本不足）")) << n.text;
}

TEST(CourtNotice, LinksToTheCourtsPageOnlyWhenPagesAreConfigured) {
  auto f = four_basic_courts();
  BoardSettings s = ranked_settings();
  EXPECT_EQ(court_link(s, "2101"), "http://board.example/apps/incentive_board/ui/#/court/2101");
  EXPECT_TRUE(has(court_notice(f.day, member(f, "2101"), s).text,
                  "[查看本院详情](http://board.example/apps/incentive_board/ui/#/court/2101)"));
  s.page_url.clear();
  EXPECT_EQ(court_link(s, "2101"), "");
  for (const NoticeText& n : {court_notice(f.day, member(f, "2101"), s),
                              weakest_notice(f.day, member(f, "2101"), s), province_digest(f.day, s)})
    EXPECT_FALSE(has(n.text, "](")) << n.text;
}

TEST(CourtNotice, TheUnrankedHighCourtIsToldItIsNotRanked) {
  auto f = four_basic_courts();
  NoticeText n = court_notice(f.day, member(f, "LN-HC"), ranked_settings());
  EXPECT_TRUE(has(n.text, "本院不参与同组评分与排名")) << n.text;
  EXPECT_FALSE(std::regex_search(n.text, kOrdinal)) << n.text;
}

TEST(CourtNotice, FitsADingTalkWorkNoticeEvenWithLongNames) {
  auto f = four_basic_courts();
  DayMember& m = f.day.members[1];
  m.detail["name"] = "辽宁省沈阳市某某某某某某某某区人民法院某某某某人民法庭";
  NoticeText n = court_notice(f.day, m, ranked_settings());
  EXPECT_LT(n.text.size(), 1900u) << n.text.size();
}

TEST(WeakestNotice, AddsTheBestPeerValue) {
  auto f = four_basic_courts();
  NoticeText n = weakest_notice(f.day, member(f, "2101"), no_rank_settings());
  EXPECT_TRUE(has(n.text, "- **B1 一审判决被改判发回重审率**：2.15%（同组中位数 1.40%，最好 0.20%；"
                          "落后中位数 0.75 个百分点）"))
      << n.text;
  EXPECT_FALSE(std::regex_search(n.text, kOrdinal)) << n.text;
}

TEST(ProvinceDigest, RankedModeNamesTheFirstThreeOfEachRankedGroup) {
  auto f = four_basic_courts();
  f.court("LN-IC-SY", "沈阳市中级人民法院", PeerGroup::Intermediate, 52.0, 1, Band::Top25);
  NoticeText n = province_digest(f.day, ranked_settings());
  EXPECT_EQ(n.title, "全省法院审判质效通报 2026-12-06");
  EXPECT_TRUE(has(n.text, "**基层法院**（4家）\n- 前三：第1名 甲区人民法院（61.50）、第2名 "
                          "乙区人民法院（55.13）、第3名 丙区人民法院（48.00）"))
      << n.text;
  EXPECT_FALSE(has(n.text, "丁区人民法院")) << n.text;
  EXPECT_TRUE(has(n.text, "**中级法院**（1家）\n- 前三：第1名 沈阳市中级人民法院")) << n.text;
  EXPECT_FALSE(has(n.text, "高级法院")) << "the high court is not ranked: " << n.text;
  EXPECT_TRUE(has(n.text, "[查看全省看板](http://board.example/apps/incentive_board/ui/)"));
}

TEST(ProvinceDigest, NoRankModeCountsBandsAndNamesNoCourt) {
  auto f = four_basic_courts();
  NoticeText n = province_digest(f.day, no_rank_settings());
  EXPECT_TRUE(has(n.text, "- 区间分布：前25% 1家，25%–50% 1家，50%–75% 1家，后25% 1家")) << n.text;
  EXPECT_FALSE(std::regex_search(n.text, kOrdinal)) << n.text;
  for (const DayMember& m : f.day.members)
    EXPECT_FALSE(has(n.text, m.detail["name"].get<std::string>())) << n.text;
}

TEST(ProvinceDigest, CountsRedCourtsPerIndicatorWithTheMedian) {
  auto f = four_basic_courts();
  f.day.members[0].detail["tiers"] = Json::object({{"A3", "red"}, {"B1", "red"}});
  f.day.members[1].detail["tiers"] = Json::object({{"B1", "red"}, {"A1", "yellow"}});
  NoticeText n = province_digest(f.day, ranked_settings());
  EXPECT_TRUE(has(n.text, "- 红色预警较多的指标：B1 一审判决被改判发回重审率 2家（中位数 1.40%）；"
                          "A3 平均审理天数 1家（中位数 30.0 天）"))
      << n.text;
  EXPECT_FALSE(has(n.text, "A1 结案率")) << "yellow is not red: " << n.text;
}

TEST(ProvinceDigest, SaysHowManyCourtsHaveNoComposite) {
  auto f = four_basic_courts();
  f.court("2105", "戊区人民法院", PeerGroup::Basic, std::nullopt, std::nullopt);
  NoticeText n = province_digest(f.day, ranked_settings());
  EXPECT_TRUE(has(n.text, "样本不足、暂无综合得分：1家")) << n.text;
}

TEST(ProvinceDigest, FitsAWorkNoticeForTheHighCourtsPresidentsWithEveryGroupFull) {
  DayFixture f;
  const std::string long_name = "某某某某自治县某某某某某某某某某某某某某某区人民法院";
  for (PeerGroup g : {PeerGroup::Basic, PeerGroup::Intermediate, PeerGroup::Special}) {
    for (int k = 0; k < 5; ++k) {
      DayMember& m = f.court(std::string(name_of(g)) + std::to_string(k), long_name, g, 60.0 - k,
                             k + 1, Band::Top25);
      m.detail["tiers"] = Json::object({{"B1", "red"}, {"A3", "red"}, {"D1", "red"}});
    }
    f.court(std::string(name_of(g)) + "x", long_name, g, std::nullopt, std::nullopt);
    f.group(g).medians = Json::object({{"B1", 0.0123}, {"A3", 123.4}, {"D1", 0.4567}});
  }
  // DingTalk takes 2048 bytes of work-notice message, title and JSON included.
  for (const BoardSettings& s : {ranked_settings(), no_rank_settings()}) {
    NoticeText n = province_digest(f.day, s);
    EXPECT_LE(n.text.size() + n.title.size(), 1800u) << n.text;
    EXPECT_TRUE(has(n.text, std::string(kDisclaimer))) << n.text;
  }
}

TEST(Disclaimer, EveryTextInEveryModeSaysItIsNotAnAppraisal) {
  auto f = four_basic_courts();
  for (const BoardSettings& s : {ranked_settings(), no_rank_settings()}) {
    std::vector<NoticeText> texts = {province_digest(f.day, s)};
    for (const DayMember& m : f.day.members) {
      texts.push_back(court_notice(f.day, m, s));
      texts.push_back(weakest_notice(f.day, m, s));
    }
    for (const NoticeText& n : texts) {
      EXPECT_TRUE(has(n.text, "本通报用于查找短板、改进工作，不作为考核评价依据。")) << n.text;
      EXPECT_FALSE(n.title.empty());
    }
  }
}

}  // namespace
}  // namespace board
