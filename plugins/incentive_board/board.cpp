// SPDX-License-Identifier: Apache-2.0
// Placeholder: the scoring engineer writes this file.
#include "board.hpp"
