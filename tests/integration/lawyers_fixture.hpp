// SPDX-License-Identifier: Apache-2.0
// The lawyers plugin in the real host, beside approvals and rooms, DingTalk and the SMS gateway
// played by the local double, on a test clock. Lawyers are driven as the portal drives them
// (their own sign-in, raw uploads), court staff as the mini-app does (staff sessions).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"

namespace courthub::it {

// Monday 2026-12-07 09:00:00 +08:00: the host's test clock starts here.
inline constexpr int64_t kLawyersMonday0900 = 1796605200000;

// People of tests/integration/data/lawyers-directory.yaml.
inline constexpr const char* kHighAdmin = "T-HC-021";      // verifies lawyers
inline constexpr const char* kCaseJudge = "T-BC-01-011";   // 法官甲
inline constexpr const char* kCaseClerk = "T-BC-01-013";   // 书记员甲
inline constexpr const char* kCivilHead = "T-BC-01-010";   // 民一庭长 (approves 阅卷)
inline constexpr const char* kFilingJudge = "T-BC-01-031"; // 立案法官, 立案庭
inline constexpr const char* kFilingHead = "T-BC-01-030";  // 立案庭长
inline constexpr const char* kOtherJudge = "T-BC-02-011";  // another court's judge
inline constexpr const char* kOtherAdmin = "T-BC-02-021";  // another court's court_admin

// A lawyer as the tests register them: personal data and their licence in the registry.
struct TestLawyer {
  std::string name, id_card, licence_no, firm, mobile, password;
  int64_t id = 0;
  std::string token;  // after sign-in
};

// An 18-character resident ID number with a valid GB 11643 check digit.
std::string id_card_number(const std::string& first17);
// A minimal one-page PDF that PDF libraries open, with `text` on the page.
std::string tiny_pdf(const std::string& text);

class LawyersHost : public ::testing::Test {
 protected:
  void SetUp() override;

  // Staff call (a staff session of `user`) and lawyer call (the lawyer's own session).
  HttpResponse staff(const std::string& method, const std::string& path, const Json& body,
                     const std::string& user) const;
  HttpResponse lawyer(const std::string& method, const std::string& path, const Json& body,
                      const TestLawyer& who) const;
  // A raw upload (Content-Type `type`) as the lawyer or as staff.
  HttpResponse upload_as_lawyer(const std::string& path, const std::string& bytes,
                                const std::string& type, const TestLawyer& who) const;
  HttpResponse upload_as_staff(const std::string& path, const std::string& bytes,
                               const std::string& type, const std::string& user) const;

  // Registers, has the high court verify and signs in; returns the lawyer with id and token.
  TestLawyer verified_lawyer(const std::string& name, const std::string& licence_no,
                             const std::string& id17, const std::string& mobile);
  // The SHA-256 of an upload of `who`.
  std::string upload(const TestLawyer& who, const std::string& name, const std::string& bytes);

  // A civil case at T-BC-01 (a company against a person over a sale), with these documents
  // ({complaint, identity, authority}: lists of upload hashes) and evidence list.
  static Json civil_filing(const Json& documents, const Json& evidence);
  // Files a civil case at T-BC-01 and has the 立案庭 accept it (judge and clerk assigned).
  struct Filed {
    int64_t filing_id = 0, case_id = 0;
    std::string case_number;
  };
  Filed file_and_accept(const TestLawyer& who);

  // Every work notification's body to `user`, concatenated; the SMS the gateway received.
  std::string notices_to(const std::string& user) const;
  std::vector<Json> sms() const;
  // The approvals task of `user` on a RUNNING instance, from their task card.
  Json task_card(const std::string& user) const;
  void agree(const Json& card, const std::string& user) const;
  bool drained() const;

  int64_t now_ = kLawyersMonday0900;
  std::string registry_path_;
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

}  // namespace courthub::it
