// SPDX-License-Identifier: Apache-2.0
// check_in.hpp — the mini-app check-in (POST /punches): reading the phone's report, deciding
// Normal/Outside against the caller's group, refusing what the group forbids, and storing the
// punch — with, for a 外勤 punch that needs approval, the approval request in the same
// transaction (COMMON.md "Punches").
//
// Threading: any handler thread. Errors: read_check_in throws courthub::InvalidArgument naming
// the field; record_check_in throws CheckInRefused (a refusal the phone shows, with its code)
// or InvalidArgument (`remark`), and courthub::Error from the database.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "geofence.hpp"
#include "group.hpp"
#include "punch_store.hpp"

namespace attendance {

// What the phone sends: a position and/or the Wi-Fi it sees, an address, a remark (外勤备注).
struct CheckIn {
  std::optional<Position> position;
  std::optional<WifiSeen> wifi;
  std::string address;
  std::string remark;
};

// Reads {"latitude","longitude","accuracy","address","wifi":{"ssid","bssid"},"remark"}: latitude
// and longitude together (degrees in range), accuracy ≥ 0, at least a position or a Wi-Fi.
CheckIn read_check_in(const courthub::Json& body);

// A check-in refused for a reason the person can act on: HTTP `status`, a stable `code`
// ("not_in_group", "outside_not_allowed") and a Chinese message for the phone.
class CheckInRefused : public std::runtime_error {
 public:
  CheckInRefused(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

// Records `person`'s check-in at `now_ms` as a member of `group` (nullptr: refused, not_in_group).
// Outside + outside.allowed false: refused (outside_not_allowed), nothing stored. Outside +
// remark_required + empty remark: InvalidArgument naming `remark`. Outside + approval before or
// after: stored with approval_state "pending" and request_id "punch:<id>", and
// attendance.approval_requested (template outside_punch) published in the same transaction.
// `request_key` makes a retried request (the same X-Request-Id) store nothing twice. Returns the
// stored punch.
Punch record_check_in(courthub::Host& host, const courthub::Person& person, const Group* group,
                      const CheckIn& in, int64_t now_ms, const std::string& request_key);

// The approval_requested payload for a 外勤 punch (the approvals plugin's outside_punch form).
courthub::Json outside_approval_request(const Punch& p);

}  // namespace attendance
