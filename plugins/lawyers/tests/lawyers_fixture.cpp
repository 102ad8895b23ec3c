// SPDX-License-Identifier: Apache-2.0
#include "lawyers_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace lawyers::case_testing {
namespace {

// A valid 18-character ID number (GB 11643 check digit) for the n-th lawyer.
std::string id_card(int n) {
  char body[18];
  std::snprintf(body, sizeof body, "21010219800101%03d", n % 1000);
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * kWeights[i];
  return std::string(body, 17) + "10X98765432"[sum % 11];
}

std::string licence(int n) {
  char out[18];
  std::snprintf(out, sizeof out, "121010%011d", n);
  return out;
}

std::string firm(int n) { return "辽宁第" + std::to_string(n) + "律师事务所"; }

const char* kLawyerNames[] = {"", "王明", "李华", "赵丽", "陈静", "刘洋"};

// The verification registry (identity part) listing the five lawyers the tests may register:
// one file for the test process, removed when it ends.
struct RegistryFile {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("lawyers-cases-registry-" + std::to_string(::getpid()) + ".csv"))
                         .string();
  RegistryFile() {
    std::ofstream csv(path);
    csv << "licence_no,name,firm,status\n";
    for (int n = 1; n <= 5; ++n)
      csv << licence(n) << "," << kLawyerNames[n] << "," << firm(n) << ",正常\n";
  }
  ~RegistryFile() { std::filesystem::remove(path); }
};

}  // namespace

std::unique_ptr<PluginHarness> make_harness() {
  static const RegistryFile registry;
  courthub::testing::HarnessOptions o;
  o.start_ms = kStartMs;
  o.settings = Json::object(
      {{"identity",
        Json::object({{"registry_file", registry.path},
                      {"data_key", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}})}});
  auto h = std::make_unique<PluginHarness>(LAWYERS_PLUGIN_FILE, o);
  h->add_court({kCourt, "沈阳市和平区人民法院", "basic", "", "LN-SY-IC", "沈阳", "18000"});
  h->add_court({kOtherCourt, "沈阳市沈河区人民法院", "basic", "", "LN-SY-IC", "沈阳", "19000"});
  h->add_department({"18000", "沈阳市和平区人民法院", kCourt, "", "", ""});
  h->add_department({"18001", "立案庭", kCourt, "18000", "", ""});
  h->add_department({"18002", "民事审判庭", kCourt, "18000", "", ""});
  h->add_department({"19000", "沈阳市沈河区人民法院", kOtherCourt, "", "", ""});
  h->add_department({"19001", "立案庭", kOtherCourt, "19000", "", ""});
  h->add_department({"19002", "民事审判庭", kOtherCourt, "19000", "", ""});
  h->add_person({kFiler, "周立案", kCourt, "18001", "书记员", {"clerk"}});
  h->add_person({kJudge, "孙法官", kCourt, "18002", "审判员", {"judge"}});
  h->add_person({kClerk, "钱书记", kCourt, "18002", "书记员", {"clerk"}});
  h->add_person({kColleague, "吴法官", kCourt, "18002", "审判员", {"judge"}});
  h->add_person({kCourtAdmin, "郑管理", kCourt, "18000", "管理员", {"court_admin"}});
  h->add_person({kOtherJudge, "冯法官", kOtherCourt, "19002", "审判员", {"judge"}});
  h->add_person({kOtherClerk, "陈书记", kOtherCourt, "19002", "书记员", {"clerk"}});
  h->add_person({kOtherFiler, "褚立案", kOtherCourt, "19001", "书记员", {"clerk"}});
  return h;
}

int64_t add_lawyer(PluginHarness& h, const std::string& name, int n) {
  EXPECT_EQ(name, kLawyerNames[n]) << "the registry lists lawyer " << n << " as " << kLawyerNames[n];
  auto r = h.as_anonymous().post(
      "/public/register", Json::object({{"name", name},
                                        {"id_card", id_card(n)},
                                        {"licence_no", licence(n)},
                                        {"firm", firm(n)},
                                        {"mobile", "1381234567" + std::to_string(n % 10)},
                                        {"password", "correct-horse-" + std::to_string(n)}}));
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  int64_t id = r.json()["lawyer"]["id"].get<int64_t>();
  auto v = h.as_admin().post("/lawyers/" + std::to_string(id) + "/verify", Json::object());
  EXPECT_EQ(v.status, 200) << v.body;
  return id;
}

PluginHarness& as_lawyer(PluginHarness& h, int64_t lawyer) {
  return h.as_outsider("lawyer", std::to_string(lawyer));
}

std::string upload_poa(PluginHarness& h, int64_t lawyer) {
  std::string pdf = "%PDF-1.4\n% power of attorney of lawyer " + std::to_string(lawyer) +
                    "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  auto r = as_lawyer(h, lawyer).request("POST", "/portal/files?name=poa.pdf", pdf,
                                        "application/pdf");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["sha256"].get<std::string>() : std::string();
}

int64_t open_case(PluginHarness& h, const std::string& court, const std::string& number,
                  const std::string& judge, const std::string& clerk) {
  auto r = h.as(court == kCourt ? kFiler : kOtherFiler)
               .post("/cases", Json::object({{"court", court},
                                             {"case_number", number},
                                             {"cause", "民间借贷纠纷"},
                                             {"case_type", "民事"},
                                             {"judge", judge},
                                             {"clerk", clerk}}));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
}

HttpResult ask_to_represent(PluginHarness& h, int64_t lawyer, const std::string& court,
                            const std::string& number) {
  std::string poa = upload_poa(h, lawyer);
  return as_lawyer(h, lawyer).post("/portal/representations",
                                   Json::object({{"court", court},
                                                 {"case_number", number},
                                                 {"party", "沈阳某某商贸有限公司"},
                                                 {"party_role", "原告"},
                                                 {"poa_file", poa}}));
}

int64_t represent(PluginHarness& h, int64_t lawyer, const std::string& court,
                  const std::string& number, const std::string& judge) {
  auto r = ask_to_represent(h, lawyer, court, number);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  int64_t id = r.json()["id"].get<int64_t>();
  auto c = h.as(judge).post("/representations/" + std::to_string(id) + "/confirm", Json::object());
  EXPECT_EQ(c.status, 200) << c.body;
  return id;
}

Json hearing_payload(int64_t hearing_id, const std::string& court, const std::string& number,
                     int64_t start_ms, int64_t end_ms, const std::string& status,
                     int64_t changed_ms, const std::string& judge, const std::string& clerk) {
  return Json::object({{"hearing_id", hearing_id},
                       {"court", court},
                       {"case_number", number},
                       {"start_ms", start_ms},
                       {"end_ms", end_ms},
                       {"room", "远程视频庭审室"},
                       {"mode", "online"},
                       {"status", status},
                       {"judge", judge},
                       {"clerk", clerk},
                       {"changed_ms", changed_ms}});
}

std::vector<Json> outbox_to(PluginHarness& h, const std::string& user) {
  std::vector<Json> out;
  for (auto& m : h.outbox())
    if (("," + m["target"].get<std::string>() + ",").find("," + user + ",") != std::string::npos)
      out.push_back(m);  // a work notice's target: its userids, comma-separated
  return out;
}

}  // namespace lawyers::case_testing
