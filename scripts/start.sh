#!/usr/bin/env bash
# Starts the local federation, the demo a newcomer runs: builds ncen-node and ncen-testnet,
# then `ncen-testnet up` with working defaults: the WCO hub and three national nodes (NL, BE,
# DE) as real processes on http://127.0.0.1:8080 to 8083, admitted to the hub's directory,
# with bilateral agreements between neighbours and realistic data. It prints every node's web
# UI, API, PeerId and the demo logins. Ctrl-C stops every node; running it again resumes the
# same federation from ./ncen-federation. Arguments go to `ncen-testnet up` (see --help), e.g.
#   scripts/start.sh --nodes 5 --records 1000
# It builds the debug profile, which shares its build with the test suite; set
# NCEN_PROFILE=release for an optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building ncen-node and ncen-testnet (the first build compiles RocksDB and takes a while)..."
BIN="$(scripts/build.sh)"
exec "$(dirname "$BIN")/ncen-testnet" up --node-bin "$BIN" "$@"
