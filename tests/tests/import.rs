//! Bulk upload of the standard template over the API, black box: a 100,000-row workbook with
//! 1% bad rows imported as a job (every good row stored once, every bad row reported with its
//! row and reason), imported again (nothing new), a dry run (nothing stored), and the
//! refusals: a role without the right, garbage, wrong media types, oversized bodies.

use std::collections::{BTreeSet, HashSet};
use std::time::{Duration, Instant};

use anyhow::{Context, ensure};
use ncen_node::store::{Cf, keys};
use ncen_protocol::record::RecordKind;
use ncen_tests::{TestNode, start_node, wait_for};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ROWS: usize = 100_000;
const SUSPECTS: usize = 10;

/// One refusal the file was made to hold: sheet, row, column, a part of the reason.
type Expected = (&'static str, u32, &'static str, &'static str);

/// A workbook of `ROWS` seizures, each with a goods line, the first thousand with an offender
/// naming one of `SUSPECTS` suspects by national reference; one row in a hundred is bad in one
/// of five ways. Returns the bytes, the references of the good seizures and the refusals.
fn big_workbook() -> anyhow::Result<(Vec<u8>, BTreeSet<String>, Vec<Expected>)> {
    let mut wb = Workbook::new();
    let mut good = BTreeSet::new();
    let mut bad: Vec<Expected> = Vec::new();
    let reference = |i: usize| format!("NL-2025-{i:06}");
    let seizures = wb.add_worksheet().set_name("Seizures")?;
    let header = [
        "national_reference",
        "date",
        "place.location_type",
        "place.country",
        "direction",
        "detection_method",
        "remarks",
    ];
    for (c, h) in header.iter().enumerate() {
        seizures.write_string(0, c as u16, *h)?;
    }
    let flaw = |i: usize| (i % 100 == 37).then_some((i / 100) % 5);
    for i in 0..ROWS {
        let row = i as u32 + 1;
        let number = row + 1;
        let date = match flaw(i) {
            Some(0) => {
                bad.push(("Seizures", number, "date", "is not a date"));
                "31/12/2025".to_owned()
            }
            _ => format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        };
        let direction = match flaw(i) {
            Some(1) => {
                bad.push(("Seizures", number, "direction", "is required"));
                ""
            }
            _ => "IMPORT",
        };
        let country = match flaw(i) {
            Some(2) => {
                bad.push(("Seizures", number, "place.country", "is not in code list `country`"));
                "XX"
            }
            _ => "NL",
        };
        seizures.write_string(row, 0, reference(i))?;
        seizures.write_string(row, 1, &date)?;
        seizures.write_string(row, 2, "SEAPORT")?;
        seizures.write_string(row, 3, country)?;
        if !direction.is_empty() {
            seizures.write_string(row, 4, direction)?;
        }
        seizures.write_string(row, 5, "XRAY_SCAN")?;
        seizures.write_string(row, 6, format!("container {i} inspected"))?;
    }
    let goods = wb.add_worksheet().set_name("Goods")?;
    for (c, h) in ["national_reference", "commodity", "quantity", "unit"].iter().enumerate() {
        goods.write_string(0, c as u16, *h)?;
    }
    for i in 0..ROWS {
        let row = i as u32 + 1;
        let commodity = match flaw(i) {
            Some(3) => {
                bad.push(("Goods", row + 1, "commodity", "is not in code list `commodity`"));
                "DRUGS.UNOBTAINIUM"
            }
            _ => "DRUGS.COCAINE",
        };
        goods.write_string(row, 0, reference(i))?;
        goods.write_string(row, 1, commodity)?;
        if flaw(i) == Some(4) {
            bad.push(("Goods", row + 1, "quantity", "is not a number"));
            goods.write_string(row, 2, "lots")?;
        } else {
            goods.write_number(row, 2, 1.0 + (i % 500) as f64 / 4.0)?;
        }
        goods.write_string(row, 3, "KGM")?;
        if flaw(i).is_none() {
            good.insert(reference(i));
        }
    }
    let offenders = wb.add_worksheet().set_name("Offenders")?;
    for (c, h) in ["national_reference", "suspect", "nationality"].iter().enumerate() {
        offenders.write_string(0, c as u16, *h)?;
    }
    for i in 0..1_000usize {
        offenders.write_string(i as u32 + 1, 0, reference(i))?;
        offenders.write_string(i as u32 + 1, 1, format!("NL-S-{}", i % SUSPECTS))?;
        offenders.write_string(i as u32 + 1, 2, "CO")?;
    }
    let suspects = wb.add_worksheet().set_name("Suspects")?;
    for (c, h) in ["national_reference", "family_name", "nationality"].iter().enumerate() {
        suspects.write_string(0, c as u16, *h)?;
    }
    for i in 0..SUSPECTS {
        suspects.write_string(i as u32 + 1, 0, format!("NL-S-{i}"))?;
        suspects.write_string(i as u32 + 1, 1, format!("Suspect {i}"))?;
        suspects.write_string(i as u32 + 1, 2, "CO")?;
    }
    bad.sort_by_key(|(sheet, row, ..)| (*sheet != "Seizures", *row));
    Ok((wb.save_to_buffer()?, good, bad))
}

async fn post_file(
    node: &TestNode,
    user: &str,
    query: &str,
    content_type: &str,
    body: Vec<u8>,
) -> anyhow::Result<(u16, Value)> {
    let token = node.cached_token(user).await?;
    let r = node
        .http
        .post(node.url(&format!("/api/v1/import{query}")))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await?;
    let status = r.status().as_u16();
    Ok((status, r.json().await.unwrap_or(Value::Null)))
}

/// Posts a file as the officer and waits for the job's end; returns its last view.
async fn import(node: &TestNode, query: &str, content_type: &str, body: Vec<u8>) -> anyhow::Result<Value> {
    let (status, started) = post_file(node, "officer", query, content_type, body).await?;
    ensure!(status == 202, "import not started: {status} {started}");
    let job = started["job"].as_str().context("no job id")?.to_owned();
    ensure!(started["state"] == "running", "{started}");
    wait_for(Duration::from_secs(600), "the import to end", || async {
        let (status, v) = node.get_as("officer", &format!("/api/v1/import/{job}")).await?;
        ensure!(status == 200, "{status} {v}");
        ensure!(v["rows_done"].as_u64() <= v["rows_total"].as_u64() || v["phase"] == "reading", "{v}");
        Ok((v["state"] != "running").then_some(v))
    })
    .await
}

fn count(report: &Value, kind: &str, what: &str) -> u64 {
    report[kind][what].as_u64().unwrap_or(u64::MAX)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_thousand_rows_are_stored_once_and_every_bad_row_is_reported() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let made = Instant::now();
    let (file, good, bad) = big_workbook()?;
    eprintln!("workbook of {ROWS} rows: {} bytes, written in {:.1?}", file.len(), made.elapsed());
    ensure!(bad.len() == ROWS / 100 && good.len() == ROWS - ROWS / 100);

    // A dry run checks everything and stores nothing.
    let started = Instant::now();
    let dry = import(&node, "?dry_run=true", XLSX, file.clone()).await?;
    eprintln!("dry run: {:.1?}", started.elapsed());
    ensure!(dry["state"] == "done", "{dry}");
    let report = &dry["report"];
    ensure!(report["dry_run"] == true);
    ensure!(count(report, "seizures", "valid") == good.len() as u64, "{}", report["seizures"]);
    ensure!(count(report, "seizures", "invalid") == bad.len() as u64);
    ensure!(count(report, "suspects", "valid") == SUSPECTS as u64);
    ensure!(report["created"] == 0 && report["existing"] == 0);
    let (_, list) = node.get_as("officer", "/api/v1/seizures?limit=1").await?;
    ensure!(list["items"].as_array().is_some_and(Vec::is_empty), "a dry run stored {list}");

    // The import stores every good row and reports every bad one with its row and reason.
    let started = Instant::now();
    let done = import(&node, "", XLSX, file.clone()).await?;
    let took = started.elapsed();
    eprintln!("import of {ROWS} rows: {took:.1?}");
    ensure!(done["state"] == "done", "{done}");
    ensure!(done["rows_done"] == done["rows_total"]);
    let report = &done["report"];
    ensure!(count(report, "seizures", "created") == good.len() as u64, "{}", report["seizures"]);
    ensure!(count(report, "suspects", "created") == SUSPECTS as u64);
    ensure!(report["created"] == (good.len() + SUSPECTS) as u64 && report["existing"] == 0);
    let sheets: Vec<(String, u64)> = report["sheets"]
        .as_array()
        .context("no sheets")?
        .iter()
        .map(|s| (s["sheet"].as_str().unwrap_or_default().to_owned(), s["rows"].as_u64().unwrap_or(0)))
        .collect();
    let expected_sheets = [("Seizures", ROWS), ("Goods", ROWS), ("Offenders", 1_000), ("Suspects", SUSPECTS)];
    ensure!(sheets == expected_sheets.map(|(s, n)| (s.to_owned(), n as u64)).to_vec(), "sheets {sheets:?}");
    let refused = report["invalid_rows"].as_array().context("no invalid_rows")?;
    ensure!(refused.len() == bad.len() && report["invalid_rows_total"] == bad.len() as u64);
    for (e, (sheet, row, column, reason)) in refused.iter().zip(&bad) {
        ensure!(
            e["sheet"] == *sheet && e["row"] == *row && e["column"] == *column,
            "expected {sheet} row {row} column {column}, got {e}"
        );
        ensure!(e["reason"].as_str().is_some_and(|r| r.contains(reason)), "{e}: expected {reason:?}");
    }

    // Again: nothing new.
    let again = import(&node, "", XLSX, file).await?;
    let report = &again["report"];
    ensure!(report["created"] == 0, "{}", report["created"]);
    ensure!(report["existing"] == (good.len() + SUSPECTS) as u64);
    ensure!(report["invalid_rows_total"] == bad.len() as u64);

    // Each good row is in the store once, under its national reference, and nothing else is.
    let dir = node.stop().await?;
    let opened = ncen_node::app::open(&dir.path().join("data"))?;
    let store = opened.store();
    let prefix = keys::national_ref(RecordKind::Seizure, "NL", "");
    let mut stored = BTreeSet::new();
    let mut ids = HashSet::new();
    for entry in store.iter_from(Cf::NationalRefs, &prefix, true) {
        let (key, id) = entry?;
        let Some(reference) = key.strip_prefix(prefix.as_slice()) else { break };
        ensure!(stored.insert(String::from_utf8(reference.to_vec())?), "stored twice");
        ensure!(ids.insert(id.to_vec()), "one record under two references");
    }
    ensure!(stored == good, "{} stored, {} good", stored.len(), good.len());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imports_are_refused_to_analysts_and_for_files_that_are_not_templates() -> anyhow::Result<()> {
    let node = start_node("BE").await?;
    let seizures_csv = "national_reference,date,place.location_type,place.country,direction,detection_method\n\
                        BE-1,2025-03-01,AIRPORT,BE,IMPORT,XRAY_SCAN\n";

    let (status, v) = post_file(&node, "analyst", "?sheet=seizures", "text/csv", seizures_csv.into()).await?;
    ensure!(status == 403, "{status} {v}");
    let (status, _) = node.get_as("analyst", "/api/v1/import/template.xlsx").await?;
    ensure!(status == 403);

    let (status, v) =
        post_file(&node, "officer", "", XLSX, b"\x00\x01garbage, not a workbook".to_vec()).await?;
    ensure!(status == 400, "{status} {v}");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    ensure!(message.starts_with("the file is not an XLSX workbook"), "{message}");
    let mut truncated = Workbook::new();
    truncated.add_worksheet().set_name("Seizures")?.write_string(0, 0, "national_reference")?;
    let mut bytes = truncated.save_to_buffer()?;
    bytes.truncate(bytes.len() / 2);
    let (status, v) = post_file(&node, "officer", "", XLSX, bytes).await?;
    ensure!(status == 400 && v["error"]["code"] == "invalid_file", "{status} {v}");

    let (status, v) = post_file(&node, "officer", "", "text/csv", seizures_csv.into()).await?;
    ensure!(status == 400, "{status} {v}");
    ensure!(v["error"]["message"].as_str().is_some_and(|m| m.contains("?sheet=")), "{v}");
    let (status, v) = post_file(&node, "officer", "?sheet=goods", "text/csv", seizures_csv.into()).await?;
    ensure!(status == 400, "{status} {v}");
    ensure!(
        v["error"]["message"].as_str().is_some_and(|m| m.contains("sheet Goods has a column `date`")),
        "{v}"
    );
    let (status, v) = post_file(&node, "officer", "", "application/json", b"{}".to_vec()).await?;
    ensure!(status == 415, "{status} {v}");

    // Larger than the API's 8 MiB is fine for an import; larger than 64 MiB is not.
    let mut large = String::from(seizures_csv);
    large.push_str("BE-2,2025-03-01,AIRPORT,BE,IMPORT,XRAY_SCAN\n");
    large.push_str(&"\n".repeat(10 << 20));
    let done = import(&node, "?sheet=seizures&dry_run=true", "text/csv", large.into_bytes()).await?;
    ensure!(done["state"] == "done", "{done}");
    ensure!(done["report"]["seizures"]["read"] == 2, "{done}");
    let (status, v) =
        post_file(&node, "officer", "?sheet=seizures", "text/csv", vec![b'\n'; 65 << 20]).await?;
    ensure!(status == 413, "{status} {v}");

    // A job is its owner's only; the template is a workbook.
    let token = node.cached_token("officer").await?;
    let r = node.http.get(node.url("/api/v1/import/template.xlsx")).bearer_auth(token).send().await?;
    ensure!(r.status() == 200);
    ensure!(r.headers().get("content-type").is_some_and(|v| v == XLSX));
    ensure!(r.bytes().await?.starts_with(b"PK\x03\x04"));
    let job = done["job"].as_str().context("no job")?;
    let (status, _) = node.get_as("admin", &format!("/api/v1/import/{job}")).await?;
    ensure!(status == 403, "an administrator may not write records, nor follow imports");
    let (status, _) = node.get_as("officer", "/api/v1/import/0190a0b0-0000-7000-8000-000000000000").await?;
    ensure!(status == 404);
    node.stop().await?;
    Ok(())
}

/// A ZIP of the template's CSV files with the photos beside them.
fn zip_with_photos(photo: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::Write as _;
    let seizures = "national_reference,date,place.location_type,place.country,direction,detection_method\n\
                    NL-ZIP-1,2026-01-30,SEAPORT,NL,IMPORT,XRAY_SCAN\n";
    let goods = "national_reference,commodity,quantity,unit\nNL-ZIP-1,DRUGS.COCAINE,1.5,KGM\n";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("upload/seizures.csv", seizures.as_bytes()),
        ("upload/goods.csv", goods.as_bytes()),
        ("upload/photos/xray.png", photo),
        ("upload/photos/scan.jpg", b"%PDF-1.7 not a photo".as_slice()),
        ("__MACOSX/upload/photos/._xray.png", b"\0\0".as_slice()),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(data)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_in_a_zip_are_checked_by_content_and_stored_once() -> anyhow::Result<()> {
    use image::ImageEncoder as _;
    let node = start_node("NL").await?;
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 3, y as u8 * 4, 50]));
    let mut photo = Vec::new();
    image::codecs::png::PngEncoder::new(&mut photo).write_image(
        img.as_raw(),
        64,
        48,
        image::ExtendedColorType::Rgb8,
    )?;
    let sha = {
        use sha2::Digest as _;
        hex::encode(sha2::Sha256::digest(&photo))
    };
    let body = zip_with_photos(&photo)?;

    let dry = import(&node, "?dry_run=true", "application/zip", body.clone()).await?;
    let report = &dry["report"];
    assert_eq!((count(report, "photos", "read"), count(report, "photos", "valid")), (2, 1), "{report}");
    assert_eq!(count(report, "photos", "created"), 0, "a dry run stores nothing");
    let refused = report["invalid_rows"].to_string();
    assert!(refused.contains("scan.jpg") && refused.contains("not an image"), "{refused}");
    let (status, _, _) = node.get_bytes_as("officer", &format!("/api/v1/photos/{sha}")).await?;
    assert_eq!(status, 404);

    let done = import(&node, "", "application/zip", body.clone()).await?;
    assert_eq!(count(&done["report"], "photos", "created"), 1, "{done}");
    assert_eq!(count(&done["report"], "seizures", "created"), 1, "{done}");
    let (status, kind, bytes) = node.get_bytes_as("officer", &format!("/api/v1/photos/{sha}")).await?;
    assert_eq!((status, kind.as_str(), bytes == photo), (200, "image/png", true));

    let again = import(&node, "", "application/zip", body).await?;
    assert_eq!(count(&again["report"], "photos", "existing"), 1, "{again}");
    assert_eq!(count(&again["report"], "photos", "created"), 0);
    node.stop().await?;
    Ok(())
}
