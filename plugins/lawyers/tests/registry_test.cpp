// SPDX-License-Identifier: Apache-2.0
// The verification registry: matching, problems by file:line, re-reading a changed file.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <courthub/error.hpp>

#include "registry.hpp"

namespace lawyers {
namespace {

const char* kCsv =
    "licence_no,name,firm,status\n"
    "12101201010100123,李明,辽宁正义律师事务所,正常\n"
    "12101201510200456,王芳,辽宁正义律师事务所,暂停执业\n"
    "210120101234, 赵强 ,大连海川律师事务所,正常\n";

RegistryTable parsed(const char* text, std::vector<std::string>& problems) {
  return RegistryTable::parse(text, "reg.csv", problems);
}

TEST(Registry, MatchMismatchNotFoundNotPracticing) {
  std::vector<std::string> problems;
  auto t = parsed(kCsv, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(t.check("12101201010100123", "李明", "辽宁正义律师事务所").result,
            RegistryResult::Match);
  EXPECT_EQ(t.check("210120101234", "赵强", "大连海川律师事务所").code(), "match");  // trimmed

  auto name = t.check("12101201010100123", "李鸣", "辽宁正义律师事务所");
  EXPECT_EQ(name.code(), "mismatch");
  EXPECT_EQ(name.field, "name");
  auto firm = t.check("12101201010100123", "李明", "辽宁公正律师事务所");
  EXPECT_EQ(firm.field, "firm");

  EXPECT_EQ(t.check("12101201010100999", "李明", "辽宁正义律师事务所").code(), "not_found");
  auto suspended = t.check("12101201510200456", "王芳", "辽宁正义律师事务所");
  EXPECT_EQ(suspended.code(), "not_practicing");
  EXPECT_NE(suspended.detail.find("暂停执业"), std::string::npos);
}

TEST(Registry, ProblemsNameFileAndLine) {
  std::vector<std::string> problems;
  auto t = parsed(
      "licence_no,name,firm,status\n"
      "12101201010100123,李明,辽宁正义律师事务所,正常\n"
      "1210120101010012,短号,某所,正常\n"
      "12101201010100124,张三,某所,退休\n"
      "12101201010100123,李明,辽宁正义律师事务所,正常\n"
      "12101201010100125,少一列,正常\n",
      problems);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].rfind("reg.csv:3: licence_no", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("reg.csv:4: status", 0), 0u) << problems[1];
  EXPECT_NE(problems[2].find("reg.csv:5: licence_no 12101201010100123 is already on line 2"),
            std::string::npos)
      << problems[2];
  EXPECT_EQ(problems[3].rfind("reg.csv:6:", 0), 0u) << problems[3];
  EXPECT_EQ(t.size(), 1u);
}

TEST(Registry, AHeaderWithoutAColumnIsAProblem) {
  std::vector<std::string> problems;
  parsed("licence_no,name,status\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("'firm'"), std::string::npos);
}

class RegistryFileTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("lawyers-registry-" + std::to_string(::getpid()));
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& text, int seconds_later) {
    const auto file = dir_ / "registry.csv";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    // The file's clock moves on, as a replaced file's does.
    std::filesystem::last_write_time(
        file, std::filesystem::file_time_type::clock::now() + std::chrono::seconds(seconds_later));
  }
};

TEST_F(RegistryFileTest, ReReadWhenTheFileChangesAndKeepsTheLastGoodTable) {
  write(kCsv, 0);
  RegistryFile file("registry.csv");  // relative: from the base directory
  auto first = file.load(dir_.string());
  EXPECT_TRUE(first.problems.empty());
  EXPECT_EQ(first.table->check("12101201010100999", "新人", "新所").code(), "not_found");

  write(std::string(kCsv) + "12101201010100999,新人,新所,正常\n", 5);
  EXPECT_EQ(file.load(dir_.string()).table->check("12101201010100999", "新人", "新所").code(),
            "match");

  write("licence_no,name,firm,status\n12101201010100999,新人,新所,在职\n", 10);
  auto broken = file.load(dir_.string());
  ASSERT_EQ(broken.problems.size(), 1u);  // reported once, with file:line
  EXPECT_NE(broken.problems[0].find("registry.csv:2: status"), std::string::npos);
  EXPECT_EQ(broken.table->check("12101201010100999", "新人", "新所").code(), "match");
  EXPECT_TRUE(file.load(dir_.string()).problems.empty());  // not again while unchanged
}

TEST_F(RegistryFileTest, NeverAGoodTableIsUnavailableNamingTheLine) {
  write("licence_no,name,firm,status\nabc,x,y,正常\n", 0);
  RegistryFile file((dir_ / "registry.csv").string());
  try {
    file.load("/nowhere");
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::Unavailable);
    EXPECT_NE(std::string(e.what()).find("registry.csv:2: licence_no"), std::string::npos)
        << e.what();
  }
  RegistryFile missing((dir_ / "nope.csv").string());
  EXPECT_THROW(missing.load("/"), courthub::Error);
}

TEST(Registry, NoFileConfiguredFindsNobody) {
  RegistryFile none("");
  EXPECT_EQ(none.load("/").table->check("12101201010100123", "李明", "x").code(), "not_found");
}

}  // namespace
}  // namespace lawyers
