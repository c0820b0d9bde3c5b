//! Empty: this package exists only to build librocksdb-sys's C++ archive (see Cargo.toml).
