; Clippings' Windows installer, made by scripts/windows.sh with NSIS (makensis):
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> clippings.nsi
; It installs for the user who runs it, without administrator rights, under
; %LOCALAPPDATA%\Programs\Clippings; adds a Start-menu entry with the icon, "Open with
; Clippings" for the formats Clippings imports, and an entry in Settings › Apps to uninstall.

Unicode true
; Clippings is a 64-bit program: its installer is one too (it runs where Clippings runs).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP "Clippings"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Clippings"
!define APP_KEY "Software\Classes\Applications\clippings-window.exe"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
Icon "${STAGE}\clippings.ico"
UninstallIcon "${STAGE}\clippings.ico"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

; The formats "Open with Clippings" is offered for: those Clippings imports.
!macro Formats DO
  !insertmacro ${DO} ".txt"
  !insertmacro ${DO} ".md"
  !insertmacro ${DO} ".html"
  !insertmacro ${DO} ".htm"
  !insertmacro ${DO} ".pdf"
  !insertmacro ${DO} ".docx"
  !insertmacro ${DO} ".odt"
  !insertmacro ${DO} ".eml"
  !insertmacro ${DO} ".jpg"
  !insertmacro ${DO} ".jpeg"
  !insertmacro ${DO} ".png"
  !insertmacro ${DO} ".webp"
  !insertmacro ${DO} ".tif"
  !insertmacro ${DO} ".tiff"
  !insertmacro ${DO} ".gif"
  !insertmacro ${DO} ".bmp"
!macroend

!macro OpenWith EXT
  WriteRegStr HKCU "${APP_KEY}\SupportedTypes" "${EXT}" ""
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithList\clippings-window.exe" "" ""
!macroend

!macro NoLongerOpenWith EXT
  DeleteRegKey HKCU "Software\Classes\${EXT}\OpenWithList\clippings-window.exe"
!macroend

Section "Clippings"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\clippings.exe"
  File "${STAGE}\clippings-window.exe"
  File "${STAGE}\clippings.ico"
  File "${STAGE}\README.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\clippings-window.exe" "" "$INSTDIR\clippings.ico" 0

  WriteRegStr HKCU "${APP_KEY}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "${APP_KEY}\DefaultIcon" "" "$INSTDIR\clippings.ico"
  WriteRegStr HKCU "${APP_KEY}\shell\open\command" "" '"$INSTDIR\clippings-window.exe" "%1"'
  !insertmacro Formats OpenWith

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Clippings developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\clippings.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The archive the user made (in %LOCALAPPDATA%\Clippings\data) is theirs: uninstalling leaves it.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\clippings.exe"
  Delete "$INSTDIR\clippings-window.exe"
  Delete "$INSTDIR\clippings.ico"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  !insertmacro Formats NoLongerOpenWith
  DeleteRegKey HKCU "${APP_KEY}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
