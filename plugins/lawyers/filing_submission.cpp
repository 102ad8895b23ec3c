// SPDX-License-Identifier: Apache-2.0
#include "filing_submission.hpp"

#include "field_problems.hpp"
#include "file_store.hpp"
#include "filing_notices.hpp"

namespace lawyers {
namespace {

using courthub::Json;

std::string owner_of(const Lawyer& lawyer) { return "lawyer:" + std::to_string(lawyer.id); }

Json file_json(const StoredFile& f) {
  return Json::object({{"sha256", f.sha256}, {"name", f.name}, {"size", f.size}, {"type", f.type}});
}

// The checked form with every hash replaced by the lawyer's upload it names, as stored.
Json resolved_form(const App& app, const Lawyer& lawyer, const FilingForm& form) {
  FieldProblems p;
  if (!app.host.directory().court(form.court)) p.add("court", "no court " + form.court);
  const std::string owner = owner_of(lawyer);
  auto resolve = [&](const Json& hashes, const std::string& field) {
    Json out = Json::array();
    for (size_t i = 0; i < hashes.size(); ++i) {
      auto f = owned_file(app.host.db(), owner, hashes[i].get<std::string>());
      if (!f)
        p.add(field + "/" + std::to_string(i), "is not a file you uploaded (POST /portal/files)");
      else
        out.push_back(file_json(*f));
    }
    return out;
  };
  Json documents = Json::object();
  for (auto& [kind, hashes] : form.documents.items())
    documents[kind] = resolve(hashes, "documents/" + kind);
  Json evidence = Json::array();
  for (size_t e = 0; e < form.evidence.size(); ++e) {
    const Json& item = form.evidence[e];
    evidence.push_back(Json::object(
        {{"name", item["name"]},
         {"purpose", item["purpose"]},
         {"files", resolve(item["files"], "evidence/" + std::to_string(e) + "/files")}}));
  }
  p.throw_if_any();
  return Json::object({{"plaintiffs", form.plaintiffs},
                       {"defendants", form.defendants},
                       {"claims", form.claims},
                       {"facts", form.facts},
                       {"documents", documents},
                       {"evidence", evidence}});
}

void throw_changed_meanwhile(int64_t id) {
  throw courthub::Conflict("filing " + std::to_string(id) +
                           " changed while you were acting on it: reload it and try again");
}

}  // namespace

FilingRow lawyers_filing(const App& app, const Lawyer& lawyer, int64_t id) {
  auto f = filing_store::find(app.host.db(), id);
  if (!f || f->lawyer_id != lawyer.id)
    throw courthub::NotFound("no filing " + std::to_string(id) + " among yours");
  return *f;
}

FilingRow submit_filing(const App& app, const Lawyer& lawyer, const Json& body) {
  FilingForm form = read_filing_form(body);
  Json stored = resolved_form(app, lawyer, form);
  const int64_t now = app.host.now_ms();
  FilingRow f;
  f.lawyer_id = lawyer.id;
  f.court_code = form.court;
  f.case_type = form.case_type;
  f.cause = form.cause;
  f.form = stored;
  f.state = FilingState::Submitted;
  f.submission = 1;
  f.submitted_ms = now;
  f.due_ms = filing_due_ms(now, app.settings.filings.decision_days);
  f.created_ms = f.updated_ms = now;
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    f.id = filing_store::insert(tx, f);
    filing_store::add_entry(tx, f.id, {"submit", "lawyer", lawyer.name, "", now});
    notify_filing_waiting(app, tx, f, lawyer.name);
    return f;
  });
}

FilingRow resubmit_filing(const App& app, const Lawyer& lawyer, int64_t id, const Json& body) {
  FilingRow f = lawyers_filing(app, lawyer, id);
  const FilingState from = f.state;
  next_filing_state(id, from, FilingMove::Resubmit);  // a Conflict before the form's problems
  FilingForm form = read_filing_form(body);
  if (form.court != f.court_code) {
    FieldProblems p;
    p.add("court", "a resubmission goes to the same court (" + f.court_code +
                       "); withdraw this filing and file anew for another");
    p.throw_if_any();
  }
  Json stored = resolved_form(app, lawyer, form);
  const int64_t now = app.host.now_ms();
  f.case_type = form.case_type;
  f.cause = form.cause;
  f.form = stored;
  f.state = FilingState::Submitted;
  f.submission += 1;
  f.submitted_ms = now;
  f.due_ms = filing_due_ms(now, app.settings.filings.decision_days);
  f.updated_ms = now;
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    if (!filing_store::update(tx, f, from)) throw_changed_meanwhile(id);
    filing_store::add_entry(tx, id, {"resubmit", "lawyer", lawyer.name, "", now});
    notify_filing_waiting(app, tx, f, lawyer.name);
    return f;
  });
}

FilingRow withdraw_filing(const App& app, const Lawyer& lawyer, int64_t id) {
  FilingRow f = lawyers_filing(app, lawyer, id);
  const FilingState from = f.state;
  f.state = next_filing_state(id, from, FilingMove::Withdraw);
  f.updated_ms = app.host.now_ms();
  return app.host.db().transaction([&](courthub::Transaction& tx) {
    if (!filing_store::update(tx, f, from)) throw_changed_meanwhile(id);
    filing_store::add_entry(tx, id, {"withdraw", "lawyer", lawyer.name, "", f.updated_ms});
    return f;
  });
}

}  // namespace lawyers
