//! The empty upload template as an XLSX workbook: every sheet with its bold, frozen header, one
//! example row, and drop-down lists on the columns whose values come from a code list. The
//! lists are too long to be written in the validation itself (Excel allows 255 characters),
//! so their codes are on a hidden sheet, `Codes`, which an import ignores.

use ncen_protocol::codelists::{Catalog, Lang, ListId};
use ncen_protocol::template::{Cell, SHEETS, column_width, example, example_link, rows_linked};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, Workbook, XlsxError, column_number_to_name,
};

/// The hidden sheet of code lists.
pub const CODES_SHEET: &str = "Codes";
/// Last row a drop-down applies to (0-based; Excel's last row).
const LAST_ROW: u32 = 1_048_575;

fn write_cell(ws: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        Cell::Number(x) => {
            ws.write_number(row, col, *x)?;
        }
        Cell::Date(_) => {
            ws.write_string(row, col, cell.to_csv())?;
        }
    }
    Ok(())
}

/// The workbook's bytes, built once per process for the built-in lists, and each time for a
/// catalog that hub releases changed.
pub fn cached_template(catalog: &Catalog) -> anyhow::Result<Vec<u8>> {
    static TEMPLATE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    if catalog.revision() != Catalog::builtin().revision() {
        return template(catalog);
    }
    if let Some(bytes) = TEMPLATE.get() {
        return Ok(bytes.clone());
    }
    let built = template(catalog)?;
    Ok(TEMPLATE.get_or_init(|| built).clone())
}

/// The workbook's bytes.
pub fn template(catalog: &Catalog) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let (seizure, suspect, company) = example();
    let (seizures, suspects, companies) = (vec![seizure], vec![suspect], vec![company]);

    // Where each code list sits on the hidden sheet: two columns per list (code, English label).
    let lists: Vec<ListId> = ListId::ALL.to_vec();
    let source = |id: ListId| -> String {
        let at = lists.iter().position(|l| *l == id).unwrap_or(0);
        let col = column_number_to_name((at * 2) as u16);
        let n = catalog.list(id).entries.iter().filter(|e| !e.deprecated).count();
        format!("={CODES_SHEET}!${col}$2:${col}${}", n + 1)
    };

    for sheet in SHEETS {
        let ws = workbook.add_worksheet();
        ws.set_name(sheet.name)?;
        for (col, header) in sheet.columns.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| XlsxError::ParameterError("too many columns".into()))?;
            ws.write_string_with_format(0, col, *header, &bold)?;
            ws.set_column_width(col, column_width(header))?;
            let validation = if let Some(list) = sheet.code_list(header) {
                Some(
                    DataValidation::new()
                        .allow_list_formula(source(list).as_str().into())
                        .set_error_message(format!(
                            "Choose a code of the code list `{}` (sheet {CODES_SHEET}).",
                            list.name()
                        ))?,
                )
            } else if let Some(choices) = sheet.choices(header) {
                Some(DataValidation::new().allow_list_strings(choices)?)
            } else {
                None
            };
            if let Some(v) = validation {
                ws.add_data_validation(
                    1,
                    col,
                    LAST_ROW,
                    col,
                    &v.set_error_style(DataValidationErrorStyle::Stop),
                )?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
        let mut at = 1u32;
        rows_linked::<anyhow::Error>(
            &sheet,
            &seizures,
            &suspects,
            &companies,
            &example_link,
            &mut |cells| {
                for (col, cell) in cells.iter().enumerate() {
                    let col = u16::try_from(col)
                        .map_err(|_| XlsxError::ParameterError("too many columns".into()))?;
                    write_cell(ws, at, col, cell)?;
                }
                at += 1;
                Ok(())
            },
        )?;
    }

    let codes = workbook.add_worksheet();
    codes.set_name(CODES_SHEET)?;
    for (i, id) in lists.iter().enumerate() {
        let col = u16::try_from(i * 2).map_err(|_| XlsxError::ParameterError("too many lists".into()))?;
        codes.write_string_with_format(0, col, id.name(), &bold)?;
        codes.write_string_with_format(0, col + 1, "label (en)", &bold)?;
        codes.set_column_width(col, 24)?;
        codes.set_column_width(col + 1, 36)?;
        for (row, entry) in (1u32..).zip(catalog.list(*id).entries.iter().filter(|e| !e.deprecated)) {
            codes.write_string(row, col, &entry.code)?;
            codes.write_string(row, col + 1, entry.label(Lang::En).unwrap_or_default())?;
        }
    }
    codes.set_hidden(true);
    Ok(workbook.save_to_buffer()?)
}
