// SPDX-License-Identifier: Apache-2.0
// The /__double/ endpoints: drive the double over HTTP from tests in other processes and demos.
#pragma once

#include <string_view>

#include "tests/dingtalk_double/double_state.hpp"
#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

inline constexpr std::string_view kControlPrefix = "/__double/";

// Answers one control call (path starts with kControlPrefix). Control calls are never recorded,
// never injected with failures and keep working in down mode. Thread-safe.
ApiReply answer_control(DoubleState& state, const ApiRequest& request);

}  // namespace courthub::dingtalk_double
