// SPDX-License-Identifier: Apache-2.0
// What the results and approvals-link tests share on top of harness_fixture.hpp: punches written
// straight into the plugin's table (so these tests do not depend on how punches arrive) and the
// approvals plugin's instance_finished event.
//
// Threading: the harness's test thread. Errors: the harness throws courthub::Error on SQL errors.
#pragma once

#include <cstdint>
#include <string>

#include <courthub/time.hpp>

#include "harness_fixture.hpp"

namespace attendance::testing {

// A punch of `user` at `time_ms` as the punches table holds it; returns its id.
inline int64_t add_punch(PluginHarness& h, const std::string& user, int64_t time_ms,
                         const std::string& approval_state = "",
                         const std::string& location = "Normal") {
  static int serial = 0;
  const std::string key = "TEST:" + std::to_string(++serial) + ":" + user;
  h.query(
      "INSERT INTO punches (user_id, court, time_ms, work_date, source_type, location_result, "
      "location_method, group_id, approval_state, dedup_key, created_ms) "
      "VALUES (?, ?, ?, ?, 'USER', ?, 'MAP', 'hp-staff', ?, ?, ?)",
      {user, kCourt, time_ms, courthub::time::format_date(courthub::time::local_date(time_ms)),
       location, approval_state, key, time_ms});
  auto rows = h.query("SELECT id FROM punches WHERE dedup_key = ?", {key});
  const int64_t id = rows.at(0)["id"].get<int64_t>();
  if (!approval_state.empty())
    h.query("UPDATE punches SET request_id = ? WHERE id = ?", {"punch:" + std::to_string(id), id});
  return id;
}

// approvals.instance_finished as the approvals plugin publishes it.
inline Json finished_event(int64_t instance_id, const std::string& template_code,
                           const std::string& originator, Json form,
                           const std::string& result = "agree", int64_t finished_ms = 0,
                           const std::string& source = "", const std::string& request_id = "") {
  const std::string status = result == "agree" || result == "refuse" ? "COMPLETED"
                             : result == "terminated"                 ? "TERMINATED"
                                                                      : "CANCELED";
  return Json::object({{"instance_id", instance_id},
                       {"template", template_code},
                       {"template_name", template_code},
                       {"originator", originator},
                       {"court_code", kCourt},
                       {"form", std::move(form)},
                       {"result", result},
                       {"status", status},
                       {"source", source},
                       {"request_id", request_id},
                       {"finished_ms", finished_ms},
                       {"reason", ""}});
}

// The checks of `user`'s day as GET /results shows them (as the operator).
inline Json day_of(PluginHarness& h, const std::string& user, const std::string& date) {
  auto r = h.as_admin().get("/results?user_id=" + user + "&from=" + date + "&to=" + date);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json()["days"][0] : Json::object();
}

}  // namespace attendance::testing
