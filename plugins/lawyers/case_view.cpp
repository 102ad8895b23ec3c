// SPDX-License-Identifier: Apache-2.0
// CaseView for staff and for the portal.
#include "case_view.hpp"

#include "case_stage.hpp"
#include "case_store.hpp"
#include "hearing_mirror.hpp"

namespace lawyers {
namespace {

using courthub::Json;

Json person_view(const App& app, const std::string& user_id, CaseAudience audience) {
  if (user_id.empty()) return nullptr;
  auto p = app.host.directory().person(user_id);
  std::string name = p ? p->name : std::string();
  if (audience == CaseAudience::Lawyer) return Json::object({{"name", name}});
  return Json::object({{"user_id", user_id}, {"name", name}});
}

}  // namespace

Json case_view(const App& app, const CaseRef& c, CaseAudience audience) {
  auto& db = app.host.db();
  auto court = app.host.directory().court(c.court_code);
  std::string court_name = court ? court->name : c.court_code;
  Json progress = Json::array();
  auto reached = reached_stages(db, c.id);
  for (CaseStage s : kAllStages) {
    Json at = nullptr;
    for (auto& [stage, at_ms] : reached)
      if (stage == s) at = at_ms;
    progress.push_back(
        Json::object({{"stage", stage_code(s)}, {"label", stage_label(s)}, {"at_ms", at}}));
  }
  Json hearings = Json::array();
  for (auto& h : upcoming_hearings(db, c.court_code, c.case_number, app.host.now_ms()))
    hearings.push_back(Json::object({{"hearing_id", h.hearing_id},
                                     {"start_ms", h.start_ms},
                                     {"end_ms", h.end_ms},
                                     {"room", h.room},
                                     {"mode", h.mode},
                                     {"court_name", court_name}}));
  return Json::object({{"id", c.id},
                       {"court_code", c.court_code},
                       {"court_name", court_name},
                       {"case_number", c.case_number},
                       {"cause", c.cause},
                       {"case_type", c.case_type},
                       {"stage", stage_code(c.stage)},
                       {"stage_label", stage_label(c.stage)},
                       {"judge", person_view(app, c.judge, audience)},
                       {"clerk", person_view(app, c.clerk, audience)},
                       {"progress", progress},
                       {"upcoming_hearings", hearings}});
}

}  // namespace lawyers
