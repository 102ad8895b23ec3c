# SPDX-License-Identifier: Apache-2.0
# Installs the SDK from the build tree into a scratch prefix (stripped, as courthub-dev ships it),
# copies plugins/hello and builds its own CMakeLists.txt, unchanged, against it with
# find_package(courthub-plugin) (its tests too, through courthub::testing), runs those tests with
# ctest, loads the result with `courthub plugin check`, and has the host's configuration find it
# through COURTHUB_PLUGIN_DIR ahead of the bundled plugins.
# Run with: cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DWORK_DIR=... -P sdk_out_of_tree.cmake
file(REMOVE_RECURSE ${WORK_DIR})
set(PREFIX ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${PREFIX} --component sdk --strip)
foreach(f include/courthub/plugin_abi.h include/courthub/plugin.hpp include/courthub/testing.hpp
          lib/cmake/courthub-plugin/courthub-plugin-config.cmake
          lib/cmake/courthub-plugin/CourthubPlugin.cmake lib/libcourthub_testing.a)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "the installed SDK lacks ${f}")
  endif()
endforeach()

# A copy of the plugin's folder: nothing from the courthub tree is visible to this build.
file(COPY ${SOURCE_DIR}/plugins/hello DESTINATION ${WORK_DIR}/src)
run(${CMAKE_COMMAND} -S ${WORK_DIR}/src/hello -B ${WORK_DIR}/build
    -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build -j2)
if(NOT EXISTS ${WORK_DIR}/build/hello.so)
  message(FATAL_ERROR "the out-of-tree build made no hello.so")
endif()
run(${CMAKE_CTEST_COMMAND} --test-dir ${WORK_DIR}/build --output-on-failure)
string(REGEX MATCH "100% tests passed, 0 tests failed out of [1-9][0-9]*" passed "${LAST_OUTPUT}")
if(NOT passed)
  message(FATAL_ERROR "hello's own tests did not all run and pass:\n${LAST_OUTPUT}")
endif()
message(STATUS "hello's own tests passed against the installed harness: ${passed}")

run(${BINARY_DIR}/bin/courthub plugin check ${WORK_DIR}/build/hello.so)
foreach(expected "name:        hello" "plugin ABI:  2.3" "portable SQL: yes" "POST /apps/hello/greetings")
  string(FIND "${LAST_OUTPUT}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "plugin check output lacks '${expected}':\n${LAST_OUTPUT}")
  endif()
endforeach()

# In the host: a copy of the demo configuration, with the author's folder added to the search
# path, enables this hello.so (searched first) and validates its settings.
file(COPY ${SOURCE_DIR}/config/courthub.yaml DESTINATION ${WORK_DIR}/conf)
run(${CMAKE_COMMAND} -E env COURTHUB_PLUGIN_DIR=${WORK_DIR}/build
    ${BINARY_DIR}/bin/courthub check-config ${WORK_DIR}/conf/courthub.yaml)
string(FIND "${LAST_OUTPUT}" ": OK (6 plugin(s) enabled" ok)
string(FIND "${LAST_OUTPUT}" "  hello: ${WORK_DIR}/build/hello.so\n" ours)
string(FIND "${LAST_OUTPUT}" "  rooms: ${BINARY_DIR}/plugins/rooms.so\n" bundled)
if(ok EQUAL -1 OR ours EQUAL -1 OR bundled EQUAL -1)
  message(FATAL_ERROR "the host did not take the out-of-tree hello.so:\n${LAST_OUTPUT}")
endif()
message(STATUS "out-of-tree hello.so loads: ${WORK_DIR}/build/hello.so")
