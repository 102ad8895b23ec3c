// SPDX-License-Identifier: Apache-2.0
// Placeholder: its owner writes these tests.
