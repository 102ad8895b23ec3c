// SPDX-License-Identifier: Apache-2.0
// The representation guard and the case staff check (case_access.hpp).
#include "case_access.hpp"

#include <courthub/error.hpp>

#include "case_store.hpp"
#include "representation.hpp"

namespace lawyers {

using courthub::Value;

CaseRef require_represented_case(const App& app, const Lawyer& lawyer, int64_t case_id) {
  // One query for "exists and confirmed": an unknown case and someone else's case answer alike.
  auto row = app.host.db().one(
      "SELECT c.id FROM cases c JOIN representations r ON r.case_id = c.id "
      "WHERE c.id = ? AND r.lawyer_id = ? AND r.state = 'confirmed'",
      {Value(case_id), Value(lawyer.id)});
  std::optional<CaseRef> c;
  if (row) c = find_case(app.host.db(), case_id);
  if (!c) throw courthub::NotFound("no case " + std::to_string(case_id) + " among yours");
  return *c;
}

bool is_case_staff(const courthub::Caller& caller, const CaseRef& c) {
  if (caller.kind == courthub::Caller::Kind::Admin) return true;
  if (caller.kind != courthub::Caller::Kind::Staff) return false;
  if (!c.judge.empty() && caller.user_id == c.judge) return true;
  if (!c.clerk.empty() && caller.user_id == c.clerk) return true;
  return caller.court_code == c.court_code && caller.has_role("court_admin");
}

CaseRef require_case_staff(const App& app, const courthub::Caller& caller, int64_t case_id) {
  if (caller.kind != courthub::Caller::Kind::Admin && caller.kind != courthub::Caller::Kind::Staff)
    throw courthub::PermissionDenied("only the court's staff may see a case here");
  auto c = find_case(app.host.db(), case_id);
  if (!c) throw courthub::NotFound("no case " + std::to_string(case_id));
  if (!is_case_staff(caller, *c))
    throw courthub::PermissionDenied("only the judge or clerk of case " + c->case_number +
                                     " or a court_admin of its court may do this");
  return *c;
}

bool is_filing_office(const App& app, const courthub::Caller& caller, const std::string& court) {
  if (caller.kind == courthub::Caller::Kind::Admin) return true;
  if (caller.kind != courthub::Caller::Kind::Staff || caller.court_code != court) return false;
  if (caller.has_role("court_admin")) return true;
  for (auto& d : app.host.directory().departments(court))
    if (d.name == "立案庭" && d.id == caller.dept_id) return true;
  return false;
}

std::vector<int64_t> confirmed_lawyers(const courthub::Sql& q, int64_t case_id) {
  std::vector<int64_t> out;
  for (auto& r : q.query("SELECT DISTINCT lawyer_id FROM representations "
                         "WHERE case_id = ? AND state = 'confirmed' ORDER BY lawyer_id",
                         {Value(case_id)}))
    out.push_back(r.integer("lawyer_id"));
  return out;
}

std::vector<int64_t> confirmed_lawyers(const courthub::Database& db, int64_t case_id) {
  return confirmed_lawyers(static_cast<const courthub::Sql&>(db), case_id);
}

int64_t open_case(courthub::Sql& tx, const NewCase& c) {
  int64_t id = insert_case(tx, c, "filing");
  if (c.filer != 0)
    record_confirmed_representation(tx, id, c.filer, c.party, c.party_role, c.at_ms,
                                    "filing", "网上立案：立案庭已审查授权委托材料");
  return id;
}

}  // namespace lawyers
