// SPDX-License-Identifier: Apache-2.0
// DirectoryOrg: Org over courthub::Directory.
#include "directory_org.hpp"

namespace approvals {

std::optional<courthub::Person> DirectoryOrg::person(const std::string& user_id) {
  if (user_id.empty()) return std::nullopt;
  return directory_.person(user_id);
}

std::vector<courthub::Person> DirectoryOrg::supervisors(const std::string& user_id) {
  return directory_.supervisors(user_id);
}

std::vector<courthub::Department> DirectoryOrg::departments(const std::string& court_code) {
  return directory_.departments(court_code);
}

std::vector<courthub::Person> DirectoryOrg::people_with_role(const std::string& court_code,
                                                             const std::string& role) {
  // An empty court would widen the query to the whole province; a person without a court
  // simply has nobody in that role.
  if (court_code.empty()) return {};
  return directory_.people({court_code, "", role});
}

}  // namespace approvals
