// SPDX-License-Identifier: Apache-2.0
// Org from the directory: peer groups, judge counts, lookups.
