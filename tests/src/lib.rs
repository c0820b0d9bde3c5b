//! Black-box tests of whole nodes live in `tests/`.
