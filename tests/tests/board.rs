//! Publications and the forum across the hub and two members: a publication reaching every
//! member within a second and a member that was down getting it on restart; a forum post
//! written at NL reaching BE through the hub with NL's signature verified at BE; forged posts
//! and strangers refused with nothing stored; bad input over the API refused with a clear 4xx.

use std::time::{Duration, Instant};

use base64::Engine as _;
use ncen_node::store::Cf;
use ncen_protocol::board::{BOARD_FORMAT, ForumPost};
use ncen_protocol::wire::{Request, Response};
use ncen_tests::{TestNode, config_for, serve, start_node, start_node_with, wait_for};
use serde_json::{Value, json};

const SECOND: Duration = Duration::from_secs(1);

async fn admit_as(hub: &TestNode, administration: &str, peer_id: &str, addr: &str) -> anyhow::Result<()> {
    let body = json!({"administration": administration, "peer_id": peer_id, "addresses": [addr]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {administration} failed: {status} {v}");
    Ok(())
}

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    admit_as(hub, &member.administration, &member.peer_id().await?, &member.p2p_addr().await?).await
}

async fn directory_of(node: &TestNode, count: usize) -> anyhow::Result<()> {
    wait_for(20 * SECOND, "the member directory", || async {
        let (status, v) = node.get_as("admin", "/api/v1/directory").await?;
        Ok((status == 200 && v["members"].as_array().map(Vec::len) == Some(count)).then_some(()))
    })
    .await
}

/// A hub and members NL and BE, admitted, each holding the directory.
async fn federation() -> anyhow::Result<(TestNode, TestNode, TestNode)> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    admit(&hub, &be).await?;
    directory_of(&nl, 2).await?;
    directory_of(&be, 2).await?;
    Ok((hub, nl, be))
}

async fn post(node: &TestNode, path: &str, body: Value) -> anyhow::Result<(u16, Value)> {
    node.post_as("officer", path, &body).await
}

fn alert(title: &str) -> Value {
    json!({
        "kind": "alert", "language": "en", "title": title,
        "body": "Cocaine hidden in the cooling units of reefer containers from Guayaquil.",
        "regions": ["EC", "NL", "BE", "EUROPE"], "commodities": ["DRUGS.COCAINE"],
        "attachments": [{"name": "risk-profile.pdf",
                         "content_base64": base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.7 risk profile")}]
    })
}

async fn publications(node: &TestNode, user: &str) -> anyhow::Result<Vec<Value>> {
    let (status, v) = node.get_as(user, "/api/v1/publications").await?;
    anyhow::ensure!(status == 200, "publications at {}: {status} {v}", node.administration);
    Ok(v.as_array().cloned().unwrap_or_default())
}

async fn holds(node: &TestNode, id: &str) -> anyhow::Result<bool> {
    Ok(publications(node, "analyst").await?.iter().any(|p| p["id"] == id))
}

/// Polls every 5 ms until `node` holds publication `id`; returns how long it took.
async fn arrival(node: &TestNode, id: &str, since: Instant) -> anyhow::Result<Duration> {
    wait_for(10 * SECOND, "the publication", || async { Ok(holds(node, id).await?.then(|| since.elapsed())) })
        .await
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

/// Polls `check` every `ms` milliseconds for up to ten seconds.
async fn wait_for_every<T, F, Fut>(ms: u64, mut check: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Option<T>>>,
{
    let deadline = Instant::now() + 10 * SECOND;
    loop {
        if let Some(v) = check().await? {
            return Ok(v);
        }
        anyhow::ensure!(Instant::now() < deadline, "timed out after 10 s");
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

async fn board_entries(dir: &std::path::Path) -> anyhow::Result<usize> {
    let opened = ncen_node::app::open(&dir.join("data"))?;
    let mut n = 0;
    for item in opened.store().iter_from(Cf::BoardLog, b"", true) {
        item?;
        n += 1;
    }
    Ok(n)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_publication_reaches_every_member_and_a_member_that_was_down_on_restart() -> anyhow::Result<()> {
    let (hub, nl, be) = federation().await?;

    let started = Instant::now();
    let (status, p) =
        hub.post_as("analyst", "/api/v1/publications", &alert("Reefers from Guayaquil")).await?;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap_or_default().to_owned();
    let (at_nl, at_be) = tokio::try_join!(arrival(&nl, &id, started), arrival(&be, &id, started))?;
    eprintln!("publication from the hub: at NL after {at_nl:?}, at BE after {at_be:?}");
    assert!(at_nl.max(at_be) < 5 * SECOND, "publication took {:?}", at_nl.max(at_be));

    // Latency over 20 more alerts, polled every 5 ms at both members.
    let mut latencies = Vec::new();
    for i in 0..20 {
        let started = Instant::now();
        let (status, p) =
            hub.post_as("analyst", "/api/v1/publications", &alert(&format!("Alert {i}"))).await?;
        assert_eq!(status, 201, "{p}");
        let id = p["id"].as_str().unwrap_or_default().to_owned();
        for node in [&nl, &be] {
            latencies.push(
                wait_for_every(5, || async {
                    let (status, _) = node.get_as("auditor", &format!("/api/v1/publications/{id}")).await?;
                    Ok((status == 200).then(|| started.elapsed()))
                })
                .await?,
            );
        }
    }
    latencies.sort();
    eprintln!(
        "publication latency hub -> member over {} deliveries: p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies[latencies.len() - 1]
    );
    assert!(percentile(&latencies, 0.50) < SECOND);

    // Read markers are per user; the file arrives byte for byte.
    let first =
        |list: &Value| list.as_array().and_then(|a| a.iter().find(|p| p["id"] == id.as_str()).cloned());
    let (_, list) = nl.get_as("officer", "/api/v1/publications").await?;
    assert_eq!(first(&list).map(|p| p["read"].clone()), Some(json!(false)));
    let (status, one) = nl.get_as("officer", &format!("/api/v1/publications/{id}")).await?;
    assert_eq!(status, 200, "{one}");
    assert_eq!(one["regions"], json!(["EC", "NL", "BE", "EUROPE"]));
    let (_, list) = nl.get_as("officer", "/api/v1/publications").await?;
    assert_eq!(first(&list).map(|p| p["read"].clone()), Some(json!(true)));
    let (_, list) = nl.get_as("analyst", "/api/v1/publications").await?;
    assert_eq!(first(&list).map(|p| p["read"].clone()), Some(json!(false)), "another user has not read it");
    let (status, _, bytes) =
        nl.get_bytes_as("officer", &format!("/api/v1/publications/{id}/attachments/0")).await?;
    assert_eq!(status, 200);
    assert_eq!(bytes, b"%PDF-1.7 risk profile");

    // A library document in French, found by its words (case and accents ignored).
    let doc = json!({"kind": "document", "language": "fr", "title": "Guide de l'utilisateur nCEN",
                     "body": "Saisie des données, recherche et échanges sécurisés."});
    let (status, d) = hub.post_as("admin", "/api/v1/publications", &doc).await?;
    assert_eq!(status, 201, "{d}");
    wait_for(10 * SECOND, "the guide at BE", || async {
        let (_, v) = be.get_as("officer", "/api/v1/library?q=DONNEES%20securises&language=fr").await?;
        Ok((v.as_array().map(Vec::len) == Some(1)).then_some(()))
    })
    .await?;
    let (_, none) = be.get_as("officer", "/api/v1/library?language=en").await?;
    assert_eq!(none.as_array().map(Vec::len), Some(0));

    // BE goes down; a bulletin is published; BE gets it on restart.
    let be_dir = be.stop().await?;
    let (status, b) = hub.post_as("analyst", "/api/v1/publications", &alert("Bulletin 49")).await?;
    assert_eq!(status, 201, "{b}");
    let bulletin = b["id"].as_str().unwrap_or_default().to_owned();
    let mut config = config_for(&be_dir.path().join("data"));
    config.hub =
        Some(ncen_config::HubConfig { peer_id: hub.peer_id().await?, address: hub.p2p_addr().await? });
    let restarted = Instant::now();
    let be = serve(be_dir, "BE", config).await?;
    wait_for(30 * SECOND, "the bulletin published while BE was down", || async {
        Ok(holds(&be, &bulletin).await?.then_some(()))
    })
    .await?;
    eprintln!("bulletin at BE {:?} after its restart", restarted.elapsed());
    assert_eq!(publications(&be, "officer").await?.len(), 23);
    for n in [hub, nl, be] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_forum_post_reaches_the_other_member_through_the_hub_with_its_authors_signature()
-> anyhow::Result<()> {
    let (hub, nl, be) = federation().await?;
    let (nl_peer, be_peer) = (nl.peer_id().await?, be.peer_id().await?);

    let started = Instant::now();
    let (status, w) = nl
        .post_as(
            "officer",
            "/api/v1/forum/threads",
            &json!({"title": "Reefer cooling units", "body": "Anyone else seeing this?"}),
        )
        .await?;
    assert_eq!(status, 201, "{w}");
    assert_eq!(w["delivered"], true);
    let thread = w["thread"].as_str().unwrap_or_default().to_owned();
    let posts = wait_for(10 * SECOND, "the thread at BE", || async {
        let (status, v) = be.get_as("officer", &format!("/api/v1/forum/threads/{thread}")).await?;
        Ok((status == 200).then_some(v))
    })
    .await?;
    eprintln!("forum post from NL at BE after {:?}", started.elapsed());
    assert_eq!(posts[0]["author_administration"], "NL");
    assert_eq!(posts[0]["author_name"], "officer");
    assert_eq!(posts[0]["signed_by"], nl_peer.as_str(), "BE verified NL's signature, not the hub's");

    let (status, r) = be
        .post_as(
            "supervisor",
            &format!("/api/v1/forum/threads/{thread}/posts"),
            &json!({"body": "Yes, in Antwerp last week."}),
        )
        .await?;
    assert_eq!(status, 201, "{r}");
    let posts = wait_for(10 * SECOND, "the reply at NL", || async {
        let (_, v) = nl.get_as("analyst", &format!("/api/v1/forum/threads/{thread}")).await?;
        Ok((v.as_array().map(Vec::len) == Some(2)).then_some(v))
    })
    .await?;
    assert_eq!(posts[1]["signed_by"], be_peer.as_str());
    assert_eq!(posts[1]["in_reply_to"], thread.as_str());
    let (_, threads) = hub.get_as("analyst", "/api/v1/forum/threads").await?;
    assert_eq!(threads[0]["replies"], 1);
    // A hub user answers too: signed by the hub, verified with the hub's key.
    let (status, r) = hub
        .post_as(
            "analyst",
            &format!("/api/v1/forum/threads/{thread}/posts"),
            &json!({"body": "The WCO sees it in three regions."}),
        )
        .await?;
    assert_eq!(status, 201, "{r}");
    let posts = wait_for(10 * SECOND, "the hub's reply at BE", || async {
        let (_, v) = be.get_as("officer", &format!("/api/v1/forum/threads/{thread}")).await?;
        Ok((v.as_array().map(Vec::len) == Some(3)).then_some(v))
    })
    .await?;
    assert_eq!(posts[2]["author_administration"], "WCO");
    assert_eq!(posts[2]["signed_by"], hub.peer_id().await?.as_str());
    for n in [hub, nl, be] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forged_posts_and_strangers_are_refused_with_nothing_stored() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    directory_of(&nl, 1).await?;
    let (hub_peer, nl_peer) = (hub.peer_id().await?, nl.peer_id().await?);
    let hub_addr = hub.p2p_addr().await?;

    // A node of its own (FR) admitted to the directory, and a stranger that is not.
    let raw = |admin: &'static str| {
        let hub_peer = hub_peer.clone();
        let hub_addr = hub_addr.clone();
        async move {
            let dir = tempfile::tempdir()?;
            let data = dir.path().join("data");
            ncen_node::app::init(&data, admin, ncen_node::identity::NodeRole::National)?;
            let opened = ncen_node::app::open(&data)?;
            let mut config = config_for(&data);
            config.hub = Some(ncen_config::HubConfig { peer_id: hub_peer, address: hub_addr });
            let engine = ncen_node::app::start_federation(&opened, &config).await?;
            anyhow::Ok((dir, opened, engine))
        }
    };
    let (_fr_dir, fr, fr_engine) = raw("FR").await?;
    let fr_addr = fr_engine.net.status().await?.listen.into_iter().next().unwrap_or_default();
    admit_as(&hub, "FR", &fr.info.peer_id, &fr_addr).await?;
    let (_x_dir, stranger, x_engine) = raw("DE").await?;

    let id = uuid::Uuid::now_v7();
    let post = |author: &str| ForumPost {
        format: BOARD_FORMAT,
        thread: id,
        id,
        title: "Cheap cigarettes, contact me".into(),
        author_administration: author.into(),
        author_name: "officer".into(),
        body: "forged".into(),
        in_reply_to: None,
        posted_at_ms: 1,
    };
    let hub_id = ncen_node::net::parse_peer_id(&hub_peer)?;
    let send = |engine: &ncen_node::federation::engine::Engine, signed: Vec<u8>| {
        let net = engine.net.clone();
        async move {
            // The hub learns about FR from its directory: retry while it dials.
            let mut last = None;
            for _ in 0..100 {
                match net
                    .request(
                        hub_id,
                        Request::ForumPost { envelope: serde_bytes::ByteBuf::from(signed.clone()) },
                    )
                    .await
                {
                    Ok(r) => return Some(r),
                    Err(e) => last = Some(e.to_string()),
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            eprintln!("no answer: {last:?}");
            None
        }
    };
    let fr_key = fr.identity.signing_key();
    // FR's node signs a post claiming NL wrote it.
    let claims_nl = post("NL").sign(fr_key, &fr.info.peer_id)?;
    let answer = send(&fr_engine, claims_nl).await;
    assert!(matches!(answer, Some(Response::Refused { .. })), "{answer:?}");
    // FR's key under NL's PeerId.
    let kid_nl = post("NL").sign(fr_key, &nl_peer)?;
    let answer = send(&fr_engine, kid_nl).await;
    assert!(matches!(answer, Some(Response::Refused { .. })), "{answer:?}");
    // A stranger's own, well-signed post: refused (or not even connected).
    let own = post("DE").sign(stranger.identity.signing_key(), &stranger.info.peer_id)?;
    let answer = tokio::time::timeout(15 * SECOND, send(&x_engine, own)).await.ok().flatten();
    assert!(!matches!(answer, Some(Response::Ack)), "{answer:?}");

    let (_, threads) = hub.get_as("analyst", "/api/v1/forum/threads").await?;
    assert_eq!(threads.as_array().map(Vec::len), Some(0));
    let (_, audit) = hub.get_as("admin", "/api/v1/audit?limit=1000").await?;
    let refused: Vec<&Value> = audit
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["action"] == "forum.post" && e["outcome"] == "denied")
        .collect();
    assert!(refused.len() >= 2, "every refused post is audited: {refused:?}");
    assert!(refused.iter().all(|e| e["actor"] == "FR"), "{refused:?}");
    fr_engine.shutdown().await;
    x_engine.shutdown().await;
    nl.stop().await?;
    let hub_dir = hub.stop().await?;
    assert_eq!(board_entries(hub_dir.path()).await?, 0, "nothing stored at the hub");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bad_input_over_the_api_is_refused_with_a_clear_4xx_and_nothing_stored() -> anyhow::Result<()> {
    let (hub, nl, be) = federation().await?;
    // Unauthenticated.
    let r = hub.http.get(hub.url("/api/v1/publications")).send().await?;
    assert_eq!(r.status(), 401);
    let r = nl
        .http
        .post(nl.url("/api/v1/forum/threads"))
        .json(&json!({"title": "t", "body": "b"}))
        .send()
        .await?;
    assert_eq!(r.status(), 401);
    // Wrong role: an officer does not publish; an auditor does not write in the forum; a member
    // does not publish at all.
    let (status, v) = post(&hub, "/api/v1/publications", alert("x")).await?;
    assert_eq!(status, 403, "{v}");
    let (status, v) =
        nl.post_as("auditor", "/api/v1/forum/threads", &json!({"title": "t", "body": "b"})).await?;
    assert_eq!(status, 403, "{v}");
    let (status, v) = nl.post_as("admin", "/api/v1/publications", &alert("x")).await?;
    assert_eq!(status, 404, "{v}");
    // Missing and wrong fields, named.
    let (status, v) = hub
        .post_as("analyst", "/api/v1/publications", &json!({"kind": "alert", "language": "en", "title": "x"}))
        .await?;
    assert_eq!(status, 400, "{v}");
    assert!(v["error"]["message"].as_str().unwrap_or_default().contains("body"), "{v}");
    let mut bad = alert("");
    bad["language"] = json!("xx");
    bad["commodities"] = json!(["DRUGS.UNOBTAINIUM"]);
    let (status, v) = hub.post_as("analyst", "/api/v1/publications", &bad).await?;
    assert_eq!(status, 400, "{v}");
    let fields: Vec<&str> =
        v["error"]["details"].as_array().into_iter().flatten().filter_map(|d| d["field"].as_str()).collect();
    assert_eq!(fields, ["title", "language", "commodities[0]"], "{v}");
    let (status, v) = hub
        .post_as(
            "analyst",
            "/api/v1/publications",
            &json!({"kind": "memo", "language": "en", "title": "x", "body": "y"}),
        )
        .await?;
    assert_eq!(status, 400, "{v}");
    let (status, v) = post(&nl, "/api/v1/forum/threads", json!({"body": "no title"})).await?;
    assert_eq!(status, 400, "{v}");
    let (status, v) =
        post(&nl, "/api/v1/forum/threads", json!({"title": "  ", "body": "blank title"})).await?;
    assert_eq!(status, 400, "{v}");
    let (status, v) = post(
        &nl,
        &format!("/api/v1/forum/threads/{}/posts", uuid::Uuid::now_v7()),
        json!({"body": "to nowhere"}),
    )
    .await?;
    assert_eq!(status, 404, "{v}");
    // Oversized: a post over the body limit, a text over its limit, files over theirs.
    let (status, v) =
        post(&nl, "/api/v1/forum/threads", json!({"title": "big", "body": "x".repeat(100_000)})).await?;
    assert_eq!(status, 413, "{v}");
    let (status, v) =
        post(&nl, "/api/v1/forum/threads", json!({"title": "long", "body": "x".repeat(9_000)})).await?;
    assert_eq!(status, 400, "{v}");
    let mut big = alert("Too big");
    let file = base64::engine::general_purpose::STANDARD.encode(vec![1u8; (1 << 20) + 1]);
    big["attachments"] = json!([{"name": "big.bin", "content_base64": file}]);
    let (status, v) = hub.post_as("analyst", "/api/v1/publications", &big).await?;
    assert_eq!(status, 400, "{v}");
    let huge = base64::engine::general_purpose::STANDARD.encode(vec![1u8; 4 << 20]);
    big["attachments"] = json!([{"name": "huge.bin", "content_base64": huge}]);
    let (status, v) = hub.post_as("analyst", "/api/v1/publications", &big).await?;
    assert_eq!(status, 413, "{v}");
    let (status, _) = nl.get_as("officer", "/api/v1/publications/not-a-uuid").await?;
    assert_eq!(status, 404);
    let (status, _) = nl.get_as("officer", "/api/v1/publications?kind=memo").await?;
    assert_eq!(status, 400);

    let doc: Value = hub.http.get(hub.url("/api/v1/openapi.json")).send().await?.json().await?;
    for path in [
        "/api/v1/publications",
        "/api/v1/publications/{id}",
        "/api/v1/publications/{id}/attachments/{n}",
        "/api/v1/library",
        "/api/v1/forum/threads",
        "/api/v1/forum/threads/{id}/posts",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
    assert!(publications(&hub, "analyst").await?.is_empty());
    let (_, threads) = hub.get_as("analyst", "/api/v1/forum/threads").await?;
    assert_eq!(threads.as_array().map(Vec::len), Some(0));
    be.stop().await?;
    let nl_dir = nl.stop().await?;
    let hub_dir = hub.stop().await?;
    assert_eq!(board_entries(hub_dir.path()).await?, 0);
    assert_eq!(board_entries(nl_dir.path()).await?, 0);
    Ok(())
}
