//! Global CEN queries on the wire (MISSION B6): the hub answers a directory member's search and
//! statistics, refuses out-of-bounds queries naming the field, refuses a peer it knows but that
//! is not a member, and audits every one of them by member and user.

mod common;
#[path = "support/raw_peer.rs"]
mod raw_peer;

use std::process::Child;
use std::time::{Duration, Instant};

use common::{add_user, bin, login, run, terminate};
use ncen_protocol::cbor;
use ncen_protocol::global::GlobalQuery;
use ncen_protocol::wire::{self, Refusal, Request, Response};
use raw_peer::{Mallory, Outcome};
use serde_json::{Value, json};

fn search(asker: &str, query: GlobalQuery) -> anyhow::Result<Vec<u8>> {
    Ok(cbor::to_vec(&Request::GlobalSearch { asker: asker.into(), query: Box::new(query) })?)
}

fn answer(outcome: &Outcome) -> anyhow::Result<Response> {
    match outcome {
        Outcome::Response(bytes) => Ok(cbor::from_slice(bytes, wire::RESPONSE_LIMITS)?),
        Outcome::Failure(e) => anyhow::bail!("no answer: {e}"),
    }
}

/// Asks until the hub's allow list lets the peer in and answers.
async fn first_answer(peer: &mut Mallory, bytes: Vec<u8>) -> anyhow::Result<Response> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let outcome = peer.exchange(bytes.clone()).await?;
        if let Outcome::Response(_) = outcome {
            return answer(&outcome);
        }
        anyhow::ensure!(Instant::now() < deadline, "the hub never answered: {outcome}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

struct Killed(Option<Child>);

impl Drop for Killed {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[tokio::test]
async fn the_hub_answers_members_bounded_queries_only() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("hub");
    let out = bin()
        .args(["init", "--data-dir"])
        .arg(&data)
        .args(["--administration", "WCO", "--role", "hub"])
        .output()?;
    anyhow::ensure!(out.status.success(), "init: {}", String::from_utf8_lossy(&out.stderr));
    let out = add_user(&data, "admin", "administrator")?;
    anyhow::ensure!(out.status.success(), "user add: {}", String::from_utf8_lossy(&out.stderr));
    let (child, base) = run(&data)?;
    let mut hub = Killed(Some(child));
    let http = reqwest::Client::new();
    let admin = login(&http, &base, "admin").await?;
    let info: Value = http.get(format!("{base}/api/v1/node")).send().await?.json().await?;
    let hub_id: libp2p::PeerId = info["peer_id"].as_str().unwrap_or_default().parse()?;
    let addr = info["listen"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find(|a| a.starts_with("/ip4/"))
        .ok_or_else(|| anyhow::anyhow!("no p2p address in {info}"))?;
    let addr: libp2p::Multiaddr = addr.split("/p2p/").next().unwrap_or(addr).parse()?;

    // FR is a member of the directory; ES is a peer the hub knows, not a member.
    let (mut member, member_id) = Mallory::new(hub_id, addr.clone())?;
    let (mut outsider, outsider_id) = Mallory::new(hub_id, addr)?;
    for (path, administration, peer_id) in
        [("directory/members", "FR", &member_id), ("peers", "ES", &outsider_id)]
    {
        let body = json!({"administration": administration, "peer_id": peer_id, "addresses": ["/ip4/127.0.0.1/tcp/9"]});
        let r = http.post(format!("{base}/api/v1/{path}")).bearer_auth(&admin).json(&body).send().await?;
        anyhow::ensure!(r.status().as_u16() == 201, "{path}: {}", r.text().await?);
    }

    let valid = GlobalQuery { commodity: Some("DRUGS".into()), limit: 20, ..GlobalQuery::default() };
    match first_answer(&mut member, search("analyst", valid.clone())?).await? {
        Response::GlobalResult { result } => assert_eq!((result.total, result.envelopes.len()), (0, 0)),
        other => panic!("a member's search: {other:?}"),
    }
    let stats =
        cbor::to_vec(&Request::GlobalStatistics { asker: "analyst".into(), query: Box::new(valid.clone()) })?;
    match answer(&member.exchange(stats).await?)? {
        Response::GlobalStatistics { statistics } => assert_eq!(statistics.total, 0),
        other => panic!("a member's statistics: {other:?}"),
    }
    for (field, query) in [
        ("limit", GlobalQuery { limit: 5_000, ..valid.clone() }),
        ("offset", GlobalQuery { offset: 1_000_000, ..valid.clone() }),
        ("q", GlobalQuery { text: Some("word ".repeat(200)), ..valid.clone() }),
        ("commodity", GlobalQuery { commodity: Some("DRUGS\nCOCAINE".into()), ..valid.clone() }),
        ("date_from", GlobalQuery { date_from: Some("yesterday".into()), ..valid.clone() }),
    ] {
        match answer(&member.exchange(search("analyst", query)?).await?)? {
            Response::Refused { reason: Refusal::BadRequest, message } => {
                assert!(message.starts_with(field), "{field}: {message}")
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    // A user name full of control characters is audited without them.
    let sly = "eve\n2026-01-01 admin logged in";
    assert!(matches!(
        answer(&member.exchange(search(sly, valid.clone())?).await?)?,
        Response::GlobalResult { .. }
    ));

    match first_answer(&mut outsider, search("analyst", valid)?).await? {
        Response::Refused { reason: Refusal::UnknownPeer, .. } => {}
        other => panic!("a non-member's search: {other:?}"),
    }

    let r = http.get(format!("{base}/api/v1/audit?limit=1000")).bearer_auth(&admin).send().await?;
    let audit: Vec<Value> = r.json().await?;
    let of = |action: &str, outcome: &str, actor: Option<&str>| {
        audit
            .iter()
            .filter(|e| e["action"] == action && e["outcome"] == outcome)
            .filter(|e| actor.is_none_or(|a| e["actor"] == a))
            .count()
    };
    assert_eq!(of("cen.remote_search", "ok", Some("FR/analyst")), 1, "{audit:?}");
    assert_eq!(of("cen.remote_statistics", "ok", Some("FR/analyst")), 1);
    assert_eq!(of("cen.remote_search", "denied", Some("FR/analyst")), 5, "each bad query");
    assert_eq!(of("cen.remote_search", "ok", Some("FR/eve2026-01-01 admin logged in")), 1);
    assert!(of("cen.remote_search", "denied", Some("network")) >= 1, "the outsider");

    if let Some(mut child) = hub.0.take() {
        terminate(&mut child)?;
    }
    Ok(())
}
