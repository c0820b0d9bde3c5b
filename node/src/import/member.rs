//! Uploads at the WCO hub on behalf of a member administration without a node (MISSION C2): the
//! same templates, limits, checks and report as a national import, but only the non-nominal
//! projection of each valid seizure is kept, in the global CEN database, with the member as
//! origin and the hub as signer. `Suspects` and `Companies` are read by no one and counted as
//! ignored; links to them are not resolved (the projection drops them); a photo of the ZIP
//! archive is kept only when a stored seizure names it as goods, concealment or X-ray image.
//! Each national reference maps to one stable CEN id, so a new upload of the same seizure is a
//! new revision, never a second record. Everything an upload stores, with its audit entry, is
//! written in one batch.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ncen_protocol::cbor;
use ncen_protocol::codelists::ListId;
use ncen_protocol::envelope;
use ncen_protocol::model::{RecordId, Seizure};
use ncen_protocol::projection::{CONTENT_TYPE_CEN_ON_BEHALF, CenSeizure, SignedCen, project};
use ncen_protocol::record::{RECORD_FORMAT, is_administration_code};
use ncen_protocol::template::{RowError, assemble};
use ncen_protocol::validate::Validator;
use sha2::{Digest as _, Sha256};

use super::report::{ImportReport, OnBehalf, SheetCount};
use super::run::{self, Upload, today, validate};
use super::source::Source;
use super::{ImportError, MAX_LISTED_ERRORS};
use crate::audit::{AuditEvent, Outcome};
use crate::cen::{CenDb, CenHead};
use crate::federation::directory::DirectoryService;
use crate::identity::Identity;
use crate::journal::{Journal, now_ms};
use crate::store::StoreError;

/// The administration of the hub, the signer of every upload on behalf of a member.
pub const HUB: &str = "WCO";

/// Why an upload cannot be made for an administration.
#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    #[error("uploads on behalf of members without a node are made at the WCO hub only")]
    NotHub,
    #[error(
        "administration {0:?} is not in the country code list: give the two-letter code of a member without a node"
    )]
    Unknown(String),
    #[error(
        "administration {0} has a node in the member directory: its node sends its own seizures to the hub, so nothing is uploaded for it here"
    )]
    HasNode(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The hub's side of uploads on behalf of members: its CEN database and its key.
#[derive(Debug, Clone)]
pub struct MemberUploads {
    cen: CenDb,
    identity: Arc<Identity>,
    journal: Arc<Journal>,
    /// Held from reading the current heads to writing the new ones, so that two uploads for
    /// the same member cannot both build on the same revision.
    writing: Arc<std::sync::Mutex<()>>,
}

impl MemberUploads {
    pub fn new(cen: CenDb, identity: Arc<Identity>, journal: Arc<Journal>) -> Self {
        MemberUploads { cen, identity, journal, writing: Arc::default() }
    }

    /// The administrations of the member directory (each has a node).
    fn with_node(&self) -> Result<Vec<String>, StoreError> {
        let directory = DirectoryService::new(self.journal.clone(), self.identity.clone(), true, None);
        Ok(directory
            .current()?
            .map(|(d, _)| d.members.into_iter().map(|m| m.administration).collect())
            .unwrap_or_default())
    }

    /// The administrations an upload may be made for: the countries of the code list (not
    /// deprecated) that have no node in the member directory, by code.
    pub fn without_node(
        &self,
        catalog: &ncen_protocol::codelists::Catalog,
    ) -> Result<Vec<String>, StoreError> {
        let with_node = self.with_node()?;
        let mut codes: Vec<String> = catalog
            .list(ListId::Country)
            .entries
            .iter()
            .filter(|e| !e.deprecated && is_administration_code(&e.code) && !with_node.contains(&e.code))
            .map(|e| e.code.clone())
            .collect();
        codes.sort();
        Ok(codes)
    }

    /// The administration, upper-cased, if an upload may be made for it.
    pub fn check(&self, administration: &str) -> Result<String, MemberError> {
        let code = administration.trim().to_ascii_uppercase();
        let catalog = ncen_protocol::codelists::Catalog::builtin();
        if !is_administration_code(&code) || code == HUB || !catalog.list(ListId::Country).is_valid(&code) {
            return Err(MemberError::Unknown(administration.to_owned()));
        }
        if self.with_node()?.contains(&code) {
            return Err(MemberError::HasNode(code));
        }
        Ok(code)
    }

    /// The stable CEN id of a member's seizure: derived from the hub's key, the administration
    /// and the national reference, so that the same reference always names the same record and
    /// the reference itself cannot be recovered from the id.
    pub fn seizure_id(&self, administration: &str, reference: &str) -> RecordId {
        let mut h = Sha256::new();
        h.update(b"ncen/hub-upload/seizure-id/1\0");
        h.update(self.identity.signing_key().to_bytes());
        h.update(administration.as_bytes());
        h.update([0]);
        h.update(reference.as_bytes());
        let digest = h.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    }

    /// Signs one revision with the hub's key, marked as signed on behalf of its origin.
    fn sign(&self, signed: &SignedCen) -> Result<Vec<u8>, ImportError> {
        let payload = cbor::to_vec(signed).map_err(|e| ImportError::Record(e.to_string()))?;
        envelope::sign(
            self.identity.signing_key(),
            self.identity.peer_id().as_bytes(),
            CONTENT_TYPE_CEN_ON_BEHALF,
            &payload,
        )
        .map_err(|e| ImportError::Record(e.to_string()))
    }
}

/// What an upload on behalf of a member works with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub members: &'a MemberUploads,
    pub administration: &'a str,
    pub job: uuid::Uuid,
    pub cx: run::Context<'a>,
}

/// One revision to write.
struct Write {
    current: Option<CenHead>,
    signed: SignedCen,
}

/// Whether two projections differ only by their revision.
fn same(held: &CenSeizure, new: &CenSeizure) -> bool {
    let mut held = held.clone();
    held.revision = new.revision;
    held == *new
}

/// The photos of the archive that valid seizures name in their projection (goods, concealment,
/// X-ray; never a person or a document), checked by content; the others are counted as ignored.
fn photos_to_keep(
    cx: &Context<'_>,
    images: Vec<(String, Vec<u8>)>,
    named: &HashSet<String>,
    report: &mut ImportReport,
    ignored: &mut usize,
    errors: &mut Vec<RowError>,
) -> Result<Vec<(Vec<u8>, crate::photos::Inspected)>, ImportError> {
    let mut keep: Vec<(Vec<u8>, crate::photos::Inspected)> = Vec::new();
    for (name, bytes) in images {
        let sha = hex::encode(Sha256::digest(&bytes));
        if !named.contains(&sha) || keep.iter().any(|(_, i)| i.sha256 == sha) {
            *ignored += 1;
            continue;
        }
        report.photos.read += 1;
        match crate::photos::inspect(&bytes) {
            Ok(_) if cx.cx.dry_run => report.photos.valid += 1,
            Ok(inspected) => {
                report.photos.valid += 1;
                if cx.cx.photos.holds(&inspected.sha256).map_err(ImportError::Store)? {
                    report.photos.existing += 1;
                } else {
                    report.photos.created += 1;
                    keep.push((bytes, inspected));
                }
            }
            Err(e) => {
                report.photos.invalid += 1;
                errors.push(RowError::new(&name, 0, None, e.to_string()));
            }
        }
    }
    Ok(keep)
}

/// Runs one upload on behalf of a member.
pub(crate) fn run(mx: Context<'_>, mut source: Source, upload: &Upload) -> Result<ImportReport, ImportError> {
    let cx = mx.cx;
    let members = mx.members;
    let images = source.take_photos();
    let tables = source.read(&mut |n| cx.progress.read(n as u64))?;
    let mut parsed = assemble(tables)?;
    cx.progress.storing(parsed.seizures.len() as u64);
    validate::<Seizure>(&mut parsed.seizures, Validator::new(cx.catalog, Some(today())), Validator::seizure);
    let mut on_behalf = OnBehalf {
        administration: mx.administration.to_owned(),
        signed_by: HUB.to_owned(),
        suspects_ignored: parsed.suspects.len(),
        companies_ignored: parsed.companies.len(),
        ..OnBehalf::default()
    };
    // Nominal records: never looked at again.
    drop(std::mem::take(&mut parsed.suspects));
    drop(std::mem::take(&mut parsed.companies));
    let mut report = ImportReport {
        dry_run: upload.dry_run,
        format: upload.format.to_owned(),
        file_sha256: upload.sha256.clone(),
        sheets: parsed.rows.iter().map(|(s, n)| SheetCount { sheet: (*s).to_owned(), rows: *n }).collect(),
        ..ImportReport::default()
    };
    let mut errors = std::mem::take(&mut parsed.stray);
    let _writing = members.writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let issued_at_ms = now_ms();
    let mut writes: Vec<Write> = Vec::new();
    let mut named: HashSet<String> = HashSet::new();
    let count = &mut report.seizures;
    for p in parsed.seizures {
        count.read += 1;
        cx.progress.advance(1);
        if !p.errors.is_empty() {
            count.invalid += 1;
            errors.extend(p.errors);
            continue;
        }
        let id = members.seizure_id(mx.administration, &p.record.national_reference);
        let current = members.cen.head(id)?;
        if current.as_ref().is_some_and(|h| h.signed_by.is_none() || h.origin != mx.administration) {
            count.invalid += 1;
            errors.push(RowError::new(
                "Seizures",
                p.rows.main,
                Some("national_reference"),
                "names a seizure the hub received from a node",
            ));
            continue;
        }
        count.valid += 1;
        let revision = current.as_ref().map_or(1, |h| h.revision.saturating_add(1));
        let body = project(&p.record, id, mx.administration, revision);
        named.extend(body.photos.iter().map(|p| p.sha256.to_ascii_lowercase()));
        let held = current.as_ref().filter(|h| !h.deleted).and_then(|h| h.body.as_ref());
        if held.is_some_and(|b| same(b, &body)) {
            count.existing += 1;
            continue;
        }
        if cx.dry_run {
            continue;
        }
        if current.is_some() {
            on_behalf.updated += 1;
        } else {
            count.created += 1;
        }
        let signed = SignedCen {
            format: RECORD_FORMAT,
            id,
            origin: mx.administration.to_owned(),
            revision,
            issued_at_ms,
            body: Some(body),
        };
        writes.push(Write { current, signed });
    }
    if cx.dry_run {
        count.existing = 0;
    }
    let keep = photos_to_keep(&mx, images, &named, &mut report, &mut on_behalf.photos_ignored, &mut errors)?;
    let mut signed = Vec::with_capacity(writes.len());
    for w in writes {
        let envelope = members.sign(&w.signed)?;
        signed.push((w, envelope));
    }
    errors.sort_by_key(|e| (super::run::sheet_order(&e.sheet), e.row));
    report.invalid_rows_total = errors.len();
    errors.truncate(MAX_LISTED_ERRORS);
    report.invalid_rows = errors;
    report.created = report.seizures.created + report.photos.created;
    report.existing = report.seizures.existing + report.photos.existing;
    if !signed.is_empty() || !keep.is_empty() {
        store(&mx, &signed, &keep, &report, &on_behalf)?;
    }
    report.on_behalf = Some(on_behalf);
    Ok(report)
}

/// Writes the revisions, the photos they name and the audit entry in one batch.
fn store(
    mx: &Context<'_>,
    signed: &[(Write, Vec<u8>)],
    photos: &[(Vec<u8>, crate::photos::Inspected)],
    report: &ImportReport,
    on_behalf: &OnBehalf,
) -> Result<(), ImportError> {
    let cen = &mx.members.cen;
    mx.members.journal.write(true, |batch, app| {
        let mut heads: HashMap<RecordId, CenHead> = HashMap::new();
        let mut applied = 0usize;
        for (w, envelope) in signed {
            let current = heads.get(&w.signed.id).or(w.current.as_ref()).cloned();
            if let Some(head) = cen.apply_on_behalf(batch, current.as_ref(), &w.signed, envelope, HUB)? {
                heads.insert(w.signed.id, head);
                applied += 1;
            }
        }
        for (bytes, inspected) in photos {
            crate::photos::put(batch, bytes, inspected);
        }
        let detail = format!(
            "administration={} signed_by={HUB} file_sha256={} format={} seizures_read={} created={} updated={} \
             unchanged={} applied={applied} invalid_rows={} photos_stored={} suspects_ignored={} \
             companies_ignored={} photos_ignored={}",
            on_behalf.administration,
            report.file_sha256,
            report.format,
            report.seizures.read,
            report.seizures.created,
            on_behalf.updated,
            report.seizures.existing,
            report.invalid_rows_total,
            photos.len(),
            on_behalf.suspects_ignored,
            on_behalf.companies_ignored,
            on_behalf.photos_ignored,
        );
        app.audit(
            batch,
            AuditEvent::new(mx.cx.actor, "cen.upload", Outcome::Ok)
                .target(format!("cen/uploads/{}", mx.job))
                .detail(detail),
        )?;
        Ok::<_, StoreError>(())
    })?;
    Ok(())
}
