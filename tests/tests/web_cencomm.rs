//! CENcomm in a real headless Chromium, across the hub and three national nodes admitted to its
//! directory: NL's supervisor creates an operation with BE and DE (a wrong member line is named
//! next to its field); BE's supervisor accepts the invitation; NL's officer composes a warning
//! from its template, choosing code-list values from drop-downs; it reaches BE's officer marked
//! unread (with the navigation's badge), who marks it read and answers with a feedback that NL
//! sees threaded under the warning with BE's receipts. Then the refusals: a form without its
//! CSRF token, an officer creating an operation, an analyst who is no participant.

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, TestNode, start_node, start_node_with, wait_for};
use serde_json::json;

const SECOND: Duration = Duration::from_secs(1);

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

async fn directory_of(node: &TestNode, count: usize) -> anyhow::Result<()> {
    wait_for(20 * SECOND, "the member directory", || async {
        let (status, v) = node.get_as("admin", "/api/v1/directory").await?;
        Ok((status == 200 && v["members"].as_array().map(Vec::len) == Some(count)).then_some(()))
    })
    .await
}

/// Reloads `path` until `selector` is on the page.
async fn reload_until(b: &Browser, node: &TestNode, path: &str, selector: &str) -> anyhow::Result<()> {
    wait_for(20 * SECOND, selector, || async {
        b.goto(&node.url(path)).await?;
        Ok(b.has(selector).await?.then_some(()))
    })
    .await
}

async fn choose(b: &Browser, select: &str, value: &str) -> anyhow::Result<()> {
    b.css(&format!("{select} option[value='{value}']")).await?.click().await?;
    Ok(())
}

async fn message_count(node: &TestNode, id: &str) -> anyhow::Result<usize> {
    let (status, v) = node.get_as("supervisor", &format!("/api/v1/operations/{id}")).await?;
    anyhow::ensure!(status == 200, "operation at {}: {status} {v}", node.administration);
    Ok(v["messages"].as_array().map(Vec::len).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_operation_is_created_joined_and_used_in_the_browser() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    let de = start_node_with("DE", Some(&hub)).await?;
    for n in [&nl, &be, &de] {
        admit(&hub, n).await?;
    }
    for n in [&nl, &be, &de] {
        directory_of(n, 3).await?;
    }
    let b = Browser::start().await?;

    // NL's supervisor creates the operation; a wrong member line is named next to the field.
    b.login(&nl.base, "supervisor", PASSWORD).await?;
    b.click("#nav-operations").await?;
    b.fill("#op-name", "Operation Harbour Light").await?;
    b.fill("#op-purpose", "Cocaine in reefer containers from South America").await?;
    b.fill("#op-legal-basis", "Naples II convention, art. 23 (joint special operations)").await?;
    b.fill("#op-own-users", "officer, supervisor").await?;
    b.fill("#op-members", "BE: officer, supervisor\nXX1: officer").await?;
    b.css("#tpl-warning-detection_method").await?.click().await?;
    b.click("#operation-submit").await?;
    let error = b.text("#members-error").await?;
    assert!(error.contains("Line 2") && error.contains("XX1"), "{error}");
    assert!(b.css("#tpl-warning-detection_method").await?.is_selected().await?, "choices are kept");
    b.fill("#op-members", "BE: officer, supervisor\nDE: officer").await?;
    b.click("#operation-submit").await?;
    let path = b.path().await?;
    let id =
        path.strip_prefix("/operations/").and_then(|p| p.split('?').next()).unwrap_or_default().to_owned();
    assert!(uuid_like(&id), "{path}");
    assert!(b.text("#member-BE").await?.contains("waiting"));
    assert!(b.has("#export-sqlite").await? && b.has("#export-xlsx").await?);
    b.logout().await?;

    // BE's supervisor finds the invitation at the top of the list and accepts it.
    b.login(&be.base, "supervisor", PASSWORD).await?;
    reload_until(&b, &be, "/operations", &format!("#invitation-{id}")).await?;
    assert!(b.text(&format!("#invitation-{id}")).await?.contains("Naples II"));
    b.screenshot("cencomm-invitation").await?;
    b.click(&format!("#accept-{id}")).await?;
    assert!(b.text("main .notice.ok").await?.contains("joined"));
    assert!(b.text("#member-BE").await?.contains("joined"));
    assert!(!b.has("#export-sqlite").await?, "exports belong to the coordinator");
    b.logout().await?;
    wait_for(20 * SECOND, "BE's answer at NL", || async {
        let (_, v) = nl.get_as("supervisor", &format!("/api/v1/operations/{id}")).await?;
        Ok((v["joins"]["BE"]["accept"] == true).then_some(()))
    })
    .await?;

    // NL's officer composes a warning from the template, codes chosen from drop-downs.
    b.login(&nl.base, "officer", PASSWORD).await?;
    b.click("#nav-operations").await?;
    b.click(&format!("#op-{id} a")).await?;
    b.fill("#compose-summary", "Reefer MSCU1234567: bananas from Guayaquil, check the cooling unit").await?;
    choose(&b, "#compose-conveyance_type", "SEA_CONTAINER").await?;
    b.fill("#compose-conveyance_identifier", "MSCU1234567").await?;
    choose(&b, "#compose-departure", "EC").await?;
    choose(&b, "#compose-commodity", "DRUGS.COCAINE").await?;
    b.fill("#compose-risk_indicators", "Consignee registered last month; freight paid in cash").await?;
    b.js("document.getElementById('compose').scrollIntoView()").await?;
    b.screenshot("cencomm-compose").await?;
    b.click("#compose-submit").await?;
    assert!(b.text("main .notice.ok").await?.contains("sent"));
    let warning = b.css(".op-message.template-warning").await?.attr("id").await?.unwrap_or_default();
    let mid = warning.strip_prefix("m-").unwrap_or_default().to_owned();
    assert!(uuid_like(&mid), "{warning}");
    assert!(b.has(&format!("#receipts-{mid}")).await?, "the sender sees the receipts");
    b.logout().await?;

    // It reaches BE's officer, unread, counted in the navigation; the codes read as labels.
    b.login(&be.base, "officer", PASSWORD).await?;
    reload_until(&b, &be, &format!("/operations/{id}"), &format!("#m-{mid}")).await?;
    assert!(b.has(&format!("#unread-{mid}")).await?, "the warning is marked unread");
    assert_eq!(b.text("#nav-operations-badge").await?, "1");
    assert_eq!(b.text(&format!("#m-{mid} .field-departure")).await?, "Ecuador");
    assert!(b.text(&format!("#m-{mid} .field-commodity")).await?.contains("Cocaine"));
    assert_eq!(b.text(&format!("#m-{mid} .field-conveyance_type")).await?, "Sea container");
    b.click(&format!("#read-{mid}")).await?;
    assert!(!b.has(&format!("#unread-{mid}")).await?, "marked read");
    assert!(!b.has("#nav-operations-badge").await?);

    // BE's officer answers with a feedback: the link picks the template and the warning.
    b.click(&format!("#reply-feedback-{mid}")).await?;
    assert_eq!(b.css("#compose-reply").await?.prop("value").await?.unwrap_or_default(), mid);
    assert_eq!(b.text("#compose-tab-feedback").await?, "Feedback");
    b.click("#compose-submit").await?;
    assert!(b.text("#compose-summary-error").await?.contains("Required"));
    assert_eq!(b.css("#compose-reply").await?.prop("value").await?.unwrap_or_default(), mid, "kept");
    b.fill("#compose-summary", "Container scanned at Antwerp: nothing found").await?;
    b.fill("#compose-action_taken", "X-ray scan and physical check of the cooling unit").await?;
    // With the X-ray image as a photo.
    let files = tempfile::tempdir()?;
    let scan = files.path().join("xray-floor.png");
    {
        use image::ImageEncoder as _;
        let img =
            image::RgbImage::from_fn(320, 200, |x, y| image::Rgb([(x % 200) as u8, (y % 200) as u8, 90]));
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out).write_image(
            img.as_raw(),
            320,
            200,
            image::ExtendedColorType::Rgb8,
        )?;
        std::fs::write(&scan, out)?;
    }
    b.css("#compose-files").await?.send_keys(&scan.display().to_string()).await?;
    b.click("#compose-submit").await?;
    assert!(b.has(&format!("#thread-{mid} .op-replies .template-feedback")).await?);
    b.logout().await?;

    // At NL the feedback is threaded under the warning, with BE's receipts.
    b.login(&nl.base, "officer", PASSWORD).await?;
    reload_until(
        &b,
        &nl,
        &format!("/operations/{id}"),
        &format!("#thread-{mid} .op-replies .template-feedback"),
    )
    .await?;
    let reply = b.text(&format!("#thread-{mid} .op-replies .template-feedback")).await?;
    assert!(reply.contains("nothing found") && reply.contains("BE"), "{reply}");
    let shown = b
        .js(&format!("const i = document.querySelector('#thread-{mid} .op-replies .op-files img'); return !!i && i.complete && i.naturalWidth === 320"))
        .await?;
    assert_eq!(shown, serde_json::Value::Bool(true), "the photo arrived and shows in the message");
    assert!(b.has(".op-message.template-feedback.unread").await?, "unread at NL");
    reload_until(&b, &nl, &format!("/operations/{id}"), &format!("#receipt-{mid}-BE td:nth-child(3) .pill"))
        .await?;
    b.js("document.getElementById('inbox').scrollIntoView()").await?;
    b.screenshot("cencomm-inbox").await?;

    // The same page in Arabic, right to left.
    b.js("window.__ncenPrevious = true").await?;
    choose(&b, "#lang-select", "ar").await?;
    b.wait_for_new_page().await?;
    assert_eq!(b.js("return document.documentElement.dir").await?, "rtl");
    let heading = b.text("#inbox h2").await?;
    assert!(heading.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{heading}");
    b.screenshot("cencomm-operation-ar").await?;
    b.js("window.__ncenPrevious = true").await?;
    choose(&b, "#lang-select", "en").await?;
    b.wait_for_new_page().await?;

    // A message posted without its CSRF token is refused and nothing is sent.
    let before = message_count(&nl, &id).await?;
    b.fill("#compose-summary", "A warning that must not leave").await?;
    b.js("document.querySelector('#compose-form input[name=_csrf]').remove()").await?;
    b.click("#compose-submit").await?;
    assert!(b.text("#error-message").await?.contains("did not come from this site"));
    assert_eq!(message_count(&nl, &id).await?, before, "nothing was sent");

    // An officer has no form to create operations, and posting one anyway gets a 403 page.
    b.goto(&nl.url("/operations")).await?;
    assert!(!b.has("#operation-form").await?);
    b.js("window.__ncenPrevious = true").await?;
    b.js("const f = document.createElement('form'); f.method = 'post'; f.action = '/operations';
         for (const [k, v] of [['_csrf', document.querySelector('input[name=_csrf]').value],
                               ['name', 'Rogue'], ['purpose', 'x'], ['legal_basis', 'x'],
                               ['valid_from', '2026-01-01'], ['members', 'BE']]) {
           const i = document.createElement('input'); i.name = k; i.value = v; f.appendChild(i);
         }
         document.body.appendChild(f); f.submit();")
        .await?;
    b.wait_for_new_page().await?;
    assert!(b.text("#error-title").await?.contains("Not allowed"));
    let (_, list) = nl.get_as("supervisor", "/api/v1/operations").await?;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "nothing was created: {list}");
    b.logout().await?;

    // An analyst not named in the operation sees the menu entry but not the operation.
    b.login(&nl.base, "analyst", PASSWORD).await?;
    b.click("#nav-operations").await?;
    assert!(!b.has(&format!("#op-{id}")).await?);
    assert!(b.has("#operations-none").await?);
    b.goto(&nl.url(&format!("/operations/{id}"))).await?;
    assert!(b.text("#error-title").await?.contains("Not allowed"));
    assert!(!b.text("main").await?.contains("MSCU1234567"));
    // An auditor has no CENcomm at all.
    b.logout().await?;
    b.login(&nl.base, "auditor", PASSWORD).await?;
    assert!(!b.has("#nav-operations").await?);
    b.goto(&nl.url("/operations")).await?;
    assert!(b.text("#error-title").await?.contains("Not allowed"));

    // A seizure report approved for the CEN by NL's coordination unit reaches the hub's page
    // with its provenance and without its nominal fields.
    b.logout().await?;
    let report = serde_json::json!({"template": "seizure", "in_reply_to": mid, "fields": {
        "summary": "120 kg cocaine behind the cooling unit", "commodity": "DRUGS.COCAINE", "quantity": "120",
        "unit": "KGM", "offender_name": "Canary-Jansen"}});
    let (status, v) = nl.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &report).await?;
    assert_eq!(status, 201, "{v}");
    let sid = v["id"].as_str().unwrap_or_default().to_owned();
    b.login(&nl.base, "supervisor", PASSWORD).await?;
    b.goto(&nl.url(&format!("/operations/{id}"))).await?;
    b.click(&format!("#forward-{sid}")).await?;
    assert!(b.has(&format!("#forwarded-{sid}")).await?);
    assert!(!b.has(&format!("#forward-{sid}")).await?, "approved once");
    b.logout().await?;
    b.login(&hub.base, "analyst", PASSWORD).await?;
    assert!(!b.has("#nav-operations").await?, "no operations at the hub");
    b.click("#nav-cen-reports").await?;
    reload_until(&b, &hub, "/cen/reports", ".report").await?;
    let shown = b.text(".report").await?;
    assert!(shown.contains("Operation Harbour Light") && shown.contains("Cocaine"), "{shown}");
    assert!(!shown.contains("Canary"), "a nominal field reached the hub: {shown}");
    b.screenshot("cen-operation-reports").await?;

    b.close().await?;
    for n in [nl, be, de, hub] {
        n.stop().await?;
    }
    Ok(())
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.bytes().all(|c| c.is_ascii_hexdigit() || c == b'-')
}
