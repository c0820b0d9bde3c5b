//! The record service: validates, signs, stores and reads seizures, suspects and companies.
//! Each write is one atomic batch with its revision, origin-log entry, index entries and audit
//! entry; nothing is half-written.

use std::collections::BTreeSet;
use std::sync::Arc;

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::codelists::Catalog;
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD};
use ncen_protocol::model::RecordId;
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use ncen_protocol::validate::{FieldError, ValidationErrors, Validator};
use serde::{Deserialize, Serialize};

use crate::audit::{AuditEvent, Outcome};
use crate::identity::Identity;
use crate::journal::{Appender, Journal, LogEntry};
use crate::store::keys::{self, Term};
use crate::store::{Batch, Cf, Store, StoreError, value};

/// Largest envelope the store will decode.
const ENVELOPE_LIMIT: usize = 4 << 20;

/// The current state of a record, as kept in `records`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordHead {
    pub origin: String,
    pub revision: u32,
    pub deleted: bool,
    /// The date the record is indexed under (seizure date, or creation date).
    pub index_date: String,
    pub national_reference: String,
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
}

/// A record as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RecordView {
    pub id: uuid::Uuid,
    pub kind: RecordKind,
    pub origin: String,
    pub revision: u32,
    /// When this revision was signed (RFC 3339, UTC).
    pub issued_at: String,
    pub deleted: bool,
    /// The record's fields (absent for a deleted record).
    #[schema(value_type = Option<Object>)]
    pub data: Option<serde_json::Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("{0}")]
    Invalid(ValidationErrors),
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: RecordId },
    #[error("{kind} {id} was deleted at revision {revision}")]
    Deleted { kind: &'static str, id: RecordId, revision: u32 },
    #[error("a {kind} with national reference {reference} already exists: {existing}")]
    Duplicate { kind: &'static str, reference: String, existing: RecordId },
    #[error("{kind} {id} belongs to {origin}; only its origin may change it")]
    NotOwner { kind: &'static str, id: RecordId, origin: String },
    #[error("revision conflict: {kind} {id} is at revision {current}, not {expected}")]
    Stale { kind: &'static str, id: RecordId, current: u32, expected: u32 },
    #[error("cannot sign the record: {0}")]
    Sign(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Filters of a list request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub origin: Option<String>,
    pub commodity: Option<String>,
    pub country: Option<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub limit: usize,
    /// Continue strictly after this position (newest first).
    pub after: Option<(String, RecordId)>,
}

/// One page of a list, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<RecordView>,
    /// Where the next page starts, if there may be one.
    pub next: Option<(String, RecordId)>,
}

/// What happened to one item of a batch upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BatchStatus {
    Created,
    /// A record with this national reference existed already: nothing was written.
    Existing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BatchItem {
    pub index: usize,
    pub national_reference: String,
    pub id: uuid::Uuid,
    pub status: BatchStatus,
}

/// The refused items of a batch: nothing of the batch was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BatchItemError {
    pub index: usize,
    pub national_reference: String,
    pub errors: Vec<FieldError>,
}

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{} of the batch's items are invalid; nothing was stored", .0.len())]
    Invalid(Vec<BatchItemError>),
    #[error(transparent)]
    Record(#[from] RecordError),
}

impl From<StoreError> for BatchError {
    fn from(e: StoreError) -> Self {
        BatchError::Record(RecordError::Store(e))
    }
}

/// A new record, signed and encoded, ready to be put in a batch.
#[derive(Debug)]
struct Prepared {
    kind: RecordKind,
    id: RecordId,
    head: Vec<u8>,
    envelope: Vec<u8>,
    index: Vec<Vec<u8>>,
    reference: String,
}

/// Validates, signs, stores and reads records of this node.
#[derive(Debug, Clone)]
pub struct Records {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    origin: String,
    catalog: &'static Catalog,
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

pub(crate) fn date_of_ms(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn rfc3339(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Index terms of one record body.
fn terms(body: &RecordBody) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut commodities = BTreeSet::new();
    let mut countries = BTreeSet::new();
    match body {
        RecordBody::Seizure(s) => {
            for g in &s.goods {
                let mut prefix = String::new();
                for part in g.commodity.split('.') {
                    if !prefix.is_empty() {
                        prefix.push('.');
                    }
                    prefix.push_str(part);
                    commodities.insert(prefix.clone());
                }
            }
            countries.insert(s.place.country.clone());
            countries.extend(s.route.departure.iter().cloned());
            countries.extend(s.route.transit.iter().cloned());
            countries.extend(s.route.destination.iter().cloned());
            countries.extend(s.offenders.iter().filter_map(|o| o.nationality.clone()));
        }
        RecordBody::Suspect(s) => {
            countries.extend(s.nationality.iter().cloned());
            countries.extend(s.identity_documents.iter().map(|d| d.issuing_country.clone()));
            countries.extend(s.addresses.iter().map(|a| a.country.clone()));
        }
        RecordBody::Company(c) => {
            countries.insert(c.country.clone());
            countries.extend(c.addresses.iter().map(|a| a.country.clone()));
        }
    }
    (commodities, countries)
}

pub(crate) fn index_keys(
    kind: RecordKind,
    origin: &str,
    date: &str,
    id: RecordId,
    body: &RecordBody,
) -> Vec<Vec<u8>> {
    let (commodities, countries) = terms(body);
    let mut out = vec![
        keys::index_entry(&keys::index_prefix(kind, Term::All), date, id),
        keys::index_entry(&keys::index_prefix(kind, Term::Origin(origin)), date, id),
    ];
    for c in &commodities {
        out.push(keys::index_entry(&keys::index_prefix(kind, Term::Commodity(c)), date, id));
    }
    for c in &countries {
        out.push(keys::index_entry(&keys::index_prefix(kind, Term::Country(c)), date, id));
    }
    for p in crate::photos::photos_of(body) {
        let sha = p.sha256.to_ascii_lowercase();
        out.push(keys::index_entry(&keys::index_prefix(kind, Term::Photo(&sha)), date, id));
    }
    out
}

fn matches(head: &RecordHead, signed: &SignedRecord, q: &ListQuery) -> bool {
    if q.origin.as_ref().is_some_and(|o| &head.origin != o) {
        return false;
    }
    if q.commodity.is_none() && q.country.is_none() {
        return true;
    }
    let Some(body) = &signed.body else { return false };
    let (commodities, countries) = terms(body);
    q.commodity.as_ref().is_none_or(|c| commodities.contains(c))
        && q.country.as_ref().is_none_or(|c| countries.contains(c))
}

/// Reads the signed payload of a stored envelope (written and verified by this node).
pub fn envelope_payload(envelope: &[u8]) -> Result<SignedRecord, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt { cf: "records", message };
    let payload =
        envelope::payload_unverified(envelope, ENVELOPE_LIMIT).map_err(|e| corrupt(e.to_string()))?;
    cbor::from_slice(&payload, Limits { max_bytes: ENVELOPE_LIMIT, max_depth: 64 })
        .map_err(|e| corrupt(e.to_string()))
}

fn view(id: RecordId, kind: RecordKind, head: &RecordHead) -> Result<RecordView, StoreError> {
    view_of(id, kind, head, envelope_payload(&head.envelope)?)
}

fn view_of(
    id: RecordId,
    kind: RecordKind,
    head: &RecordHead,
    signed: SignedRecord,
) -> Result<RecordView, StoreError> {
    let data = match &signed.body {
        Some(RecordBody::Seizure(s)) => Some(serde_json::to_value(s)),
        Some(RecordBody::Suspect(s)) => Some(serde_json::to_value(s)),
        Some(RecordBody::Company(c)) => Some(serde_json::to_value(c)),
        None => None,
    }
    .transpose()
    .map_err(|e| StoreError::Corrupt { cf: "records", message: e.to_string() })?;
    Ok(RecordView {
        id,
        kind,
        origin: head.origin.clone(),
        revision: head.revision,
        issued_at: rfc3339(signed.issued_at_ms),
        deleted: head.deleted,
        data,
    })
}

impl Records {
    pub fn new(
        journal: Arc<Journal>,
        identity: Arc<Identity>,
        origin: &str,
        catalog: &'static Catalog,
    ) -> Self {
        Records { journal, identity, origin: origin.to_owned(), catalog }
    }

    fn store(&self) -> &Store {
        self.journal.store()
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Checks a body as a write would, without writing (forms show every refusal at once).
    pub fn validate(&self, body: &RecordBody) -> Result<(), ValidationErrors> {
        Validator::new(self.catalog, Some(today())).record(body)
    }

    fn sign(&self, record: &SignedRecord) -> Result<Vec<u8>, RecordError> {
        let payload = cbor::to_vec(record).map_err(|e| RecordError::Sign(e.to_string()))?;
        envelope::sign(
            self.identity.signing_key(),
            self.identity.peer_id().as_bytes(),
            CONTENT_TYPE_RECORD,
            &payload,
        )
        .map_err(|e| RecordError::Sign(e.to_string()))
    }

    pub fn head(&self, kind: RecordKind, id: RecordId) -> Result<Option<RecordHead>, StoreError> {
        match self.store().get(Cf::Records, &keys::record(kind, id))? {
            Some(bytes) => Ok(Some(value::decode("records", &bytes)?)),
            None => Ok(None),
        }
    }

    fn existing_by_reference(
        &self,
        kind: RecordKind,
        reference: &str,
    ) -> Result<Option<RecordId>, StoreError> {
        self.by_reference(kind, &self.origin, reference)
    }

    /// The record `origin` holds under `reference`, if this node has it.
    pub fn by_reference(
        &self,
        kind: RecordKind,
        origin: &str,
        reference: &str,
    ) -> Result<Option<RecordId>, StoreError> {
        let key = keys::national_ref(kind, origin, reference);
        match self.store().get(Cf::NationalRefs, &key)? {
            Some(bytes) => RecordId::from_slice(&bytes)
                .map(Some)
                .map_err(|e| StoreError::Corrupt { cf: "national_refs", message: e.to_string() }),
            None => Ok(None),
        }
    }

    /// Puts a new record (revision 1) into `batch`.
    /// Signs a new record (revision 1) and prepares what its write holds. Runs outside the
    /// journal's lock: signing is the costly part of a write.
    fn prepare(&self, body: RecordBody, now_ms: i64) -> Result<Prepared, RecordError> {
        let kind = body.kind();
        let id = RecordId::now_v7();
        let index_date = match &body {
            RecordBody::Seizure(s) => s.date.clone(),
            _ => date_of_ms(now_ms),
        };
        let reference = body.national_reference().to_owned();
        let index = index_keys(kind, &self.origin, &index_date, id, &body);
        let signed = SignedRecord {
            format: RECORD_FORMAT,
            id,
            kind,
            origin: self.origin.clone(),
            revision: 1,
            issued_at_ms: now_ms,
            body: Some(body),
        };
        let envelope = self.sign(&signed)?;
        let head = RecordHead {
            origin: self.origin.clone(),
            revision: 1,
            deleted: false,
            index_date,
            national_reference: reference,
            envelope,
        };
        Ok(Prepared {
            kind,
            id,
            head: value::encode(&head)?,
            envelope: head.envelope,
            index,
            reference: head.national_reference,
        })
    }

    /// Puts a prepared record into `batch`, with its log and audit entries.
    fn apply(
        &self,
        batch: &mut Batch<'_>,
        app: &mut Appender,
        actor: &str,
        p: Prepared,
    ) -> Result<RecordId, RecordError> {
        let Prepared { kind, id, head, envelope, index, reference } = p;
        batch.put(Cf::Revisions, &keys::revision(kind, id, 1), &envelope);
        batch.put(Cf::Records, &keys::record(kind, id), &head);
        batch.put(Cf::NationalRefs, &keys::national_ref(kind, &self.origin, &reference), id.as_bytes());
        for k in index {
            batch.put(Cf::Index, &k, &[]);
        }
        app.log(batch, LogEntry { kind, id, revision: 1 })?;
        app.changed(batch, LogEntry { kind, id, revision: 1 })?;
        app.audit(
            batch,
            AuditEvent::new(actor, "record.create", Outcome::Ok)
                .target(format!("{}/{id}", kind.collection()))
                .detail(format!("national_reference={reference}")),
        )?;
        Ok(id)
    }

    /// Validates many records on every core.
    fn validate_all(&self, bodies: &[RecordBody]) -> Vec<Result<(), ValidationErrors>> {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
        if threads < 2 || bodies.len() < 64 {
            return bodies.iter().map(|b| self.validate(b)).collect();
        }
        let chunk = bodies.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = bodies
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|b| self.validate(b)).collect::<Vec<_>>()))
                .collect();
            workers
                .into_iter()
                .zip(bodies.chunks(chunk))
                .flat_map(|(w, part)| {
                    w.join().unwrap_or_else(|_| {
                        part.iter()
                            .map(|_| {
                                Err(ValidationErrors(vec![FieldError {
                                    field: "(record)".into(),
                                    value: None,
                                    message: "validation failed unexpectedly".into(),
                                }]))
                            })
                            .collect()
                    })
                })
                .collect()
        })
    }

    /// Prepares many records, signing on every core.
    fn prepare_all(&self, bodies: Vec<RecordBody>, now_ms: i64) -> Result<Vec<Prepared>, RecordError> {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
        if threads < 2 || bodies.len() < 64 {
            return bodies.into_iter().map(|b| self.prepare(b, now_ms)).collect();
        }
        let chunk = bodies.len().div_ceil(threads);
        let mut chunks: Vec<Vec<RecordBody>> = Vec::with_capacity(threads);
        let mut rest = bodies;
        while rest.len() > chunk {
            let tail = rest.split_off(chunk);
            chunks.push(rest);
            rest = tail;
        }
        chunks.push(rest);
        std::thread::scope(|scope| {
            let workers: Vec<_> = chunks
                .into_iter()
                .map(|c| {
                    scope.spawn(move || {
                        c.into_iter().map(|b| self.prepare(b, now_ms)).collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            let mut out = Vec::new();
            for w in workers {
                match w.join() {
                    Ok(part) => out.extend(part?),
                    Err(_) => return Err(RecordError::Sign("a signing thread failed".into())),
                }
            }
            Ok(out)
        })
    }

    /// Validates, signs and stores a new record.
    pub fn create(&self, actor: &str, body: RecordBody) -> Result<RecordView, RecordError> {
        self.validate(&body).map_err(RecordError::Invalid)?;
        let kind = body.kind();
        let reference = body.national_reference().to_owned();
        let prepared = self.prepare(body, crate::journal::now_ms())?;
        let id = self.journal.write(true, |batch, app| {
            if let Some(existing) = self.existing_by_reference(kind, &reference)? {
                return Err(RecordError::Duplicate {
                    kind: kind.collection(),
                    reference: reference.clone(),
                    existing,
                });
            }
            self.apply(batch, app, actor, prepared)
        })?;
        self.get(kind, id)
    }

    /// Stores many records at once: all or nothing, idempotent on the national reference.
    pub fn create_batch(
        &self,
        actor: &str,
        kind: RecordKind,
        bodies: Vec<RecordBody>,
    ) -> Result<Vec<BatchItem>, BatchError> {
        let mut invalid = Vec::new();
        let mut seen = std::collections::HashMap::new();
        let checked = self.validate_all(&bodies);
        for (index, (body, checked)) in bodies.iter().zip(checked).enumerate() {
            let reference = body.national_reference().to_owned();
            let mut errors = match checked {
                Ok(()) => Vec::new(),
                Err(e) => e.0,
            };
            if body.kind() != kind {
                errors.push(FieldError {
                    field: "kind".into(),
                    value: Some(body.kind().collection().into()),
                    message: format!("this batch holds {}", kind.collection()),
                });
            }
            if let Some(first) = seen.insert(reference.clone(), index) {
                errors.push(FieldError {
                    field: "national_reference".into(),
                    value: Some(reference.clone()),
                    message: format!("appears twice in the batch (items {first} and {index})"),
                });
            }
            if !errors.is_empty() {
                invalid.push(BatchItemError { index, national_reference: reference, errors });
            }
        }
        if !invalid.is_empty() {
            return Err(BatchError::Invalid(invalid));
        }
        let count = bodies.len();
        let prepared = self.prepare_all(bodies, crate::journal::now_ms())?;
        let items = self.journal.write(true, |batch, app| {
            let mut items = Vec::with_capacity(count);
            for (index, p) in prepared.into_iter().enumerate() {
                let item = match self.existing_by_reference(kind, &p.reference)? {
                    Some(id) => BatchItem {
                        index,
                        national_reference: p.reference,
                        id,
                        status: BatchStatus::Existing,
                    },
                    None => {
                        let reference = p.reference.clone();
                        let id = self.apply(batch, app, actor, p)?;
                        BatchItem { index, national_reference: reference, id, status: BatchStatus::Created }
                    }
                };
                items.push(item);
            }
            Ok::<_, RecordError>(items)
        })?;
        Ok(items)
    }

    fn owned_head(&self, kind: RecordKind, id: RecordId) -> Result<RecordHead, RecordError> {
        let head = self.head(kind, id)?.ok_or(RecordError::NotFound { kind: kind.collection(), id })?;
        if head.origin != self.origin {
            return Err(RecordError::NotOwner { kind: kind.collection(), id, origin: head.origin });
        }
        if head.deleted {
            return Err(RecordError::Deleted { kind: kind.collection(), id, revision: head.revision });
        }
        Ok(head)
    }

    /// Writes a new revision (a correction) or a tombstone (`body: None`).
    fn revise(
        &self,
        actor: &str,
        kind: RecordKind,
        id: RecordId,
        body: Option<RecordBody>,
        expected: Option<u32>,
    ) -> Result<(), RecordError> {
        self.journal.write(true, |batch, app| {
            let head = self.owned_head(kind, id)?;
            if let Some(new) = &body
                && head.national_reference != new.national_reference()
            {
                return Err(RecordError::Invalid(ValidationErrors(vec![FieldError {
                    field: "national_reference".into(),
                    value: Some(new.national_reference().to_owned()),
                    message: format!("cannot change (the record is {})", head.national_reference),
                }])));
            }
            if let Some(expected) = expected
                && expected != head.revision
            {
                return Err(RecordError::Stale {
                    kind: kind.collection(),
                    id,
                    current: head.revision,
                    expected,
                });
            }
            let old = envelope_payload(&head.envelope)?;
            if let Some(old_body) = &old.body {
                for k in index_keys(kind, &head.origin, &head.index_date, id, old_body) {
                    batch.delete(Cf::Index, &k);
                }
            }
            let revision = head.revision + 1;
            let index_date = match &body {
                Some(RecordBody::Seizure(s)) => s.date.clone(),
                _ => head.index_date.clone(),
            };
            if let Some(new_body) = &body {
                for k in index_keys(kind, &head.origin, &index_date, id, new_body) {
                    batch.put(Cf::Index, &k, &[]);
                }
            } else {
                batch.delete(
                    Cf::NationalRefs,
                    &keys::national_ref(kind, &self.origin, &head.national_reference),
                );
            }
            let deleted = body.is_none();
            let signed = SignedRecord {
                format: RECORD_FORMAT,
                id,
                kind,
                origin: self.origin.clone(),
                revision,
                issued_at_ms: app.now_ms(),
                body,
            };
            let envelope = self.sign(&signed)?;
            batch.put(Cf::Revisions, &keys::revision(kind, id, revision), &envelope);
            let new_head = RecordHead { revision, deleted, index_date, envelope, ..head };
            batch.put(Cf::Records, &keys::record(kind, id), &value::encode(&new_head)?);
            app.log(batch, LogEntry { kind, id, revision })?;
            app.changed(batch, LogEntry { kind, id, revision })?;
            let action = if deleted { "record.delete" } else { "record.update" };
            app.audit(
                batch,
                AuditEvent::new(actor, action, Outcome::Ok)
                    .target(format!("{}/{id}", kind.collection()))
                    .detail(format!("revision={revision}")),
            )?;
            Ok(())
        })
    }

    /// Corrects a record: validates, signs and stores the next revision.
    pub fn update(
        &self,
        actor: &str,
        id: RecordId,
        body: RecordBody,
        expected_revision: Option<u32>,
    ) -> Result<RecordView, RecordError> {
        self.validate(&body).map_err(RecordError::Invalid)?;
        let kind = body.kind();
        self.revise(actor, kind, id, Some(body), expected_revision)?;
        self.get(kind, id)
    }

    /// Deletes a record: a signed tombstone becomes its last revision.
    pub fn delete(&self, actor: &str, kind: RecordKind, id: RecordId) -> Result<RecordView, RecordError> {
        self.revise(actor, kind, id, None, None)?;
        self.get(kind, id)
    }

    /// The current revision of a record (tombstones included).
    pub fn get(&self, kind: RecordKind, id: RecordId) -> Result<RecordView, RecordError> {
        let head = self.head(kind, id)?.ok_or(RecordError::NotFound { kind: kind.collection(), id })?;
        Ok(view(id, kind, &head)?)
    }

    /// The current body of a live record, typed, with its origin and revision (for forms that
    /// correct it).
    pub fn body(&self, kind: RecordKind, id: RecordId) -> Result<(RecordBody, String, u32), RecordError> {
        let head = self.head(kind, id)?.ok_or(RecordError::NotFound { kind: kind.collection(), id })?;
        match envelope_payload(&head.envelope)?.body {
            Some(body) => Ok((body, head.origin, head.revision)),
            None => Err(RecordError::Deleted { kind: kind.collection(), id, revision: head.revision }),
        }
    }

    /// The stored COSE_Sign1 envelope of the current revision, byte for byte.
    pub fn signed(&self, kind: RecordKind, id: RecordId) -> Result<Vec<u8>, RecordError> {
        let head = self.head(kind, id)?.ok_or(RecordError::NotFound { kind: kind.collection(), id })?;
        Ok(head.envelope)
    }

    /// The stored envelope of one revision.
    pub fn signed_revision(
        &self,
        kind: RecordKind,
        id: RecordId,
        revision: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        self.store().get(Cf::Revisions, &keys::revision(kind, id, revision))
    }

    /// Lists records newest first, through the most selective index.
    pub fn list(&self, kind: RecordKind, q: &ListQuery) -> Result<Page, RecordError> {
        let term = if let Some(c) = &q.commodity {
            Term::Commodity(c)
        } else if let Some(c) = &q.country {
            Term::Country(c)
        } else if let Some(o) = &q.origin {
            Term::Origin(o)
        } else {
            Term::All
        };
        let prefix = keys::index_prefix(kind, term);
        let upper_date = q.date_to.clone().unwrap_or_else(|| "9999-12-31".into());
        let start = match &q.after {
            Some((date, id)) => keys::index_entry(&prefix, date, *id),
            None => {
                let mut k = keys::index_entry(&prefix, &upper_date, RecordId::max());
                k.push(0xff);
                k
            }
        };
        let lower = q.date_from.as_deref().map(|d| keys::index_entry(&prefix, d, RecordId::nil()));
        let limit = q.limit.clamp(1, 500);
        let mut items = Vec::with_capacity(limit);
        let mut scanned = 0usize;
        for item in self.store().iter_from(Cf::Index, &start, false) {
            let (key, _) = item?;
            if !key.starts_with(&prefix) || lower.as_ref().is_some_and(|l| key.as_ref() < l.as_slice()) {
                return Ok(Page { items, next: None });
            }
            let Some((date, id)) = keys::split_index_tail(&key) else { continue };
            if q.after.as_ref().is_some_and(|(d, i)| (d, i) == (&date, &id)) {
                continue;
            }
            if date.as_str() > upper_date.as_str() {
                continue;
            }
            scanned += 1;
            let position = Some((date, id));
            let Some(head) = self.head(kind, id)? else { continue };
            let signed = envelope_payload(&head.envelope)?;
            if matches(&head, &signed, q) {
                items.push(view_of(id, kind, &head, signed)?);
                if items.len() == limit {
                    return Ok(Page { items, next: position });
                }
            }
            if scanned >= 10_000 {
                return Ok(Page { items, next: position });
            }
        }
        Ok(Page { items, next: None })
    }

    /// Records an audited read.
    pub fn audit_read(&self, actor: &str, action: &'static str, target: String) -> Result<(), StoreError> {
        self.journal.audit(AuditEvent::new(actor, action, Outcome::Ok).target(target), false)
    }

    /// Audits an action that is not a write of this store (a query sent to the hub...).
    pub fn audit_event(&self, event: AuditEvent) -> Result<(), StoreError> {
        self.journal.audit(event, false)
    }
}

impl Records {
    /// How many revisions this node has signed into its origin log.
    pub fn logged(&self) -> u64 {
        self.journal.next_seq().saturating_sub(1)
    }

    /// How many entries the audit chain holds.
    pub fn audit_entries(&self) -> u64 {
        self.journal.audit_seq()
    }
}
