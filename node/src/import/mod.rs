//! Bulk upload of the standard templates (MISSION N3, C2): an XLSX workbook, one CSV file of a
//! sheet, or the CSV files of the template in a ZIP archive, read with bounds
//! ([`MAX_FILE_BYTES`], [`MAX_ROWS`]), checked against the code lists, and stored through the
//! idempotent batch path in chunks of [`CHUNK`]. An import runs as a job in memory
//! ([`jobs`]); the template's columns are defined once in [`ncen_protocol::template`].
//!
//! | file | holds |
//! | --- | --- |
//! | `source.rs` | what was uploaded: format, header checks before the job starts |
//! | `unzip.rs` | ZIP archives opened with bounds on what they unpack to |
//! | `xlsx.rs`, `csv_sheet.rs` | the readers of workbooks and CSV files into tables |
//! | `links.rs` | offenders' suspects and seizures' companies resolved to record ids |
//! | `member/` | at the hub: uploads on behalf of members without a node, projected for CEN |
//! | `run.rs` | one import: read, check, store, report |
//! | `report.rs` | the report and the job's view |
//! | `jobs.rs` | running and finished jobs of a node |
//! | `workbook.rs` | the empty template workbook with drop-down lists |
//! | `client.rs` | `ncen-node import`: posts a file to a node and follows the job |

pub mod client;
mod csv_sheet;
pub mod jobs;
mod links;
pub mod member;
pub mod report;
mod run;
pub mod source;
mod unzip;
pub mod workbook;
mod xlsx;

#[cfg(test)]
mod tests;

pub use jobs::{ImportJobs, MemberStartError, Request, StartError};
pub use member::{MemberError, MemberUploads};
pub use report::{ImportReport, JobState, JobView, KindCount, OnBehalf, Phase, SheetCount};
pub use source::{Format, FormatError, Source, XLSX_TYPE};

/// Largest file an import takes.
pub const MAX_FILE_BYTES: usize = 64 << 20;
/// Most data rows of one sheet.
pub const MAX_ROWS: usize = 1_000_000;
/// Most bytes one entry of a ZIP archive (a worksheet, the shared strings) may unpack to.
pub const MAX_UNPACKED_ENTRY: u64 = 1 << 30;
/// Most bytes a whole ZIP archive may unpack to.
pub const MAX_UNPACKED_TOTAL: u64 = 2 << 30;
/// Records stored per batch.
pub const CHUNK: usize = 1_000;
/// Imports running at once at a node.
pub const MAX_RUNNING: usize = 2;
/// Refused rows listed in a report (all are counted).
pub const MAX_LISTED_ERRORS: usize = 10_000;

/// Why a file cannot be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is larger than {} MiB; split it into several files", MAX_FILE_BYTES >> 20)]
    TooLarge,
    #[error("sheet {sheet} has more than {MAX_ROWS} rows; split it into several files")]
    TooManyRows { sheet: &'static str },
    #[error("the file is not an XLSX workbook: {0}")]
    NotXlsx(String),
    #[error("the file is not a CSV file of the template: {0}")]
    NotCsv(String),
    #[error("the file is not a ZIP archive of the template's CSV files: {0}")]
    NotZip(String),
    #[error("{0}")]
    Sheet(#[from] ncen_protocol::template::SheetError),
    #[error("the upload has none of the template's sheets ({})", sheet_names())]
    NoSheets,
    #[error("the import stopped: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("the import stopped: {0}")]
    Record(String),
}

fn sheet_names() -> String {
    ncen_protocol::template::SHEETS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
}
