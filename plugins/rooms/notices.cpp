// SPDX-License-Identifier: Apache-2.0
// Notices: cards and work notices for bookings, each sent once thanks to its outbox key.
#include "notices.hpp"

#include <map>

namespace rooms {
namespace {

using courthub::Json;
using courthub::Message;

std::string window_text(const Booking& b, const Settings& s) {
  CheckinWindow w = checkin_window(b.start_ms, s.checkin_before_minutes, s.checkin_after_minutes);
  return format_minute(local_minute(w.opens_ms)) + "-" + format_minute(local_minute(w.closes_ms));
}

std::string facts(const Booking& b, int occurrences) {
  std::string out = "- 会议室：" + b.room_name;
  if (!b.room_location.empty()) out += "（" + b.room_location + "）";
  out += "\n- 时间：" + format_slot(b.start_ms, b.end_ms);
  if (occurrences > 1) out += " 起，共 " + std::to_string(occurrences) + " 次";
  out += "\n- 编号：#" + std::to_string(b.id);
  return out;
}

}  // namespace

Json booking_card_data(const Booking& b, const Settings& s) {
  return Json::object({{"booking_id", std::to_string(b.id)},
                       {"title", b.title},
                       {"room", b.room_name},
                       {"location", b.room_location},
                       {"time", format_slot(b.start_ms, b.end_ms)},
                       {"status", std::string(status_name(b.status))},
                       {"organizer", b.organizer_name},
                       {"checkin", window_text(b, s)},
                       {"note", b.note}});
}

std::string status_change_text(const Booking& b, int occurrences, const Settings& s) {
  std::string head, tail;
  switch (b.status) {
    case BookingStatus::Booked:
      head = "预订已通过审批";
      tail = "请在 " + window_text(b, s) + " 之间签到，否则会议室将被释放。";
      break;
    case BookingStatus::Refused:
      head = "预订未通过审批";
      break;
    case BookingStatus::Canceled:
      head = "预订已取消";
      break;
    case BookingStatus::Released:
      head = "会议室已释放";
      tail = "开始后 " + std::to_string(s.checkin_after_minutes) +
             " 分钟内无人签到，会议室已释放给他人预订。";
      break;
    default:
      head = "预订状态：" + std::string(status_name(b.status));
  }
  std::string text = "### " + head + "\n\n**" + b.title + "**\n\n" + facts(b, occurrences);
  if (!b.note.empty()) text += "\n- 原因：" + b.note;
  if (!tail.empty()) text += "\n\n" + tail;
  return text;
}

void Notices::send_card(const Booking& b) const {
  host_.outbox().to_users(
      {b.organizer},
      Message::card(settings_.card_template_id, "booking-" + std::to_string(b.id),
                    booking_card_data(b, settings_)),
      "rooms-card-" + std::to_string(b.id) + "-" + std::string(status_name(b.status)));
}

void Notices::invite(const std::vector<Booking>& bookings, const std::string& series) const {
  if (!settings_.notify_attendees || bookings.empty()) return;
  const Booking& b = bookings.front();
  std::vector<std::string> to;
  for (auto& a : b.attendees)
    if (a != b.organizer) to.push_back(a);
  if (to.empty()) return;
  std::string text =
      "### 会议邀请\n\n**" + b.title + "**\n\n" + facts(b, 1) + "\n- 组织者：" + b.organizer_name;
  if (!series.empty())
    text += "\n- 循环：" + series + "（共 " + std::to_string(bookings.size()) + " 次）";
  if (b.status == BookingStatus::PendingApproval) text += "\n\n（会议室预订待审批，通过后生效）";
  host_.outbox().to_users(to, Message::markdown("会议邀请", text),
                          "rooms-invite-" + std::to_string(b.id));
}

void Notices::remind(const Booking& b) const {
  std::vector<std::string> to = {b.organizer};
  for (auto& a : b.attendees)
    if (a != b.organizer) to.push_back(a);
  std::string text = "### " + std::to_string(settings_.reminder_minutes) + " 分钟后开会\n\n**" +
                     b.title + "**\n\n" + facts(b, 1) + "\n\n签到时间 " +
                     window_text(b, settings_) + "：回复 `signin " + std::to_string(b.id) +
                     "` 或点预订卡片上的“签到”。";
  host_.outbox().to_users(
      to, Message::markdown("会议提醒", text),
      "rooms-remind-" + std::to_string(b.id) + "-" + std::to_string(b.start_ms));
}

int Notices::tell_pending() const {
  // A series decided by one approval is told once, by its first pending occurrence.
  std::map<std::string, std::vector<Booking>> groups;
  std::vector<std::string> order;
  for (Booking& b : store_.untold(500)) {
    std::string key =
        (b.approval_request.empty() ? "id:" + std::to_string(b.id) : b.approval_request) + "|" +
        std::string(status_name(b.status));
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(std::move(b));
  }
  int sent = 0;
  for (const std::string& key : order) {
    const std::vector<Booking>& group = groups[key];
    const Booking& first = group.front();
    std::string k =
        "rooms-told-" + std::to_string(first.id) + "-" + std::string(status_name(first.status));
    host_.outbox().to_users(
        {first.organizer},
        Message::markdown("会议室预订", status_change_text(first, group.size(), settings_)), k);
    std::vector<int64_t> ids;
    for (auto& b : group) ids.push_back(b.id);
    store_.mark_told(ids, first.status);
    ++sent;
  }
  return sent;
}

}  // namespace rooms
