//! One upload on behalf of a member: the file read and checked as at a national node, each
//! valid seizure projected, compared with what the hub holds, signed by the hub, and written
//! with the photos it names and the audit entry in one batch.

use std::collections::{HashMap, HashSet};

use ncen_protocol::model::{RecordId, Seizure};
use ncen_protocol::projection::{CenSeizure, SignedCen, project};
use ncen_protocol::record::{RECORD_FORMAT, RecordKind};
use ncen_protocol::template::{COMPANIES, Cell, PHOTOS, RowError, SHEETS, SUSPECTS, Sheet, Table, assemble};
use ncen_protocol::validate::Validator;
use sha2::{Digest as _, Sha256};

use super::{HUB, MemberUploads};
use crate::audit::{AuditEvent, Outcome};
use crate::cen::CenHead;
use crate::import::report::{ImportReport, OnBehalf, SheetCount};
use crate::import::run::{self as national, Upload, sheet_order, today, validate};
use crate::import::source::Source;
use crate::import::{ImportError, MAX_LISTED_ERRORS};
use crate::journal::{LogEntry, now_ms};
use crate::store::StoreError;

/// What an upload on behalf of a member works with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub members: &'a MemberUploads,
    pub administration: &'a str,
    pub job: uuid::Uuid,
    pub cx: national::Context<'a>,
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

/// Leaves aside what the hub never reads: the `Suspects` and `Companies` sheets (their rows are
/// counted) and the rows of `Photos` that belong to a suspect. Returns the rows of every sheet
/// of the file, in template order.
fn leave_nominal_aside(tables: &mut Vec<(Sheet, Table)>, on_behalf: &mut OnBehalf) -> Vec<SheetCount> {
    let sheets = SHEETS
        .iter()
        .filter_map(|s| tables.iter().find(|(t, _)| t.name == s.name))
        .map(|(s, t)| SheetCount { sheet: s.name.to_owned(), rows: t.filled_rows() })
        .collect();
    for (sheet, table) in tables.iter_mut() {
        if sheet.name != PHOTOS.name {
            continue;
        }
        if let Some(i) = table.header.iter().position(|h| h.trim().eq_ignore_ascii_case("collection")) {
            table.rows.retain(
                |r| !matches!(r.cells.get(i), Some(Cell::Text(t)) if t.trim().eq_ignore_ascii_case("suspects")),
            );
        }
    }
    tables.retain(|(sheet, table)| {
        if sheet.name == SUSPECTS.name {
            on_behalf.suspects_ignored += table.filled_rows();
        } else if sheet.name == COMPANIES.name {
            on_behalf.companies_ignored += table.filled_rows();
        } else {
            return true;
        }
        false
    });
    sheets
}

/// Runs one upload on behalf of a member.
pub(crate) fn run(mx: Context<'_>, mut source: Source, upload: &Upload) -> Result<ImportReport, ImportError> {
    let cx = mx.cx;
    let members = mx.members;
    let images = source.take_photos();
    let mut tables = source.read(&mut |n| cx.progress.read(n as u64))?;
    let mut on_behalf = OnBehalf {
        administration: mx.administration.to_owned(),
        signed_by: HUB.to_owned(),
        ..OnBehalf::default()
    };
    let sheets = leave_nominal_aside(&mut tables, &mut on_behalf);
    let mut parsed = assemble(tables)?;
    cx.progress.storing(parsed.seizures.len() as u64);
    validate::<Seizure>(&mut parsed.seizures, Validator::new(cx.catalog, Some(today())), Validator::seizure);
    let mut report = ImportReport {
        dry_run: upload.dry_run,
        format: upload.format.to_owned(),
        file_sha256: upload.sha256.clone(),
        sheets,
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
    errors.sort_by_key(|e| (sheet_order(&e.sheet), e.row));
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
                // The hub's search index follows the change feed, as for members' own entries.
                let change =
                    LogEntry { kind: RecordKind::Seizure, id: w.signed.id, revision: w.signed.revision };
                app.changed(batch, change)?;
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
