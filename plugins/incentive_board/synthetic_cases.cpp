// SPDX-License-Identifier: Apache-2.0
// Placeholder: the synthetic engineer writes this file.
#include "synthetic_cases.hpp"
