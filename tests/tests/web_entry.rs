//! Entering and correcting a seizure in a real headless Chromium: errors next to their fields,
//! code lists as drop-downs, a correction saved as a new revision, a seizure received from a
//! peer shown read-only with its origin, and suspects found by part of their name as they are
//! typed (the suggestions endpoint is also checked over plain HTTP).

#[path = "support/browser.rs"]
mod browser;

use std::time::Duration;

use browser::{Browser, ONE_AT_A_TIME};
use ncen_tests::{PASSWORD, TestNode, add_peer, canonical_seizure, make_agreement, start_node, wait_for};
use serde_json::{Value, json};

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

    // More than a hundred suspects entered since: the form's list, served with the most
    // recent ones, no longer holds Müller; typing part of the name without its accent offers
    // him, and choosing him links him to the seizure by his reference. An unknown company
    // reference is refused next to its field.
    let newer: Vec<Value> =
        (0..101).map(|i| person(&format!("NL-2026-Q-{i:03}"), "Jansen", "Piet")).collect();
    let (status, v) = nl.post_as("officer", "/api/v1/suspects/batch", &json!({ "items": newer })).await?;
    anyhow::ensure!(status == 200, "batch: {status} {v}");
    let (_, list) = nl.get_as("officer", "/api/v1/seizures?origin=NL").await?;
    let seizure = list["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    wait_for(Duration::from_secs(15), "the newer suspects in the form's list", || async {
        b.goto(&nl.url(&format!("/records/seizures/{seizure}/edit"))).await?;
        Ok(b.has("#suspect-refs option[value='NL-2026-Q-100']").await?.then_some(()))
    })
    .await?;
    assert!(!b.has("#suspect-refs option[value='NL-2026-P-1']").await?, "Müller is not among the recent");
    assert!(b.text("[data-suggest-help]").await?.contains("type part of a name"), "the help says so");
    b.css("[name='offenders[0].suspect']").await?.send_keys("mull").await?;
    let offered = b.css("#suspect-refs option[value='NL-2026-P-1']").await?;
    // Options of a datalist are not rendered in the page: their label is read, not their text.
    let label = offered.prop("label").await?.unwrap_or_default();
    assert!(label.contains("Müller, Jörg") && label.contains("muller, jorg"), "{label}");
    assert_eq!(b.client.find_all(fantoccini::Locator::Css("#suspect-refs option")).await?.len(), 1);
    b.screenshot("seizure-form-suggestions").await?;
    let chosen = offered.prop("value").await?.unwrap_or_default();
    b.fill("[name='offenders[0].suspect']", &chosen).await?;
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

/// A suspect's fields for the API.
fn person(reference: &str, family: &str, given: &str) -> Value {
    json!({ "national_reference": reference, "family_name": family, "given_names": given,
            "nationality": "NL", "sex": "MALE" })
}

/// Logs `username` in through the UI's login form over plain HTTP; answers the session cookie.
async fn ui_session(node: &TestNode, username: &str) -> anyhow::Result<String> {
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
    let cookie = |r: &reqwest::Response, name: &str| -> Option<String> {
        r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|c| {
            let value = c.split(';').next()?.strip_prefix(name)?.strip_prefix('=')?;
            Some(format!("{name}={value}"))
        })
    };
    let form = http.get(node.url("/login")).send().await?;
    let pre = cookie(&form, "ncen_pre").ok_or_else(|| anyhow::anyhow!("no pre-login cookie"))?;
    let page = form.text().await?;
    let marker = "name=\"_csrf\" value=\"";
    let csrf: String = page
        .find(marker)
        .map(|i| page[i + marker.len()..].chars().take_while(|c| *c != '"').collect())
        .unwrap_or_default();
    let login = http
        .post(node.url("/login"))
        .header("cookie", pre)
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await?;
    cookie(&login, "ncen_session").ok_or_else(|| anyhow::anyhow!("{username} was not logged in"))
}

/// GET a suggestions address with `cookie`: status and JSON body (Null if none).
async fn suggest(
    node: &TestNode,
    cookie: Option<&str>,
    path_and_query: &str,
) -> anyhow::Result<(u16, Value)> {
    let mut request = node.http.get(node.url(path_and_query));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let r = request.send().await?;
    let status = r.status().as_u16();
    Ok((status, r.json().await.unwrap_or(Value::Null)))
}

/// The references a suggestions answer offers, in order.
fn references(answer: &Value) -> Vec<String> {
    answer
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["reference"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn suggestions_find_an_old_suspect_by_part_of_its_name_and_refuse_bad_requests() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let be = start_node("BE").await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    make_agreement(&nl, &be, &["suspects"], "both").await?;
    let (status, v) =
        be.post_as("officer", "/api/v1/suspects", &person("BE-S-1", "Van Müllem", "An")).await?;
    anyhow::ensure!(status == 201, "BE's suspect: {status} {v}");

    // The oldest of more than a hundred suspects, and one deleted since.
    let mut old = person("NL-S-OLD", "Müller", "Jörg");
    old["date_of_birth"] = "1980-03-04".into();
    old["nationality"] = "DE".into();
    let (status, v) = nl.post_as("officer", "/api/v1/suspects", &old).await?;
    anyhow::ensure!(status == 201, "old suspect: {status} {v}");
    let (status, v) =
        nl.post_as("officer", "/api/v1/suspects", &person("NL-S-GONE", "Mullins", "Ann")).await?;
    anyhow::ensure!(status == 201, "suspect to delete: {status} {v}");
    let gone = v["id"].as_str().unwrap_or_default().to_owned();
    let token = nl.cached_token("officer").await?;
    let r = nl.http.delete(nl.url(&format!("/api/v1/suspects/{gone}"))).bearer_auth(&token).send().await?;
    anyhow::ensure!(r.status().is_success(), "delete: {}", r.status());
    let newer: Vec<Value> = (0..120).map(|i| person(&format!("NL-S-{i:04}"), "Jansen", "Piet")).collect();
    let (status, v) = nl.post_as("officer", "/api/v1/suspects/batch", &json!({ "items": newer })).await?;
    anyhow::ensure!(status == 200, "batch: {status} {v}");
    let company = json!({ "national_reference": "NL-C-1", "name": "Müllerbau GmbH", "country": "DE" });
    let (status, v) = nl.post_as("officer", "/api/v1/companies", &company).await?;
    anyhow::ensure!(status == 201, "company: {status} {v}");

    let officer = ui_session(&nl, "officer").await?;
    let me = Some(officer.as_str());
    // Typed without its accent and unfinished, the name finds NL's old suspect and the one
    // received from BE, never the deleted one.
    let found = wait_for(Duration::from_secs(30), "Müller and BE's Van Müllem", || async {
        let (status, v) = suggest(&nl, me, "/records/suspects/suggest?q=mull").await?;
        anyhow::ensure!(status == 200, "{status} {v}");
        Ok((references(&v).len() == 2).then_some(v))
    })
    .await?;
    let mut refs = references(&found);
    refs.sort();
    assert_eq!(refs, ["BE/BE-S-1", "NL-S-OLD"]);
    let label = found
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["reference"] == "NL-S-OLD")
        .map(|s| s["label"].clone());
    let label = label.and_then(|l| l.as_str().map(str::to_owned)).unwrap_or_default();
    assert!(label.contains("Müller, Jörg") && label.contains("1980") && label.contains("Germany"), "{label}");

    // The page's own list holds only the hundred most recent: not this one.
    let form = nl.http.get(nl.url("/records/seizures/new")).header("cookie", &officer).send().await?;
    let csp = form.headers().get("content-security-policy").and_then(|h| h.to_str().ok()).unwrap_or_default();
    assert!(csp.contains("connect-src 'self'") && csp.contains("default-src 'none'"), "{csp}");
    let page = form.text().await?;
    assert!(page.contains("value=\"NL-S-0119\"") && !page.contains("value=\"NL-S-OLD\""));
    assert!(page.contains("data-suggest=\"/records/suspects/suggest\""));

    for (q, expected) in [
        ("MÜL", vec!["BE/BE-S-1", "NL-S-OLD"]),
        ("jorg mul", vec!["NL-S-OLD"]),
        ("Jörg%20M%C3%BCller", vec!["NL-S-OLD"]),
        ("nl-s-old", vec!["NL-S-OLD"]),
        ("BE%2FBE-S-1", vec!["BE/BE-S-1"]),
        ("mullins", vec![]),
        ("", vec![]),
    ] {
        let (status, v) = suggest(&nl, me, &format!("/records/suspects/suggest?q={q}")).await?;
        assert_eq!(status, 200, "{q}: {v}");
        let mut got = references(&v);
        got.sort();
        assert_eq!(got, expected, "{q}");
    }
    let (_, many) = suggest(&nl, me, "/records/suspects/suggest?q=jans").await?;
    assert_eq!(references(&many).len(), 15, "at most fifteen");
    let (_, exact) = suggest(&nl, me, "/records/suspects/suggest?q=NL-S-0007").await?;
    assert_eq!(references(&exact), ["NL-S-0007"]);
    let (status, companies) = suggest(&nl, me, "/records/companies/suggest?q=mull").await?;
    assert_eq!((status, references(&companies)), (200, vec!["NL-C-1".to_owned()]));
    assert_eq!(companies[0]["label"], "Müllerbau GmbH · Germany");

    // Bad requests are refused with a reason.
    let long = format!("/records/suspects/suggest?q={}", "m".repeat(201));
    for (path, status, code) in [
        (long.as_str(), 400, "bad_request"),
        ("/records/seizures/suggest?q=mull", 404, "not_found"),
        ("/records/vehicles/suggest?q=mull", 404, "not_found"),
    ] {
        let (got, v) = suggest(&nl, me, path).await?;
        assert_eq!((got, v["error"]["code"].as_str()), (status, Some(code)), "{path}: {v}");
        assert!(!v["error"]["message"].as_str().unwrap_or_default().is_empty(), "{path}: {v}");
    }
    // Nobody logged in, a made-up session, a role that may not read records.
    for cookie in [None, Some("ncen_session=made-up")] {
        let (status, v) = suggest(&nl, cookie, "/records/suspects/suggest?q=mull").await?;
        assert_eq!((status, v["error"]["code"].as_str()), (401, Some("unauthenticated")), "{v}");
        assert!(v.to_string().find("Müller").is_none());
    }
    let r = nl
        .http
        .get(nl.url("/records/suspects/suggest?q=mull"))
        .header("accept-language", "fr")
        .send()
        .await?;
    let v: Value = r.json().await?;
    assert!(v["error"]["message"].as_str().unwrap_or_default().contains("Votre session"), "in French: {v}");
    let auditor = ui_session(&nl, "auditor").await?;
    let (status, v) = suggest(&nl, Some(&auditor), "/records/suspects/suggest?q=mull").await?;
    assert_eq!((status, v["error"]["code"].as_str()), (403, Some("forbidden")), "{v}");

    // Each answer is a read of nominal data, and audited as one.
    let (_, audit) = nl.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    let entries =
        audit["items"].as_array().cloned().or_else(|| audit.as_array().cloned()).unwrap_or_default();
    assert!(entries.iter().any(|e| e["action"] == "record.suggest" && e["actor"] == "officer"));
    Ok(())
}
