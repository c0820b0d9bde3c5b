//! The web UI in a real headless Chromium: login and blocking, an agreement proposed on one
//! node's UI and accepted on the other's with a seizure then crossing, Arabic laid out right to
//! left, the users page closed to officers, and forms refused without their CSRF token.
//! Screenshots of the main pages are saved as artifacts (see `support/browser.rs`).

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, TestNode, add_peer, canonical_seizure, start_node, wait_for};

const SECOND: Duration = Duration::from_secs(1);

/// Reloads `path` until `selector` is on the page.
async fn reload_until(b: &Browser, node: &TestNode, path: &str, selector: &str) -> anyhow::Result<()> {
    wait_for(20 * SECOND, selector, || async {
        b.goto(&node.url(path)).await?;
        Ok(b.has(selector).await?.then_some(()))
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn three_wrong_passwords_block_and_the_contact_point_unblocks() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let b = Browser::start().await?;

    b.login(&nl.base, "admin", PASSWORD).await?;
    assert_eq!(b.path().await?, "/");
    assert!(b.text("#administration").await?.contains("NL"));
    assert!(b.text("#peer-id").await?.starts_with("12D3KooW"));
    b.screenshot("dashboard").await?;
    b.logout().await?;
    assert!(b.path().await?.starts_with("/login"));

    for attempt in 1..=3 {
        b.login(&nl.base, "analyst", "not the password").await?;
        let error = b.text("#login-error").await?;
        assert!(error.contains("Wrong user name or password"), "attempt {attempt}: {error}");
        assert!(b.path().await?.starts_with("/login"));
    }
    b.login(&nl.base, "analyst", PASSWORD).await?;
    let error = b.text("#login-error").await?;
    assert!(error.contains("blocked after 3 wrong passwords"), "{error}");

    b.login(&nl.base, "ncp", PASSWORD).await?;
    b.goto(&nl.url("/users")).await?;
    assert_eq!(b.text("tr[data-user=analyst] .user-state").await?, "Blocked");
    b.click("#unblock-analyst").await?;
    assert!(b.text(".notice.ok").await?.contains("analyst"));
    assert_eq!(b.text("tr[data-user=analyst] .user-state").await?, "Active");
    b.screenshot("users").await?;
    b.logout().await?;

    b.login(&nl.base, "analyst", PASSWORD).await?;
    assert_eq!(b.path().await?, "/");
    assert!(!b.has("#nav-users").await?, "an analyst has no users page");
    b.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agreement_made_in_two_browsers_carries_a_seizure_and_arabic_reads_right_to_left()
-> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let be = start_node("BE").await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    let b = Browser::start().await?;

    // NL's administrator proposes.
    b.login(&nl.base, "admin", PASSWORD).await?;
    b.goto(&nl.url("/agreements")).await?;
    b.click("#propose-submit").await?;
    assert!(b.text("#legal_basis-error").await?.contains("Required"), "an empty legal basis is refused");
    b.fill("#legal_basis", "NL-BE mutual administrative assistance agreement, art. 5").await?;
    b.fill("#valid_until", "12/31/2030").await?;
    b.click("#propose-submit").await?;
    assert!(b.text(".notice.ok").await?.contains("BE"), "the proposal is confirmed");
    let flows = b.text("#group-outgoing .flows").await?;
    assert!(flows.contains("NL → BE: Seizures") && flows.contains("BE → NL: Seizures"), "{flows}");
    b.logout().await?;

    // BE's administrator sees it arrive and accepts it.
    b.login(&be.base, "admin", PASSWORD).await?;
    reload_until(&b, &be, "/agreements", "#group-incoming button[id^=accept-]").await?;
    b.click("#group-incoming button[id^=accept-]").await?;
    assert!(b.text(".notice.ok").await?.contains("NL"));
    assert!(b.text("#group-current .pill.state").await?.contains("Active"));
    b.screenshot("agreements").await?;

    // The details show both signatures' fingerprints.
    b.click("#group-current h3 a").await?;
    let fingerprints = b.client.find_all(fantoccini::Locator::Css("#signatures .fingerprint")).await?;
    assert_eq!(fingerprints.len(), 2, "the proposer's and the accepter's signatures");
    for f in fingerprints {
        assert_eq!(f.text().await?.len(), 64);
    }

    // A seizure saved at NL appears in BE's dashboard.
    nl.create_seizure(&canonical_seizure("NL-2026-UI-1")).await?;
    reload_until(&b, &be, "/", "tr[data-origin=NL]").await?;
    let cells = b.text("tr[data-origin=NL]").await?;
    assert!(cells.contains("Netherlands") && cells.contains('1'), "{cells}");

    // Arabic: right to left, mirrored, code-list labels translated.
    b.goto(&be.url("/agreements")).await?;
    b.js("window.__ncenPrevious = true").await?;
    b.css("#lang-select option[value=ar]").await?.click().await?;
    b.wait_for_new_page().await?;
    assert_eq!(b.js("return document.documentElement.lang").await?, "ar");
    assert_eq!(b.js("return document.documentElement.dir").await?, "rtl");
    assert_eq!(b.js("return getComputedStyle(document.body).direction").await?, "rtl");
    let brand_x = b.js("return document.querySelector('.brand').getBoundingClientRect().left").await?;
    let nav_x = b.js("return document.querySelector('nav.main').getBoundingClientRect().left").await?;
    assert!(
        brand_x.as_f64() > nav_x.as_f64(),
        "the brand sits at the right in Arabic ({brand_x} vs {nav_x})"
    );
    let title = b.text("h1").await?;
    assert!(title.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{title}");
    b.screenshot("agreements-ar").await?;
    b.goto(&be.url("/")).await?;
    let row = b.text("tr[data-origin=NL] th").await?;
    assert!(row.contains("هولندا"), "the country is named in Arabic: {row}");
    b.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn officers_cannot_manage_users_and_forms_without_their_token_are_refused() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let b = Browser::start().await?;

    b.login(&nl.base, "officer", PASSWORD).await?;
    assert!(!b.has("#nav-users").await? && !b.has("#nav-agreements").await?);
    for page in ["/users", "/agreements", "/peers", "/audit"] {
        b.goto(&nl.url(page)).await?;
        assert!(b.text("#error-title").await?.contains("Not allowed"), "{page}");
    }
    b.logout().await?;

    b.login(&nl.base, "admin", PASSWORD).await?;
    b.goto(&nl.url("/users")).await?;
    b.fill("#new-username", "j.smith").await?;
    b.fill("#new-password", "a long initial passphrase").await?;
    b.js("document.querySelector('#user-form input[name=_csrf]').remove()").await?;
    b.click("#user-submit").await?;
    assert!(b.text("#error-message").await?.contains("did not come from this site"));
    let (_, users) = nl.get_as("admin", "/api/v1/users").await?;
    assert!(!users.to_string().contains("j.smith"), "nothing was created");

    // With its token, the same form works, and errors are shown next to their field.
    b.goto(&nl.url("/users")).await?;
    b.fill("#new-username", "J Smith").await?;
    b.fill("#new-password", "short").await?;
    b.click("#user-submit").await?;
    assert!(b.text("#username-error").await?.contains("lowercase"));
    assert!(b.text("#password-error").await?.contains("12"));
    b.fill("#new-username", "j.smith").await?;
    b.fill("#new-password", "a long initial passphrase").await?;
    b.click("#user-submit").await?;
    assert!(b.text("tr[data-user='j.smith']").await?.contains("Officer"));
    b.close().await
}
