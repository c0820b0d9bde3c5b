//! Investigations (N4): case files kept at this node, never replicated. Each links seizures,
//! suspects and companies, has officers assigned by a supervisor, a status lifecycle (open,
//! assigned, in progress, suspended, closed) and an ordered thread of notes, attachments and
//! changes. Every change is one atomic write with its audit entry.

mod model;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use ncen_protocol::record::RecordKind;
use sha2::{Digest, Sha256};

pub use model::{AttachmentRef, Entry, EntryKind, Investigation, Link, Status};

use crate::accounts::Principal;
use crate::audit::{AuditEvent, Outcome};
use crate::journal::{Journal, now_ms};
use crate::roles::Permission;
use crate::store::{Cf, StoreError, value};

/// Largest attachment, in bytes.
pub const MAX_ATTACHMENT: usize = 8 << 20;
const MAX_TITLE: usize = 200;
const MAX_TEXT: usize = 20_000;
const MAX_ENTRIES: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum InvestigationError {
    #[error("no investigation {0}")]
    NotFound(uuid::Uuid),
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("a {0} may not do this to this investigation")]
    Forbidden(&'static str),
    #[error("the investigation is {from:?}; it cannot become {to:?}")]
    Transition { from: Status, to: Status },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn invalid(field: &'static str, message: impl Into<String>) -> InvestigationError {
    InvestigationError::Invalid { field, message: message.into() }
}

/// The investigations of the node.
#[derive(Debug, Clone)]
pub struct Investigations {
    journal: Arc<Journal>,
}

impl Investigations {
    pub fn new(journal: Arc<Journal>) -> Self {
        Investigations { journal }
    }

    pub fn get(&self, id: uuid::Uuid) -> Result<Investigation, InvestigationError> {
        match self.journal.store().get(Cf::Investigations, id.as_bytes())? {
            Some(bytes) => Ok(value::decode("investigations", &bytes)?),
            None => Err(InvestigationError::NotFound(id)),
        }
    }

    /// Every investigation: those assigned to `username` first, then the others, newest first.
    pub fn list(&self, username: &str) -> Result<Vec<Investigation>, InvestigationError> {
        let mut all = Vec::new();
        for item in self.journal.store().iter_from(Cf::Investigations, b"", true) {
            let (_, bytes) = item?;
            all.push(value::decode::<Investigation>("investigations", &bytes)?);
        }
        all.sort_by_key(|i| {
            let theirs = i.assignees.iter().any(|a| a == username);
            // Ids are time-ordered (v7): the later of two changes in the same millisecond wins.
            (!theirs, i.status == Status::Closed, std::cmp::Reverse((i.updated_ms, i.id)))
        });
        Ok(all)
    }

    /// Writes `inv` after `change`, with its audit entry, in one batch.
    fn save(
        &self,
        actor: &str,
        inv: &Investigation,
        action: &'static str,
        detail: String,
    ) -> Result<(), InvestigationError> {
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Investigations, inv.id.as_bytes(), &value::encode(inv)?);
            app.audit(
                batch,
                AuditEvent::new(actor, action, Outcome::Ok)
                    .target(format!("investigations/{}", inv.id))
                    .detail(detail),
            )
        })?;
        Ok(())
    }

    fn may_work(actor: &Principal, inv: &Investigation) -> Result<(), InvestigationError> {
        let assigned = inv.assignees.iter().any(|a| a == &actor.username);
        if actor.role.allows(Permission::ManageInvestigations)
            || (actor.role.allows(Permission::WorkInvestigations)
                && (assigned || inv.created_by == actor.username))
        {
            Ok(())
        } else {
            Err(InvestigationError::Forbidden(actor.role.as_str()))
        }
    }

    fn entry(
        inv: &mut Investigation,
        actor: &str,
        kind: EntryKind,
        text: String,
        attachment: Option<AttachmentRef>,
    ) -> Result<(), InvestigationError> {
        if inv.thread.len() >= MAX_ENTRIES {
            return Err(invalid("text", format!("the thread holds at most {MAX_ENTRIES} entries")));
        }
        let now = now_ms();
        inv.thread.push(Entry { at_ms: now, author: actor.to_owned(), kind, text, attachment });
        inv.updated_ms = now;
        Ok(())
    }

    /// Opens an investigation.
    pub fn open(
        &self,
        actor: &Principal,
        title: &str,
        summary: &str,
    ) -> Result<Investigation, InvestigationError> {
        if !actor.role.allows(Permission::WorkInvestigations) {
            return Err(InvestigationError::Forbidden(actor.role.as_str()));
        }
        let title = title.trim();
        if title.is_empty() {
            return Err(invalid("title", "is required"));
        }
        if title.chars().count() > MAX_TITLE || summary.chars().count() > MAX_TEXT {
            return Err(invalid(
                "title",
                format!("at most {MAX_TITLE} characters, and {MAX_TEXT} for the summary"),
            ));
        }
        let now = now_ms();
        let mut inv = Investigation {
            id: uuid::Uuid::now_v7(),
            title: title.to_owned(),
            summary: summary.trim().to_owned(),
            status: Status::Open,
            created_by: actor.username.clone(),
            created_ms: now,
            updated_ms: now,
            assignees: Vec::new(),
            links: Vec::new(),
            thread: Vec::new(),
        };
        Self::entry(&mut inv, &actor.username, EntryKind::Opened, String::new(), None)?;
        self.save(&actor.username, &inv, "investigation.open", format!("title={title}"))?;
        Ok(inv)
    }

    /// Assigns officers (supervisors only); `usernames` must name accounts that may work on it.
    pub fn assign(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        usernames: Vec<String>,
        may_work: impl Fn(&str) -> bool,
    ) -> Result<Investigation, InvestigationError> {
        if !actor.role.allows(Permission::ManageInvestigations) {
            return Err(InvestigationError::Forbidden(actor.role.as_str()));
        }
        let mut inv = self.get(id)?;
        let mut names: Vec<String> =
            usernames.into_iter().map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()).collect();
        names.sort();
        names.dedup();
        if let Some(bad) = names.iter().find(|u| !may_work(u)) {
            return Err(invalid("assignees", format!("{bad} is not an officer or supervisor of this node")));
        }
        inv.assignees = names.clone();
        if inv.status == Status::Open && !names.is_empty() {
            inv.status = Status::Assigned;
        }
        Self::entry(&mut inv, &actor.username, EntryKind::Assigned, names.join(", "), None)?;
        self.save(&actor.username, &inv, "investigation.assign", format!("assignees={}", names.join(",")))?;
        Ok(inv)
    }

    /// Moves the investigation along its lifecycle. Closing and reopening are a supervisor's.
    pub fn set_status(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        to: Status,
    ) -> Result<Investigation, InvestigationError> {
        let mut inv = self.get(id)?;
        Self::may_work(actor, &inv)?;
        let from = inv.status;
        let supervisor = actor.role.allows(Permission::ManageInvestigations);
        let allowed = match (from, to) {
            (a, b) if a == b => false,
            (Status::Closed, _) => supervisor,
            (_, Status::Closed) => supervisor || inv.assignees.iter().any(|a| a == &actor.username),
            (_, Status::Open | Status::Assigned) => supervisor,
            (Status::Open | Status::Assigned | Status::Suspended, Status::InProgress) => true,
            (Status::InProgress | Status::Assigned, Status::Suspended) => true,
            _ => false,
        };
        if !allowed {
            return Err(InvestigationError::Transition { from, to });
        }
        inv.status = to;
        Self::entry(&mut inv, &actor.username, EntryKind::Status, to.as_str().to_owned(), None)?;
        self.save(
            &actor.username,
            &inv,
            "investigation.status",
            format!("{} -> {}", from.as_str(), to.as_str()),
        )?;
        Ok(inv)
    }

    /// Adds a note, with an optional attachment, to the thread.
    pub fn note(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        text: &str,
        attachment: Option<(String, String, Vec<u8>)>,
    ) -> Result<Investigation, InvestigationError> {
        let mut inv = self.get(id)?;
        Self::may_work(actor, &inv)?;
        let text = text.trim();
        if text.is_empty() && attachment.is_none() {
            return Err(invalid("text", "is required"));
        }
        if text.chars().count() > MAX_TEXT {
            return Err(invalid("text", format!("at most {MAX_TEXT} characters")));
        }
        let file = match &attachment {
            Some((name, media_type, bytes)) => {
                if bytes.is_empty() || bytes.len() > MAX_ATTACHMENT {
                    return Err(invalid("file", format!("must hold 1 byte to {} MiB", MAX_ATTACHMENT >> 20)));
                }
                let name: String =
                    name.chars().filter(|c| !c.is_control() && !"/\\\"".contains(*c)).take(200).collect();
                Some(AttachmentRef {
                    name: if name.is_empty() { "attachment".into() } else { name },
                    media_type: media_type.chars().take(100).collect(),
                    sha256: hex::encode(Sha256::digest(bytes)),
                    size: bytes.len() as u64,
                })
            }
            None => None,
        };
        Self::entry(&mut inv, &actor.username, EntryKind::Note, text.to_owned(), file.clone())?;
        let detail = match &file {
            Some(f) => format!("note, attachment {} sha256={}", f.name, f.sha256),
            None => "note".to_owned(),
        };
        self.journal.write(true, |batch, app| {
            if let (Some(f), Some((_, _, bytes))) = (&file, &attachment) {
                batch.put(Cf::Attachments, f.sha256.as_bytes(), bytes);
            }
            batch.put(Cf::Investigations, inv.id.as_bytes(), &value::encode(&inv)?);
            app.audit(
                batch,
                AuditEvent::new(&actor.username, "investigation.note", Outcome::Ok)
                    .target(format!("investigations/{}", inv.id))
                    .detail(detail),
            )
        })?;
        Ok(inv)
    }

    /// Links a record of the node (own or received) to the investigation.
    pub fn link(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        kind: RecordKind,
        record: uuid::Uuid,
        label: String,
    ) -> Result<Investigation, InvestigationError> {
        let mut inv = self.get(id)?;
        Self::may_work(actor, &inv)?;
        if inv.links.iter().any(|l| l.record == record) {
            return Ok(inv);
        }
        inv.links.push(Link { kind: kind.collection().to_owned(), record, label: label.clone() });
        Self::entry(&mut inv, &actor.username, EntryKind::Linked, label, None)?;
        self.save(&actor.username, &inv, "investigation.link", format!("{}/{record}", kind.collection()))?;
        Ok(inv)
    }

    /// The bytes of an attachment of `id` (only of that investigation), with who may read it.
    pub fn attachment(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        sha256: &str,
    ) -> Result<(AttachmentRef, Vec<u8>), InvestigationError> {
        let inv = self.get(id)?;
        Self::may_work(actor, &inv)?;
        let found = inv.thread.iter().filter_map(|e| e.attachment.clone()).find(|a| a.sha256 == sha256);
        let Some(file) = found else { return Err(InvestigationError::NotFound(id)) };
        let bytes = self
            .journal
            .store()
            .get(Cf::Attachments, sha256.as_bytes())?
            .ok_or(InvestigationError::NotFound(id))?;
        self.journal.audit(
            AuditEvent::new(&actor.username, "investigation.read_attachment", Outcome::Ok)
                .target(format!("investigations/{id}"))
                .detail(file.name.clone()),
            false,
        )?;
        Ok((file, bytes))
    }
}
