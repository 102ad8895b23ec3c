// SPDX-License-Identifier: Apache-2.0
// The cases part's harness: two courts (a 立案庭 in the first), their staff, lawyers registered
// and verified through the identity part's routes, powers of attorney uploaded through the file
// store's, cases opened by the 立案庭, and rooms' hearing events as rooms publishes them. Its own
// namespace: the filings fixture (lawyers::testing) names other people and another start time.
#pragma once

#include <courthub/testing.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace lawyers::case_testing {

using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

inline const std::string kCourt = "LN-BC-SY-01";       // 沈阳市和平区人民法院
inline const std::string kOtherCourt = "LN-BC-SY-02";  // 沈阳市沈河区人民法院
inline const std::string kFiler = "hp-filer";          // 立案庭, kCourt
inline const std::string kJudge = "hp-judge";
inline const std::string kClerk = "hp-clerk";
inline const std::string kColleague = "hp-judge2";     // another judge of kCourt
inline const std::string kCourtAdmin = "hp-admin";
inline const std::string kOtherJudge = "sh-judge";     // kOtherCourt
inline const std::string kOtherClerk = "sh-clerk";
inline const std::string kOtherFiler = "sh-filer";     // 立案庭, kOtherCourt

// 2026-12-07 00:00 in Beijing: the harness clock's start.
inline constexpr int64_t kStartMs = 1796572800000;
inline constexpr int64_t kMinuteMs = 60 * 1000;
inline constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;
// `minute` minutes after Beijing midnight, `days` days after the start.
inline int64_t at(int days, int minute) { return kStartMs + days * kDayMs + minute * kMinuteMs; }

std::unique_ptr<PluginHarness> make_harness();

// Registers lawyer `name` (the n-th of the test: licence and ID numbers follow from n) and has the
// operator verify them. Returns their id.
int64_t add_lawyer(PluginHarness& h, const std::string& name, int n);
// Uploads a power of attorney as the lawyer; returns its sha256.
std::string upload_poa(PluginHarness& h, int64_t lawyer);
// Opens a case at `court` as its 立案庭 with `judge` and `clerk`; returns its id.
int64_t open_case(PluginHarness& h, const std::string& court, const std::string& number,
                  const std::string& judge, const std::string& clerk);
// The lawyer asks to represent 原告 in the case; returns the request's answer.
HttpResult ask_to_represent(PluginHarness& h, int64_t lawyer, const std::string& court,
                            const std::string& number);
// Asks and has `judge` confirm; returns the representation's id.
int64_t represent(PluginHarness& h, int64_t lawyer, const std::string& court,
                  const std::string& number, const std::string& judge);

// A rooms.hearing_* payload as rooms publishes it.
Json hearing_payload(int64_t hearing_id, const std::string& court, const std::string& number,
                     int64_t start_ms, int64_t end_ms, const std::string& status,
                     int64_t changed_ms, const std::string& judge, const std::string& clerk);

// The harness as the lawyer (a lawyer session of this plugin).
PluginHarness& as_lawyer(PluginHarness& h, int64_t lawyer);

// Outbox messages to `user`, oldest first.
std::vector<Json> outbox_to(PluginHarness& h, const std::string& user);

}  // namespace lawyers::case_testing
