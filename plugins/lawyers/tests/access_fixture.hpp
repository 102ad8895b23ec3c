// SPDX-License-Identifier: Apache-2.0
// The access part's harness: the cases part's (lawyers_fixture.hpp: courts, staff, lawyers
// registered and verified, cases opened, representations confirmed, all through the CONTRACT's
// routes), with the clock at 09:00 on the first day and documents the judge files.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <string>

#include "document_delivery.hpp"
#include "tests/lawyers_fixture.hpp"
#include "tests/pdf_text.hpp"

namespace lawyers::access_testing {

using case_testing::kClerk;
using case_testing::kColleague;
using case_testing::kCourt;
using case_testing::kJudge;
using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

// 2026-12-07 09:00 Beijing time, a Monday.
inline constexpr int64_t kMonday9 = 1796605200000;
inline constexpr int64_t kDay = 24 * 3600 * 1000LL;
inline constexpr const char* kCaseNumber = "（2026）辽0102民初123号";

struct RegisteredLawyer {
  int64_t id = 0;
  std::string name, licence_no;
};

class AccessFixture : public ::testing::Test {
 protected:
  AccessFixture() : harness(case_testing::make_harness()), h(*harness) { h.set_now_ms(kMonday9); }

  // Lawyer n of the shared registry: 1 王明 (mobile 13812345671), 2 李华 (13812345672).
  RegisteredLawyer register_lawyer(int n) {
    static const char* names[] = {"", "王明", "李华"};
    char licence[18];
    std::snprintf(licence, sizeof licence, "121010%011d", n);
    return RegisteredLawyer{case_testing::add_lawyer(h, names[n], n), names[n], licence};
  }
  int64_t open_case(const std::string& number) {
    return case_testing::open_case(h, kCourt, number, kJudge, kClerk);
  }
  void represent(const RegisteredLawyer& l, const std::string& number) {
    ASSERT_NE(case_testing::represent(h, l.id, kCourt, number, kJudge), 0);
  }
  PluginHarness& as_lawyer(const RegisteredLawyer& l) { return case_testing::as_lawyer(h, l.id); }

  // The judge files a document under the case; returns its id.
  int64_t file_document(int64_t case_id, const std::string& name, const std::string& category,
                        const std::string& bytes, const std::string& type) {
    auto r = h.as(kJudge).request("POST",
                                  "/cases/" + std::to_string(case_id) +
                                      "/documents?name=" + percent_encoded(name) +
                                      "&category=" + percent_encoded(category),
                                  bytes, type);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
  }

  std::unique_ptr<PluginHarness> harness;
  PluginHarness& h;
};

}  // namespace lawyers::access_testing
