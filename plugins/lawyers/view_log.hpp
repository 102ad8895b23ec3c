// SPDX-License-Identifier: Apache-2.0
// The view log: every time a lawyer is shown a court document — through an open 阅卷 window or
// as a document served on them — who, which, when, and what allowed it.
//
// Threading: any handler thread. Errors: the database's.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>

#include "app.hpp"

namespace lawyers {

struct DocumentView {
  int64_t case_id = 0, document_id = 0, lawyer_id = 0;
  std::optional<int64_t> file_access_id;  // the request whose window allowed it, or
  std::optional<int64_t> service_id;      // the service that delivered it
  int64_t viewed_ms = 0;
};

void record_view(const courthub::Sql& db, const DocumentView& v);

// The case's log, newest first: {items: [{id, document_id, document_name, category,
// lawyer: {id, name, licence_no}, viewed_ms, via: "file_access"|"service", file_access_id,
// service_id}]}.
courthub::Json case_view_log(const App& app, int64_t case_id);

}  // namespace lawyers
