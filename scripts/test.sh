#!/usr/bin/env bash
# Install everything the tests need and run the whole suite (the README's second command).
#   bash scripts/test.sh [pytest arguments]
# - as root on Debian/Ubuntu, installs the system libraries Qt needs headless when missing;
# - creates .venv (if needed) and installs the project with its dev extras;
# - compiles the Qt translations, checks ruff, runs pytest headless.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0
                 libdbus-1-3 libx11-6 fonts-dejavu-core poppler-utils libcups2
                 cups cups-pdf cups-bsd nsis binutils osslsigncode openssl)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "== installing system packages: ${missing[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
      echo "== missing system packages (run as root to install): ${missing[*]}" >&2
    fi
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PYTHON" -m venv .venv
fi
echo "== installing dost-desk with its test extras"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"

export PATH="$PWD/.venv/bin:$PATH"
echo "== compiling translations"
python scripts/translations.py compile >/dev/null
echo "== ruff"
ruff check --quiet .
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
exec python -m pytest -q "$@"
