// SPDX-License-Identifier: Apache-2.0
// CallCopies: deep copies of ABI views.
#include "host/plugins/call_copies.hpp"

namespace courthub::plugins {

ch_str CallCopies::keep(ch_str s) {
  if (s.size == 0) return ch_str{"", 0};
  const std::string& copy = texts_.emplace_back(s.data, s.size);
  return ch_str{copy.data(), copy.size()};
}

const ch_str* CallCopies::keep(const ch_str* items, size_t n) {
  if (n == 0 || !items) return nullptr;
  std::vector<ch_str>& copy = arrays_.emplace_back(items, items + n);
  for (ch_str& s : copy) s = keep(s);
  return copy.data();
}

const ch_caller* CallCopies::keep(const ch_caller* caller) {
  if (!caller) return nullptr;
  ch_caller& copy = callers_.emplace_back(*caller);
  copy.user_id = keep(caller->user_id);
  copy.name = keep(caller->name);
  copy.court_code = keep(caller->court_code);
  copy.dept_id = keep(caller->dept_id);
  copy.title = keep(caller->title);
  copy.roles = keep(caller->roles, caller->role_count);
  copy.audience = keep(caller->audience);
  return &copy;
}

}  // namespace courthub::plugins
