// SPDX-License-Identifier: Apache-2.0
// OrgCache: answers each directory question once per submission or action.
//
// A chain of three supervisor steps, a 庭长 step and a department field all ask the same few
// questions; wrapped in an OrgCache they cost one directory query per kind of question. The
// cache lives only as long as the request that made it (the directory changes with contact
// events), so it never serves a stale organisation for long.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "org.hpp"

namespace approvals {

class OrgCache : public Org {
 public:
  explicit OrgCache(Org& source) : source_(source) {}

  std::optional<courthub::Person> person(const std::string& user_id) override;
  std::vector<courthub::Person> supervisors(const std::string& user_id) override;
  std::vector<courthub::Department> departments(const std::string& court_code) override;
  std::vector<courthub::Person> people_with_role(const std::string& court_code,
                                                 const std::string& role) override;

 private:
  Org& source_;
  std::map<std::string, std::optional<courthub::Person>> people_;
  std::map<std::string, std::vector<courthub::Person>> supervisors_;
  std::map<std::string, std::vector<courthub::Department>> departments_;
  std::map<std::pair<std::string, std::string>, std::vector<courthub::Person>> roles_;
};

}  // namespace approvals
