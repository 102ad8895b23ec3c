// SPDX-License-Identifier: Apache-2.0
#include "case_documents.hpp"

#include <algorithm>

#include "access_field_errors.hpp"
#include "file_store.hpp"

namespace lawyers {
namespace {

using courthub::Json;

constexpr const char* kColumns =
    "id, case_id, name, category, sha256, type, size, uploaded_by, uploaded_ms";

CaseDocument from_row(const courthub::Row& r) {
  return CaseDocument{r.integer("id"),    r.integer("case_id"),  r.text("name"),
                      r.text("category"), r.text("sha256"),      r.text("type"),
                      r.integer("size"),  r.text("uploaded_by"), r.integer("uploaded_ms")};
}

}  // namespace

const std::vector<std::string>& document_categories() {
  static const std::vector<std::string> all = {
      "正卷", "庭审笔录", "证据材料", "鉴定意见", "裁判文书", std::string(kInternalCategory)};
  return all;
}

bool open_to_lawyers(std::string_view category) {
  const auto& all = document_categories();
  return category != kInternalCategory && std::find(all.begin(), all.end(), category) != all.end();
}

CaseDocument add_document(const App& app, const CaseRef& c, const std::string& userid,
                          std::string_view bytes, const std::string& name,
                          const std::string& category) {
  AccessFieldErrors errors;
  if (name.empty() || utf8_chars(name) > 200)
    errors.add("name", "a file name of 1 to 200 characters is required (?name=)");
  const auto& all = document_categories();
  if (std::find(all.begin(), all.end(), category) == all.end())
    errors.add("category", "must be one of 正卷, 庭审笔录, 证据材料, 鉴定意见, 裁判文书, 副卷");
  errors.throw_if_any();
  StoredFile f = store_file(app, bytes, name, "staff:" + userid);
  const int64_t now = app.host.now_ms();
  auto row = app.host.db().one(
      std::string("INSERT INTO case_documents (case_id, name, category, sha256, type, size, "
                  "uploaded_by, uploaded_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
          kColumns,
      {c.id, name, category, f.sha256, f.type, f.size, userid, now});
  return from_row(*row);
}

std::vector<CaseDocument> case_documents(const courthub::Sql& db, int64_t case_id,
                                         bool lawyer_view) {
  std::vector<CaseDocument> out;
  for (auto& r : db.query(
           std::string("SELECT ") + kColumns + " FROM case_documents WHERE case_id = ? ORDER BY id",
           {case_id})) {
    CaseDocument d = from_row(r);
    if (!lawyer_view || open_to_lawyers(d.category)) out.push_back(std::move(d));
  }
  return out;
}

std::optional<CaseDocument> find_document(const courthub::Sql& db, int64_t case_id, int64_t id) {
  auto r = db.one(
      std::string("SELECT ") + kColumns + " FROM case_documents WHERE case_id = ? AND id = ?",
      {case_id, id});
  if (!r) return std::nullopt;
  return from_row(*r);
}

Json document_json(const CaseDocument& d) {
  return Json::object({{"id", d.id},
                       {"case_id", d.case_id},
                       {"name", d.name},
                       {"category", d.category},
                       {"type", d.type},
                       {"size", d.size},
                       {"uploaded_ms", d.uploaded_ms}});
}

}  // namespace lawyers
