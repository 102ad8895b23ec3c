// SPDX-License-Identifier: Apache-2.0
// `courthub simulate`: signed DingTalk callbacks to a running host (the DingTalk channel).
#include <cstdio>

#include "host/cli/verbs.hpp"

namespace courthub::cli {

int simulate(const Args&) {
  std::fprintf(stderr, "courthub simulate: needs the DingTalk channel\n");
  return 2;
}

}  // namespace courthub::cli
