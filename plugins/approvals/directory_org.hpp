// SPDX-License-Identifier: Apache-2.0
// DirectoryOrg: the Org questions answered by the host's directory (wrap it in an OrgCache).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org.hpp"
#include "org_cache.hpp"

namespace approvals {

class DirectoryOrg : public Org {
 public:
  explicit DirectoryOrg(const courthub::Directory& directory) : directory_(directory) {}

  std::optional<courthub::Person> person(const std::string& user_id) override;
  std::vector<courthub::Person> supervisors(const std::string& user_id) override;
  std::vector<courthub::Department> departments(const std::string& court_code) override;
  std::vector<courthub::Person> people_with_role(const std::string& court_code,
                                                 const std::string& role) override;

 private:
  const courthub::Directory& directory_;
};

namespace detail {
struct DirectoryOrgHolder {
  explicit DirectoryOrgHolder(const courthub::Directory& d) : direct(d) {}
  DirectoryOrg direct;
};
}  // namespace detail

// The directory as one request sees it: each question asked at most once. (The holder base is
// built first, so the cache wraps a live DirectoryOrg.)
class RequestOrg : private detail::DirectoryOrgHolder, public OrgCache {
 public:
  explicit RequestOrg(const courthub::Directory& directory)
      : detail::DirectoryOrgHolder(directory), OrgCache(direct) {}
};

}  // namespace approvals
