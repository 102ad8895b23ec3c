// SPDX-License-Identifier: Apache-2.0
// rooms.hearing_scheduled / rooms.hearing_changed, read from the hearing and its booking.
#include "hearing_events.hpp"

#include <string>

#include <courthub/json.hpp>

namespace rooms {

void publish_hearing(const courthub::Transaction& tx, int64_t id, HearingTopic topic) {
  auto row = tx.one(
      "SELECT h.id, h.court, h.case_number, h.mode, h.status, h.judge, h.clerk, h.updated_ms, "
      "b.start_ms, b.end_ms, r.name AS room FROM hearings h "
      "JOIN bookings b ON b.id = h.booking_id JOIN rooms r ON r.id = b.room_id WHERE h.id = ?",
      {courthub::Value(id)});
  if (!row) return;
  courthub::Json payload = courthub::Json::object({
      {"hearing_id", row->integer("id")},
      {"court", row->text("court")},
      {"case_number", row->text("case_number")},
      {"start_ms", row->integer("start_ms")},
      {"end_ms", row->integer("end_ms")},
      {"room", row->text("room")},
      {"mode", row->text("mode")},
      {"status", row->text("status")},
      {"judge", row->text("judge")},
      {"clerk", row->text("clerk")},
      {"changed_ms", row->integer("updated_ms")},
  });
  bool scheduled = topic == HearingTopic::Scheduled;
  // A hearing never returns to a status, and a time change is a change of its own.
  std::string key = std::string(scheduled ? "hearing-scheduled:" : "hearing-changed:") +
                    std::to_string(id) + ":" + row->text("status") + ":" +
                    std::to_string(row->integer("start_ms")) + "-" +
                    std::to_string(row->integer("end_ms"));
  tx.publish(scheduled ? "hearing_scheduled" : "hearing_changed", payload, key);
}

}  // namespace rooms
