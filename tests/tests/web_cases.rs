//! An investigation in a real headless Chromium: a supervisor opens it, links a seizure and
//! assigns an officer; the officer sees it first in their list, starts work, adds a note with an
//! attachment; an officer not assigned can read the list but not work the case; every change is
//! in the audit log.

#[path = "support/browser.rs"]
mod browser;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, canonical_seizure, start_node};

#[tokio::test(flavor = "multi_thread")]
async fn a_supervisor_assigns_an_investigation_that_an_officer_works() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    nl.create_seizure(&canonical_seizure("NL-2026-000777")).await?;
    let (status, _) = nl
        .post_as(
            "admin",
            "/api/v1/users",
            &serde_json::json!({"username": "bert", "role": "officer", "password": PASSWORD}),
        )
        .await?;
    assert_eq!(status, 201);
    let b = Browser::start().await?;

    // The supervisor opens the case, links the seizure by its reference and assigns the officer.
    b.login(&nl.base, "supervisor", PASSWORD).await?;
    b.click("#nav-investigations").await?;
    b.click("#case-submit").await?;
    assert!(b.text("#title-error").await?.contains("Required"));
    b.fill("#case-title", "Cocaine in banana boxes, Rotterdam").await?;
    b.fill("#case-summary", "Container MSCU1234567; follow the consignee.").await?;
    b.click("#case-submit").await?;
    let case_url = b.client.current_url().await?.to_string();
    b.fill("#link-reference", "NL-2026-NOPE").await?;
    b.click("#link-submit").await?;
    assert!(b.text("[id='reference-error']").await?.contains("No such record"));
    b.fill("#link-reference", "NL-2026-000777").await?;
    b.click("#link-submit").await?;
    assert!(b.text("#case-links").await?.contains("NL-2026-000777"));
    b.css("#assignees option[value='officer']").await?.click().await?;
    b.click("#assign-submit").await?;
    assert_eq!(b.text("#case-assignees").await?, "officer");
    assert!(b.text("#case-status").await?.contains("Assigned"));
    b.logout().await?;

    // Bert, not assigned, sees the case but cannot work on it.
    b.login(&nl.base, "bert", PASSWORD).await?;
    b.goto(&case_url).await?;
    assert!(!b.has("#note-form").await? && !b.has("#status-in_progress").await?);
    b.logout().await?;

    // The officer finds it first, marked as theirs, and works it.
    b.login(&nl.base, "officer", PASSWORD).await?;
    b.click("#nav-investigations").await?;
    let first = b.text("#cases tbody tr:first-child").await?;
    assert!(first.contains("Cocaine in banana boxes") && first.contains("assigned to you"), "{first}");
    b.click("#cases tbody tr:first-child a").await?;
    b.click("#status-in_progress").await?;
    assert!(b.text("#case-status").await?.contains("In progress"));
    let dir = tempfile::tempdir()?;
    let scan = dir.path().join("xray-scan.txt");
    std::fs::write(&scan, "X-ray image reference 4471")?;
    b.fill("#note-text", "Consignee identified: a freight forwarder in Antwerp.").await?;
    b.css("#note-file").await?.send_keys(&scan.display().to_string()).await?;
    b.click("#note-submit").await?;
    let thread = b.text("#thread").await?;
    assert!(thread.contains("Consignee identified") && thread.contains("xray-scan.txt"), "{thread}");
    b.screenshot("investigation").await?;

    // The attachment downloads for the officer, byte for byte.
    let bytes = b.download(&nl.base, "#thread a").await?;
    assert_eq!(&bytes[..], b"X-ray image reference 4471");

    // Every change is audited.
    let (_, audit) = nl.get_as("admin", "/api/v1/audit?limit=1000").await?;
    let actions: Vec<&str> =
        audit.as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    for action in [
        "investigation.open",
        "investigation.link",
        "investigation.assign",
        "investigation.status",
        "investigation.note",
    ] {
        assert!(actions.contains(&action), "{action} is audited");
    }
    b.close().await
}
