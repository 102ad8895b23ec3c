// SPDX-License-Identifier: Apache-2.0
// The high court's administration of lawyers: who may, verify against the registry, the list,
// the audit, and personal data never in full in any answer.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "identity_fixture.hpp"

namespace lawyers::test {
namespace {

using courthub::Json;

std::string path(int64_t id, const std::string& action) {
  return "/lawyers/" + std::to_string(id) + "/" + action;
}

TEST(LawyerAdmin, OnlyTheHighCourtsAdminOrTheOperator) {
  auto h = identity_harness();
  const int64_t id = registered_lawyer(*h, li_ming());
  for (const char* who : {kBasicAdmin, kHighJudge}) {
    EXPECT_EQ(h->as(who).get("/lawyers").status, 403) << who;
    EXPECT_EQ(h->as(who).post(path(id, "verify"), Json::object()).status, 403) << who;
    EXPECT_EQ(h->as(who).post(path(id, "suspend"), Json::object({{"reason", "x"}})).status, 403);
    EXPECT_EQ(h->as(who).post(path(id, "reinstate"), Json::object()).status, 403) << who;
    EXPECT_EQ(h->as(who).post(path(id, "reset-password"), Json::object()).status, 403) << who;
    EXPECT_EQ(h->as(who).get(path(id, "audit")).status, 403) << who;
  }
  EXPECT_EQ(h->as_outsider("lawyer", std::to_string(id)).get("/lawyers").status, 401);
  EXPECT_EQ(h->as(kHighAdmin).get("/lawyers").status, 200);
  EXPECT_EQ(h->as_admin().post(path(id, "verify"), Json::object()).status, 200);
}

TEST(LawyerAdmin, VerifyRefusesUnlessTheRegistryMatchesNow) {
  auto h = identity_harness();
  const int64_t practicing = registered_lawyer(*h, li_ming());
  const int64_t suspended = registered_lawyer(*h, zhao_qiang());
  const int64_t unknown = registered_lawyer(*h, stranger());

  auto a = h->as(kHighAdmin).post(path(suspended, "verify"), Json::object());
  EXPECT_EQ(a.status, 409) << a.body;
  EXPECT_NE(a.body.find("not_practicing"), std::string::npos) << a.body;
  auto b = h->as(kHighAdmin).post(path(unknown, "verify"), Json::object());
  EXPECT_EQ(b.status, 409) << b.body;
  EXPECT_NE(b.body.find("not_found"), std::string::npos) << b.body;

  // The registry changes (the operator replaces the file): verify now refuses 李明 too.
  std::ofstream(h.registry_file, std::ios::trunc)
      << "licence_no,name,firm,status\n"
      << li_ming().licence_no << ",李明,辽宁正义律师事务所,注销\n";
  std::filesystem::last_write_time(h.registry_file,
                                   std::filesystem::file_time_type::clock::now() +
                                       std::chrono::seconds(5));
  auto c = h->as(kHighAdmin).post(path(practicing, "verify"), Json::object());
  EXPECT_EQ(c.status, 409) << c.body;

  auto audit = h->as(kHighAdmin).get(path(practicing, "audit"));
  ASSERT_EQ(audit.status, 200);
  Json items = audit.json()["items"];
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["action"], "registered");
  EXPECT_EQ(items[1]["action"], "verify_refused");
  EXPECT_EQ(items[1]["actor"], kHighAdmin);
  EXPECT_EQ(items[1]["actor_name"], "高院管理员");
}

TEST(LawyerAdmin, EveryChangeIsAudited) {
  auto h = identity_harness();
  const int64_t id = verified_lawyer(*h, li_ming());
  h->as(kHighAdmin).post(path(id, "suspend"), Json::object({{"reason", "投诉核查"}}));
  h->as_admin().post(path(id, "reinstate"), Json::object({{"reason", "核查完毕"}}));
  h->as(kHighAdmin).post(path(id, "reset-password"), Json::object());
  Json items = h->as(kHighAdmin).get(path(id, "audit")).json()["items"];
  std::vector<std::string> actions;
  for (auto& i : items) actions.push_back(i["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"registered", "verified", "suspended",
                                                "reinstated", "password_reset"}));
  EXPECT_EQ(items[2]["reason"], "投诉核查");
  EXPECT_EQ(items[3]["actor"], "admin");
  EXPECT_EQ(items[2]["at_ms"], h->now_ms());
}

TEST(LawyerAdmin, SuspendNeedsAReasonAndStatesMustAllowTheChange) {
  auto h = identity_harness();
  const int64_t id = verified_lawyer(*h, li_ming());
  EXPECT_EQ(h->as(kHighAdmin).post(path(id, "suspend"), Json::object()).status, 400);
  EXPECT_EQ(h->as(kHighAdmin).post(path(id, "verify"), Json::object()).status, 409);
  EXPECT_EQ(h->as(kHighAdmin).post(path(id, "reinstate"), Json::object()).status, 409);
  EXPECT_EQ(h->as(kHighAdmin).post(path(999, "verify"), Json::object()).status, 404);
}

TEST(LawyerAdmin, TheListFiltersByStateAndText) {
  auto h = identity_harness();
  verified_lawyer(*h, li_ming());
  registered_lawyer(*h, wang_fang());
  auto pending = h->as(kHighAdmin).get("/lawyers?state=pending").json()["items"];
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0]["name"], "王芳");
  EXPECT_EQ(pending[0]["registry"]["result"], "match");
  EXPECT_TRUE(pending[0].contains("updated_ms"));
  EXPECT_EQ(h->as(kHighAdmin).get("/lawyers?q=正义").json()["items"].size(), 1u);
  EXPECT_EQ(h->as(kHighAdmin).get("/lawyers?q=%25").json()["items"].size(), 0u);
  EXPECT_EQ(h->as(kHighAdmin).get("/lawyers").json()["items"].size(), 2u);
  EXPECT_EQ(h->as(kHighAdmin).get("/lawyers?state=gone").status, 400);
}

// Latin letters match in either case, as LIKE gives on SQLite.
TEST(LawyerAdmin, TheTextSearchIgnoresTheCaseOfLatinLetters) {
  auto h = identity_harness();
  LawyerForm f = wang_fang();
  f.firm = "大连Hai_Chuan律师事务所";
  registered_lawyer(*h, f);
  auto found = [&](const std::string& q) {
    return h->as(kHighAdmin).get("/lawyers?q=" + q).json()["items"].size();
  };
  EXPECT_EQ(found("hai_chuan"), 1u);
  EXPECT_EQ(found("HAI_CHUAN"), 1u);
  EXPECT_EQ(found("hAi_cHuAn"), 1u);
}

TEST(LawyerAdmin, PersonalDataIsNeverInFullInAnyAnswer) {
  auto h = identity_harness();
  const LawyerForm f = li_ming();
  std::vector<courthub::testing::HttpResult> answers;
  answers.push_back(h->as_anonymous().post("/public/register", f.json()));
  const int64_t id = answers.back().json()["lawyer"]["id"];
  answers.push_back(h->as_anonymous().post("/public/register", f.json()));  // 409
  answers.push_back(h->as_anonymous().post(
      "/public/login", Json::object({{"licence_no", f.licence_no}, {"password", f.password}})));
  answers.push_back(h->as(kHighAdmin).post(path(id, "verify"), Json::object()));
  answers.push_back(h->as(kHighAdmin).get("/lawyers"));
  answers.push_back(h->as(kHighAdmin).get("/lawyers?q=" + f.licence_no));
  answers.push_back(h->as(kHighAdmin).get(path(id, "audit")));
  answers.push_back(h->as_outsider("lawyer", std::to_string(id)).get("/portal/me"));
  for (auto& a : answers) {
    EXPECT_EQ(a.body.find(f.id_card), std::string::npos) << a.body;
    EXPECT_EQ(a.body.find(f.mobile), std::string::npos) << a.body;
    EXPECT_EQ(a.body.find(f.password), std::string::npos) << a.body;
  }
  for (auto& event : h->published())
    EXPECT_EQ(event.dump().find(f.id_card), std::string::npos);
}

}  // namespace
}  // namespace lawyers::test
