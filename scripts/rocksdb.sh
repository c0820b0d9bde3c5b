#!/usr/bin/env bash
# Sourced by the other scripts: makes sure an optimised RocksDB archive of the version in
# Cargo.lock exists under ~/.cache/ncen-rocksdb, then points librocksdb-sys at it
# (ROCKSDB_LIB_DIR + ROCKSDB_STATIC). Without this, every distinct cargo invocation (test,
# clippy, bench, release) compiles RocksDB's C++ again, about 20 minutes each on two cores.
# Set NCEN_ROCKSDB_COMPILE=1 to skip it and let librocksdb-sys compile its bundled copy.

ncen_rocksdb_prepare() {
    local root version want cache out built
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    if [[ "${NCEN_ROCKSDB_COMPILE:-0}" == "1" ]]; then
        return 0
    fi
    version="$(awk '/^name = "librocksdb-sys"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
        "$root/Cargo.lock")"
    want="$(sed -n 's/^librocksdb-sys = { version = "=\([^"]*\)".*/\1/p' "$root/tools/rocksdb/Cargo.toml")"
    if [[ -z "$version" || "${version%%+*}" != "$want" ]]; then
        echo "rocksdb.sh: Cargo.lock has librocksdb-sys '$version' but tools/rocksdb pins '$want'" >&2
        return 1
    fi
    cache="${NCEN_ROCKSDB_CACHE:-$HOME/.cache/ncen-rocksdb}"
    out="$cache/$version"
    if [[ ! -f "$out/librocksdb.a" ]]; then
        echo "==> building RocksDB $version once (optimised C++, about 20 minutes on two cores)"
        (cd "$root/tools/rocksdb" && cargo build --release --locked --target-dir "$cache/target") || return 1
        built="$(ls -t "$cache"/target/release/build/librocksdb-sys-*/out/librocksdb.a 2>/dev/null | head -n 1)"
        if [[ -z "$built" ]]; then
            echo "rocksdb.sh: the build finished but left no librocksdb.a" >&2
            return 1
        fi
        mkdir -p "$out"
        cp "$built" "$out/librocksdb.a.partial"
        mv "$out/librocksdb.a.partial" "$out/librocksdb.a"
    fi
    export ROCKSDB_LIB_DIR="$out"
    export ROCKSDB_STATIC=1
}

ncen_rocksdb_prepare
