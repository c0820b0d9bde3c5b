#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs prerequisites, then
# `cargo test --workspace`. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ncen-target}"
# Incremental compilation caches grow by gigabytes a build and help no one-off run.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# shellcheck source=scripts/rocksdb.sh
source scripts/rocksdb.sh
export NCEN_PYCOSE_PYTHON="${NCEN_PYCOSE_PYTHON:-${NCEN_VENV:-$HOME/.cache/ncen-venv}/bin/python}"
cargo test --workspace --locked "$@"
