//! Bulk upload in a real headless Chromium: the template downloaded from the page, a dry run
//! that stores nothing, the real upload, the same file again adding nothing, and a CSV file whose
//! bad row is reported with its row number and reason.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use calamine::{Data, Reader, Xlsx};
use ncen_tests::{PASSWORD, TestNode, start_node, wait_for};

/// Uploads `path` through the form and waits for the job's report.
async fn upload(
    b: &Browser,
    node: &TestNode,
    path: &std::path::Path,
    dry_run: bool,
) -> anyhow::Result<String> {
    b.goto(&node.url("/import")).await?;
    b.css("#file").await?.send_keys(&path.display().to_string()).await?;
    if !dry_run {
        b.css("#dry_run").await?.click().await?;
    }
    b.click("#import-submit").await?;
    wait_for(Duration::from_secs(30), "the import report", || async {
        b.goto(b.client.current_url().await?.as_ref()).await?;
        Ok(b.has("#import-done").await?.then_some(()))
    })
    .await?;
    b.text("main").await
}

/// The counts row of a kind: read, valid, invalid, stored now, already here.
async fn counts(b: &Browser, row: usize) -> anyhow::Result<Vec<String>> {
    let cells = b
        .client
        .find_all(fantoccini::Locator::Css(&format!("#import-counts tbody tr:nth-child({row}) td")))
        .await?;
    let mut out = Vec::new();
    for c in cells {
        out.push(c.text().await?);
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_uploads_the_template_once_and_bad_rows_are_reported() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let b = Browser::start().await?;
    b.login(&nl.base, "officer", PASSWORD).await?;
    b.click("#nav-import").await?;

    // The template, as the page's link gives it.
    let template = b.download(&nl.base, "#template-download").await?;
    let dir = tempfile::tempdir()?;
    let workbook = dir.path().join("template.xlsx");
    std::fs::write(&workbook, &template)?;

    upload(&b, &nl, &workbook, true).await?;
    assert_eq!(counts(&b, 1).await?, ["1", "1", "0", "0", "0"], "a dry run stores nothing");
    let (_, list) = nl.get_as("officer", "/api/v1/seizures").await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));

    upload(&b, &nl, &workbook, false).await?;
    assert_eq!(counts(&b, 1).await?, ["1", "1", "0", "1", "0"], "the seizure is stored");
    b.screenshot("upload-report").await?;
    upload(&b, &nl, &workbook, false).await?;
    assert_eq!(counts(&b, 1).await?, ["1", "1", "0", "0", "1"], "the same file again adds nothing");

    // One sheet as CSV: the example seizure under a new reference, and one with a bad date.
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(template))?;
    let sheet = book.worksheet_range("Seizures")?;
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| if *c == Data::Empty { String::new() } else { c.to_string() }).collect())
        .collect();
    let header = &rows[0];
    let at = |name: &str| header.iter().position(|h| h == name);
    let (reference, date) =
        (at("national_reference").or(at("National reference")), at("date").or(at("Date")));
    let (Some(reference), Some(date)) = (reference, date) else {
        anyhow::bail!("no reference or date column in {header:?}");
    };
    let mut good = rows[1].clone();
    good[reference] = "NL-2026-CSV-1".into();
    good[date] = "2026-02-01".into();
    let mut bad = good.clone();
    bad[reference] = "NL-2026-CSV-2".into();
    bad[date] = "not a date".into();
    let line = |r: &Vec<String>| {
        r.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(",")
    };
    let csv = dir.path().join("seizures.csv");
    std::fs::write(&csv, format!("{}\n{}\n{}\n", line(header), line(&good), line(&bad)))?;
    upload(&b, &nl, &csv, true).await?;
    let rows = b.client.find_all(fantoccini::Locator::Css("#import-invalid tbody tr")).await?;
    let mut refused = Vec::new();
    for row in rows {
        let mut cells = Vec::new();
        for c in row.find_all(fantoccini::Locator::Css("td")).await? {
            cells.push(c.text().await?);
        }
        refused.push(cells);
    }
    assert!(
        refused.iter().any(|r| r.first().map(String::as_str) == Some("Seizures")
            && r.get(1).map(String::as_str) == Some("3")
            && r.get(2).map(String::as_str) == Some("date")),
        "the bad date is reported at row 3: {refused:?}"
    );
    assert!(
        !refused.iter().any(
            |r| r.get(1).map(String::as_str) == Some("2") && r.get(2).map(String::as_str) == Some("date")
        ),
        "the good date is not: {refused:?}"
    );
    b.close().await
}
