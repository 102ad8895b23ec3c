// SPDX-License-Identifier: Apache-2.0
// search_people: the attendee picker's ranking of the directory's people.
#include <gtest/gtest.h>

#include "people_search.hpp"

namespace rooms {
namespace {

using courthub::Person;

std::vector<std::string> names(const std::vector<Person>& people) {
  std::vector<std::string> out;
  for (auto& p : people) out.push_back(p.name);
  return out;
}

const std::vector<Person> kPeople = {
    {"LN-BC-SY-01-030", "李明", "LN-BC-SY-01", "18003", "书记员", {"clerk"}, "民事审判第一庭"},
    {"LN-BC-SY-01-024", "赵红朋", "LN-BC-SY-01", "18003", "审判员", {"judge"}, "民事审判第一庭"},
    {"LN-BC-SY-01-031", "王李", "LN-BC-SY-01", "18007", "科员", {"staff"}, "办公室"},
    {"LN-BC-SY-01-032", "李", "LN-BC-SY-01", "18007", "科员", {"staff"}, "办公室"},
    {"LN-BC-SY-01-027", "肖德民", "LN-BC-SY-01", "18003", "书记员", {"clerk"}, "民事审判第一庭"},
};

TEST(PeopleSearch, TheWholeNameFirstThenNamesStartingThenContainingIt) {
  EXPECT_EQ(names(search_people(kPeople, "李", 10)),
            (std::vector<std::string>{"李", "李明", "王李"}));
}

TEST(PeopleSearch, TitlesDepartmentsAndUserIdsMatchAfterNames) {
  EXPECT_EQ(names(search_people(kPeople, "书记员", 10)),
            (std::vector<std::string>{"李明", "肖德民"}));
  EXPECT_EQ(names(search_people(kPeople, "办公室", 10)), (std::vector<std::string>{"王李", "李"}));
  EXPECT_EQ(names(search_people(kPeople, "ln-bc-sy-01-02", 10)),
            (std::vector<std::string>{"赵红朋", "肖德民"}));
  EXPECT_TRUE(search_people(kPeople, "张", 10).empty());
}

TEST(PeopleSearch, AnEmptyWordListsEveryoneUpToTheLimit) {
  EXPECT_EQ(search_people(kPeople, "", 10).size(), 5u);
  EXPECT_EQ(names(search_people(kPeople, "", 2)), (std::vector<std::string>{"李明", "赵红朋"}));
  EXPECT_EQ(search_people(kPeople, "李", 1).size(), 1u);
}

TEST(PeopleSearch, TheJsonCarriesWhatThePickerShowsAndNoRoles) {
  auto j = person_json(kPeople[1]);
  EXPECT_EQ(j["name"], "赵红朋");
  EXPECT_EQ(j["title"], "审判员");
  EXPECT_EQ(j["dept_name"], "民事审判第一庭");
  EXPECT_EQ(j["user_id"], "LN-BC-SY-01-024");
  EXPECT_FALSE(j.contains("roles"));
}

}  // namespace
}  // namespace rooms
