//! One cell of a sheet, as written or as read from an XLSX or CSV file.

use time::Date;
use time::macros::format_description;

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date in a workbook.
    Date(Date),
}

impl Cell {
    pub(crate) fn text(value: &str) -> Cell {
        Cell::Text(value.to_owned())
    }

    pub(crate) fn opt(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, Cell::text)
    }

    pub(crate) fn list(values: &[String]) -> Cell {
        if values.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(values.join(&super::LIST_SEPARATOR.to_string()))
        }
    }

    /// Whether the cell holds nothing (empty, or only white space).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The cell as CSV text (dates `YYYY-MM-DD`; numbers the way Rust prints an `f64`).
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => x.to_string(),
            Cell::Date(d) => iso_date(*d),
        }
    }
}

/// A date written `YYYY-MM-DD`.
pub fn iso_date(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}
