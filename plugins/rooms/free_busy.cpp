// SPDX-License-Identifier: Apache-2.0
// Free/busy: filter the court's rooms, then hand each its overlapping bookings.
#include "free_busy.hpp"

#include <algorithm>
#include <map>

namespace rooms {

using courthub::Json;

std::vector<RoomAvailability> availability(const std::vector<Room>& rooms,
                                           const std::vector<Booking>& busy,
                                           const FreeBusyQuery& q) {
  std::vector<RoomAvailability> out;
  std::map<std::string, size_t> index;
  for (const Room& r : rooms) {
    if (r.retired || r.capacity < q.min_capacity) continue;
    if (!q.kind.empty() && r.kind != q.kind) continue;
    if (!std::all_of(q.equipment.begin(), q.equipment.end(),
                     [&](const std::string& tag) { return r.has_equipment(tag); }))
      continue;
    index[r.id] = out.size();
    RoomAvailability a{r, {}, ""};
    if (auto why = outside_open_hours(r.hours, q.window.start_ms, q.window.end_ms)) a.closed = *why;
    out.push_back(std::move(a));
  }
  for (const Booking& b : busy) {
    if (b.start_ms >= q.window.end_ms || b.end_ms <= q.window.start_ms) continue;
    if (auto it = index.find(b.room_id); it != index.end()) out[it->second].busy.push_back(b);
  }
  return out;
}

std::vector<RoomAvailability> FreeBusy::query(const FreeBusyQuery& q) const {
  return availability(catalog_.of_court(q.court, false), store_.busy(q.court, q.window), q);
}

Json availability_json(const RoomAvailability& a, bool details) {
  Json out = room_json(a.room);
  out["free"] = a.free();
  Json busy = Json::array();
  for (auto& b : a.busy) busy.push_back(details ? booking_brief_json(b) : booking_time_json(b));
  out["busy"] = busy;
  out["closed"] = a.closed.empty() ? Json() : Json(a.closed);
  return out;
}

}  // namespace rooms
