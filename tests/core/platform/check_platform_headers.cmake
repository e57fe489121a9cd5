# Fails when a file of src/ outside the platform layer includes a header that exists only on
# POSIX systems (or only on Windows): such code would not build on the other platform.
# Run as: cmake -DSOURCE_DIR=<repository>/src -P check_platform_headers.cmake
#
# Allowed, each for its reason:
#   src/core/platform/  the platform layer: where such headers belong.
#   src/mock/           weft-mock, a test server for Linux (CI, demo, benchmarks); it shares
#                       no code with the product and is not shipped.
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "check_platform_headers: give -DSOURCE_DIR=<repository>/src")
endif()

set(forbidden
    "unistd\\.h" "sys/[a-z_/]+\\.h" "signal\\.h" "csignal" "fcntl\\.h" "pwd\\.h" "grp\\.h"
    "dlfcn\\.h" "termios\\.h" "poll\\.h" "dirent\\.h" "pthread\\.h" "sched\\.h" "semaphore\\.h"
    "spawn\\.h" "syslog\\.h" "netdb\\.h" "netinet/[a-z_]+\\.h" "arpa/[a-z_]+\\.h" "libgen\\.h"
    "glob\\.h" "fnmatch\\.h" "io\\.h" "windows\\.h" "winsock2?\\.h" "process\\.h" "direct\\.h")
list(JOIN forbidden "|" alternatives)
set(pattern "#[ \t]*include[ \t]*<(${alternatives})>")

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*.h" "${SOURCE_DIR}/*.cpp")
set(found "")
foreach(source IN LISTS sources)
    if(source MATCHES "^(core/platform|mock)/")
        continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${source}" lines REGEX "${pattern}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        list(APPEND found "  src/${source}: ${line}")
    endforeach()
endforeach()

list(LENGTH sources count)
if(found)
    list(JOIN found "\n" report)
    message(FATAL_ERROR "platform headers outside src/core/platform/ (move the code that needs "
                        "them into the platform layer):\n${report}")
endif()
message(STATUS "${count} files of src/ checked: platform headers only in src/core/platform/")
