// SPDX-License-Identifier: Apache-2.0
// Tests Snapshot lookups, the supervisor-chain rule and the plugin ABI's directory queries.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "courthub/json.hpp"
#include "host/directory/query.hpp"
#include "host/directory/seed.hpp"
#include "host/directory/snapshot.hpp"

#ifndef COURTHUB_SOURCE_DIR
#error "COURTHUB_SOURCE_DIR must name the repository root"
#endif

namespace courthub::directory {
namespace {

Person person(std::string id, std::string court, int64_t dept, std::string title, std::string role,
              bool active = true) {
  Person p;
  p.user_id = std::move(id);
  p.name = "名" + p.user_id.substr(p.user_id.size() - 3);
  p.court_code = std::move(court);
  p.dept_id = dept;
  p.title = std::move(title);
  p.roles = {std::move(role)};
  p.active = active;
  return p;
}

// T-HC (root 1000):
//   1001 民一庭      head 010, leader VP 002: 013 deputy, 011 judge, 012 clerk, 099 inactive
//   1002 执行局      head 020, leader VP 003: 021 deputy
//     1003 执行实施处  head 030: 031 judge
//   1004 刑庭        head 040 (inactive), leader VP 002: 041 judge
//   1005 办公室      head 050, leader = the president himself: 051 court_admin
// T-BC (root 2000, parent court T-HC): 2001 立案庭 head T-BC-010 (no leader): T-BC-011 judge
// People are listed out of id order on purpose: lookups must sort.
Seed small_seed() {
  Seed s;
  s.courts = {
      Court{"T-HC", "测试高级法院", "high", "ordinary", "", "沈阳", 0, false},
      Court{"T-BC", "测试基层法院", "basic", "dev_zone", "T-HC", "沈阳", 0, true},
  };
  s.departments = {
      Department{2000, "T-BC", "测试基层法院", 0, "T-BC-001", ""},
      Department{2001, "T-BC", "立案庭", 2000, "T-BC-010", ""},
      Department{1000, "T-HC", "测试高级法院", 0, "T-HC-001", ""},
      Department{1003, "T-HC", "执行实施处", 1002, "T-HC-030", ""},
      Department{1001, "T-HC", "民事审判第一庭", 1000, "T-HC-010", "T-HC-002"},
      Department{1002, "T-HC", "执行局", 1000, "T-HC-020", "T-HC-003"},
      Department{1004, "T-HC", "刑事审判庭", 1000, "T-HC-040", "T-HC-002"},
      Department{1005, "T-HC", "办公室", 1000, "T-HC-050", "T-HC-001"},
  };
  s.people = {
      person("T-HC-012", "T-HC", 1001, "书记员", "clerk"),
      person("T-HC-011", "T-HC", 1001, "审判员", "judge"),
      person("T-HC-010", "T-HC", 1001, "庭长", "division_head"),
      person("T-HC-013", "T-HC", 1001, "副庭长", "deputy_division_head"),
      person("T-HC-099", "T-HC", 1001, "审判员", "judge", /*active=*/false),
      person("T-HC-001", "T-HC", 1000, "院长", "president"),
      person("T-HC-003", "T-HC", 1000, "副院长", "vice_president"),
      person("T-HC-002", "T-HC", 1000, "副院长", "vice_president"),
      person("T-HC-020", "T-HC", 1002, "局长", "division_head"),
      person("T-HC-021", "T-HC", 1002, "副局长", "deputy_division_head"),
      person("T-HC-030", "T-HC", 1003, "处长", "division_head"),
      person("T-HC-031", "T-HC", 1003, "审判员", "judge"),
      person("T-HC-040", "T-HC", 1004, "庭长", "division_head", /*active=*/false),
      person("T-HC-041", "T-HC", 1004, "审判员", "judge"),
      person("T-HC-050", "T-HC", 1005, "主任", "division_head"),
      person("T-HC-051", "T-HC", 1005, "综合管理员", "court_admin"),
      person("T-BC-001", "T-BC", 2000, "院长", "president"),
      person("T-BC-011", "T-BC", 2001, "审判员", "judge"),
      person("T-BC-010", "T-BC", 2001, "庭长", "division_head"),
  };
  return s;
}

std::vector<std::string> ids(const std::vector<const Person*>& people) {
  std::vector<std::string> out;
  for (const Person* p : people) out.push_back(p->user_id);
  return out;
}
std::vector<int64_t> ids(const std::vector<const Department*>& departments) {
  std::vector<int64_t> out;
  for (const Department* d : departments) out.push_back(d->id);
  return out;
}
using Ids = std::vector<std::string>;

class DirectorySnapshot : public ::testing::Test {
 protected:
  std::shared_ptr<const Snapshot> s_ = Snapshot::build(small_seed());
};

TEST_F(DirectorySnapshot, FindsPeopleCourtsAndDepartmentsById) {
  ASSERT_NE(s_->person("T-HC-031"), nullptr);
  EXPECT_EQ(s_->person("T-HC-031")->dept_id, 1003);
  EXPECT_EQ(s_->person("T-HC-404"), nullptr);
  ASSERT_NE(s_->court("T-BC"), nullptr);
  EXPECT_EQ(s_->court("T-BC")->parent, "T-HC");
  EXPECT_EQ(s_->court("T-XX"), nullptr);
  ASSERT_NE(s_->department(1003), nullptr);
  EXPECT_EQ(s_->department(1003)->name, "执行实施处");
  EXPECT_EQ(s_->department(7), nullptr);
}

TEST_F(DirectorySnapshot, InactivePeopleAreNotReturned) {
  EXPECT_EQ(s_->person("T-HC-099"), nullptr);
  EXPECT_EQ(ids(s_->people("T-HC", 1001, "judge")), Ids{"T-HC-011"});
  // ...but stay in the data, for history and for the owner's next rebuild.
  EXPECT_EQ(s_->data().people.size(), 19u);
}

TEST_F(DirectorySnapshot, CourtDeptIdComesFromTheRootDepartment) {
  EXPECT_EQ(s_->court("T-HC")->dept_id, 1000);
  EXPECT_EQ(s_->court("T-BC")->dept_id, 2000);
  EXPECT_EQ(s_->data().courts[0].dept_id, 1000);
}

TEST_F(DirectorySnapshot, CourtsKeepSeedOrder) {
  ASSERT_EQ(s_->courts().size(), 2u);
  EXPECT_EQ(s_->courts()[0].code, "T-HC");
  EXPECT_EQ(s_->courts()[1].code, "T-BC");
}

TEST_F(DirectorySnapshot, PeopleOfACourtAreSortedByUserId) {
  EXPECT_EQ(ids(s_->people("T-BC", 0, "")), (Ids{"T-BC-001", "T-BC-010", "T-BC-011"}));
  EXPECT_EQ(ids(s_->people("T-HC", 0, "vice_president")), (Ids{"T-HC-002", "T-HC-003"}));
}

TEST_F(DirectorySnapshot, PeopleOfADepartmentExcludeItsSubDepartments) {
  EXPECT_EQ(ids(s_->people("", 1002, "")), (Ids{"T-HC-020", "T-HC-021"}));
  EXPECT_EQ(ids(s_->people("T-HC", 1003, "")), (Ids{"T-HC-030", "T-HC-031"}));
}

TEST_F(DirectorySnapshot, PeopleFiltersCombine) {
  EXPECT_EQ(ids(s_->people("", 0, "judge")), (Ids{"T-BC-011", "T-HC-011", "T-HC-031", "T-HC-041"}));
  EXPECT_EQ(ids(s_->people("T-HC", 0, "judge")), (Ids{"T-HC-011", "T-HC-031", "T-HC-041"}));
  EXPECT_EQ(ids(s_->people("T-HC", 1001, "clerk")), Ids{"T-HC-012"});
  EXPECT_TRUE(s_->people("T-BC", 1001, "").empty()) << "department of another court";
  EXPECT_TRUE(s_->people("T-XX", 0, "").empty());
  EXPECT_TRUE(s_->people("", 9999, "").empty());
  EXPECT_TRUE(s_->people("", 0, "bailiff").empty());
  EXPECT_EQ(s_->people("", 0, "").size(), 17u);  // everyone active
}

TEST_F(DirectorySnapshot, DepartmentsOfACourtAreSortedById) {
  EXPECT_EQ(ids(s_->departments("T-HC")),
            (std::vector<int64_t>{1000, 1001, 1002, 1003, 1004, 1005}));
  EXPECT_EQ(ids(s_->departments("T-BC")), (std::vector<int64_t>{2000, 2001}));
  EXPECT_TRUE(s_->departments("T-XX").empty());
}

TEST_F(DirectorySnapshot, JudgeInADivisionReportsToHeadLeaderPresident) {
  EXPECT_EQ(ids(s_->supervisors("T-HC-011")), (Ids{"T-HC-010", "T-HC-002", "T-HC-001"}));
  // A deputy head is not in anyone's chain: only heads are.
  EXPECT_EQ(ids(s_->supervisors("T-HC-013")), (Ids{"T-HC-010", "T-HC-002", "T-HC-001"}));
}

TEST_F(DirectorySnapshot, JudgeInASubDepartmentReportsUpBothHeads) {
  EXPECT_EQ(ids(s_->supervisors("T-HC-031")),
            (Ids{"T-HC-030", "T-HC-020", "T-HC-003", "T-HC-001"}));
  EXPECT_EQ(ids(s_->supervisors("T-HC-030")), (Ids{"T-HC-020", "T-HC-003", "T-HC-001"}));
}

TEST_F(DirectorySnapshot, DivisionHeadReportsToLeaderAndPresident) {
  EXPECT_EQ(ids(s_->supervisors("T-HC-010")), (Ids{"T-HC-002", "T-HC-001"}));
  EXPECT_EQ(ids(s_->supervisors("T-HC-020")), (Ids{"T-HC-003", "T-HC-001"}));
}

TEST_F(DirectorySnapshot, VicePresidentReportsToThePresidentWhoReportsToNobody) {
  EXPECT_EQ(ids(s_->supervisors("T-HC-002")), Ids{"T-HC-001"});
  EXPECT_TRUE(s_->supervisors("T-HC-001").empty());
}

TEST_F(DirectorySnapshot, InactiveHeadIsSkipped) {
  EXPECT_EQ(ids(s_->supervisors("T-HC-041")), (Ids{"T-HC-002", "T-HC-001"}));
}

TEST_F(DirectorySnapshot, NoOneAppearsTwice) {
  // 办公室's leader is the president himself.
  EXPECT_EQ(ids(s_->supervisors("T-HC-051")), (Ids{"T-HC-050", "T-HC-001"}));
}

TEST_F(DirectorySnapshot, DivisionWithoutLeaderGoesStraightToPresident) {
  EXPECT_EQ(ids(s_->supervisors("T-BC-011")), (Ids{"T-BC-010", "T-BC-001"}));
}

TEST_F(DirectorySnapshot, UnknownOrInactivePersonHasNoSupervisors) {
  EXPECT_TRUE(s_->supervisors("T-HC-404").empty());
  EXPECT_TRUE(s_->supervisors("T-HC-099").empty());
}

TEST(DirectorySnapshotBuild, SurvivesAParentCycleAndDuplicates) {
  Seed seed = small_seed();
  seed.departments.push_back(Department{1100, "T-HC", "甲", 1101, "T-HC-001", ""});
  seed.departments.push_back(Department{1101, "T-HC", "乙", 1100, "", ""});
  seed.departments.push_back(Department{1001, "T-HC", "重复", 1000, "", ""});
  seed.people.push_back(person("T-HC-900", "T-HC", 1101, "审判员", "judge"));
  seed.people.push_back(person("T-HC-011", "T-HC", 1004, "重复", "judge"));
  auto s = Snapshot::build(std::move(seed));
  // Finite, and the president (reachable only through the court) is still the last resort.
  EXPECT_EQ(ids(s->supervisors("T-HC-900")), (Ids{"T-HC-001"}));
  EXPECT_EQ(s->department(1001)->name, "民事审判第一庭") << "the first of duplicate ids wins";
  EXPECT_EQ(s->person("T-HC-011")->dept_id, 1001) << "the first of duplicate ids wins";
  EXPECT_EQ(s->people("T-HC", 0, "judge").size(), 4u);
}

// ----------------------------------------------------------------------------------------------
// Queries

class DirectoryQuery : public DirectorySnapshot {
 protected:
  Json ok(const std::string& query) {
    auto r = answer(*s_, Json::parse(query));
    EXPECT_TRUE(r.ok()) << query << ": " << r.outcome().message();
    return r.ok() ? *r : Json();
  }
  Outcome fails(const std::string& query) {
    auto r = answer(*s_, Json::parse(query));
    EXPECT_FALSE(r.ok()) << query;
    return r.outcome();
  }
  static std::vector<std::string> user_ids(const Json& array) {
    std::vector<std::string> out;
    for (const auto& p : array) out.push_back(json::get<std::string>(p, "user_id"));
    return out;
  }
};

TEST_F(DirectoryQuery, Person) {
  EXPECT_EQ(ok(R"({"person": "T-HC-031"})"),
            Json::parse(R"({"user_id": "T-HC-031", "name": "名031", "court_code": "T-HC",
                            "dept_id": "1003", "dept_name": "执行实施处", "title": "审判员",
                            "roles": ["judge"]})"));
}

TEST_F(DirectoryQuery, UnknownOrInactivePersonIsNotFound) {
  auto unknown = fails(R"({"person": "T-HC-404"})");
  EXPECT_EQ(unknown.code(), Status::NotFound);
  EXPECT_EQ(unknown.message(), "no person 'T-HC-404' in the directory");
  EXPECT_EQ(fails(R"({"person": "T-HC-099"})").code(), Status::NotFound);
}

TEST_F(DirectoryQuery, PeopleWithAnySubsetOfFilters) {
  EXPECT_EQ(user_ids(ok(R"({"people": {"court": "T-HC", "dept_id": "1001", "role": "judge"}})")),
            Ids{"T-HC-011"});
  EXPECT_EQ(user_ids(ok(R"({"people": {"dept_id": "1003"}})")), (Ids{"T-HC-030", "T-HC-031"}));
  EXPECT_EQ(user_ids(ok(R"({"people": {"role": "president"}})")), (Ids{"T-BC-001", "T-HC-001"}));
  EXPECT_EQ(ok(R"({"people": {}})").size(), 17u);
  auto first = ok(R"({"people": {"court": "T-BC"}})").at(0);
  EXPECT_EQ(json::get<std::string>(first, "dept_name"), "测试基层法院");
  EXPECT_EQ(ok(R"({"people": {"court": "T-XX"}})"), Json::array());
}

TEST_F(DirectoryQuery, Supervisors) {
  EXPECT_EQ(user_ids(ok(R"({"supervisors": "T-HC-031"})")),
            (Ids{"T-HC-030", "T-HC-020", "T-HC-003", "T-HC-001"}));
  EXPECT_EQ(ok(R"({"supervisors": "T-HC-001"})"), Json::array());
  auto missing = fails(R"({"supervisors": "T-HC-404"})");
  EXPECT_EQ(missing.code(), Status::NotFound);
  EXPECT_EQ(missing.message(), "no person 'T-HC-404' in the directory");
}

TEST_F(DirectoryQuery, Court) {
  EXPECT_EQ(ok(R"({"court": "T-BC"})"),
            Json::parse(R"({"code": "T-BC", "name": "测试基层法院", "level": "basic",
                            "kind": "dev_zone", "parent": "T-HC", "city": "沈阳",
                            "dept_id": "2000", "synthetic": true})"));
  EXPECT_EQ(json::get<std::string>(ok(R"({"court": "T-HC"})"), "parent"), "");
  auto missing = fails(R"({"court": "T-XX"})");
  EXPECT_EQ(missing.code(), Status::NotFound);
  EXPECT_EQ(missing.message(), "no court 'T-XX' in the directory");
}

TEST_F(DirectoryQuery, CourtsInSeedOrder) {
  auto courts = ok(R"({"courts": {}})");
  ASSERT_EQ(courts.size(), 2u);
  EXPECT_EQ(json::get<std::string>(courts.at(0), "code"), "T-HC");
  EXPECT_EQ(json::get<std::string>(courts.at(1), "code"), "T-BC");
  EXPECT_FALSE(json::get<bool>(courts.at(0), "synthetic", true));
}

TEST_F(DirectoryQuery, Departments) {
  auto departments = ok(R"({"departments": "T-BC"})");
  EXPECT_EQ(departments, Json::parse(R"([
      {"id": "2000", "name": "测试基层法院", "court_code": "T-BC", "parent_id": "",
       "head": "T-BC-001", "leader": ""},
      {"id": "2001", "name": "立案庭", "court_code": "T-BC", "parent_id": "2000",
       "head": "T-BC-010", "leader": ""}])"));
  EXPECT_EQ(json::get<std::string>(ok(R"({"departments": "T-HC"})").at(1), "leader"), "T-HC-002");
  auto missing = fails(R"({"departments": "T-XX"})");
  EXPECT_EQ(missing.code(), Status::NotFound);
  EXPECT_EQ(missing.message(), "no court 'T-XX' in the directory");
}

TEST_F(DirectoryQuery, MalformedQueriesAreInvalidArguments) {
  struct Case {
    const char* query;
    const char* says;
  };
  const Case cases[] = {
      {R"("T-HC-001")", "exactly one member"},
      {R"({})", "exactly one member"},
      {R"({"person": "T-HC-001", "court": "T-HC"})", "exactly one member"},
      {R"({"persons": "T-HC-001"})", "unknown query 'persons'"},
      {R"({"person": 1})", "'person' takes a user id as a string"},
      {R"({"supervisors": ["T-HC-001"]})", "'supervisors' takes a user id as a string"},
      {R"({"court": null})", "'court' takes a court code as a string"},
      {R"({"departments": {}})", "'departments' takes a court code as a string"},
      {R"({"people": "T-HC"})", "'people' takes an object of filters"},
      {R"({"people": {"dept": "1001"}})", "unknown filter 'dept'"},
      {R"({"people": {"dept_id": 1001}})", "'dept_id' filter of 'people' must be a string"},
      {R"({"people": {"dept_id": "10x1"}})", "'dept_id' must be a department id"},
      {R"({"people": {"dept_id": ""}})", "'dept_id' must be a department id"},
      {R"({"people": {"role": ["judge"]}})", "'role' filter of 'people' must be a string"},
      {R"({"courts": {"level": "basic"}})", "'courts' takes an empty object"},
      {R"({"courts": []})", "'courts' takes an empty object"},
  };
  for (const auto& c : cases) {
    auto outcome = fails(c.query);
    EXPECT_EQ(outcome.code(), Status::InvalidArgument) << c.query;
    EXPECT_NE(outcome.message().find(c.says), std::string::npos)
        << c.query << " -> " << outcome.message();
    // Every refusal also shows the forms that would have worked.
    EXPECT_NE(outcome.message().find(R"({"supervisors": "<userid>"})"), std::string::npos)
        << outcome.message();
  }
}

// ----------------------------------------------------------------------------------------------
// The demo users named in docs/directory.md: if the seed is regenerated differently, the docs
// must change with it.

TEST(DirectoryDemoUsers, MatchTheDocs) {
  const std::string dir = std::string(COURTHUB_SOURCE_DIR) + "/config/directory";
  auto seed = read_seed({dir + "/courts.yaml", dir + "/staff.yaml"});
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  auto s = Snapshot::build(std::move(*seed));

  auto role_of = [&](const char* id) {
    const Person* p = s->person(id);
    return p ? p->name + " " + p->roles.front() + " " + s->department(p->dept_id)->name
             : std::string("missing");
  };
  EXPECT_EQ(role_of("LN-HC-001"), "单星有 president 辽宁省高级人民法院");
  EXPECT_EQ(role_of("LN-HC-002"), "郝星彪 vice_president 辽宁省高级人民法院");
  EXPECT_EQ(role_of("LN-HC-173"), "张发国 court_admin 办公室");
  EXPECT_EQ(role_of("LN-BC-SY-01-001"), "崔厚 president 沈阳市和平区人民法院");
  EXPECT_EQ(role_of("LN-BC-SY-01-023"), "戴婷振 division_head 民事审判第一庭");
  EXPECT_EQ(role_of("LN-BC-SY-01-024"), "赵红朋 judge 民事审判第一庭");
  EXPECT_EQ(role_of("LN-BC-SY-01-027"), "肖德民 clerk 民事审判第一庭");
  EXPECT_EQ(role_of("LN-BC-SY-01-045"), "余磊龙 court_admin 办公室");
  EXPECT_EQ(role_of("LN-IC-SY-074"), "高强 judge 执行实施处");

  EXPECT_EQ(ids(s->supervisors("LN-BC-SY-01-024")),
            (Ids{"LN-BC-SY-01-023", "LN-BC-SY-01-004", "LN-BC-SY-01-001"}));
  EXPECT_EQ(ids(s->supervisors("LN-BC-SY-01-023")), (Ids{"LN-BC-SY-01-004", "LN-BC-SY-01-001"}));
  EXPECT_EQ(ids(s->supervisors("LN-BC-SY-01-045")),
            (Ids{"LN-BC-SY-01-044", "LN-BC-SY-01-002", "LN-BC-SY-01-001"}));
  EXPECT_EQ(ids(s->supervisors("LN-HC-173")), (Ids{"LN-HC-172", "LN-HC-004", "LN-HC-001"}));
  EXPECT_EQ(ids(s->supervisors("LN-IC-SY-074")),
            (Ids{"LN-IC-SY-073", "LN-IC-SY-071", "LN-IC-SY-002", "LN-IC-SY-001"}));
  EXPECT_EQ(s->people("LN-BC-SY-01", 0, "judge").size(), 18u);
}

}  // namespace
}  // namespace courthub::directory
