// SPDX-License-Identifier: Apache-2.0
// What the jobs and robot tests share on top of harness_fixture.hpp: punches through the real
// machine-records route, an agreed approval as the approvals plugin reports it, and the outbox
// read by recipient.
//
// Threading: the harness's test thread. Errors: failed calls fail the test (ASSERT in callers).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "harness_fixture.hpp"

namespace attendance::testing {

// An attendance-machine record of `user` (of LN-BC-SY-01) at `date` `clock` ("08:41"), posted by
// the court admin; the harness clock must already be past it.
inline void machine_punch(PluginHarness& h, const std::string& user, const std::string& date,
                          const std::string& clock) {
  const auto r = h.as(kAdmin).post(
      "/machine-records", Json::array({Json::object({{"user_id", user},
                                                     {"time", date + "T" + clock + ":00+08:00"},
                                                     {"device_id", "ATM-1F-01"}})}));
  ASSERT_EQ(r.status, 200) << r.body;
}

// approvals.instance_finished of an agreed `template_code` instance of `originator`.
inline Json agreed(int64_t instance_id, const std::string& template_code,
                   const std::string& originator, Json form) {
  return Json::object({{"instance_id", instance_id},
                       {"template", template_code},
                       {"originator", originator},
                       {"court_code", kCourt},
                       {"form", std::move(form)},
                       {"result", "agree"},
                       {"status", "COMPLETED"}});
}

// A whole-day approval of `template_code` (leave: 事假) for `user` on `date`, delivered.
inline void away_for_the_day(PluginHarness& h, int64_t instance_id,
                             const std::string& template_code, const std::string& user,
                             const std::string& date) {
  Json form = {{"period", Json::array({date, date})}};
  if (template_code == "leave") form["leave_type"] = "事假";
  const auto r = h.deliver_event("approvals.instance_finished",
                                 agreed(instance_id, template_code, user, form));
  ASSERT_TRUE(r.ok) << r.error;
}

inline std::set<std::string> recipients(const std::vector<Json>& sent) {
  std::set<std::string> out;
  for (const Json& m : sent) out.insert(m["target"].get<std::string>());
  return out;
}

// The message to exactly `user`, or nullptr.
inline const Json* sent_to(const std::vector<Json>& sent, const std::string& user) {
  for (const Json& m : sent)
    if (m["target"].get<std::string>() == user) return &m;
  return nullptr;
}

inline std::string markdown_text(const Json& m) {
  return m["msg"]["markdown"]["text"].get<std::string>();
}

inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace attendance::testing
