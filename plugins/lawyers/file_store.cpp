// SPDX-License-Identifier: Apache-2.0
// SKELETON: the filings part replaces these bodies.
#include "file_store.hpp"

namespace lawyers {

StoredFile store_file(const App&, std::string_view, std::string_view, const std::string&) {
  throw courthub::Error(courthub::Status::Unsupported, "the file store is not built yet");
}

std::string read_file(const App&, const std::string& sha256) {
  throw courthub::NotFound("no file " + sha256);
}

bool owns_file(const courthub::Database&, const std::string&, const std::string&) {
  return false;
}

}  // namespace lawyers
