// SPDX-License-Identifier: Apache-2.0
#include "filing_review.hpp"

#include "case_access.hpp"
#include "case_number_assignment.hpp"
#include "field_problems.hpp"
#include "filing_division.hpp"

namespace lawyers {
namespace {

using courthub::Json;

std::string reviewer_name(const courthub::Caller& caller) {
  return caller.name.empty() ? std::string("系统管理员") : caller.name;
}

void throw_changed_meanwhile(int64_t id) {
  throw courthub::Conflict("filing " + std::to_string(id) +
                           " changed while you were deciding: reload it and try again");
}

// Writes a decision that opens no case (return, refuse) and its history entry, together.
FilingRow record_decision(const App& app, const FilingRow& f, FilingState from,
                          const FilingEntry& entry) {
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    if (!filing_store::update(tx, f, from)) throw_changed_meanwhile(f.id);
    filing_store::add_entry(tx, f.id, entry);
    return f;
  });
}

// A judge or clerk named in an accept must be staff of the filing's court.
std::string court_staff(const App& app, const Json& body, const char* key,
                        const std::string& court, FieldProblems& p) {
  std::string user = p.text(body, key, key, 0, 64);
  if (user.empty()) return user;
  auto person = app.host.directory().person(user);
  if (!person || person->court_code != court) p.add(key, "is not a member of staff of " + court);
  return user;
}

// The names of a side's parties, 、-separated, for the representation the case records.
std::string party_names(const Json& parties) {
  std::string out;
  if (!parties.is_array()) return out;
  for (auto& p : parties) {
    if (!out.empty()) out += "、";
    out += courthub::json::get<std::string>(p, "name");
  }
  return out;
}

}  // namespace

FilingRow reviewable_filing(const App& app, const courthub::Caller& caller, int64_t id) {
  auto f = filing_store::find(app.host.db(), id);
  if (!f) throw courthub::NotFound("no filing " + std::to_string(id));
  require_filing_reviewer(app, caller, f->court_code);
  return *f;
}

Acceptance accept_filing(const App& app, const courthub::Caller& caller, int64_t id,
                         const Json& body) {
  FilingRow f = reviewable_filing(app, caller, id);
  const FilingState from = f.state;
  f.state = next_filing_state(id, from, FilingMove::Accept);
  FieldProblems p;
  const std::string given = p.text(body, "case_number", "case_number", 0, 50);
  const std::string judge = court_staff(app, body, "judge", f.court_code, p);
  const std::string clerk = court_staff(app, body, "clerk", f.court_code, p);
  p.throw_if_any();
  const int64_t now = app.host.now_ms();
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    Acceptance a;
    a.case_number = assign_case_number(tx, app.settings.filings, f.court_code, f.case_type, now,
                                       given);
    NewCase c;
    c.court_code = f.court_code;
    c.case_number = a.case_number;
    c.cause = f.cause;
    c.case_type = f.case_type;
    c.judge = judge;
    c.clerk = clerk;
    c.filer = f.lawyer_id;
    c.party = party_names(courthub::json::get<Json>(f.form, "plaintiffs"));
    c.party_role = "原告";
    c.at_ms = now;
    a.case_id = open_case(tx, c);
    f.case_id = a.case_id;
    f.case_number = a.case_number;
    f.updated_ms = now;
    if (!filing_store::update(tx, f, from)) throw_changed_meanwhile(id);
    filing_store::add_entry(tx, id, {"accept", "court", reviewer_name(caller), a.case_number, now});
    return a;
  });
}

FilingRow return_filing(const App& app, const courthub::Caller& caller, int64_t id,
                        const Json& body) {
  FilingRow f = reviewable_filing(app, caller, id);
  const FilingState from = f.state;
  f.state = next_filing_state(id, from, FilingMove::Return);
  FieldProblems p;
  Json missing = Json::array();
  const Json* list = courthub::json::find(body, "missing");
  if (!list || !list->is_array() || list->empty()) {
    p.add("missing", "must list what is missing, e.g. [\"原告身份证明\"]");
  } else {
    for (size_t i = 0; i < list->size(); ++i) {
      const Json& item = (*list)[i];
      if (!item.is_string() || item.get<std::string>().empty() ||
          char_count(item.get<std::string>()) > 200)
        p.add("missing/" + std::to_string(i), "must be text of 1 to 200 characters");
      else
        missing.push_back(item);
    }
  }
  const std::string note = p.text(body, "note", "note", 0, 2000);
  p.throw_if_any();
  const int64_t now = app.host.now_ms();
  f.correction = Json::object({{"missing", missing}, {"note", note}});
  f.updated_ms = now;
  std::string summary;
  for (auto& m : missing) summary += (summary.empty() ? "" : "；") + m.get<std::string>();
  if (!note.empty()) summary += (summary.empty() ? "" : "。") + note;
  return record_decision(app, f, from, {"return", "court", reviewer_name(caller), summary, now});
}

FilingRow refuse_filing(const App& app, const courthub::Caller& caller, int64_t id,
                        const Json& body) {
  FilingRow f = reviewable_filing(app, caller, id);
  const FilingState from = f.state;
  f.state = next_filing_state(id, from, FilingMove::Refuse);
  FieldProblems p;
  f.refusal_reason = p.text(body, "reason", "reason", 1, 2000);
  p.throw_if_any();
  f.updated_ms = app.host.now_ms();
  return record_decision(app, f, from,
                         {"refuse", "court", reviewer_name(caller), f.refusal_reason, f.updated_ms});
}

}  // namespace lawyers
