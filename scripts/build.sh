#!/usr/bin/env bash
# Builds the ncen-node binary and prints its path (build output goes to stderr), e.g.
#   BIN=$(scripts/build.sh)
# The debug profile by default (it shares its build with the test suite); NCEN_PROFILE=release
# for an optimised binary. RocksDB is the optimised archive scripts/rocksdb.sh builds once.
set -euo pipefail
cd "$(dirname "$0")/.."
NCEN_SKIP_PYCOSE=1 NCEN_SKIP_BROWSER=1 scripts/prerequisites.sh >&2
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ncen-target}"
# shellcheck source=scripts/rocksdb.sh
source scripts/rocksdb.sh >&2
PROFILE="${NCEN_PROFILE:-dev}"
echo "Building ncen-node, profile $PROFILE..." >&2
cargo build --profile "$PROFILE" --locked --workspace --bins >&2
if [ "$PROFILE" = "dev" ]; then echo "$CARGO_TARGET_DIR/debug/ncen-node"; else echo "$CARGO_TARGET_DIR/$PROFILE/ncen-node"; fi
