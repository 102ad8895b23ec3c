// SPDX-License-Identifier: Apache-2.0
// The rules doc's example shift (08:30–12:00, 13:30–17:30, default settings) and "HH:MM" as
// minutes, shared by the rules' unit tests.
#pragma once

#include "shift.hpp"

namespace attendance::testing {

constexpr int hm(int h, int m) { return h * 60 + m; }

inline const Shift& example_shift() {
  static const Shift s = [] {
    Shift x;
    x.id = "winter";
    x.name = "冬季作息";
    x.sections = {{hm(8, 30), hm(12, 0)}, {hm(13, 30), hm(17, 30)}};
    return x;
  }();
  return s;
}

}  // namespace attendance::testing
