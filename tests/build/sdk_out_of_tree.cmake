# SPDX-License-Identifier: Apache-2.0
# Installs the SDK from the build tree into a scratch prefix, builds plugins/hello out of tree
# against it with find_package(courthub-plugin) (its own tests too, through courthub::testing),
# runs those tests, and loads the result with `courthub plugin check`.
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

run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${PREFIX} --component sdk)
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
run(${WORK_DIR}/build/hello_test)
message(STATUS "hello's own tests passed against the installed harness")

run(${BINARY_DIR}/bin/courthub plugin check ${WORK_DIR}/build/hello.so)
foreach(expected "name:        hello" "plugin ABI:  1.0" "POST /apps/hello/greetings")
  string(FIND "${LAST_OUTPUT}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "plugin check output lacks '${expected}':\n${LAST_OUTPUT}")
  endif()
endforeach()
message(STATUS "out-of-tree hello.so loads: ${WORK_DIR}/build/hello.so")
