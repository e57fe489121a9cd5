# Fails when a folder of src/ has no folder of tests under tests/ at the same path, or when
# that folder is never built. The layout rule (docs/architecture.md, "Tests"): the tests of
# src/<top>/<area>/<unit>.cpp live in tests/<top>/<area>/tst_<unit>.cpp.
# Run as: cmake -DROOT=<repository> -P check_tests_mirror_src.cmake
#
# The level checked: a top folder of src/ with folders of its own (core, widgets, tools) is
# mirrored folder by folder; one without (mock, run, studio) as a whole. A mirror must have a
# CMakeLists.txt, and its parent's CMakeLists.txt must add it, or its tests would never run.
if(NOT ROOT)
    message(FATAL_ERROR "check_tests_mirror_src: give -DROOT=<repository>")
endif()

# Whether tests/<path> exists, has a CMakeLists.txt and is added by its parent's.
function(check_mirror path out)
    set(dir "${ROOT}/tests/${path}")
    get_filename_component(name "${path}" NAME)
    get_filename_component(parent "${dir}" DIRECTORY)
    if(NOT IS_DIRECTORY "${dir}")
        set(${out} "  src/${path}/ has no tests/${path}/" PARENT_SCOPE)
    elseif(NOT EXISTS "${dir}/CMakeLists.txt")
        set(${out} "  tests/${path}/ has no CMakeLists.txt" PARENT_SCOPE)
    else()
        file(READ "${parent}/CMakeLists.txt" parentList)
        # At the start of a line (after an if()'s indentation), so a commented-out one does not count.
        if(NOT parentList MATCHES "(^|\n)[ \t]*add_subdirectory\\([ \t]*${name}[ \t]*\\)")
            set(${out} "  tests/${path}/ is not added by the CMakeLists.txt above it" PARENT_SCOPE)
        else()
            set(${out} "" PARENT_SCOPE)
        endif()
    endif()
endfunction()

file(GLOB tops RELATIVE "${ROOT}/src" LIST_DIRECTORIES true "${ROOT}/src/*")
set(missing "")
set(checked 0)
foreach(top IN LISTS tops)
    if(NOT IS_DIRECTORY "${ROOT}/src/${top}")
        continue()
    endif()
    file(GLOB entries RELATIVE "${ROOT}/src/${top}" LIST_DIRECTORIES true "${ROOT}/src/${top}/*")
    set(areas "")
    foreach(entry IN LISTS entries)
        if(IS_DIRECTORY "${ROOT}/src/${top}/${entry}")
            list(APPEND areas "${top}/${entry}")
        endif()
    endforeach()
    if(NOT areas)
        set(areas "${top}")
    endif()
    foreach(path IN LISTS areas)
        check_mirror("${path}" problem)
        math(EXPR checked "${checked} + 1")
        if(problem)
            list(APPEND missing "${problem}")
        endif()
    endforeach()
endforeach()

if(missing)
    list(JOIN missing "\n" text)
    message(FATAL_ERROR "tests/ does not mirror src/:\n${text}\n"
                        "Put the tests of src/<path>/<unit>.cpp in tests/<path>/tst_<unit>.cpp.")
endif()
message(STATUS "tests/ mirrors all ${checked} folders of src/")
