// SPDX-License-Identifier: Apache-2.0
#include "filings_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace lawyers::testing {

namespace {

struct LawyerSeed {
  const char *name, *id_card, *licence, *firm, *mobile;
};
// ID numbers with valid check digits; licences of 17 digits.
const LawyerSeed kLawyers[] = {
    {"王律师", "210102198001011232", "12101201810000001", "辽宁正义律师事务所", "13800000001"},
    {"李律师", "210102198502022343", "12101201810000002", "沈阳明法律师事务所", "13800000002"},
};

}  // namespace

const std::string& pdf_bytes() {
  static const std::string b = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
  return b;
}

const std::string& png_bytes() {
  static const std::string b = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1", 24);
  return b;
}

void FilingsTest::SetUp() {
  static int counter = 0;
  registry_file = (std::filesystem::temp_directory_path() /
                   ("lawyers-filings-registry-" + std::to_string(getpid()) + "-" +
                    std::to_string(++counter) + ".csv"))
                      .string();
  {
    std::ofstream out(registry_file);
    out << "licence_no,name,firm,status\n";
    for (auto& l : kLawyers) out << l.licence << "," << l.name << "," << l.firm << ",正常\n";
  }
  courthub::testing::HarnessOptions o;
  o.start_ms = kStartMs;
  Json filings = Json::object({{"case_codes", Json::object({{kCourt, "辽0102"}})}});
  for (Json extra = filing_settings(); auto& [k, v] : extra.items()) filings[k] = v;
  o.settings = Json::object(
      {{"identity",
        Json::object({{"registry_file", registry_file},
                       {"data_key",
                        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}})},
       {"filings", filings}});
  h = std::make_unique<PluginHarness>(LAWYERS_PLUGIN_FILE, o);
  h->add_court({kCourt, "沈阳市和平区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", "18000"});
  h->add_court({kOtherCourt, "沈阳市沈河区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", "19000"});
  h->add_department({"18000", "沈阳市和平区人民法院", kCourt, "", "", ""});
  h->add_department({"18001", "立案庭", kCourt, "18000", kFilingHead, ""});
  h->add_department({"18003", "民事审判第一庭", kCourt, "18000", "", ""});
  h->add_department({"18007", "办公室", kCourt, "18000", "", ""});
  h->add_department({"19000", "沈阳市沈河区人民法院", kOtherCourt, "", "", ""});
  h->add_department({"19001", "立案庭", kOtherCourt, "19000", "LN-BC-SY-02-010", ""});
  h->add_person({kFilingHead, "陈功晗", kCourt, "18001", "庭长", {"division_head"}});
  h->add_person({kFilingStaff, "薛艳朋", kCourt, "18001", "审判员", {"judge"}});
  h->add_person({kJudge, "赵红朋", kCourt, "18003", "审判员", {"judge"}});
  h->add_person({kClerk, "肖德民", kCourt, "18003", "书记员", {"clerk"}});
  h->add_person({kCourtAdmin, "余磊龙", kCourt, "18007", "综合管理员", {"court_admin"}});
  h->add_person({"LN-BC-SY-02-010", "沈河庭长", kOtherCourt, "19001", "庭长", {"division_head"}});
  h->add_person({kOtherFilingStaff, "沈河法官", kOtherCourt, "19001", "审判员", {"judge"}});
}

void FilingsTest::TearDown() {
  h.reset();
  std::filesystem::remove(registry_file);
}

int64_t FilingsTest::verified_lawyer(int n) {
  const LawyerSeed& l = kLawyers[n];
  auto r = h->as_anonymous().post("/public/register",
                                  Json::object({{"name", l.name},
                                                {"id_card", l.id_card},
                                                {"licence_no", l.licence},
                                                {"firm", l.firm},
                                                {"mobile", l.mobile},
                                                {"password", "correct horse 42"}}));
  EXPECT_EQ(r.status, 201) << r.body;
  int64_t id = r.json()["lawyer"]["id"].get<int64_t>();
  auto v = h->as_admin().post("/lawyers/" + std::to_string(id) + "/verify", Json::object());
  EXPECT_EQ(v.status / 100, 2) << v.body;
  return id;
}

PluginHarness& FilingsTest::as_lawyer(int64_t id) {
  return h->as_outsider("lawyer", std::to_string(id));
}

HttpResult FilingsTest::upload(int64_t lawyer, const std::string& bytes, const std::string& name,
                               const std::string& type) {
  std::string encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.')
      encoded += static_cast<char>(c);
    else
      encoded += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return as_lawyer(lawyer).request("POST", "/portal/files?name=" + encoded, bytes, type);
}

std::string FilingsTest::uploaded(int64_t lawyer, const std::string& bytes,
                                  const std::string& name) {
  auto r = upload(lawyer, bytes, name);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["sha256"].get<std::string>() : std::string();
}

Json FilingsTest::filing_form(int64_t lawyer) {
  // Distinct bytes per lawyer, so each lawyer's hashes are their own.
  auto pdf = [&](const std::string& what) {
    return pdf_bytes() + "% " + what + " " + std::to_string(lawyer) + "\n";
  };
  return Json::object(
      {{"court", kCourt},
       {"case_type", "民事"},
       {"cause", "民间借贷纠纷"},
       {"plaintiffs", Json::array({Json::object({{"name", "张三"}, {"kind", "自然人"}})})},
       {"defendants", Json::array({Json::object({{"name", "沈阳某商贸有限公司"}, {"kind", "法人"}})})},
       {"claims", "判令被告偿还借款 100000 元及利息"},
       {"facts", "2025 年 3 月被告向原告借款，到期未还。"},
       {"documents",
        Json::object({{"complaint", Json::array({uploaded(lawyer, pdf("complaint"), "起诉状.pdf")})},
                      {"identity", Json::array({uploaded(lawyer, pdf("identity"), "身份证明.pdf")})},
                      {"authority", Json::array({uploaded(lawyer, pdf("authority"), "授权委托书.pdf")})}})},
       {"evidence", Json::array({Json::object(
                        {{"name", "借条"},
                         {"purpose", "证明借款事实"},
                         {"files", Json::array({uploaded(lawyer, png_bytes(), "借条.png")})}})})}});
}

int64_t FilingsTest::file(int64_t lawyer) {
  auto r = as_lawyer(lawyer).post("/portal/filings", filing_form(lawyer));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
}

std::vector<Json> FilingsTest::notices_to(const std::string& user) const {
  std::vector<Json> out;
  for (auto& m : h->outbox()) {
    // The target is the userids, comma-separated.
    std::istringstream targets(m["target"].get<std::string>());
    for (std::string t; std::getline(targets, t, ',');)
      if (t == user) {
        out.push_back(m);
        break;
      }
  }
  return out;
}

std::string error_message(const HttpResult& r) {
  try {
    Json j = r.json();
    if (j.contains("error") && j["error"].is_object()) return j["error"].value("message", "");
    if (j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
  } catch (...) {
  }
  return r.body;
}

}  // namespace lawyers::testing
