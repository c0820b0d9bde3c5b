//! The files the hub upload tests send: template workbooks and CSV files with nominal values
//! that must never reach the hub, photos, and a multipart form built by hand.

#![allow(dead_code)]

use rust_xlsxwriter::Workbook;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The member without a node the files are uploaded for.
pub const MEMBER: &str = "GM";

/// Values of the files that identify people or cases: none may reach the hub.
pub const NOMINAL: [&str; 10] = [
    "GM-2026-0001",
    "GM-2026-0002",
    "Jallowzq",
    "Ousmanzq",
    "PASS-ZQ-778",
    "secret remark zq",
    "PLATE-ZQ-4471",
    "bag of the driver zq",
    "Acme Smugglers zq",
    "GM-CSV-0001",
];

/// A workbook of four seizures for `MEMBER`: two good, one with an unknown country (row 4), one
/// with a date written the wrong way (row 5); an offender linked to a suspect, a suspect and a
/// company with names. `quantity` is the first goods line's.
pub fn workbook(quantity: f64) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let s = wb.add_worksheet().set_name("Seizures")?;
    let header = [
        "national_reference",
        "date",
        "place.name",
        "place.location_type",
        "place.country",
        "direction",
        "detection_method",
        "conveyance.type",
        "conveyance.identifier",
        "remarks",
        "summary",
    ];
    for (c, h) in header.iter().enumerate() {
        s.write_string(0, c as u16, *h)?;
    }
    let rows = [
        ["GM-2026-0001", "2026-02-03", "Banjul port", "SEAPORT", "GM", "IMPORT", "XRAY_SCAN"],
        ["GM-2026-0002", "2026-03-04", "", "AIRPORT", "GM", "EXPORT", "XRAY_SCAN"],
        ["GM-2026-0003", "2026-03-05", "", "AIRPORT", "XX", "EXPORT", "XRAY_SCAN"],
        ["GM-2026-0004", "05/03/2026", "", "AIRPORT", "GM", "EXPORT", "XRAY_SCAN"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                s.write_string(r as u32 + 1, c as u16, *v)?;
            }
        }
    }
    s.write_string(1, 7, "TRUCK")?;
    s.write_string(1, 8, "PLATE-ZQ-4471")?;
    s.write_string(1, 9, "secret remark zq")?;
    s.write_string(1, 10, "Cocaine in a false floor")?;
    let g = wb.add_worksheet().set_name("Goods")?;
    for (c, h) in ["national_reference", "commodity", "description", "quantity", "unit"].iter().enumerate() {
        g.write_string(0, c as u16, *h)?;
    }
    for i in 0..4u32 {
        g.write_string(i + 1, 0, format!("GM-2026-000{}", i + 1))?;
        g.write_string(i + 1, 1, "DRUGS.COCAINE")?;
        g.write_string(i + 1, 2, "bag of the driver zq")?;
        g.write_number(i + 1, 3, if i == 0 { quantity } else { 2.0 })?;
        g.write_string(i + 1, 4, "KGM")?;
    }
    let o = wb.add_worksheet().set_name("Offenders")?;
    for (c, h) in ["national_reference", "suspect", "nationality", "sex", "age"].iter().enumerate() {
        o.write_string(0, c as u16, *h)?;
    }
    for (c, v) in ["GM-2026-0001", "SUS-ZQ-1", "GM", "MALE"].iter().enumerate() {
        o.write_string(1, c as u16, *v)?;
    }
    o.write_number(1, 4, 34.0)?;
    let p = wb.add_worksheet().set_name("Suspects")?;
    let suspect = [
        ("national_reference", "SUS-ZQ-1"),
        ("family_name", "Jallowzq"),
        ("given_names", "Ousmanzq"),
        ("identity_documents[0].kind", "PASSPORT"),
        ("identity_documents[0].number", "PASS-ZQ-778"),
        ("identity_documents[0].issuing_country", "GM"),
    ];
    for (c, (h, v)) in suspect.iter().enumerate() {
        p.write_string(0, c as u16, *h)?;
        p.write_string(1, c as u16, *v)?;
    }
    let k = wb.add_worksheet().set_name("Companies")?;
    for (c, (h, v)) in [("national_reference", "CO-ZQ-1"), ("name", "Acme Smugglers zq"), ("country", "GM")]
        .iter()
        .enumerate()
    {
        k.write_string(0, c as u16, *h)?;
        k.write_string(1, c as u16, *v)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// The template's CSV files in a ZIP: one good seizure and one with an unknown unit (goods row 3).
pub fn zip_of_csv() -> anyhow::Result<Vec<u8>> {
    use std::io::Write as _;
    let seizures = "national_reference,date,place.location_type,place.country,direction,detection_method,remarks\n\
                    GM-CSV-0001,2026-01-30,LAND_BORDER,GM,IMPORT,DOG,secret remark zq\n\
                    GM-CSV-0002,2026-01-31,LAND_BORDER,GM,IMPORT,DOG,\n";
    let goods = "national_reference,commodity,quantity,unit\n\
                 GM-CSV-0001,REVENUE.TOBACCO.CIGARETTES,5000,H87\n\
                 GM-CSV-0002,REVENUE.TOBACCO.CIGARETTES,10,NOT_A_UNIT\n";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [("seizures.csv", seizures), ("goods.csv", goods)] {
        zip.start_file(name, options)?;
        zip.write_all(data.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A multipart form body by hand: the fields, then the file.
pub fn multipart(fields: &[(&str, &str)], file: (&str, &[u8])) -> (String, Vec<u8>) {
    let boundary = "ncenhubuploadboundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{}\"\r\ncontent-type: {XLSX}\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The value of `name="_csrf"` on a page.
pub fn csrf(page: &str) -> String {
    let marker = "name=\"_csrf\" value=\"";
    page.find(marker)
        .map(|i| page[i + marker.len()..].chars().take_while(|c| *c != '"').collect())
        .unwrap_or_default()
}

/// A workbook of `rows` good seizures with one goods line each.
pub fn big_workbook(rows: usize) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let s = wb.add_worksheet().set_name("Seizures")?;
    let header = [
        "national_reference",
        "date",
        "place.location_type",
        "place.country",
        "direction",
        "detection_method",
    ];
    for (c, h) in header.iter().enumerate() {
        s.write_string(0, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        s.write_string(r, 0, format!("GM-BIG-{i:06}"))?;
        s.write_string(r, 1, format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28))?;
        s.write_string(r, 2, "SEAPORT")?;
        s.write_string(r, 3, "GM")?;
        s.write_string(r, 4, "IMPORT")?;
        s.write_string(r, 5, "XRAY_SCAN")?;
    }
    let g = wb.add_worksheet().set_name("Goods")?;
    for (c, h) in ["national_reference", "commodity", "quantity", "unit"].iter().enumerate() {
        g.write_string(0, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        g.write_string(r, 0, format!("GM-BIG-{i:06}"))?;
        g.write_string(r, 1, "DRUGS.COCAINE")?;
        g.write_number(r, 2, 1.0)?;
        g.write_string(r, 3, "KGM")?;
    }
    Ok(wb.save_to_buffer()?)
}

/// A PNG of 32 × 24 pixels, coloured by `seed`.
pub fn png(seed: u8) -> anyhow::Result<Vec<u8>> {
    use image::ImageEncoder as _;
    let img = image::RgbImage::from_fn(32, 24, |x, y| image::Rgb([x as u8 * 7, y as u8 * 9, seed]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(
        img.as_raw(),
        32,
        24,
        image::ExtendedColorType::Rgb8,
    )?;
    Ok(out)
}

pub fn sha(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}
