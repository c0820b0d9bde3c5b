//! Publications and the forum in a real headless Chromium, at the hub and a member: the hub's
//! analyst publishes an alert from the compose form (a missing title named next to its field);
//! it reaches NL, where the officer sees it unread with a count in the navigation, opens it
//! (read, the count gone, the analyst at NL still unread), marks it unread again; then starts a
//! forum thread that the hub carries back signed by NL; a form without its CSRF token is refused.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, TestNode, start_node, start_node_with, wait_for};
use serde_json::json;

const SECOND: Duration = Duration::from_secs(1);

async fn choose(b: &Browser, select: &str, value: &str) -> anyhow::Result<()> {
    b.css(&format!("{select} option[value='{value}']")).await?.click().await?;
    Ok(())
}

async fn thread_count(node: &TestNode) -> anyhow::Result<usize> {
    let (_, v) = node.get_as("analyst", "/api/v1/forum/threads").await?;
    Ok(v.as_array().map(Vec::len).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_publication_is_published_at_the_hub_and_read_at_a_member_in_the_browser() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let body =
        json!({"administration": "NL", "peer_id": nl.peer_id().await?, "addresses": [nl.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "{v}");
    wait_for(20 * SECOND, "the directory at NL", || async {
        let (status, _) = nl.get_as("admin", "/api/v1/directory").await?;
        Ok((status == 200).then_some(()))
    })
    .await?;
    // A user guide in the library beforehand, through the API.
    let guide = json!({"kind": "document", "language": "en", "title": "nCEN user guide",
                       "body": "Recording seizures, searching and exchanging with other administrations."});
    let (status, v) = hub.post_as("admin", "/api/v1/publications", &guide).await?;
    anyhow::ensure!(status == 201, "{v}");
    let b = Browser::start().await?;

    // The hub's analyst publishes; a missing title is named next to the field first.
    b.login(&hub.base, "analyst", PASSWORD).await?;
    b.click("#nav-publications").await?;
    choose(&b, "#pub-kind", "alert").await?;
    choose(&b, "#pub-lang", "en").await?;
    b.fill(
        "#pub-body",
        "Cocaine is being hidden in the cooling units of reefer containers shipped from Guayaquil.\n\n\
         Check the evaporator housing and the insulation panels; X-ray images show dense blocks behind them.",
    )
    .await?;
    choose(&b, "#pub-regions", "EC").await?;
    choose(&b, "#pub-regions", "NL").await?;
    choose(&b, "#pub-regions", "EUROPE").await?;
    choose(&b, "#pub-commodities", "DRUGS.COCAINE").await?;
    b.click("#publish").await?;
    assert!(b.has("#title-error").await?, "a missing title is named");
    assert_eq!(
        hub.get_as("analyst", "/api/v1/publications?kind=alert").await?.1.as_array().map(Vec::len),
        Some(0)
    );
    b.fill("#pub-title", "Reefer containers from Guayaquil: cocaine in the cooling units").await?;
    // An X-ray image of the concealment, attached.
    let files = tempfile::tempdir()?;
    let xray = files.path().join("xray-reefer.png");
    image::RgbImage::from_fn(320, 200, |x, y| {
        let dense = (120..200).contains(&x) && (60..140).contains(&y);
        let v = if dense { 40 } else { 150 + ((x * 7 + y * 3) % 60) as u8 };
        image::Rgb([v, v, v.saturating_add(20)])
    })
    .save(&xray)?;
    b.css("#pub-files").await?.send_keys(&xray.display().to_string()).await?;
    b.click("#publish").await?;
    assert!(b.has("#publications .mine, #publications tr").await?);
    b.logout().await?;

    // It reaches NL, where the officer sees it unread with a count in the navigation.
    let id = wait_for(10 * SECOND, "the alert at NL", || async {
        let (_, v) = nl.get_as("analyst", "/api/v1/publications?kind=alert").await?;
        Ok(v.as_array().and_then(|a| a.first()).and_then(|p| p["id"].as_str()).map(str::to_owned))
    })
    .await?;
    b.login(&nl.base, "officer", PASSWORD).await?;
    assert_eq!(b.text("#nav-publications-badge").await?, "1");
    b.click("#nav-publications").await?;
    assert!(b.has(&format!("#unread-{id}")).await?);
    b.screenshot("publications-unread").await?;
    b.click(&format!("#pub-{id} a")).await?;
    assert!(b.has("#publication-read").await?);
    assert!(b.text("#publication-title").await?.contains("Guayaquil"));
    assert!(b.text("#publication-regions").await?.contains("Ecuador"));
    assert!(b.has("#publication-files img").await?, "the X-ray image is shown");
    let shot = b.screenshot("hub-publication").await?;
    eprintln!("screenshot: {}", shot.display());
    assert!(!b.has("#nav-publications-badge").await?, "nothing unread any more");
    b.click("#nav-publications").await?;
    assert!(b.has(&format!("#read-{id}")).await?);
    let (_, theirs) = nl.get_as("analyst", "/api/v1/publications?kind=alert").await?;
    assert_eq!(theirs[0]["read"], false, "another user at NL has not read it");
    b.click(&format!("#pub-{id} a")).await?;
    b.click("#mark-unread").await?;
    assert!(b.has(&format!("#unread-{id}")).await?);

    // The library finds the guide by its words.
    b.click("#nav-library").await?;
    b.fill("#lib-q", "SEIZURES exchanging").await?;
    b.click("#lib-find").await?;
    assert!(b.text("#library tbody").await?.contains("nCEN user guide"));

    // A forum thread started at NL comes back through the hub, signed by NL.
    b.click("#nav-forum").await?;
    b.fill("#thread-title", "Reefer cooling units").await?;
    b.fill("#thread-body", "We found the same concealment in Rotterdam last week.").await?;
    b.click("#start-thread").await?;
    assert!(b.text("#posts").await?.contains("Rotterdam"));
    assert_eq!(thread_count(&hub).await?, 1);
    b.screenshot("forum-thread").await?;

    // A form without its CSRF token is refused and nothing is stored.
    b.click("#nav-forum").await?;
    b.fill("#thread-title", "No token").await?;
    b.fill("#thread-body", "This must not be stored.").await?;
    b.js("document.querySelector('#thread-form input[name=_csrf]').remove()").await?;
    b.click("#start-thread").await?;
    assert!(!b.has("#posts").await?);
    assert_eq!(thread_count(&nl).await?, 1);
    b.close().await?;
    nl.stop().await?;
    hub.stop().await?;
    Ok(())
}
