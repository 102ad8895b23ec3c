// SPDX-License-Identifier: Apache-2.0
// A court document as a lawyer receives it: the stored file with the watermark line naming
// them and the time, as an HTTP response the browser shows inline and does not cache.
//
// Threading: any handler thread. Errors: see the function.
#pragma once

#include <courthub/calls.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "app.hpp"
#include "case_documents.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

// Errors: NotFound when the file store has lost the bytes; InvalidArgument when the file cannot
// be stamped (a damaged or password-protected PDF); Unavailable when the font cannot be used.
// Nothing unstamped is ever returned.
courthub::Response stamped_document(const App& app, const Lawyer& lawyer, const CaseDocument& d,
                                    int64_t at_ms);

// `text` with every byte but RFC 3986's unreserved characters as %XX (RFC 5987 filename*, and
// query values). Never fails.
std::string percent_encoded(std::string_view text);

}  // namespace lawyers
