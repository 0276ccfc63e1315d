<#
.SYNOPSIS
Build the DOST Desk Windows installer from the PyInstaller one-dir folder, on Windows.

.DESCRIPTION
  installer\build_installer.ps1 [-DistDir dist\dost-desk] [-OutDir dist]

Needs NSIS 3 (makensis.exe on PATH or in "Program Files (x86)\NSIS"; `choco install nsis`).
The version comes from dost_desk\__init__.py. Code signing with signtool (Windows SDK) when
$env:SIGN_CERT names a .pfx file; $env:SIGN_PASSWORD is its password and
$env:SIGN_TIMESTAMP_URL an RFC 3161 time-stamp server (optional). The app's .exe files, the
uninstaller and the installer are signed; without SIGN_CERT signing is skipped.

  installer\build_installer.ps1 -SignFile FILE   signs one file in place (used by makensis)
#>
param(
    [string]$DistDir = (Join-Path $PSScriptRoot "..\dist\dost-desk"),
    [string]$OutDir = (Join-Path $PSScriptRoot "..\dist"),
    [string]$SignFile
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Find-SignTool {
    $command = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match '\\x64\\' } |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $found) { throw "signtool.exe not found: install the Windows SDK" }
    return $found.FullName
}

function Invoke-Sign([string]$File) {
    $arguments = @("sign", "/fd", "sha256", "/f", $env:SIGN_CERT, "/d", "DOST Desk")
    if ($env:SIGN_PASSWORD) { $arguments += @("/p", $env:SIGN_PASSWORD) }
    if ($env:SIGN_TIMESTAMP_URL) { $arguments += @("/tr", $env:SIGN_TIMESTAMP_URL, "/td", "sha256") }
    & (Find-SignTool) @arguments $File | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on $File (exit code $LASTEXITCODE)" }
    Write-Host "signed $File"
}

if ($SignFile) {
    Invoke-Sign $SignFile
    exit 0
}

$root = Split-Path $PSScriptRoot -Parent
$DistDir = [IO.Path]::GetFullPath($DistDir)
$OutDir = [IO.Path]::GetFullPath($OutDir)

$makensis = Get-Command makensis.exe -ErrorAction SilentlyContinue
if ($makensis) { $makensis = $makensis.Source }
else {
    $makensis = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe"
    if (-not (Test-Path $makensis)) { throw "makensis.exe not found: choco install nsis" }
}
if (-not (Test-Path (Join-Path $DistDir "dost-desk.exe"))) {
    throw "no dost-desk.exe in ${DistDir}: run 'pyinstaller --noconfirm build.spec' first"
}

$init = Get-Content (Join-Path $root "dost_desk\__init__.py") -Raw -Encoding UTF8
if ($init -notmatch '(?m)^__version__\s*=\s*["'']([^"'']+)["'']') { throw "no __version__ in dost_desk\__init__.py" }
$version = $Matches[1]
# 0.2.0rc1 -> 0.2.0: NSIS compares and stamps numeric versions only.
if ($version -notmatch '^\d+(\.\d+){0,2}') { throw "version $version does not start with a number" }
$parts = @($Matches[0].Split("."))
while ($parts.Count -lt 3) { $parts += "0" }
$versionNumber = $parts -join "."

New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$outFile = Join-Path $OutDir "dost-desk-$version-setup.exe"
$defines = @("/DVERSION=$version", "/DVERSION_NUMBER=$versionNumber", "/DDIST_DIR=$DistDir", "/DOUT_FILE=$outFile")
if ($env:NSIS_TARGET) { $defines += "/DTARGET=$env:NSIS_TARGET" }

$signing = [bool]$env:SIGN_CERT
if ($signing) {
    if (-not (Test-Path $env:SIGN_CERT)) { throw "SIGN_CERT=$env:SIGN_CERT is not a file" }
    Get-ChildItem $DistDir -Filter *.exe | ForEach-Object { Invoke-Sign $_.FullName }
    # Run by makensis through cmd.exe, so the shell is named without a path (no leading quote).
    $shell = if (Get-Command pwsh -ErrorAction SilentlyContinue) { "pwsh" } else { "powershell" }
    $defines += "/DSIGN_COMMAND=$shell -NoProfile -ExecutionPolicy Bypass -File `"$PSCommandPath`" -SignFile"
}
else {
    Write-Host "code signing skipped: no certificate (set SIGN_CERT)"
}

& $makensis /V2 /WX @defines (Join-Path $PSScriptRoot "dost-desk.nsi")
if ($LASTEXITCODE -ne 0) { throw "makensis failed (exit code $LASTEXITCODE)" }
if ($signing) { Invoke-Sign $outFile }
$size = [math]::Round((Get-Item $outFile).Length / 1MB, 1)
Write-Host "installer: $outFile ($size MB)"
