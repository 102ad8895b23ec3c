// SPDX-License-Identifier: Apache-2.0
// The filing's states and form.
#include "filing.hpp"

#include <courthub/error.hpp>

#include "field_problems.hpp"
#include "file_store.hpp"

namespace lawyers {

using courthub::Json;

namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

struct StateName {
  FilingState state;
  std::string_view code, label;
};
constexpr StateName kStates[] = {
    {FilingState::Submitted, "submitted", "待审查"}, {FilingState::Returned, "returned", "待补正"},
    {FilingState::Accepted, "accepted", "已立案"},   {FilingState::Refused, "refused", "不予立案"},
    {FilingState::Withdrawn, "withdrawn", "已撤回"},
};

std::string_view move_words(FilingMove m) {
  switch (m) {
    case FilingMove::Resubmit: return "resubmitted (only a filing returned for correction is)";
    case FilingMove::Withdraw: return "withdrawn (only one awaiting review or correction is)";
    case FilingMove::Accept: return "accepted (only a filing awaiting review is)";
    case FilingMove::Return: return "returned for correction (only a filing awaiting review is)";
    case FilingMove::Refuse: return "refused (only a filing awaiting review is)";
  }
  return "";
}

void read_parties(const Json& body, const char* key, FieldProblems& p, Json& out) {
  out = Json::array();
  const Json* list = courthub::json::find(body, key);
  if (!list || !list->is_array() || list->empty()) {
    p.add(key, "must list at least one party: [{name, kind}]");
    return;
  }
  if (list->size() > 50) p.add(key, "at most 50 parties");
  for (size_t i = 0; i < list->size() && i < 50; ++i) {
    const Json& party = (*list)[i];
    const std::string at = std::string(key) + "/" + std::to_string(i);
    if (!party.is_object()) {
      p.add(at, "must be {name, kind}");
      continue;
    }
    std::string name = p.text(party, "name", at + "/name", 1, 100);
    std::string kind = p.text(party, "kind", at + "/kind", 1, 20);
    if (!kind.empty() && kind != "自然人" && kind != "法人" && kind != "非法人组织")
      p.add(at + "/kind", "must be 自然人, 法人 or 非法人组织");
    out.push_back(Json::object({{"name", name}, {"kind", kind}}));
  }
}

// A list of hashes at `field`; `required` asks for at least one.
Json read_hashes(const Json* list, const std::string& field, bool required, FieldProblems& p) {
  Json out = Json::array();
  if (!list || list->is_null() || (list->is_array() && list->empty())) {
    if (required) p.add(field, "needs at least one file (the sha256 of an upload)");
    return out;
  }
  if (!list->is_array()) {
    p.add(field, "must be a list of sha256 of uploads");
    return out;
  }
  if (list->size() > 20) p.add(field, "at most 20 files");
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& h = (*list)[i];
    if (!h.is_string() || !is_sha256_hex(h.get<std::string>()))
      p.add(field + "/" + std::to_string(i), "must be the sha256 of an upload (64 hex digits)");
    else
      out.push_back(h);
  }
  return out;
}

}  // namespace

std::string_view filing_state_code(FilingState s) {
  for (auto& n : kStates)
    if (n.state == s) return n.code;
  return "";
}

std::string_view filing_state_label(FilingState s) {
  for (auto& n : kStates)
    if (n.state == s) return n.label;
  return "";
}

std::optional<FilingState> parse_filing_state(std::string_view code) {
  for (auto& n : kStates)
    if (n.code == code) return n.state;
  return std::nullopt;
}

FilingState next_filing_state(int64_t id, FilingState from, FilingMove move) {
  std::optional<FilingState> to;
  switch (move) {
    case FilingMove::Resubmit:
      if (from == FilingState::Returned) to = FilingState::Submitted;
      break;
    case FilingMove::Withdraw:
      if (from == FilingState::Submitted || from == FilingState::Returned)
        to = FilingState::Withdrawn;
      break;
    case FilingMove::Accept:
      if (from == FilingState::Submitted) to = FilingState::Accepted;
      break;
    case FilingMove::Return:
      if (from == FilingState::Submitted) to = FilingState::Returned;
      break;
    case FilingMove::Refuse:
      if (from == FilingState::Submitted) to = FilingState::Refused;
      break;
  }
  if (!to)
    throw courthub::Conflict("filing " + std::to_string(id) + " is " +
                             std::string(filing_state_code(from)) + " (" +
                             std::string(filing_state_label(from)) + "): it cannot be " +
                             std::string(move_words(move)));
  return *to;
}

int64_t filing_due_ms(int64_t submitted_ms, int decision_days) {
  return submitted_ms + decision_days * kDayMs;
}

bool filing_overdue(FilingState state, int64_t due_ms, int64_t now_ms) {
  return state == FilingState::Submitted && now_ms >= due_ms;
}

std::string case_type_code(std::string_view case_type) {
  if (case_type == "民事") return "民初";
  if (case_type == "行政") return "行初";
  if (case_type == "执行") return "执";
  if (case_type == "刑事自诉") return "刑初";
  return {};
}

FilingForm read_filing_form(const Json& body) {
  FieldProblems p;
  FilingForm f;
  if (!body.is_object()) {
    p.add("body", "must be a JSON object");
    p.throw_if_any();
  }
  f.court = p.text(body, "court", "court", 1, 40);
  f.case_type = p.text(body, "case_type", "case_type", 1, 10);
  if (!f.case_type.empty() && case_type_code(f.case_type).empty())
    p.add("case_type", "must be 民事, 行政, 执行 or 刑事自诉");
  f.cause = p.text(body, "cause", "cause", 1, 100);
  read_parties(body, "plaintiffs", p, f.plaintiffs);
  read_parties(body, "defendants", p, f.defendants);
  f.claims = p.text(body, "claims", "claims", 1, 5000);
  f.facts = p.text(body, "facts", "facts", 1, 20000);

  f.documents = Json::object();
  const Json* docs = courthub::json::find(body, "documents");
  if (!docs || !docs->is_object()) {
    p.add("documents", "must be {complaint: [sha256], identity: [sha256], authority: [sha256]}");
  } else {
    for (auto& [kind, list] : docs->items()) {
      bool known = false;
      for (auto k : kDocumentKinds) known = known || k == kind;
      if (!known) p.add("documents/" + kind, "unknown kind; kinds: complaint, identity, authority");
    }
    // The complaint is what a filing is; what else is missing the 立案庭 asks for (补正).
    for (auto kind : kDocumentKinds) {
      const std::string k(kind);
      f.documents[k] = read_hashes(courthub::json::find(*docs, kind), "documents/" + k,
                                   kind == "complaint", p);
    }
  }

  f.evidence = Json::array();
  const Json* evidence = courthub::json::find(body, "evidence");
  if (evidence && !evidence->is_null()) {
    if (!evidence->is_array()) {
      p.add("evidence", "must be a list of {name, purpose, files: [sha256]}");
    } else {
      if (evidence->size() > 100) p.add("evidence", "at most 100 items");
      for (size_t i = 0; i < evidence->size() && i < 100; ++i) {
        const Json& e = (*evidence)[i];
        const std::string at = "evidence/" + std::to_string(i);
        if (!e.is_object()) {
          p.add(at, "must be {name, purpose, files: [sha256]}");
          continue;
        }
        Json item = Json::object();
        item["name"] = p.text(e, "name", at + "/name", 1, 100);
        item["purpose"] = p.text(e, "purpose", at + "/purpose", 0, 500);
        item["files"] = read_hashes(courthub::json::find(e, "files"), at + "/files", true, p);
        f.evidence.push_back(item);
      }
    }
  }
  p.throw_if_any();
  return f;
}

std::vector<FileReference> file_references(const FilingForm& form) {
  std::vector<FileReference> out;
  for (auto& [kind, list] : form.documents.items())
    for (size_t i = 0; i < list.size(); ++i)
      out.push_back({"documents/" + kind + "/" + std::to_string(i), list[i].get<std::string>()});
  for (size_t e = 0; e < form.evidence.size(); ++e) {
    const Json& files = form.evidence[e]["files"];
    for (size_t i = 0; i < files.size(); ++i)
      out.push_back({"evidence/" + std::to_string(e) + "/files/" + std::to_string(i),
                     files[i].get<std::string>()});
  }
  return out;
}

}  // namespace lawyers
