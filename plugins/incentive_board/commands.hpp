// SPDX-License-Identifier: Apache-2.0
// Placeholder: the notices engineer writes this file (see /work/wt/COMMON.md).
#pragma once
