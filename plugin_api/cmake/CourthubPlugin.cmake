# SPDX-License-Identifier: Apache-2.0
# courthub_add_plugin(NAME <id> SOURCES <files...> [LIBRARIES <targets...>])
#
# Builds <id>.so as the host expects it: a MODULE library named after the plugin id, hidden
# visibility (COURTHUB_PLUGIN exports the one entry symbol), no undefined symbols, and static
# dependencies kept private. Works in the courthub tree and out of tree after
# find_package(courthub-plugin).
function(courthub_add_plugin)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "courthub_add_plugin needs NAME and SOURCES")
  endif()
  if(NOT ARG_NAME MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "courthub_add_plugin: plugin id '${ARG_NAME}' must match [a-z][a-z0-9_]*")
  endif()
  add_library(${ARG_NAME} MODULE ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE courthub::plugin_api ${ARG_LIBRARIES})
  target_compile_features(${ARG_NAME} PRIVATE cxx_std_20)
  set_target_properties(${ARG_NAME} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${ARG_NAME}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${ARG_NAME} PRIVATE -Wl,--no-undefined -Wl,--exclude-libs,ALL)
  if(DEFINED COURTHUB_PLUGIN_OUTPUT_DIR)
    set_target_properties(${ARG_NAME} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${COURTHUB_PLUGIN_OUTPUT_DIR})
  endif()
endfunction()
