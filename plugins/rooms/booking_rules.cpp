// SPDX-License-Identifier: Apache-2.0
// Booking statuses, the transition table, check-in window and bookable-hours checks.
#include "booking_rules.hpp"

#include <array>

namespace rooms {
namespace {

constexpr std::array<std::string_view, 7> kStatusNames = {"待审批", "已预订", "已签到", "已释放",
                                                          "已取消", "已拒绝", "已结束"};

}  // namespace

std::string_view status_name(BookingStatus s) {
  return kStatusNames[static_cast<int>(s)];
}

std::optional<BookingStatus> parse_status(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == name) return static_cast<BookingStatus>(i);
  return std::nullopt;
}

bool holds_slot(BookingStatus s) {
  return s == BookingStatus::PendingApproval || s == BookingStatus::Booked ||
         s == BookingStatus::CheckedIn;
}

std::string_view holding_statuses_sql() {
  return "'待审批','已预订','已签到'";
}

std::optional<BookingStatus> next_status(BookingStatus from, BookingEvent event) {
  using S = BookingStatus;
  using E = BookingEvent;
  switch (from) {
    case S::PendingApproval:
      switch (event) {
        case E::Approve:
          return S::Booked;
        case E::Refuse:
          return S::Refused;
        case E::Withdraw:
        case E::Expire:
        case E::Cancel:
          return S::Canceled;
        default:
          return std::nullopt;
      }
    case S::Booked:
      switch (event) {
        case E::Cancel:
          return S::Canceled;
        case E::CheckIn:
          return S::CheckedIn;
        case E::Release:
          return S::Released;
        default:
          return std::nullopt;
      }
    case S::CheckedIn:
      if (event == E::End) return S::Ended;
      return std::nullopt;
    default:
      // Released, canceled, refused and ended bookings are history.
      return std::nullopt;
  }
}

CheckinWindow checkin_window(int64_t start_ms, int before_minutes, int after_minutes) {
  return CheckinWindow{start_ms - before_minutes * kMinuteMs, start_ms + after_minutes * kMinuteMs};
}

bool within(const CheckinWindow& w, int64_t now_ms) {
  return now_ms >= w.opens_ms && now_ms < w.closes_ms;
}

std::string format_hours(const OpenHours& h) {
  return format_minute(h.from) + "-" + format_minute(h.to);
}

std::optional<std::pair<int, int>> parse_hours(std::string_view text) {
  size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto from = parse_clock(text.substr(0, dash));
  auto to = parse_clock(text.substr(dash + 1));
  if (!from || !to || *from >= *to) return std::nullopt;
  return std::make_pair(*from, *to);
}

std::optional<std::string> outside_open_hours(const OpenHours& h, int64_t start_ms,
                                              int64_t end_ms) {
  LocalDate day = local_date(start_ms);
  int wd = weekday(day);
  if (!(h.days & (1u << (wd - 1))))
    return std::string(weekday_name(day)) + "（" + format_date(day) + "）不开放预订";
  int from = local_minute(start_ms);
  int64_t day_start = to_instant(day, 0);
  int64_t to = (end_ms - day_start) / kMinuteMs;
  if (from < h.from || to > h.to)
    return "超出可预订时间 " + format_hours(h) + "（" + format_date(day) + " " +
           format_minute(from) + "-" + (to > 1440 ? "次日" : format_minute(static_cast<int>(to))) +
           "）";
  return std::nullopt;
}

std::optional<std::string> unbookable_slot(int64_t start_ms, int64_t end_ms, int64_t now_ms,
                                           int horizon_days, int grace_minutes) {
  if (start_ms % kMinuteMs != 0 || end_ms % kMinuteMs != 0) return "开始和结束时间须是整分钟";
  if (end_ms <= start_ms) return "结束时间须晚于开始时间";
  if (end_ms - start_ms > kMaxBookingMs) return "一次预订最长 24 小时；更长请用循环预订";
  if (start_ms < now_ms - grace_minutes * kMinuteMs)
    return "开始时间 " + format_slot(start_ms, end_ms) + " 已经过去";
  LocalDate last = last_bookable_day(now_ms, horizon_days);
  if (local_date(start_ms) > last)
    return "最远只能预订到 " + format_date(last) + "（" + std::to_string(horizon_days) + " 天内）";
  return std::nullopt;
}

LocalDate last_bookable_day(int64_t now_ms, int horizon_days) {
  return add_days(local_date(now_ms), horizon_days);
}

}  // namespace rooms
