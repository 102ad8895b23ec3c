// SPDX-License-Identifier: Apache-2.0
// One call through the double: control or API, failure injection, routing, recording.
#pragma once

#include "tests/dingtalk_double/double_state.hpp"
#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

// The reply to `request`. API calls (everything outside /__double/) are recorded, including
// injected failures and 404s, before this returns. Never throws. Thread-safe.
ApiReply dispatch(DoubleState& state, const ApiRequest& request);

}  // namespace courthub::dingtalk_double
