# The Windows installer: CPack's NSIS generator (`cpack -G NSIS` in the build directory, or
# `cpack --preset windows-nsis`). Included by packaging/CMakeLists.txt on Windows only, before
# include(CPack). Not yet tried: see docs/building.md, "Windows".

# Qt's own DLLs and plugins (the platform plugin, the SQLite and MySQL drivers, image formats)
# next to the executables, as windeployqt lays them out (qt_generate_deploy_app_script: Qt
# 6.5 or later, as vcpkg has); the other libraries vcpkg built (QScintilla, QtKeychain,
# spdlog, libmysql, OpenSSL…) are found among the executables' runtime dependencies.
foreach(target weft-studio weft-run)
    if(TARGET ${target})
        qt_generate_deploy_app_script(
            TARGET ${target}
            OUTPUT_SCRIPT deploy_${target}
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${deploy_${target}})
        install(TARGETS ${target} RUNTIME_DEPENDENCIES
                PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*"
                POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll"
                DIRECTORIES "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin"
                RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endforeach()
# The MSVC runtime, for machines without the Visual C++ redistributable.
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Weft")
set(CPACK_PACKAGE_EXECUTABLES "weft-studio" "Weft Studio")
set(CPACK_CREATE_DESKTOP_LINKS "weft-studio")
set(CPACK_NSIS_DISPLAY_NAME "Weft ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Weft")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
# weft-run on the PATH, so schedules and scripts can call it (asked during installation).
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_MENU_LINKS "share/doc/weft/README.md" "Weft README")
# An .ico for the installer and the start menu: NSIS takes no SVG. Rendering one from
# packaging/icons/weft.svg (as weft-render-icon renders the PNGs) is still to do.
