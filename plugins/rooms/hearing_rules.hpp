// SPDX-License-Identifier: Apache-2.0
// The rules of a remote hearing (远程庭审) that need no database: the case number, the parties,
// the notice period, the pre-hearing test slot and the status machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include "booking_rules.hpp"
#include "case_number.hpp"
#include "field_errors.hpp"

namespace rooms {

enum class HearingStatus {
  Scheduled,    // 已预约: the room is held; the parties have not been told yet
  Notified,     // 已通知
  TestPassed,   // 测试通过: the pre-hearing audio/video test went well
  InProgress,   // 进行中
  Ended,        // 已结束
  Rescheduled,  // 已改期: replaced by another hearing (rescheduled_to)
  Canceled,     // 已取消
  Released,     // 已释放: nobody checked in
};

std::string_view hearing_status_name(HearingStatus s);
std::optional<HearingStatus> parse_hearing_status(std::string_view name);
bool is_final(HearingStatus s);
// Whether the machine allows from -> to. The path is 已预约 → 已通知 → (测试通过) → 进行中 →
// 已结束: 进行中 follows 已通知 directly when there is no test (an in-person hearing, or no test
// slot could be found); 已改期, 已取消 and 已释放 leave from any status before 进行中.
bool can_move(HearingStatus from, HearingStatus to);

// Case numbers are the courts' shared vocabulary (plugins/shared/case_number.hpp).
using court::CaseNumber;
using court::parse_case_number;

enum class HearingMode { Online, Mixed, InPerson };
std::string_view mode_name(HearingMode m);   // "online" / "mixed" / "in_person"
std::string_view mode_label(HearingMode m);  // 在线庭审 / 线上线下混合庭审 / 现场庭审
std::optional<HearingMode> parse_mode(std::string_view name);

// A party (当事人) or a representative. Parties are usually outside the court's DingTalk; a
// `user_id` is set only for those who are in the directory (a lawyer of the bar's DingTalk org
// has none).
struct Party {
  std::string name;
  std::string role;     // 原告, 被告, 第三人, 上诉人, 代理人, 辩护人 ...
  std::string phone;    // 13812345678 or 024-12345678
  std::string user_id;  // DingTalk userid, optional
};
std::vector<Party> read_parties(const courthub::Json& j, const std::string& at,
                                FieldErrors& errors);
courthub::Json parties_json(const std::vector<Party>& parties);
bool plausible_phone(std::string_view phone);

// The notice rule (民事诉讼法: parties are summoned at least three days before the hearing).
// Counted in calendar days (Asia/Shanghai), not hours: a hearing on day D may be scheduled on
// any day up to D - notice_days, at any hour. Less needs an explicit override by a judge.
bool notice_period_met(int64_t start_ms, int64_t now_ms, int notice_days);
// Who may schedule remote hearings: judges, assistant judges, clerks, division heads and their
// deputies, vice presidents, presidents, court admins, the operator.
bool schedules_hearings(const courthub::Caller& caller);
// Who may override the notice period: 员额法官 and court leaders.
bool may_override_notice(const courthub::Caller& caller);

// Candidate test slots, best first: the day before at the hearing's own time, then other times
// that day inside the room's hours, then two and three days before. Each lasts `minutes`, starts
// at least 30 minutes from now and ends before the hearing.
std::vector<std::pair<int64_t, int64_t>> test_slot_candidates(int64_t hearing_start_ms,
                                                              const OpenHours& hours, int minutes,
                                                              int64_t now_ms);

}  // namespace rooms
