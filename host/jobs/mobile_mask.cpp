// SPDX-License-Identifier: Apache-2.0
#include "host/jobs/mobile_mask.hpp"

namespace courthub::jobs {

std::string mask_mobile(std::string_view mobile) {
  if (mobile.size() <= 7) return "****";
  return std::string(mobile.substr(0, 3)) + "****" + std::string(mobile.substr(mobile.size() - 4));
}

}  // namespace courthub::jobs
