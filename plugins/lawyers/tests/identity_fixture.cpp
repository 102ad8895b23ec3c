// SPDX-License-Identifier: Apache-2.0
#include "identity_fixture.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "id_card.hpp"

namespace lawyers::test {

namespace {

using courthub::Json;

std::string with_check(const std::string& first17) {
  return first17 + id_card_check_char(first17);
}

}  // namespace

Json LawyerForm::json() const {
  return Json::object({{"name", name},
                       {"id_card", id_card},
                       {"licence_no", licence_no},
                       {"firm", firm},
                       {"mobile", mobile},
                       {"password", password}});
}

LawyerForm li_ming() {
  return {"李明", with_check("21010219800101123"), "12101201010100123", "辽宁正义律师事务所",
          "13812345678", "lawyer2026pass"};
}
LawyerForm wang_fang() {
  return {"王芳", with_check("21020219850315246"), "12102201520200456", "大连海川律师事务所",
          "13998765432", "fang2026secret"};
}
LawyerForm zhao_qiang() {
  return {"赵强", with_check("21030219750707135"), "12103201010100789", "鞍山公平律师事务所",
          "13700001111", "zhao2026secret"};
}
LawyerForm stranger() {
  return {"钱多", with_check("21040219900909357"), "12104201910100999", "抚顺无名律师事务所",
          "13600002222", "qian2026secret"};
}

IdentityHarness::~IdentityHarness() {
  std::error_code ec;
  std::filesystem::remove(registry_file, ec);
}

IdentityHarness identity_harness(Json settings) {
  static std::atomic<int> made{0};
  const std::string registry = ::testing::TempDir() + "lawyers-registry-" +
                               std::to_string(::getpid()) + "-" + std::to_string(++made) + ".csv";
  std::ofstream(registry, std::ios::trunc)
      << "licence_no,name,firm,status\n"
      << li_ming().licence_no << ",李明,辽宁正义律师事务所,正常\n"
      << wang_fang().licence_no << ",王芳,大连海川律师事务所,正常\n"
      << zhao_qiang().licence_no << ",赵强,鞍山公平律师事务所,暂停执业\n";
  Json identity = Json::object({{"registry_file", registry},
                                {"data_key", kDataKey},
                                {"password_cost", "interactive"}});
  if (auto* extra = courthub::json::find(settings, "identity"))
    for (auto& [k, v] : extra->items()) identity[k] = v;
  settings["identity"] = identity;
  courthub::testing::HarnessOptions o;
  o.settings = settings;
  o.start_ms = 1'796'000'000'000;  // 2026-11-30 08:53 in Shanghai, a fixed instant
  auto h = std::make_unique<courthub::testing::PluginHarness>(LAWYERS_PLUGIN_FILE, o);
  h->add_court({kHighCourt, "辽宁省高级人民法院", "high", "ordinary", "", "沈阳", "10000"});
  h->add_court({kBasicCourt, "沈阳市和平区人民法院", "basic", "ordinary", "", "沈阳", "18000"});
  h->add_department({"10007", "办公室", kHighCourt, "10000", "", ""});
  h->add_department({"10003", "民事审判第一庭", kHighCourt, "10000", "", ""});
  h->add_department({"18007", "办公室", kBasicCourt, "18000", "", ""});
  h->add_person({kHighAdmin, "高院管理员", kHighCourt, "10007", "综合管理员", {"court_admin"}});
  h->add_person({kHighJudge, "高院法官", kHighCourt, "10003", "审判员", {"judge"}});
  h->add_person({kBasicAdmin, "和平管理员", kBasicCourt, "18007", "综合管理员", {"court_admin"}});
  return IdentityHarness{std::move(h), registry};
}

int64_t registered_lawyer(courthub::testing::PluginHarness& h, const LawyerForm& form) {
  auto r = h.as_anonymous().post("/public/register", form.json());
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return r.json()["lawyer"]["id"].get<int64_t>();
}

int64_t verified_lawyer(courthub::testing::PluginHarness& h, const LawyerForm& form) {
  const int64_t id = registered_lawyer(h, form);
  auto r = h.as(kHighAdmin).post("/lawyers/" + std::to_string(id) + "/verify", Json::object());
  EXPECT_EQ(r.status, 200) << r.body;
  return id;
}

}  // namespace lawyers::test
