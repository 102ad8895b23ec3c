// SPDX-License-Identifier: Apache-2.0
// Whole boards from hand-built measures (no CaseTable): peer groups, scores, group scores,
// composite, ranks, tiers, weakest three, the unscored high court, the judge board, the JSON.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cmath>
#include <random>

#include "board.hpp"
#include "board_json.hpp"

namespace board {
namespace {

using courthub::Json;
constexpr double kEps = 1e-9;
const double kRoot5 = std::sqrt(5.0);
const double kRoot2 = std::sqrt(2.0);

int at(std::string_view id) {
  return indicator_index(id);
}

void set(Measures& m, std::string_view id, double numerator, double denominator, int64_t sample) {
  m[at(id)] = {numerator, denominator, sample};
}

OrgCourt court(std::string code, std::string level, PeerGroup group, int judges = 4) {
  return {code, "法院" + code, std::move(level), group, judges};
}

// Four basic courts, one intermediate, the high court (codes sorted, as Org keeps them).
struct SmallProvince {
  Org org;
  MeasureSet m;
  SmallProvince() {
    org.courts = {court("B01", "basic", PeerGroup::Basic), court("B02", "basic", PeerGroup::Basic),
                  court("B03", "basic", PeerGroup::Basic), court("B04", "basic", PeerGroup::Basic),
                  court("HC", "high", PeerGroup::High),
                  court("I01", "intermediate", PeerGroup::Intermediate)};
    m.courts.resize(org.courts.size());
    auto& b1 = m.courts[0];
    auto& b2 = m.courts[1];
    auto& b3 = m.courts[2];
    auto& b4 = m.courts[3];
    // A1 ↑: 0.9 0.8 0.7 0.6 → μ 0.75, σ = 0.05√5 (see scoring_test).
    set(b1, "A1", 9, 10, 10);
    set(b2, "A1", 8, 10, 10);
    set(b3, "A1", 7, 10, 10);
    set(b4, "A1", 6, 10, 10);
    // B1 ↓: 0.1 0.1 0.3, B04 has 5 cases (< 10): insufficient.
    set(b1, "B1", 1, 10, 10);
    set(b2, "B1", 1, 10, 10);
    set(b3, "B1", 3, 10, 10);
    set(b4, "B1", 1, 5, 5);
    // E1 ↑ ignores the minimum sample: 5 3 3 per judge; B04 has no judge.
    set(b1, "E1", 20, 4, 20);
    set(b2, "E1", 12, 4, 12);
    set(b3, "E1", 12, 4, 2);
    set(b4, "E1", 12, 0, 12);
    set(m.courts[4], "A1", 5, 10, 10);   // the high court
    set(m.courts[5], "A1", 1, 10, 10);   // a lone intermediate court
  }
};

// Scores by hand:
//  A1: B01 50+30/√5, B02 50+10/√5, B03 50−10/√5, B04 50−30/√5.
//  B1 (↓): μ = 1/6, σ = √2/15; z(0.1) = −1/√2 → negated: 50+10/√2 (B01, B02); z(0.3) = √2 →
//      50−10√2 (B03).
//  E1: μ = 11/3, σ = 2√2/3; z(5) = √2 → 50+10√2 (B01); z(3) = −1/√2 → 50−10/√2 (B02, B03).
//  Groups A, B, E each have one indicator; C and D none. Composite = (25A + 25B + 10E) / 60, and
//  B04 has only A: its composite is A (weights renormalised).
const double kA1[4] = {50 + 30 / kRoot5, 50 + 10 / kRoot5, 50 - 10 / kRoot5, 50 - 30 / kRoot5};
const double kB1Good = 50 + 10 / kRoot2, kB1Bad = 50 - 10 * kRoot2;
const double kE1Top = 50 + 10 * kRoot2, kE1Low = 50 - 10 / kRoot2;

const PeerBoard& group_of(const Board& b, PeerGroup g) {
  for (const PeerBoard& p : b.groups)
    if (p.group == g) return p;
  throw std::runtime_error("no such group");
}

TEST(CourtBoard, ScoresACourtBoardEndToEndFromMeasures) {
  SmallProvince p;
  BoardSettings s;
  Board b = court_board(p.m, p.org, s, {100, 200});
  EXPECT_EQ(b.window.from, 100);
  ASSERT_EQ(b.groups.size(), 3u);  // basic, intermediate, high; no special court here
  EXPECT_EQ(b.groups[0].group, PeerGroup::Basic);
  EXPECT_EQ(b.groups[1].group, PeerGroup::Intermediate);
  EXPECT_EQ(b.groups[2].group, PeerGroup::High);

  const PeerBoard& basic = b.groups[0];
  ASSERT_EQ(basic.members.size(), 4u);
  const MemberResult& b1 = basic.members[0];
  const MemberResult& b2 = basic.members[1];
  const MemberResult& b3 = basic.members[2];
  const MemberResult& b4 = basic.members[3];
  EXPECT_EQ(b1.code, "B01");
  EXPECT_EQ(b4.code, "B04");

  EXPECT_NEAR(*b1.indicators[at("A1")].value, 0.9, 1e-15);
  EXPECT_FALSE(b4.indicators[at("B1")].value);  // 5 cases < min_sample 10
  EXPECT_EQ(b4.indicators[at("B1")].measure.denominator, 5);  // the counts are kept
  EXPECT_FALSE(b4.indicators[at("E1")].value);  // no judge
  EXPECT_NEAR(*b3.indicators[at("E1")].value, 3.0, 1e-15);  // sample 2, but E1 has no minimum
  EXPECT_FALSE(b1.indicators[at("C1")].value);  // denominator 0

  for (int k = 0; k < 4; ++k)
    EXPECT_NEAR(*basic.members[k].indicators[at("A1")].score, kA1[k], kEps) << k;
  EXPECT_NEAR(*b1.indicators[at("B1")].score, kB1Good, kEps);
  EXPECT_NEAR(*b2.indicators[at("B1")].score, kB1Good, kEps);
  EXPECT_NEAR(*b3.indicators[at("B1")].score, kB1Bad, kEps);
  EXPECT_NEAR(*b1.indicators[at("E1")].score, kE1Top, kEps);
  EXPECT_NEAR(*b3.indicators[at("E1")].score, kE1Low, kEps);

  EXPECT_NEAR(*b1.group_scores[0], kA1[0], kEps);
  EXPECT_FALSE(b1.group_scores[2]);
  EXPECT_FALSE(b1.group_scores[3]);
  EXPECT_NEAR(*b1.composite, (25 * kA1[0] + 25 * kB1Good + 10 * kE1Top) / 60, kEps);  // 60.893470803
  EXPECT_NEAR(*b2.composite, (25 * kA1[1] + 25 * kB1Good + 10 * kE1Low) / 60, kEps);  // 53.631156934
  EXPECT_NEAR(*b3.composite, (25 * kA1[2] + 25 * kB1Bad + 10 * kE1Low) / 60, kEps);   // 41.065542207
  EXPECT_NEAR(*b4.composite, kA1[3], kEps);                                            // 36.583592135
  EXPECT_EQ(b1.rank, 1);
  EXPECT_EQ(b4.rank, 4);
  EXPECT_EQ(basic.ranked_count, 4);
  EXPECT_EQ(b1.band, Band::Top25);
  EXPECT_EQ(b4.band, Band::Bottom25);

  // Tiers of A1 (n = 4: 1 red, 1 yellow); of B1 (n = 3: B03 red, then B01 before B02 by code).
  EXPECT_EQ(b4.indicators[at("A1")].tier, Tier::Red);
  EXPECT_EQ(b3.indicators[at("A1")].tier, Tier::Yellow);
  EXPECT_EQ(b2.indicators[at("A1")].tier, Tier::Green);
  EXPECT_EQ(b3.indicators[at("B1")].tier, Tier::Red);
  EXPECT_EQ(b1.indicators[at("B1")].tier, Tier::Yellow);
  EXPECT_EQ(b2.indicators[at("B1")].tier, Tier::Green);
  EXPECT_FALSE(b4.indicators[at("B1")].tier);

  // Peer medians and bests are of values: A1 median (0.7+0.8)/2, best 0.9; B1 (↓) best = min.
  EXPECT_NEAR(*basic.median[at("A1")], 0.75, 1e-15);
  EXPECT_NEAR(*basic.best[at("A1")], 0.9, 1e-15);
  EXPECT_NEAR(*basic.median[at("B1")], 0.1, 1e-15);
  EXPECT_NEAR(*basic.best[at("B1")], 0.1, 1e-15);
  EXPECT_NEAR(*basic.best[at("E1")], 5.0, 1e-15);
  EXPECT_FALSE(basic.median[at("C1")]);
  EXPECT_NEAR(*basic.group_score_median[0], 50.0, kEps);  // A: (kA1[1] + kA1[2]) / 2
  EXPECT_NEAR(*basic.group_score_median[1], kB1Good, kEps);

  // Weakest: B01 B1 < A1 < E1; B02 E1 < A1 < B1; B04 has a single score.
  ASSERT_EQ(b1.weakest.size(), 3u);
  EXPECT_EQ(b1.weakest[0].indicator, at("B1"));
  EXPECT_EQ(b1.weakest[1].indicator, at("A1"));
  EXPECT_EQ(b1.weakest[2].indicator, at("E1"));
  EXPECT_NEAR(b1.weakest[1].peer_median, 0.75, 1e-15);
  EXPECT_NEAR(b1.weakest[1].peer_best, 0.9, 1e-15);
  EXPECT_NEAR(b1.weakest[1].value, 0.9, 1e-15);
  EXPECT_EQ(b2.weakest[0].indicator, at("E1"));
  EXPECT_EQ(b2.weakest[2].indicator, at("B1"));
  ASSERT_EQ(b4.weakest.size(), 1u);
  EXPECT_EQ(b4.weakest[0].indicator, at("A1"));

  // The lone intermediate court is scored apart from the basic courts: σ = 0 → 50.
  const MemberResult& i1 = b.groups[1].members[0];
  EXPECT_EQ(*i1.indicators[at("A1")].score, 50.0);
  EXPECT_EQ(*i1.composite, 50.0);
  EXPECT_EQ(i1.rank, 1);
}

TEST(CourtBoard, TheHighCourtIsShownWithValuesOnly) {
  SmallProvince p;
  Board b = court_board(p.m, p.org, BoardSettings{}, {0, 0});
  const PeerBoard& high = group_of(b, PeerGroup::High);
  EXPECT_FALSE(high.ranked);
  EXPECT_EQ(high.ranked_count, 0);
  const MemberResult& hc = high.members.at(0);
  EXPECT_NEAR(*hc.indicators[at("A1")].value, 0.5, 1e-15);
  EXPECT_FALSE(hc.indicators[at("A1")].score);
  EXPECT_FALSE(hc.indicators[at("A1")].tier);
  EXPECT_FALSE(hc.group_scores[0]);
  EXPECT_FALSE(hc.composite);
  EXPECT_FALSE(hc.rank);
  EXPECT_FALSE(hc.band);
  EXPECT_TRUE(hc.weakest.empty());
  EXPECT_FALSE(high.group_score_median[0]);

  const PeerBoard* g = nullptr;
  EXPECT_EQ(find_member(b, "HC", &g), &hc);
  EXPECT_EQ(g, &high);
  EXPECT_EQ(find_member(b, "nope"), nullptr);
}

TEST(CourtBoard, GroupScoresSkipMissingIndicatorsAndCompositeRenormalises) {
  Org org;
  org.courts = {court("P1", "basic", PeerGroup::Basic), court("P2", "basic", PeerGroup::Basic)};
  MeasureSet m;
  m.courts.resize(2);
  set(m.courts[0], "A1", 9, 10, 10);  // A1 0.9 / 0.5 → 60 / 40
  set(m.courts[1], "A1", 5, 10, 10);
  set(m.courts[0], "A2", 8, 10, 10);  // A2 only P1 → 50
  set(m.courts[0], "A4", 1, 10, 10);  // A4 ↓ 0.1 / 0.3 → 60 / 40
  set(m.courts[1], "A4", 3, 10, 10);
  set(m.courts[0], "B1", 1, 10, 10);  // B1 only P1 → 50; P2 has no group B
  Board b = court_board(m, org, BoardSettings{}, {0, 0});
  const MemberResult& p1 = b.groups[0].members[0];
  const MemberResult& p2 = b.groups[0].members[1];
  EXPECT_NEAR(*p1.group_scores[0], (60.0 + 50 + 60) / 3, kEps);
  EXPECT_NEAR(*p2.group_scores[0], (40.0 + 40) / 2, kEps);  // A2 missing: mean of two, not three
  EXPECT_FALSE(p2.group_scores[1]);
  EXPECT_NEAR(*p1.composite, (25 * (170.0 / 3) + 25 * 50.0) / 50, kEps);
  EXPECT_NEAR(*p2.composite, 40.0, kEps);  // only A: Σ W·G / Σ W over A alone

  // Weakest with ties: P1 has A2 50, B1 50, A1 60, A4 60 → A2 before B1, then A1 before A4.
  std::vector<int> weakest;
  for (const Weak& w : p1.weakest) weakest.push_back(w.indicator);
  EXPECT_EQ(weakest, (std::vector<int>{at("A2"), at("B1"), at("A1")}));
  ASSERT_EQ(p2.weakest.size(), 2u);  // fewer than three scores
  EXPECT_EQ(p2.weakest[0].indicator, at("A1"));
  EXPECT_EQ(p2.weakest[1].indicator, at("A4"));
  EXPECT_NEAR(p2.weakest[1].peer_median, 0.2, 1e-15);  // (0.1 + 0.3) / 2
  EXPECT_NEAR(p2.weakest[1].peer_best, 0.1, 1e-15);    // ↓: the lowest value

  // Weights of 0 for the only scored groups: no composite, no rank.
  BoardSettings zero;
  zero.weights = {0, 0, 1, 1, 1};
  Board z = court_board(m, org, zero, {0, 0});
  EXPECT_FALSE(z.groups[0].members[0].composite);
  EXPECT_FALSE(z.groups[0].members[0].rank);
  EXPECT_EQ(z.groups[0].ranked_count, 0);
}

TEST(CourtBoard, MinimumSamplesComeFromTheSettings) {
  SmallProvince p;
  BoardSettings s;
  s.min_sample[at("A1")] = 11;  // every A1 sample is 10
  s.min_sample[at("E1")] = 1000;  // ignored
  Board b = court_board(p.m, p.org, s, {0, 0});
  const MemberResult& b1 = b.groups[0].members[0];
  EXPECT_FALSE(b1.indicators[at("A1")].value);
  EXPECT_EQ(b1.indicators[at("A1")].min_sample, 11);
  EXPECT_TRUE(b1.indicators[at("E1")].value);
  EXPECT_EQ(b1.indicators[at("E1")].min_sample, 0);
}

TEST(CourtBoard, TiedCompositesShareARankAndMembersAreOrderedByRankThenCode) {
  Org org;
  MeasureSet m;
  // Composites are the A1 scores: 0.9, 0.5, 0.5, 0.1 → ranks 1, 2, 2, 4.
  const double a1[] = {0.5, 0.9, 0.1, 0.5};
  for (int k = 0; k < 4; ++k) {
    org.courts.push_back(court("K" + std::to_string(k), "basic", PeerGroup::Basic));
    m.courts.emplace_back();
    set(m.courts.back(), "A1", a1[k] * 10, 10, 10);
  }
  org.courts.push_back(court("K9", "basic", PeerGroup::Basic));  // nothing measured: no rank
  m.courts.emplace_back();
  Board b = court_board(m, org, BoardSettings{}, {0, 0});
  const auto& ms = b.groups[0].members;
  std::vector<std::string> order;
  for (const auto& x : ms) order.push_back(x.code + ":" + (x.rank ? std::to_string(*x.rank) : "-"));
  EXPECT_EQ(order, (std::vector<std::string>{"K1:1", "K0:2", "K3:2", "K2:4", "K9:-"}));
  EXPECT_EQ(b.groups[0].ranked_count, 4);
}

// Judges of five courts: two basic, one intermediate, one maritime (level intermediate), the high
// court; plus a judge whose court is unknown.
struct JudgeProvince {
  Org org;
  MeasureSet m;
  JudgeProvince() {
    org.courts = {court("B01", "basic", PeerGroup::Basic), court("B02", "basic", PeerGroup::Basic),
                  court("HC", "high", PeerGroup::High),
                  court("I01", "intermediate", PeerGroup::Intermediate),
                  court("M01", "intermediate", PeerGroup::Special)};
    org.judges = {{"j1", "甲", "B01"}, {"j2", "乙", "B02"}, {"j3", "丙", "I01"},
                  {"j4", "丁", "M01"}, {"j5", "戊", "HC"},  {"j6", "己", "XX"}};
    m.courts.resize(org.courts.size());
    m.judges.resize(org.judges.size());
    const double a1[] = {0.9, 0.5, 0.8, 0.4, 0.7, 0.6};
    for (size_t k = 0; k < org.judges.size(); ++k) {
      set(m.judges[k], "A1", a1[k] * 10, 10, 10);
      set(m.judges[k], "B2", k, 10, 10);  // not a judge indicator: ignored
      set(m.judges[k], "D2", k, 10, 10);
    }
  }
};

TEST(JudgeBoard, PeersAreTheJudgesOfCourtsOfTheSameLevel) {
  JudgeProvince p;
  Board b = judge_board(p.m, p.org, BoardSettings{}, {0, 0});
  ASSERT_EQ(b.groups.size(), 3u);
  EXPECT_EQ(b.groups[0].group, PeerGroup::Basic);
  EXPECT_EQ(b.groups[1].group, PeerGroup::Intermediate);
  EXPECT_EQ(b.groups[2].group, PeerGroup::High);
  for (const PeerBoard& g : b.groups) EXPECT_TRUE(g.ranked);
  EXPECT_EQ(find_member(b, "j6"), nullptr);  // court unknown

  // Basic: j1 0.9, j2 0.5 → μ 0.7, σ 0.2 → 60 / 40. Intermediate: j3 (I01) 0.8 and j4 of the
  // maritime court 0.4 → 60 / 40. The high court's judge alone → 50, ranked 1.
  const PeerBoard* g = nullptr;
  const MemberResult* j1 = find_member(b, "j1", &g);
  EXPECT_EQ(g->group, PeerGroup::Basic);
  EXPECT_NEAR(*j1->indicators[at("A1")].score, 60.0, kEps);
  EXPECT_NEAR(*j1->composite, 60.0, kEps);  // only group A has a score
  EXPECT_EQ(j1->court_code, "B01");
  EXPECT_EQ(j1->name, "甲");
  const MemberResult* j4 = find_member(b, "j4", &g);
  EXPECT_EQ(g->group, PeerGroup::Intermediate);
  EXPECT_NEAR(*j4->indicators[at("A1")].score, 40.0, kEps);
  EXPECT_EQ(j4->rank, 2);
  const MemberResult* j5 = find_member(b, "j5", &g);
  EXPECT_EQ(*j5->composite, 50.0);
  EXPECT_EQ(j5->rank, 1);

  // Only the 8 judge indicators: B2 and D2 were measured but take no part.
  EXPECT_FALSE(j1->indicators[at("B2")].value);
  EXPECT_FALSE(j1->indicators[at("D2")].score);
  EXPECT_FALSE(j1->group_scores[3]);
  EXPECT_FALSE(g->median[at("B2")]);

  Json j = member_json(*j1, b.groups[0], BoardSettings{}, true, true);
  EXPECT_EQ(j["user_id"], "j1");
  EXPECT_FALSE(j.contains("court_code"));
  EXPECT_EQ(j["values"].size(), 8u);
  EXPECT_FALSE(j["values"].contains("B2"));
  EXPECT_EQ(j["indicators"].size(), 8u);
  EXPECT_EQ(j["group_scores"].size(), 4u);  // A B C E
  EXPECT_EQ(catalogue_json(BoardSettings{}, true).size(), 8u);
}

TEST(BoardJson, MemberInRankedModeWithDetail) {
  SmallProvince p;
  BoardSettings s;
  Board b = court_board(p.m, p.org, s, {0, 0});
  const PeerBoard& basic = b.groups[0];
  Json j = member_json(basic.members[3], basic, s, false, true);  // B04
  EXPECT_EQ(j["court_code"], "B04");
  EXPECT_EQ(j["values"].size(), 18u);
  EXPECT_NEAR(j["values"]["A1"].get<double>(), 0.6, 1e-15);
  EXPECT_TRUE(j["values"]["B1"].is_null());
  EXPECT_TRUE(j["scores"]["B1"].is_null());
  EXPECT_EQ(j["tiers"]["A1"], "red");
  EXPECT_TRUE(j["group_scores"]["B"].is_null());
  EXPECT_EQ(j["rank"], 4);
  EXPECT_FALSE(j.contains("band"));
  EXPECT_FALSE(j.contains("change"));
  EXPECT_EQ(j["weakest"].size(), 1u);
  EXPECT_EQ(j["weakest"][0]["indicator"], "A1");
  EXPECT_NEAR(j["weakest"][0]["peer_median"].get<double>(), 0.75, 1e-15);
  EXPECT_EQ(j["peer_group"], "basic");
  const Json& b1 = j["indicators"]["B1"];
  EXPECT_TRUE(b1["value"].is_null());
  EXPECT_EQ(b1["numerator"], 1.0);
  EXPECT_EQ(b1["denominator"], 5.0);
  EXPECT_EQ(b1["sample"], 5);
  EXPECT_EQ(b1["min_sample"], 10);
  EXPECT_NEAR(b1["peer_median"].get<double>(), 0.1, 1e-15);
  EXPECT_TRUE(j["indicators"]["E1"]["min_sample"].is_null());

  Json high = member_json(group_of(b, PeerGroup::High).members[0], group_of(b, PeerGroup::High), s,
                          false, false);
  EXPECT_TRUE(high["rank"].is_null());
  EXPECT_TRUE(high["scores"]["A1"].is_null());
  EXPECT_TRUE(high["weakest"].empty());
  EXPECT_FALSE(high.contains("indicators"));

  Json previous = {{"rank", 2}, {"composite", 40.0}};
  Json change = change_json(basic.members[3], &previous, s);
  EXPECT_EQ(change["rank"], -2);  // 2 → 4: down two
  EXPECT_NEAR(change["composite"].get<double>(), kA1[3] - 40.0, kEps);
  EXPECT_TRUE(change_json(basic.members[3], nullptr, s).is_null());
  Json unranked = {{"rank", nullptr}, {"composite", nullptr}};
  EXPECT_TRUE(change_json(basic.members[0], &unranked, s)["rank"].is_null());
}

TEST(BoardJson, NoRankModeHasNoRankAnywhere) {
  SmallProvince p;
  BoardSettings s;
  s.mode = Mode::NoRank;
  Board b = court_board(p.m, p.org, s, {0, 0});
  Json previous = {{"rank", 3}, {"composite", 40.0}};
  for (const PeerBoard& g : b.groups)
    for (const MemberResult& m : g.members)
      for (bool detail : {false, true}) {
        Json j = member_json(m, g, s, false, detail);
        j["change"] = change_json(m, &previous, s);
        EXPECT_EQ(j.dump().find("rank"), std::string::npos) << j.dump();
        EXPECT_TRUE(j.contains("band"));
        EXPECT_TRUE(j["change"].contains("composite"));
      }
  EXPECT_EQ(member_json(b.groups[0].members[0], b.groups[0], s, false, false)["band"], "top_25");
  EXPECT_EQ(member_json(b.groups[0].members[3], b.groups[0], s, false, false)["band"], "bottom_25");
  EXPECT_TRUE(member_json(b.groups.back().members[0], b.groups.back(), s, false, false)["band"]
                  .is_null());  // the high court
}

TEST(BoardJson, CatalogueCarriesTheSettingsMinimumSamples) {
  BoardSettings s;
  s.min_sample[at("A3")] = 25;
  Json c = catalogue_json(s, false);
  ASSERT_EQ(c.size(), 18u);
  EXPECT_EQ(c[2]["id"], "A3");
  EXPECT_EQ(c[2]["group"], "A");
  EXPECT_EQ(c[2]["direction"], "down");
  EXPECT_EQ(c[2]["unit"], "days");
  EXPECT_EQ(c[2]["min_sample"], 25);
  EXPECT_TRUE(c[15]["min_sample"].is_null());  // E1
  EXPECT_EQ(weights_json(s)["C"], 20.0);
}

TEST(BoardSpeed, AProvinceOf128CourtsAnd5000JudgesInMilliseconds) {
  Org org;
  MeasureSet m;
  std::mt19937 random(13);
  std::uniform_int_distribution<int> cases(5, 400);
  auto measures = [&] {
    Measures out;
    for (int i = 0; i < kIndicatorCount; ++i) {
      int n = cases(random);
      out[i] = {static_cast<double>(std::uniform_int_distribution<int>(0, n)(random)), double(n), n};
    }
    return out;
  };
  for (int k = 0; k < 128; ++k) {
    char code[16];
    std::snprintf(code, sizeof code, "C%03d", k);
    bool high = k == 0, intermediate = k > 0 && k <= 16;
    org.courts.push_back(court(code, high ? "high" : intermediate ? "intermediate" : "basic",
                               high ? PeerGroup::High
                               : k >= 15 && intermediate ? PeerGroup::Special
                               : intermediate ? PeerGroup::Intermediate
                                              : PeerGroup::Basic));
    m.courts.push_back(measures());
  }
  for (int k = 0; k < 5000; ++k) {
    char id[16];
    std::snprintf(id, sizeof id, "u%05d", k);
    org.judges.push_back({id, id, org.courts[k % 128].code});
    m.judges.push_back(measures());
  }
  // The best of five runs: the machine is shared, a single run measures the neighbours too.
  double best = 1e9;
  Board courts, judges;
  for (int run = 0; run < 5; ++run) {
    auto start = std::chrono::steady_clock::now();
    courts = court_board(m, org, BoardSettings{}, {0, 0});
    judges = judge_board(m, org, BoardSettings{}, {0, 0});
    best = std::min(best, std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start).count());
  }
  std::printf("court_board + judge_board, 128 courts and 5000 judges: %.2f ms\n", best);
  EXPECT_EQ(courts.groups.size(), 4u);
  EXPECT_EQ(judges.groups[0].members.size() + judges.groups[1].members.size() +
                judges.groups[2].members.size(),
            5000u);
  EXPECT_LT(best, 250.0);  // a few ms in practice; generous for a loaded machine
}

}  // namespace
}  // namespace board
