//! The code lists pages: every list in force with its version, and one list with its signed
//! versions, its values and, at the hub, the forms that publish a change.

use askama::Template;

use super::Chrome;

/// One list in brief.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub name: String,
    pub version: u32,
    pub entries: usize,
    pub deprecated: usize,
}

#[derive(Debug, Template)]
#[template(path = "code_lists.html")]
pub struct CodeListsPage {
    pub c: Chrome,
    pub lists: Vec<ListRow>,
}

/// One signed version of a list.
#[derive(Debug, Clone)]
pub struct VersionRow {
    pub version: u32,
    pub issued: String,
    pub entries: usize,
    pub deprecated: usize,
}

/// One value of a list, labelled in the reader's language.
#[derive(Debug, Clone)]
pub struct ValueRow {
    pub code: String,
    pub label: String,
    pub parent: String,
    pub deprecated: bool,
}

/// What was typed in the add-value form, shown again after a refusal.
#[derive(Debug, Clone, Default)]
pub struct AddValueForm {
    pub code: String,
    pub parent: String,
    pub hs_chapters: String,
    /// (language code, its name in itself, label typed).
    pub labels: Vec<(&'static str, &'static str, String)>,
}

#[derive(Debug, Template)]
#[template(path = "code_list.html")]
pub struct CodeListPage {
    pub c: Chrome,
    pub name: String,
    pub version: u32,
    pub history: Vec<VersionRow>,
    pub values: Vec<ValueRow>,
    /// The hub's administrator may publish changes.
    pub can_publish: bool,
    pub add: AddValueForm,
}
