//! CENcomm at a node (MISSION O1-O4): operations created by a coordinator and answered by
//! members, templated messages sent to all or some members, receipts, and who may use what.
//! Every change is signed here, written with its audit entry in one batch and appended to the
//! operation log that members pull (see `exchange.rs`).

pub mod exchange;
pub mod export;
pub mod model;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::codelists::CatalogHandle;
use ncen_protocol::cbor;
use ncen_protocol::envelope;
use ncen_protocol::operation::{
    Attachment, CONTENT_TYPE_CONSENT, CONTENT_TYPE_FORWARD, CONTENT_TYPE_JOIN, CONTENT_TYPE_MESSAGE,
    CONTENT_TYPE_OPERATION, CONTENT_TYPE_RECEIPT, Consent, Forward, Join, Member, Message, OPERATION_FORMAT,
    Operation, Receipt, ReceiptState, TemplateKind, Templates,
};
use ncen_protocol::validate::{FieldError, ValidationErrors};
use serde::Serialize;

use crate::accounts::Principal;
use crate::audit::{AuditEvent, Outcome};
use crate::identity::Identity;
use crate::journal::{Appender, Journal, now_ms};
use crate::roles::Permission;
use crate::store::{Batch, Cf, StoreError, value};
pub use model::{
    Delivery, ItemKind, JoinState, OpLogEntry, StoredMessage, StoredOperation, StoredReport, message_key,
};

/// Days without use after which a user's access to an operation lapses, unless configured.
pub const DEFAULT_LAPSE_DAYS: u32 = 25;
const DAY_MS: i64 = 86_400_000;

/// Why a CENcomm action was refused.
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("{0}")]
    Invalid(ValidationErrors),
    #[error("no such operation here")]
    NotFound,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error(
        "your access to this operation lapsed after {0} days without use; ask its coordination unit to reset it"
    )]
    Lapsed(u32),
    #[error("cannot sign: {0}")]
    Sign(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] export::ExportError),
}

fn invalid(field: &str, message: &str) -> OpError {
    OpError::Invalid(ValidationErrors(vec![FieldError {
        field: field.to_owned(),
        value: None,
        message: message.to_owned(),
    }]))
}

/// What a coordinator fills in to create or change an operation.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    pub valid_from: String,
    pub valid_until: Option<String>,
    /// The members other than the coordinator, with their users; the coordinator's own users
    /// come in `own_users`.
    pub members: Vec<Member>,
    pub own_users: Vec<String>,
    /// None: the standard templates.
    pub templates: Option<Templates>,
}

/// A message to send: its template, the warning it answers, its addressees (none: every
/// member), its fields and its files (name and bytes).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub template: TemplateKind,
    pub in_reply_to: Option<uuid::Uuid>,
    pub to: Vec<String>,
    pub fields: BTreeMap<String, String>,
    pub files: Vec<(String, Vec<u8>)>,
}

impl Outgoing {
    /// A message to every member, without files.
    pub fn to_all(
        template: TemplateKind,
        in_reply_to: Option<uuid::Uuid>,
        fields: BTreeMap<String, String>,
    ) -> Self {
        Outgoing { template, in_reply_to, to: Vec::new(), fields, files: Vec::new() }
    }
}

/// An operation in a list, with what the reader has not read yet.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub operation: Operation,
    pub joins: BTreeMap<String, JoinState>,
    /// This node's answer: None while the invitation waits.
    pub joined: Option<bool>,
    pub messages: usize,
    pub unread: usize,
    /// The reader may read and send messages.
    pub usable: bool,
}

/// The CENcomm service of a node.
#[derive(Debug, Clone)]
pub struct Operations {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    me: String,
    catalog: CatalogHandle,
    lapse_days: u32,
}

/// Files to attach, named: photos (JPEG or PNG by content, decoded to the end) keep their type;
/// anything else travels as `application/octet-stream`.
fn attachments_of(files: Vec<(String, Vec<u8>)>) -> Result<Vec<Attachment>, OpError> {
    files
        .into_iter()
        .enumerate()
        .map(|(i, (name, bytes))| {
            let media_type = match crate::photos::sniff(&bytes) {
                Some(kind) => {
                    if crate::photos::inspect(&bytes).is_err() {
                        return Err(invalid(
                            &format!("attachments[{i}]"),
                            "is not a readable JPEG or PNG image",
                        ));
                    }
                    kind
                }
                None => "application/octet-stream",
            };
            let name: String = name.chars().filter(|c| !matches!(c, '/' | '\\' | '\0')).collect();
            Ok(Attachment {
                name: if name.trim().is_empty() { "attachment".into() } else { name },
                media_type: media_type.to_owned(),
                sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)),
                bytes,
            })
        })
        .collect()
}

/// `YYYY-MM-DD` of today (UTC).
fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl Operations {
    pub fn new(
        journal: Arc<Journal>,
        identity: Arc<Identity>,
        me: &str,
        catalog: impl Into<CatalogHandle>,
    ) -> Self {
        Operations {
            journal,
            identity,
            me: me.to_owned(),
            catalog: catalog.into(),
            lapse_days: DEFAULT_LAPSE_DAYS,
        }
    }

    /// Sets after how many days without use a user's access lapses.
    pub fn with_lapse_days(mut self, days: u32) -> Self {
        self.lapse_days = days.max(1);
        self
    }

    pub fn me(&self) -> &str {
        &self.me
    }

    /// After how many days without use a user's access lapses.
    pub fn lapse_days(&self) -> u32 {
        self.lapse_days
    }

    fn sign<T: Serialize>(&self, content_type: &str, payload: &T) -> Result<Vec<u8>, OpError> {
        let bytes = cbor::to_vec(payload).map_err(|e| OpError::Sign(e.to_string()))?;
        envelope::sign(self.identity.signing_key(), self.identity.peer_id().as_bytes(), content_type, &bytes)
            .map_err(|e| OpError::Sign(e.to_string()))
    }

    /// The operation `id` as held here.
    pub fn stored(&self, id: uuid::Uuid) -> Result<Option<StoredOperation>, StoreError> {
        match self.journal.store().get(Cf::Operations, id.as_bytes())? {
            Some(b) => Ok(Some(value::decode("operations", &b)?)),
            None => Ok(None),
        }
    }

    /// Every operation held here.
    pub fn all(&self) -> Result<Vec<StoredOperation>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::Operations, &[], true) {
            let (_, v) = item?;
            out.push(value::decode::<StoredOperation>("operations", &v)?);
        }
        Ok(out)
    }

    /// The messages of an operation held here, oldest first.
    pub fn messages(&self, id: uuid::Uuid) -> Result<Vec<StoredMessage>, StoreError> {
        let prefix = id.as_bytes().to_vec();
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::OpMessages, &prefix, true) {
            let (k, v) = item?;
            if !k.starts_with(&prefix) {
                break;
            }
            out.push(value::decode::<StoredMessage>("op_messages", &v)?);
        }
        Ok(out)
    }

    fn message(&self, op: uuid::Uuid, id: uuid::Uuid) -> Result<Option<StoredMessage>, StoreError> {
        match self.journal.store().get(Cf::OpMessages, &message_key(op, id))? {
            Some(b) => Ok(Some(value::decode("op_messages", &b)?)),
            None => Ok(None),
        }
    }

    /// Every administration this node shares an operation with.
    pub fn partners(&self) -> Result<Vec<String>, StoreError> {
        let mut out: Vec<String> = self
            .all()?
            .into_iter()
            .flat_map(|s| s.op.members.into_iter().map(|m| m.administration))
            .filter(|a| *a != self.me)
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    fn put_operation(batch: &mut Batch<'_>, stored: &StoredOperation) -> Result<(), StoreError> {
        batch.put(Cf::Operations, stored.op.id.as_bytes(), &value::encode(stored)?);
        Ok(())
    }

    fn put_message(batch: &mut Batch<'_>, stored: &StoredMessage) -> Result<(), StoreError> {
        let key = message_key(stored.message.operation, stored.message.id);
        batch.put(Cf::OpMessages, &key, &value::encode(stored)?);
        Ok(())
    }

    fn log(app: &mut Appender, batch: &mut Batch<'_>, entry: &OpLogEntry) -> Result<u64, StoreError> {
        Ok(app.op_log(batch, &value::encode(entry)?))
    }

    /// Whether `actor` may read and send in `stored`: a user named for this administration (or
    /// one of its coordination unit), once this administration has joined, unless the access
    /// lapsed.
    fn check_use(&self, actor: &Principal, stored: &StoredOperation, now: i64) -> Result<(), OpError> {
        if actor.role.allows(Permission::CoordinateOperations) {
            return Ok(());
        }
        let named = stored.op.member(&self.me).is_some_and(|m| m.users.contains(&actor.username));
        if !actor.role.allows(Permission::UseOperations) || !named {
            return Err(OpError::Forbidden("you are not a participant of this operation"));
        }
        if !stored.joined(&self.me) {
            return Err(OpError::Forbidden("your administration has not joined this operation yet"));
        }
        let last = stored.last_access.get(&actor.username).copied().unwrap_or(stored.received_ms);
        if now - last > i64::from(self.lapse_days) * DAY_MS {
            return Err(OpError::Lapsed(self.lapse_days));
        }
        Ok(())
    }

    /// Creates an operation coordinated by this administration.
    pub fn create(&self, actor: &Principal, draft: Draft) -> Result<Operation, OpError> {
        if !actor.role.allows(Permission::CoordinateOperations) {
            return Err(OpError::Forbidden("only a coordination unit creates operations"));
        }
        let now = now_ms();
        let mut members = vec![Member { administration: self.me.clone(), users: draft.own_users.clone() }];
        members.extend(draft.members.iter().filter(|m| m.administration != self.me).cloned());
        let op = Operation {
            format: OPERATION_FORMAT,
            id: uuid::Uuid::now_v7(),
            version: 1,
            coordinator: self.me.clone(),
            name: draft.name.trim().to_owned(),
            purpose: draft.purpose.trim().to_owned(),
            legal_basis: draft.legal_basis.trim().to_owned(),
            valid_from: draft.valid_from.trim().to_owned(),
            valid_until: draft.valid_until.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()),
            members,
            templates: draft.templates.unwrap_or_else(Templates::standard),
            issued_at_ms: now,
        };
        op.check().map_err(OpError::Invalid)?;
        let signed = self.sign(CONTENT_TYPE_OPERATION, &op)?;
        let mut joins = BTreeMap::new();
        joins.insert(self.me.clone(), JoinState { accept: true, by: actor.username.clone(), at_ms: now });
        let stored = StoredOperation {
            op: op.clone(),
            envelope: signed.clone(),
            joins,
            last_access: BTreeMap::new(),
            received_ms: now,
        };
        self.journal.write(true, |batch, app| {
            Self::put_operation(batch, &stored)?;
            let entry =
                OpLogEntry { operation: op.id, kind: ItemKind::Definition, to: Vec::new(), envelope: signed };
            Self::log(app, batch, &entry)?;
            let members: Vec<&str> = op.members.iter().map(|m| m.administration.as_str()).collect();
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.create", Outcome::Ok)
                    .target(format!("operations/{}", op.id))
                    .detail(format!("name={:?} members=[{}]", op.name, members.join(","))),
            )
        })?;
        Ok(op)
    }

    /// A new version of an operation by its coordinator: participants, period, templates.
    pub fn update(&self, actor: &Principal, id: uuid::Uuid, draft: Draft) -> Result<Operation, OpError> {
        if !actor.role.allows(Permission::CoordinateOperations) {
            return Err(OpError::Forbidden("only a coordination unit changes operations"));
        }
        let mut stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        if stored.op.coordinator != self.me {
            return Err(OpError::Forbidden("only the coordinating administration changes an operation"));
        }
        let mut members = vec![Member { administration: self.me.clone(), users: draft.own_users.clone() }];
        members.extend(draft.members.iter().filter(|m| m.administration != self.me).cloned());
        let op = Operation {
            version: stored.op.version + 1,
            name: draft.name.trim().to_owned(),
            purpose: draft.purpose.trim().to_owned(),
            legal_basis: draft.legal_basis.trim().to_owned(),
            valid_from: draft.valid_from.trim().to_owned(),
            valid_until: draft.valid_until.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()),
            members,
            templates: draft.templates.unwrap_or_else(|| stored.op.templates.clone()),
            issued_at_ms: now_ms(),
            ..stored.op.clone()
        };
        op.check().map_err(OpError::Invalid)?;
        let signed = self.sign(CONTENT_TYPE_OPERATION, &op)?;
        stored.op = op.clone();
        stored.envelope = signed.clone();
        self.journal.write(true, |batch, app| {
            Self::put_operation(batch, &stored)?;
            let entry =
                OpLogEntry { operation: op.id, kind: ItemKind::Definition, to: Vec::new(), envelope: signed };
            Self::log(app, batch, &entry)?;
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.update", Outcome::Ok)
                    .target(format!("operations/{}", op.id))
                    .detail(format!("version={}", op.version)),
            )
        })?;
        Ok(op)
    }

    /// This administration's answer to an invitation (or its leaving).
    pub fn answer(&self, actor: &Principal, id: uuid::Uuid, accept: bool) -> Result<(), OpError> {
        if !actor.role.allows(Permission::CoordinateOperations) {
            return Err(OpError::Forbidden("only a coordination unit answers invitations"));
        }
        let mut stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        if stored.op.coordinator == self.me {
            return Err(OpError::Forbidden("the coordinating administration takes part by definition"));
        }
        let now = now_ms();
        let join = Join {
            format: OPERATION_FORMAT,
            operation: id,
            administration: self.me.clone(),
            accept,
            by: actor.username.clone(),
            at_ms: now,
        };
        let signed = self.sign(CONTENT_TYPE_JOIN, &join)?;
        stored.joins.insert(self.me.clone(), JoinState { accept, by: actor.username.clone(), at_ms: now });
        self.journal.write(true, |batch, app| {
            Self::put_operation(batch, &stored)?;
            let entry = OpLogEntry { operation: id, kind: ItemKind::Join, to: Vec::new(), envelope: signed };
            Self::log(app, batch, &entry)?;
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.join", Outcome::Ok)
                    .target(format!("operations/{id}"))
                    .detail(format!("accept={accept}")),
            )
        })?;
        Ok(())
    }

    /// The operations `actor` may see here, newest first, with unread counts.
    pub fn list(&self, actor: &Principal) -> Result<Vec<Summary>, OpError> {
        let now = now_ms();
        let mut out = Vec::new();
        for stored in self.all()? {
            let coordinating = actor.role.allows(Permission::CoordinateOperations);
            let named = stored.op.member(&self.me).is_some_and(|m| m.users.contains(&actor.username));
            if !(coordinating || (named && actor.role.allows(Permission::UseOperations))) {
                continue;
            }
            let usable = self.check_use(actor, &stored, now).is_ok();
            let messages = self.messages(stored.op.id)?;
            let unread = messages
                .iter()
                .filter(|m| m.message.sender != self.me && !m.read_by.contains(&actor.username))
                .count();
            let joined = if stored.op.coordinator == self.me {
                Some(true)
            } else {
                stored.joins.get(&self.me).map(|j| j.accept)
            };
            out.push(Summary {
                joins: stored.joins.clone(),
                operation: stored.op,
                joined,
                messages: messages.len(),
                unread,
                usable,
            });
        }
        out.sort_by_key(|s| std::cmp::Reverse(s.operation.id));
        Ok(out)
    }

    /// An operation and its messages for `actor`, noting the use (access lapses without it).
    pub fn open(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
    ) -> Result<(StoredOperation, Vec<StoredMessage>), OpError> {
        let mut stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        let now = now_ms();
        self.check_use(actor, &stored, now)?;
        stored.last_access.insert(actor.username.clone(), now);
        let mut batch = self.journal.store().batch();
        Self::put_operation(&mut batch, &stored)?;
        batch.commit(false)?;
        let messages = self.messages(id)?;
        Ok((stored, messages))
    }

    /// Whether `actor` may see the operation's definition (participants and coordinators).
    pub fn definition(&self, actor: &Principal, id: uuid::Uuid) -> Result<StoredOperation, OpError> {
        let stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        let named = stored.op.member(&self.me).is_some_and(|m| m.users.contains(&actor.username));
        if actor.role.allows(Permission::CoordinateOperations)
            || (named && actor.role.allows(Permission::UseOperations))
        {
            Ok(stored)
        } else {
            Err(OpError::NotFound)
        }
    }

    /// Sends a message from a template to every member (`to` empty) or to the chosen ones.
    pub fn send(&self, actor: &Principal, id: uuid::Uuid, out: Outgoing) -> Result<Message, OpError> {
        let Outgoing { template, in_reply_to, to, fields, files } = out;
        let mut stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        let now = now_ms();
        self.check_use(actor, &stored, now)?;
        if !stored.op.runs_on(&today()) {
            return Err(invalid("operation", "the operation is not running today"));
        }
        if let Some(reply) = in_reply_to {
            let warning = self.message(id, reply)?;
            if warning.is_none_or(|w| w.message.template != TemplateKind::Warning) {
                return Err(invalid("in_reply_to", "is not a warning of this operation"));
            }
        }
        let fields: BTreeMap<String, String> = fields
            .into_iter()
            .map(|(k, v)| (k, v.trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let attachments = attachments_of(files)?;
        let mut to: Vec<String> = to.into_iter().filter(|t| *t != self.me).collect();
        to.sort();
        to.dedup();
        let message = Message {
            format: OPERATION_FORMAT,
            id: uuid::Uuid::now_v7(),
            operation: id,
            template,
            sender: self.me.clone(),
            author: actor.username.clone(),
            in_reply_to,
            to,
            fields,
            attachments,
            issued_at_ms: now,
        };
        message.check(&stored.op, &self.catalog.current()).map_err(OpError::Invalid)?;
        let signed = self.sign(CONTENT_TYPE_MESSAGE, &message)?;
        let addressees: Vec<String> = stored
            .op
            .members
            .iter()
            .map(|m| m.administration.clone())
            .filter(|a| *a != self.me && message.is_for(a))
            .collect();
        let mut read_by = std::collections::BTreeSet::new();
        read_by.insert(actor.username.clone());
        let kept = StoredMessage {
            message: message.clone(),
            envelope: signed.clone(),
            received_ms: now,
            receipts: addressees.iter().map(|a| (a.clone(), Delivery::default())).collect(),
            read_by,
            read_receipt_sent: true,
            forwarded_ms: None,
        };
        stored.last_access.insert(actor.username.clone(), now);
        self.journal.write(true, |batch, app| {
            Self::put_message(batch, &kept)?;
            Self::put_operation(batch, &stored)?;
            let entry = OpLogEntry {
                operation: id,
                kind: ItemKind::Message,
                to: message.to.clone(),
                envelope: signed,
            };
            Self::log(app, batch, &entry)?;
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.send", Outcome::Ok)
                    .target(format!("operations/{id}/messages/{}", message.id))
                    .detail(format!("template={} to=[{}]", template.as_str(), addressees.join(","))),
            )
        })?;
        Ok(message)
    }

    /// Marks a message read by `actor`; the first reader here sends the sender a read receipt.
    pub fn read(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        message: uuid::Uuid,
    ) -> Result<StoredMessage, OpError> {
        let stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        self.check_use(actor, &stored, now_ms())?;
        let mut held = self.message(id, message)?.ok_or(OpError::NotFound)?;
        if held.read_by.contains(&actor.username) {
            return Ok(held);
        }
        held.read_by.insert(actor.username.clone());
        let receipt = (!held.read_receipt_sent && held.message.sender != self.me).then(|| Receipt {
            format: OPERATION_FORMAT,
            operation: id,
            message,
            administration: self.me.clone(),
            state: ReceiptState::Read,
            at_ms: now_ms(),
        });
        let signed = receipt.as_ref().map(|r| self.sign(CONTENT_TYPE_RECEIPT, r)).transpose()?;
        held.read_receipt_sent = true;
        self.journal.write(true, |batch, app| {
            Self::put_message(batch, &held)?;
            if let Some(signed) = signed {
                let to = vec![held.message.sender.clone()];
                Self::log(
                    app,
                    batch,
                    &OpLogEntry { operation: id, kind: ItemKind::Receipt, to, envelope: signed },
                )?;
            }
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.read", Outcome::Ok)
                    .target(format!("operations/{id}/messages/{message}")),
            )
        })?;
        Ok(held)
    }

    /// Approves the forwarding of the non-nominal part of one of this administration's seizure
    /// messages to the global CEN database: a signed consent travels with it to the hub.
    pub fn forward(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        message: uuid::Uuid,
    ) -> Result<Forward, OpError> {
        if !actor.role.allows(Permission::CoordinateOperations) {
            return Err(OpError::Forbidden("only a coordination unit approves forwarding to the CEN"));
        }
        let stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        let mut held = self.message(id, message)?.ok_or(OpError::NotFound)?;
        if held.message.sender != self.me {
            return Err(OpError::Forbidden("only the administration that sent a seizure report forwards it"));
        }
        if held.message.template != TemplateKind::Seizure {
            return Err(invalid("template", "only seizure reports go to the global CEN database"));
        }
        if held.forwarded_ms.is_some() {
            return Err(invalid("message", "was already forwarded"));
        }
        let now = now_ms();
        let fields = held.message.non_nominal_fields();
        let encoded = cbor::to_vec(&fields).map_err(|e| OpError::Sign(e.to_string()))?;
        let consent = Consent {
            format: OPERATION_FORMAT,
            operation: id,
            message,
            administration: self.me.clone(),
            approved_by: actor.username.clone(),
            at_ms: now,
            fields_sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&encoded)),
        };
        let forward = Forward {
            format: OPERATION_FORMAT,
            operation: id,
            operation_name: stored.op.name.clone(),
            message,
            origin: self.me.clone(),
            sent_at_ms: held.message.issued_at_ms,
            fields,
            consent: self.sign(CONTENT_TYPE_CONSENT, &consent)?,
        };
        let signed = self.sign(CONTENT_TYPE_FORWARD, &forward)?;
        held.forwarded_ms = Some(now);
        let names: Vec<String> = forward.fields.keys().cloned().collect();
        self.journal.write(true, |batch, app| {
            Self::put_message(batch, &held)?;
            let entry = OpLogEntry {
                operation: id,
                kind: ItemKind::Forward,
                to: vec!["WCO".into()],
                envelope: signed,
            };
            Self::log(app, batch, &entry)?;
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.forward", Outcome::Ok)
                    .target(format!("operations/{id}/messages/{message}"))
                    .detail(format!("to=WCO fields=[{}]", names.join(","))),
            )
        })?;
        Ok(forward)
    }

    /// At the hub: the operations' seizure reports received, newest first.
    pub fn reports(&self) -> Result<Vec<StoredReport>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::CenReports, &[], true) {
            let (_, v) = item?;
            out.push(value::decode::<StoredReport>("cen_reports", &v)?);
        }
        out.sort_by_key(|r| std::cmp::Reverse(r.received_ms));
        Ok(out)
    }

    /// The `n`th attachment of a message, for a user who may use the operation; audited.
    pub fn attachment(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        message: uuid::Uuid,
        n: usize,
    ) -> Result<Attachment, OpError> {
        let stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        self.check_use(actor, &stored, now_ms())?;
        let held = self.message(id, message)?.ok_or(OpError::NotFound)?;
        let file = held.message.attachments.get(n).cloned().ok_or(OpError::NotFound)?;
        self.journal.audit(
            AuditEvent::new(actor.username.as_str(), "operation.attachment", Outcome::Ok)
                .target(format!("operations/{id}/messages/{message}/attachments/{n}"))
                .detail(format!("sha256={} size={}", file.sha256, file.bytes.len())),
            false,
        )?;
        Ok(file)
    }

    /// Gives a local participant whose access lapsed a fresh start (coordination unit only).
    pub fn reset_access(&self, actor: &Principal, id: uuid::Uuid, user: &str) -> Result<(), OpError> {
        if !actor.role.allows(Permission::CoordinateOperations) {
            return Err(OpError::Forbidden("only a coordination unit resets access"));
        }
        let mut stored = self.stored(id)?.ok_or(OpError::NotFound)?;
        if !stored.op.member(&self.me).is_some_and(|m| m.users.iter().any(|u| u == user)) {
            return Err(invalid("user", "is not a participant of this administration"));
        }
        stored.last_access.insert(user.to_owned(), now_ms());
        self.journal.write(true, |batch, app| {
            Self::put_operation(batch, &stored)?;
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.access_reset", Outcome::Ok)
                    .target(format!("operations/{id}"))
                    .detail(format!("user={user}")),
            )
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
