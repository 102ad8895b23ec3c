// SPDX-License-Identifier: Apache-2.0
// PackedStrings and InternedIds: round trips, lookups, growth.
