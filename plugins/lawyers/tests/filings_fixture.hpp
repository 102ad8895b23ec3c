// SPDX-License-Identifier: Apache-2.0
// What the filings part's behaviour tests share: lawyers.so in a harness with two courts of
// 沈阳 (和平 LN-BC-SY-01 with its 立案庭, 沈河 LN-BC-SY-02), their staff, verified lawyers made
// through the identity part's routes, uploads and a complete filing form.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <memory>
#include <string>
#include <vector>

namespace lawyers::testing {

using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

inline const std::string kCourt = "LN-BC-SY-01";
inline const std::string kOtherCourt = "LN-BC-SY-02";
inline const std::string kFilingHead = "LN-BC-SY-01-010";   // 立案庭 庭长
inline const std::string kFilingStaff = "LN-BC-SY-01-011";  // 立案庭 审判员
inline const std::string kJudge = "LN-BC-SY-01-024";        // 民事审判第一庭
inline const std::string kClerk = "LN-BC-SY-01-027";
inline const std::string kCourtAdmin = "LN-BC-SY-01-045";
inline const std::string kOtherFilingStaff = "LN-BC-SY-02-011";

// Monday 2026-12-07 09:00 in Asia/Shanghai.
inline constexpr int64_t kStartMs = 1796605200000;
inline constexpr int64_t kHourMs = 3600LL * 1000;
inline constexpr int64_t kDayMs = 24 * kHourMs;

const std::string& pdf_bytes();
const std::string& png_bytes();

class FilingsTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Extra `filings:` settings for this test, before SetUp builds the harness.
  virtual Json filing_settings() const { return Json::object(); }

  // Registers lawyer `n` (0, 1, ...) and has the operator verify them; returns the id.
  int64_t verified_lawyer(int n);
  PluginHarness& as_lawyer(int64_t id);
  // Uploads as the lawyer; returns the answer.
  HttpResult upload(int64_t lawyer, const std::string& bytes, const std::string& name,
                    const std::string& type = "application/pdf");
  // Uploads `bytes` named `name` and returns its sha256 (fails the test unless 201).
  std::string uploaded(int64_t lawyer, const std::string& bytes, const std::string& name);
  // A complete filing form to kCourt whose files the lawyer uploads now.
  Json filing_form(int64_t lawyer);
  // Files a case as the lawyer; returns the filing id (fails the test unless 201).
  int64_t file(int64_t lawyer);
  // Outbox messages to `user`.
  std::vector<Json> notices_to(const std::string& user) const;

  std::unique_ptr<PluginHarness> h;
  std::string registry_file;
};

std::string error_message(const HttpResult& r);

}  // namespace lawyers::testing
