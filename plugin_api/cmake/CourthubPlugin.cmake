# SPDX-License-Identifier: Apache-2.0
# courthub_add_plugin(NAME <id> SOURCES <files...> [LIBRARIES <targets...>] [UI <folder>])
#
# Builds <id>.so as the host expects it: a MODULE library named after the plugin id, hidden
# visibility (COURTHUB_PLUGIN exports the one entry symbol), no undefined symbols, and static
# dependencies kept private. Works in the courthub tree and out of tree after
# find_package(courthub-plugin).
#
# UI names the plugin's pages (its built H5 folder); it is copied beside <id>.so as <id>.ui/,
# where the host serves it under /apps/<id>/ui/. Install it there too:
#   install(DIRECTORY ui/ DESTINATION <plugin dir>/<id>.ui)
function(courthub_add_plugin)
  cmake_parse_arguments(ARG "" "NAME;UI" "SOURCES;LIBRARIES" ${ARGN})
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
  target_link_options(${ARG_NAME} PRIVATE -Wl,--exclude-libs,ALL)
  # Every symbol resolved at link time, except in courthub's fuzzing build, where clang leaves
  # the sanitizer runtime to the executable that loads the plugin (cmake/Sanitizers.cmake).
  if(NOT COURTHUB_FUZZ)
    target_link_options(${ARG_NAME} PRIVATE -Wl,--no-undefined)
  endif()
  if(DEFINED COURTHUB_PLUGIN_OUTPUT_DIR)
    set_target_properties(${ARG_NAME} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${COURTHUB_PLUGIN_OUTPUT_DIR})
  endif()
  if(ARG_UI)
    get_filename_component(ui "${ARG_UI}" ABSOLUTE)
    add_custom_command(TARGET ${ARG_NAME} POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E remove_directory $<TARGET_FILE_DIR:${ARG_NAME}>/${ARG_NAME}.ui
      COMMAND ${CMAKE_COMMAND} -E copy_directory ${ui} $<TARGET_FILE_DIR:${ARG_NAME}>/${ARG_NAME}.ui
      COMMENT "Copying ${ARG_NAME}'s pages beside ${ARG_NAME}.so")
  endif()
endfunction()
