// SPDX-License-Identifier: Apache-2.0
// The public 开庭公告 of a court: its public hearings (not 不公开审理) from three calendar days
// before their day (Asia/Shanghai; 民事诉讼法: 公开审理的，应当公告当事人姓名、案由和开庭的时间、
// 地点 — this list gives the case number instead of the parties) until they end. Only what a
// notice board shows: case number, cause, time, courtroom, mode. Never parties, phones or staff.
//
// Threading: free functions, no state. Errors: none (the routes answer 404 for unknown courts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/json.hpp>

namespace rooms {

struct Announcement {
  std::string case_number;
  std::string cause;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  std::string room;
  std::string mode_label;
};

// How many calendar days before its day a hearing appears.
inline constexpr int kAnnounceDays = 3;

// The court's hearings to announce at `now_ms`, by start: public, 已通知 / 测试通过 / 进行中,
// whose day is at most kAnnounceDays after today and whose booking has not ended.
std::vector<Announcement> announcements(const courthub::Sql& q, const std::string& court,
                                        int64_t now_ms);

// {"court": {"code", "name"}, "items": [{"case_number", "cause", "start", "end", "room",
// "mode_label"}]}
courthub::Json announcements_json(const std::string& code, const std::string& name,
                                  const std::vector<Announcement>& items);

// A complete UTF-8 HTML page (no script): readable on a phone, printable; every text escaped.
std::string announcements_html(const std::string& court_name,
                               const std::vector<Announcement>& items, int64_t now_ms);

// &, <, >, " and ' as entities.
std::string escape_html(std::string_view text);

}  // namespace rooms
