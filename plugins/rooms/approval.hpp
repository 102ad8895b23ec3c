// SPDX-License-Identifier: Apache-2.0
// Bookings of rooms that need approval, through the approvals plugin (internal events):
// rooms.approval_requested and rooms.approval_canceled out; approvals.instance_finished /
// approvals.request_rejected in.
//
// A pending booking (待审批) holds its slot until approvals decides. A series is approved as
// one: every occurrence carries the first occurrence's request id ("booking:<id>").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"
#include "booking_store.hpp"
#include "notices.hpp"

namespace rooms {

// The payload of rooms.approval_requested (contract with approvals): the approval belongs to
// the room's court ("court"); `approvers`, the people the room names (never the organizer),
// become "approvers": {"room": [...]} and their names the form's room_approvers.
courthub::Json approval_request_payload(const Booking& first, int occurrences,
                                        const std::string& series,
                                        const std::vector<courthub::Person>& approvers = {});
// 123 from "booking:123".
std::optional<int64_t> booking_id_of_request(std::string_view request_id);

class RoomApprovals {
 public:
  // Called after a decision with the bookings it changed (hearings react to theirs).
  using DecisionHook = std::function<void(const std::vector<Booking>&, int64_t now_ms)>;
  // Called inside the decision's transaction with the bookings it changed, for what must change
  // with them (a refused hearing's booking cancels the hearing): an event handler commits one
  // transaction, since the host does not call it again once one has committed.
  using DecidingHook = std::function<void(const courthub::Transaction&, const std::vector<Booking>&,
                                          int64_t now_ms)>;

  RoomApprovals(const courthub::Host& host, const BookingStore& store, const Notices& notices)
      : host_(host), store_(store), notices_(notices) {}
  void on_decision(DecisionHook hook) { hook_ = std::move(hook); }
  void on_deciding(DecidingHook hook) { deciding_hook_ = std::move(hook); }

  // Publishes the request for new pending bookings inside the transaction that made them: it
  // goes out only if that commits, exactly once (key "approval:booking:<first id>"). Throws
  // courthub::Error from the host, which rolls the booking back.
  void request(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
               const std::string& series) const;
  // Inside the transaction that takes bookings out of 待审批 (canceled by their organizer or an
  // admin, expired at their start, their hearing canceled or rescheduled): `bookings` as they
  // were BEFORE the change; those that were not pending are ignored. For each approval request
  // none of whose bookings is pending any more (a series keeps its request while one occurrence
  // waits), publishes rooms.approval_canceled {"request_id": "booking:<first id>", "reason"}
  // with the key "approval-canceled:booking:<first id>": approvals cancels the instance, once,
  // and only if `tx` commits. Throws courthub::Error from the host (rolling `tx` back).
  void withdraw(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
                const std::string& reason = "预订已取消") const;
  // approvals.instance_finished; events whose source is not "rooms" are ignored.
  void finished(const courthub::Json& payload, int64_t now_ms) const;
  // approvals.request_rejected: approvals could not open an instance.
  void rejected(const courthub::Json& payload, int64_t now_ms) const;

 private:
  void decide(const std::string& request_id, BookingEvent event, const std::string& note,
              int64_t now_ms) const;
  // The room's named approvers who may decide on `b`: people of its court, not its organizer.
  std::vector<courthub::Person> room_approvers(const courthub::Sql& tx, const Booking& b) const;
  const courthub::Host& host_;
  const BookingStore& store_;
  const Notices& notices_;
  DecisionHook hook_;
  DecidingHook deciding_hook_;
};

}  // namespace rooms
