#!/usr/bin/env bash
# Set up the workbench on this machine: system packages (Qt runtime libraries, a CJK
# font so Japanese renders, Xvfb and poppler for screenshots/PDF checks), then a
# virtual environment in .venv with the workbench installed in it.
#
#   bash packaging/setup.sh          # the application and its command line
#   bash packaging/setup.sh --dev    # plus the test tools (pytest, pytest-qt, import-linter)
#
# Nothing is downloaded at run time: the product never uses the network.
set -euo pipefail
cd "$(dirname "$0")/.."

extra="gui"
if [ "${1:-}" = "--dev" ]; then extra="dev"; fi

# System packages (Debian/Ubuntu). Installed only when missing, so a second run is quick.
SYSTEM_PKGS=(fonts-ipafont-gothic libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
             libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 xvfb xauth poppler-utils)
# The tests start a throwaway PostgreSQL server for the team log (tests/pg_cluster.py):
# Debian's server package, for --dev only (the application itself only connects to one).
if [ "$extra" = "dev" ]; then SYSTEM_PKGS+=(postgresql); fi
PY=${PYTHON:-python3}
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  # Debian's own python3 ships venv separately; only ask for it when venv is missing.
  "$PY" -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
  for p in "${SYSTEM_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian/Ubuntu system; install a Japanese font (e.g. IPA Gothic) and Qt's runtime libraries yourself" >&2
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[$extra]"
echo "setup: done (.venv, extras: $extra)"
