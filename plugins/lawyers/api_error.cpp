// SPDX-License-Identifier: Apache-2.0
#include "api_error.hpp"

namespace lawyers {

courthub::Response error_response(int status, std::string_view code, const std::string& message,
                                  const courthub::Json& details) {
  courthub::Json err = courthub::Json::object({{"code", code}, {"message", message}});
  if (!details.is_null()) err["details"] = details;
  return courthub::Response::json(courthub::Json::object({{"error", err}}), status);
}

}  // namespace lawyers
