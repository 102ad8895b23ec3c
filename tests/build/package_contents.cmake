# SPDX-License-Identifier: Apache-2.0
# Builds the .deb with CPack and checks what it holds and declares.
# Run with: cmake -DBINARY_DIR=... -P package_contents.cmake
file(GLOB old ${BINARY_DIR}/courthub_*.deb)
if(old)
  file(REMOVE ${old})
endif()
execute_process(COMMAND cpack -G DEB WORKING_DIRECTORY ${BINARY_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()
file(GLOB debs ${BINARY_DIR}/courthub_*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one courthub_*.deb, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -c failed")
endif()
foreach(path ./usr/bin/courthub
             ./usr/lib/courthub/plugins/hello.so
             ./usr/lib/courthub/plugins/hello.ui/index.html
             ./usr/include/courthub/plugin_abi.h
             ./usr/include/courthub/plugin.hpp
             ./usr/include/courthub/testing.hpp
             ./usr/lib/cmake/courthub-plugin/courthub-plugin-config.cmake
             ./usr/lib/libcourthub_testing.a
             ./etc/courthub/courthub.yaml
             ./etc/courthub/courthub.env
             ./usr/lib/systemd/system/courthub.service
             ./usr/share/courthub/directory/courts.yaml
             ./usr/share/doc/courthub/README.md)
  string(FIND "${contents}" " ${path}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the package lacks ${path}:\n${contents}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -I ${debs} OUTPUT_VARIABLE info)
foreach(expected "Package: courthub" "Depends:" "libpoco" "postinst" "conffiles")
  string(FIND "${info}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "package control lacks '${expected}':\n${info}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Version OUTPUT_VARIABLE version)
message(STATUS "package ${debs} (version ${version}) holds every expected file")
