// SPDX-License-Identifier: Apache-2.0
// Which courts a robot query names: code, full name, part of the name, characters in order.
#include <gtest/gtest.h>

#include "commands.hpp"

namespace board {
namespace {

using courthub::Json;

DayBoard courts(std::vector<std::pair<std::string, std::string>> code_name) {
  DayBoard d;
  for (auto& [code, name] : code_name) {
    DayMember m;
    m.code = code;
    m.court_code = code;
    m.detail = Json::object({{"court_code", code}, {"name", name}});
    d.members.push_back(m);
  }
  return d;
}

const DayBoard kProvince = courts({{"LN-IC-SY", "沈阳市中级人民法院"},
                                   {"LN-BC-SY-HP", "沈阳市和平区人民法院"},
                                   {"LN-BC-SY-SH", "沈阳市沈河区人民法院"},
                                   {"LN-IC-DL", "大连市中级人民法院"},
                                   {"LN-SC-DLHS", "大连海事法院"},
                                   {"LN-HC", "辽宁省高级人民法院"}});

std::vector<std::string> codes(const std::vector<const DayMember*>& found) {
  std::vector<std::string> out;
  for (auto* m : found) out.push_back(m->code);
  return out;
}

TEST(MatchCourts, ACodeInAnyCaseNamesOneCourt) {
  EXPECT_EQ(codes(match_courts(kProvince, "LN-IC-DL")), std::vector<std::string>{"LN-IC-DL"});
  EXPECT_EQ(codes(match_courts(kProvince, "ln-ic-dl")), std::vector<std::string>{"LN-IC-DL"});
}

TEST(MatchCourts, AFullNameWinsOverTheCourtsItIsPartOf) {
  DayBoard d = courts({{"A", "某区人民法院"}, {"B", "某区人民法院某法庭"}});
  EXPECT_EQ(codes(match_courts(d, "某区人民法院")), std::vector<std::string>{"A"});
}

TEST(MatchCourts, PartOfANameListsEveryCourtItIsIn_SortedByCode) {
  EXPECT_EQ(codes(match_courts(kProvince, "沈阳")),
            (std::vector<std::string>{"LN-BC-SY-HP", "LN-BC-SY-SH", "LN-IC-SY"}));
  EXPECT_EQ(codes(match_courts(kProvince, "海事")), std::vector<std::string>{"LN-SC-DLHS"});
}

TEST(MatchCourts, TheUsualShortFormFindsTheCourtByItsCharactersInOrder) {
  EXPECT_EQ(codes(match_courts(kProvince, "沈阳中院")), std::vector<std::string>{"LN-IC-SY"});
  EXPECT_EQ(codes(match_courts(kProvince, "大连中院")), std::vector<std::string>{"LN-IC-DL"});
  EXPECT_EQ(codes(match_courts(kProvince, "辽宁高院")), std::vector<std::string>{"LN-HC"});
}

TEST(MatchCourts, NothingMatchesNothing) {
  EXPECT_TRUE(match_courts(kProvince, "锦州").empty());
  EXPECT_TRUE(match_courts(kProvince, "").empty());
  EXPECT_TRUE(match_courts(kProvince, "LN-IC").empty()) << "a code matches whole, not in part";
}

}  // namespace
}  // namespace board
