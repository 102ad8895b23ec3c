/* SPDX-License-Identifier: Apache-2.0 */
/* Test plugin: what a plugin built against the 1.0 SDK exports. Its table begins, as every
 * version's does, with {struct_size, abi_major, abi_minor}; the host must read no further and
 * refuse it, saying the plugin is older and needs a rebuild. Plain C, written against the 1.0
 * layout (frozen here), because the current header only describes 2.x. */
#include <stddef.h>
#include <stdint.h>

typedef struct v1_str {
  const char* data;
  size_t size;
} v1_str;

typedef struct v1_plugin_api {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  v1_str (*name)(void);
  v1_str (*version)(void);
  v1_str (*description)(void);
  uint64_t (*flags)(void);
  void* functions_after_flags[10]; /* create .. on_job in 1.0; never called */
} v1_plugin_api;

static v1_str name(void) {
  v1_str s = {"abi_v1_plugin", 13};
  return s;
}
static v1_str version(void) {
  v1_str s = {"1.4.2", 5};
  return s;
}
static uint64_t flags(void) { return 0; }

__attribute__((visibility("default"))) const v1_plugin_api* courthub_plugin_entry(
    uint32_t host_major, uint32_t host_minor) {
  static const v1_plugin_api table = {sizeof(v1_plugin_api), 1, 0, name, version, 0, flags, {0}};
  (void)host_major;
  (void)host_minor;
  return &table;
}
