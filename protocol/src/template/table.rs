//! What a reader of files hands over (one [`Table`] per sheet) and what reading reports: a
//! refused cell or row ([`RowError`]), or a sheet that cannot be read at all ([`SheetError`]).

use serde::{Deserialize, Serialize};

use super::cell::Cell;

/// One sheet as read from a file: its header row and its data rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row and its number as the spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl Table {
    /// Data rows that hold something (blank rows are skipped by the reader).
    pub fn filled_rows(&self) -> usize {
        self.rows.iter().filter(|r| !r.cells.iter().all(Cell::is_blank)).count()
    }
}

/// A refused row, or one refused cell of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowError {
    /// Worksheet name (`Goods`), also for a CSV file (`goods.csv` is sheet `Goods`).
    pub sheet: String,
    /// Row number as the spreadsheet shows it: the header is row 1.
    pub row: u32,
    /// Column header, when one cell is at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub reason: String,
}

impl RowError {
    pub fn new(sheet: &str, row: u32, column: Option<&str>, reason: impl Into<String>) -> Self {
        RowError { sheet: sheet.to_owned(), row, column: column.map(str::to_owned), reason: reason.into() }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "{} row {}, column {c}: {}", self.sheet, self.row, self.reason),
            None => write!(f, "{} row {}: {}", self.sheet, self.row, self.reason),
        }
    }
}

/// A sheet whose header makes it unreadable: nothing of the upload is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("sheet {sheet} has no column `{column}`; its columns are listed in the template")]
    MissingColumn { sheet: &'static str, column: &'static str },
    #[error("sheet {sheet} has a column `{column}` that the template does not have")]
    UnknownColumn { sheet: &'static str, column: String },
    #[error("sheet {sheet} has the column `{column}` twice")]
    DuplicateColumn { sheet: &'static str, column: String },
}
