// SPDX-License-Identifier: Apache-2.0
// Test plugin: a shared library that exports no courthub_plugin_entry.
extern "C" __attribute__((visibility("default"))) int not_a_courthub_plugin() { return 42; }
