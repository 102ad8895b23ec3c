// SPDX-License-Identifier: Apache-2.0
// An error answer built by the plugin itself, in the host's shape
// {"error": {"code", "message", "details"?}}: for the statuses a courthub::Error cannot carry
// (401, 429) and for answers that must not roll back their transaction.
//
// Threading: a plain function. Errors: none.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <string>
#include <string_view>

namespace lawyers {

courthub::Response error_response(int status, std::string_view code, const std::string& message,
                                  const courthub::Json& details = courthub::Json());

}  // namespace lawyers
