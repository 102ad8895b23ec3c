// SPDX-License-Identifier: Apache-2.0
// The organisation as approvals needs it: who submits, and the directory questions a chain asks.
#pragma once

#include <courthub/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace approvals {

// Whoever an instance is opened for: the caller of a submit, or the originator named in another
// plugin's request.
struct Originator {
  std::string user_id;
  std::string name;
  std::string court_code;
  std::string dept_id;
  std::vector<std::string> roles;

  bool has_role(std::string_view role) const {
    for (auto& r : roles)
      if (r == role) return true;
    return false;
  }
  static Originator of(const courthub::Person& p) {
    return {p.user_id, p.name, p.court_code, p.dept_id, p.roles};
  }
};

// The directory questions. The plugin answers them from Host::directory(), remembering each
// answer for the length of one submission, so a chain costs one query per kind of question.
class Org {
 public:
  virtual ~Org() = default;
  virtual std::optional<courthub::Person> person(const std::string& user_id) = 0;
  // Nearest first: department head(s), the 分管院领导, the president.
  virtual std::vector<courthub::Person> supervisors(const std::string& user_id) = 0;
  virtual std::vector<courthub::Department> departments(const std::string& court_code) = 0;
  virtual std::vector<courthub::Person> people_with_role(const std::string& court_code,
                                                         const std::string& role) = 0;
};

}  // namespace approvals
