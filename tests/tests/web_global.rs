//! The global CEN in a real headless Chromium: NL's analyst, logged in at NL's own node, searches
//! every member's seizures through the hub, narrows by region with a facet, opens the statistics
//! that compare administrations and WCO regions, and downloads the spreadsheet; nothing nominal
//! shows. At the hub, the navigation leads to the global CEN and not to a national search.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, TestNode, canonical_seizure, start_node, start_node_with, wait_for};
use serde_json::{Value, json};

const CANARY: &str = "Canary-Lindqvist-93ab";

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

fn seizure(origin: &str, i: usize, commodity: &str) -> Value {
    let mut s = canonical_seizure(&format!("{origin}-{CANARY}-{i:03}"));
    s["date"] = json!(format!("{}-{:02}-{:02}", 2023 + i % 4, 1 + i % 12, 1 + i % 28));
    s["place"] = json!({"name": format!("{origin} container terminal"), "location_type": "SEAPORT", "country": origin});
    s["goods"][0]["commodity"] = json!(commodity);
    s["goods"][0]["quantity"] = json!(5.0 + i as f64);
    s["goods"][0]["description"] = json!(CANARY);
    s["remarks"] = json!(CANARY);
    s["summary"] = json!(format!("container case {i}"));
    s
}

async fn send(node: &TestNode, items: Vec<Value>) -> anyhow::Result<()> {
    let (status, v) = node.post_as("officer", "/api/v1/seizures/batch", &json!({ "items": items })).await?;
    anyhow::ensure!(status == 200, "{}: {status} {v}", node.administration);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_analyst_searches_and_charts_the_global_cen_from_their_own_node() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    let ke = start_node_with("KE", Some(&hub)).await?;
    for member in [&nl, &be] {
        admit(&hub, member).await?;
    }
    // The hub's administrator admits KE in the hub's UI: the peers form admits to the directory.
    let b = Browser::start().await?;
    b.login(&hub.url(""), "admin", PASSWORD).await?;
    b.goto(&hub.url("/peers")).await?;
    b.fill("#administration", "KE").await?;
    b.fill("#peer_id", &ke.peer_id().await?).await?;
    b.fill("#addresses", &ke.p2p_addr().await?).await?;
    b.click("#peer-submit").await?;
    let notice = b.text("main").await?;
    assert!(notice.contains("member of the directory"), "{notice}");
    let (_, dir) = hub.get_as("admin", "/api/v1/directory").await?;
    assert_eq!(dir["members"].as_array().map(Vec::len), Some(3), "{dir}");
    b.logout().await?;
    send(&nl, (0..8).map(|i| seizure("NL", i, "DRUGS.COCAINE")).collect()).await?;
    send(&be, (0..5).map(|i| seizure("BE", i, "REVENUE.TOBACCO.CIGARETTES")).collect()).await?;
    send(&ke, (0..6).map(|i| seizure("KE", i, "ENVIRONMENT.CITES")).collect()).await?;
    wait_for(Duration::from_secs(60), "19 seizures in the global CEN", || async {
        let (_, v) = hub.get_as("analyst", "/api/v1/global/search?limit=1").await?;
        Ok((v["total"] == 19).then_some(()))
    })
    .await?;
    // KE joined last: NL checks its seizures' signatures with the directory it fetches on seeing
    // a signer it does not know yet, so none is left out.
    let (_, v) = nl.get_as("analyst", "/api/v1/global/search?limit=100").await?;
    assert_eq!((v["total"].as_u64(), v["items"].as_array().map(Vec::len)), (Some(19), Some(19)), "{v}");
    assert_eq!(v["rejected"], 0, "{v}");

    b.login(&nl.url(""), "analyst", PASSWORD).await?;
    b.click("nav a[href='/global']").await?;
    assert!(b.text("main").await?.contains("WCO"), "the page says the hub is asked");
    b.fill("#q", "container").await?;
    b.click("#global-submit").await?;
    let count = b.text("#result-count").await?;
    assert!(count.contains("19"), "{count}");
    let results = b.text("#global-results").await?;
    assert!(results.contains("Kenya") || results.contains("KE"), "{results}");
    assert!(!b.text("body").await?.contains(CANARY), "a nominal value on the page");

    // A region facet narrows the results to that region's administrations.
    b.click("aside a[href*='region=EAST_SOUTHERN_AFRICA']").await?;
    let count = b.text("#result-count").await?;
    assert!(count.contains('6'), "{count}");
    let results = b.text("#global-results").await?;
    assert!(!results.contains("Belgium"), "{results}");
    b.click("a.chip").await?;

    // Statistics compare administrations and regions, with charts.
    b.click("#stats-link").await?;
    let text = b.text("main").await?;
    assert!(text.contains("19"), "{text}");
    for heading in
        ["By origin administration", "By WCO region of the origin", "WCO regions compared year by year"]
    {
        assert!(text.contains(heading), "{heading} missing from {text}");
    }
    let charts = b.js("return document.querySelectorAll('img.chart').length").await?;
    assert!(charts.as_u64().unwrap_or(0) >= 5, "{charts}");
    let shot = b.screenshot("global-statistics").await?;
    eprintln!("screenshot: {}", shot.display());
    b.js("for (const h of document.querySelectorAll('.stat-block h2')) { \
          if (h.textContent.includes('By WCO region')) { h.scrollIntoView(); } }")
        .await?;
    b.screenshot("global-regions").await?;

    // The spreadsheet holds every seizure, codes as labels, nothing nominal.
    let bytes = b.download(&nl.url(""), "#export-xlsx").await?;
    assert!(bytes.starts_with(b"PK"), "an XLSX file");
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))?;
    let sheet =
        calamine::Reader::worksheet_range_at(&mut workbook, 0).ok_or(anyhow::anyhow!("no sheet"))??;
    assert_eq!(sheet.height(), 20, "a header and 19 goods lines");
    let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Cocaine"), "labels, not codes: {cells:?}");
    assert!(!cells.iter().any(|c| c.contains(CANARY)));
    b.logout().await?;

    // At the hub: the global CEN in the navigation, no national search.
    b.login(&hub.url(""), "analyst", PASSWORD).await?;
    assert!(b.has("nav a[href='/global']").await?);
    assert!(!b.has("nav a[href='/search']").await?);
    b.goto(&hub.url("/global?origin=BE")).await?;
    let count = b.text("#result-count").await?;
    assert!(count.contains('5'), "{count}");
    b.close().await?;

    for n in [nl, be, ke, hub] {
        n.stop().await?;
    }
    Ok(())
}
