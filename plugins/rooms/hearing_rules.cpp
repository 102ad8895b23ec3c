// SPDX-License-Identifier: Apache-2.0
// Parties, the notice period, test slots and the hearing status machine.
#include "hearing_rules.hpp"

#include <array>

namespace rooms {
namespace {

using courthub::Json;

constexpr std::array<std::string_view, 8> kHearingStatusNames = {
    "已预约", "已通知", "测试通过", "进行中", "已结束", "已改期", "已取消", "已释放"};

}  // namespace

std::string_view hearing_status_name(HearingStatus s) {
  return kHearingStatusNames[static_cast<int>(s)];
}

std::optional<HearingStatus> parse_hearing_status(std::string_view name) {
  for (size_t i = 0; i < kHearingStatusNames.size(); ++i)
    if (kHearingStatusNames[i] == name) return static_cast<HearingStatus>(i);
  return std::nullopt;
}

bool is_final(HearingStatus s) {
  return s == HearingStatus::Ended || s == HearingStatus::Rescheduled ||
         s == HearingStatus::Canceled || s == HearingStatus::Released;
}

bool can_move(HearingStatus from, HearingStatus to) {
  using S = HearingStatus;
  if (is_final(from)) return false;
  if (from == S::InProgress) return to == S::Ended;
  if (to == S::Rescheduled || to == S::Canceled || to == S::Released) return true;
  return (from == S::Scheduled && to == S::Notified) ||
         (from == S::Notified && to == S::TestPassed) ||
         ((from == S::Notified || from == S::TestPassed) && to == S::InProgress);
}

std::string_view mode_name(HearingMode m) {
  switch (m) {
    case HearingMode::Online: return "online";
    case HearingMode::Mixed: return "mixed";
    case HearingMode::InPerson: return "in_person";
  }
  return "online";
}
std::string_view mode_label(HearingMode m) {
  switch (m) {
    case HearingMode::Online: return "在线庭审";
    case HearingMode::Mixed: return "线上线下混合庭审";
    case HearingMode::InPerson: return "现场庭审";
  }
  return "在线庭审";
}
std::optional<HearingMode> parse_mode(std::string_view name) {
  for (HearingMode m : {HearingMode::Online, HearingMode::Mixed, HearingMode::InPerson})
    if (mode_name(m) == name) return m;
  return std::nullopt;
}

bool plausible_phone(std::string_view p) {
  auto digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return !s.empty();
  };
  if (p.size() == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' && digits(p)) return true;
  // Landlines: 0 + area code (2-3 digits) + 7-8 digits, with or without a dash.
  std::string plain;
  for (char c : p)
    if (c != '-') plain += c;
  if (p.find('-') != std::string_view::npos && p.find('-') != p.rfind('-')) return false;
  return plain.size() >= 10 && plain.size() <= 12 && plain[0] == '0' && digits(plain);
}

std::vector<Party> read_parties(const Json& j, const std::string& at, FieldErrors& errors) {
  std::vector<Party> out;
  if (!j.is_array() || j.size() == 0) {
    errors.add(at, "must list at least one party: [{\"name\", \"role\", \"phone\"}]");
    return out;
  }
  if (j.size() > 30) {
    errors.add(at, "has more than 30 parties");
    return out;
  }
  for (size_t i = 0; i < j.size(); ++i) {
    std::string here = at + "/" + std::to_string(i);
    Fields f(j.at(i), here, errors);
    if (!f.is_object()) continue;
    f.only({"name", "role", "phone", "user_id"});
    Party p;
    p.name = f.text("name", true, 50);
    p.role = f.text("role", true, 20);
    p.phone = f.text("phone", false, 20);
    p.user_id = f.text("user_id", false, 64);
    if (!p.phone.empty() && !plausible_phone(p.phone))
      errors.add(f.pointer("phone"), "is not a phone number (13812345678 or 024-12345678)");
    if (p.phone.empty() && p.user_id.empty())
      errors.add(here, "needs a phone or a user_id so the party can be notified");
    out.push_back(std::move(p));
  }
  return out;
}

Json parties_json(const std::vector<Party>& parties) {
  Json out = Json::array();
  for (auto& p : parties) {
    Json item = Json::object({{"name", p.name}, {"role", p.role}, {"phone", p.phone}});
    if (!p.user_id.empty()) item["user_id"] = p.user_id;
    out.push_back(std::move(item));
  }
  return out;
}

bool notice_period_met(int64_t start_ms, int64_t now_ms, int notice_days) {
  // Calendar days in Asia/Shanghai, whatever the hour: today <= hearing day - notice_days.
  return days_between(local_date(now_ms), local_date(start_ms)) >= notice_days;
}

bool schedules_hearings(const courthub::Caller& c) {
  if (c.kind == courthub::Caller::Kind::Admin) return true;
  for (const char* role : {"judge", "assistant_judge", "clerk", "division_head",
                           "deputy_division_head", "vice_president", "president", "court_admin"})
    if (c.has_role(role)) return true;
  return false;
}

bool may_override_notice(const courthub::Caller& c) {
  if (c.kind == courthub::Caller::Kind::Admin) return true;
  return c.has_role("judge") || c.has_role("division_head") || c.has_role("deputy_division_head") ||
         c.has_role("vice_president") || c.has_role("president");
}

std::vector<std::pair<int64_t, int64_t>> test_slot_candidates(int64_t hearing_start_ms,
                                                              const OpenHours& hours, int minutes,
                                                              int64_t now_ms) {
  std::vector<std::pair<int64_t, int64_t>> out;
  int64_t length = minutes * kMinuteMs;
  auto consider = [&](int64_t start) {
    int64_t end = start + length;
    if (start < now_ms + 30 * kMinuteMs || end > hearing_start_ms) return;
    if (outside_open_hours(hours, start, end)) return;
    for (auto& c : out)
      if (c.first == start) return;
    out.emplace_back(start, end);
  };
  LocalDate hearing_day = local_date(hearing_start_ms);
  int time_of_day = local_minute(hearing_start_ms);
  for (int back = 1; back <= 3; ++back) {
    LocalDate day = add_days(hearing_day, -back);
    consider(to_instant(day, time_of_day));
    for (int m = hours.from; m + minutes <= hours.to; m += 30) consider(to_instant(day, m));
  }
  return out;
}

}  // namespace rooms
