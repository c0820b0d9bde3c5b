//! Versioned, translated code lists (feature N2): the values behind every drop-down of the data
//! model, each with a stable code and a label in the seven languages of the network.
//!
//! The built-in lists live as JSON in `protocol/data/codelists/` and are embedded at compile
//! time; [`Catalog::builtin`] parses and checks them once. Country and currency names come from
//! Unicode CLDR (see `protocol/data/codelists/README.md`).

mod catalog;
mod error;
mod id;
mod lang;
mod list;
mod release;

pub use catalog::Catalog;
pub use error::CodeListError;
pub use id::ListId;
pub use lang::Lang;
pub use list::{CodeEntry, CodeList};
pub use release::{
    CONTENT_TYPE_CODE_LIST, Change, CodeListRelease, MAX_RELEASE_BYTES, RELEASE_FORMAT, ReleaseError,
    apply_change, check_successor,
};

#[cfg(test)]
mod builtin_tests;
