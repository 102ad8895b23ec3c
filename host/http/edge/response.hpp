// SPDX-License-Identifier: Apache-2.0
// An HTTP/1.1 response as bytes: the status line, the host's standard headers (a cached Date,
// Content-Length, Connection) and the body, in one buffer so it leaves in one write.
//
// Threading: free functions; http_date_now() caches per thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace courthub::http::edge {

struct Response {
  int status = 0;
  std::string content_type;  // empty: no Content-Type header
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// The current time as an HTTP date (RFC 9110 IMF-fixdate), remade once a second per thread.
const std::string& http_date_now();

// The reason phrase for `status` ("OK", "Not Found", ...), "Unknown" for others.
std::string_view reason_phrase(int status);

// Appends the whole response to `out`. `head_only` (a HEAD request) leaves the body out but
// keeps its Content-Length; `keep_alive` false adds "Connection: close".
void serialize(const Response& response, bool head_only, bool keep_alive, std::string& out);

// A JSON error the edge answers by itself (no handler ran): the host's error shape with a
// request id, "Connection: close". `extra` headers (e.g. Retry-After) are added.
std::string edge_error(int status, std::string_view code, std::string_view message,
                       std::string_view request_id,
                       const std::vector<std::pair<std::string, std::string>>& extra = {});

}  // namespace courthub::http::edge
