//! XLSX workbooks read with `calamine`'s cell-by-cell reader, so that what is kept is bounded
//! by the rows and columns of the template, whatever the sheet's declared size: dates from
//! date cells or ISO text, numbers from number cells or numeric text.

use std::io::Cursor;

use axum::body::Bytes;
use calamine::{DataRef, Reader, Xlsx};
use ncen_protocol::template::{Cell, Row, Sheet, Table};

use super::{ImportError, MAX_ROWS, unzip};

/// Cells kept per row; a template sheet has far fewer columns.
const MAX_COLUMNS: u32 = 1_024;

/// An opened workbook.
pub(crate) type Workbook = Xlsx<Cursor<Bytes>>;

fn refuse(e: impl std::fmt::Display) -> ImportError {
    ImportError::NotXlsx(e.to_string())
}

/// Opens a workbook after checking what its archive unpacks to.
pub(crate) fn open(bytes: Bytes) -> Result<Workbook, ImportError> {
    unzip::check(&bytes, ImportError::NotXlsx)?;
    Xlsx::new(Cursor::new(bytes)).map_err(refuse)
}

/// The template's sheets the workbook has, with their names as the workbook spells them.
pub(crate) fn sheets(workbook: &Workbook) -> Vec<(String, Sheet)> {
    workbook
        .sheet_names()
        .into_iter()
        .filter_map(|name| {
            let sheet = ncen_protocol::template::SHEETS
                .into_iter()
                .find(|s| s.name.eq_ignore_ascii_case(name.trim()))?;
            Some((name, sheet))
        })
        .collect()
}

fn cell(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(x) => Cell::Number(*x),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        DataRef::DateTime(d) => {
            let serial = d.as_f64();
            // Excel's dates run from 1900 to 9999; outside, the serial is no date.
            if d.is_datetime() && (1.0..2_958_466.0).contains(&serial) {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                time::Month::try_from(m)
                    .ok()
                    .and_then(|m| time::Date::from_calendar_date(i32::from(y), m, day).ok())
                    .map_or(Cell::Number(serial), Cell::Date)
            } else {
                Cell::Number(serial)
            }
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

/// Reads the rows of one worksheet: row 1 is the header. With `header_only`, stops after it.
fn rows(
    workbook: &mut Workbook,
    name: &str,
    sheet: Sheet,
    header_only: bool,
    progress: &mut dyn FnMut(usize),
) -> Result<Table, ImportError> {
    let mut cells = workbook.worksheet_cells_reader(name).map_err(refuse)?;
    let mut table = Table::default();
    let mut current: Option<(u32, Vec<Cell>)> = None;
    let mut flush = |table: &mut Table, done: Option<(u32, Vec<Cell>)>| {
        if let Some((r, cells)) = done {
            if r == 0 {
                table.header = cells.iter().map(Cell::to_csv).collect();
            } else {
                table.rows.push(Row { number: r + 1, cells });
                if table.rows.len().is_multiple_of(10_000) {
                    progress(table.rows.len());
                }
            }
        }
    };
    while let Some(c) = cells.next_cell().map_err(refuse)? {
        let (r, col) = c.get_position();
        if col >= MAX_COLUMNS {
            continue;
        }
        let value = cell(c.get_value());
        if value.is_blank() {
            continue;
        }
        if r as usize > MAX_ROWS {
            return Err(ImportError::TooManyRows { sheet: sheet.name });
        }
        if current.as_ref().is_none_or(|(at, _)| *at != r) {
            if header_only && r > 0 {
                break;
            }
            flush(&mut table, current.take());
            current = Some((r, Vec::new()));
        }
        if let Some((_, row)) = current.as_mut() {
            let col = col as usize;
            if row.len() <= col {
                row.resize(col + 1, Cell::Empty);
            }
            row[col] = value;
        }
    }
    flush(&mut table, current.take());
    Ok(table)
}

/// The header row of a worksheet.
pub(crate) fn header(workbook: &mut Workbook, name: &str, sheet: Sheet) -> Result<Vec<String>, ImportError> {
    Ok(rows(workbook, name, sheet, true, &mut |_| {})?.header)
}

/// A whole worksheet; `progress` hears the rows read so far.
pub(crate) fn read(
    workbook: &mut Workbook,
    name: &str,
    sheet: Sheet,
    progress: &mut dyn FnMut(usize),
) -> Result<Table, ImportError> {
    rows(workbook, name, sheet, false, progress)
}
