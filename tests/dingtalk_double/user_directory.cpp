// SPDX-License-Identifier: Apache-2.0
// The double's organisation: users and their single-use auth codes.
#include "tests/dingtalk_double/user_directory.hpp"

#include <stdexcept>

#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {

void UserDirectory::add(const Json& user) {
  if (!user.is_object()) throw std::invalid_argument("a user must be a JSON object");
  std::string userid = json::get<std::string>(user, "userid");
  if (userid.empty()) {
    throw std::invalid_argument("a user needs a non-empty string \"userid\", got: " + user.dump());
  }
  std::lock_guard lock(mutex_);
  users_[userid] = user;
}

std::optional<Json> UserDirectory::find(const std::string& userid) const {
  std::lock_guard lock(mutex_);
  auto it = users_.find(userid);
  if (it == users_.end()) return std::nullopt;
  return it->second;
}

std::string UserDirectory::issue_code(const std::string& userid, int64_t now_ms) {
  std::string code = random_hex(16);
  std::lock_guard lock(mutex_);
  if (!users_.contains(userid)) {
    throw std::invalid_argument("no user \"" + userid +
                                "\" in the DingTalk double; add the user before issuing a code");
  }
  std::erase_if(codes_, [&](const auto& kv) { return kv.second.expires_at_ms <= now_ms; });
  codes_[code] = IssuedCode{userid, now_ms + kAuthCodeTtlMs};
  return code;
}

std::optional<Json> UserDirectory::redeem(const std::string& code, int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto it = codes_.find(code);
  if (it == codes_.end()) return std::nullopt;
  IssuedCode issued = it->second;
  codes_.erase(it);  // single use, whether or not it was still valid
  if (now_ms >= issued.expires_at_ms) return std::nullopt;
  auto user = users_.find(issued.userid);
  if (user == users_.end()) return std::nullopt;
  return user->second;
}

void UserDirectory::clear_codes() {
  std::lock_guard lock(mutex_);
  codes_.clear();
}

void UserDirectory::add_department(const Json& department) {
  const Json* id = json::find(department, "dept_id");
  if (!department.is_object() || !id || !id->is_number()) {
    throw std::invalid_argument("a department needs a numeric \"dept_id\"");
  }
  std::lock_guard lock(mutex_);
  departments_[id->get<int64_t>()] = department;
}

std::optional<Json> UserDirectory::find_department(int64_t dept_id) const {
  std::lock_guard lock(mutex_);
  auto it = departments_.find(dept_id);
  if (it == departments_.end()) return std::nullopt;
  return it->second;
}

}  // namespace courthub::dingtalk_double
