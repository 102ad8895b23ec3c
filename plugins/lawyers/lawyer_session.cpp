// SPDX-License-Identifier: Apache-2.0
// SKELETON: the identity part replaces these bodies.
#include "lawyer_session.hpp"

namespace lawyers {

Lawyer require_lawyer(const App&, const courthub::Request&, Need) {
  throw courthub::Error(courthub::Status::Unsupported, "identity is not built yet");
}

std::optional<Lawyer> find_lawyer(const courthub::Database&, int64_t) { return std::nullopt; }

std::string lawyer_mobile(const App&, int64_t) {
  throw courthub::Error(courthub::Status::Unsupported, "identity is not built yet");
}

}  // namespace lawyers
