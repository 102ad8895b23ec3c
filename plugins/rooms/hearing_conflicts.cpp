// SPDX-License-Identifier: Apache-2.0
// The bench's conflicts: two lookups per person, both inside the scheduling transaction.
#include "hearing_conflicts.hpp"

#include "booking_store.hpp"
#include "dates.hpp"

namespace rooms {
namespace {

using courthub::Json;
using courthub::Value;

std::string role_label(const std::string& role) {
  if (role == "judge") return "审判长";
  if (role == "clerk") return "书记员";
  return "合议庭成员";
}

}  // namespace

std::vector<SeatConflict> seat_conflicts(
    const courthub::Sql& tx, const std::vector<Seat>& seats, const Slot& slot,
    int64_t except_hearing, const std::function<std::string(const std::string&)>& name_of) {
  std::vector<SeatConflict> out;
  // The panel is a JSON array of userids: its members as rows p(value), in either dialect.
  const char* panel_members = tx.dialect() == courthub::Dialect::kPostgres
                                  ? "jsonb_array_elements_text(h.panel::jsonb) p(value)"
                                  : "json_each(h.panel) p";
  for (const Seat& seat : seats) {
    auto adder = [&](bool hearing) {
      return [&, hearing](const courthub::Row& row) {
        SeatConflict c{seat,
                       name_of(seat.user_id),
                       hearing ? row.integer("id") : 0,
                       hearing ? 0 : row.integer("id"),
                       row.integer("start_ms"),
                       row.integer("end_ms"),
                       row.text("title")};
        out.push_back(std::move(c));
      };
    };
    const Value who(seat.user_id);
    tx.each(
        std::string("SELECT h.id, b.start_ms, b.end_ms, b.title FROM hearings h "
                    "JOIN bookings b ON b.id = h.booking_id "
                    "WHERE h.id <> ? AND h.status IN ('已预约', '已通知', '测试通过', '进行中') "
                    "AND b.start_ms < ? AND b.end_ms > ? AND (h.judge = ? OR h.clerk = ? OR "
                    "EXISTS (SELECT 1 FROM ") +
            panel_members + " WHERE p.value = ?)) ORDER BY b.start_ms LIMIT 5",
        {Value(except_hearing), Value(slot.end_ms), Value(slot.start_ms), who, who, who},
        adder(true));
    tx.each(
        std::string("SELECT b.id, b.start_ms, b.end_ms, b.title FROM bookings b "
                    "WHERE b.organizer = ? AND b.purpose = 'meeting' AND ") +
            kHoldsSlotSql + " AND b.start_ms < ? AND b.end_ms > ? ORDER BY b.start_ms LIMIT 5",
        {who, Value(slot.end_ms), Value(slot.start_ms)}, adder(false));
  }
  return out;
}

courthub::Error seat_conflict_error(const std::vector<SeatConflict>& conflicts) {
  std::string message = "该时段以下人员已有安排：";
  Json list = Json::array();
  for (size_t i = 0; i < conflicts.size(); ++i) {
    const SeatConflict& c = conflicts[i];
    Json with = Json::object({{"start", format_iso(c.start_ms)},
                              {"end", format_iso(c.end_ms)},
                              {"title", c.title}});
    if (c.hearing_id)
      with["hearing_id"] = c.hearing_id;
    else
      with["booking_id"] = c.booking_id;
    list.push_back(Json::object({{"user_id", c.seat.user_id},
                                 {"name", c.name},
                                 {"role", c.seat.role},
                                 {"with", with}}));
    message += (i ? "；" : "") + role_label(c.seat.role) + " " +
               (c.name.empty() ? c.seat.user_id : c.name) + "（" +
               (c.hearing_id ? "庭审 #" + std::to_string(c.hearing_id)
                             : "会议 #" + std::to_string(c.booking_id)) +
               " " + format_slot(c.start_ms, c.end_ms) + "）";
  }
  return courthub::Conflict(message, Json::object({{"conflicts", list}}));
}

}  // namespace rooms
