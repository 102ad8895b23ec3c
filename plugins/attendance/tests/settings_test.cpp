// SPDX-License-Identifier: Apache-2.0
// Placeholder: groups engineer.
