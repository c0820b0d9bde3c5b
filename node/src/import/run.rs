//! One import, start to end: the file's rows read into records, every record validated (on
//! every core), suspects and companies stored before the seizures that link to them, each kind
//! in chunks through the idempotent batch path, and the report. A dry run does all of it but
//! the storing.

use ncen_protocol::codelists::Catalog;
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::record::{RecordBody, RecordKind};
use ncen_protocol::template::{Locate, Parsed, RowError, Rows, SHEETS, assemble, locate};
use ncen_protocol::validate::{ValidationErrors, Validator};

use super::jobs::Progress;
use super::links::{Directory, Known, by_reference};
use super::report::{ImportReport, KindCount, SheetCount};
use super::source::Source;
use super::{CHUNK, ImportError, MAX_LISTED_ERRORS};
use crate::metrics::Metrics;
use crate::records::{BatchError, BatchStatus, Records};
use crate::store::Store;

/// What an import works with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub records: &'a Records,
    pub store: &'a Store,
    pub progress: &'a Progress,
    pub dry_run: bool,
    pub metrics: &'a Metrics,
    pub catalog: &'static Catalog,
    pub actor: &'a str,
    pub photos: &'a crate::photos::Photos,
}

/// What is known of the upload before reading it.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    pub format: &'static str,
    pub sha256: String,
    pub dry_run: bool,
}

pub(super) fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Validates records on every core, noting each error at its cell.
pub(super) fn validate<T: Locate + Send>(
    items: &mut [Parsed<T>],
    validator: Validator<'static>,
    check: fn(&Validator<'static>, &T) -> Result<(), ValidationErrors>,
) {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for part in items.chunks_mut(chunk) {
            scope.spawn(move || {
                for p in part {
                    if let Err(e) = check(&validator, &p.record) {
                        p.add_validation_errors(&e.0);
                    }
                }
            });
        }
    });
}

/// Stores the valid records of one kind in chunks (or, in a dry run, only counts them);
/// returns them by national reference for the links of seizures.
fn store<T: Locate>(
    cx: Context<'_>,
    kind: RecordKind,
    items: Vec<Parsed<T>>,
    body: fn(T) -> RecordBody,
    count: &mut KindCount,
    errors: &mut Vec<RowError>,
) -> Result<Known, ImportError> {
    let progress = cx.progress;
    let mut known = Known::default();
    count.read = items.len();
    let mut valid: Vec<(Rows, RecordBody)> = Vec::with_capacity(items.len());
    for p in items {
        let b = body(p.record);
        if p.errors.is_empty() {
            valid.push((p.rows, b));
        } else {
            count.invalid += 1;
            known.refused.entry(b.national_reference().to_owned()).or_insert(p.rows.main);
            errors.extend(p.errors);
        }
    }
    if cx.dry_run {
        count.valid = valid.len();
        for (_, b) in &valid {
            known.valid.insert(b.national_reference().to_owned(), None);
        }
        progress.advance(valid.len() as u64);
        return Ok(known);
    }
    let store = cx.store;
    let mut rest = valid.into_iter();
    loop {
        let chunk: Vec<(Rows, RecordBody)> = rest.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let size = chunk.len() as u64;
        let mut new: Vec<(Rows, RecordBody)> = Vec::with_capacity(chunk.len());
        for (rows, b) in chunk {
            match by_reference(store, cx.records.origin(), kind, b.national_reference())? {
                Some(id) => {
                    count.valid += 1;
                    count.existing += 1;
                    known.valid.insert(b.national_reference().to_owned(), Some(id));
                }
                None => new.push((rows, b)),
            }
        }
        // At most two tries: one refusal of the batch (a record that turned invalid since it
        // was checked) takes those records out.
        for _ in 0..2 {
            if new.is_empty() {
                break;
            }
            let bodies: Vec<RecordBody> = new.iter().map(|(_, b)| b.clone()).collect();
            match cx.records.create_batch(cx.actor, kind, bodies) {
                Ok(items) => {
                    let created = items.iter().filter(|i| i.status == BatchStatus::Created).count();
                    count.valid += items.len();
                    count.created += created;
                    count.existing += items.len() - created;
                    cx.metrics.record_written(kind, created as u64);
                    for item in items {
                        known.valid.insert(item.national_reference, Some(item.id));
                    }
                    new.clear();
                }
                Err(BatchError::Invalid(refused)) => {
                    let mut out = vec![false; new.len()];
                    for item in refused {
                        if let Some((rows, b)) = new.get(item.index) {
                            for e in &item.errors {
                                errors.push(locate::<T>(rows, e));
                            }
                            known.refused.insert(b.national_reference().to_owned(), rows.main);
                            count.invalid += 1;
                            if let Some(o) = out.get_mut(item.index) {
                                *o = true;
                            }
                        }
                    }
                    let mut flags = out.into_iter();
                    new.retain(|_| !flags.next().unwrap_or(false));
                }
                Err(BatchError::Record(e)) => return Err(ImportError::Record(e.to_string())),
            }
        }
        progress.advance(size);
    }
    Ok(known)
}

pub(super) fn sheet_order(name: &str) -> usize {
    SHEETS.iter().position(|s| s.name == name).unwrap_or(SHEETS.len())
}

/// Checks each photo of the archive by content and, unless in a dry run, stores it.
fn store_photos(
    cx: Context<'_>,
    images: Vec<(String, Vec<u8>)>,
    count: &mut KindCount,
    errors: &mut Vec<RowError>,
) -> Result<(), ImportError> {
    for (name, bytes) in images {
        count.read += 1;
        let inspected = match crate::photos::inspect(&bytes) {
            Ok(i) => i,
            Err(e) => {
                count.invalid += 1;
                errors.push(RowError::new(&name, 0, None, e.to_string()));
                continue;
            }
        };
        count.valid += 1;
        if cx.photos.holds(&inspected.sha256).map_err(|e| ImportError::Record(e.to_string()))? {
            count.existing += 1;
        } else if !cx.dry_run {
            cx.photos.upload(cx.actor, &bytes, "import").map_err(|e| ImportError::Record(e.to_string()))?;
            count.created += 1;
        }
    }
    Ok(())
}

/// Runs one import of an opened source.
pub(crate) fn run(cx: Context<'_>, mut source: Source, upload: &Upload) -> Result<ImportReport, ImportError> {
    let progress = cx.progress;
    let images = source.take_photos();
    let tables = source.read(&mut |n| progress.read(n as u64))?;
    let mut parsed = assemble(tables)?;
    let total = parsed.seizures.len() + parsed.suspects.len() + parsed.companies.len();
    progress.storing(total as u64);
    let validator = Validator::new(cx.catalog, Some(today()));
    validate::<Seizure>(&mut parsed.seizures, validator, Validator::seizure);
    validate::<Suspect>(&mut parsed.suspects, validator, Validator::suspect);
    validate::<Company>(&mut parsed.companies, validator, Validator::company);

    let mut report = ImportReport {
        dry_run: upload.dry_run,
        format: upload.format.to_owned(),
        file_sha256: upload.sha256.clone(),
        sheets: parsed.rows.iter().map(|(s, n)| SheetCount { sheet: (*s).to_owned(), rows: *n }).collect(),
        ..ImportReport::default()
    };
    let mut errors = std::mem::take(&mut parsed.stray);
    store_photos(cx, images, &mut report.photos, &mut errors)?;
    let suspects = store::<Suspect>(
        cx,
        RecordKind::Suspect,
        parsed.suspects,
        RecordBody::Suspect,
        &mut report.suspects,
        &mut errors,
    )?;
    let companies = store::<Company>(
        cx,
        RecordKind::Company,
        parsed.companies,
        RecordBody::Company,
        &mut report.companies,
        &mut errors,
    )?;
    let directory = Directory { records: cx.records, store: cx.store, suspects, companies };
    for s in &mut parsed.seizures {
        for link in std::mem::take(&mut s.links) {
            match directory.resolve(&link)? {
                Ok(id) => s.set_link(&link, id),
                Err(reason) => s.errors.push(link.error(reason)),
            }
        }
    }
    store::<Seizure>(
        cx,
        RecordKind::Seizure,
        parsed.seizures,
        RecordBody::Seizure,
        &mut report.seizures,
        &mut errors,
    )?;

    errors.sort_by_key(|e| (sheet_order(&e.sheet), e.row));
    report.invalid_rows_total = errors.len();
    errors.truncate(MAX_LISTED_ERRORS);
    report.invalid_rows = errors;
    let kinds = [&report.seizures, &report.suspects, &report.companies];
    report.created = kinds.iter().map(|k| k.created).sum();
    report.existing = kinds.iter().map(|k| k.existing).sum();
    Ok(report)
}
