// SPDX-License-Identifier: Apache-2.0
// What the behaviour tests share: a harness running rooms.so with test rooms and demo people of
// 沈阳市和平区人民法院 (LN-BC-SY-01), and helpers for times relative to the real clock.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dates.hpp"

namespace rooms::testing {

using courthub::Json;
using courthub::testing::PluginHarness;

inline const std::string kCourt = "LN-BC-SY-01";
inline const std::string kPresident = "LN-BC-SY-01-001";
inline const std::string kHead = "LN-BC-SY-01-023";  // 庭长 (division_head)
inline const std::string kJudge = "LN-BC-SY-01-024";
inline const std::string kClerk = "LN-BC-SY-01-027";
inline const std::string kAdmin = "LN-BC-SY-01-045";  // court_admin
inline const std::string kStaff = "LN-BC-SY-01-050";  // 科员
inline const std::string kOtherJudge = "LN-BC-SY-02-011";
inline const std::string kOtherAdmin = "LN-BC-SY-02-045";

// Rooms of LN-BC-SY-01 open around the clock every day (so tests do not depend on the hour or
// the weekday they run at), except hp-101 (the default 08:00-18:00, Monday to Friday).
Json test_settings();
std::unique_ptr<PluginHarness> make_harness(Json settings = test_settings(),
                                            const std::string& data_dir = "");

// The tests' fixed "now" (Monday 2026-12-07 10:00 +08:00; the harness clock starts there and
// stands still) and its date.
int64_t now_ms();
LocalDate today();
// The instant `minute` minutes after midnight, `days` days from today.
int64_t at(int days, int minute);
std::string iso(int days, int minute);
// The next date from tomorrow on that falls on ISO weekday `wd`.
LocalDate next_weekday(int wd);

// A POST /bookings body.
Json booking_body(const std::string& room_id, int days, int from, int to,
                  const std::string& title = "会议");
// A POST /hearings body: an online hearing of （2026）辽0102民初123号 (民间借贷纠纷) `days` from
// today, clerk kClerk, two parties by phone and one (kStaff) on DingTalk.
Json hearing_body(int days, int from, int to);
// A hearing that can be opened now: from 3 minutes on for 20 (notice overridden), leaving room
// before midnight for a 30-minute overrun. Sets `start_ms`/`end_ms`; nullopt too near midnight.
std::optional<Json> hearing_starting_now(int64_t& start_ms, int64_t& end_ms);
// Books as `user` and returns the id; fails the test unless the answer is 201.
int64_t book(PluginHarness& h, const std::string& user, const Json& body);
// The status of a booking as stored.
std::string status_of(PluginHarness& h, int64_t id);
// Outbox messages whose target includes `user`.
std::vector<Json> outbox_to(PluginHarness& h, const std::string& user);
// error.message / error.details of a failed HTTP answer.
std::string error_message(const courthub::testing::HttpResult& r);
Json error_details(const courthub::testing::HttpResult& r);

}  // namespace rooms::testing
