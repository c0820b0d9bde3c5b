//! Reading one row by column name: each cell converted to what its field needs (text, number,
//! date, list, link), each refusal noted with the cell's sheet, row and column.

use std::collections::HashMap;

use time::Date;
use time::macros::format_description;

use super::cell::{Cell, iso_date};
use super::sheets::{LIST_SEPARATOR, Sheet};
use super::table::{Row, RowError, SheetError};

/// The columns of a sheet as a file has them: name to position.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    sheet: Sheet,
    index: HashMap<&'static str, usize>,
}

impl Columns {
    /// Checks a header row against the sheet: every required column present, none unknown or
    /// repeated. Empty header cells are ignored.
    pub(crate) fn new(sheet: Sheet, header: &[String]) -> Result<Columns, SheetError> {
        let mut index = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let Some(&known) = sheet.columns.iter().find(|c| **c == name) else {
                return Err(SheetError::UnknownColumn { sheet: sheet.name, column: name.to_owned() });
            };
            if index.insert(known, i).is_some() {
                return Err(SheetError::DuplicateColumn { sheet: sheet.name, column: name.to_owned() });
            }
        }
        if let Some(missing) = sheet.required.iter().find(|c| !index.contains_key(*c)) {
            return Err(SheetError::MissingColumn { sheet: sheet.name, column: missing });
        }
        Ok(Columns { sheet, index })
    }
}

/// Checks a header row against the sheet, as reading the sheet will: every required column
/// present, none unknown or repeated.
pub fn check_header(sheet: Sheet, header: &[String]) -> Result<(), SheetError> {
    Columns::new(sheet, header).map(|_| ())
}

/// A reference from a row to another record: its id, or its national reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    Id(uuid::Uuid),
    Reference(String),
}

impl std::fmt::Display for LinkTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkTarget::Id(id) => write!(f, "{id}"),
            LinkTarget::Reference(r) => f.write_str(r),
        }
    }
}

/// Reads the cells of one row; refusals go to `errors`.
#[derive(Debug)]
pub(crate) struct RowReader<'a> {
    columns: &'a Columns,
    pub(crate) row: u32,
    cells: Vec<Cell>,
    pub(crate) errors: Vec<RowError>,
}

/// A number as text: whole numbers without a fraction (`12345`, not `12345.0`).
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { x.to_string() }
}

/// Parses `YYYY-MM-DD`, also when followed by a time of day (`2026-01-31T00:00:00`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let (day, rest) =
        if text.len() > 10 && text.is_char_boundary(10) { text.split_at(10) } else { (text, "") };
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    Date::parse(day, format_description!("[year]-[month]-[day]")).ok()
}

fn shown(text: &str) -> String {
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

impl<'a> RowReader<'a> {
    pub(crate) fn new(columns: &'a Columns, row: Row) -> Self {
        RowReader { columns, row: row.number, cells: row.cells, errors: Vec::new() }
    }

    pub(crate) fn sheet(&self) -> &'static str {
        self.columns.sheet.name
    }

    pub(crate) fn error(&mut self, column: Option<&str>, reason: impl Into<String>) {
        self.errors.push(RowError::new(self.sheet(), self.row, column, reason));
    }

    fn take(&mut self, column: &str) -> Cell {
        match self.columns.index.get(column).and_then(|&i| self.cells.get_mut(i)) {
            Some(cell) => std::mem::replace(cell, Cell::Empty),
            None => Cell::Empty,
        }
    }

    /// Whether any of `columns` holds something (without taking it).
    pub(crate) fn any(&self, columns: &[&str]) -> bool {
        columns.iter().any(|c| {
            self.columns.index.get(c).and_then(|&i| self.cells.get(i)).is_some_and(|cell| !cell.is_blank())
        })
    }

    /// The cell as text; `None` when empty.
    pub(crate) fn text(&mut self, column: &str) -> Option<String> {
        match self.take(column) {
            Cell::Empty => None,
            Cell::Text(s) => {
                let t = s.trim();
                if t.is_empty() {
                    None
                } else if t.len() == s.len() {
                    Some(s)
                } else {
                    Some(t.to_owned())
                }
            }
            Cell::Number(x) => Some(number_text(x)),
            Cell::Date(d) => Some(iso_date(d)),
        }
    }

    /// A value that must be there; an empty string stands in for a missing one.
    pub(crate) fn required(&mut self, column: &str) -> String {
        self.text(column).unwrap_or_else(|| {
            self.error(Some(column), "is required");
            String::new()
        })
    }

    /// A number, from a number cell or numeric text (a dot for decimals, no separators).
    pub(crate) fn number(&mut self, column: &str) -> Option<f64> {
        let parsed = match self.take(column) {
            Cell::Empty => return None,
            Cell::Number(x) => Ok(x),
            Cell::Text(s) if s.trim().is_empty() => return None,
            Cell::Text(s) => s.trim().parse::<f64>().map_err(|_| s),
            Cell::Date(d) => Err(iso_date(d)),
        };
        match parsed {
            Ok(x) if x.is_finite() => Some(x),
            Ok(x) => {
                self.error(Some(column), format!("{} is not a number", shown(&x.to_string())));
                None
            }
            Err(text) => {
                self.error(
                    Some(column),
                    format!(
                        "{} is not a number (write it with a dot for decimals, no separators)",
                        shown(&text)
                    ),
                );
                None
            }
        }
    }

    /// A number that must be there; 0 stands in for a missing one.
    pub(crate) fn required_number(&mut self, column: &str) -> f64 {
        let present = self.any(&[column]);
        match self.number(column) {
            Some(x) => x,
            None => {
                if !present {
                    self.error(Some(column), "is required");
                }
                0.0
            }
        }
    }

    /// A date, from a date cell or text `YYYY-MM-DD`; written back as `YYYY-MM-DD`.
    pub(crate) fn date(&mut self, column: &str) -> Option<String> {
        match self.take(column) {
            Cell::Empty => None,
            Cell::Date(d) => Some(iso_date(d)),
            Cell::Text(s) if s.trim().is_empty() => None,
            Cell::Text(s) => match parse_date(&s) {
                Some(d) => Some(iso_date(d)),
                None => {
                    self.error(Some(column), format!("{} is not a date (write YYYY-MM-DD)", shown(&s)));
                    None
                }
            },
            Cell::Number(x) => {
                self.error(
                    Some(column),
                    format!(
                        "{} is not a date (write YYYY-MM-DD, or format the cell as a date)",
                        shown(&number_text(x))
                    ),
                );
                None
            }
        }
    }

    /// A date that must be there; an empty string stands in for a missing or bad one.
    pub(crate) fn required_date(&mut self, column: &str) -> String {
        let present = self.any(&[column]);
        self.date(column).unwrap_or_else(|| {
            if !present {
                self.error(Some(column), "is required");
            }
            String::new()
        })
    }

    /// Values joined by `;` in one cell.
    pub(crate) fn list(&mut self, column: &str) -> Vec<String> {
        self.text(column)
            .map(|v| v.split(LIST_SEPARATOR).map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default()
    }

    /// A whole number from 0 to 255.
    pub(crate) fn small_whole(&mut self, column: &str) -> Option<u8> {
        let x = self.number(column)?;
        if (0.0..=255.0).contains(&x) && x.fract() == 0.0 {
            Some(x as u8)
        } else {
            self.error(Some(column), format!("{} is not a whole number of years", shown(&x.to_string())));
            None
        }
    }

    /// A link to another record: its id (a UUID) or its national reference.
    pub(crate) fn link(&mut self, column: &str) -> Option<LinkTarget> {
        let text = self.text(column)?;
        Some(match uuid::Uuid::parse_str(&text) {
            Ok(id) => LinkTarget::Id(id),
            Err(_) => LinkTarget::Reference(text),
        })
    }

    /// One of a few fixed values.
    pub(crate) fn choice(&mut self, column: &str, choices: &[&'static str]) -> Option<&'static str> {
        let text = self.text(column)?;
        match choices.iter().find(|c| c.eq_ignore_ascii_case(&text)) {
            Some(c) => Some(c),
            None => {
                self.error(Some(column), format!("{} is not one of {}", shown(&text), choices.join(", ")));
                None
            }
        }
    }
}
