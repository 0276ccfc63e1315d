#!/usr/bin/env bash
# Build the DOST Desk Windows installer from a PyInstaller one-dir folder, on Linux.
#
#   installer/build_installer.sh [DIST_DIR] [OUT_DIR]
#
# DIST_DIR  the Windows bundle (default dist/dost-desk: dost-desk.exe, dost-desk-cli.exe, _internal/)
# OUT_DIR   where dost-desk-<version>-setup.exe goes (default dist/)
#
# Needs makensis (Debian: nsis). The version comes from dost_desk/__init__.py. Code signing with
# osslsigncode (Debian: osslsigncode) when SIGN_CERT names a .pfx/.p12 file; SIGN_PASSWORD is
# its password, SIGN_TIMESTAMP_URL an RFC 3161 time-stamp server (optional). The app's .exe
# files, the uninstaller and the installer are signed; without SIGN_CERT signing is skipped.
#
#   installer/build_installer.sh --sign-file FILE   signs one file in place (used by makensis)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

sign_file() {
  local file=$1
  command -v osslsigncode >/dev/null || { echo "osslsigncode not found (apt-get install osslsigncode)" >&2; return 1; }
  local args=(sign -pkcs12 "$SIGN_CERT" -h sha256 -n "DOST Desk" -in "$file" -out "$file.signed")
  [ -n "${SIGN_PASSWORD:-}" ] && args+=(-pass "$SIGN_PASSWORD")
  [ -n "${SIGN_TIMESTAMP_URL:-}" ] && args+=(-ts "$SIGN_TIMESTAMP_URL")
  osslsigncode "${args[@]}" >/dev/null
  mv -f "$file.signed" "$file"
  echo "signed $file"
}

if [ "${1:-}" = "--sign-file" ]; then
  sign_file "$2"
  exit
fi

DIST_DIR=$(realpath -m "${1:-$ROOT/dist/dost-desk}")
OUT_DIR=$(realpath -m "${2:-$ROOT/dist}")

command -v makensis >/dev/null || { echo "makensis not found: apt-get install nsis" >&2; exit 1; }
[ -f "$DIST_DIR/dost-desk.exe" ] || { echo "no dost-desk.exe in $DIST_DIR: build it on Windows with 'pyinstaller build.spec'" >&2; exit 1; }

VERSION=$(sed -n 's/^__version__ *= *["'"'"']\([^"'"'"']*\)["'"'"'].*/\1/p' "$ROOT/dost_desk/__init__.py")
[ -n "$VERSION" ] || { echo "no __version__ in dost_desk/__init__.py" >&2; exit 1; }
# 0.2.0rc1 -> 0.2.0: NSIS compares and stamps numeric versions only.
VERSION_NUMBER=$(printf '%s' "$VERSION" | grep -oE '^[0-9]+(\.[0-9]+){0,2}' || true)
[ -n "$VERSION_NUMBER" ] || { echo "version $VERSION does not start with a number" >&2; exit 1; }
while [ "$(printf '%s' "$VERSION_NUMBER" | tr -cd . | wc -c)" -lt 2 ]; do VERSION_NUMBER="$VERSION_NUMBER.0"; done

mkdir -p "$OUT_DIR"
OUT_FILE="$OUT_DIR/dost-desk-$VERSION-setup.exe"
defines=(-DVERSION="$VERSION" -DVERSION_NUMBER="$VERSION_NUMBER" -DDIST_DIR="$DIST_DIR" -DOUT_FILE="$OUT_FILE")
[ -n "${NSIS_TARGET:-}" ] && defines+=(-DTARGET="$NSIS_TARGET")

if [ -n "${SIGN_CERT:-}" ]; then
  [ -f "$SIGN_CERT" ] || { echo "SIGN_CERT=$SIGN_CERT is not a file" >&2; exit 1; }
  for exe in "$DIST_DIR"/*.exe; do sign_file "$exe"; done
  defines+=(-DSIGN_COMMAND="bash \"$HERE/build_installer.sh\" --sign-file")
else
  echo "code signing skipped: no certificate (set SIGN_CERT)"
fi

makensis -V2 -WX "${defines[@]}" "$HERE/dost-desk.nsi"
[ -n "${SIGN_CERT:-}" ] && sign_file "$OUT_FILE"
echo "installer: $OUT_FILE ($(du -h "$OUT_FILE" | cut -f1))"
