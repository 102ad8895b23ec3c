// SPDX-License-Identifier: Apache-2.0
#include "filing_view.hpp"

#include "lawyer_session.hpp"

namespace lawyers {

using courthub::Json;

Json filing_view(const App& app, const FilingRow& f, bool for_court) {
  auto court = app.host.directory().court(f.court_code);
  Json history = Json::array();
  for (auto& e : filing_store::history(app.host.db(), f.id))
    history.push_back(Json::object({{"action", e.action},
                                    {"by", e.by_name},
                                    {"side", e.by_side},
                                    {"note", e.note},
                                    {"at_ms", e.at_ms}}));
  const Json* form = &f.form;
  auto member = [&](const char* key) {
    const Json* v = courthub::json::find(*form, key);
    return v ? *v : Json();
  };
  Json v = Json::object({
      {"id", f.id},
      {"court_code", f.court_code},
      {"court_name", court ? court->name : f.court_code},
      {"case_type", f.case_type},
      {"cause", f.cause},
      {"plaintiffs", member("plaintiffs")},
      {"defendants", member("defendants")},
      {"claims", member("claims")},
      {"facts", member("facts")},
      {"documents", member("documents")},
      {"evidence", member("evidence")},
      {"state", filing_state_code(f.state)},
      {"state_label", filing_state_label(f.state)},
      {"submitted_ms", f.submitted_ms},
      {"due_ms", f.due_ms},
      {"overdue", filing_overdue(f.state, f.due_ms, app.host.now_ms())},
      {"history", history},
      {"correction", f.correction},  // the latest request for correction, kept after it
      {"refusal_reason", f.refusal_reason},
      {"case_id", f.case_id ? Json(*f.case_id) : Json()},
      {"case_number", f.case_number},
  });
  if (for_court) {
    Json lawyer = Json::object({{"id", f.lawyer_id}});
    if (auto l = find_lawyer(app.host.db(), f.lawyer_id)) {
      lawyer["name"] = l->name;
      lawyer["firm"] = l->firm;
      lawyer["licence_no"] = l->licence_no;
    }
    v["lawyer"] = lawyer;
  }
  return v;
}

}  // namespace lawyers
