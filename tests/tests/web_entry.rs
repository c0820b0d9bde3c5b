//! Entering and correcting a seizure in a real headless Chromium: errors next to their fields,
//! code lists as drop-downs, a correction saved as a new revision, and a seizure received from a
//! peer shown read-only with its origin.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, add_peer, canonical_seizure, make_agreement, start_node, wait_for};

/// Chooses `value` in the drop-down named `name`.
async fn choose(b: &Browser, name: &str, value: &str) -> anyhow::Result<()> {
    b.css(&format!("select[name='{name}'] option[value='{value}']")).await?.click().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_enters_corrects_and_reads_seizures() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let be = start_node("BE").await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;
    let received = be.create_seizure(&canonical_seizure("BE-2026-000042")).await?;
    let b = Browser::start().await?;
    b.login(&nl.base, "officer", PASSWORD).await?;

    // An empty form: every missing field is named next to it, nothing is stored.
    b.click("#nav-new-seizure").await?;
    b.click("#seizure-submit").await?;
    assert!(b.has("#form-errors").await?);
    b.screenshot("seizure-form-errors").await?;
    for field in ["national_reference-error", "place.location_type-error", "direction-error", "goods-error"] {
        assert!(b.text(&format!("[id='{field}']")).await?.contains("Required"), "{field}");
    }
    let (_, list) = nl.get_as("officer", "/api/v1/seizures?origin=NL").await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));

    // Filled in, with a decimal comma, one more goods line and a transit country.
    b.fill("[id='national_reference']", "NL-2026-WEB-1").await?;
    b.fill("[id='place.name']", "Port of Rotterdam").await?;
    choose(&b, "place.location_type", "SEAPORT").await?;
    choose(&b, "direction", "IMPORT").await?;
    choose(&b, "detection_method", "XRAY_SCAN").await?;
    choose(&b, "route.departure", "EC").await?;
    choose(&b, "route.transit", "PA").await?;
    choose(&b, "goods[0].commodity", "DRUGS.COCAINE").await?;
    b.fill("[name='goods[0].quantity']", "12,5").await?;
    choose(&b, "goods[0].unit", "KGM").await?;
    b.fill("[name='goods[1].quantity']", "twelve").await?;
    b.click("#add-line").await?;
    assert_eq!(b.client.find_all(fantoccini::Locator::Css("#goods-lines tbody tr")).await?.len(), 4);
    b.click("#seizure-submit").await?;
    assert!(b.text("#goods-lines").await?.contains("Write a number"), "a quantity that is no number");
    b.fill("[name='goods[1].quantity']", "").await?;
    b.click("#seizure-submit").await?;
    assert!(b.text(".notice.ok").await?.contains("NL-2026-WEB-1"));
    let page = b.text("main").await?;
    assert!(page.contains("Cocaine") && page.contains("12.5") && page.contains("Panama"), "{page}");
    assert!(page.contains("revision 1"));

    // A correction is a new signed revision.
    b.click("#edit-record").await?;
    b.fill("[name='goods[0].quantity']", "13").await?;
    b.click("#seizure-submit").await?;
    assert!(b.text("main").await?.contains("revision 2"));

    // A seizure received from BE is read-only here.
    wait_for(Duration::from_secs(15), "BE's seizure at NL", || async {
        let (status, _) = nl.get_as("officer", &format!("/api/v1/seizures/{received}")).await?;
        Ok((status == 200).then_some(()))
    })
    .await?;
    b.goto(&nl.url(&format!("/records/seizures/{received}"))).await?;
    assert!(b.text("#read-only").await?.contains("BE"));
    assert!(!b.has("#edit-record").await?, "no correction of another origin's record");
    b.goto(&nl.url(&format!("/records/seizures/{received}/edit"))).await?;
    assert!(b.text("#error-title").await?.contains("Not allowed"));

    // A suspect, from the search page: the family name is required, a document's number too.
    b.click("#nav-search").await?;
    b.click("#new-suspect").await?;
    b.fill("[id='national_reference']", "NL-2026-P-1").await?;
    choose(&b, "identity_documents[0].kind", "PASSPORT").await?;
    b.click("#record-submit").await?;
    assert!(b.text("[id='family_name-error']").await?.contains("Required"));
    assert!(b.has("[id='identity_documents[0].number-error']").await?, "the document's number is asked for");
    b.fill("[id='family_name']", "Müller").await?;
    b.fill("[id='given_names']", "Jörg").await?;
    b.fill("[id='identity_documents[0].number']", "C01X00T47").await?;
    choose(&b, "identity_documents[0].issuing_country", "DE").await?;
    choose(&b, "nationality", "DE").await?;
    b.click("#record-submit").await?;
    let page = b.text("main").await?;
    assert!(
        page.contains("Müller, Jörg") && page.contains("C01X00T47") && page.contains("Germany"),
        "{page}"
    );
    b.click("#edit-record").await?;
    b.fill("[id='place_of_birth']", "Köln").await?;
    b.click("#record-submit").await?;
    assert!(b.text("main").await?.contains("revision 2"));
    let suspect = b.client.current_url().await?.path().rsplit('/').next().unwrap_or_default().to_owned();

    // The suspect is linked to the seizure by its reference, offered in the form's list;
    // an unknown company reference is refused next to its field.
    let (_, list) = nl.get_as("officer", "/api/v1/seizures?origin=NL").await?;
    let seizure = list["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    b.goto(&nl.url(&format!("/records/seizures/{seizure}/edit"))).await?;
    assert!(b.has("#suspect-refs option[value='NL-2026-P-1']").await?, "the suspect is suggested");
    b.fill("[name='offenders[0].suspect']", "NL-2026-P-1").await?;
    b.fill("[name='offenders[0].age']", "41").await?;
    b.fill("[name='companies[0].company']", "NL-2026-NO-SUCH").await?;
    b.click("#seizure-submit").await?;
    assert!(b.text("#company-rows").await?.contains("No such record"));
    b.fill("[name='companies[0].company']", "").await?;
    b.click("#seizure-submit").await?;
    assert!(b.text("main").await?.contains("revision 3"));
    b.click(".record-links a[href*='/records/suspects/']").await?;
    assert!(
        b.text("#record-title").await?.contains("Müller, Jörg"),
        "the linked suspect opens from the seizure"
    );
    let (_, saved) = nl.get_as("officer", &format!("/api/v1/seizures/{seizure}")).await?;
    assert_eq!(saved["data"]["offenders"][0]["suspect"].as_str(), Some(suspect.as_str()));
    assert_eq!(saved["data"]["offenders"][0]["age"].as_u64(), Some(41));
    b.close().await
}
