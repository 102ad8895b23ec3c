// SPDX-License-Identifier: Apache-2.0
// punch_json.hpp — a punch as the HTTP API shows it (COMMON.md "A punch"): the stored record with
// its instant in ISO 8601 (+08:00) and whether a check of its day counted it.
//
// Pure: any thread. Errors: none.
#pragma once

#include <courthub/json.hpp>

#include "punch_store.hpp"

namespace attendance {

// {"id","time","work_date","source_type","location_result","location_method","latitude",
//  "longitude","accuracy","address","ssid","bssid","device_id","outside_remark","group_id",
//  "approval_state","counted"}; latitude, longitude and accuracy are null when unknown.
courthub::Json punch_json(const Punch& p, bool counted);

}  // namespace attendance
