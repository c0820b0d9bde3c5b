//! The pages of publications, the library and the forum: lists with unread markers, a
//! publication with its files, the hub's compose form, the library's search, the forum's threads
//! and a thread with its reply form.

use askama::Template;

use super::{Chrome, FieldErrors};

/// A publication in a list.
#[derive(Debug, Clone)]
pub struct PublicationRow {
    pub id: String,
    pub href: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub language: String,
    pub published: String,
    pub targets: String,
    pub unread: bool,
}

/// The hub's form to publish.
#[derive(Debug, Clone, Default)]
pub struct PublishForm {
    pub kind: String,
    pub language: String,
    pub title: String,
    pub body: String,
    pub regions: Vec<String>,
    pub commodities: Vec<String>,
    pub errors: FieldErrors,
    /// (code, label) of the kinds, languages, countries and commodities.
    pub kinds: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub countries: Vec<(String, String)>,
    pub commodity_options: Vec<(String, String)>,
}

impl PublishForm {
    pub fn has_region(&self, code: &str) -> bool {
        self.regions.iter().any(|r| r == code)
    }
    pub fn has_commodity(&self, code: &str) -> bool {
        self.commodities.iter().any(|r| r == code)
    }
}

#[derive(Debug, Template)]
#[template(path = "publications.html")]
pub struct PublicationsPage {
    pub c: Chrome,
    pub rows: Vec<PublicationRow>,
    pub unread_label: String,
    /// (code, label, href, active) of the kind filter.
    pub kinds: Vec<(String, String, String, bool)>,
    pub compose: Option<PublishForm>,
}

/// A file of a publication.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub name: String,
    pub href: String,
    pub size: String,
    pub photo: bool,
}

#[derive(Debug, Template)]
#[template(path = "publication.html")]
pub struct PublicationPage {
    pub c: Chrome,
    pub id: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub language: String,
    pub published: String,
    pub paragraphs: Vec<String>,
    pub regions: Vec<String>,
    pub commodities: Vec<String>,
    pub files: Vec<FileRow>,
    pub back: &'static str,
    pub back_label: String,
}

#[derive(Debug, Template)]
#[template(path = "library.html")]
pub struct LibraryPage {
    pub c: Chrome,
    pub q: String,
    pub language: String,
    pub languages: Vec<(String, String)>,
    pub rows: Vec<PublicationRow>,
}

/// A thread in the forum's list.
#[derive(Debug, Clone)]
pub struct ThreadRow {
    pub id: String,
    pub title: String,
    pub author: String,
    pub replies: String,
    pub last: String,
}

/// The form of a new thread or a reply.
#[derive(Debug, Clone, Default)]
pub struct PostForm {
    pub title: String,
    pub body: String,
    pub errors: FieldErrors,
}

#[derive(Debug, Template)]
#[template(path = "forum.html")]
pub struct ForumPage {
    pub c: Chrome,
    pub threads: Vec<ThreadRow>,
    /// Present when the user may write.
    pub form: Option<PostForm>,
}

/// One post of a thread.
#[derive(Debug, Clone)]
pub struct PostRow {
    pub id: String,
    pub byline: String,
    pub signed: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Template)]
#[template(path = "thread.html")]
pub struct ThreadPage {
    pub c: Chrome,
    pub id: String,
    pub title: String,
    pub posts: Vec<PostRow>,
    pub form: Option<PostForm>,
    /// The user's own posts still waiting for the hub.
    pub pending: usize,
}
