# Helpers shared by every CMakeLists.txt of the project.

# weft_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>]
#               [TIMEOUT <seconds>] [GUI] [ENV <VAR=value...>])
# One executable per test file, registered with CTest. Every test gets the paths of the
# project's tools in its environment, so integration tests find weft-mock and weft-run without
# guessing. GUI tests run on the offscreen platform.
function(weft_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(env
        "WEFT_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
        "WEFT_EXAMPLES_DIR=${PROJECT_SOURCE_DIR}/resources/examples"
        "WEFT_TEST_DATA_DIR=${PROJECT_SOURCE_DIR}/tests/data"
        "WEFT_BUILD_DIR=${PROJECT_BINARY_DIR}"
        "WEFT_MOCK_BIN=$<TARGET_FILE:weft-mock>"
        "WEFT_RUN_BIN=$<TARGET_FILE:weft-run>"
        "QT_LOGGING_RULES=qt.qpa.*=false"
        # weft-run speaks the system's language; the tests read its English (a test of the
        # translation sets its own).
        "LANGUAGE=en"
        ${ARG_ENV})
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${env}")
endfunction()

# weft_assert_no_widgets(<target>)
# The core layer must never link Qt Widgets: the CLI and the tests drive the same core as the
# designer, on machines without a display (docs/architecture.md, principle 1). Walk the link
# libraries of the target transitively at configure time and stop the build if Widgets turns
# up anywhere.
function(weft_assert_no_widgets target)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(current MATCHES "Widgets|Qsci|QScintilla|Qt6::Gui$|Qt::Gui$")
            message(FATAL_ERROR
                "${target} links ${current}: the core layer must stay free of GUI libraries "
                "(docs/architecture.md, principle 1). Move the code that needs it into "
                "weft_widgets.")
        endif()
        if(TARGET ${current})
            get_target_property(aliased ${current} ALIASED_TARGET)
            if(aliased)
                list(APPEND queue ${aliased})
            endif()
            get_target_property(libs ${current} LINK_LIBRARIES)
            get_target_property(ilibs ${current} INTERFACE_LINK_LIBRARIES)
            foreach(lib IN LISTS libs ilibs)
                if(lib AND NOT lib MATCHES "NOTFOUND$" AND NOT lib MATCHES "^\\$<")
                    list(APPEND queue ${lib})
                endif()
            endforeach()
        endif()
    endwhile()
endfunction()

# weft_link_allocator(<executable>)
# Links jemalloc into an executable when WEFT_JEMALLOC is on. It must come before libc on the
# link line and be kept even with --as-needed: nothing names it, it only interposes malloc.
function(weft_link_allocator target)
    if(WEFT_JEMALLOC AND JEMALLOC_LIBRARY)
        target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
        target_link_libraries(${target} PRIVATE ${JEMALLOC_LIBRARY})
    endif()
endfunction()
