// SPDX-License-Identifier: Apache-2.0
// The board answers from DayBoards: the current mode decides rank or band, the order and the
// change, whatever mode the day was kept in.
#include <gtest/gtest.h>

#include "board_views.hpp"

namespace board {
namespace {

using courthub::Json;

// A member as member_json gave it in ranked mode (detail), kept with its standing.
DayMember kept_member(std::string code, std::optional<int> rank, std::optional<Band> band) {
  DayMember m;
  m.code = code;
  m.court_code = code;
  m.standing = Standing{rank ? std::optional<double>(60.0 - *rank) : std::nullopt, rank};
  m.band = band;
  m.previous = Standing{50.0, 3};
  m.detail = Json::object({{"court_code", code},
                           {"name", "法院" + code},
                           {"values", Json::object()},
                           {"scores", Json::object()},
                           {"tiers", Json::object()},
                           {"group_scores", Json::object()},
                           {"composite", number_or_null(m.standing.composite)},
                           {"rank", int_or_null(rank)},
                           {"weakest", Json::array()},
                           {"peer_group", "basic"},
                           {"indicators", Json::object()}});
  return m;
}

BoardSettings with_mode(Mode mode) {
  BoardSettings s;
  s.mode = mode;
  return s;
}

TEST(BoardViews, RankedMemberHasRankAndChangeInTheContractsOrder) {
  Json j = member_view(kept_member("A", 2, Band::Upper), with_mode(Mode::Ranked), false);
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"court_code", "name", "values", "scores", "tiers",
                                            "group_scores", "composite", "rank", "change",
                                            "weakest"}));
  EXPECT_EQ(j["rank"], 2);
  EXPECT_EQ(j["change"]["rank"], 1);  // 3rd -> 2nd
  EXPECT_NEAR(j["change"]["composite"].get<double>(), 8.0, 1e-12);
  Json detail = member_view(kept_member("A", 2, Band::Upper), with_mode(Mode::Ranked), true);
  EXPECT_TRUE(detail.contains("indicators"));
  EXPECT_EQ(detail["peer_group"], "basic");
}

TEST(BoardViews, NoRankModeShowsTheBandOfADayKeptInRankedMode) {
  Json j = member_view(kept_member("A", 2, Band::Upper), with_mode(Mode::NoRank), true);
  EXPECT_FALSE(j.contains("rank"));
  EXPECT_EQ(j["band"], "25_50");
  EXPECT_FALSE(j["change"].contains("rank"));
  EXPECT_NEAR(j["change"]["composite"].get<double>(), 8.0, 1e-12);
  DayMember none = kept_member("B", std::nullopt, std::nullopt);
  none.previous.reset();
  j = member_view(none, with_mode(Mode::NoRank), false);
  EXPECT_TRUE(j["band"].is_null());
  EXPECT_TRUE(j["change"].is_null());
}

TEST(BoardViews, MembersAreOrderedByRankOrByBandThenCode) {
  DayBoard d;
  d.members = {kept_member("D", std::nullopt, std::nullopt), kept_member("C", 1, Band::Top25),
               kept_member("A", 4, Band::Bottom25), kept_member("B", 1, Band::Top25),
               kept_member("E", 3, Band::Lower)};
  auto codes = [&](Mode mode) {
    std::string out;
    for (auto* m : members_in_order(d, PeerGroup::Basic, mode)) out += m->code;
    return out;
  };
  EXPECT_EQ(codes(Mode::Ranked), "BCEAD");
  EXPECT_EQ(codes(Mode::NoRank), "BCEAD");
  d.members[4].band = Band::Top25;  // a band that says less than the rank
  EXPECT_EQ(codes(Mode::NoRank), "BCEAD");
  d.members[4].code = "AA";
  EXPECT_EQ(codes(Mode::NoRank), "AABCAD");
}

}  // namespace
}  // namespace board
