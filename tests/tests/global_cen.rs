//! The global CEN database from every node (MISSION B6, C3, C4): a national analyst's search at
//! their own node returns the other members' non-nominal seizures through the hub, never a
//! nominal field; the hub's statistics match what members sent; non-members and bad queries
//! are refused with nothing shown.

use std::time::{Duration, Instant};

#[path = "support/hub_files.rs"]
mod hub_files;

use ncen_tests::{TestNode, add_peer, canonical_seizure, start_node, start_node_with, wait_for};
use serde_json::{Value, json};

/// A value that may appear only in nominal fields.
const CANARY: &str = "Canary-Okonkwo-51c9";

fn seizure(origin: &str, i: usize, commodity: &str, quantity: f64) -> Value {
    let mut s = canonical_seizure(&format!("{origin}-{CANARY}-{i:03}"));
    s["date"] = json!(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
    s["place"]["country"] = json!(origin);
    s["conveyance"]["identifier"] = json!(CANARY);
    s["goods"][0]["commodity"] = json!(commodity);
    s["goods"][0]["quantity"] = json!(quantity);
    s["goods"][0]["description"] = json!(CANARY);
    s["remarks"] = json!(CANARY);
    s["summary"] = json!(format!("harbour case {i} reported by {origin}"));
    s["offenders"] = json!([{"nationality": "EC", "sex": "MALE", "age": 30}]);
    s
}

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

async fn global(node: &TestNode, user: &str, query: &str) -> anyhow::Result<(u16, Value)> {
    node.get_as(user, &format!("/api/v1/global/search?{query}")).await
}

fn facet(v: &Value, name: &str) -> Vec<(String, u64)> {
    v["facets"]
        .as_array()
        .and_then(|all| all.iter().find(|f| f["facet"] == name))
        .and_then(|f| f["values"].as_array())
        .map(|values| {
            values.iter().filter_map(|pair| Some((pair[0].as_str()?.to_owned(), pair[1].as_u64()?))).collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_national_analyst_searches_every_member_through_the_hub() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    admit(&hub, &be).await?;

    let nl_items: Vec<Value> = (0..6).map(|i| seizure("NL", i, "DRUGS.COCAINE", 10.0 + i as f64)).collect();
    let be_items: Vec<Value> = (0..4).map(|i| seizure("BE", i, "DRUGS.CANNABIS", 2.5)).collect();
    for (node, items) in [(&nl, &nl_items), (&be, &be_items)] {
        let (status, v) =
            node.post_as("officer", "/api/v1/seizures/batch", &json!({ "items": items })).await?;
        assert_eq!(status, 200, "{v}");
    }

    // The Gambia has no node: the hub uploads its two valid seizures on its behalf.
    let body = hub_files::workbook(7.0)?;
    let r = hub
        .http
        .post(hub.url(&format!("/api/v1/cen/uploads?administration={}", hub_files::MEMBER)))
        .header("content-type", hub_files::XLSX)
        .bearer_auth(hub.cached_token("admin").await?)
        .body(body)
        .send()
        .await?;
    assert_eq!(r.status().as_u16(), 202, "{}", r.text().await?);

    // From NL's own node, with NL's account: BE's seizures and GM's, via the hub.
    let started = Instant::now();
    let page =
        wait_for(Duration::from_secs(60), "all twelve seizures in the global search at NL", || async {
            let (status, v) = global(&nl, "analyst", "limit=100").await?;
            anyhow::ensure!(status == 200, "global search at NL: {status} {v}");
            Ok((v["total"] == 12 && v["items"].as_array().is_some_and(|a| a.len() == 12)).then_some(v))
        })
        .await?;
    eprintln!("all seizures searchable from NL through the hub after {:?}", started.elapsed());
    let text = page.to_string();
    assert!(!text.contains(CANARY), "a nominal value reached NL through the global search: {text}");
    for value in hub_files::NOMINAL {
        assert!(!text.contains(value), "{value} reached NL through the global search");
    }
    assert_eq!(page["rejected"], 0, "the hub's signature on GM's seizures checks out too");
    let items = page["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.iter().filter(|s| s["origin"] == "BE").count(), 4);
    for s in &items {
        for nominal in ["national_reference", "remarks", "conveyance", "description", "suspect"] {
            assert!(s.get(nominal).is_none(), "{nominal} in {s}");
        }
    }
    assert_eq!(
        facet(&page, "origin"),
        vec![("NL".to_owned(), 6), ("BE".to_owned(), 4), ("GM".to_owned(), 2)]
    );
    assert_eq!(
        facet(&page, "region"),
        vec![("EUROPE".to_owned(), 10), ("WEST_CENTRAL_AFRICA".to_owned(), 2)]
    );

    // Filters and words, at BE this time.
    let (status, v) = global(&be, "officer", "origin=NL&commodity=DRUGS&q=harbour").await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 6);
    let (_, v) = global(&be, "officer", "region=ASIA_PACIFIC").await?;
    assert_eq!(v["total"], 0);
    let (_, v) = global(&be, "officer", "region=WEST_CENTRAL_AFRICA").await?;
    assert_eq!(v["total"], 2);
    let (_, v) = global(&be, "officer", &format!("q={CANARY}")).await?;
    assert_eq!(v["total"], 0, "nominal words are not even searchable at the hub");

    // Statistics at the hub and from a member match the sum of what the members sent.
    // NL's six, and GM's two valid rows uploaded at the hub (7 and 2 kg).
    let sent_cocaine: f64 = (0..6).map(|i| 10.0 + i as f64).sum::<f64>() + 7.0 + 2.0;
    for (node, user) in [(&hub, "analyst"), (&be, "analyst")] {
        let (status, stats) = node.get_as(user, "/api/v1/global/statistics").await?;
        assert_eq!(status, 200, "{stats}");
        assert_eq!(stats["total"], 12);
        assert!(!stats.to_string().contains(CANARY));
        assert_eq!(
            facet(&stats, "origin"),
            vec![("NL".to_owned(), 6), ("BE".to_owned(), 4), ("GM".to_owned(), 2)]
        );
        let regions = stats["regions_by_year"].as_array().map(Vec::len);
        assert_eq!(regions, Some(2), "both regions compared year by year: {stats}");
        let quantities = stats["quantities"].as_array().cloned().unwrap_or_default();
        let total = |c: &str| {
            quantities.iter().find(|q| q["commodity"] == c).and_then(|q| q["total"].as_f64()).unwrap_or(-1.0)
        };
        assert!((total("DRUGS.COCAINE") - sent_cocaine).abs() < 1e-9, "{quantities:?}");
        assert!((total("DRUGS.CANNABIS") - 10.0).abs() < 1e-9, "{quantities:?}");
    }
    let (_, by_date) = hub.get_as("analyst", "/api/v1/cen/statistics").await?;
    assert_eq!(by_date["totals"]["seizures"], 12, "{by_date}");

    // Who asked is audited at the hub, by member and user; and at the asking node.
    let (status, audit) = hub.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert_eq!(status, 200, "{audit}");
    let entries = audit.as_array().cloned().unwrap_or_default();
    assert!(
        entries.iter().any(|e| e["action"] == "cen.remote_search" && e["actor"] == "NL/analyst"),
        "the hub audits NL's analyst"
    );
    assert!(entries.iter().any(|e| e["action"] == "cen.remote_statistics" && e["actor"] == "BE/analyst"));
    let (_, audit) = nl.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert!(
        audit.as_array().is_some_and(|a| a
            .iter()
            .any(|e| e["action"] == "cen.global_search" && e["actor"] == "analyst" && e["outcome"] == "ok")),
        "NL audits its own user's query"
    );

    // Bad queries: a clear 400 naming the parameter, before anything is sent.
    for (query, field) in [
        ("commodity=DRUGS.UNOBTAINIUM", "commodity"),
        ("region=ATLANTIS", "region"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
        ("date_from=2026-13-01", "date_from"),
        ("year=26", "year"),
        ("origin=netherlands", "origin"),
        ("colour=red", "bad query string"),
    ] {
        let (status, v) = global(&nl, "analyst", query).await?;
        assert_eq!(status, 400, "{query}: {v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| m.starts_with(field)), "{query}: {v}");
    }
    let long = "w".repeat(501);
    let (status, _) = global(&nl, "analyst", &format!("q={long}")).await?;
    assert_eq!(status, 400);
    // Roles without access to the CEN, and no token at all.
    let (status, _) = global(&nl, "auditor", "").await?;
    assert_eq!(status, 403);
    let status = reqwest::get(nl.url("/api/v1/global/search")).await?.status();
    assert_eq!(status, 401);

    for n in [nl, be, hub] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_hub_answers_members_only() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    let (status, v) =
        nl.post_as("officer", "/api/v1/seizures", &seizure("NL", 1, "DRUGS.COCAINE", 5.0)).await?;
    assert_eq!(status, 201, "{v}");
    wait_for(Duration::from_secs(30), "NL's seizure searchable at the hub", || async {
        let (_, v) = global(&hub, "analyst", "").await?;
        Ok((v["total"] == 1).then_some(()))
    })
    .await?;

    // DE knows the hub but the hub has not admitted it: its users get nothing.
    let de = start_node_with("DE", Some(&hub)).await?;
    let (status, v) = global(&de, "analyst", "").await?;
    assert!(status == 502 || status == 503, "a non-member's query: {status} {v}");
    assert!(v.get("items").is_none(), "{v}");
    let (status, v) = de.get_as("analyst", "/api/v1/global/statistics").await?;
    assert!(status == 502 || status == 503, "a non-member's statistics: {status} {v}");
    let (_, audit) = de.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert!(
        audit.as_array().is_some_and(|a| a
            .iter()
            .any(|e| e["action"] == "cen.global_search" && e["outcome"] == "failed")),
        "DE audits its user's failed query"
    );
    // Known to the hub as a peer, so its connection is let in, but still not a member: the hub
    // itself refuses the query and audits it.
    add_peer(&hub, &de).await?;
    let v = wait_for(Duration::from_secs(30), "the hub's own refusal", || async {
        let (status, v) = global(&de, "analyst", "").await?;
        Ok((status == 502).then_some(v))
    })
    .await?;
    assert_eq!(v["error"]["code"], "hub_refused", "{v}");
    assert!(v.get("items").is_none(), "{v}");
    let (_, audit) = hub.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert!(
        audit.as_array().is_some_and(|a| a
            .iter()
            .any(|e| e["action"] == "cen.remote_search" && e["outcome"] == "denied")),
        "the hub audits the non-member's query"
    );
    // A node without a hub says so.
    let lone = start_node("FR").await?;
    let (status, v) = global(&lone, "analyst", "").await?;
    assert_eq!(status, 404, "{v}");

    for n in [de, nl, hub, lone] {
        n.stop().await?;
    }
    Ok(())
}
