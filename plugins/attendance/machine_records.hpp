// SPDX-License-Identifier: Apache-2.0
// machine_records.hpp — attendance-machine (考勤机) records imported through
// POST /machine-records: [{"user_id","time":"2026-12-08T08:29:40+08:00","device_id"}], at most
// 10,000 a call, all or nothing, idempotent on (user, time, device). Each becomes a punch with
// source ATM, location Normal, method ATM.
//
// Threading: any handler thread. Errors: read_machine_records and import_machine_records throw
// courthub::InvalidArgument / PermissionDenied with details {"index","field"} naming the first
// bad record; courthub::Error from the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/host.hpp>
#include <courthub/json.hpp>

namespace attendance {

inline constexpr size_t kMaxMachineRecords = 10000;

struct MachineRecord {
  std::string user_id;
  int64_t time_ms = 0;
  std::string device_id;
};

// "2026-12-08T08:29:40+08:00" (also "…Z", "-05:00", and fractions of a second) → Unix ms;
// nullopt for anything else. No errors.
std::optional<int64_t> parse_instant(std::string_view text);

// Checks the body's shape and every record's fields.
std::vector<MachineRecord> read_machine_records(const courthub::Json& body);

struct ImportCount {
  int64_t accepted = 0;    // new punches
  int64_t duplicates = 0;  // records already stored (same user, time and device)
};

// Stores the records in one transaction after checking that every user exists and that
// `caller` administers their court (the operator: any court).
ImportCount import_machine_records(courthub::Host& host, const courthub::Caller& caller,
                                   const std::vector<MachineRecord>& records, int64_t now_ms);

}  // namespace attendance
