// SPDX-License-Identifier: Apache-2.0
// The person pickers' search over the directory: what matches, in which order, how many.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "host/directory/people_search.hpp"
#include "host/directory/snapshot.hpp"

namespace courthub::directory {
namespace {

Person person(std::string id, std::string name, std::string court, int64_t dept,
              std::string title, std::string role, bool active = true) {
  return Person{std::move(id), std::move(name), std::move(court), dept, std::move(title),
                {std::move(role)}, active};
}

// Two courts; names chosen so that ranking by name, court and user id can be told apart.
std::shared_ptr<const Snapshot> directory() {
  Seed s;
  s.courts = {Court{"T-HC", "测试高级法院", "high", "ordinary", "", "沈阳", 0, false},
              Court{"T-BC", "测试基层法院", "basic", "ordinary", "T-HC", "沈阳", 0, false}};
  s.departments = {Department{1000, "T-HC", "测试高级法院", 0, "", ""},
                   Department{1001, "T-HC", "民事审判第一庭", 1000, "", ""},
                   Department{2000, "T-BC", "测试基层法院", 0, "", ""},
                   Department{2001, "T-BC", "立案庭", 2000, "", ""}};
  s.people = {
      person("T-HC-011", "王法官", "T-HC", 1001, "审判员", "judge"),
      person("T-HC-010", "王", "T-HC", 1001, "庭长", "division_head"),
      person("T-HC-012", "李书记员", "T-HC", 1001, "书记员", "clerk"),
      person("T-HC-013", "老王", "T-HC", 1001, "审判员", "judge"),
      person("T-HC-099", "王离职", "T-HC", 1001, "审判员", "judge", /*active=*/false),
      person("T-BC-011", "王法官", "T-BC", 2001, "审判员", "judge"),
      person("T-BC-010", "赵庭长", "T-BC", 2001, "庭长", "division_head"),
      person("T-BC-001", "钱院长", "T-BC", 2000, "院长", "president"),
  };
  return Snapshot::build(std::move(s));
}

std::vector<std::string> ids(const std::vector<const Person*>& people) {
  std::vector<std::string> out;
  for (const Person* p : people) out.push_back(p->user_id);
  return out;
}

std::vector<std::string> find(PeopleSearch search) {
  static auto snapshot = directory();
  return ids(search_people(*snapshot, search));
}

using Ids = std::vector<std::string>;

TEST(PeopleSearch, ExactNameThenPrefixThenTheCallersCourtThenUserId) {
  // 王 exactly; then the two 王法官 (T-BC's first for a T-BC caller); then 老王 (contains).
  EXPECT_EQ(find({.q = "王", .caller_court = "T-BC"}),
            (Ids{"T-HC-010", "T-BC-011", "T-HC-011", "T-HC-013"}));
  EXPECT_EQ(find({.q = "王", .caller_court = "T-HC"}),
            (Ids{"T-HC-010", "T-HC-011", "T-BC-011", "T-HC-013"}));
  // Nobody's court is first when there is no caller: user id order inside each rank.
  EXPECT_EQ(find({.q = "王法官"}), (Ids{"T-BC-011", "T-HC-011"}));
}

TEST(PeopleSearch, MatchesTitleDepartmentUserIdPrefixAndCourt) {
  EXPECT_EQ(find({.q = "书记员"}), (Ids{"T-HC-012"}));                    // title
  EXPECT_EQ(find({.q = "立案"}), (Ids{"T-BC-010", "T-BC-011"}));           // department
  EXPECT_EQ(find({.q = "t-bc-01"}), (Ids{"T-BC-010", "T-BC-011"}));        // user id prefix
  EXPECT_EQ(find({.q = "HC-01"}), Ids{});                                  // not a prefix
  EXPECT_EQ(find({.q = "基层"}), (Ids{"T-BC-001", "T-BC-010", "T-BC-011"}));  // court name
  EXPECT_EQ(find({.q = "t-bc"}).size(), 3u);                               // court code
  EXPECT_EQ(find({.q = "离职"}), Ids{});  // inactive people are never found
}

TEST(PeopleSearch, NothingTypedListsTheCallersCourt) {
  EXPECT_EQ(find({.caller_court = "T-BC"}), (Ids{"T-BC-001", "T-BC-010", "T-BC-011"}));
  EXPECT_EQ(find({.court = "T-HC", .caller_court = "T-BC"}).size(), 4u);
  EXPECT_EQ(find({}).size(), 7u);  // no caller (the development login): everyone
}

TEST(PeopleSearch, CourtAndRoleNarrowTheSearch) {
  EXPECT_EQ(find({.q = "王", .court = "T-BC", .caller_court = "T-HC"}), (Ids{"T-BC-011"}));
  EXPECT_EQ(find({.q = "王", .role = "judge", .caller_court = "T-HC"}),
            (Ids{"T-HC-011", "T-BC-011", "T-HC-013"}));
  EXPECT_EQ(find({.role = "clerk", .caller_court = "T-HC"}), (Ids{"T-HC-012"}));
  EXPECT_EQ(find({.q = "王", .court = "T-XX"}), Ids{});
}

TEST(PeopleSearch, StopsAtTheLimitKeepingTheBest) {
  EXPECT_EQ(find({.q = "王", .caller_court = "T-BC", .limit = 2}), (Ids{"T-HC-010", "T-BC-011"}));
  EXPECT_EQ(find({.q = "王", .limit = 0}), Ids{});
}

}  // namespace
}  // namespace courthub::directory
