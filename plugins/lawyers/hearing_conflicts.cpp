// SPDX-License-Identifier: Apache-2.0
// Conflict search over the hearings mirror and unavailability; the judge's warning.
#include "hearing_conflicts.hpp"

#include <algorithm>

#include "case_access.hpp"
#include "case_store.hpp"
#include "conflict_rules.hpp"
#include "court_time.hpp"
#include "lawyer_session.hpp"

namespace lawyers {
namespace {

using courthub::Value;

std::string court_name(const App& app, const std::string& code) {
  auto c = app.host.directory().court(code);
  return c ? c->name : code;
}

std::string lawyer_name(const App& app, int64_t id) {
  auto l = find_lawyer(app.host.db(), id);
  return l ? l->name : "#" + std::to_string(id);  // an id the identity part lost
}

}  // namespace

std::vector<ScheduleConflict> find_conflicts(const App& app, const ProposedHearing& p) {
  std::vector<ScheduleConflict> out;
  auto& db = app.host.db();
  auto c = find_case_by_number(db, p.court_code, p.case_number);
  if (!c) return out;
  int64_t buffer = int64_t{app.settings.cases.travel_buffer_minutes} * 60 * 1000;
  Engagement hearing{p.start_ms, p.end_ms, p.court_code};
  for (int64_t lawyer : confirmed_lawyers(db, c->id)) {
    std::string name;
    auto add = [&](std::string kind, std::string court, int64_t s, int64_t e) {
      if (name.empty()) name = lawyer_name(app, lawyer);
      std::string cname = court.empty() ? std::string() : court_name(app, court);
      out.push_back({lawyer, name, std::move(kind), std::move(court), std::move(cname), s, e});
    };
    // The window is widened by the buffer; clashes() then decides per court.
    for (auto& r : db.query(
             "SELECT DISTINCT h.hearing_id, h.court_code, h.start_ms, h.end_ms FROM hearings h "
             "JOIN cases c ON c.court_code = h.court_code AND c.case_number = h.case_number "
             "JOIN representations r ON r.case_id = c.id "
             "WHERE r.lawyer_id = ? AND r.state = 'confirmed' AND c.id <> ? "
             "AND h.status_rank <= 3 AND h.hearing_id <> ? AND h.start_ms < ? AND h.end_ms > ? "
             "ORDER BY h.start_ms, h.hearing_id",
             {Value(lawyer), Value(c->id), Value(p.hearing_id), Value(p.end_ms + buffer),
              Value(p.start_ms - buffer)})) {
      Engagement other{r.integer("start_ms"), r.integer("end_ms"), r.text("court_code")};
      if (clashes(hearing, other, buffer))
        add("hearing", other.court, other.start_ms, other.end_ms);
    }
    for (auto& r : db.query("SELECT start_ms, end_ms FROM unavailability "
                            "WHERE lawyer_id = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms",
                            {Value(lawyer), Value(p.end_ms), Value(p.start_ms)}))
      add("unavailable", "", r.integer("start_ms"), r.integer("end_ms"));
  }
  return out;
}

void notify_conflicts(const App& app, const ProposedHearing& p,
                      const std::vector<ScheduleConflict>& conflicts,
                      const std::vector<std::string>& also, const courthub::Outbox& outbox) {
  if (conflicts.empty()) return;
  auto c = find_case_by_number(app.host.db(), p.court_code, p.case_number);
  std::vector<std::string> to;
  auto add = [&](const std::string& u) {
    if (!u.empty() && std::find(to.begin(), to.end(), u) == to.end()) to.push_back(u);
  };
  if (c) {
    add(c->judge);
    add(c->clerk);
  }
  for (auto& u : also) add(u);
  if (to.empty()) return;
  std::string text = "### 排期提醒\n\n" + p.case_number + " 定于 " +
                     court_span(p.start_ms, p.end_ms) + " 开庭，代理律师的其他安排可能冲突：\n\n";
  for (auto& k : conflicts) {
    text += "- " + k.lawyer_name + " 律师：" + court_span(k.start_ms, k.end_ms) +
            (k.kind == "hearing" ? " 在" + k.court_name + "开庭" : " 已登记不便出庭") + "\n";
  }
  text += "\n请与律师核实，必要时调整开庭时间。";
  outbox.to_users(to, courthub::Message::markdown("排期提醒", text),
                  "lawyers-conflict:" + std::to_string(p.hearing_id) + ":" +
                      std::to_string(p.start_ms) + "-" + std::to_string(p.end_ms));
}

}  // namespace lawyers
