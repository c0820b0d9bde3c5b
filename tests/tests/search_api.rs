//! `GET /api/v1/search` on real nodes: records written through the API and records received
//! from a peer under an agreement are found by text and facets; bad parameters are a 400 that
//! names the parameter; roles that do not read records get 403; searches are audited.

use std::time::Duration;

use ncen_tests::{TestNode, add_peer, canonical_seizure, make_agreement, start_node, wait_for};
use serde_json::{Value, json};

const SECOND: Duration = Duration::from_secs(1);

/// The search's answer once it has `total` matches (the index follows the store shortly after
/// each write).
async fn found(node: &TestNode, query: &str, total: u64) -> anyhow::Result<Value> {
    let path = format!("/api/v1/search?{query}");
    wait_for(15 * SECOND, &format!("{total} matches for {query} at {}", node.administration), || async {
        let (status, v) = node.get_as("analyst", &path).await?;
        anyhow::ensure!(status == 200, "search failed: {status} {v}");
        Ok((v["total"] == total).then_some(v))
    })
    .await
}

fn ids(v: &Value) -> Vec<String> {
    v["items"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str().map(str::to_owned)).collect()
}

fn one(id: &str) -> Vec<String> {
    vec![id.to_owned()]
}

fn facet(v: &Value, name: &str, key: &str) -> u64 {
    v["facets"][name]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["key"] == key)
        .and_then(|f| f["count"].as_u64())
        .unwrap_or(0)
}

fn suspect(reference: &str, family: &str, given: &str, born: &str) -> Value {
    json!({ "national_reference": reference, "family_name": family, "given_names": given,
            "place_of_birth": born, "nationality": "DE", "sex": "MALE" })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn records_written_through_the_api_are_found_by_text_and_facets() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let cocaine = node.create_seizure(&canonical_seizure("NL-2026-000001")).await?;
    let mut ivory = canonical_seizure("NL-2025-000002");
    ivory["date"] = json!("2025-06-15");
    ivory["goods"][0]["commodity"] = json!("ENVIRONMENT.CITES.IVORY");
    ivory["goods"][0]["description"] = json!("carved tusks in wooden crates");
    ivory["route"] = json!({ "departure": "KE", "transit": ["AE"], "destination": "NL" });
    ivory["conveyance"] = json!({ "type": "AIR_CARGO" });
    let ivory = node.create_seizure(&ivory).await?;
    let (status, v) =
        node.post_as("officer", "/api/v1/suspects", &suspect("S-1", "Müller", "Jürgen", "МОСКВА")).await?;
    anyhow::ensure!(status == 201, "suspect: {status} {v}");
    let muller = v["id"].as_str().unwrap_or_default().to_owned();

    let v = found(&node, "q=banana", 1).await?;
    assert_eq!(ids(&v), one(&cocaine));
    assert_eq!(v["items"][0]["data"]["goods"][0]["description"], "bricks in banana boxes");
    assert_eq!(v["items"][0]["kind"], "seizure");
    assert_eq!(ids(&found(&node, "q=muller", 1).await?), one(&muller));
    assert_eq!(ids(&found(&node, "q=%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0", 1).await?), one(&muller));
    assert_eq!(ids(&found(&node, "commodity=ENVIRONMENT", 1).await?), one(&ivory));
    assert_eq!(ids(&found(&node, "route_country=AE&kind=seizures", 1).await?), one(&ivory));
    assert_eq!(ids(&found(&node, "conveyance=AIR_CARGO", 1).await?), one(&ivory));
    assert_eq!(ids(&found(&node, "date_to=2025-12-31", 1).await?), one(&ivory));
    assert_eq!(
        ids(&found(&node, "q=mscu1234567&concealment=FALSE_COMPARTMENT&commodity=DRUGS", 1).await?),
        one(&cocaine)
    );
    found(&node, "q=banana&commodity=ENVIRONMENT", 0).await?;
    found(&node, "kind=seizures,suspects", 3).await?;
    found(&node, "kind=suspects&kind=companies", 1).await?;

    // Every match counts in the facets; the page is newest first.
    let all = found(&node, "kind=seizures&limit=1", 2).await?;
    assert_eq!(ids(&all), one(&cocaine), "newest first");
    assert_eq!(facet(&all, "commodity", "DRUGS"), 1);
    assert_eq!(facet(&all, "commodity", "ENVIRONMENT.CITES.IVORY"), 1);
    assert_eq!(facet(&all, "route_country", "NL"), 2);
    assert_eq!(facet(&all, "year", "2025"), 1);
    assert_eq!(facet(&all, "origin", "NL"), 2);
    let next = found(&node, "kind=seizures&limit=1&offset=1", 2).await?;
    assert_eq!(ids(&next), one(&ivory));

    // A correction and a deletion are followed.
    let mut corrected = canonical_seizure("NL-2026-000001");
    corrected["goods"][0]["description"] = json!("bricks in pineapple crates");
    let token = node.cached_token("officer").await?;
    let r = node
        .http
        .put(node.url(&format!("/api/v1/seizures/{cocaine}")))
        .bearer_auth(&token)
        .json(&corrected)
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    found(&node, "q=pineapple", 1).await?;
    found(&node, "q=banana", 0).await?;
    let r =
        node.http.delete(node.url(&format!("/api/v1/seizures/{ivory}"))).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 200);
    found(&node, "q=tusks", 0).await?;

    // Searches are audited.
    let (status, audit) = node.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert_eq!(status, 200);
    let items = audit["items"].as_array().cloned().or_else(|| audit.as_array().cloned()).unwrap_or_default();
    assert!(
        items.iter().any(|e| e["action"] == "record.search" && e["actor"] == "analyst"),
        "no record.search in the audit log"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn records_received_from_a_peer_are_found_too() -> anyhow::Result<()> {
    let a = start_node("NL").await?;
    let b = start_node("BE").await?;
    add_peer(&a, &b).await?;
    add_peer(&b, &a).await?;
    make_agreement(&a, &b, &["seizures"], "both").await?;
    let mut seizure = canonical_seizure("NL-2026-000777");
    seizure["goods"][0]["description"] = json!("Kokain in Bananenkisten, Müller-Reederei");
    let id = a.create_seizure(&seizure).await?;
    let v = found(&b, "q=muller%20reederei&origin=NL", 1).await?;
    assert_eq!(ids(&v), one(&id));
    assert_eq!(v["items"][0]["origin"], "NL");
    assert_eq!(facet(&v, "origin", "NL"), 1);
    found(&b, "commodity=DRUGS.COCAINE&route_country=EC", 1).await?;

    // The origin's correction reaches the peer's index too.
    seizure["goods"][0]["description"] = json!("Heroin in Fliesen");
    let token = a.cached_token("officer").await?;
    let r = a
        .http
        .put(a.url(&format!("/api/v1/seizures/{id}")))
        .bearer_auth(&token)
        .json(&seizure)
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    found(&b, "q=fliesen", 1).await?;
    found(&b, "q=reederei", 0).await?;
    Ok(())
}

#[tokio::test]
async fn bad_parameters_are_named_and_roles_are_checked() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let long = "x".repeat(501);
    let cases: Vec<(String, &str)> = vec![
        ("kind=planes".into(), "kind"),
        ("kind=seizures,boats".into(), "kind"),
        ("commodity=DRUGS.UNOBTAINIUM".into(), "commodity"),
        ("country=XX".into(), "country"),
        ("route_country=ZZ".into(), "route_country"),
        ("origin=nl".into(), "origin"),
        ("conveyance=SPACESHIP".into(), "conveyance"),
        ("concealment=NOWHERE".into(), "concealment"),
        ("detection_method=LUCK".into(), "detection_method"),
        ("date_from=2026-13-01".into(), "date_from"),
        ("date_to=yesterday".into(), "date_to"),
        ("date_from=2026-02-01&date_to=2026-01-01".into(), "date_to"),
        ("limit=0".into(), "limit"),
        ("limit=101".into(), "limit"),
        ("limit=ten".into(), "limit"),
        ("offset=10001".into(), "offset"),
        ("offset=-1".into(), "offset"),
        (format!("q={long}"), "q"),
        ("q=%21%21%21".into(), "q"),
    ];
    for (query, field) in cases {
        let (status, v) = node.get_as("officer", &format!("/api/v1/search?{query}")).await?;
        assert_eq!(status, 400, "{query}: {v}");
        let message = v["error"]["message"].as_str().unwrap_or_default();
        assert!(message.starts_with(&format!("{field}:")), "{query}: {message}");
        assert_eq!(v["error"]["details"][0]["field"], field, "{query}");
    }
    let (status, v) = node.get_as("officer", "/api/v1/search?colour=red").await?;
    assert_eq!(status, 400, "unknown parameter: {v}");
    // Query syntax is plain text: it reaches no other field and breaks nothing.
    for q in ["kind%3Aseizures", "commodity%3ADRUGS%20OR%20*", "%22unclosed", "a%20AND%20(b"] {
        let (status, v) = node.get_as("officer", &format!("/api/v1/search?q={q}")).await?;
        assert_eq!((status, v["total"].as_u64()), (200, Some(0)), "{q}: {v}");
    }
    for user in ["auditor", "admin", "ncp"] {
        let (status, v) = node.get_as(user, "/api/v1/search?q=banana").await?;
        assert_eq!(status, 403, "{user}: {v}");
    }
    let r = node.http.get(node.url("/api/v1/search")).send().await?;
    assert_eq!(r.status(), 401);
    let (status, v) = node.get_as("analyst", "/api/v1/search").await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 0);
    let openapi: Value = node.http.get(node.url("/api/v1/openapi.json")).send().await?.json().await?;
    assert!(openapi["paths"]["/api/v1/search"]["get"].is_object(), "documented in OpenAPI");
    Ok(())
}
