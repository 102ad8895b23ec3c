// SPDX-License-Identifier: Apache-2.0
// What the behaviour tests share: attendance.so in a PluginHarness with a small directory of
// 沈阳市和平区人民法院 (LN-BC-SY-01) and its neighbour 沈河区 (LN-BC-SY-02), the shipped work
// calendar, test settings with the rules doc's example shift, and helpers for instants.
//
// The directory (ids as in config/directory/staff.yaml):
//   LN-BC-SY-01, root department 18000 沈阳市和平区人民法院
//     18001 立案庭          head kFilingHead; kFilingClerk, kFilingClerk2    (group hp-filing, TURN)
//     18003 民事审判第一庭  head kCivilHead, leader kVicePresident; kJudge, kClerk
//     18007 办公室          kAdmin (court_admin), kStaff
//     18000 (root)          kPresident (president), kVicePresident
//   every LN-BC-SY-01 department but 立案庭 is in hp-staff (FIXED, shift "winter")
//   LN-BC-SY-02, root 19000; 19001 立案庭 kOtherJudge; 19007 办公室 kOtherAdmin (court_admin)
//     no group of its own: its court default group "ln-bc-sy-02-default" (building below)
//
// The clock starts on Tuesday 2026-12-08 07:00 (+08:00), a workday.
//
// Threading: one harness per test. Errors: make_harness throws courthub::Error when the plugin
// refuses the settings (the message lists each "/pointer: problem").
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attendance::testing {

using courthub::Json;
using courthub::testing::HarnessOptions;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

inline const std::string kCourt = "LN-BC-SY-01";
inline const std::string kRootDept = "18000";
inline const std::string kFilingDept = "18001";  // 立案庭
inline const std::string kCivilDept = "18003";   // 民事审判第一庭
inline const std::string kOfficeDept = "18007";  // 办公室

inline const std::string kPresident = "LN-BC-SY-01-001";      // 院长 (president)
inline const std::string kVicePresident = "LN-BC-SY-01-004";  // 分管 民一庭 (leader)
inline const std::string kFilingHead = "LN-BC-SY-01-010";     // 立案庭庭长
inline const std::string kFilingClerk = "LN-BC-SY-01-012";
inline const std::string kFilingClerk2 = "LN-BC-SY-01-013";
inline const std::string kCivilHead = "LN-BC-SY-01-023";  // 民一庭庭长 (division_head)
inline const std::string kJudge = "LN-BC-SY-01-024";
inline const std::string kClerk = "LN-BC-SY-01-027";
inline const std::string kAdmin = "LN-BC-SY-01-045";  // court_admin
inline const std::string kStaff = "LN-BC-SY-01-050";

inline const std::string kOtherCourt = "LN-BC-SY-02";
inline const std::string kOtherJudge = "LN-BC-SY-02-011";
inline const std::string kOtherAdmin = "LN-BC-SY-02-045";

// Groups and shifts of test_settings().
inline const std::string kFixedGroup = "hp-staff";      // FIXED, shift kShift
inline const std::string kTurnGroup = "hp-filing";      // TURN, shifts kShift and kWindowShift
inline const std::string kOtherDefaultGroup = "ln-bc-sy-02-default";
inline const std::string kShift = "winter";             // 08:30-12:00, 13:30-17:30, defaults
inline const std::string kWindowShift = "filing-window";  // 立案窗口 08:00-12:00, 13:00-17:00

// The court building of LN-BC-SY-01 (the hp-staff location, radius 500 m) and its Wi-Fi.
inline constexpr double kLat = 41.7968, kLng = 123.4030;
inline const std::string kSsid = "HP-COURT";
inline const std::string kBssid = "aa:bb:cc:dd:ee:01";

// Tuesday 2026-12-08 07:00 +08:00.
inline constexpr int64_t kStartMs = 1796684400000;

// {shifts, groups, buildings, default_group, ...} as in a courthub.yaml, described above.
Json test_settings();
Json fixed_group_json();  // hp-staff
Json turn_group_json();   // hp-filing

// The options make_harness uses: settings, the clock at kStartMs, the shipped work calendar.
HarnessOptions harness_options(Json settings = test_settings());
// attendance.so with the directory above.
std::unique_ptr<PluginHarness> make_harness(Json settings = test_settings());
std::unique_ptr<PluginHarness> make_harness(HarnessOptions options);
// Adds the directory above to a harness (for tests that build their own).
void add_directory(PluginHarness& h);

// Unix ms of "2026-12-08" at "08:41" (or "08:41:23") in Asia/Shanghai. Throws on bad text.
int64_t at(const std::string& date, const std::string& clock);

// error.message / error.code / error.details of a failed answer ("" / null when absent).
std::string error_message(const HttpResult& r);
std::string error_code(const HttpResult& r);
Json error_details(const HttpResult& r);

}  // namespace attendance::testing
