// SPDX-License-Identifier: Apache-2.0
#include "appointment_view.hpp"

namespace lawyers {

using courthub::Json;

Json appointment_view(const courthub::Sql& sql, const AppointmentRow& a) {
  Json messages = Json::array();
  for (auto& m : appointment_store::messages(sql, a.id))
    messages.push_back(Json::object(
        {{"from", m.from}, {"name", m.name}, {"text", m.text}, {"at_ms", m.at_ms}}));
  return Json::object({
      {"id", a.id},
      {"case_id", a.case_id},
      {"case_number", a.case_number},
      {"state", appointment_state_code(a.state)},
      {"state_label", appointment_state_label(a.state)},
      {"reason", a.reason},
      {"mode", a.mode},
      {"mode_label", appointment_mode_label(a.mode)},
      {"start_ms", a.time.start_ms},
      {"end_ms", a.time.end_ms},
      {"proposed", a.proposed ? Json::object({{"start_ms", a.proposed->start_ms},
                                              {"end_ms", a.proposed->end_ms}})
                              : Json()},
      {"messages", messages},
      {"created_ms", a.created_ms},
  });
}

}  // namespace lawyers
