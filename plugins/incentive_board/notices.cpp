// SPDX-License-Identifier: Apache-2.0
// Placeholder: the notices engineer writes this file.
#include "notices.hpp"
