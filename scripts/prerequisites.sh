#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the Rust toolchain lacks:
# libclang (RocksDB's bindings are generated at build time), make (jemalloc's
# build), Chromium and ChromeDriver (the web UI's browser tests) and, for the
# COSE interoperability test, a Python virtual environment with pycose.
set -euo pipefail
cd "$(dirname "$0")/.."

have_libclang() {
  ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1
}

# libclang and clang: RocksDB's bindings; make: jemalloc's build (the node's allocator).
missing=()
have_libclang || missing+=(libclang-dev clang)
command -v make >/dev/null 2>&1 || missing+=(make)
# The web UI's tests drive a real headless Chromium over WebDriver (only building needs
# neither: scripts/build.sh sets NCEN_SKIP_BROWSER=1).
if [ "${NCEN_SKIP_BROWSER:-0}" != "1" ]; then
  [ -x "${NCEN_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  [ -x "${NCEN_CHROMEDRIVER:-/usr/bin/chromedriver}" ] || missing+=(chromium-driver)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} (RocksDB's bindings, jemalloc, the browser tests)..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${NCEN_SKIP_PYCOSE:-0}" != "1" ]; then
  VENV="${NCEN_VENV:-$HOME/.cache/ncen-venv}"
  if ! "$VENV/bin/python" -c "import pycose" >/dev/null 2>&1; then
    echo "Setting up $VENV with pycose (independent COSE implementation for the interop test)..."
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tools/cose/requirements.txt
  fi
fi
