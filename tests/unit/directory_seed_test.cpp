// SPDX-License-Identifier: Apache-2.0
// Tests read_seed: the real demo seed loads cleanly, and every validation error names file:line.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "host/directory/seed.hpp"

#ifndef COURTHUB_SOURCE_DIR
#error "COURTHUB_SOURCE_DIR must name the repository root"
#endif

namespace courthub::directory {
namespace {

namespace fs = std::filesystem;

const std::string kSeedDir = std::string(COURTHUB_SOURCE_DIR) + "/config/directory";

// Read once: the demo seed is ~1 MB of YAML and several tests look at it.
const Expected<Seed>& real_seed() {
  static const Expected<Seed> seed =
      read_seed({kSeedDir + "/courts.yaml", kSeedDir + "/staff.yaml"});
  return seed;
}

bool has_role(const Person& p, const std::string& role) {
  return std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end();
}

TEST(DirectoryRealSeed, LoadsWithoutErrors) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  EXPECT_GT(seed->departments.size(), 1000u);
  EXPECT_GT(seed->people.size(), 4000u);
}

TEST(DirectoryRealSeed, Has128CourtsAtThreeLevels) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  ASSERT_EQ(seed->courts.size(), 128u);
  std::map<std::string, int> levels;
  for (const auto& c : seed->courts) ++levels[c.level];
  EXPECT_EQ(levels["high"], 1);
  EXPECT_EQ(levels["intermediate"], 16);
  EXPECT_EQ(levels["basic"], 111);
  EXPECT_EQ(seed->courts.front().code, "LN-HC");
  EXPECT_EQ(seed->courts.front().parent, "");
  int synthetic = 0;
  for (const auto& c : seed->courts) synthetic += c.synthetic;
  EXPECT_EQ(synthetic, 11);
}

TEST(DirectoryRealSeed, RootDepartmentIdsFollowCourtOrder) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  for (size_t i = 0; i < seed->courts.size(); ++i)
    EXPECT_EQ(seed->courts[i].dept_id, static_cast<int64_t>(i + 1) * 1000) << seed->courts[i].code;
}

TEST(DirectoryRealSeed, EveryCourtHasOnePresidentAndOneCourtAdmin) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  std::map<std::string, int> presidents, admins;
  std::map<int64_t, const Department*> departments;
  for (const auto& d : seed->departments) departments[d.id] = &d;
  std::map<std::string, int64_t> root_of;
  for (const auto& c : seed->courts) root_of[c.code] = c.dept_id;
  for (const auto& p : seed->people) {
    if (has_role(p, "president")) {
      ++presidents[p.court_code];
      EXPECT_EQ(p.user_id, p.court_code + "-001");
      EXPECT_EQ(p.dept_id, root_of[p.court_code]) << p.user_id;
    }
    if (has_role(p, "court_admin")) {
      ++admins[p.court_code];
      EXPECT_EQ(departments.at(p.dept_id)->name, "办公室") << p.user_id;
    }
  }
  for (const auto& c : seed->courts) {
    EXPECT_EQ(presidents[c.code], 1) << c.code;
    EXPECT_EQ(admins[c.code], 1) << c.code;
  }
}

TEST(DirectoryRealSeed, EveryDepartmentHeadBelongsToItsCourt) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  std::map<std::string, const Person*> people;
  for (const auto& p : seed->people) people[p.user_id] = &p;
  for (const auto& d : seed->departments) {
    ASSERT_FALSE(d.head.empty()) << d.id;
    ASSERT_TRUE(people.count(d.head)) << d.id;
    EXPECT_EQ(people[d.head]->court_code, d.court_code) << d.id;
    EXPECT_EQ(people[d.head]->dept_id, d.id) << "a head sits in the department they lead: " << d.id;
  }
}

TEST(DirectoryRealSeed, TopLevelDivisionsAreLedByAVicePresident) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  std::map<std::string, const Person*> people;
  for (const auto& p : seed->people) people[p.user_id] = &p;
  std::set<int64_t> roots;
  for (const auto& c : seed->courts) roots.insert(c.dept_id);
  for (const auto& d : seed->departments) {
    if (roots.count(d.parent_id)) {
      ASSERT_TRUE(people.count(d.leader)) << d.id;
      EXPECT_TRUE(has_role(*people[d.leader], "vice_president")) << d.id;
      EXPECT_EQ(people[d.leader]->court_code, d.court_code) << d.id;
    } else {
      EXPECT_EQ(d.leader, "") << "only top-level divisions have a leader: " << d.id;
    }
  }
}

TEST(DirectoryRealSeed, IdsAndNamesFollowTheConventions) {
  const auto& seed = real_seed();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  std::map<std::string, std::set<std::string>> names_by_court;
  for (const auto& p : seed->people) {
    ASSERT_EQ(p.user_id.size(), p.court_code.size() + 4) << p.user_id;
    EXPECT_EQ(p.user_id.substr(0, p.court_code.size() + 1), p.court_code + "-");
    EXPECT_TRUE(names_by_court[p.court_code].insert(p.name).second)
        << "duplicate name in " << p.court_code << ": " << p.name;
    EXPECT_EQ(p.roles.size(), 1u) << p.user_id;
  }
  std::map<std::string, int64_t> root_of;
  for (const auto& c : seed->courts) root_of[c.code] = c.dept_id;
  for (const auto& d : seed->departments) {
    EXPECT_GE(d.id, root_of[d.court_code]) << d.id;
    EXPECT_LT(d.id, root_of[d.court_code] + 1000) << d.id;
  }
}

TEST(DirectoryRealSeed, StaffFileStaysSmall) {
  EXPECT_LT(fs::file_size(kSeedDir + "/staff.yaml"), 1200u * 1000u);
}

// ----------------------------------------------------------------------------------------------
// Validation, against a small seed written to a temporary folder.

// Line numbers below are 1-based lines of these texts.
const std::vector<std::string> kCourtsYaml = {
    "province: 测试",          // 1
    "courts:",                 // 2
    "  - code: T-HC",          // 3
    "    name: 测试高级法院",  // 4
    "    level: high",         // 5
    "    kind: ordinary",      // 6
    "    parent: null",        // 7
    "    city: 沈阳",          // 8
    "  - code: T-BC",          // 9
    "    name: 测试基层法院",  // 10
    "    level: basic",        // 11
    "    kind: ordinary",      // 12
    "    parent: T-HC",        // 13
    "    city: 沈阳",          // 14
    "    synthetic: true",     // 15
};
const std::vector<std::string> kStaffYaml = {
    "departments:",                                                                   // 1
    "  - {id: 1000, court: T-HC, name: 测试高级法院, parent: null, head: T-HC-001}",  // 2
    "  - {id: 1001, court: T-HC, name: 立案庭, parent: 1000, head: T-HC-010, leader: T-HC-002}",
    "  - {id: 1002, court: T-HC, name: 执行实施处, parent: 1001, head: T-HC-011}",    // 4
    "  - {id: 2000, court: T-BC, name: 测试基层法院, parent: null, head: T-BC-001}",  // 5
    "people:",                                                                        // 6
    "  - {id: T-HC-001, name: 甲一, court: T-HC, dept: 1000, title: 院长, roles: [president]}",
    "  - {id: T-HC-002, name: 甲二, court: T-HC, dept: 1000, title: 副院长, "
    "roles: [vice_president]}",  // 8
    "  - {id: T-HC-010, name: 甲三, court: T-HC, dept: 1001, title: 庭长, roles: [division_head]}",
    "  - {id: T-HC-011, name: 甲四, court: T-HC, dept: 1002, title: 处长, roles: [division_head], "
    "active: false}",  // 10
    "  - {id: T-BC-001, name: 乙一, court: T-BC, dept: 2000, title: 院长, roles: [president]}",
};

class DirectorySeedValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/courthub-directory-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    courts_ = kCourtsYaml;
    staff_ = kStaffYaml;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string write(const std::string& name, const std::vector<std::string>& lines) {
    std::ofstream out(path(name));
    for (const auto& line : lines) out << line << '\n';
    return path(name);
  }
  Expected<Seed> load(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> files = {write("courts.yaml", courts_), write("staff.yaml", staff_)};
    for (const auto& name : extra) files.push_back(path(name));
    return read_seed(files);
  }
  // Loads, expects failure, returns the message.
  std::string problems(const std::vector<std::string>& extra = {}) {
    auto seed = load(extra);
    EXPECT_FALSE(seed.ok());
    if (seed.ok()) return {};
    EXPECT_EQ(seed.outcome().code(), Status::InvalidArgument);
    return seed.outcome().message();
  }
  // "<dir>/<file>:<line>: " followed somewhere on the same line by `what`.
  ::testing::AssertionResult reports(const std::string& message, const std::string& file, int line,
                                     const std::string& what) {
    std::string prefix = path(file) + ":" + std::to_string(line) + ": ";
    size_t at = 0;
    while ((at = message.find(prefix, at)) != std::string::npos) {
      size_t end = message.find('\n', at);
      if (message.substr(at, end - at).find(what) != std::string::npos)
        return ::testing::AssertionSuccess();
      ++at;
    }
    return ::testing::AssertionFailure()
           << "no line starting with '" << prefix << "' containing '" << what << "' in:\n"
           << message;
  }

  std::string dir_;
  std::vector<std::string> courts_, staff_;
};

TEST_F(DirectorySeedValidation, SmallSeedLoadsWithDefaultsAndRootDepartments) {
  auto seed = load();
  ASSERT_TRUE(seed.ok()) << seed.outcome().message();
  ASSERT_EQ(seed->courts.size(), 2u);
  EXPECT_EQ(seed->courts[0].code, "T-HC");
  EXPECT_EQ(seed->courts[0].parent, "");
  EXPECT_FALSE(seed->courts[0].synthetic);
  EXPECT_TRUE(seed->courts[1].synthetic);
  EXPECT_EQ(seed->courts[0].dept_id, 1000);
  EXPECT_EQ(seed->courts[1].dept_id, 2000);
  ASSERT_EQ(seed->departments.size(), 4u);
  EXPECT_EQ(seed->departments[0].parent_id, 0);
  EXPECT_EQ(seed->departments[1].parent_id, 1000);
  EXPECT_EQ(seed->departments[1].leader, "T-HC-002");
  EXPECT_EQ(seed->departments[2].leader, "");
  ASSERT_EQ(seed->people.size(), 5u);
  EXPECT_EQ(seed->people[0].name, "甲一");
  EXPECT_EQ(seed->people[0].title, "院长");
  EXPECT_EQ(seed->people[0].roles, std::vector<std::string>{"president"});
  EXPECT_TRUE(seed->people[0].active);
  EXPECT_FALSE(seed->people[3].active);
}

TEST_F(DirectorySeedValidation, UnknownTopLevelKey) {
  staff_.push_back("staffs: []");  // line 12
  EXPECT_TRUE(reports(problems(), "staff.yaml", 12, "unknown top-level key 'staffs'"));
}

TEST_F(DirectorySeedValidation, UnknownEntryField) {
  staff_[6] =
      "  - {id: T-HC-001, name: 甲一, court: T-HC, dept: 1000, titel: 院长, roles: [president]}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "staff.yaml", 7, "person 'T-HC-001': unknown field 'titel'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 7, "missing field 'title'"));
}

TEST_F(DirectorySeedValidation, MissingFields) {
  courts_.erase(courts_.begin() + 13);  // T-BC's city
  staff_[2] = "  - {id: 1001, court: T-HC, parent: 1000, head: T-HC-010, leader: T-HC-002}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "courts.yaml", 9, "court 'T-BC': missing field 'city'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 3, "department 1001: missing field 'name'"));
}

TEST_F(DirectorySeedValidation, ParentMustBeWrittenEvenWhenNull) {
  courts_.erase(courts_.begin() + 6);  // T-HC's "parent: null"
  auto message = problems();
  EXPECT_TRUE(reports(message, "courts.yaml", 3, "court 'T-HC': missing field 'parent'"));
}

TEST_F(DirectorySeedValidation, WronglyTypedFields) {
  courts_[3] = "    name: [测试, 高级法院]";
  staff_[3] = "  - {id: 1002, court: T-HC, name: 执行实施处, parent: abc, head: T-HC-011}";
  staff_[8] =
      "  - {id: T-HC-010, name: 甲三, court: T-HC, dept: 1001, title: 庭长, "
      "roles: division_head}";
  staff_[10] =
      "  - {id: T-BC-001, name: 乙一, court: T-BC, dept: 2000, title: 院长, "
      "roles: [president], active: maybe}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "courts.yaml", 4,
                      "court 'T-HC': field 'name' must be a text, not a sequence"));
  EXPECT_TRUE(reports(message, "staff.yaml", 4, "field 'parent' must be an integer, not 'abc'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 9, "field 'roles' must be a sequence of texts"));
  EXPECT_TRUE(reports(message, "staff.yaml", 11, "field 'active' must be true or false"));
}

TEST_F(DirectorySeedValidation, UnknownLevelAndRole) {
  courts_[10] = "    level: county";
  staff_[8] =
      "  - {id: T-HC-010, name: 甲三, court: T-HC, dept: 1001, title: 庭长, "
      "roles: [division_head, judg]}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "courts.yaml", 11, "level 'county' is not one of"));
  EXPECT_TRUE(reports(message, "staff.yaml", 9, "unknown role 'judg'"));
}

TEST_F(DirectorySeedValidation, DuplicateCourtCodeAcrossFiles) {
  write("extra.yaml", {"courts:",
                       "  - {code: T-BC, name: 又一个, level: basic, kind: ordinary, "
                       "parent: T-HC, city: 沈阳}"});
  auto message = problems({"extra.yaml"});
  EXPECT_TRUE(reports(message, "extra.yaml", 2,
                      "duplicate court code 'T-BC' (first at " + path("courts.yaml") + ":9)"));
}

TEST_F(DirectorySeedValidation, DuplicateDepartmentIdAndUserId) {
  staff_.insert(staff_.begin() + 5,
                "  - {id: 1001, court: T-HC, name: 刑事审判庭, parent: 1000, head: T-HC-010}");
  staff_.push_back(
      "  - {id: T-HC-002, name: 甲五, court: T-HC, dept: 1000, title: 副院长, "
      "roles: [vice_president]}");  // line 13 after the insert
  auto message = problems();
  EXPECT_TRUE(reports(message, "staff.yaml", 6,
                      "duplicate department id 1001 (first at " + path("staff.yaml") + ":3)"));
  EXPECT_TRUE(reports(message, "staff.yaml", 13,
                      "duplicate user id 'T-HC-002' (first at " + path("staff.yaml") + ":9)"));
}

TEST_F(DirectorySeedValidation, UnknownParentCourt) {
  courts_[12] = "    parent: T-XX";
  EXPECT_TRUE(reports(problems(), "courts.yaml", 13,
                      "court 'T-BC': parent court 'T-XX' is not in the directory"));
}

TEST_F(DirectorySeedValidation, UnknownOrForeignParentDepartment) {
  staff_[3] = "  - {id: 1002, court: T-HC, name: 执行实施处, parent: 1999, head: T-HC-011}";
  staff_.insert(staff_.begin() + 5,
                "  - {id: 2001, court: T-BC, name: 立案庭, parent: 1000, head: T-BC-001}");
  auto message = problems();
  EXPECT_TRUE(reports(message, "staff.yaml", 4,
                      "department 1002: parent department 1999 is not in the directory"));
  EXPECT_TRUE(reports(message, "staff.yaml", 6,
                      "department 2001 of court 'T-BC': parent department 1000 belongs to "
                      "court 'T-HC'"));
}

TEST_F(DirectorySeedValidation, DepartmentOfUnknownCourt) {
  staff_.insert(staff_.begin() + 5, "  - {id: 3000, court: T-XX, name: 无名法院, parent: null}");
  EXPECT_TRUE(reports(problems(), "staff.yaml", 6,
                      "department 3000: court 'T-XX' is not in the directory"));
}

TEST_F(DirectorySeedValidation, PersonInUnknownOrForeignDepartmentOrCourt) {
  staff_[8] =
      "  - {id: T-HC-010, name: 甲三, court: T-HC, dept: 1777, title: 庭长, "
      "roles: [division_head]}";
  staff_[10] =
      "  - {id: T-BC-001, name: 乙一, court: T-BC, dept: 1000, title: 院长, "
      "roles: [president]}";
  staff_.push_back(
      "  - {id: T-XX-001, name: 丙一, court: T-XX, dept: 1000, title: 院长, roles: [president]}");
  auto message = problems();
  EXPECT_TRUE(reports(message, "staff.yaml", 9,
                      "person 'T-HC-010': department 1777 is not in the directory"));
  EXPECT_TRUE(reports(message, "staff.yaml", 11,
                      "person 'T-BC-001' of court 'T-BC': department 1000 belongs to court "
                      "'T-HC'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 12,
                      "person 'T-XX-001': court 'T-XX' is not in the directory"));
}

TEST_F(DirectorySeedValidation, HeadOrLeaderNotAPersonOfThatCourt) {
  staff_[2] =
      "  - {id: 1001, court: T-HC, name: 立案庭, parent: 1000, head: T-HC-404, "
      "leader: T-BC-001}";
  staff_[4] = "  - {id: 2000, court: T-BC, name: 测试基层法院, parent: null, head: T-BC-999}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "staff.yaml", 3,
                      "department 1001: head 'T-HC-404' is not a person in the directory"));
  EXPECT_TRUE(reports(message, "staff.yaml", 3,
                      "department 1001: leader 'T-BC-001' is a person of court 'T-BC', not of "
                      "'T-HC'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 5,
                      "department 2000: head 'T-BC-999' is not a person in the directory"));
}

TEST_F(DirectorySeedValidation, LeaderOnlyOnTopLevelDivisions) {
  staff_[3] =
      "  - {id: 1002, court: T-HC, name: 执行实施处, parent: 1001, head: T-HC-011, "
      "leader: T-HC-002}";
  EXPECT_TRUE(reports(problems(), "staff.yaml", 4, "department 1002: only a top-level division"));
}

TEST_F(DirectorySeedValidation, CourtWithoutRootDepartment) {
  staff_.erase(staff_.begin() + 10);  // T-BC-001
  staff_.erase(staff_.begin() + 4);   // department 2000
  EXPECT_TRUE(reports(problems(), "courts.yaml", 9, "court 'T-BC' has no root department"));
}

TEST_F(DirectorySeedValidation, SecondRootDepartment) {
  staff_.insert(staff_.begin() + 5,
                "  - {id: 2500, court: T-BC, name: 另一个根, parent: null, head: T-BC-001}");
  EXPECT_TRUE(reports(problems(), "staff.yaml", 6,
                      "department 2500: court 'T-BC' already has a root department (2000 at " +
                          path("staff.yaml") + ":5)"));
}

TEST_F(DirectorySeedValidation, ParentCycle) {
  staff_.insert(staff_.begin() + 5,
                "  - {id: 1003, court: T-HC, name: 甲处, parent: 1004, head: T-HC-001}");
  staff_.insert(staff_.begin() + 6,
                "  - {id: 1004, court: T-HC, name: 乙处, parent: 1003, head: T-HC-001}");
  auto message = problems();
  EXPECT_NE(message.find("parent departments form a cycle (1003 -> 1004 -> 1003)"),
            std::string::npos)
      << message;
  EXPECT_TRUE(
      reports(message, "staff.yaml", 6, "department 1003: parent departments form a cycle"));
  // One cycle, one report.
  EXPECT_EQ(message.find("cycle"), message.rfind("cycle")) << message;
}

TEST_F(DirectorySeedValidation, YamlSyntaxErrorIsReportedAlone) {
  staff_[6] = "  - {id: T-HC-001, name: 甲一, court: T-HC, dept: 1000";
  auto message = problems();
  // yaml-cpp notices the unclosed "{" where the next entry starts.
  EXPECT_TRUE(reports(message, "staff.yaml", 9, "not valid YAML"));
  // The people and departments of the broken file are not reported as missing.
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST_F(DirectorySeedValidation, MissingFile) {
  auto message = problems({"absent.yaml"});
  EXPECT_EQ(message, path("absent.yaml") + ": cannot open the file");
}

TEST_F(DirectorySeedValidation, NotAMappingOrNotASequence) {
  write("list.yaml", {"- a", "- b"});
  write("scalar.yaml", {"people: everyone"});
  write("items.yaml", {"people:", "  - just text"});
  auto message = problems({"list.yaml", "scalar.yaml", "items.yaml"});
  EXPECT_TRUE(reports(message, "list.yaml", 1, "the file must be a mapping"));
  EXPECT_TRUE(reports(message, "scalar.yaml", 1, "'people' must be a sequence, not a scalar"));
  EXPECT_TRUE(reports(message, "items.yaml", 2, "entry 1 of 'people' must be a mapping"));
}

TEST_F(DirectorySeedValidation, CollectsEveryProblemOnItsOwnLine) {
  courts_[12] = "    parent: T-XX";
  staff_[8] =
      "  - {id: T-HC-010, name: 甲三, court: T-HC, dept: 1777, title: 庭长, "
      "roles: [division_head]}";
  auto message = problems();
  EXPECT_TRUE(reports(message, "courts.yaml", 13, "parent court 'T-XX'"));
  EXPECT_TRUE(reports(message, "staff.yaml", 9, "department 1777 is not in the directory"));
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1) << message;
}

TEST_F(DirectorySeedValidation, LongListsOfProblemsAreCut) {
  for (int i = 0; i < 150; ++i)
    staff_.push_back("  - {id: T-HC-" + std::to_string(100 + i) +
                     ", name: 某, court: T-HC, dept: 9999, title: 科员, roles: [staff]}");
  auto message = problems();
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 100) << message;
  EXPECT_NE(message.find("... and 50 more problems"), std::string::npos);
}

}  // namespace
}  // namespace courthub::directory
