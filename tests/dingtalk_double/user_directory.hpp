// SPDX-License-Identifier: Apache-2.0
// The double's organisation: users by userid, and the single-use 免登 auth codes issued for them.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "courthub/json.hpp"

namespace courthub::dingtalk_double {

// DingTalk does not publish the lifetime of a requestAuthCode code; about 5 minutes by community
// accounts (protocol doc §6). A host that caches codes longer than this is wrong either way.
inline constexpr int64_t kAuthCodeTtlMs = 5 * 60 * 1000;

class UserDirectory {
 public:
  // Adds or replaces a user: a JSON object with a non-empty string "userid" ("name",
  // "dept_id_list", "mobile", "unionid", ... are kept as given). Throws std::invalid_argument
  // otherwise. Thread-safe.
  void add(const Json& user);

  // Thread-safe.
  std::optional<Json> find(const std::string& userid) const;

  // A fresh code for `userid`, redeemable once until now_ms + kAuthCodeTtlMs. Throws
  // std::invalid_argument when the user is unknown (add the user first). Thread-safe.
  std::string issue_code(const std::string& userid, int64_t now_ms);

  // The user the code was issued for, consuming the code; nullopt when unknown, already used or
  // expired. Thread-safe.
  std::optional<Json> redeem(const std::string& code, int64_t now_ms);

  // Forgets outstanding codes; users stay. Thread-safe.
  void clear_codes();

  // Adds or replaces a department ({"dept_id": N, "name", "parent_id"}). Throws
  // std::invalid_argument without a numeric "dept_id". Thread-safe.
  void add_department(const Json& department);
  // Thread-safe.
  std::optional<Json> find_department(int64_t dept_id) const;

 private:
  struct IssuedCode {
    std::string userid;
    int64_t expires_at_ms;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Json> users_;
  std::map<int64_t, Json> departments_;
  std::map<std::string, IssuedCode> codes_;
};

}  // namespace courthub::dingtalk_double
