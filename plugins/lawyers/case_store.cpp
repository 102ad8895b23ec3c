// SPDX-License-Identifier: Apache-2.0
// Case rows and their stages.
#include "case_store.hpp"

#include <courthub/error.hpp>

#include "case_stage.hpp"

namespace lawyers {
namespace {

using courthub::Value;

constexpr const char* kCaseColumns =
    "id, court_code, case_number, cause, case_type, judge, clerk, stage";

CaseRef case_from_row(const courthub::Row& r) {
  CaseRef c;
  c.id = r.integer("id");
  c.court_code = r.text("court_code");
  c.case_number = r.text("case_number");
  c.cause = r.text("cause");
  c.case_type = r.text("case_type");
  c.judge = r.text("judge");
  c.clerk = r.text("clerk");
  c.stage = parse_stage(r.text("stage")).value_or(CaseStage::Filed);
  return c;
}

void stamp(const courthub::Sql& tx, int64_t case_id, CaseStage s, int64_t at_ms,
           const std::string& by) {
  tx.exec("INSERT INTO case_stages(case_id, stage, at_ms, by_whom) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (case_id, stage) DO NOTHING",
          {Value(case_id), std::string(stage_code(s)), Value(at_ms), by});
}

}  // namespace

std::optional<CaseRef> find_case(const courthub::Sql& q, int64_t id) {
  auto row = q.one(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?", {Value(id)});
  if (!row) return std::nullopt;
  return case_from_row(*row);
}

std::optional<CaseRef> find_case_by_number(const courthub::Sql& q, const std::string& court,
                                           const std::string& case_number) {
  auto row = q.one(std::string("SELECT ") + kCaseColumns +
                       " FROM cases WHERE court_code = ? AND case_number = ?",
                   {court, case_number});
  if (!row) return std::nullopt;
  return case_from_row(*row);
}

std::vector<std::pair<CaseStage, int64_t>> reached_stages(const courthub::Sql& q,
                                                          int64_t case_id) {
  std::vector<std::pair<CaseStage, int64_t>> out;
  for (auto& r : q.query("SELECT stage, at_ms FROM case_stages WHERE case_id = ?", {Value(case_id)}))
    if (auto s = parse_stage(r.text("stage"))) out.emplace_back(*s, r.integer("at_ms"));
  return out;
}

bool advance_stage(const courthub::Sql& tx, int64_t case_id, CaseStage to, int64_t at_ms,
                   const std::string& by) {
  auto c = find_case(tx, case_id);
  if (!c || !moves_forward(c->stage, to)) return false;
  // Guarded by the stage read above: a concurrent move makes this update match nothing.
  if (tx.exec("UPDATE cases SET stage = ?, updated_ms = ? WHERE id = ? AND stage = ?",
              {std::string(stage_code(to)), Value(at_ms), Value(case_id),
               std::string(stage_code(c->stage))})
          .changes != 1)
    return false;
  stamp(tx, case_id, to, at_ms, by);
  return true;
}

void assign_case(const courthub::Sql& tx, int64_t case_id, const std::string& judge,
                 const std::string& clerk, int64_t at_ms, const std::string& by) {
  tx.exec("UPDATE cases SET judge = ?, clerk = ?, updated_ms = ? WHERE id = ?",
          {judge, clerk, Value(at_ms), Value(case_id)});
  if (!judge.empty()) advance_stage(tx, case_id, CaseStage::Assigned, at_ms, by);
}

int64_t insert_case(const courthub::Sql& tx, const NewCase& c, const std::string& by) {
  if (find_case_by_number(tx, c.court_code, c.case_number))
    throw courthub::Conflict("case " + c.case_number + " is already registered at " +
                             c.court_code);
  auto row = tx.one("INSERT INTO cases(court_code, case_number, cause, case_type, judge, "
                    "clerk, stage, created_by, created_ms, updated_ms) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {c.court_code, c.case_number, c.cause, c.case_type, c.judge, c.clerk,
                     std::string(stage_code(CaseStage::Filed)), by, Value(c.at_ms),
                     Value(c.at_ms)});
  const int64_t id = row->integer("id");
  stamp(tx, id, CaseStage::Filed, c.at_ms, by);
  if (!c.judge.empty()) advance_stage(tx, id, CaseStage::Assigned, c.at_ms, by);
  return id;
}

}  // namespace lawyers
