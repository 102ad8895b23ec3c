// SPDX-License-Identifier: Apache-2.0
// The court's documents of a case (卷宗材料), each in one category: 正卷, 庭审笔录, 证据材料,
// 鉴定意见, 裁判文书, and 副卷 — the court's internal deliberations, never shown to a lawyer.
// The bytes live in the file store (file_store.hpp); this keeps what the court filed where.
//
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "case_access.hpp"

namespace lawyers {

inline constexpr std::string_view kInternalCategory = "副卷";

// The categories a document may be filed under, 副卷 last.
const std::vector<std::string>& document_categories();
// Every category but 副卷.
bool open_to_lawyers(std::string_view category);

struct CaseDocument {
  int64_t id = 0, case_id = 0;
  std::string name, category, sha256, type;
  int64_t size = 0;
  std::string uploaded_by;  // staff userid
  int64_t uploaded_ms = 0;
};

// Files `bytes` under the case as `name` in `category`, uploaded by the staff member `userid`.
// Errors: InvalidArgument with details {"fields": {"name"|"category": ...}} for a missing or
// overlong name or an unknown category; the file store's errors for the bytes (size, type).
CaseDocument add_document(const App& app, const CaseRef& c, const std::string& userid,
                          std::string_view bytes, const std::string& name,
                          const std::string& category);

// The case's documents, oldest first; `lawyer_view` leaves 副卷 out.
std::vector<CaseDocument> case_documents(const courthub::Sql& db, int64_t case_id,
                                         bool lawyer_view);
// One document of the case, if it exists there.
std::optional<CaseDocument> find_document(const courthub::Sql& db, int64_t case_id, int64_t id);

courthub::Json document_json(const CaseDocument& d);

}  // namespace lawyers
