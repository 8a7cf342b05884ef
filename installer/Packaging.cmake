# Packaging, kept apart from the build of the code. Linux: DEB and TGZ through CPack.
# Windows: see installer/WINDOWS.md (windeployqt + CPack NSIS, run on a Windows build machine).
set(CPACK_PACKAGE_NAME "sunshine-plus")
set(CPACK_PACKAGE_VENDOR "Sunshine+")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "阳光扶贫+ 监管系统 (Sunshine+ poverty-relief supervision)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Sunshine+ developers")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's SQL drivers are plugins: shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "阳光扶贫+ 监管系统")
    set(CPACK_NSIS_PACKAGE_NAME "Sunshine+")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Sunshine+")
    set(CPACK_NSIS_CREATE_ICONS_EXTRA
        "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\阳光扶贫+.lnk' '$INSTDIR\\\\bin\\\\sunshine.exe'")
endif()
include(CPack)
