// SPDX-License-Identifier: Apache-2.0
// placeholder until SDK 2.2
#include "routes.hpp"
