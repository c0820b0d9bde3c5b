//! The WCO hub: it receives the non-nominal projection of every member's seizures and nothing
//! nominal, keeps working for members while it is down, and catches up when it returns.

use std::time::{Duration, Instant};

use ncen_node::store::Cf;
use ncen_tests::{
    TestNode, add_peer, canonical_seizure, config_for, make_agreement, serve, start_node, start_node_with,
    wait_for,
};
use serde_json::{Value, json};

/// A value that may appear only in nominal fields.
const CANARY: &str = "Canary-Vanderbilt-7f3a";
const CANARY_UUID: &str = "c0ffee00-7f3a-4b1d-9e2a-00000000c0de";
const CANARY_HEX: &str = "c0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ff";
const COMMODITIES: [&str; 4] =
    ["DRUGS.COCAINE", "DRUGS.CANNABIS", "REVENUE.TOBACCO.CIGARETTES", "ENVIRONMENT.CITES"];

/// A varied seizure with the canary in every nominal field.
fn canary_seizure(i: usize) -> Value {
    let mut s = canonical_seizure(&format!("{CANARY}-{i:05}"));
    s["date"] = json!(format!("20{:02}-{:02}-{:02}", 20 + i % 6, 1 + i % 12, 1 + i % 28));
    s["conveyance"]["identifier"] = json!(CANARY);
    s["goods"][0]["commodity"] = json!(COMMODITIES[i % COMMODITIES.len()]);
    s["goods"][0]["quantity"] = json!(1.0 + i as f64);
    s["goods"][0]["description"] = json!(CANARY);
    s["remarks"] = json!(CANARY);
    s["offenders"] =
        json!([{"suspect": CANARY_UUID, "nationality": "EC", "sex": "MALE", "age": 18 + i % 50}]);
    s["companies"] = json!([{"company": CANARY_UUID, "role": "IMPORTER"}]);
    s["photos"] = json!([
        {"kind": "PERSON", "sha256": CANARY_HEX, "media_type": "image/jpeg", "caption": CANARY},
        {"kind": "GOODS", "sha256": "ab".repeat(32), "media_type": "image/jpeg", "caption": CANARY}
    ]);
    s
}

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

/// Every CEN record at the hub, through the API.
async fn cen_all(hub: &TestNode) -> anyhow::Result<(u64, Vec<Value>)> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut path = "/api/v1/cen/seizures?limit=500".to_owned();
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let (status, v) = hub.get_as("analyst", &path).await?;
        anyhow::ensure!(status == 200, "cen list failed: {status} {v}");
        let total = v["total"].as_u64().unwrap_or(0);
        items.extend(v["items"].as_array().cloned().unwrap_or_default());
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return Ok((total, items)),
        }
    }
}

async fn cen_total(hub: &TestNode) -> anyhow::Result<u64> {
    let (status, v) = hub.get_as("analyst", "/api/v1/cen/seizures?limit=1").await?;
    anyhow::ensure!(status == 200, "cen list failed: {status} {v}");
    Ok(v["total"].as_u64().unwrap_or(0))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_hub_holds_every_projection_and_nothing_nominal() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    admit(&hub, &nl).await?;

    let items: Vec<Value> = (0..1000).map(canary_seizure).collect();
    let (status, v) = nl.post_as("officer", "/api/v1/seizures/batch", &json!({ "items": items })).await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["created"], 1000);
    let started = Instant::now();
    wait_for(Duration::from_secs(60), "1,000 projections at the hub", || async {
        Ok((cen_total(&hub).await? == 1000).then_some(()))
    })
    .await?;
    eprintln!("hub convergence for 1,000 seizures: {:?}", started.elapsed());

    let (total, all) = cen_all(&hub).await?;
    assert_eq!(total, 1000);
    assert_eq!(all.len(), 1000);
    let text = serde_json::to_string(&all)?;
    for needle in [CANARY, CANARY_UUID, CANARY_HEX] {
        assert!(!text.contains(needle), "{needle} leaked into the hub's API output");
    }
    assert!(all.iter().all(|s| s["origin"] == "NL"));
    assert!(text.contains("\"age_band\""), "offenders keep their age band");
    let (status, stats) = hub.get_as("analyst", "/api/v1/cen/statistics").await?;
    assert_eq!(status, 200, "{stats}");
    assert!(!stats.to_string().contains(CANARY));

    // The store itself: every value of every column family, and every file on disk.
    let nl_dir = nl.stop().await?;
    drop(nl_dir);
    let dir = hub.stop().await?;
    let data = dir.path().join("data");
    let opened = ncen_node::app::open(&data)?;
    let mut scanned = 0usize;
    for cf in Cf::ALL {
        for item in opened.store().iter_from(cf, b"", true) {
            let (k, v) = item?;
            scanned += 1;
            for needle in [CANARY.as_bytes(), CANARY_HEX.as_bytes()] {
                assert!(
                    !contains(&k, needle) && !contains(&v, needle),
                    "{} holds a nominal value",
                    cf.name()
                );
            }
        }
    }
    assert!(scanned > 1000);
    drop(opened);
    for entry in walk(&data)? {
        let bytes = std::fs::read(&entry)?;
        assert!(!contains(&bytes, CANARY.as_bytes()), "{} holds a nominal value", entry.display());
    }
    Ok(())
}

fn walk(dir: &std::path::Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn members_keep_exchanging_while_the_hub_is_down_and_it_catches_up() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    admit(&hub, &be).await?;
    // NL and BE find each other through the hub's directory.
    wait_for(Duration::from_secs(15), "the directory at NL", || async {
        let (status, v) = nl.get_as("admin", "/api/v1/directory").await?;
        Ok((status == 200 && v["members"].as_array().is_some_and(|m| m.len() == 2)).then_some(()))
    })
    .await?;
    add_peer(&nl, &be).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;
    let first = nl.create_seizure(&canary_seizure(1)).await?;
    wait_for(Duration::from_secs(20), "the first seizure at the hub", || async {
        Ok((cen_total(&hub).await? == 1).then_some(()))
    })
    .await?;

    let hub_dir = hub.stop().await?;
    let mut written = vec![first];
    for i in 2..=20 {
        written.push(nl.create_seizure(&canary_seizure(i)).await?);
    }
    wait_for(Duration::from_secs(20), "20 seizures at BE while the hub is down", || async {
        let (_, v) = be.get_as("officer", "/api/v1/seizures?origin=NL&limit=100").await?;
        Ok((v["items"].as_array().map_or(0, Vec::len) == 20).then_some(()))
    })
    .await?;

    let config = config_for(&hub_dir.path().join("data"));
    let hub = serve(hub_dir, "WCO", config).await?;
    wait_for(Duration::from_secs(30), "the hub to catch up", || async {
        Ok((cen_total(&hub).await? == 20).then_some(()))
    })
    .await?;
    let (_, all) = cen_all(&hub).await?;
    let ids: std::collections::BTreeSet<String> =
        all.iter().filter_map(|s| s["id"].as_str().map(str::to_owned)).collect();
    assert_eq!(ids, written.into_iter().collect());
    for n in [hub, nl, be] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_the_hub_admits_members() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let hub = start_node("WCO").await?;
    let body = json!({"administration": "BE", "peer_id": hub.peer_id().await?, "addresses": ["/ip4/127.0.0.1/tcp/1"]});
    let (status, _) = nl.post_as("admin", "/api/v1/directory/members", &body).await?;
    assert_eq!(status, 404);
    let (status, _) = hub.post_as("officer", "/api/v1/directory/members", &body).await?;
    assert_eq!(status, 403);
    let (status, _) =
        hub.post_as("admin", "/api/v1/directory/members", &json!({"administration": "BE"})).await?;
    assert_eq!(status, 400);
    let (status, _) = hub.get_as("admin", "/api/v1/directory").await?;
    assert_eq!(status, 404, "no directory before the first member");
    nl.stop().await?;
    hub.stop().await?;
    Ok(())
}
