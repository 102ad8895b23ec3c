// SPDX-License-Identifier: Apache-2.0
// Placeholder: the plugin engineer writes this file (see /work/wt/COMMON.md).
#pragma once
