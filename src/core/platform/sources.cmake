# Everything that differs between operating systems: the rest of the code includes no
# POSIX or Windows header (tests/core/platform/check_platform_headers.cmake checks it).
set(WEFT_CORE_platform_SOURCES
    filepermissions.cpp filepermissions.h
    paths.cpp paths.h
    processidentity.cpp processidentity.h
    terminal.cpp terminal.h
    terminationsignal.cpp terminationsignal.h
    threadpriority.cpp threadpriority.h
)
