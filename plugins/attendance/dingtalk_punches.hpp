// SPDX-License-Identifier: Apache-2.0
// dingtalk_punches.hpp — DingTalk's own punch events (attendance_check_record, from the inbox):
// each DataList entry becomes a punch, once (dedup "DT:<bizId>", else "DT:<userId>@<checkTime>").
// Source: locationMethod "ATM" → ATM, else USER. Location: Normal, unless the entry has a
// position and the person's group has locations none of which contains it (Outside). Unknown
// users are logged (without their id) and skipped.
//
// Threading: any handler thread. Errors: a payload without a DataList array throws
// courthub::InvalidArgument (dead-lettered); database errors propagate (the inbox retries).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

struct PunchEventCount {
  int stored = 0;      // new punches
  int duplicates = 0;  // entries already stored
  int skipped = 0;     // unknown users, entries without userId or checkTime
};

// Stores the punches of one attendance_check_record payload, in one transaction.
PunchEventCount store_dingtalk_punches(courthub::Host& host, const courthub::Json& payload);

// Subscribes attendance_check_record.
void register_dingtalk_punches(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
