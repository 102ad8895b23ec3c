# SPDX-License-Identifier: Apache-2.0
# Sanitizer and fuzzing builds (docs/testing.md). Each is its own build tree; ./dev test builds
# and runs them beside the normal one.
#
# COURTHUB_SANITIZE=address,undefined (or thread): every target of the tree — host, plugins, test
# plugins, tests, the DingTalk double — is compiled and linked with these sanitizers. UBSan does
# not recover: its first finding aborts the process, so it fails the test that caused it, as an
# ASan or TSan report does. The run-time options and the suppressions (third-party false
# positives only) are in tests/sanitizers/; ./dev exports them before building and testing.
#
# COURTHUB_FUZZ=ON (clang only): builds tests/fuzz/ — one libFuzzer executable per input parser —
# with everything compiled -fsanitize=fuzzer-no-link,address,undefined and the fuzz executables
# linked -fsanitize=fuzzer. Use it in a tree of its own with the tests, benches and pages off
# (./dev does): `cmake --build <tree> --target fuzz_targets`.
set(COURTHUB_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined or thread")
option(COURTHUB_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)

if(COURTHUB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "COURTHUB_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(COURTHUB_SANITIZE)
    message(FATAL_ERROR "COURTHUB_FUZZ brings its own sanitizers: leave COURTHUB_SANITIZE empty")
  endif()
  # Coverage feedback and the sanitizers in every object; the fuzzer's main only in tests/fuzz.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
elseif(COURTHUB_SANITIZE)
  if(COURTHUB_SANITIZE MATCHES "thread" AND COURTHUB_SANITIZE MATCHES "address")
    message(FATAL_ERROR "COURTHUB_SANITIZE: thread cannot be combined with address")
  endif()
  add_compile_options(-fsanitize=${COURTHUB_SANITIZE} -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${COURTHUB_SANITIZE})
  if(COURTHUB_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()
