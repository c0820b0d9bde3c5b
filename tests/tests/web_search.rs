//! Search, statistics and export in a real headless Chromium: full text in any script, facets
//! that narrow the results, a chart drawn on the server, and an XLSX export read back with
//! calamine holding the same values.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use calamine::{Data, DataType, Reader, Xlsx};
use ncen_tests::{PASSWORD, TestNode, canonical_seizure, start_node, wait_for};
use serde_json::Value;

/// A seizure of `commodity` with `description`, `quantity` in `unit`.
fn seizure(reference: &str, commodity: &str, description: &str, quantity: f64, unit: &str) -> Value {
    let mut s = canonical_seizure(reference);
    s["goods"][0]["commodity"] = commodity.into();
    s["goods"][0]["description"] = description.into();
    s["goods"][0]["quantity"] = quantity.into();
    s["goods"][0]["unit"] = unit.into();
    s
}

async fn seed(nl: &TestNode) -> anyhow::Result<()> {
    nl.create_seizure(&seizure("NL-2026-S-1", "DRUGS.COCAINE", "Bricks hidden in bananas", 120.5, "KGM"))
        .await?;
    nl.create_seizure(&seizure(
        "NL-2026-S-2",
        "DRUGS.HEROIN",
        "Pakete im Kühlschrank, Müller GmbH",
        3.25,
        "KGM",
    ))
    .await?;
    let mut third = seizure("NL-2026-S-3", "DRUGS.COCAINE", "Кокаин в чемоданах, МОСКВА", 8.0, "KGM");
    third["date"] = "2025-06-01".into();
    third["route"]["departure"] = "BR".into();
    nl.create_seizure(&third).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_analyst_searches_narrows_charts_and_exports() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    seed(&nl).await?;
    let b = Browser::start().await?;
    b.login(&nl.base, "analyst", PASSWORD).await?;
    b.click("#nav-search").await?;

    // Accent and case do not matter, in Latin or Cyrillic script.
    for (words, reference) in
        [("muller", "NL-2026-S-2"), ("москва", "NL-2026-S-3"), ("BANANAS", "NL-2026-S-1")]
    {
        wait_for(Duration::from_secs(10), words, || async {
            b.goto(&nl.url(&format!("/search?q={words}"))).await?;
            Ok(b.text("main").await?.contains(reference).then_some(()))
        })
        .await?;
        assert_eq!(
            b.client.find_all(fantoccini::Locator::Css("#results tbody tr")).await?.len(),
            1,
            "{words}"
        );
    }

    // Every seizure, then narrowed by the commodity facet and the departure country.
    b.goto(&nl.url("/search?kind=seizures")).await?;
    assert!(b.text("#result-count").await?.starts_with("3 records"));
    b.click(".facet a[href*='commodity=DRUGS.COCAINE']").await?;
    assert!(b.text("#result-count").await?.starts_with("2 records"));
    b.click(".facet a[href*='route_country=BR']").await?;
    assert!(b.text("#result-count").await?.starts_with("1 records"));
    assert!(b.text("#results").await?.contains("NL-2026-S-3"));
    b.click(".chip:not([href*='route_country'])").await?;
    assert!(b.text("#result-count").await?.starts_with("2 records"), "a chip removes its filter");

    // Statistics of the result, with charts drawn as SVG.
    b.click("#stats-link").await?;
    assert!(b.text("#stats-total").await?.starts_with("2 records"));
    let chart = b.css("img.chart").await?.attr("src").await?.unwrap_or_default();
    assert!(chart.starts_with("data:image/svg+xml;base64,") && chart.len() > 500, "a chart is drawn");
    b.screenshot("statistics").await?;
    let page = b.text("main").await?;
    assert!(page.contains("Quantities by commodity") && page.contains("Cocaine · Kilogram (kg)"), "{page}");
    assert!(page.contains("128.50"), "120.5 + 8 kg of cocaine: {page}");

    // The XLSX export, read back: the same references, dates as dates, quantities as numbers.
    let bytes = b.download(&nl.base, "#export-xlsx").await?;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))?;
    let sheet = book.worksheet_range("Seizures")?;
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 3, "a header and two goods lines");
    assert_eq!(rows[0][0], Data::String("National reference".into()));
    let mut references: Vec<String> = rows[1..].iter().map(|r| r[0].to_string()).collect();
    references.sort();
    assert_eq!(references, ["NL-2026-S-1", "NL-2026-S-3"]);
    for row in &rows[1..] {
        assert!(matches!(row[1], Data::DateTime(_)), "the date is a date: {:?}", row[1]);
        assert!(matches!(row[13], Data::Float(_)), "the quantity is a number: {:?}", row[13]);
        assert_eq!(row[11], Data::String("Cocaine".into()), "the commodity by its label");
    }
    let quantities: f64 = rows[1..].iter().filter_map(|r| r[13].as_f64()).sum();
    assert!((quantities - 128.5).abs() < 1e-9);
    b.close().await
}
