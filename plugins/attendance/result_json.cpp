// SPDX-License-Identifier: Apache-2.0
// Placeholder: results engineer (see /work/wt/COMMON.md).
