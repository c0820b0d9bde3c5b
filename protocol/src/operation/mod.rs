//! CENcomm (MISSION O1-O4): an operation is a closed user group defined and signed by its
//! coordinating administration; members' nodes join it with a signed act; messages built from
//! the operation's templates are signed by the sender's node; receipts are signed by the
//! receiving node. Everything here is data and its checks: no I/O.

pub mod fields;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use crate::codelists::Catalog;
use crate::record::is_administration_code;
use crate::validate::{FieldError, ValidationErrors};
pub use fields::{FIELDS, FieldSpec, FieldType, default_fields, field};

/// Version of the signed operation payloads.
pub const OPERATION_FORMAT: u8 = 1;
/// Content type of a signed [`Operation`].
pub const CONTENT_TYPE_OPERATION: &str = "application/ncen-operation+cbor";
/// Content type of a signed [`Join`].
pub const CONTENT_TYPE_JOIN: &str = "application/ncen-operation-join+cbor";
/// Content type of a signed [`Message`].
pub const CONTENT_TYPE_MESSAGE: &str = "application/ncen-operation-message+cbor";
/// Content type of a signed [`Receipt`].
pub const CONTENT_TYPE_RECEIPT: &str = "application/ncen-operation-receipt+cbor";
/// Content type of a signed [`Consent`].
pub const CONTENT_TYPE_CONSENT: &str = "application/ncen-operation-consent+cbor";
/// Content type of a signed [`Forward`].
pub const CONTENT_TYPE_FORWARD: &str = "application/ncen-operation-forward+cbor";

/// Longest free text of a message field.
pub const MAX_TEXT: usize = 4000;
/// Longest name, purpose or legal basis.
const MAX_LABEL: usize = 500;
/// Most member administrations of one operation.
pub const MAX_MEMBERS: usize = 200;
/// Most users named per member.
const MAX_USERS: usize = 200;
/// Most attachments of one message.
pub const MAX_ATTACHMENTS: usize = 5;
/// Largest attachment, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 1 << 20;
/// Largest total of a message's attachments, in bytes.
pub const MAX_ATTACHMENTS_BYTES: usize = 2 << 20;

/// A file carried inside a message (a photo of the goods, a bill of lading...), signed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file's name, for people; never used as a path.
    pub name: String,
    /// `image/jpeg` or `image/png` for photos (checked by content at both ends); anything else
    /// is carried as `application/octet-stream` and only ever downloaded.
    pub media_type: String,
    /// Lowercase hex SHA-256 of `bytes`.
    pub sha256: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

impl Attachment {
    /// A photo shown in the page rather than a file to download.
    pub fn is_photo(&self) -> bool {
        matches!(self.media_type.as_str(), "image/jpeg" | "image/png")
    }
}

/// The three templates of CENcomm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TemplateKind {
    /// A profile of a shipment to control.
    Warning,
    /// What was done after a warning.
    Feedback,
    /// The details of a seizure, after a warning.
    Seizure,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 3] = [TemplateKind::Warning, TemplateKind::Feedback, TemplateKind::Seizure];

    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::Warning => "warning",
            TemplateKind::Feedback => "feedback",
            TemplateKind::Seizure => "seizure",
        }
    }

    pub fn parse(s: &str) -> Option<TemplateKind> {
        TemplateKind::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A member administration and its users taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub administration: String,
    /// Usernames at that administration's node.
    pub users: Vec<String>,
}

/// Which standard fields each template includes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Templates {
    pub warning: Vec<String>,
    pub feedback: Vec<String>,
    pub seizure: Vec<String>,
}

impl Templates {
    /// The standard choice of fields.
    pub fn standard() -> Templates {
        Templates {
            warning: default_fields(TemplateKind::Warning),
            feedback: default_fields(TemplateKind::Feedback),
            seizure: default_fields(TemplateKind::Seizure),
        }
    }

    pub fn of(&self, t: TemplateKind) -> &[String] {
        match t {
            TemplateKind::Warning => &self.warning,
            TemplateKind::Feedback => &self.feedback,
            TemplateKind::Seizure => &self.seizure,
        }
    }
}

/// An operation as its coordinator signs it; every change is a new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operation {
    pub format: u8,
    pub id: uuid::Uuid,
    /// 1, then one more at each change by the coordinator.
    pub version: u32,
    /// The coordinating administration (a member too).
    pub coordinator: String,
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    /// `YYYY-MM-DD`; none while the operation runs.
    pub valid_until: Option<String>,
    /// Every member, the coordinator first.
    pub members: Vec<Member>,
    pub templates: Templates,
    pub issued_at_ms: i64,
}

impl Operation {
    pub fn member(&self, administration: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.administration == administration)
    }

    pub fn is_member(&self, administration: &str) -> bool {
        self.member(administration).is_some()
    }

    /// Whether the operation runs on `today` (`YYYY-MM-DD`).
    pub fn runs_on(&self, today: &str) -> bool {
        self.valid_from.as_str() <= today && self.valid_until.as_deref().is_none_or(|u| today <= u)
    }

    /// Checks the definition: names, dates, members, templates.
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut e = Vec::new();
        let mut push = |field: &str, value: Option<&str>, message: &str| {
            e.push(FieldError {
                field: field.to_owned(),
                value: value.map(|v| v.chars().take(80).collect()),
                message: message.to_owned(),
            })
        };
        if self.format != OPERATION_FORMAT {
            push("format", None, "is not a supported operation format");
        }
        for (name, value) in
            [("name", &self.name), ("purpose", &self.purpose), ("legal_basis", &self.legal_basis)]
        {
            if value.trim().is_empty() {
                push(name, None, "is required");
            } else if value.chars().count() > MAX_LABEL {
                push(name, None, "is longer than 500 characters");
            }
        }
        if self.version == 0 {
            push("version", None, "starts at 1");
        }
        let from = parse_date(&self.valid_from);
        if from.is_none() {
            push("valid_from", Some(&self.valid_from), "is not a date written YYYY-MM-DD");
        }
        if let Some(until) = &self.valid_until {
            match parse_date(until) {
                None => push("valid_until", Some(until), "is not a date written YYYY-MM-DD"),
                Some(u) if from.is_some_and(|f| u < f) => {
                    push("valid_until", Some(until), "is before valid_from")
                }
                Some(_) => {}
            }
        }
        if !is_administration_code(&self.coordinator) {
            push("coordinator", Some(&self.coordinator), "is not an administration code");
        }
        if self.members.len() < 2 {
            push("members", None, "an operation needs the coordinator and at least one other member");
        }
        if self.members.len() > MAX_MEMBERS {
            push("members", None, "has more than 200 administrations");
        }
        if self.members.first().map(|m| m.administration.as_str()) != Some(self.coordinator.as_str()) {
            push("members", None, "must list the coordinator first");
        }
        for (i, m) in self.members.iter().enumerate() {
            let at = format!("members[{i}]");
            if !is_administration_code(&m.administration) || m.administration == "WCO" {
                push(&at, Some(&m.administration), "is not a national administration code");
            }
            if self.members[..i].iter().any(|o| o.administration == m.administration) {
                push(&at, Some(&m.administration), "is listed twice");
            }
            if m.users.len() > MAX_USERS {
                push(&at, None, "names more than 200 users");
            }
            for u in &m.users {
                if u.is_empty()
                    || u.len() > 64
                    || !u.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
                {
                    push(&format!("{at}.users"), Some(u), "is not a user name");
                }
            }
        }
        for t in TemplateKind::ALL {
            let chosen = self.templates.of(t);
            if !chosen.iter().any(|f| f == "summary") {
                push(&format!("templates.{}", t.as_str()), None, "must include the summary");
            }
            for (i, name) in chosen.iter().enumerate() {
                if field(name).is_none() {
                    push(&format!("templates.{}", t.as_str()), Some(name), "is not a standard field");
                }
                if chosen[..i].contains(name) {
                    push(&format!("templates.{}", t.as_str()), Some(name), "is listed twice");
                }
            }
        }
        if e.is_empty() { Ok(()) } else { Err(ValidationErrors(e)) }
    }
}

fn parse_date(value: &str) -> Option<Date> {
    Date::parse(value, &format_description!("[year]-[month]-[day]")).ok()
}

/// A member's answer to an invitation (or its leaving), signed by its node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Join {
    pub format: u8,
    pub operation: uuid::Uuid,
    pub administration: String,
    /// True to join, false to decline or leave.
    pub accept: bool,
    /// The username who answered.
    pub by: String,
    pub at_ms: i64,
}

/// A message of an operation, signed by the sender's node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub format: u8,
    pub id: uuid::Uuid,
    pub operation: uuid::Uuid,
    pub template: TemplateKind,
    /// The sending administration.
    pub sender: String,
    /// The username who wrote it.
    pub author: String,
    /// The warning a feedback or a seizure answers.
    pub in_reply_to: Option<uuid::Uuid>,
    /// The members it is for; empty: every member.
    pub to: Vec<String>,
    /// Field name → value, as the template allows.
    pub fields: BTreeMap<String, String>,
    /// Files and photos, at most [`MAX_ATTACHMENTS`].
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    pub issued_at_ms: i64,
}

impl Message {
    /// Whether `administration` is among the message's addressees (the sender always is).
    pub fn is_for(&self, administration: &str) -> bool {
        self.sender == administration || self.to.is_empty() || self.to.iter().any(|t| t == administration)
    }

    /// Checks the message against its operation: the sender and addressees are members, every
    /// field belongs to the template and holds a valid value, and the summary is there.
    pub fn check(&self, op: &Operation, catalog: &Catalog) -> Result<(), ValidationErrors> {
        let mut e = Vec::new();
        let mut push = |field: &str, value: Option<&str>, message: String| {
            e.push(FieldError {
                field: field.to_owned(),
                value: value.map(|v| v.chars().take(80).collect()),
                message,
            })
        };
        if self.operation != op.id {
            push("operation", None, "is not this operation".into());
        }
        if !op.is_member(&self.sender) {
            push("sender", Some(&self.sender), "is not a member of the operation".into());
        }
        for t in &self.to {
            if !op.is_member(t) {
                push("to", Some(t), "is not a member of the operation".into());
            }
        }
        if self.template == TemplateKind::Warning && self.in_reply_to.is_some() {
            push("in_reply_to", None, "a warning answers nothing".into());
        }
        if self.template != TemplateKind::Warning && self.in_reply_to.is_none() {
            push("in_reply_to", None, "names the warning it answers".into());
        }
        if self.attachments.len() > MAX_ATTACHMENTS {
            push("attachments", None, format!("at most {MAX_ATTACHMENTS} files"));
        }
        let total: usize = self.attachments.iter().map(|a| a.bytes.len()).sum();
        if total > MAX_ATTACHMENTS_BYTES {
            push("attachments", None, format!("at most {} MiB in all", MAX_ATTACHMENTS_BYTES >> 20));
        }
        for (i, a) in self.attachments.iter().enumerate() {
            let at = format!("attachments[{i}]");
            if a.name.trim().is_empty() || a.name.chars().count() > 200 || a.name.contains(['/', '\\', '\0'])
            {
                push(&at, Some(&a.name), "needs a file name of at most 200 characters without a path".into());
            }
            if a.bytes.is_empty() || a.bytes.len() > MAX_ATTACHMENT_BYTES {
                push(&at, Some(&a.name), format!("must hold 1 byte to {} MiB", MAX_ATTACHMENT_BYTES >> 20));
            }
            if !a.is_photo() && a.media_type != "application/octet-stream" {
                push(&at, Some(&a.media_type), "is image/jpeg, image/png or application/octet-stream".into());
            }
            if hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&a.bytes)) != a.sha256 {
                push(&at, Some(&a.name), "does not match its SHA-256".into());
            }
        }
        let allowed = op.templates.of(self.template);
        if self.fields.get("summary").is_none_or(|s| s.trim().is_empty()) {
            push("summary", None, "is required".into());
        }
        for (name, value) in &self.fields {
            let Some(spec) = field(name).filter(|_| allowed.contains(name)) else {
                push(
                    name,
                    None,
                    format!("is not a field of the {} template of this operation", self.template.as_str()),
                );
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            match spec.kind {
                FieldType::Text if value.chars().count() > MAX_TEXT => {
                    push(name, None, format!("is longer than {MAX_TEXT} characters"))
                }
                FieldType::Text => {}
                FieldType::Date if parse_date(value).is_none() => {
                    push(name, Some(value), "is not a date written YYYY-MM-DD".into())
                }
                FieldType::Date => {}
                FieldType::Number => match value.trim().parse::<f64>() {
                    Ok(n) if n.is_finite() && n >= 0.0 => {}
                    _ => push(name, Some(value), "is not a number of 0 or more".into()),
                },
                FieldType::Code(list) => {
                    let codes = catalog.list(list);
                    if !codes.is_valid(value) {
                        push(
                            name,
                            Some(value),
                            format!("is not in code list `{}` version {}", list.name(), codes.version),
                        );
                    }
                }
            }
        }
        if e.is_empty() { Ok(()) } else { Err(ValidationErrors(e)) }
    }

    /// The message without its nominal fields: what may be forwarded to the global CEN database.
    pub fn non_nominal_fields(&self) -> BTreeMap<String, String> {
        self.fields
            .iter()
            .filter(|(name, _)| field(name).is_some_and(|f| !f.nominal))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// What a receiving node reports about a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReceiptState {
    /// The node holds the message.
    Delivered,
    /// A user of the node opened it.
    Read,
}

/// A delivery or read receipt, signed by the receiving node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub format: u8,
    pub operation: uuid::Uuid,
    pub message: uuid::Uuid,
    /// The receiving administration.
    pub administration: String,
    pub state: ReceiptState,
    pub at_ms: i64,
}

/// The owning administration's approval to forward the non-nominal part of one of its
/// seizure messages to the global CEN database (MISSION O4, B2), signed by its node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub format: u8,
    pub operation: uuid::Uuid,
    pub message: uuid::Uuid,
    /// The owning administration: the message's sender.
    pub administration: String,
    /// The username who approved.
    pub approved_by: String,
    pub at_ms: i64,
    /// Lowercase hex SHA-256 of the CBOR encoding of the forwarded fields.
    pub fields_sha256: String,
}

/// What the hub receives of an operation's seizure message: its non-nominal fields, its
/// provenance, and the signed consent that allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forward {
    pub format: u8,
    pub operation: uuid::Uuid,
    pub operation_name: String,
    pub message: uuid::Uuid,
    /// The owning administration.
    pub origin: String,
    pub sent_at_ms: i64,
    /// Non-nominal fields only.
    pub fields: BTreeMap<String, String>,
    /// The [`Consent`] envelope, signed by the origin's node.
    #[serde(with = "serde_bytes")]
    pub consent: Vec<u8>,
}

impl Forward {
    /// Checks that only non-nominal standard fields are forwarded, within bounds.
    pub fn check_fields(&self) -> Result<(), String> {
        if self.fields.len() > FIELDS.len() {
            return Err("too many fields".into());
        }
        for (name, value) in &self.fields {
            match field(name) {
                None => return Err(format!("{name} is not a standard field")),
                Some(f) if f.nominal => return Err(format!("{name} is nominal and may not reach the hub")),
                Some(_) if value.chars().count() > MAX_TEXT => return Err(format!("{name} is too long")),
                Some(_) => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
