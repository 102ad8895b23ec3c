// SPDX-License-Identifier: Apache-2.0
// Org from the directory: peer groups, judges and their counts per court, lookups.
#include <gtest/gtest.h>

#include "org.hpp"

namespace board {
namespace {

courthub::Court court(std::string code, std::string level, std::string kind = "ordinary") {
  courthub::Court c;
  c.code = std::move(code);
  c.name = "法院" + c.code;
  c.level = std::move(level);
  c.kind = std::move(kind);
  return c;
}

courthub::Person person(std::string id, std::string court_code,
                        std::vector<std::string> roles = {}) {
  courthub::Person p;
  p.user_id = std::move(id);
  p.name = "人" + p.user_id;
  p.court_code = std::move(court_code);
  p.roles = std::move(roles);
  return p;
}

TEST(Org, PeerGroupsFollowLevelAndKind) {
  EXPECT_EQ(peer_group_of("high", "ordinary"), PeerGroup::High);
  EXPECT_EQ(peer_group_of("high", "maritime"), PeerGroup::High);
  EXPECT_EQ(peer_group_of("intermediate", "maritime"), PeerGroup::Special);
  EXPECT_EQ(peer_group_of("intermediate", "railway"), PeerGroup::Special);
  EXPECT_EQ(peer_group_of("basic", "railway"), PeerGroup::Special);
  EXPECT_EQ(peer_group_of("intermediate", "ordinary"), PeerGroup::Intermediate);
  EXPECT_EQ(peer_group_of("basic", "ordinary"), PeerGroup::Basic);
  EXPECT_EQ(peer_group_of("basic", "dev_zone"), PeerGroup::Basic);
  EXPECT_EQ(id_of(PeerGroup::Special), "special");
  EXPECT_EQ(id_of(PeerGroup::Basic), "basic");
  EXPECT_EQ(name_of(PeerGroup::Intermediate), "中级法院");
  EXPECT_EQ(name_of(PeerGroup::High), "高级法院");
}

TEST(Org, SortsCourtsAndCountsTheirJudges) {
  Org org = org_from(
      {court("2102", "basic"), court("2100", "high"), court("2101", "intermediate"),
       court("2190", "intermediate", "maritime")},
      {person("p3", "2102", {"judge"}), person("p1", "2102", {"judge", "president"}),
       person("p2", "2102", {"clerk"}), person("p4", "2101", {"judge"}),
       person("p5", "9999", {"judge"}), person("p1", "2101", {"judge"})});
  ASSERT_EQ(org.courts.size(), 4u);
  EXPECT_EQ(org.courts[0].code, "2100");
  EXPECT_EQ(org.courts[0].group, PeerGroup::High);
  EXPECT_EQ(org.courts[1].group, PeerGroup::Intermediate);
  EXPECT_EQ(org.courts[2].group, PeerGroup::Basic);
  EXPECT_EQ(org.courts[3].group, PeerGroup::Special);
  EXPECT_EQ(org.courts[2].name, "法院2102");
  EXPECT_EQ(org.courts[2].level, "basic");
  EXPECT_EQ(org.courts[0].judges, 0);
  EXPECT_EQ(org.courts[1].judges, 1);  // p4 (the second p1 is a duplicate and dropped)
  EXPECT_EQ(org.courts[2].judges, 2);  // p1, p3; p2 is no judge

  ASSERT_EQ(org.judges.size(), 4u);   // p1 p3 p4 p5, sorted
  EXPECT_EQ(org.judges[0].user_id, "p1");
  EXPECT_EQ(org.judges[0].court_code, "2102");
  EXPECT_EQ(org.judges[3].user_id, "p5");
  EXPECT_EQ(org.people, (std::vector<std::string>{"p1", "p2", "p3", "p4", "p5"}));

  EXPECT_EQ(org.court_index("2101"), 1);
  EXPECT_EQ(org.court_index("2103"), -1);
  EXPECT_EQ(org.judge_index("p3"), 1);
  EXPECT_EQ(org.judge_index("p2"), -1);
  EXPECT_TRUE(org.is_person("p2"));
  EXPECT_FALSE(org.is_person("p6"));
}

}  // namespace
}  // namespace board
