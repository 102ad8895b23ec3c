// SPDX-License-Identifier: Apache-2.0
// Placeholder: the boards engineer writes this file.
#include "board_routes.hpp"
