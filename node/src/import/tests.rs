//! Tests of the import's readers: workbooks, CSV files and ZIP archives read into records with
//! dates and numbers in either form, the bounds on size and rows, malformed and truncated files
//! refused without a panic, and the empty template read back.

use std::io::{Read, Write};

use axum::body::Bytes;
use ncen_protocol::codelists::Catalog;
use ncen_protocol::template::{GOODS, SEIZURES, SHEETS, Sheet, Table, assemble};
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};

use super::source::{Format, Source};
use super::{ImportError, MAX_FILE_BYTES, MAX_ROWS, csv_sheet, unzip};

fn read(bytes: Vec<u8>, format: Format) -> Result<Vec<(Sheet, Table)>, ImportError> {
    Source::open(Bytes::from(bytes), format)?.read(&mut |_| {})
}

fn workbook() -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let date = XlsxFormat::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Notes")?;
    ws.write_string(0, 0, "not a sheet of the template: ignored")?;
    let ws = wb.add_worksheet();
    ws.set_name("Seizures")?;
    for (col, name) in SEIZURES.required.iter().enumerate() {
        ws.write_string(0, col as u16, *name)?;
    }
    // Row 2: a date cell; row 3: blank; row 4: ISO text and a number as reference.
    ws.write_string(1, 0, "NL-1")?;
    ws.write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2026, 1, 30)?, &date)?;
    ws.write_number(3, 0, 12345)?;
    ws.write_string(3, 1, "2026-02-01")?;
    for row in [1, 3] {
        for (col, value) in [(2, "SEAPORT"), (3, "NL"), (4, "IMPORT"), (5, "XRAY_SCAN")] {
            ws.write_string(row, col, value)?;
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("goods")?;
    for (col, name) in GOODS.required.iter().enumerate() {
        ws.write_string(0, col as u16, *name)?;
    }
    ws.write_string(1, 0, "NL-1")?;
    ws.write_string(1, 1, "DRUGS.COCAINE")?;
    ws.write_number(1, 2, 120.5)?;
    ws.write_string(1, 3, "KGM")?;
    ws.write_string(2, 0, "12345")?;
    ws.write_string(2, 1, "DRUGS.COCAINE")?;
    ws.write_string(2, 2, "7.25")?;
    ws.write_string(2, 3, "KGM")?;
    Ok(wb.save_to_buffer()?)
}

#[test]
fn a_workbook_reads_dates_and_numbers_in_either_form_and_ignores_other_sheets() -> anyhow::Result<()> {
    let tables = read(workbook()?, Format::Xlsx)?;
    let names: Vec<_> = tables.iter().map(|(s, _)| s.name).collect();
    assert_eq!(names, ["Seizures", "Goods"]);
    let up = assemble(tables)?;
    assert_eq!(up.rows, vec![("Seizures", 2), ("Goods", 2)]);
    assert!(up.stray.is_empty(), "{:?}", up.stray);
    let [a, b] = &up.seizures[..] else { anyhow::bail!("two seizures expected") };
    assert!(a.errors.is_empty() && b.errors.is_empty(), "{:?} {:?}", a.errors, b.errors);
    assert_eq!((a.record.national_reference.as_str(), a.record.date.as_str()), ("NL-1", "2026-01-30"));
    assert_eq!((b.record.national_reference.as_str(), b.record.date.as_str()), ("12345", "2026-02-01"));
    assert_eq!(b.rows.main, 4, "row numbers are the spreadsheet's");
    assert_eq!(a.record.goods[0].quantity, 120.5);
    assert_eq!(b.record.goods[0].quantity, 7.25);
    Ok(())
}

#[test]
fn a_csv_file_reads_with_a_byte_order_mark_and_quoted_lines() -> anyhow::Result<()> {
    let text = "\u{feff}national_reference,date,place.location_type,place.country,direction,detection_method,remarks\n\
                NL-1,2026-01-30,SEAPORT,NL,IMPORT,XRAY_SCAN,\"two\nlines\"\n\
                NL-2,30/01/2026,SEAPORT,NL,IMPORT,XRAY_SCAN,\n";
    let tables = read(text.as_bytes().to_vec(), Format::Csv(SEIZURES))?;
    let up = assemble(tables)?;
    assert_eq!(up.seizures[0].record.remarks.as_deref(), Some("two\nlines"));
    let e = &up.seizures[1].errors[0];
    assert_eq!((e.sheet.as_str(), e.row, e.column.as_deref()), ("Seizures", 3, Some("date")));

    let latin1 = b"national_reference,date,place.location_type,place.country,direction,detection_method\nNL-\xe9,x,x,x,x,x\n";
    let err = read(latin1.to_vec(), Format::Csv(SEIZURES)).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("not UTF-8"), "{err}");
    let missing = read(b"national_reference,date\nNL-1,2026-01-01\n".to_vec(), Format::Csv(SEIZURES));
    let err = missing.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("has no column `place.location_type`"), "{err}");
    let empty = read(Vec::new(), Format::Csv(GOODS)).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(empty.contains("header row is missing"), "{empty}");
    Ok(())
}

fn zip_of(files: &[(&str, &[u8])]) -> anyhow::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in files {
        zip.start_file(*name, options)?;
        zip.write_all(data)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[test]
fn a_zip_of_csv_files_reads_each_by_its_name() -> anyhow::Result<()> {
    let seizures = "national_reference,date,place.location_type,place.country,direction,detection_method\n\
                    NL-1,2026-01-30,SEAPORT,NL,IMPORT,XRAY_SCAN\n";
    let goods = "national_reference,commodity,quantity,unit\nNL-1,DRUGS.COCAINE,1.5,KGM\n";
    let bytes = zip_of(&[
        ("upload/seizures.csv", seizures.as_bytes()),
        ("upload/Goods.csv", goods.as_bytes()),
        ("upload/photos/ab.png", b"\x89PNG"),
        ("__MACOSX/upload/._goods.csv", b"\0\0"),
    ])?;
    let up = assemble(read(bytes, Format::Zip)?)?;
    assert_eq!(up.seizures.len(), 1);
    assert_eq!(up.seizures[0].record.goods.len(), 1);
    assert!(up.seizures[0].errors.is_empty(), "{:?}", up.seizures[0].errors);

    let unknown = zip_of(&[("notes.csv", b"a,b\n")])?;
    let err = read(unknown, Format::Zip).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("notes.csv is not a CSV file of the template"), "{err}");
    let none = zip_of(&[("readme.txt", b"hello")])?;
    assert!(matches!(read(none, Format::Zip), Err(ImportError::NoSheets)));
    Ok(())
}

#[test]
fn files_beyond_the_bounds_are_refused_with_a_clear_message() -> anyhow::Result<()> {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(matches!(read(big, Format::Csv(GOODS)), Err(ImportError::TooLarge)));

    let mut csv = String::from("national_reference,commodity,quantity,unit\n");
    for _ in 0..=MAX_ROWS {
        csv.push_str("N,C,1,K\n");
    }
    let err = csv_sheet::read(csv.as_bytes(), GOODS).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(err, format!("sheet Goods has more than {MAX_ROWS} rows; split it into several files"));

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Goods")?;
    for (col, name) in GOODS.required.iter().enumerate() {
        ws.write_string(0, col as u16, *name)?;
    }
    ws.write_string(MAX_ROWS as u32 + 1, 0, "one row too far")?;
    let err = read(wb.save_to_buffer()?, Format::Xlsx).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("more than 1000000 rows"), "{err}");

    // What an archive unpacks to is measured, whatever it claims.
    let zeros = zip_of(&[("xl/sharedStrings.xml", &vec![0u8; 4 << 20])])?;
    assert!(zeros.len() < 64 << 10, "compressed to {} bytes", zeros.len());
    let err = unzip::check_within(&zeros, ImportError::NotXlsx, (1 << 20, 2 << 20)).err();
    assert!(err.is_some_and(|e| e.to_string().contains("unpacks to more than 1 MiB")));
    Ok(())
}

/// A small deterministic generator for garbage.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Opens and reads `bytes` as `format`; any outcome but a panic is fine.
fn survive(bytes: Vec<u8>, format: Format) {
    if let Ok(tables) = read(bytes, format) {
        let _ = assemble(tables);
    }
}

#[test]
fn truncated_corrupted_and_random_files_are_refused_without_a_panic() -> anyhow::Result<()> {
    let good = workbook()?;
    let step = (good.len() / 150).max(1);
    for cut in (0..good.len()).step_by(step) {
        survive(good[..cut].to_vec(), Format::Xlsx);
        survive(good[..cut].to_vec(), Format::Zip);
    }
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let mut bad = good.clone();
        for _ in 0..1 + noise.next() % 8 {
            let at = (noise.next() as usize) % bad.len();
            bad[at] = noise.next() as u8;
        }
        survive(bad, Format::Xlsx);
    }
    for len in [0usize, 1, 4, 100, 5_000] {
        let random: Vec<u8> = (0..len).map(|_| noise.next() as u8).collect();
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&random);
        survive(random.clone(), Format::Xlsx);
        survive(zipped.clone(), Format::Xlsx);
        survive(zipped, Format::Zip);
        for sheet in SHEETS {
            survive(random.clone(), Format::Csv(sheet));
        }
    }
    let err = read(b"this is not a workbook".to_vec(), Format::Xlsx).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("the file is not an XLSX workbook: it does not start as a ZIP archive does")
    );
    Ok(())
}

#[test]
fn the_empty_template_has_every_sheet_drop_downs_and_an_example_that_reads_back() -> anyhow::Result<()> {
    let bytes = super::workbook::template(Catalog::builtin())?;
    // Drop-downs on code-list columns come from the hidden sheet of codes.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes))?;
    let mut sheet1 = String::new();
    archive.by_name("xl/worksheets/sheet1.xml")?.read_to_string(&mut sheet1)?;
    assert!(sheet1.contains("<dataValidation "), "no data validation");
    assert!(sheet1.contains("Codes!$"), "no list from the Codes sheet");
    let mut book = String::new();
    archive.by_name("xl/workbook.xml")?.read_to_string(&mut book)?;
    assert!(book.contains(r#"name="Codes" sheetId="8" state="hidden""#), "{book}");

    let tables = read(bytes, Format::Xlsx)?;
    assert_eq!(tables.len(), SHEETS.len(), "the Codes sheet is not read");
    let mut up = assemble(tables)?;
    assert!(up.stray.is_empty(), "{:?}", up.stray);
    assert_eq!((up.seizures.len(), up.suspects.len(), up.companies.len()), (1, 1, 1));
    let seizure = up.seizures.remove(0);
    assert!(seizure.errors.is_empty(), "{:?}", seizure.errors);
    assert_eq!(seizure.links.len(), 2);
    let (example, _, _) = ncen_protocol::template::example();
    assert_eq!(seizure.record.goods, example.goods);
    Ok(())
}
