// SPDX-License-Identifier: Apache-2.0
// Placeholder: the cases engineer writes this file.
#include "indicators.hpp"
