//! Bilateral replication between national nodes, in one process on port 0: what an agreement
//! lets through, what it does not, revocation, restart and catch-up, and refused strangers.

use std::time::{Duration, Instant};

use ncen_tests::{
    TestNode, add_peer, agreement_state, canonical_seizure, config_for, make_agreement, serve, start_node,
    wait_for,
};
use serde_json::{Value, json};

const SECOND: Duration = Duration::from_secs(1);

fn suspect(reference: &str) -> Value {
    json!({
        "national_reference": reference, "family_name": "Jansen", "given_names": "Piet",
        "nationality": "NL", "sex": "MALE"
    })
}

/// Ids of the records of `collection` from `origin` at `node` (every page).
async fn ids_at(node: &TestNode, collection: &str, origin: &str) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/{collection}?origin={origin}&limit=500");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let (status, v) = node.get_as("officer", &path).await?;
        anyhow::ensure!(status == 200, "list failed: {status} {v}");
        for item in v["items"].as_array().into_iter().flatten() {
            ids.push(item["id"].as_str().unwrap_or_default().to_owned());
        }
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return Ok(ids),
        }
    }
}

async fn audit_actions(node: &TestNode) -> anyhow::Result<Vec<Value>> {
    let (status, v) = node.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    anyhow::ensure!(status == 200, "audit failed: {status} {v}");
    Ok(v["items"].as_array().cloned().or_else(|| v.as_array().cloned()).unwrap_or_default())
}

async fn pair() -> anyhow::Result<(TestNode, TestNode)> {
    let a = start_node("NL").await?;
    let b = start_node("BE").await?;
    add_peer(&a, &b).await?;
    add_peer(&b, &a).await?;
    Ok((a, b))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_agreement_on_seizures_carries_seizures_only_and_strangers_get_nothing() -> anyhow::Result<()> {
    let (a, b) = pair().await?;
    let c = start_node("DE").await?;
    add_peer(&a, &c).await?;
    add_peer(&c, &a).await?;
    let agreement = make_agreement(&a, &b, &["seizures"], "both").await?;

    let suspect_id = {
        let (status, v) = a.post_as("officer", "/api/v1/suspects", &suspect("NL-S-1")).await?;
        anyhow::ensure!(status == 201, "suspect: {status} {v}");
        v["id"].as_str().unwrap_or_default().to_owned()
    };
    let started = Instant::now();
    let seizure_id = a.create_seizure(&canonical_seizure("NL-2026-1")).await?;
    wait_for(15 * SECOND, "the seizure at BE", || async {
        Ok(ids_at(&b, "seizures", "NL").await?.contains(&seizure_id).then_some(()))
    })
    .await?;
    eprintln!("save-to-visible at BE: {:?}", started.elapsed());

    // The seizure is B's copy of A's signed record, read-only there.
    let (status, v) = b.get_as("officer", &format!("/api/v1/seizures/{seizure_id}")).await?;
    assert_eq!(status, 200);
    assert_eq!(v["origin"], "NL");
    let token = b.cached_token("officer").await?;
    let r = b
        .http
        .put(b.url(&format!("/api/v1/seizures/{seizure_id}")))
        .bearer_auth(token)
        .json(&canonical_seizure("NL-2026-1"))
        .send()
        .await?;
    assert_eq!(r.status(), 403, "only the origin may change its record");

    // The suspect was written first, so it would have arrived already: it is out of scope.
    assert!(ids_at(&b, "suspects", "NL").await?.is_empty());
    let (status, _) = b.get_as("officer", &format!("/api/v1/suspects/{suspect_id}")).await?;
    assert_eq!(status, 404);

    // C has no agreement: its pull is refused, audited at A with the reason, and it holds nothing.
    let (status, v) = c.post_as("admin", "/api/v1/peers/NL/pull", &json!({})).await?;
    assert_eq!(status, 502, "{v}");
    assert!(v["error"]["message"].as_str().unwrap_or_default().contains("NoAgreement"), "{v}");
    assert!(ids_at(&c, "seizures", "NL").await?.is_empty());
    let audit = audit_actions(&a).await?;
    assert!(
        audit.iter().any(|e| e["action"] == "replication.refused" && e["actor"] == "DE"),
        "A's audit names C's refused pull"
    );
    assert!(
        audit.iter().any(|e| e["action"] == "replication.serve"
            && e["detail"].as_str().unwrap_or_default().contains(&agreement)),
        "A's audit names the agreement under which it served B"
    );
    let audit_b = audit_actions(&b).await?;
    assert!(audit_b.iter().any(|e| e["action"] == "replication.apply"
        && e["detail"].as_str().unwrap_or_default().contains(&agreement)));

    // A correction and a deletion travel as new signed revisions.
    let token = a.cached_token("officer").await?;
    let mut corrected = canonical_seizure("NL-2026-1");
    corrected["summary"] = json!("corrected summary");
    let r = a
        .http
        .put(a.url(&format!("/api/v1/seizures/{seizure_id}")))
        .bearer_auth(&token)
        .json(&corrected)
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    wait_for(15 * SECOND, "the correction at BE", || async {
        let (_, v) = b.get_as("officer", &format!("/api/v1/seizures/{seizure_id}")).await?;
        Ok((v["revision"] == 2 && v["data"]["summary"] == "corrected summary").then_some(()))
    })
    .await?;
    let r =
        a.http.delete(a.url(&format!("/api/v1/seizures/{seizure_id}"))).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 200);
    wait_for(15 * SECOND, "the tombstone at BE", || async {
        let (_, v) = b.get_as("officer", &format!("/api/v1/seizures/{seizure_id}")).await?;
        Ok((v["deleted"] == true && v["revision"] == 3).then_some(()))
    })
    .await?;

    // The peers view shows the connection and no lag.
    let (status, peers) = b.get_as("admin", "/api/v1/peers").await?;
    assert_eq!(status, 200);
    let nl = peers
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["administration"] == "NL")
        .cloned()
        .unwrap_or_default();
    assert_eq!(nl["connected"], true, "{peers}");
    assert_eq!(nl["lag_in"], 0, "{peers}");
    for n in [a, b, c] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nothing_saved_after_revocation_reaches_the_peer() -> anyhow::Result<()> {
    let (a, b) = pair().await?;
    let id = make_agreement(&a, &b, &["seizures"], "both").await?;
    let before = a.create_seizure(&canonical_seizure("NL-R-1")).await?;
    wait_for(15 * SECOND, "the first seizure at BE", || async {
        Ok(ids_at(&b, "seizures", "NL").await?.contains(&before).then_some(()))
    })
    .await?;

    let (status, v) = b
        .post_as(
            "admin",
            &format!("/api/v1/agreements/{id}/revoke"),
            &json!({"reason": "legal basis lapsed"}),
        )
        .await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["state"], "revoked");
    wait_for(15 * SECOND, "the revocation at NL", || async {
        Ok(agreement_state(&a, &id).await?.filter(|s| s == "revoked"))
    })
    .await?;
    let after = a.create_seizure(&canonical_seizure("NL-R-2")).await?;
    // An explicit pull is refused now, and the periodic ones carry nothing either.
    let (status, _) = b.post_as("admin", "/api/v1/peers/NL/pull", &json!({})).await?;
    assert_eq!(status, 502);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids = ids_at(&b, "seizures", "NL").await?;
    assert!(ids.contains(&before) && !ids.contains(&after), "{ids:?}");
    // A revoked agreement cannot be accepted again.
    let (status, _) = a.post_as("admin", &format!("/api/v1/agreements/{id}/accept"), &json!({})).await?;
    assert_eq!(status, 409);
    a.stop().await?;
    b.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_restarted_peer_catches_up_without_duplicates() -> anyhow::Result<()> {
    let (a, b) = pair().await?;
    make_agreement(&a, &b, &["seizures"], "both").await?;
    let dir = b.stop().await?;

    let items: Vec<Value> = (0..1000).map(|i| canonical_seizure(&format!("NL-B-{i:05}"))).collect();
    let (status, v) = a.post_as("officer", "/api/v1/seizures/batch", &json!({ "items": items })).await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["created"], 1000);

    let config = config_for(&dir.path().join("data"));
    let b = serve(dir, "BE", config).await?;
    let started = Instant::now();
    let ids = wait_for(60 * SECOND, "1,000 seizures at BE", || async {
        let ids = ids_at(&b, "seizures", "NL").await?;
        Ok((ids.len() >= 1000).then_some(ids))
    })
    .await?;
    eprintln!("1,000 seizures caught up in {:?}", started.elapsed());
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), 1000);
    assert_eq!(unique.len(), 1000, "no duplicates");
    // Pulling again applies nothing new.
    let (status, v) = b.post_as("admin", "/api/v1/peers/NL/pull", &json!({})).await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["applied"], 0);
    assert_eq!(ids_at(&b, "seizures", "NL").await?.len(), 1000);
    a.stop().await?;
    b.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_unknown_peer_cannot_connect() -> anyhow::Result<()> {
    let a = start_node("NL").await?;
    let stranger = start_node("FR").await?;
    // The stranger knows A, A does not know the stranger.
    add_peer(&stranger, &a).await?;
    let (status, v) = stranger.post_as("admin", "/api/v1/peers/NL/pull", &json!({})).await?;
    assert_eq!(status, 502, "{v}");
    wait_for(15 * SECOND, "the refusal in A's audit", || async {
        Ok(audit_actions(&a).await?.iter().any(|e| e["action"] == "net.refused").then_some(()))
    })
    .await?;
    let (_, peers) = a.get_as("admin", "/api/v1/peers").await?;
    assert_eq!(peers, json!([]));
    a.stop().await?;
    stranger.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn peers_and_agreements_refuse_bad_input() -> anyhow::Result<()> {
    let a = start_node("NL").await?;
    let b = start_node("BE").await?;
    let good_id = b.peer_id().await?;
    let cases = [
        json!({"administration": "XX", "peer_id": good_id, "addresses": ["/ip4/127.0.0.1/tcp/1"]}),
        json!({"administration": "BE", "peer_id": "not-a-peer-id", "addresses": ["/ip4/127.0.0.1/tcp/1"]}),
        json!({"administration": "BE", "peer_id": good_id, "addresses": ["127.0.0.1:4001"]}),
        json!({"administration": "BE", "peer_id": good_id, "addresses": []}),
        json!({"administration": "NL", "peer_id": a.peer_id().await?, "addresses": ["/ip4/127.0.0.1/tcp/1"]}),
    ];
    for body in cases {
        let (status, v) = a.post_as("admin", "/api/v1/peers", &body).await?;
        assert_eq!(status, 400, "{body} → {v}");
        assert!(v["error"]["message"].is_string());
    }
    let (status, _) = a.post_as("officer", "/api/v1/peers", &json!({})).await?;
    assert_eq!(status, 403, "officers do not manage peers");
    let r = a.http.get(a.url("/api/v1/peers")).send().await?;
    assert_eq!(r.status(), 401);
    let (_, peers) = a.get_as("admin", "/api/v1/peers").await?;
    assert_eq!(peers, json!([]), "nothing stored");

    add_peer(&a, &b).await?;
    let base = json!({"peer": "BE", "legal_basis": "NL-BE agreement, art. 5",
                      "scope": {"kinds": ["seizures"], "direction": "both"},
                      "valid_from": "2026-01-01", "valid_until": "2027-12-31"});
    let mut bad = Vec::new();
    for (field, value) in [
        ("legal_basis", json!("  ")),
        ("peer", json!("DE")),
        ("peer", json!("NL")),
        ("valid_from", json!("01/01/2026")),
        ("valid_until", json!("2025-12-31")),
    ] {
        let mut body = base.clone();
        body[field] = value;
        bad.push(body);
    }
    let mut body = base.clone();
    body["scope"]["kinds"] = json!(["parcels"]);
    bad.push(body);
    let mut body = base.clone();
    body["scope"]["direction"] = json!("sideways");
    bad.push(body);
    let mut body = base.clone();
    body["scope"]["commodities"] = json!(["DRUGS.NOPE"]);
    bad.push(body);
    for body in bad {
        let (status, v) = a.post_as("admin", "/api/v1/agreements", &body).await?;
        assert_eq!(status, 400, "{body} → {v}");
    }
    let (_, list) = a.get_as("admin", "/api/v1/agreements").await?;
    assert_eq!(list, json!([]), "nothing stored");
    let (status, _) = a.post_as("admin", "/api/v1/agreements/not-a-uuid/accept", &json!({})).await?;
    assert_eq!(status, 404);
    // The proposer cannot accept its own proposal.
    let (status, v) = a.post_as("admin", "/api/v1/agreements", &base).await?;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = a.post_as("admin", &format!("/api/v1/agreements/{id}/accept"), &json!({})).await?;
    assert_eq!(status, 409);
    a.stop().await?;
    b.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn direction_and_commodity_filter_are_honoured() -> anyhow::Result<()> {
    let (a, b) = pair().await?;
    let body = json!({"peer": "BE", "legal_basis": "NL-BE drugs protocol, art. 2",
                      "scope": {"kinds": ["seizures"], "direction": "proposer_to_peer", "commodities": ["DRUGS"]},
                      "valid_from": "2026-01-01"});
    let (status, v) = a.post_as("admin", "/api/v1/agreements", &body).await?;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_str().unwrap_or_default().to_owned();
    wait_for(10 * SECOND, "the proposal at BE", || async {
        Ok(agreement_state(&b, &id).await?.filter(|s| s == "proposed"))
    })
    .await?;
    let (status, _) = b.post_as("admin", &format!("/api/v1/agreements/{id}/accept"), &json!({})).await?;
    assert_eq!(status, 200);
    wait_for(10 * SECOND, "the acceptance at NL", || async {
        Ok(agreement_state(&a, &id).await?.filter(|s| s == "active"))
    })
    .await?;

    let mut tobacco = canonical_seizure("NL-T-1");
    tobacco["goods"][0]["commodity"] = json!("REVENUE.TOBACCO.CIGARETTES");
    let tobacco = a.create_seizure(&tobacco).await?;
    let from_be = b.create_seizure(&canonical_seizure("BE-D-1")).await?;
    let cocaine = a.create_seizure(&canonical_seizure("NL-D-1")).await?;
    wait_for(15 * SECOND, "the drugs seizure at BE", || async {
        Ok(ids_at(&b, "seizures", "NL").await?.contains(&cocaine).then_some(()))
    })
    .await?;
    // The tobacco seizure was saved before it: had it been in scope, it would be there.
    assert!(!ids_at(&b, "seizures", "NL").await?.contains(&tobacco));
    // One way only: NL does not pull from BE, and an explicit pull is refused.
    let (status, _) = a.post_as("admin", "/api/v1/peers/BE/pull", &json!({})).await?;
    assert_eq!(status, 502);
    assert!(!ids_at(&a, "seizures", "BE").await?.contains(&from_be));
    a.stop().await?;
    b.stop().await?;
    Ok(())
}

#[tokio::test]
async fn the_openapi_document_lists_the_federation_endpoints() -> anyhow::Result<()> {
    let a = start_node("NL").await?;
    let doc: Value = a.http.get(a.url("/api/v1/openapi.json")).send().await?.json().await?;
    for path in [
        "/api/v1/peers",
        "/api/v1/peers/{administration}/pull",
        "/api/v1/agreements",
        "/api/v1/agreements/{id}",
        "/api/v1/agreements/{id}/accept",
        "/api/v1/agreements/{id}/reject",
        "/api/v1/agreements/{id}/revoke",
        "/api/v1/directory",
        "/api/v1/directory/members",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
    a.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_node_never_relays_another_origins_records() -> anyhow::Result<()> {
    let (nl, be) = pair().await?;
    let de = start_node("DE").await?;
    add_peer(&be, &de).await?;
    add_peer(&de, &be).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;
    make_agreement(&be, &de, &["seizures"], "both").await?;
    let from_nl = nl.create_seizure(&canonical_seizure("NL-X-1")).await?;
    let from_be = be.create_seizure(&canonical_seizure("BE-X-1")).await?;
    wait_for(15 * SECOND, "BE's own seizure at DE", || async {
        Ok(ids_at(&de, "seizures", "BE").await?.contains(&from_be).then_some(()))
    })
    .await?;
    assert!(ids_at(&be, "seizures", "NL").await?.contains(&from_nl), "BE holds NL's seizure");
    // BE's log holds only BE's records, so DE never sees NL's, under any origin.
    let (status, v) = de.post_as("admin", "/api/v1/peers/BE/pull", &json!({})).await?;
    assert_eq!(status, 200, "{v}");
    assert!(ids_at(&de, "seizures", "NL").await?.is_empty());
    let (status, _) = de.get_as("officer", &format!("/api/v1/seizures/{from_nl}")).await?;
    assert_eq!(status, 404);
    for n in [nl, be, de] {
        n.stop().await?;
    }
    Ok(())
}
