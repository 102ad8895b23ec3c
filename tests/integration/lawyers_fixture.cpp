// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "lawyers_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace courthub::it {

std::string id_card_number(const std::string& first17) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + kCheck[sum % 11];
}

std::string tiny_pdf(const std::string& text) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "",  // the content stream, below
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string content = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
  objects[3] = "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
               "\nendstream";
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

void LawyersHost::SetUp() {
  // The verification registry the operator points the plugin at (docs/lawyers.md).
  auto dir = std::filesystem::temp_directory_path() /
             ("courthub-lawyers-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir);
  registry_path_ = (dir / "registry.csv").string();
  std::ofstream(registry_path_) << "licence_no,name,firm,status\n"
                                   "12101201910123456,张律师,辽宁正义律师事务所,正常\n"
                                   "12101201811234567,李律师,辽宁公平律师事务所,正常\n"
                                   "12101201712345678,王律师,辽宁公平律师事务所,暂停执业\n";
  dt_ = start_double();
  const std::string lawyers =
      "  - name: lawyers\n"
      "    settings:\n"
      "      identity:\n"
      "        registry_file: \"" + registry_path_ + "\"\n"
      "        data_key: \"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"\n"
      "        password_cost: interactive\n"
      "      filings:\n"
      "        case_codes: {T-BC-01: 辽0102, T-BC-02: 辽0203}\n";
  const std::string sms = "sms:\n  url: \"" + dt_->base_url() +
                          "/sms/send\"\n  secret: it-sms-secret-0123456789\n";
  std::string config =
      dingtalk_config(*dt_, lawyers + approvals_demo(), 20, "lawyers-directory");
  // The gateway goes with the other top-level sections, before `plugins:`.
  config.insert(config.find("plugins:\n"), sms);
  host_ = std::make_unique<HostProcess>(
      config, std::vector<std::string>{},
      std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS", std::to_string(now_)}});
}

HttpResponse LawyersHost::staff(const std::string& method, const std::string& path,
                                const Json& body, const std::string& user) const {
  return http(host_->port(), method, path, body.is_null() ? "" : body.dump(),
              {{"Authorization", "Bearer " + session_token(user, now_ / 1000)}});
}

HttpResponse LawyersHost::lawyer(const std::string& method, const std::string& path,
                                 const Json& body, const TestLawyer& who) const {
  return http(host_->port(), method, path, body.is_null() ? "" : body.dump(),
              {{"Authorization", "Bearer " + who.token}});
}

HttpResponse LawyersHost::upload_as_lawyer(const std::string& path, const std::string& bytes,
                                           const std::string& type, const TestLawyer& who) const {
  return http(host_->port(), "POST", path, bytes,
              {{"Authorization", "Bearer " + who.token}, {"Content-Type", type}});
}

HttpResponse LawyersHost::upload_as_staff(const std::string& path, const std::string& bytes,
                                          const std::string& type,
                                          const std::string& user) const {
  return http(host_->port(), "POST", path, bytes,
              {{"Authorization", "Bearer " + session_token(user, now_ / 1000)},
               {"Content-Type", type}});
}

TestLawyer LawyersHost::verified_lawyer(const std::string& name, const std::string& licence_no,
                                        const std::string& id17, const std::string& mobile) {
  TestLawyer l{name, id_card_number(id17), licence_no, "", mobile, "Lvshi-2026-pass"};
  l.firm = name == "张律师" ? "辽宁正义律师事务所" : "辽宁公平律师事务所";
  auto r = http(host_->port(), "POST", "/apps/lawyers/public/register",
                Json::object({{"name", l.name},
                              {"id_card", l.id_card},
                              {"licence_no", l.licence_no},
                              {"firm", l.firm},
                              {"mobile", l.mobile},
                              {"password", l.password}})
                    .dump());
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return l;
  l.id = r.json()["lawyer"]["id"].get<int64_t>();
  r = staff("POST", "/apps/lawyers/lawyers/" + std::to_string(l.id) + "/verify", Json::object(),
            kHighAdmin);
  EXPECT_EQ(r.status, 200) << r.body;
  r = http(host_->port(), "POST", "/apps/lawyers/public/login",
           Json::object({{"licence_no", l.licence_no}, {"password", l.password}}).dump());
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status == 200) l.token = r.json()["token"].get<std::string>();
  return l;
}

std::string LawyersHost::upload(const TestLawyer& who, const std::string& name,
                                const std::string& bytes) {
  auto r = upload_as_lawyer("/apps/lawyers/portal/files?name=" + name, bytes, "application/pdf",
                            who);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["sha256"].get<std::string>() : "";
}

Json LawyersHost::civil_filing(const Json& documents, const Json& evidence) {
  return Json::object(
      {{"court", "T-BC-01"},
       {"case_type", "民事"},
       {"cause", "买卖合同纠纷"},
       {"plaintiffs", Json::array({Json::object({{"name", "沈阳甲贸易有限公司"}, {"kind", "法人"}})})},
       {"defendants", Json::array({Json::object({{"name", "赵某"}, {"kind", "自然人"}})})},
       {"claims", "判令被告支付货款 120000 元"},
       {"facts", "双方于 2026 年 3 月签订买卖合同，被告收货后未付款。"},
       {"documents", documents},
       {"evidence", evidence}});
}

LawyersHost::Filed LawyersHost::file_and_accept(const TestLawyer& who) {
  Filed out;
  const std::string complaint = upload(who, "起诉状.pdf", tiny_pdf("complaint"));
  const std::string identity = upload(who, "身份证明.pdf", tiny_pdf("identity"));
  const std::string authority = upload(who, "授权委托书.pdf", tiny_pdf("authority"));
  const std::string evidence = upload(who, "买卖合同.pdf", tiny_pdf("contract"));
  Json filing = civil_filing(
      Json::object({{"complaint", Json::array({complaint})},
                    {"identity", Json::array({identity})},
                    {"authority", Json::array({authority})}}),
      Json::array({Json::object({{"name", "买卖合同"},
                                 {"purpose", "证明双方买卖关系"},
                                 {"files", Json::array({evidence})}})}));
  auto r = lawyer("POST", "/apps/lawyers/portal/filings", filing, who);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return out;
  out.filing_id = r.json()["id"].get<int64_t>();
  r = staff("POST", "/apps/lawyers/filings/" + std::to_string(out.filing_id) + "/accept",
            Json::object({{"judge", kCaseJudge}, {"clerk", kCaseClerk}}), kFilingJudge);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return out;
  out.case_id = r.json()["case_id"].get<int64_t>();
  out.case_number = r.json()["case_number"].get<std::string>();
  return out;
}

std::string LawyersHost::notices_to(const std::string& user) const {
  return work_notices_to(*dt_, user);
}

std::vector<Json> LawyersHost::sms() const { return dt_->requests("/sms/send"); }

Json LawyersHost::task_card(const std::string& user) const {
  EXPECT_TRUE(eventually([&] { return !task_cards(*dt_, user).empty(); }))
      << "no task card for " << user;
  auto all = task_cards(*dt_, user);
  return all.empty() ? Json::object() : all.back();
}

void LawyersHost::agree(const Json& card, const std::string& user) const {
  auto param = [&](const char* name) {
    return std::stoll(card["cardData"]["cardParamMap"][name].get<std::string>());
  };
  auto r = staff("POST",
                 "/apps/approvals/instances/" + std::to_string(param("instance_id")) + "/actions",
                 Json::object({{"action", "agree"}, {"task_id", param("task_id")}}), user);
  EXPECT_EQ(r.status, 200) << r.body;
}

bool LawyersHost::drained() const {
  return host_->admin_get("/admin/inbox").json()["inbox"]["pending"] == 0 &&
         host_->admin_get("/admin/outbox").json()["outbox"]["pending"] == 0;
}

}  // namespace courthub::it
