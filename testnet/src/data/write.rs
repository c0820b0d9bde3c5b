//! Writes records in the upload template format (see [`super::template`]): an XLSX workbook or a
//! directory of CSV files; reads the CSV files back.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use ncen_protocol::model::{Company, Seizure, Suspect};
use rust_xlsxwriter::{Format, Workbook};

use ncen_protocol::template::column_width;

use super::template::{Cell, Dataset, SHEETS, Table, rows};

/// Most data rows an XLSX worksheet holds (1,048,576 rows less the header).
pub const XLSX_MAX_ROWS: usize = 1_048_575;

/// Writes the upload workbook: one worksheet per sheet of the template, a bold frozen header
/// row with a filter, and column widths that fit the usual content.
pub fn write_xlsx(
    path: &Path,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
) -> anyhow::Result<()> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in &SHEETS {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name)?;
        for (col, header) in sheet.columns.iter().enumerate() {
            let col = u16::try_from(col)?;
            worksheet.write_string_with_format(0, col, *header, &bold)?;
            worksheet.set_column_width(col, column_width(header))?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        let mut next: u32 = 1;
        rows(sheet, seizures, suspects, companies, &mut |cells| {
            if next as usize > XLSX_MAX_ROWS {
                bail!("sheet {} would have more than {XLSX_MAX_ROWS} rows: use the CSV files", sheet.name);
            }
            for (col, cell) in cells.iter().enumerate() {
                let col = u16::try_from(col)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        worksheet.write_string(next, col, s)?;
                    }
                    Cell::Number(x) => {
                        worksheet.write_number(next, col, *x)?;
                    }
                    Cell::Date(_) => {
                        worksheet.write_string(next, col, cell.to_csv())?;
                    }
                }
            }
            next += 1;
            Ok(())
        })?;
        let last_col = u16::try_from(sheet.columns.len().saturating_sub(1))?;
        worksheet.autofilter(0, 0, next - 1, last_col)?;
    }
    workbook.save(path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Writes one CSV file per sheet of the template into `dir` (created if missing): UTF-8, a
/// header row, comma-separated.
pub fn write_csv(
    dir: &Path,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for sheet in &SHEETS {
        let path = dir.join(sheet.file);
        let mut writer =
            csv::Writer::from_path(&path).with_context(|| format!("writing {}", path.display()))?;
        writer.write_record(sheet.columns)?;
        rows::<anyhow::Error>(sheet, seizures, suspects, companies, &mut |cells| {
            writer.write_record(cells.iter().map(Cell::to_csv))?;
            Ok(())
        })?;
        writer.flush()?;
    }
    Ok(())
}

/// Reads the CSV files of a template written by [`write_csv`] (or filled in by hand) back into
/// records.
pub fn read_csv(dir: &Path) -> anyhow::Result<Dataset> {
    let mut tables = HashMap::new();
    for sheet in &SHEETS {
        let path = dir.join(sheet.file);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mut table = Table::default();
        for record in reader.records() {
            let record = record.with_context(|| format!("reading {}", path.display()))?;
            table.rows.push(record.iter().map(str::to_owned).collect());
        }
        tables.insert(sheet.name.to_owned(), table);
    }
    Dataset::from_tables(&tables)
}
