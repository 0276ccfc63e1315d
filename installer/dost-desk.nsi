; DOST Desk installer (NSIS 3, Modern UI 2): per-machine, 64-bit, silent-capable.
;
;   makensis /DVERSION=0.1.0 /DDIST_DIR=..\dist\dost-desk [/DOUT_FILE=setup.exe] dost-desk.nsi
;
; VERSION   the app version (dost_desk/__init__.py), shown in "Apps & features";
; DIST_DIR  the PyInstaller one-dir folder (dost-desk.exe, dost-desk-cli.exe, _internal\).
; build_installer.sh / build_installer.ps1 pass both. See README.md beside this file for the
; silent-install parameters and the exit codes.
;
; Data never lives in $INSTDIR: the database and printed archive are in the user's AppData (or
; the data_dir of the config), the machine config in C:\ProgramData\DOST\dost-desk. An upgrade
; replaces the program files only; the uninstaller leaves the data and the config behind.

!ifdef TARGET ; e.g. /DTARGET=amd64-unicode (default: the well-trodden x86-unicode stub)
  Target ${TARGET}
!else
  Unicode true
!endif
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "pass the version: makensis /DVERSION=x.y.z ..."
!endif
!ifndef DIST_DIR
  !error "pass the PyInstaller folder: makensis /DDIST_DIR=path\to\dist\dost-desk ..."
!endif
!ifndef VERSION_NUMBER ; VERSION as numeric X.Y.Z (0.2.0 for 0.2.0rc1): compared, and the exe resource
  !define VERSION_NUMBER "${VERSION}"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "dost-desk-${VERSION}-setup.exe"
!endif

; Code signing of the uninstaller (written at compile time): the build scripts pass a command
; that signs the file named after it, when a certificate is configured.
!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

!define APP_NAME "DOST Desk"
!define PUBLISHER "DOST"
!define MAIN_EXE "dost-desk.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DOST Desk"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define CONFIG_ENV "DOST_DESK_CONFIG"
; Exit codes besides NSIS's own (0 done, 1 cancelled, 2 aborted).
!define EXIT_NEWER_INSTALLED 3
!define EXIT_BAD_PARAMETER 4
!define EXIT_APP_RUNNING 5

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "WinMessages.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUMBER}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

Var ConfigDir        ; C:\ProgramData\DOST\dost-desk
Var ConfigFile       ; ...\config.toml
Var InstalledVersion ; from the Uninstall key, "" when not installed

!define MUI_ABORTWARNING
; Started through Explorer: as the signed-in user, not elevated like the installer, and with
; the environment Explorer re-read after WM_SETTINGCHANGE (DOST_DESK_CONFIG).
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchAsUser
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function LaunchAsUser
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${MAIN_EXE}"'
FunctionEnd

; -- helpers -----------------------------------------------------------------------------------

; Write a string as UTF-8 (NSIS's FileWrite would use the ANSI code page and lose "ə").
; FileOpen's handle is a Win32 file handle, so WriteFile can take it.
!macro WriteUTF8 HANDLE TEXT
  Push $R7
  Push $R8
  Push $R9
  StrCpy $R9 "${TEXT}"
  System::Call 'kernel32::WideCharToMultiByte(i 65001, i 0, w R9, i -1, p 0, i 0, p 0, p 0) i .R8'
  ${If} $R8 > 1
    System::Alloc $R8
    Pop $R7
    System::Call 'kernel32::WideCharToMultiByte(i 65001, i 0, w R9, i -1, p R7, i R8, p 0, p 0)'
    IntOp $R8 $R8 - 1 ; without the terminating NUL
    System::Call 'kernel32::WriteFile(p ${HANDLE}, p R7, i R8, *i .R9, p 0)'
    System::Free $R7
  ${EndIf}
  Pop $R9
  Pop $R8
  Pop $R7
!macroend

; Fail: a message box (skipped in silent mode) and the message in %TEMP%\dost-desk-setup.log
; (for silent installs), then quit with an exit code.
!macro Fail CODE MESSAGE
  Push $9
  FileOpen $9 "$TEMP\dost-desk-setup.log" w
  !insertmacro WriteUTF8 $9 "exit code ${CODE}: ${MESSAGE}$\r$\n"
  FileClose $9
  Pop $9
  MessageBox MB_OK|MB_ICONSTOP "${MESSAGE}" /SD IDOK
  SetErrorLevel ${CODE}
  Quit
!macroend

; A TOML basic string: backslashes and double quotes escaped, quoted.
!macro TomlString VALUE OUT
  ${WordReplace} "${VALUE}" "\" "\\" "+" ${OUT}
  ${WordReplace} "${OUT}" '"' '\"' "+" ${OUT}
  StrCpy ${OUT} '"${OUT}"'
!macroend

; $0 = "1" when VALUE is a letter A-E (upper-cased into VALUE), else "0".
!macro CheckCategoryLetter VALUE
  ${StrFilter} "${VALUE}" "+" "" "" ${VALUE}
  StrCpy $0 0
  ${If} ${VALUE} S== "A"
  ${OrIf} ${VALUE} S== "B"
  ${OrIf} ${VALUE} S== "C"
  ${OrIf} ${VALUE} S== "D"
  ${OrIf} ${VALUE} S== "E"
    StrCpy $0 1
  ${EndIf}
!macroend

; ${Param} "NAME" $out: the value of /NAME=value on the command line (error flag set when
; absent). Unlike FileFunc's GetOptions, slashes inside a value are kept (URLs, paths); quote
; a value with spaces either way: /CENTRE_NAME="Bakı 1" or "/CENTRE_NAME=Bakı 1".
!macro ParamCall NAME OUT
  Push "/${NAME}="
  Call GetParam
  Pop ${OUT}
!macroend
!define Param "!insertmacro ParamCall"

Function GetParam
  Exch $1 ; "/NAME="
  Push $0
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  ${GetParameters} $0
  StrLen $4 $1
  StrCpy $2 0
  StrCpy $5 "" ; the character that ends the value, once found
  search:
    StrCpy $3 $0 $4 $2
    StrCmp $3 "" absent
    StrCmp $3 $1 0 next ; StrCmp ignores case
    IntCmp $2 0 unquoted
    IntOp $6 $2 - 1
    StrCpy $3 $0 1 $6
    StrCmp $3 " " unquoted
    StrCmp $3 '"' quoted
  next:
    IntOp $2 $2 + 1
    Goto search
  unquoted: ; /NAME=value or /NAME="value"
    IntOp $2 $2 + $4
    StrCpy $5 " "
    StrCpy $3 $0 1 $2
    StrCmp $3 '"' 0 scan
    IntOp $2 $2 + 1
  quoted: ; "/NAME=value"
    StrCmp $5 " " +2
    IntOp $2 $2 + $4
    StrCpy $5 '"'
  scan:
    StrCpy $6 $2
  scan_next:
    StrCpy $3 $0 1 $2
    StrCmp $3 "" scan_end
    StrCmp $3 $5 scan_end
    IntOp $2 $2 + 1
    Goto scan_next
  scan_end:
    IntOp $2 $2 - $6
    StrCpy $1 $0 $2 $6
    ClearErrors
    Goto done
  absent:
    StrCpy $1 ""
    SetErrors
  done:
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $0
  Exch $1
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    !insertmacro Fail 2 "${APP_NAME} needs 64-bit Windows."
  ${EndIf}
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "Admin"
    !insertmacro Fail 2 "Installing ${APP_NAME} for every user of this computer needs administrator rights."
  ${EndIf}
  SetRegView 64
  SetShellVarContext all ; $APPDATA is now C:\ProgramData; shortcuts for all users
  StrCpy $ConfigDir "$APPDATA\DOST\dost-desk"
  StrCpy $ConfigFile "$ConfigDir\config.toml"

  ; Never downgrade: a newer version may have migrated the database beyond this one.
  ReadRegStr $InstalledVersion HKLM "${UNINST_KEY}" "DisplayVersion"
  ReadRegStr $1 HKLM "${UNINST_KEY}" "VersionNumber"
  ${If} $1 == ""
    StrCpy $1 $InstalledVersion
  ${EndIf}
  ${If} $1 != ""
    ${VersionCompare} "$1" "${VERSION_NUMBER}" $2
    ${If} $2 == 1
      !insertmacro Fail ${EXIT_NEWER_INSTALLED} "${APP_NAME} $InstalledVersion is installed, which is newer than ${VERSION}.$\r$\nInstalling an older version over it is refused (its database may already use the newer schema); nothing was changed."
    ${EndIf}
  ${EndIf}
  Call CheckParameters
FunctionEnd

; Validate the command-line parameters before anything is written.
Function CheckParameters
  ClearErrors
  ${Param} "CONFIG" $1
  ${IfNot} ${Errors}
    ${IfNot} ${FileExists} "$1"
      !insertmacro Fail ${EXIT_BAD_PARAMETER} "The configuration file given with /CONFIG= was not found: $1$\r$\nNothing was installed."
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${Param} "CENTRE_CODE" $1
  ${IfNot} ${Errors}
    StrLen $2 $1
    StrCpy $3 $1 1
    StrCpy $4 $1 "" 1
    ${StrFilter} "$4" "1" "" "" $5 ; the digits of the rest
    !insertmacro CheckCategoryLetter $3
    ${If} $0 != 1
    ${OrIf} $2 < 2
    ${OrIf} $2 > 5
    ${OrIf} $5 != $4
      !insertmacro Fail ${EXIT_BAD_PARAMETER} "/CENTRE_CODE=$1 is not a centre code (a letter A-E and 1-4 digits, e.g. C123).$\r$\nNothing was installed."
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${Param} "CENTRE_CATEGORY" $1
  ${IfNot} ${Errors}
    StrLen $2 $1
    !insertmacro CheckCategoryLetter $1
    ${If} $0 != 1
    ${OrIf} $2 != 1
      !insertmacro Fail ${EXIT_BAD_PARAMETER} "/CENTRE_CATEGORY=$1 is not a centre category (a letter A-E).$\r$\nNothing was installed."
    ${EndIf}
  ${EndIf}
FunctionEnd

; Refuse to overwrite the program while it runs (its files are locked, and a half-replaced
; _internal folder would not start).
Function CheckNotRunning
  ${If} ${FileExists} "$INSTDIR\${MAIN_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${MAIN_EXE}" a
    ${If} ${Errors}
      !insertmacro Fail ${EXIT_APP_RUNNING} "${APP_NAME} is running. Close it on every session of this computer and run the installer again; nothing was changed."
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd

; -- the machine configuration -----------------------------------------------------------------

; Write one `key = "value"` line when the option was given on the command line.
!macro ConfigLine HANDLE OPTION KEY
  ClearErrors
  ${Param} "${OPTION}" $1
  ${IfNot} ${Errors}
    !insertmacro TomlString $1 $2
    !insertmacro WriteUTF8 ${HANDLE} "${KEY} = $2$\r$\n"
  ${EndIf}
!macroend

Function WriteConfiguration
  CreateDirectory "$ConfigDir"
  ClearErrors
  ${Param} "CONFIG" $1
  ${IfNot} ${Errors}
    Call KeepPreviousConfig
    CopyFiles /SILENT "$1" "$ConfigFile"
    DetailPrint "Configuration copied from $1 to $ConfigFile"
  ${Else}
    ; Parameters replace the whole file: give every setting the centre needs.
    StrCpy $3 0
    ${ForEach} $4 1 5 + 1
      ${Select} $4
        ${Case} 1
          StrCpy $5 "CENTRE_CODE"
        ${Case} 2
          StrCpy $5 "CENTRE_CATEGORY"
        ${Case} 3
          StrCpy $5 "CENTRE_NAME"
        ${Case} 4
          StrCpy $5 "DATABASE_URL"
        ${Case} 5
          StrCpy $5 "DATA_DIR"
      ${EndSelect}
      ClearErrors
      ${Param} $5 $6
      ${IfNot} ${Errors}
        StrCpy $3 1
      ${EndIf}
    ${Next}
    ${If} $3 == 1
      Call KeepPreviousConfig
      FileOpen $9 "$ConfigFile" w
      !insertmacro WriteUTF8 $9 "# Written by the ${APP_NAME} ${VERSION} installer.$\r$\n"
      !insertmacro ConfigLine $9 "CENTRE_CODE" "centre_code"
      !insertmacro ConfigLine $9 "CENTRE_CATEGORY" "centre_category"
      !insertmacro ConfigLine $9 "CENTRE_NAME" "centre_name"
      !insertmacro ConfigLine $9 "DATABASE_URL" "database_url"
      !insertmacro ConfigLine $9 "DATA_DIR" "data_dir"
      FileClose $9
      DetailPrint "Configuration written to $ConfigFile"
      Call PrepareSharedDataDir
    ${EndIf}
  ${EndIf}
  ; The app reads DOST_DESK_CONFIG (else a per-user file): point it at the machine file
  ; whenever there is one, including one kept from an earlier installation.
  ${If} ${FileExists} "$ConfigFile"
    WriteRegExpandStr HKLM "${ENV_KEY}" "${CONFIG_ENV}" "$ConfigFile"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
FunctionEnd

Function KeepPreviousConfig
  ${If} ${FileExists} "$ConfigFile"
    Delete "$ConfigFile.bak"
    Rename "$ConfigFile" "$ConfigFile.bak"
    DetailPrint "The previous configuration was kept as $ConfigFile.bak"
  ${EndIf}
FunctionEnd

; /DATA_DIR= shared by every Windows user of the counter PC: create it and let the local
; Users group (S-1-5-32-545, any Windows language) modify files in it.
Function PrepareSharedDataDir
  ClearErrors
  ${Param} "DATA_DIR" $1
  ${IfNot} ${Errors}
    ${WordReplace} "$1" "/" "\" "+" $1
    CreateDirectory "$1"
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$1" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
    Pop $2
    DetailPrint "Users may write to $1 (icacls exit code $2)"
  ${EndIf}
FunctionEnd

; -- install -----------------------------------------------------------------------------------

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  Call CheckNotRunning

  ; An upgrade replaces the program folder's contents: files of the old version must not mix
  ; with the new ones. Only our own files are removed, never $INSTDIR itself.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\dost-desk-cli.exe"

  SetOutPath "$INSTDIR"
  File /r "${DIST_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  Call WriteConfiguration

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${MAIN_EXE}" "" "$INSTDIR\${MAIN_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${MAIN_EXE}" "" "$INSTDIR\${MAIN_EXE}" 0

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "VersionNumber" "${VERSION_NUMBER}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; -- uninstall ---------------------------------------------------------------------------------

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  ${If} ${FileExists} "$INSTDIR\${MAIN_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${MAIN_EXE}" a
    ${If} ${Errors}
      !insertmacro Fail ${EXIT_APP_RUNNING} "${APP_NAME} is running. Close it and run the uninstaller again; nothing was removed."
    ${EndIf}
    FileClose $0
  ${EndIf}
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\dost-desk-cli.exe"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR" ; only when empty: anything else put there stays

  ; The database, the printed archive and C:\ProgramData\DOST\dost-desk\config.toml stay; a
  ; reinstall finds the config file again and points DOST_DESK_CONFIG back at it.
  DeleteRegValue HKLM "${ENV_KEY}" "${CONFIG_ENV}"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd
