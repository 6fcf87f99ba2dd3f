; The Windows installer of the Newsdesk desktop (采编台), for a branch's IT department.
;
; Built by packaging/windows/build.sh (makensis -DVERSION=… -DSRCDIR=… -DOUTFILE=…) around the
; one-folder bundle. Chinese and English pages; for this user or for every user of the machine
; (/CurrentUser or /AllUsers on the command line); a Start-menu shortcut named 采编台; an
; uninstaller listed in Add/Remove Programs. Silent: newsdesk-VERSION-setup.exe /S /AllUsers
; /PRESET=\\server\it\branch.toml [/CA=\\server\it\newsroom-ca.pem] copies the branch preset
; (and its CA certificate) to %PROGRAMDATA%\Newsdesk\, where every desk reads it.
Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Give the version: makensis -DVERSION=x.y.z"
!endif
!ifndef SRCDIR
  !error "Give the bundle's folder: makensis -DSRCDIR=path/to/newsdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "newsdesk-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "${SRCDIR}\newsdesk.ico"
!endif

!define PRODUCT "Newsdesk"
!define PRODUCT_ZH "采编台"
!define PUBLISHER "Newsdesk"
!define EXE "newsdesk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Newsdesk"

; MultiUser: per machine (Program Files, needs an administrator) or per user (no rights needed).
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "Newsdesk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "Software\Newsdesk\Installer"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "Software\Newsdesk\Installer"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!if "${NSIS_PTR_SIZE}" > 4
  !define MULTIUSER_USE_PROGRAMFILES64
!endif
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include x64.nsh

Name "${PRODUCT} ${PRODUCT_ZH} ${VERSION}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${PRODUCT_ZH} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "Software\Newsdesk\Installer"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: a branch's desks are Chinese.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString PresetMissing ${LANG_SIMPCHINESE} "找不到分社预设文件：$0"
LangString PresetMissing ${LANG_ENGLISH} "The branch preset file cannot be found: $0"
LangString PresetFailed ${LANG_SIMPCHINESE} "无法把分社预设复制到 $1"
LangString PresetFailed ${LANG_ENGLISH} "The branch preset cannot be copied to $1"
LangString CaMissing ${LANG_SIMPCHINESE} "找不到 CA 证书文件：$0"
LangString CaMissing ${LANG_ENGLISH} "The CA certificate file cannot be found: $0"
LangString ShortcutComment ${LANG_SIMPCHINESE} "新媒体采编台"
LangString ShortcutComment ${LANG_ENGLISH} "Newsdesk, the editorial desktop"

Var PresetFile
Var CaFile

Function .onInit
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PRESET=" $PresetFile
  ${If} ${Errors}
    StrCpy $PresetFile ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/CA=" $CaFile
  ${If} ${Errors}
    StrCpy $CaFile ""
  ${EndIf}
  ; Checked before anything is installed, so a mistyped path installs nothing.
  ${If} $PresetFile != ""
    GetFullPathName $PresetFile $PresetFile
    StrCpy $0 $PresetFile
    ${IfNot} ${FileExists} $PresetFile
      MessageBox MB_ICONSTOP "$(PresetMissing)" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${EndIf}
  ${If} $CaFile != ""
    GetFullPathName $CaFile $CaFile
    StrCpy $0 $CaFile
    ${IfNot} ${FileExists} $CaFile
      MessageBox MB_ICONSTOP "$(CaMissing)" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Newsdesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}\*.*"
  File "/oname=newsdesk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT_ZH}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\newsdesk.ico" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_ZH} ${PRODUCT}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\newsdesk.ico"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" \
    '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  WriteRegStr SHCTX "Software\Newsdesk\Installer" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "Software\Newsdesk\Installer" "InstallMode" "$MultiUser.InstallMode"
SectionEnd

; The branch preset goes where every desk of this machine reads it, whoever installed.
Section "-Branch preset" SecPreset
  ReadEnvStr $1 "PROGRAMDATA"
  StrCpy $1 "$1\Newsdesk"
  ${If} $CaFile != ""
    CreateDirectory "$1"
    ${GetFileName} $CaFile $2
    ClearErrors
    CopyFiles /SILENT "$CaFile" "$1\$2"
    ${If} ${Errors}
      MessageBox MB_ICONSTOP "$(PresetFailed)" /SD IDOK
      SetErrorLevel 3
    ${EndIf}
  ${EndIf}
  ${If} $PresetFile != ""
    CreateDirectory "$1"
    ClearErrors
    CopyFiles /SILENT "$PresetFile" "$1\branch.toml"
    ${If} ${Errors}
      MessageBox MB_ICONSTOP "$(PresetFailed)" /SD IDOK
      SetErrorLevel 3
    ${EndIf}
  ${EndIf}
SectionEnd

; The preset in %PROGRAMDATA% stays: it is the branch's, not this installation's. Workspaces
; (the user's data folder) are never touched.
Section "Uninstall"
  Delete "$SMPROGRAMS\${PRODUCT_ZH}.lnk"
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    RMDir /r "$INSTDIR"
  ${EndIf}
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "Software\Newsdesk\Installer"
SectionEnd
