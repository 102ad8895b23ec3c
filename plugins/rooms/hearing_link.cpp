// SPDX-License-Identifier: Apache-2.0
// A hearing's status following its booking's check-in and end, in the booking's transaction.
#include "hearing_link.hpp"

#include <courthub/error.hpp>

#include "hearing_events.hpp"

namespace rooms {
namespace {

using courthub::Value;

}  // namespace

const char* const kHearingColumns =
    "h.id, h.booking_id, h.test_booking_id, h.court, h.case_number, h.mode, h.parties, h.judge, "
    "h.clerk, h.panel, h.cause, h.public, h.status, h.notice_override, h.override_reason, "
    "h.override_by, h.rescheduled_from, h.rescheduled_to, h.notified_ms, h.test_passed_ms, "
    "h.started_ms, h.ended_ms, h.note, h.created_ms, h.updated_ms";

std::optional<Hearing> hearing_by_id(const courthub::Sql& q, int64_t id) {
  auto row = q.one(std::string("SELECT ") + kHearingColumns + " FROM hearings h WHERE h.id = ?",
                   {Value(id)});
  if (!row) return std::nullopt;
  return hearing_from_row(*row);
}

std::optional<Hearing> hearing_of_booking(const courthub::Sql& q, int64_t booking_id) {
  auto row = q.one(
      std::string("SELECT ") + kHearingColumns + " FROM hearings h WHERE h.booking_id = ?",
      {Value(booking_id)});
  if (!row) return std::nullopt;
  return hearing_from_row(*row);
}

bool set_hearing_status(const courthub::Transaction& tx, int64_t id, HearingStatus from,
                        HearingStatus to,
                        const char* stamp_column, int64_t now_ms, const std::string& note) {
  std::string sql =
      "UPDATE hearings SET status = ?, updated_ms = ?, note = CASE WHEN ? = '' "
      "THEN note ELSE ? END";
  if (stamp_column) sql += std::string(", ") + stamp_column + " = ?";
  sql += " WHERE id = ? AND status = ?";
  std::vector<Value> p = {std::string(hearing_status_name(to)), Value(now_ms), note, note};
  if (stamp_column) p.push_back(Value(now_ms));
  p.push_back(Value(id));
  p.push_back(std::string(hearing_status_name(from)));
  if (tx.exec(sql, p).changes != 1) return false;
  publish_hearing(tx, id, HearingTopic::Changed);
  return true;
}

void open_hearing_of(const courthub::Transaction& tx, const Booking& b, int64_t now_ms,
                     const std::string& note) {
  if (b.purpose != "hearing") return;
  auto h = hearing_of_booking(tx, b.id);
  if (!h || h->status == HearingStatus::InProgress) return;
  if (!can_move(h->status, HearingStatus::InProgress))
    throw courthub::Conflict("这是庭审 #" + std::to_string(h->id) + " " + h->case_number +
                             " 的预订，庭审当前为 " +
                             std::string(hearing_status_name(h->status)) + "，不能开庭签到");
  set_hearing_status(tx, h->id, h->status, HearingStatus::InProgress, "started_ms", now_ms, note);
}

void end_hearing_of(const courthub::Transaction& tx, const Booking& b, int64_t now_ms,
                    const std::string& note) {
  if (b.purpose != "hearing") return;
  auto h = hearing_of_booking(tx, b.id);
  if (!h || is_final(h->status)) return;
  // A booking checked in before bug 5 was fixed left its hearing at 已通知 or 测试通过: it
  // ended all the same, so the hearing did too (started when its room was checked in).
  if (h->status != HearingStatus::InProgress)
    tx.exec("UPDATE hearings SET started_ms = COALESCE(started_ms, ?) WHERE id = ?",
            {Value(b.checked_in_ms.value_or(now_ms)), Value(h->id)});
  set_hearing_status(tx, h->id, h->status, HearingStatus::Ended, "ended_ms", now_ms, note);
}

}  // namespace rooms
