// SPDX-License-Identifier: Apache-2.0
// How a mobile number appears anywhere but in the SMS gateway's request: 138****5678.
//
// Pure; any thread. Never fails.
#pragma once

#include <string>
#include <string_view>

namespace courthub::jobs {

// The first 3 and last 4 characters with **** between; anything of 7 characters or fewer
// becomes "****" (too short to mask and still hide something).
std::string mask_mobile(std::string_view mobile);

}  // namespace courthub::jobs
