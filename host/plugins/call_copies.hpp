// SPDX-License-Identifier: Apache-2.0
// CallCopies: a call's arguments copied so that they outlive its caller.
//
// A request abandoned at its deadline keeps running on its plugin's lane thread after the
// caller has answered and its stack frame is gone, so everything the plugin may read is copied
// into storage the lane task shares. keep() returns views into that storage, valid while it
// lives. Threading: one thread at a time (filled by the caller before the hand-off).
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "courthub/plugin_abi.h"

namespace courthub::plugins {

class CallCopies {
 public:
  ch_str keep(ch_str s);
  // An array of `n` views, each copied; nullptr when n is 0.
  const ch_str* keep(const ch_str* items, size_t n);
  // The caller with its strings and roles copied; nullptr stays nullptr.
  const ch_caller* keep(const ch_caller* caller);

 private:
  std::deque<std::string> texts_;  // a deque: adding never moves what it holds
  std::deque<std::vector<ch_str>> arrays_;
  std::deque<ch_caller> callers_;
};

}  // namespace courthub::plugins
