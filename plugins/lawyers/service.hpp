// SPDX-License-Identifier: Apache-2.0
// 电子送达 (electronic service): the court serves one of a case's documents on every lawyer
// holding a confirmed representation of it. A service is delivered when it is written (it is in
// the lawyer's inbox at once) and read at the lawyer's first opening of the document; each
// lawyer gets an SMS notice through the host's outbox.
//
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>

#include <cstdint>
#include <string>

#include "app.hpp"
#include "case_access.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

// Serves document `body.document_id` of the case with `body.title`, by the staff member
// `userid`; returns {items: [Receipt]}, one per lawyer. The services and their SMS notices
// are written in one transaction (the SMS leaves only if the services exist).
// Errors: InvalidArgument with fields for a missing title (1-100 characters) or document_id,
// a document not of this case, or one in 副卷; Conflict when no lawyer holds a confirmed
// representation of the case.
courthub::Json serve_document(const App& app, const CaseRef& c, const std::string& userid,
                              const courthub::Json& body);

// Receipts of the case, newest first: {items: [{id, lawyer: {id, name}, title, document_id,
// document_name, served_ms, delivered_ms, read_ms|null}]}.
courthub::Json case_services(const App& app, int64_t case_id);

// The lawyer's inbox, newest first: {items: [{id, case_id, case_number, title, served_ms,
// delivered_ms, read_ms|null}]}.
courthub::Json lawyer_services(const courthub::Sql& db, int64_t lawyer_id);

// The served document, stamped; logs the view and records read_ms at the first opening.
// Errors: NotFound "no service <id> among yours" for a service of another lawyer or none.
courthub::Response open_served_document(const App& app, const Lawyer& lawyer, int64_t service_id);

}  // namespace lawyers
