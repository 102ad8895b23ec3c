// SPDX-License-Identifier: Apache-2.0
// RoomApprovals: the rooms side of the approvals contract.
#include "approval.hpp"

#include <algorithm>

#include <courthub/error.hpp>

namespace json = courthub::json;

namespace rooms {

using courthub::Json;

Json approval_request_payload(const Booking& b, int occurrences, const std::string& series,
                              const std::vector<courthub::Person>& approvers) {
  std::string title = "会议室预订：" + b.room_name + " " + format_slot(b.start_ms, b.end_ms);
  if (occurrences > 1) title += "（" + series + "，共" + std::to_string(occurrences) + "次）";
  Json payload = Json::object({{"request_id", "booking:" + std::to_string(b.id)},
                               {"template", "room_booking"},
                               {"originator", b.organizer},
                               {"court", b.court},
                               {"title", title},
                               {"form", Json::object({{"room", b.room_name},
                                                      {"room_id", b.room_id},
                                                      {"court", b.court},
                                                      {"start", format_iso(b.start_ms)},
                                                      {"end", format_iso(b.end_ms)},
                                                      {"subject", b.title},
                                                      {"attendees", b.attendee_count}})}});
  if (!approvers.empty()) {
    Json ids = Json::array();
    std::string names;
    for (auto& p : approvers) {
      ids.push_back(p.user_id);
      names += (names.empty() ? "" : "、") + p.name;
    }
    payload["approvers"] = Json::object({{"room", ids}});
    payload["form"]["room_approvers"] = names;
  }
  return payload;
}

std::optional<int64_t> booking_id_of_request(std::string_view request_id) {
  constexpr std::string_view kPrefix = "booking:";
  if (request_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view digits = request_id.substr(kPrefix.size());
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t id = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

std::vector<courthub::Person> RoomApprovals::room_approvers(const courthub::Sql& tx,
                                                            const Booking& b) const {
  std::vector<courthub::Person> out;
  auto row = tx.one("SELECT approvers FROM rooms WHERE id = ?", {b.room_id});
  if (!row) return out;
  Json ids = Json::parse(row->text("approvers"), nullptr, false);
  if (!ids.is_array()) return out;
  for (auto& id : ids) {
    if (!id.is_string() || id.get<std::string>() == b.organizer) continue;
    // Someone who left, or moved to another court, no longer decides for this room.
    auto p = host_.directory().person(id.get<std::string>());
    if (p && p->court_code == b.court) out.push_back(std::move(*p));
  }
  return out;
}

void RoomApprovals::request(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
                            const std::string& series) const {
  if (bookings.empty() || bookings.front().status != BookingStatus::PendingApproval) return;
  const Booking& first = bookings.front();
  tx.publish("approval_requested",
             approval_request_payload(first, static_cast<int>(bookings.size()), series,
                                      room_approvers(tx, first)),
             "approval:booking:" + std::to_string(first.id));
}

void RoomApprovals::withdraw(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
                             const std::string& reason) const {
  std::vector<std::string> done;
  for (const Booking& b : bookings) {
    const std::string& request = b.approval_request;
    if (b.status != BookingStatus::PendingApproval || request.empty()) continue;
    if (std::find(done.begin(), done.end(), request) != done.end()) continue;
    done.push_back(request);
    bool waiting = false;
    for (const Booking& other : store_.by_approval(tx, request))
      waiting = waiting || other.status == BookingStatus::PendingApproval;
    if (waiting) continue;
    tx.publish("approval_canceled", Json::object({{"request_id", request}, {"reason", reason}}),
               "approval-canceled:" + request);
  }
}

void RoomApprovals::decide(const std::string& request_id, BookingEvent event,
                           const std::string& note, int64_t now_ms) const {
  if (!booking_id_of_request(request_id)) {
    host_.warn("ignored an approval answer for request '" + request_id + "': not a booking");
    return;
  }
  auto changed = store_.db().transaction([&](courthub::Transaction& tx) {
    std::vector<Booking> out;
    for (Booking& b : store_.by_approval(tx, request_id)) {
      // Delivery is at least once, and the booking may have been canceled meanwhile: only
      // bookings still waiting are decided.
      if (b.status != BookingStatus::PendingApproval) continue;
      BookingStatus to = *next_status(b.status, event);
      if (store_.set_status(tx, b.id, b.status, to, now_ms, note, false)) {
        b.status = to;
        b.note = note.empty() ? b.note : note;
        out.push_back(std::move(b));
      }
    }
    if (deciding_hook_ && !out.empty()) deciding_hook_(tx, out, now_ms);
    return out;
  });
  if (changed.empty()) return;
  notices_.tell_pending();
  if (hook_) hook_(changed, now_ms);
}

void RoomApprovals::finished(const Json& p, int64_t now_ms) const {
  if (json::get<std::string>(p, "source") != "rooms") return;
  std::string result = json::get<std::string>(p, "result");
  std::string reason = json::get<std::string>(p, "reason");
  if (result == "agree") {
    decide(json::get<std::string>(p, "request_id"), BookingEvent::Approve, "", now_ms);
  } else if (result == "refuse") {
    decide(json::get<std::string>(p, "request_id"), BookingEvent::Refuse,
           reason.empty() ? "审批未通过" : "审批未通过：" + reason, now_ms);
  } else if (result == "terminated" || result == "canceled") {
    decide(json::get<std::string>(p, "request_id"), BookingEvent::Withdraw,
           result == "terminated" ? "审批被终止" : "审批已撤销", now_ms);
  } else {
    throw courthub::InvalidArgument("approvals.instance_finished: unknown result '" + result +
                                    "' (expected agree, refuse, terminated or canceled)");
  }
}

void RoomApprovals::rejected(const Json& p, int64_t now_ms) const {
  if (!json::get<std::string>(p, "source").empty() &&
      json::get<std::string>(p, "source") != "rooms")
    return;
  std::string reason = json::get<std::string>(p, "reason");
  decide(json::get<std::string>(p, "request_id"), BookingEvent::Withdraw,
         reason.empty() ? "审批无法发起" : "审批无法发起：" + reason, now_ms);
}

}  // namespace rooms
