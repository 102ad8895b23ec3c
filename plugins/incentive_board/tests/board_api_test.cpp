// SPDX-License-Identifier: Apache-2.0
// Placeholder: the plugin engineer writes these tests.
