//! Tests of the template: records written as rows read back into the same records, each kind
//! of refused cell named by sheet, row and column, and validation errors located in the rows.

use time::macros::date;

use super::*;
use crate::codelists::Catalog;
use crate::validate::Validator;

fn text(s: &str) -> Cell {
    if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }
}

/// A table of `sheet` with its full header and rows given as `column → cell` pairs.
fn table(sheet: Sheet, rows: &[&[(&str, Cell)]]) -> (Sheet, Table) {
    let header: Vec<String> = sheet.columns.iter().map(|c| (*c).to_owned()).collect();
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let mut row = vec![Cell::Empty; header.len()];
            for (column, cell) in cells.iter() {
                let at = sheet.columns.iter().position(|c| c == column).unwrap_or(usize::MAX);
                if let Some(slot) = row.get_mut(at) {
                    *slot = cell.clone();
                }
            }
            Row { number: i as u32 + 2, cells: row }
        })
        .collect();
    (sheet, Table { header, rows })
}

fn seizure_row(reference: &str) -> Vec<(&'static str, Cell)> {
    vec![
        ("national_reference", text(reference)),
        ("date", text("2026-01-30")),
        ("place.location_type", text("SEAPORT")),
        ("place.country", text("NL")),
        ("direction", text("IMPORT")),
        ("detection_method", text("XRAY_SCAN")),
    ]
}

fn goods_row(reference: &str) -> Vec<(&'static str, Cell)> {
    vec![
        ("national_reference", text(reference)),
        ("commodity", text("DRUGS.COCAINE")),
        ("quantity", Cell::Number(12.5)),
        ("unit", text("KGM")),
    ]
}

fn with(mut row: Vec<(&'static str, Cell)>, column: &'static str, cell: Cell) -> Vec<(&'static str, Cell)> {
    row.retain(|(c, _)| *c != column);
    row.push((column, cell));
    row
}

/// Reads one seizure (row 2) with one goods line (row 2) and returns every refusal of the
/// upload, validation included.
fn refusals(seizure: Vec<(&'static str, Cell)>, goods: Vec<(&'static str, Cell)>) -> Vec<RowError> {
    let up = assemble(vec![table(SEIZURES, &[&seizure]), table(GOODS, &[&goods])]);
    let Ok(mut up) = up else { return vec![RowError::new("-", 0, None, format!("{up:?}"))] };
    let validator = Validator::new(Catalog::builtin(), Some(date!(2026 - 12 - 05)));
    let mut out = up.stray.clone();
    for s in &mut up.seizures {
        if let Err(e) = validator.seizure(&s.record) {
            s.add_validation_errors(&e.0);
        }
        out.extend(s.errors.clone());
    }
    out
}

fn one(errors: &[RowError]) -> &RowError {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    &errors[0]
}

#[test]
fn the_example_records_validate_and_read_back_linked_by_national_reference() {
    let (seizure, suspect, company) = example();
    let validator = Validator::new(Catalog::builtin(), Some(date!(2026 - 12 - 05)));
    assert_eq!(validator.seizure(&seizure), Ok(()));
    assert_eq!(validator.suspect(&suspect), Ok(()));
    assert_eq!(validator.company(&company), Ok(()));

    let mut tables = Vec::new();
    for sheet in SHEETS {
        let header: Vec<String> = sheet.columns.iter().map(|c| (*c).to_owned()).collect();
        let mut rows = Vec::new();
        let mut number = 1;
        let (se, su, co) = (vec![seizure.clone()], vec![suspect.clone()], vec![company.clone()]);
        rows_linked::<TooManyItems>(&sheet, &se, &su, &co, &example_link, &mut |cells| {
            number += 1;
            rows.push(Row { number, cells });
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), 1, "{}: one example row", sheet.name);
        tables.push((sheet, Table { header, rows }));
    }
    let mut up = assemble(tables).unwrap_or_else(|e| panic!("{e}"));
    assert!(up.stray.is_empty(), "{:?}", up.stray);
    assert_eq!(up.rows.len(), 7);
    let mut read = up.seizures.remove(0);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let targets: Vec<_> = read.links.iter().map(|l| (l.kind, l.target.clone())).collect();
    assert_eq!(
        targets,
        vec![
            (LinkKind::Suspect, LinkTarget::Reference(suspect.national_reference.clone())),
            (LinkKind::Company, LinkTarget::Reference(company.national_reference.clone())),
        ]
    );
    for link in read.links.clone() {
        let id = match link.kind {
            LinkKind::Suspect => seizure.offenders[0].suspect.unwrap_or_default(),
            LinkKind::Company => seizure.companies[0].company,
        };
        read.set_link(&link, id);
    }
    assert_eq!(read.record, seizure);
    assert_eq!(up.suspects[0].record, suspect);
    assert_eq!(up.companies[0].record, company);
}

#[test]
fn a_missing_required_value_is_named_by_its_cell() {
    let errors = refusals(with(seizure_row("NL-1"), "date", Cell::Empty), goods_row("NL-1"));
    assert_eq!(one(&errors), &RowError::new("Seizures", 2, Some("date"), "is required"));
    let errors = refusals(seizure_row("NL-1"), with(goods_row("NL-1"), "unit", text("  ")));
    assert_eq!(one(&errors), &RowError::new("Goods", 2, Some("unit"), "is required"));
}

#[test]
fn a_number_column_refuses_text_that_is_not_a_number() {
    for bad in ["12,5", "about 12", "NaN", "1e999"] {
        let errors = refusals(seizure_row("NL-1"), with(goods_row("NL-1"), "quantity", text(bad)));
        let e = one(&errors);
        assert_eq!((e.sheet.as_str(), e.row, e.column.as_deref()), ("Goods", 2, Some("quantity")), "{bad}");
        assert!(e.reason.contains("is not a number"), "{bad}: {}", e.reason);
    }
    let ok = refusals(seizure_row("NL-1"), with(goods_row("NL-1"), "quantity", text(" 12.5 ")));
    assert!(ok.is_empty(), "{ok:?}");
}

#[test]
fn a_date_column_takes_date_cells_and_iso_text_and_refuses_anything_else() {
    for good in [Cell::Date(date!(2026 - 01 - 30)), text("2026-01-30"), text("2026-01-30T00:00:00")] {
        let errors = refusals(with(seizure_row("NL-1"), "date", good.clone()), goods_row("NL-1"));
        assert!(errors.is_empty(), "{good:?}: {errors:?}");
    }
    for bad in [text("30/01/2026"), text("2026-02-30"), Cell::Number(46052.0)] {
        let errors = refusals(with(seizure_row("NL-1"), "date", bad.clone()), goods_row("NL-1"));
        let e = one(&errors);
        assert_eq!((e.sheet.as_str(), e.row, e.column.as_deref()), ("Seizures", 2, Some("date")));
        assert!(e.reason.contains("is not a date"), "{bad:?}: {}", e.reason);
    }
}

#[test]
fn a_code_not_in_its_code_list_is_named_with_the_list() {
    let errors =
        refusals(seizure_row("NL-1"), with(goods_row("NL-1"), "commodity", text("DRUGS.UNOBTAINIUM")));
    let e = one(&errors);
    assert_eq!((e.sheet.as_str(), e.row, e.column.as_deref()), ("Goods", 2, Some("commodity")));
    assert!(e.reason.contains("is not in code list `commodity`"), "{}", e.reason);
    assert!(e.reason.contains("DRUGS.UNOBTAINIUM"), "{}", e.reason);

    let errors = refusals(with(seizure_row("NL-1"), "route.transit", text("PA;XX")), goods_row("NL-1"));
    let e = one(&errors);
    assert_eq!((e.sheet.as_str(), e.column.as_deref()), ("Seizures", Some("route.transit")));
    assert!(e.reason.contains("code list `country`"), "{}", e.reason);
}

#[test]
fn other_refused_cells_say_why() {
    let bad_age = refusals(seizure_row("NL-1"), goods_row("NL-1"));
    assert!(bad_age.is_empty());
    let up = assemble(vec![
        table(SEIZURES, &[&seizure_row("NL-1")]),
        table(GOODS, &[&with(goods_row("NL-1"), "value.amount", Cell::Number(5.0))]),
        table(OFFENDERS, &[&[("national_reference", text("NL-1")), ("age", text("34.5"))]]),
        table(
            SUSPECTS,
            &[&[
                ("national_reference", text("S-1")),
                ("family_name", text("Jansen")),
                ("contacts[0].kind", text("FAX")),
                ("contacts[0].value", text("+31")),
                ("addresses[1].city", text("Utrecht")),
            ]],
        ),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let seizure_errors = &up.seizures[0].errors;
    assert!(seizure_errors.contains(&RowError::new(
        "Goods",
        2,
        Some("value.currency"),
        "is required when value.amount is filled"
    )));
    assert!(seizure_errors.iter().any(|e| e.sheet == "Offenders"
        && e.column.as_deref() == Some("age")
        && e.reason.contains("whole number")));
    let suspect_errors = &up.suspects[0].errors;
    assert!(suspect_errors.iter().any(|e| e.column.as_deref() == Some("contacts[0].kind")
        && e.reason.contains("is not one of PHONE, EMAIL, OTHER")));
    assert!(suspect_errors.contains(&RowError::new(
        "Suspects",
        2,
        Some("addresses[1].country"),
        "is required when another addresses[1] column is filled"
    )));
}

#[test]
fn rows_of_no_seizure_and_repeated_references_are_refused() {
    let up = assemble(vec![
        table(SEIZURES, &[&seizure_row("NL-1"), &seizure_row("NL-1")]),
        table(GOODS, &[&goods_row("NL-1"), &goods_row("NL-404")]),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.seizures.len(), 2);
    assert!(up.seizures[0].errors.is_empty());
    assert_eq!(up.seizures[0].rows.goods, vec![2]);
    let e = one(&up.seizures[1].errors);
    assert_eq!((e.row, e.column.as_deref()), (3, Some("national_reference")));
    assert!(e.reason.contains("appears twice") && e.reason.contains("rows 2 and 3"), "{}", e.reason);
    let e = one(&up.stray);
    assert_eq!((e.sheet.as_str(), e.row), ("Goods", 3));
    assert!(e.reason.contains("no seizure \"NL-404\""), "{}", e.reason);
}

#[test]
fn a_sheet_without_a_required_column_or_with_an_unknown_one_is_unreadable() {
    let (sheet, mut t) = table(SEIZURES, &[]);
    t.header.retain(|h| h != "date");
    assert_eq!(
        assemble(vec![(sheet, t)]),
        Err(SheetError::MissingColumn { sheet: "Seizures", column: "date" })
    );
    let (sheet, mut t) = table(GOODS, &[]);
    t.header.push("remark".into());
    assert!(matches!(assemble(vec![(sheet, t)]), Err(SheetError::UnknownColumn { .. })));
    let (sheet, mut t) = table(GOODS, &[]);
    t.header.push("unit".into());
    assert!(matches!(assemble(vec![(sheet, t)]), Err(SheetError::DuplicateColumn { .. })));
    // Only the required columns, in another order, and empty header cells: readable.
    let header = vec![
        "unit".into(),
        String::new(),
        "quantity".into(),
        "commodity".into(),
        "national_reference".into(),
    ];
    assert!(assemble(vec![(GOODS, Table { header, rows: Vec::new() })]).is_ok());
}

#[test]
fn numbers_and_dates_in_text_columns_read_as_text_and_blank_rows_are_skipped() {
    let seizure = with(seizure_row(""), "national_reference", Cell::Number(12345.0));
    let (sheet, mut t) = table(SEIZURES, &[&seizure]);
    t.rows.insert(0, Row { number: 2, cells: vec![Cell::Empty, Cell::Text(" ".into())] });
    if let Some(r) = t.rows.get_mut(1) {
        r.number = 3;
    }
    let up = assemble(vec![(sheet, t)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(up.rows, vec![("Seizures", 1)]);
    assert_eq!(up.seizures[0].record.national_reference, "12345");
    assert_eq!(up.seizures[0].rows.main, 3);
}

#[test]
fn sheets_are_found_by_name_and_by_file() {
    assert_eq!(Sheet::by_file("Goods.CSV"), Some(GOODS));
    assert_eq!(Sheet::by_file("upload/seizure_companies.csv"), Some(SEIZURE_COMPANIES));
    assert_eq!(Sheet::by_file("suspects"), Some(SUSPECTS));
    assert_eq!(Sheet::by_file("other.csv"), None);
    assert_eq!(Sheet::by_name("Photos"), Some(PHOTOS));
    assert_eq!(SEIZURES.code_list("place.country"), Some(crate::codelists::ListId::Country));
    assert_eq!(
        SUSPECTS.code_list("identity_documents[1].kind"),
        Some(crate::codelists::ListId::IdentityDocumentType)
    );
    assert_eq!(SUSPECTS.code_list("contacts[1].kind"), None);
    assert!(SUSPECTS.choices("contacts[1].kind").is_some());
    for sheet in SHEETS {
        for r in sheet.required {
            assert!(sheet.columns.contains(r), "{}: {r}", sheet.name);
        }
    }
}
