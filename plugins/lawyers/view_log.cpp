// SPDX-License-Identifier: Apache-2.0
#include "view_log.hpp"

#include <map>

#include "lawyer_session.hpp"

namespace lawyers {

using courthub::Json;

void record_view(const courthub::Sql& db, const DocumentView& v) {
  db.exec(
      "INSERT INTO document_views (case_id, document_id, lawyer_id, file_access_id, service_id, "
      "viewed_ms) VALUES (?, ?, ?, ?, ?, ?)",
      {v.case_id, v.document_id, v.lawyer_id, courthub::Value(v.file_access_id),
       courthub::Value(v.service_id), v.viewed_ms});
}

Json case_view_log(const App& app, int64_t case_id) {
  std::map<int64_t, Json> lawyers;  // one look-up per lawyer, not per line
  auto lawyer_json = [&](int64_t id) -> const Json& {
    auto it = lawyers.find(id);
    if (it != lawyers.end()) return it->second;
    auto l = find_lawyer(app.host.db(), id);
    return lawyers[id] = Json::object(
               {{"id", id}, {"name", l ? l->name : ""}, {"licence_no", l ? l->licence_no : ""}});
  };
  Json items = Json::array();
  for (auto& r : app.host.db().query(
           "SELECT v.id, v.document_id, d.name, d.category, v.lawyer_id, v.file_access_id, "
           "v.service_id, v.viewed_ms FROM document_views v "
           "JOIN case_documents d ON d.id = v.document_id "
           "WHERE v.case_id = ? ORDER BY v.id DESC",
           {case_id})) {
    const bool served = !r.is_null("service_id");
    items.push_back(
        Json::object({{"id", r.integer("id")},
                      {"document_id", r.integer("document_id")},
                      {"document_name", r.text("name")},
                      {"category", r.text("category")},
                      {"lawyer", lawyer_json(r.integer("lawyer_id"))},
                      {"viewed_ms", r.integer("viewed_ms")},
                      {"via", served ? "service" : "file_access"},
                      {"file_access_id",
                       r.is_null("file_access_id") ? Json() : Json(r.integer("file_access_id"))},
                      {"service_id", served ? Json(r.integer("service_id")) : Json()}}));
  }
  return Json::object({{"items", items}});
}

}  // namespace lawyers
