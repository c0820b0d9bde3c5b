//! The CENcomm pages: the list of operations with the invitations to answer and the form of a new
//! operation, and one operation with its threads of messages, the compose form and its
//! participants.

use std::collections::BTreeMap;

use askama::Template;

use super::{Chrome, FieldErrors};

/// A member administration of an operation and its answer to the invitation.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub administration: String,
    pub label: String,
    /// `coordinator`, `joined`, `waiting` or `declined`: styling and tests.
    pub state: &'static str,
    pub state_label: String,
    /// Its users taking part, comma separated.
    pub users: String,
}

/// An operation in the list.
#[derive(Debug, Clone)]
pub struct OpRow {
    pub id: String,
    pub href: String,
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    pub coordinator_label: String,
    pub period: String,
    pub members: Vec<MemberRow>,
    pub unread: usize,
    pub unread_label: String,
    pub messages: String,
    /// This administration's answer: `coordinator`, `joined`, `waiting` or `declined`.
    pub state: &'static str,
    pub state_label: String,
}

/// The definition of an operation as its form holds it.
#[derive(Debug, Clone, Default)]
pub struct OpForm {
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    pub valid_from: String,
    pub valid_until: String,
    pub own_users: String,
    /// One line per member: `BE: officer, analyst`.
    pub members: String,
    /// The fields chosen for each template (`warning`, `feedback`, `seizure`).
    pub chosen: BTreeMap<String, Vec<String>>,
    pub errors: FieldErrors,
}

impl OpForm {
    pub fn has_field(&self, template: &str, field: &str) -> bool {
        self.chosen.get(template).is_some_and(|f| f.iter().any(|x| x == field))
    }
}

/// A template with the standard fields it may include: (name, label, nominal).
#[derive(Debug, Clone)]
pub struct TemplateChoice {
    pub key: &'static str,
    pub label: String,
    pub fields: Vec<(String, String, bool)>,
}

#[derive(Template, Debug)]
#[template(path = "operations.html")]
pub struct OperationsPage {
    pub c: Chrome,
    /// Operations waiting for this administration's answer.
    pub invitations: Vec<OpRow>,
    pub rows: Vec<OpRow>,
    /// The reader answers invitations and creates operations (coordination unit).
    pub coordinating: bool,
    pub form: OpForm,
    pub templates: Vec<TemplateChoice>,
}

/// A labelled value of a message.
#[derive(Debug, Clone)]
pub struct MsgField {
    pub name: String,
    pub label: String,
    pub value: String,
    /// Names a person or a company.
    pub nominal: bool,
}

/// What one addressee's node reported about a message this node sent.
#[derive(Debug, Clone)]
pub struct ReceiptRow {
    pub administration: String,
    pub label: String,
    /// When it was delivered, or empty.
    pub delivered: String,
    /// When it was first read, or empty.
    pub read: String,
}

/// A file or photo of a message.
#[derive(Debug, Clone)]
pub struct FileView {
    pub name: String,
    pub href: String,
    /// Shown in the page (a JPEG or PNG checked by content); otherwise downloaded.
    pub photo: bool,
    /// Its size in words.
    pub size: String,
}

/// A message as the operation page shows it.
#[derive(Debug, Clone)]
pub struct MsgView {
    pub id: String,
    /// `warning`, `feedback` or `seizure`.
    pub template: &'static str,
    pub template_label: String,
    pub sender: String,
    pub sender_label: String,
    pub author: String,
    pub at: String,
    /// Whom it is for, in words.
    pub to: String,
    pub fields: Vec<MsgField>,
    /// The reader has not read it yet.
    pub unread: bool,
    /// Sent by this node: its receipts are shown.
    pub mine: bool,
    /// Where to approve this seizure report for the global CEN database (the sender's
    /// coordination unit, once).
    pub forward: Option<String>,
    /// When it was approved for the CEN, or empty.
    pub forwarded: String,
    /// Its files and photos.
    pub attachments: Vec<FileView>,
    pub receipts: Vec<ReceiptRow>,
}

/// A warning with the feedbacks and seizure reports that answer it, oldest first.
#[derive(Debug, Clone)]
pub struct ThreadView {
    pub first: MsgView,
    pub replies: Vec<MsgView>,
    /// The first message answers a warning this node does not hold.
    pub orphan: bool,
}

/// One input of the compose form.
#[derive(Debug, Clone)]
pub struct ComposeField {
    /// The form field: `f.<field>`.
    pub name: String,
    /// The element id: `compose-<field>`.
    pub id: String,
    pub label: String,
    /// `text`, `textarea`, `date`, `number` or `select`.
    pub kind: &'static str,
    pub options: Vec<(String, String)>,
    pub value: String,
    pub error: Option<String>,
    pub nominal: bool,
    pub required: bool,
}

/// The form of a new message from one of the operation's templates.
#[derive(Debug, Clone)]
pub struct ComposeForm {
    /// `warning`, `feedback` or `seizure`.
    pub template: &'static str,
    /// (key, label, href, active) of the template picker.
    pub tabs: Vec<(&'static str, String, String, bool)>,
    /// The warnings a feedback or a seizure report may answer: (id, label).
    pub warnings: Vec<(String, String)>,
    pub reply: String,
    pub fields: Vec<ComposeField>,
    /// The other members: (code, label, chosen).
    pub members: Vec<(String, String, bool)>,
    pub to_all: bool,
    pub errors: FieldErrors,
}

/// A participant of this administration, with their last use of the operation.
#[derive(Debug, Clone)]
pub struct LocalUser {
    pub username: String,
    pub last_use: String,
    pub lapsed: bool,
}

#[derive(Template, Debug)]
#[template(path = "operation.html")]
pub struct OperationPage {
    pub c: Chrome,
    pub id: String,
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    pub period: String,
    pub coordinator_label: String,
    pub version: String,
    pub members: Vec<MemberRow>,
    pub threads: Vec<ThreadView>,
    pub unread: usize,
    pub unread_label: String,
    /// How many messages the operation holds here.
    pub messages: String,
    /// The reader may send messages now; `None` with a reason in `closed`.
    pub compose: Option<ComposeForm>,
    pub closed: Option<String>,
    /// This administration has not answered the invitation, and the reader may.
    pub can_answer: bool,
    /// The definition to change (coordination unit of the coordinating administration).
    pub edit: Option<OpForm>,
    /// This administration's participants (coordination unit), with a reset for lapsed ones.
    pub local_users: Vec<LocalUser>,
    pub lapse_days: String,
    /// Links to the operation's exports.
    pub exports: bool,
}
