//! An allowed peer that sends oversized, malformed, wrongly shaped and deeply nested messages on
//! `/ncen/exchange/1` gets a refusal naming what was wrong and nothing else, is still refused (and
//! audited) when it asks properly without an agreement, and does not stop a seizure replicating
//! to a real peer; the bad messages are audited too.

mod common;
#[path = "support/raw_peer.rs"]
mod raw_peer;

use std::process::Child;
use std::time::{Duration, Instant};

use common::{add_user, init, login, run, seizure, terminate};
use ncen_protocol::cbor;
use ncen_protocol::wire::{self, Refusal, Request, Response};
use raw_peer::{Mallory, Outcome};
use serde_json::{Value, json};
use tokio::sync::watch;

/// Most rounds of bad messages mallory sends while the seizure replicates.
const MAX_ROUNDS: u32 = 100;

fn pull() -> anyhow::Result<Vec<u8>> {
    Ok(cbor::to_vec(&Request::Pull { after: 0, limit: 10 })?)
}

fn bad_messages() -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let oversized = vec![0x40; 300 << 10];
    anyhow::ensure!(oversized.len() > wire::MAX_REQUEST_BYTES, "the oversized message is not oversized");
    Ok(vec![
        ("oversized", oversized),
        ("malformed CBOR", vec![0xff, 0x00, 0x13]),
        ("CBOR of the wrong shape", cbor::to_vec(&("pull", 1u8))?),
        ("nested 10,000 deep", vec![0x81; 10_000]),
    ])
}

/// Whether `outcome` is the refusal a peer without an agreement gets.
fn is_no_agreement(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Response(bytes) => matches!(
            cbor::from_slice(bytes, wire::RESPONSE_LIMITS),
            Ok(Response::Refused { reason: Refusal::NoAgreement, .. })
        ),
        Outcome::Failure(_) => false,
    }
}

/// What mallory saw.
#[derive(Debug)]
struct Report {
    first_pull: Outcome,
    bad: Vec<(&'static str, Outcome)>,
    last_pull: Outcome,
    rounds: u32,
    established: u32,
    closed: u32,
}

/// Connects with a well-formed pull (retried until the node's allow list lets mallory in), then
/// sends rounds of bad messages, reporting each finished round on `progress`, until `stop` is set
/// (at least one round, at most [`MAX_ROUNDS`]), then pulls properly once more.
async fn misbehave(
    mut mallory: Mallory,
    progress: watch::Sender<u32>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<Report> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let first_pull = loop {
        let outcome = mallory.exchange(pull()?).await?;
        if matches!(outcome, Outcome::Response(_)) {
            break outcome;
        }
        anyhow::ensure!(Instant::now() < deadline, "mallory never got an answer to a pull: {outcome:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let mut bad = Vec::new();
    let mut rounds = 0;
    while rounds < MAX_ROUNDS {
        for (name, bytes) in bad_messages()? {
            let outcome = mallory.exchange(bytes).await?;
            bad.push((name, outcome));
        }
        rounds += 1;
        progress.send_replace(rounds);
        if *stop.borrow_and_update() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let last_pull = mallory.exchange(pull()?).await?;
    Ok(Report {
        first_pull,
        bad,
        last_pull,
        rounds,
        established: mallory.established,
        closed: mallory.closed,
    })
}

/// Node processes, killed if the test fails before it stops them.
struct Processes(Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in &mut self.0 {
            // Best effort: the test already failed if any process is left here.
            drop(child.kill());
            drop(child.wait());
        }
    }
}

struct Node {
    base: String,
    admin: String,
    officer: String,
}

/// Initialises `administration` in `dir` with an administrator and an officer, starts it and
/// logs both in.
async fn start(
    http: &reqwest::Client,
    processes: &mut Processes,
    dir: &std::path::Path,
    administration: &str,
) -> anyhow::Result<Node> {
    let data = dir.join("data");
    init(&data, administration)?;
    for (user, role) in [("admin", "administrator"), ("officer", "officer")] {
        let out = add_user(&data, user, role)?;
        anyhow::ensure!(out.status.success(), "user add: {}", String::from_utf8_lossy(&out.stderr));
    }
    let (child, base) = run(&data)?;
    processes.0.push(child);
    let admin = login(http, &base, "admin").await?;
    let officer = login(http, &base, "officer").await?;
    Ok(Node { base, admin, officer })
}

fn stop(mut processes: Processes) -> anyhow::Result<()> {
    for mut child in std::mem::take(&mut processes.0) {
        terminate(&mut child)?;
    }
    Ok(())
}

async fn get(http: &reqwest::Client, url: String, token: &str) -> anyhow::Result<(u16, Value)> {
    let r = http.get(url).bearer_auth(token).send().await?;
    Ok((r.status().as_u16(), r.json().await.unwrap_or(Value::Null)))
}

async fn post(http: &reqwest::Client, url: String, token: &str, body: Value) -> anyhow::Result<(u16, Value)> {
    let r = http.post(url).bearer_auth(token).json(&body).send().await?;
    Ok((r.status().as_u16(), r.json().await.unwrap_or(Value::Null)))
}

async fn wait(
    what: &str,
    timeout: Duration,
    mut check: impl AsyncFnMut() -> anyhow::Result<bool>,
) -> anyhow::Result<()> {
    let deadline = Instant::now() + timeout;
    while !check().await? {
        anyhow::ensure!(Instant::now() < deadline, "timed out after {timeout:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// The node's PeerId and its p2p address without the `/p2p/` suffix.
async fn p2p_of(http: &reqwest::Client, base: &str) -> anyhow::Result<(String, String)> {
    let info: Value = http.get(format!("{base}/api/v1/node")).send().await?.json().await?;
    let peer_id = info["peer_id"].as_str().ok_or_else(|| anyhow::anyhow!("no peer_id in {info}"))?;
    let addr = info["listen"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find(|a| a.starts_with("/ip4/"))
        .ok_or_else(|| anyhow::anyhow!("no p2p address in {info}"))?;
    let addr = addr.split("/p2p/").next().unwrap_or(addr);
    Ok((peer_id.to_owned(), addr.to_owned()))
}

/// Creates mallory aimed at `node` and registers it there as peer "FR" (which lets it connect).
async fn mallory_at(http: &reqwest::Client, node: &Node) -> anyhow::Result<(Mallory, String)> {
    let (peer_id, addr) = p2p_of(http, &node.base).await?;
    let (mallory, mallory_id) = Mallory::new(peer_id.parse()?, addr.parse()?)?;
    let body = json!({"administration": "FR", "peer_id": mallory_id, "addresses": ["/ip4/127.0.0.1/tcp/9"]});
    let (status, v) = post(http, format!("{}/api/v1/peers", node.base), &node.admin, body).await?;
    anyhow::ensure!(status == 201, "peer FR: {status} {v}");
    Ok((mallory, mallory_id))
}

/// Every audit entry of the node, page by page.
async fn audit(http: &reqwest::Client, node: &Node) -> anyhow::Result<Vec<Value>> {
    let mut all = Vec::new();
    let mut after = 0;
    loop {
        let url = format!("{}/api/v1/audit?after={after}&limit=1000", node.base);
        let (status, v) = get(http, url, &node.admin).await?;
        anyhow::ensure!(status == 200, "audit: {status} {v}");
        let page = v.as_array().cloned().unwrap_or_default();
        let full = page.len() == 1000;
        if let Some(seq) = page.last().and_then(|e| e["seq"].as_u64()) {
            after = seq;
        }
        all.extend(page);
        if !full {
            return Ok(all);
        }
    }
}

/// Audit entries of `action`, by `actor` if given.
fn count(entries: &[Value], action: &str, actor: Option<&str>) -> usize {
    entries.iter().filter(|e| e["action"] == action && actor.is_none_or(|a| e["actor"] == a)).count()
}

/// `net.bad_message` entries that name `peer_id`.
fn bad_messages_of(entries: &[Value], peer_id: &str) -> usize {
    entries
        .iter()
        .filter(|e| e["action"] == "net.bad_message")
        .filter(|e| e["detail"].as_str().is_some_and(|d| d.contains(peer_id)))
        .count()
}

/// Polls the node's audit until `done` holds; fails listing the audit after `timeout`.
async fn audit_until(
    http: &reqwest::Client,
    node: &Node,
    what: &str,
    timeout: Duration,
    done: impl Fn(&[Value]) -> bool,
) -> anyhow::Result<Vec<Value>> {
    let deadline = Instant::now() + timeout;
    loop {
        let entries = audit(http, node).await?;
        if done(&entries) {
            return Ok(entries);
        }
        if Instant::now() >= deadline {
            let lines: Vec<String> =
                entries.iter().map(|e| format!("{} {} {}", e["actor"], e["action"], e["detail"])).collect();
            anyhow::bail!("after {timeout:?} the audit still lacks {what}:\n{}", lines.join("\n"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_messages_are_refused_without_harming_other_connections() -> anyhow::Result<()> {
    let started = Instant::now();
    let http = reqwest::Client::new();
    let mut processes = Processes(Vec::new());
    let (dir_nl, dir_be) = (tempfile::tempdir()?, tempfile::tempdir()?);
    let nl = start(&http, &mut processes, dir_nl.path(), "NL").await?;
    let be = start(&http, &mut processes, dir_be.path(), "BE").await?;

    // NL and BE know each other and agree on seizures.
    for (from, to, code) in [(&nl, &be, "BE"), (&be, &nl, "NL")] {
        let (peer_id, addr) = p2p_of(&http, &to.base).await?;
        let body = json!({"administration": code, "peer_id": peer_id, "addresses": [addr]});
        let (status, v) = post(&http, format!("{}/api/v1/peers", from.base), &from.admin, body).await?;
        anyhow::ensure!(status == 201, "peer {code}: {status} {v}");
    }
    let proposal = json!({"peer": "BE", "legal_basis": "NL-BE mutual administrative assistance agreement, art. 5",
                          "scope": {"kinds": ["seizures"], "direction": "both"},
                          "valid_from": "2026-01-01", "valid_until": "2099-12-31"});
    let (status, v) = post(&http, format!("{}/api/v1/agreements", nl.base), &nl.admin, proposal).await?;
    anyhow::ensure!(status == 201, "proposal: {status} {v}");
    let id = v["id"].as_str().ok_or_else(|| anyhow::anyhow!("no agreement id in {v}"))?.to_owned();
    wait("the proposal at BE", Duration::from_secs(20), async || {
        let (_, v) = get(&http, format!("{}/api/v1/agreements/{id}", be.base), &be.admin).await?;
        Ok(v["state"] == "proposed")
    })
    .await?;
    let (status, v) =
        post(&http, format!("{}/api/v1/agreements/{id}/accept", be.base), &be.admin, json!({})).await?;
    anyhow::ensure!(status == 200, "accept: {status} {v}");
    wait("the acceptance at NL", Duration::from_secs(20), async || {
        let (_, v) = get(&http, format!("{}/api/v1/agreements/{id}", nl.base), &nl.admin).await?;
        Ok(v["state"] == "active")
    })
    .await?;

    // Mallory, an allowed peer of NL ("FR") without an agreement, starts misbehaving.
    let (mallory, mallory_id) = mallory_at(&http, &nl).await?;
    let (progress_tx, mut progress) = watch::channel(0u32);
    let (stop_mallory, stop_rx) = watch::channel(false);
    let mallory = tokio::spawn(misbehave(mallory, progress_tx, stop_rx));

    // Once mallory has sent a full round of bad messages, and while it keeps sending more, a
    // seizure saved at NL reaches BE.
    let first_round =
        tokio::time::timeout(Duration::from_secs(60), progress.wait_for(|r| *r >= 1)).await?.map(|r| *r);
    if first_round.is_err() {
        mallory.await??;
        anyhow::bail!("mallory stopped before finishing a round");
    }
    let (status, v) =
        post(&http, format!("{}/api/v1/seizures", nl.base), &nl.officer, seizure("NL-2026-000777")).await?;
    anyhow::ensure!(status == 201, "create: {status} {v}");
    let seizure_id = v["id"].as_str().ok_or_else(|| anyhow::anyhow!("no seizure id in {v}"))?.to_owned();
    let created = Instant::now();
    wait("the seizure at BE", Duration::from_secs(10), async || {
        let (status, v) =
            get(&http, format!("{}/api/v1/seizures/{seizure_id}", be.base), &be.officer).await?;
        Ok(status == 200 && v["origin"] == "NL")
    })
    .await?;
    let replicated_in = created.elapsed();
    let rounds_meanwhile = *progress.borrow();
    stop_mallory.send_replace(true);
    let report = mallory.await??;
    eprintln!(
        "mallory: {} rounds of bad messages ({rounds_meanwhile} before the seizure reached BE, in {replicated_in:?}); \
         {} connection(s) opened, {} closed",
        report.rounds, report.established, report.closed
    );
    for (name, outcome) in report.bad.iter().take(4) {
        eprintln!("  {name}: {outcome}");
    }

    // Mallory got nothing for its bad messages, and is refused when it asks properly.
    for (name, outcome) in &report.bad {
        anyhow::ensure!(!outcome.is_entries(), "{name}: mallory got entries");
        anyhow::ensure!(outcome.refused(), "{name}: the node answered with {outcome}");
    }
    anyhow::ensure!(is_no_agreement(&report.first_pull), "first pull: {}", report.first_pull);
    anyhow::ensure!(is_no_agreement(&report.last_pull), "pull after the bad messages: {}", report.last_pull);

    // NL audited the refused pulls.
    let entries = audit_until(&http, &nl, "replication.refused by FR", Duration::from_secs(10), |entries| {
        count(entries, "replication.refused", Some("FR")) >= 2
    })
    .await?;
    eprintln!(
        "NL audit: {} replication.refused by FR, {} net.bad_message naming mallory for {} bad messages",
        count(&entries, "replication.refused", Some("FR")),
        bad_messages_of(&entries, &mallory_id),
        report.bad.len(),
    );

    stop(processes)?;
    eprintln!("test ran in {:?}", started.elapsed());
    Ok(())
}

/// Each bad request is refused with the reason and audited as `net.bad_message` naming the
/// sender (at most once a minute per sender, so that a flood cannot fill the audit log).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_messages_are_audited() -> anyhow::Result<()> {
    let http = reqwest::Client::new();
    let mut processes = Processes(Vec::new());
    let dir = tempfile::tempdir()?;
    let nl = start(&http, &mut processes, dir.path(), "NL").await?;
    let (mut mallory, mallory_id) = mallory_at(&http, &nl).await?;
    let mut sent = 0;
    for (name, bytes) in bad_messages()? {
        let outcome = mallory.exchange(bytes).await?;
        anyhow::ensure!(outcome.refused(), "{name}: the node answered with {outcome}");
        sent += 1;
    }
    anyhow::ensure!(sent == 4);
    let entries =
        audit_until(&http, &nl, "a net.bad_message naming mallory", Duration::from_secs(5), |entries| {
            bad_messages_of(entries, &mallory_id) >= 1
        })
        .await?;
    anyhow::ensure!(
        bad_messages_of(&entries, &mallory_id) == 1,
        "repeated offences within a minute are audited once"
    );
    stop(processes)
}
