# SPDX-License-Identifier: Apache-2.0
# Builds the two .debs with CPack (courthub: the host; courthub-dev: the SDK) and checks what each
# holds, lacks and declares; then runs lintian on them when it is installed (errors fail).
# Run with: cmake -DBINARY_DIR=... -P package_contents.cmake
set(OUT ${BINARY_DIR}/packages)
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND cpack -G DEB -B ${OUT} WORKING_DIRECTORY ${BINARY_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()

# The H5 pages this tree built (docs/pages.md; none with -DCOURTHUB_BUILD_WEB=OFF): the kit in
# /usr/share/courthub/web/kit, each plugin's built <name>.ui/ beside its .so.
set(web_files "")
if(EXISTS ${BINARY_DIR}/share/courthub/web/kit/kit.js)
  foreach(f vue.js vant.js echarts.js kit.js kit.css workbench.html)
    list(APPEND web_files ./usr/share/courthub/web/kit/${f})
  endforeach()
endif()
file(GLOB built_apps RELATIVE ${BINARY_DIR}/plugins ${BINARY_DIR}/plugins/*.ui/app.json)
foreach(app ${built_apps})
  get_filename_component(ui ${app} DIRECTORY)
  list(APPEND web_files ./usr/lib/courthub/plugins/${app}
                        ./usr/lib/courthub/plugins/${ui}/index.html)
endforeach()

# Checks one package: every path in HAS is in it, no path containing an item of LACKS is, and
# its control data contains every item of DECLARES.
function(check_package name)
  cmake_parse_arguments(ARG "" "" "HAS;LACKS;DECLARES" ${ARGN})
  file(GLOB deb ${OUT}/${name}_*.deb)
  list(LENGTH deb n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one ${name}_*.deb in ${OUT}, found: ${deb}")
  endif()
  execute_process(COMMAND dpkg-deb -c ${deb} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -c ${deb} failed")
  endif()
  foreach(path ${ARG_HAS})
    string(FIND "${contents}" " ${path}\n" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name} lacks ${path}:\n${contents}")
    endif()
  endforeach()
  foreach(part ${ARG_LACKS})
    string(FIND "${contents}" "${part}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${name} must not hold ${part}:\n${contents}")
    endif()
  endforeach()
  execute_process(COMMAND dpkg-deb -I ${deb} OUTPUT_VARIABLE info)
  foreach(expected ${ARG_DECLARES})
    string(FIND "${info}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}'s control data lacks '${expected}':\n${info}")
    endif()
  endforeach()
  file(SIZE ${deb} bytes)
  math(EXPR kib "${bytes} / 1024")
  message(STATUS "${deb}: ${kib} KiB, holds and declares what it should")
  set(${name}_contents "${contents}" PARENT_SCOPE)
  set(${name}_deb "${deb}" PARENT_SCOPE)
endfunction()

check_package(courthub
  HAS ./usr/bin/courthub
      ./usr/lib/courthub/plugins/hello.so
      ./usr/lib/courthub/plugins/hello.ui/index.html
      ./usr/lib/courthub/plugins/rooms.so
      ./usr/lib/courthub/plugins/approvals.so
      ./usr/lib/courthub/plugins/incentive_board.so
      ./usr/lib/courthub/plugins/attendance.so
      ./usr/lib/courthub/plugins/lawyers.so
      ./etc/courthub/courthub.yaml
      ./etc/courthub/courthub.env
      ./usr/lib/systemd/system/courthub.service
      ./usr/share/courthub/directory/courts.yaml
      ${web_files}
      ./usr/share/man/man1/courthub.1.gz
      ./usr/share/doc/courthub/copyright
      ./usr/share/doc/courthub/changelog.Debian.gz
      ./usr/share/doc/courthub/README.md
  LACKS /usr/include/ libcourthub_testing.a /usr/lib/cmake/
  DECLARES "Package: courthub\n" "Section: net" "tzdata" "libpoco" "libyaml-cpp" "adduser"
           "postinst" "conffiles")
check_package(courthub-dev
  HAS ./usr/include/courthub/plugin_abi.h
      ./usr/include/courthub/plugin.hpp
      ./usr/include/courthub/testing.hpp
      ./usr/lib/cmake/courthub-plugin/courthub-plugin-config.cmake
      ./usr/lib/cmake/courthub-plugin/courthub-plugin-config-version.cmake
      ./usr/lib/cmake/courthub-plugin/courthub-testing-targets.cmake
      ./usr/lib/libcourthub_testing.a
      ./usr/share/doc/courthub-dev/copyright
      ./usr/share/doc/courthub-dev/changelog.Debian.gz
  LACKS /usr/bin/ /usr/lib/courthub/ /etc/
  DECLARES "Package: courthub-dev\n" "Section: libdevel" "courthub (= " "libpoco-dev")

# Stripped: with its debug information the testing library is about 170 MB; stripped, under 20.
string(REGEX MATCH "[0-9]+ [0-9-]+ [0-9:]+ \\./usr/lib/libcourthub_testing\\.a" line
       "${courthub-dev_contents}")
string(REGEX MATCH "^[0-9]+" size "${line}")
if(NOT size OR size GREATER 40000000)
  message(FATAL_ERROR "libcourthub_testing.a in courthub-dev is not stripped (${size} bytes)")
endif()

find_program(LINTIAN lintian)
if(NOT LINTIAN)
  message(STATUS "SKIPPED lintian: not installed (apt-get install lintian to run it)")
  return()
endif()
execute_process(COMMAND ${LINTIAN} --allow-root --fail-on error ${courthub_deb} ${courthub-dev_deb}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lintian found errors (exit ${rc}):\n${out}\n${err}")
endif()
message(STATUS "lintian: no errors\n${out}")
