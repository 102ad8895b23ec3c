// SPDX-License-Identifier: Apache-2.0
// What the board's behaviour tests share: a harness running incentive_board.so on a test clock
// (2026-12-07 06:00 in Shanghai, so "yesterday" is 2026-12-06) with a small directory — the high
// court, one intermediate court, three basic courts — and the cases of a board small enough to
// compute by hand, imported through POST /imports.
//
// The hand-computed board (window 2026-01-01 .. 2026-12-06): each basic court has 10 civil first
// instance cases filed 2026-03-01 and closed 2026-03-31 (31 trial days, limit 180), by its two
// judges in turn; 6, 4 and 2 of them (LN-BC-SY-01, -02, -03) end in mediation, the rest in
// judgment. So every value is the same in the three courts except C2 (0.6, 0.4, 0.2): every score
// is 50 but C2's, and the ranks are 1, 2, 3. The intermediate court has 5 such cases (below the
// minimum sample of 10: every value null but E1), the high court 10.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace board::testing {

using courthub::Json;
using courthub::testing::PluginHarness;

inline const std::string kHigh = "LN-HC";
inline const std::string kInter = "LN-IC-SY";
inline const std::string kB1 = "LN-BC-SY-01";
inline const std::string kB2 = "LN-BC-SY-02";
inline const std::string kB3 = "LN-BC-SY-03";

inline const std::string kHighAdmin = "LN-HC-045";     // court_admin of the high court
inline const std::string kHighJudge = "LN-HC-024";
inline const std::string kInterJudge = "LN-IC-SY-024";
inline const std::string kB1President = "LN-BC-SY-01-001";
inline const std::string kB1Vice = "LN-BC-SY-01-002";
inline const std::string kB1Admin = "LN-BC-SY-01-045";
inline const std::string kB1Clerk = "LN-BC-SY-01-027";
inline const std::string kB1JudgeA = "LN-BC-SY-01-024";
inline const std::string kB1JudgeB = "LN-BC-SY-01-025";
inline const std::string kB2President = "LN-BC-SY-02-001";

// The judges of a basic court (two each).
std::vector<std::string> judges_of(const std::string& court);

// 2026-12-07 06:00 in Shanghai, as Unix ms.
int64_t clock_start_ms();
inline constexpr int64_t kDayMs = 24LL * 3600 * 1000;

// Settings with the demo load off; `mode` "ranked" or "no_rank".
Json board_settings(const std::string& mode = "ranked");
// `data_dir` "" = a fresh temporary directory; else that one (kept after the harness).
std::unique_ptr<PluginHarness> make_board(const Json& settings = board_settings(),
                                          const std::string& data_dir = "");

struct CaseRow {
  std::string case_id, court, judge, filed_on, closed_on, closing_method;
};
// `count` civil first-instance cases of `court` by its judges in turn (or `judge`), the first
// `mediated` of them closed by mediation, the rest by judgment; ids "<prefix>-<n>".
std::vector<CaseRow> cases(const std::string& prefix, const std::string& court, int count,
                           int mediated, const std::string& filed_on = "2026-03-01",
                           const std::string& closed_on = "2026-03-31",
                           const std::string& judge = "");
// The hand-computed board's cases (see above).
std::vector<CaseRow> base_cases();
// POST /imports as the operator (CSV); fails the test unless 200 with nothing rejected.
void import_cases(PluginHarness& h, const std::vector<CaseRow>& rows);

// The member `code` ("court_code" or "user_id") of a /boards/courts answer, or null.
Json court_member(const Json& board, const std::string& code);
// Whether `key` is a member name anywhere in `j`.
bool has_key_anywhere(const Json& j, std::string_view key);
// error.message of a failed answer.
std::string error_message(const courthub::testing::HttpResult& r);

}  // namespace board::testing
