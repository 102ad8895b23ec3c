// SPDX-License-Identifier: Apache-2.0
#include "access_window.hpp"

#include <algorithm>

#include "case_documents.hpp"

namespace lawyers {

AccessWindow window_of(courthub::time::Date first, courthub::time::Date last) {
  return AccessWindow{courthub::time::to_unix_ms(first, 0),
                      courthub::time::to_unix_ms(last, 1440) - 1};
}

std::vector<OpenGrant> open_grants(const courthub::Sql& db, int64_t lawyer_id, int64_t case_id,
                                   int64_t now_ms) {
  std::vector<OpenGrant> out;
  for (auto& r :
       db.query("SELECT id, closes_ms, materials FROM file_access_requests WHERE lawyer_id = ? AND "
                "case_id = ? AND state = 'approved' AND opens_ms <= ? AND closes_ms >= ? "
                "ORDER BY closes_ms DESC, id DESC",
                {lawyer_id, case_id, now_ms, now_ms})) {
    OpenGrant g{r.integer("id"), r.integer("closes_ms"), {}};
    courthub::Json materials = courthub::Json::parse(r.text("materials"), nullptr, false);
    if (materials.is_array())
      for (auto& m : materials)
        // Stored requests never name 副卷; checked again so no path opens it.
        if (m.is_string() && open_to_lawyers(m.get<std::string>()))
          g.materials.push_back(m.get<std::string>());
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<OpenGrant> grant_for(const std::vector<OpenGrant>& grants,
                                   std::string_view category) {
  for (auto& g : grants)
    if (std::find(g.materials.begin(), g.materials.end(), category) != g.materials.end()) return g;
  return std::nullopt;
}

}  // namespace lawyers
