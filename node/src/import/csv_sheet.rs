//! One CSV file of the template read into a table: UTF-8 (a byte-order mark is skipped),
//! comma-separated, quoted where needed, the header row first. Row numbers count records, as a
//! spreadsheet shows them (a quoted value may span lines).

use ncen_protocol::template::{Cell, Row, Sheet, Table};

use super::{ImportError, MAX_ROWS};

/// Cells kept per row; a template sheet has far fewer columns.
const MAX_COLUMNS: usize = 1_024;

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(without_bom(bytes))
}

fn text(field: &[u8], row: u64, file: &str) -> Result<String, ImportError> {
    String::from_utf8(field.to_vec()).map_err(|_| {
        ImportError::NotCsv(format!("{file} row {row} is not UTF-8 text; save the file as CSV UTF-8"))
    })
}

/// Reads the records of `bytes`, calling `each` with the row number and the fields of each.
fn records(
    bytes: &[u8],
    file: &str,
    each: &mut dyn FnMut(u64, &csv::ByteRecord) -> Result<bool, ImportError>,
) -> Result<(), ImportError> {
    let mut reader = reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut row = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                row += 1;
                if !each(row, &record)? {
                    return Ok(());
                }
            }
            Err(e) => return Err(ImportError::NotCsv(format!("{file}: {e}"))),
        }
    }
}

/// The header row of a CSV file.
pub(crate) fn header(bytes: &[u8], file: &str) -> Result<Vec<String>, ImportError> {
    let mut header = None;
    records(bytes, file, &mut |row, record| {
        header = Some(record.iter().take(MAX_COLUMNS).map(|f| text(f, row, file)).collect::<Result<_, _>>()?);
        Ok(false)
    })?;
    header.ok_or_else(|| ImportError::NotCsv(format!("{file} is empty: the header row is missing")))
}

/// Reads a whole CSV file of `sheet`.
pub(crate) fn read(bytes: &[u8], sheet: Sheet) -> Result<Table, ImportError> {
    let mut table = Table::default();
    records(bytes, sheet.file, &mut |row, record| {
        let cells: Vec<String> =
            record.iter().take(MAX_COLUMNS).map(|f| text(f, row, sheet.file)).collect::<Result<_, _>>()?;
        if row == 1 {
            table.header = cells;
            return Ok(true);
        }
        if table.rows.len() >= MAX_ROWS {
            return Err(ImportError::TooManyRows { sheet: sheet.name });
        }
        let cells =
            cells.into_iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c) }).collect();
        table.rows.push(Row { number: u32::try_from(row).unwrap_or(u32::MAX), cells });
        Ok(true)
    })?;
    Ok(table)
}
