// SPDX-License-Identifier: Apache-2.0
// Placeholder: punches engineer (see /work/wt/COMMON.md).
