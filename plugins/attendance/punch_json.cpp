// SPDX-License-Identifier: Apache-2.0
// A punch as JSON.
#include "punch_json.hpp"

#include <courthub/time.hpp>

namespace attendance {

namespace {

courthub::Json number_or_null(const std::optional<double>& v) {
  return v ? courthub::Json(*v) : courthub::Json(nullptr);
}

}  // namespace

courthub::Json punch_json(const Punch& p, bool counted) {
  return courthub::Json::object({{"id", p.id},
                                 {"time", courthub::time::format_iso(p.time_ms)},
                                 {"work_date", p.work_date},
                                 {"source_type", p.source_type},
                                 {"location_result", p.location_result},
                                 {"location_method", p.location_method},
                                 {"latitude", number_or_null(p.latitude)},
                                 {"longitude", number_or_null(p.longitude)},
                                 {"accuracy", number_or_null(p.accuracy)},
                                 {"address", p.address},
                                 {"ssid", p.ssid},
                                 {"bssid", p.bssid},
                                 {"device_id", p.device_id},
                                 {"outside_remark", p.outside_remark},
                                 {"group_id", p.group_id},
                                 {"approval_state", p.approval_state},
                                 {"counted", counted}});
}

}  // namespace attendance
