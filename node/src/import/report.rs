//! What an import answers: the job's state and progress, and once done its report (rows read
//! per sheet, records per kind, every refused row with its reason).

use ncen_protocol::template::RowError;
use serde::{Deserialize, Serialize};

/// Data rows read from one sheet (blank rows not counted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SheetCount {
    pub sheet: String,
    pub rows: usize,
}

/// The records of one kind in the upload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KindCount {
    /// Records read (one per row of its main sheet).
    pub read: usize,
    pub valid: usize,
    pub invalid: usize,
    /// Stored now (0 in a dry run).
    pub created: usize,
    /// Already at the node under the same national reference: nothing written.
    pub existing: usize,
}

/// The outcome of an import or of a dry run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    /// `xlsx`, `csv` or `zip`.
    pub format: String,
    /// Lowercase hex SHA-256 of the uploaded file.
    pub file_sha256: String,
    pub sheets: Vec<SheetCount>,
    pub seizures: KindCount,
    pub suspects: KindCount,
    pub companies: KindCount,
    /// The photos of a ZIP archive (files ending in .jpg, .jpeg or .png), checked by content:
    /// stored now, already held, or refused (listed with the file's name as its sheet).
    #[serde(default)]
    pub photos: KindCount,
    /// Records stored now, all kinds.
    pub created: usize,
    /// Records already at the node, all kinds.
    pub existing: usize,
    /// Every refused row (or cell), in sheet and row order; at most 10,000 are listed.
    pub invalid_rows: Vec<RowError>,
    /// How many refusals there are in all (more than listed when over 10,000).
    pub invalid_rows_total: usize,
    /// At the hub, an upload on behalf of a member without a node: what it was stored as and
    /// what the hub left aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<OnBehalf>,
}

/// What an upload at the hub on behalf of a member without a node did beyond the counts: only
/// the non-nominal projection of each valid seizure is kept, so `seizures.created` counts new
/// CEN records, `updated` those whose projection changed (a new revision) and
/// `seizures.existing` those whose projection is already held unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OnBehalf {
    /// The member administration the seizures are stored for (their origin).
    pub administration: String,
    /// Who signed them: the hub's administration (`WCO`), never the member.
    pub signed_by: String,
    /// Seizures stored as a new revision of a CEN record of an earlier upload.
    pub updated: usize,
    /// Rows of `Suspects` and `Companies`: nominal, read by no one and never stored.
    pub suspects_ignored: usize,
    pub companies_ignored: usize,
    /// Photos of a ZIP archive left aside: no valid seizure of the upload names them as a photo
    /// of goods, a concealment or an X-ray image (photos of persons and documents never are).
    pub photos_ignored: usize,
}

impl ImportReport {
    /// Whether every record of the upload was valid.
    pub fn all_valid(&self) -> bool {
        self.invalid_rows_total == 0
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Running,
    Done,
    Failed,
}

/// What a running job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Reading the file's rows (`rows_done` counts rows read; `rows_total` is not known yet).
    Reading,
    /// Checking and storing records (`rows_done` of `rows_total` rows of `Seizures`,
    /// `Suspects` and `Companies` are through).
    Storing,
    Finished,
}

/// An import job as `GET /api/v1/import/{job}` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct JobView {
    pub job: uuid::Uuid,
    pub state: JobState,
    pub phase: Phase,
    pub dry_run: bool,
    pub rows_done: u64,
    pub rows_total: u64,
    /// RFC 3339, UTC.
    pub started_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// When done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ImportReport>,
    /// When failed: why nothing more could be imported (records stored before stay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// At the hub: the member administration the upload is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administration: Option<String>,
}
