// SPDX-License-Identifier: Apache-2.0
// A plugin harness with a court, its people and lawyers who represent a case, set up only
// through the CONTRACT's routes (register, verify, open a case, upload a power of attorney,
// ask for and confirm the representation), so the access tests do not depend on how the other
// parts store anything.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "document_delivery.hpp"
#include "tests/pdf_text.hpp"

namespace lawyers::testing {

using courthub::Json;
using courthub::testing::HarnessOptions;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

// 2026-12-07 09:00 Beijing time, a Monday.
inline constexpr int64_t kMonday9 = 1796605200000;
inline constexpr int64_t kDay = 24 * 3600 * 1000LL;
inline constexpr const char* kCaseNumber = "（2026）辽0102民初123号";

// An 18-character ID number with a correct check digit (GB 11643).
inline std::string id_card(const std::string& seventeen) {
  static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (seventeen[i] - '0') * weights[i];
  return seventeen + "10X98765432"[sum % 11];
}

struct RegisteredLawyer {
  int64_t id = 0;
  std::string name, licence_no, mobile;
};

class AccessFixture : public ::testing::Test {
 protected:
  static std::string registry_file() {
    auto path = std::filesystem::temp_directory_path() / "lawyers-access-registry.csv";
    std::ofstream(path) << "licence_no,name,firm,status\n"
                           "12101201810123456,张三,辽宁正义律师事务所,正常\n"
                           "12101201910654321,李四,辽宁公平律师事务所,正常\n";
    return path.string();
  }
  static HarnessOptions options() {
    HarnessOptions o;
    o.start_ms = kMonday9;
    o.settings = Json::object(
        {{"identity", Json::object({{"registry_file", registry_file()},
                                    {"data_key", "access-tests-data-key-0123456789abcdef"}})}});
    return o;
  }

  AccessFixture() : h(LAWYERS_PLUGIN_FILE, options()) {
    h.add_court({"T-HC", "测试高级人民法院", "high", "ordinary", "", "沈阳", "100"});
    h.add_court({"T-BC-01", "测试基层人民法院", "basic", "ordinary", "T-HC", "沈阳", "200"});
    h.add_department({"100", "测试高级人民法院", "T-HC", "", "", ""});
    h.add_department({"200", "测试基层人民法院", "T-BC-01", "", "", ""});
    h.add_department({"201", "民事审判第一庭", "T-BC-01", "200", "BC-HEAD", ""});
    h.add_person({"HC-ADMIN", "高院管理员", "T-HC", "100", "管理员", {"court_admin"}});
    h.add_person({"BC-ADMIN", "基层管理员", "T-BC-01", "200", "管理员", {"court_admin"}});
    h.add_person({"BC-J1", "王法官", "T-BC-01", "201", "审判员", {"judge"}});
    h.add_person({"BC-C1", "赵书记员", "T-BC-01", "201", "书记员", {"clerk"}});
    h.add_person({"BC-J2", "钱法官", "T-BC-01", "201", "审判员", {"judge"}});
    h.add_person({"BC-HEAD", "孙庭长", "T-BC-01", "201", "庭长", {"judge"}});
  }

  RegisteredLawyer register_lawyer(const std::string& name, const std::string& licence,
                                   const std::string& id17, const std::string& mobile) {
    auto r =
        h.as_anonymous().post("/public/register", Json::object({{"name", name},
                                                                {"id_card", id_card(id17)},
                                                                {"licence_no", licence},
                                                                {"firm", "辽宁正义律师事务所"},
                                                                {"mobile", mobile},
                                                                {"password", "correct-horse-42"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    RegisteredLawyer l{r.json()["lawyer"]["id"].get<int64_t>(), name, licence, mobile};
    auto v = h.as("HC-ADMIN").post("/lawyers/" + std::to_string(l.id) + "/verify", Json::object());
    EXPECT_EQ(v.status, 200) << v.body;
    return l;
  }

  int64_t open_case(const std::string& number) {
    auto r = h.as("BC-ADMIN")
                 .post("/cases", Json::object({{"court", "T-BC-01"},
                                               {"case_number", number},
                                               {"cause", "买卖合同纠纷"},
                                               {"case_type", "民事"},
                                               {"judge", "BC-J1"},
                                               {"clerk", "BC-C1"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<int64_t>();
  }

  PluginHarness& as_lawyer(const RegisteredLawyer& l) {
    return h.as_outsider("lawyer", std::to_string(l.id));
  }

  // The lawyer uploads a power of attorney, asks to represent the case, the judge confirms.
  void represent(const RegisteredLawyer& l, const std::string& number) {
    auto file = as_lawyer(l).request("POST", "/portal/files?name=poa.pdf", pdf_of_pages(1),
                                     "application/pdf");
    ASSERT_EQ(file.status, 201) << file.body;
    auto rep = as_lawyer(l).post("/portal/representations",
                                 Json::object({{"court", "T-BC-01"},
                                               {"case_number", number},
                                               {"party", "沈阳某商贸有限公司"},
                                               {"party_role", "原告"},
                                               {"poa_file", file.json()["sha256"]}}));
    ASSERT_EQ(rep.status, 201) << rep.body;
    auto ok = h.as("BC-J1").post(
        "/representations/" + std::to_string(rep.json()["id"].get<int64_t>()) + "/confirm",
        Json::object());
    ASSERT_EQ(ok.status, 200) << ok.body;
  }

  // The judge files a document under the case; returns its id.
  int64_t file_document(int64_t case_id, const std::string& name, const std::string& category,
                        const std::string& bytes, const std::string& type) {
    auto r = h.as("BC-J1").request("POST",
                                   "/cases/" + std::to_string(case_id) +
                                       "/documents?name=" + percent_encoded(name) +
                                       "&category=" + percent_encoded(category),
                                   bytes, type);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
  }

  PluginHarness h;
};

}  // namespace lawyers::testing
