//! Where a validation error of an assembled record points in the upload: the field path of
//! [`crate::validate`] (`goods[1].commodity`) becomes the sheet, row and column of the cell
//! (`Goods`, the row of the seizure's second goods line, `commodity`).

use crate::model::{Company, Seizure, Suspect};
use crate::validate::FieldError;

use super::assemble::{Parsed, Rows};
use super::sheets::{COMPANIES, GOODS, OFFENDERS, PHOTOS, SEIZURE_COMPANIES, SEIZURES, SUSPECTS, Sheet};
use super::table::RowError;

/// A record kind whose validation errors can be located in the upload.
pub trait Locate {
    /// Its main sheet.
    const SHEET: Sheet;
    /// The sheet, row and column of the cell a field path names, if the record has such rows.
    fn child(rows: &Rows, list: &str, index: usize) -> Option<(Sheet, u32)>;
}

impl Locate for Seizure {
    const SHEET: Sheet = SEIZURES;
    fn child(rows: &Rows, list: &str, index: usize) -> Option<(Sheet, u32)> {
        let (sheet, rows) = match list {
            "goods" => (GOODS, &rows.goods),
            "offenders" => (OFFENDERS, &rows.offenders),
            "companies" => (SEIZURE_COMPANIES, &rows.companies),
            "photos" => (PHOTOS, &rows.photos),
            _ => return None,
        };
        rows.get(index).map(|&row| (sheet, row))
    }
}

impl Locate for Suspect {
    const SHEET: Sheet = SUSPECTS;
    fn child(rows: &Rows, list: &str, index: usize) -> Option<(Sheet, u32)> {
        (list == "photos").then(|| rows.photos.get(index).map(|&row| (PHOTOS, row))).flatten()
    }
}

impl Locate for Company {
    const SHEET: Sheet = COMPANIES;
    fn child(_: &Rows, _: &str, _: usize) -> Option<(Sheet, u32)> {
        None
    }
}

/// `goods[1].commodity` → (`goods`, Some(1), `commodity`); `route.transit[2]` → no index on
/// the first part.
fn split(path: &str) -> (&str, Option<usize>, &str) {
    let (first, rest) = path.split_once('.').unwrap_or((path, ""));
    if let Some((name, tail)) = first.split_once('[')
        && let Some(index) = tail.strip_suffix(']').and_then(|i| i.parse().ok())
    {
        return (name, Some(index), rest);
    }
    (first, None, rest)
}

/// The column of `sheet` a field path names: the path itself, or the path without its last
/// index (`aliases[2]` → `aliases`, `route.transit[0]` → `route.transit`).
fn column_of(sheet: Sheet, path: &str) -> Option<&'static str> {
    let exact = sheet.columns.iter().find(|c| **c == path);
    exact
        .or_else(|| {
            let base = path.rsplit_once('[').map(|(b, _)| b)?;
            sheet.columns.iter().find(|c| **c == base)
        })
        .copied()
}

fn reason(e: &FieldError) -> String {
    match &e.value {
        Some(v) => format!("{} (got {v:?})", e.message),
        None => e.message.clone(),
    }
}

/// The cell a validation error of a record of kind `T` read from `rows` points at.
pub fn locate<T: Locate>(rows: &Rows, e: &FieldError) -> RowError {
    let (list, index, rest) = split(&e.field);
    if let Some(index) = index
        && !rest.is_empty()
        && let Some((sheet, row)) = T::child(rows, list, index)
    {
        let column = column_of(sheet, rest);
        let why = if column.is_some() { reason(e) } else { format!("{}: {}", e.field, reason(e)) };
        return RowError::new(sheet.name, row, column, why);
    }
    let column = column_of(T::SHEET, &e.field);
    let why = if column.is_some() { reason(e) } else { format!("{}: {}", e.field, reason(e)) };
    RowError::new(T::SHEET.name, rows.main, column, why)
}

impl<T: Locate> Parsed<T> {
    /// The cell a validation error of this record points at.
    pub fn locate(&self, e: &FieldError) -> RowError {
        locate::<T>(&self.rows, e)
    }

    /// Adds the validation errors of this record, except those on a cell already refused
    /// while reading (a missing value also fails validation; saying it once is enough).
    pub fn add_validation_errors(&mut self, errors: &[FieldError]) {
        for e in errors {
            let located = self.locate(e);
            let repeated = self.errors.iter().any(|known| {
                known.sheet == located.sheet && known.row == located.row && known.column == located.column
            });
            if !repeated {
                self.errors.push(located);
            }
        }
    }
}
