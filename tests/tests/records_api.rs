//! A national node's record API end to end: create, read, list with filters and paging,
//! correct, delete, batch upload, and the signed envelope as evidence of origin.

use base64::Engine;
use ncen_protocol::envelope;
use ncen_protocol::record::SignedRecord;
use ncen_tests::{canonical_seizure, start_node};
use serde_json::{Value, json};

#[tokio::test]
async fn canonical_seizure_is_created_read_back_and_signed() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let r = node
        .http
        .post(node.url("/api/v1/seizures"))
        .bearer_auth(&token)
        .json(&canonical_seizure("NL-2026-000123"))
        .send()
        .await?;
    assert_eq!(r.status(), 201);
    let location = r.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let created: Value = r.json().await?;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(location.as_deref(), Some(format!("/api/v1/seizures/{id}").as_str()));
    assert_eq!(created["origin"], "NL");
    assert_eq!(created["revision"], 1);
    assert_eq!(created["data"]["goods"][0]["commodity"], "DRUGS.COCAINE");

    let read: Value = node
        .http
        .get(node.url(&format!("/api/v1/seizures/{id}")))
        .bearer_auth(&token)
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(read["data"], created["data"]);

    // The envelope verifies with the public key the node publishes, and only with it.
    let info: Value = node.http.get(node.url("/api/v1/node")).send().await?.json().await?;
    let key_bytes =
        base64::engine::general_purpose::STANDARD.decode(info["public_key"].as_str().unwrap_or_default())?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&key_bytes.as_slice().try_into()?)?;
    let r =
        node.http.get(node.url(&format!("/api/v1/seizures/{id}/signed"))).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str()?.starts_with("application/cose"));
    let cose = r.bytes().await?.to_vec();
    let verified = envelope::verify(&cose, &key, 1 << 20)?;
    assert_eq!(verified.kid, info["peer_id"].as_str().unwrap_or_default().as_bytes());
    let signed: SignedRecord =
        ncen_protocol::cbor::from_slice(&verified.payload, ncen_protocol::cbor::Limits::DEFAULT)?;
    assert_eq!(signed.id.to_string(), id);
    assert_eq!(signed.origin, "NL");
    let other = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]).verifying_key();
    assert!(envelope::verify(&cose, &other, 1 << 20).is_err());
    Ok(())
}

#[tokio::test]
async fn unknown_commodity_is_a_400_naming_the_field_and_nothing_is_stored() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let mut seizure = canonical_seizure("NL-2026-BAD");
    seizure["goods"][0]["commodity"] = json!("DRUGS.UNOBTAINIUM");
    let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&seizure).send().await?;
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await?;
    assert_eq!(body["error"]["code"], "validation_failed");
    assert_eq!(body["error"]["details"][0]["field"], "goods[0].commodity");
    assert_eq!(body["error"]["details"][0]["value"], "DRUGS.UNOBTAINIUM");
    let list: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));
    Ok(())
}

#[tokio::test]
async fn list_filters_by_commodity_country_and_dates_with_paging() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let mut items = Vec::new();
    for i in 0..12 {
        let mut s = canonical_seizure(&format!("NL-2026-{i:04}"));
        s["date"] = json!(format!("2026-03-{:02}", i + 1));
        if i % 3 == 0 {
            s["goods"][0]["commodity"] = json!("REVENUE.TOBACCO.CIGARETTES");
            s["goods"][0]["unit"] = json!("H87");
            s["route"] = json!({"departure": "AE", "transit": [], "destination": "NL"});
        }
        items.push(s);
    }
    let r = node
        .http
        .post(node.url("/api/v1/seizures/batch"))
        .bearer_auth(&token)
        .json(&json!({ "items": items }))
        .send()
        .await?;
    assert_eq!(r.status(), 200, "{}", r.text().await?);

    let get = |q: &str| {
        let url = node.url(&format!("/api/v1/seizures?{q}"));
        let req = node.http.get(url).bearer_auth(&token);
        async move { req.send().await?.json::<Value>().await.map_err(anyhow::Error::from) }
    };
    let refs = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["data"]["national_reference"].as_str().map(str::to_owned))
            .collect()
    };
    let drugs = get("commodity=DRUGS").await?;
    assert_eq!(refs(&drugs).len(), 8, "a category matches its types");
    let cocaine = get("commodity=DRUGS.COCAINE").await?;
    assert_eq!(refs(&cocaine).len(), 8);
    let tobacco_from_ae = get("commodity=REVENUE.TOBACCO&country=AE").await?;
    assert_eq!(refs(&tobacco_from_ae), vec!["NL-2026-0009", "NL-2026-0006", "NL-2026-0003", "NL-2026-0000"]);
    let march_5_to_8 = get("date_from=2026-03-05&date_to=2026-03-08").await?;
    assert_eq!(refs(&march_5_to_8), vec!["NL-2026-0007", "NL-2026-0006", "NL-2026-0005", "NL-2026-0004"]);
    let by_origin = get("origin=BE").await?;
    assert!(refs(&by_origin).is_empty());

    // Paging: three pages of five, four and three... newest first, no duplicates, none lost.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("limit=5&cursor={c}"),
            None => "limit=5".to_owned(),
        };
        let page = get(&q).await?;
        seen.extend(refs(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let expected: Vec<String> = (0..12).rev().map(|i| format!("NL-2026-{i:04}")).collect();
    assert_eq!(seen, expected);
    Ok(())
}

#[tokio::test]
async fn batch_is_all_or_nothing_and_idempotent_on_the_national_reference() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let good: Vec<Value> = (0..5).map(|i| canonical_seizure(&format!("NL-B-{i}"))).collect();
    let mut with_bad = good.clone();
    with_bad[3]["place"]["country"] = json!("XX");
    with_bad[4]["date"] = json!("30/11/2026");
    let r = node
        .http
        .post(node.url("/api/v1/seizures/batch"))
        .bearer_auth(&token)
        .json(&json!({ "items": with_bad }))
        .send()
        .await?;
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await?;
    let details = body["error"]["details"].as_array().cloned().unwrap_or_default();
    assert_eq!(details.len(), 2);
    assert_eq!(details[0]["index"], 3);
    assert_eq!(details[0]["errors"][0]["field"], "place.country");
    assert_eq!(details[1]["index"], 4);
    assert_eq!(details[1]["errors"][0]["field"], "date");
    let list: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0), "nothing of a refused batch is stored");

    let send = || {
        node.http
            .post(node.url("/api/v1/seizures/batch"))
            .bearer_auth(&token)
            .json(&json!({ "items": good }))
            .send()
    };
    let first: Value = send().await?.json().await?;
    assert_eq!(first["created"], 5);
    let retry: Value = send().await?.json().await?;
    assert_eq!(retry["created"], 0);
    assert_eq!(retry["existing"], 5);
    assert_eq!(first["items"][2]["id"], retry["items"][2]["id"]);
    let list: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(5));

    // A single create with a used reference is a conflict that names the existing record.
    let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&good[0]).send().await?;
    assert_eq!(r.status(), 409);
    let body: Value = r.json().await?;
    assert_eq!(body["error"]["details"]["existing"], first["items"][0]["id"]);
    Ok(())
}

#[tokio::test]
async fn corrections_make_revisions_and_deletion_leaves_a_signed_tombstone() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let created: Value = node
        .http
        .post(node.url("/api/v1/seizures"))
        .bearer_auth(&token)
        .json(&canonical_seizure("NL-R-1"))
        .send()
        .await?
        .json()
        .await?;
    let url = node.url(&format!("/api/v1/seizures/{}", created["id"].as_str().unwrap_or_default()));
    let mut corrected = canonical_seizure("NL-R-1");
    corrected["goods"][0]["quantity"] = json!(121.0);
    let r =
        node.http.put(&url).bearer_auth(&token).header("If-Match", "\"1\"").json(&corrected).send().await?;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await?;
    assert_eq!(v["revision"], 2);
    assert_eq!(v["data"]["goods"][0]["quantity"], 121.0);
    // A stale writer is refused.
    let r =
        node.http.put(&url).bearer_auth(&token).header("If-Match", "\"1\"").json(&corrected).send().await?;
    assert_eq!(r.status(), 409);
    // The reference cannot change.
    let r = node.http.put(&url).bearer_auth(&token).json(&canonical_seizure("NL-R-2")).send().await?;
    assert_eq!(r.status(), 400);

    let r = node.http.delete(&url).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await?;
    assert_eq!(v["deleted"], true);
    assert_eq!(v["revision"], 3);
    assert!(v["data"].is_null());
    let r = node.http.put(&url).bearer_auth(&token).json(&corrected).send().await?;
    assert_eq!(r.status(), 410);
    let list: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));
    // The tombstone itself is signed.
    let r = node.http.get(format!("{url}/signed")).bearer_auth(&token).send().await?;
    let cose = r.bytes().await?.to_vec();
    let kid = envelope::peek_kid(&cose, 1 << 20)?;
    assert!(!kid.is_empty());
    Ok(())
}

#[tokio::test]
async fn suspects_and_companies_have_their_own_databases() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let suspect = json!({
        "national_reference": "NL-P-1", "family_name": "Jansen", "given_names": "Piet",
        "date_of_birth": "1980-02-29", "nationality": "NL", "sex": "MALE",
        "identity_documents": [{"kind": "PASSPORT", "number": "NX1234567", "issuing_country": "NL"}],
        "addresses": [{"street": "Damrak 1", "city": "Amsterdam", "country": "NL"}],
        "contacts": [{"kind": "EMAIL", "value": "piet@example.org"}]
    });
    let r = node.http.post(node.url("/api/v1/suspects")).bearer_auth(&token).json(&suspect).send().await?;
    assert_eq!(r.status(), 201, "{}", r.text().await?);
    let company = json!({
        "national_reference": "NL-C-1", "name": "Banana Trading BV", "country": "NL",
        "registration_numbers": [{"scheme": "EORI", "value": "NL123456789"}], "role": "IMPORTER"
    });
    let r = node.http.post(node.url("/api/v1/companies")).bearer_auth(&token).json(&company).send().await?;
    assert_eq!(r.status(), 201, "{}", r.text().await?);
    let suspects: Value =
        node.http.get(node.url("/api/v1/suspects")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(suspects["items"].as_array().map(Vec::len), Some(1));
    let seizures: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?.json().await?;
    assert_eq!(seizures["items"].as_array().map(Vec::len), Some(0));
    // A suspect is not a company: the body is checked against the collection's schema.
    let r = node.http.post(node.url("/api/v1/companies")).bearer_auth(&token).json(&suspect).send().await?;
    assert_eq!(r.status(), 400);
    Ok(())
}
