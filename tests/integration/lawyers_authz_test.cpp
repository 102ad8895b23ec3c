// SPDX-License-Identifier: Apache-2.0
// The authorization matrix of the lawyers plugin: every route it registers (read from
// `courthub plugin check`, so a new route joins the matrix by itself) against every principal
// that must not use it on someone else's things — no credentials, the operator's token, a member
// of staff on the lawyers' portal, a lawyer on the staff side, another lawyer with the first
// one's ids, another court's judge and court_admin with this court's ids. Every cell must be
// refused, and afterwards nothing of the first lawyer's has changed.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <set>
#include <sstream>

#include "lawyers_fixture.hpp"

namespace courthub::it {
namespace {

struct Route {
  std::string method, pattern;  // pattern with /apps/lawyers
  bool portal = false;
};

// The routes as the binary reports them ("  GET /apps/lawyers/portal/cases [lawyer]").
std::vector<Route> routes_of_the_plugin(const std::string& settings_json) {
  std::string cmd = courthub_binary() + " plugin check " + binary_dir() +
                    "/plugins/lawyers.so --settings '" + settings_json + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  std::vector<Route> routes;
  std::istringstream lines(out);
  static const std::regex kLine(R"(^  (GET|POST|PUT|PATCH|DELETE) (/apps/lawyers\S*)( \[lawyer\])?$)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kLine)) routes.push_back({m[1], m[2], m[3].matched});
  }
  EXPECT_GT(routes.size(), 20u) << out;
  return routes;
}

class LawyersAuthorization : public LawyersHost {
 protected:
  // The first lawyer's things, by the path segment that names them.
  std::map<std::string, std::string> ids_;
  TestLawyer zhang_, li_;
  Filed filed_;

  void build_the_first_lawyers_world() {
    zhang_ = verified_lawyer("张律师", "12101201910123456", "21010219800101123", "13812345678");
    li_ = verified_lawyer("李律师", "12101201811234567", "21020219850202234", "13987654321");
    ASSERT_FALSE(zhang_.token.empty());
    ASSERT_FALSE(li_.token.empty());
    filed_ = file_and_accept(zhang_);
    ASSERT_GT(filed_.case_id, 0);
    const std::string c = std::to_string(filed_.case_id);
    ids_["lawyers"] = std::to_string(zhang_.id);
    ids_["cases"] = c;
    ids_["filings"] = std::to_string(filed_.filing_id);
    ids_["files"] = upload(zhang_, "补充证据.pdf", tiny_pdf("more"));

    auto r = lawyer("GET", "/apps/lawyers/portal/representations", nullptr, zhang_);
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_FALSE(r.json()["items"].empty()) << r.body;
    ids_["representations"] = std::to_string(r.json()["items"][0]["id"].get<int64_t>());

    r = lawyer("POST", "/apps/lawyers/portal/appointments",
               Json::object({{"case_id", filed_.case_id},
                             {"reason", "沟通证据交换安排"},
                             {"start_ms", now_ + 86400000},
                             {"end_ms", now_ + 86400000 + 1800000},
                             {"mode", "video"}}),
               zhang_);
    ASSERT_EQ(r.status, 201) << r.body;
    ids_["appointments"] = std::to_string(r.json()["id"].get<int64_t>());

    r = lawyer("POST", "/apps/lawyers/portal/unavailability",
               Json::object({{"start_ms", now_ + 2 * 86400000},
                             {"end_ms", now_ + 3 * 86400000},
                             {"reason", "外地开庭"}}),
               zhang_);
    ASSERT_EQ(r.status, 201) << r.body;
    ids_["unavailability"] = std::to_string(r.json()["id"].get<int64_t>());

    r = upload_as_staff("/apps/lawyers/cases/" + c + "/documents?name=判决书.pdf&category=正卷",
                        tiny_pdf("judgment"), "application/pdf", kCaseJudge);
    ASSERT_EQ(r.status, 201) << r.body;
    ids_["documents"] = std::to_string(r.json()["id"].get<int64_t>());
    ids_["doc_id"] = ids_["documents"];

    r = lawyer("POST", "/apps/lawyers/portal/cases/" + c + "/file-access",
               Json::object({{"materials", Json::array({"正卷"})},
                             {"access_period", Json::array({"2026-12-07", "2026-12-11"})},
                             {"reason", "准备开庭"}}),
               zhang_);
    ASSERT_EQ(r.status, 201) << r.body;
    ids_["file-access"] = std::to_string(r.json()["id"].get<int64_t>());
    agree(task_card(kCaseJudge), kCaseJudge);
    agree(task_card(kCivilHead), kCivilHead);

    r = staff("POST", "/apps/lawyers/cases/" + c + "/services",
              Json::object({{"title", "民事判决书"}, {"document_id", std::stoll(ids_["documents"])}}),
              kCaseClerk);
    ASSERT_EQ(r.status, 201) << r.body;
    r = lawyer("GET", "/apps/lawyers/portal/services", nullptr, zhang_);
    ASSERT_EQ(r.status, 200) << r.body;
    ids_["services"] = std::to_string(r.json()["items"][0]["id"].get<int64_t>());
    ASSERT_TRUE(eventually([&] { return drained(); }));
  }

  // The route's path with the first lawyer's ids in it; "" when a parameter is unknown.
  std::string filled(const Route& route) const {
    std::string out;
    std::string previous;
    std::istringstream segments(route.pattern.substr(1));
    for (std::string seg; std::getline(segments, seg, '/');) {
      if (seg.size() > 2 && seg.front() == '{') {
        std::string name = seg.substr(1, seg.size() - 2);
        auto it = ids_.find(name == "id" || name == "sha256" ? previous : name);
        if (it == ids_.end()) return "";
        seg = it->second;
      }
      previous = seg;
      out += "/" + seg;
    }
    return out;
  }

  // What the first lawyer's world looks like to them: compared before and after the matrix.
  std::string snapshot() const {
    std::string s;
    for (const char* path : {"/apps/lawyers/portal/cases", "/apps/lawyers/portal/filings",
                             "/apps/lawyers/portal/representations",
                             "/apps/lawyers/portal/appointments", "/apps/lawyers/portal/services",
                             "/apps/lawyers/portal/unavailability", "/apps/lawyers/portal/me"})
      s += lawyer("GET", path, nullptr, zhang_).body + "\n";
    s += lawyer("GET", "/apps/lawyers/portal/cases/" + ids_.at("cases") + "/file-access", nullptr,
                zhang_).body;
    s += staff("GET", "/apps/lawyers/cases/" + ids_.at("cases") + "/document-views", nullptr,
               kCaseJudge).body;
    return s;
  }
};

bool refused(int status) { return status == 401 || status == 403 || status == 404; }

TEST_F(LawyersAuthorization, EveryRouteRefusesEveryWrongPrincipal) {
  build_the_first_lawyers_world();
  if (HasFatalFailure()) return;
  const std::string before = snapshot();
  const size_t sms_before = sms().size();
  const std::string settings =
      R"({"identity": {"data_key": "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}})";
  auto routes = routes_of_the_plugin(settings);

  const std::string staff_of_the_case = session_token(kCaseJudge, now_ / 1000);
  const std::map<std::string, std::string> not_lawyers = {
      {"no credentials", ""},
      {"the admin token", kAdminToken},
      {"the case's own judge (staff)", staff_of_the_case}};
  int cells = 0;
  for (const Route& route : routes) {
    if (route.pattern.rfind("/apps/lawyers/public/", 0) == 0) continue;  // sign-up and sign-in
    if (route.pattern.rfind("/apps/lawyers/ui", 0) == 0) continue;
    const std::string path = filled(route);
    ASSERT_FALSE(path.empty()) << route.method << " " << route.pattern
                               << ": a parameter the matrix does not know; add it to ids_";
    const std::string what = route.method + " " + path;
    auto send = [&](const std::string& bearer) {
      ++cells;
      std::vector<std::pair<std::string, std::string>> headers;
      if (!bearer.empty()) headers.emplace_back("Authorization", "Bearer " + bearer);
      return http(host_->port(), route.method, path, route.method == "GET" ? "" : "{}", headers);
    };
    const bool has_ids = route.pattern.find('{') != std::string::npos;
    if (route.portal) {
      for (auto& [who, bearer] : not_lawyers) {
        auto r = send(bearer);
        EXPECT_EQ(r.status, 401) << what << " as " << who << ": " << r.body;
      }
      // Another verified lawyer, with the first one's ids.
      auto r = send(li_.token);
      if (has_ids) {
        EXPECT_TRUE(refused(r.status)) << what << " as another lawyer: " << r.status << " "
                                       << r.body.substr(0, 300);
      } else if (route.method == "GET") {
        EXPECT_EQ(r.body.find(filed_.case_number), std::string::npos)
            << what << " shows the first lawyer's case to another: " << r.body;
        EXPECT_EQ(r.body.find("张律师"), std::string::npos) << what << ": " << r.body;
      }
    } else {
      for (auto& [who, bearer] : std::map<std::string, std::string>{
               {"no credentials", ""}, {"a lawyer", zhang_.token}}) {
        auto r = send(bearer);
        EXPECT_EQ(r.status, 401) << what << " as " << who << ": " << r.body;
      }
      for (const char* other : {kOtherJudge, kOtherAdmin}) {
        auto r = send(session_token(other, now_ / 1000));
        if (has_ids) {
          EXPECT_TRUE(refused(r.status)) << what << " as " << other << ": " << r.status << " "
                                         << r.body.substr(0, 300);
        } else if (route.method == "GET") {
          EXPECT_EQ(r.body.find(filed_.case_number), std::string::npos)
              << what << " shows another court's case to " << other << ": " << r.body;
        }
      }
    }
  }
  EXPECT_GT(cells, 100);

  // Ids carried in bodies: the first lawyer's case, uploads and court.
  auto r = lawyer("POST", "/apps/lawyers/portal/appointments",
                  Json::object({{"case_id", filed_.case_id},
                                {"reason", "x"},
                                {"start_ms", now_ + 86400000},
                                {"end_ms", now_ + 86400000 + 1800000},
                                {"mode", "phone"}}),
                  li_);
  EXPECT_TRUE(refused(r.status)) << r.status << " " << r.body;
  r = lawyer("POST", "/apps/lawyers/portal/representations",
             Json::object({{"court", "T-BC-01"},
                           {"case_number", filed_.case_number},
                           {"party", "赵某"},
                           {"party_role", "被告"},
                           {"poa_file", ids_["files"]}}),
             li_);
  EXPECT_EQ(r.status, 400) << "another lawyer's upload as a power of attorney: " << r.body;
  r = staff("POST", "/apps/lawyers/cases",
            Json::object({{"court", "T-BC-01"},
                          {"case_number", "（2026）辽0102民初99号"},
                          {"cause", "借款合同纠纷"},
                          {"case_type", "民事"},
                          {"judge", kCaseJudge},
                          {"clerk", kCaseClerk}}),
            kOtherAdmin);
  EXPECT_EQ(r.status, 403) << "another court's court_admin opened a case here: " << r.body;

  // Nothing of the first lawyer's changed, and nobody was sent anything.
  ASSERT_TRUE(eventually([&] { return drained(); }));
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(sms().size(), sms_before);

  // A suspended lawyer sees nothing, not even their own cases.
  r = staff("POST", "/apps/lawyers/lawyers/" + ids_["lawyers"] + "/suspend",
            Json::object({{"reason", "执业证被暂停"}}), kHighAdmin);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const Route& route : routes) {
    if (!route.portal || route.method != "GET") continue;
    auto seen = lawyer("GET", filled(route), nullptr, zhang_);
    EXPECT_TRUE(seen.status == 401 || seen.status == 403)
        << route.pattern << " as a suspended lawyer: " << seen.status << " " << seen.body;
  }
}

}  // namespace
}  // namespace courthub::it
