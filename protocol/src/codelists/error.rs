//! Errors found when loading or checking code lists; each names the list and the code.

use super::{Lang, ListId};

/// Why a set of code lists cannot form a [`Catalog`](super::Catalog).
#[derive(Debug, thiserror::Error)]
pub enum CodeListError {
    #[error("code list {list}: cannot parse its JSON: {source}")]
    Parse {
        list: ListId,
        #[source]
        source: serde_json::Error,
    },
    #[error("code list file for {expected} declares the id {found}")]
    WrongId { expected: ListId, found: ListId },
    #[error("code list {list} is missing from the catalog")]
    MissingList { list: ListId },
    #[error("code list {list} is given more than once")]
    DuplicateList { list: ListId },
    #[error("code list {list}: invalid code {code:?} (expected A-Z, 0-9 and _, dot-separated)")]
    InvalidCode { list: ListId, code: String },
    #[error("code list {list}: code {code:?} appears more than once")]
    DuplicateCode { list: ListId, code: String },
    #[error("code list {list}: code {code:?} has parent {parent:?}, which is not in the list")]
    MissingParent { list: ListId, code: String, parent: String },
    #[error("code list {list}: code {code:?} does not extend its parent code {parent:?}")]
    NotUnderParent { list: ListId, code: String, parent: String },
    #[error("code list {list}: code {code:?} has no {lang} label")]
    MissingLabel { list: ListId, code: String, lang: Lang },
}
