//! Replication figures against DESIGN.md's targets, on real nodes over real libp2p connections
//! on this machine: catch-up throughput of a new peer (records/s, compared with the receiver's
//! batch signature-verification rate on all cores) and save-to-visible latency (p50/p95/p99).
//! Run with `cargo bench --workspace --bench replication` (NCEN_BENCH_RECORDS, default 20000;
//! NCEN_BENCH_SAMPLES, default 200).

use std::time::{Duration, Instant};

use ncen_config::Config;
use ncen_node::app::{self, Opened};
use ncen_node::federation::engine::Engine;
use ncen_node::federation::peers::Peer;
use ncen_node::identity::NodeRole;
use ncen_node::records::Records;
use ncen_protocol::agreement::{ActKind, Direction, Scope};
use ncen_protocol::codelists::Catalog;
use ncen_protocol::envelope;
use ncen_protocol::model::RecordId;
use ncen_protocol::record::{RecordBody, RecordKind};

type Result<T> = anyhow::Result<T>;

struct Node {
    _dir: tempfile::TempDir,
    opened: Opened,
    engine: Engine,
    records: Records,
}

async fn node(administration: &str) -> Result<Node> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    app::init(&data, administration, NodeRole::National)?;
    let opened = app::open(&data)?;
    let mut config = Config::default();
    config.node.data_dir = data;
    config.p2p.listen = vec!["/ip4/127.0.0.1/tcp/0".into()];
    let engine = app::start_federation(&opened, &config).await?;
    let records =
        Records::new(opened.journal.clone(), opened.identity.clone(), administration, Catalog::builtin());
    Ok(Node { _dir: dir, opened, engine, records })
}

async fn peer_of(n: &Node) -> Result<Peer> {
    let listen = n.engine.net.status().await?.listen;
    Ok(Peer {
        administration: n.opened.info.administration.clone(),
        peer_id: n.opened.info.peer_id.clone(),
        addresses: listen,
    })
}

/// Registers both nodes with each other and makes an active agreement on seizures.
async fn agree(a: &Node, b: &Node) -> Result<()> {
    let (pa, pb) = (peer_of(a).await?, peer_of(b).await?);
    a.engine.fed.peers.put("bench", &pb)?;
    b.engine.fed.peers.put("bench", &pa)?;
    a.engine.sync_network().await;
    b.engine.sync_network().await;
    let scope = Scope { kinds: vec![RecordKind::Seizure], direction: Direction::Both, commodities: vec![] };
    let (_, v) = a.engine.fed.agreements.propose(
        "bench",
        &pb,
        "bench agreement, art. 1",
        scope,
        "2026-01-01",
        None,
    )?;
    let id = v.terms.id;
    let deadline = Instant::now() + Duration::from_secs(20);
    while b.engine.fed.agreements.get(id).is_err() {
        anyhow::ensure!(Instant::now() < deadline, "the proposal did not arrive");
        a.engine.deliver_agreements().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    b.engine.fed.agreements.act("bench", id, ActKind::Accept, None)?;
    while a.engine.fed.agreements.active_with(&b.opened.info.administration)?.is_empty() {
        anyhow::ensure!(Instant::now() < deadline, "the acceptance did not arrive");
        b.engine.deliver_agreements().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}

fn seizure(reference: String) -> Result<RecordBody> {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/fixtures/canonical-seizure.json"))?;
    value["national_reference"] = serde_json::json!(reference);
    Ok(RecordBody::Seizure(serde_json::from_value(value)?))
}

fn visible(n: &Node, id: RecordId) -> bool {
    n.records.head(RecordKind::Seizure, id).ok().flatten().is_some()
}

/// Envelopes verified per second on every core, as the receiver checks them.
fn verification_rate(envelopes: &[Vec<u8>], key: &ed25519_dalek::VerifyingKey, kid: &str) -> f64 {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let chunk = envelopes.len().div_ceil(threads);
    let started = Instant::now();
    std::thread::scope(|s| {
        for part in envelopes.chunks(chunk) {
            s.spawn(move || {
                for e in part {
                    if envelope::verify_from(e, key, kid.as_bytes(), 1 << 20).is_err() {
                        eprintln!("an envelope did not verify");
                    }
                }
            });
        }
    });
    envelopes.len() as f64 / started.elapsed().as_secs_f64()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

async fn run() -> Result<()> {
    let total: usize =
        std::env::var("NCEN_BENCH_RECORDS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let samples: usize = std::env::var("NCEN_BENCH_SAMPLES").ok().and_then(|v| v.parse().ok()).unwrap_or(200);

    // Catch-up: A holds `total` seizures before C makes an agreement with it.
    let a = node("NL").await?;
    let mut written = 0;
    while written < total {
        let n = (total - written).min(1000);
        let bodies =
            (0..n).map(|i| seizure(format!("NL-BENCH-{}", written + i))).collect::<Result<Vec<_>>>()?;
        a.records.create_batch("bench", RecordKind::Seizure, bodies)?;
        written += n;
    }
    let c = node("DE").await?;
    let started = Instant::now();
    agree(&a, &c).await?;
    let agreed = started.elapsed();
    let head = a.records.logged();
    let deadline = Instant::now() + Duration::from_secs(600);
    while c.engine.fed.cursor("NL")? < head {
        anyhow::ensure!(Instant::now() < deadline, "catch-up did not finish");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let catch_up = started.elapsed() - agreed;
    let rate = total as f64 / catch_up.as_secs_f64();

    // The receiver's batch verification rate over the same envelopes.
    let mut envelopes = Vec::with_capacity(total.min(20_000));
    let page = a
        .records
        .list(RecordKind::Seizure, &ncen_node::records::ListQuery { limit: 500, ..Default::default() })?;
    for item in &page.items {
        envelopes.push(a.records.signed(RecordKind::Seizure, item.id)?);
    }
    while envelopes.len() < 20_000 {
        let again = envelopes.clone();
        envelopes.extend(again);
    }
    let key = a.opened.identity.verifying_key();
    let verify = verification_rate(&envelopes, &key, a.opened.identity.peer_id());

    // Save-to-visible: one seizure at a time, from the synced write at A to its head at B.
    let b = node("BE").await?;
    agree(&a, &b).await?;
    let deadline = Instant::now() + Duration::from_secs(600);
    while b.engine.fed.cursor("NL")? < a.records.logged() {
        anyhow::ensure!(Instant::now() < deadline, "B did not catch up");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut latencies = Vec::with_capacity(samples);
    for i in 0..samples {
        let t0 = Instant::now();
        let view = a.records.create("bench", seizure(format!("NL-LAT-{i}"))?)?;
        while !visible(&b, view.id) {
            anyhow::ensure!(t0.elapsed() < Duration::from_secs(30), "a seizure never became visible");
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        latencies.push(t0.elapsed());
    }
    latencies.sort();

    println!("replication, {} cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    println!(
        "  catch-up of {total} seizures by a new peer: {:.2} s, {rate:.0} records/s",
        catch_up.as_secs_f64()
    );
    println!("  receiver's batch signature verification:   {verify:.0} envelopes/s");
    println!("  ratio (target ≥ 0.5):                        {:.2}", rate / verify);
    println!(
        "  save-to-visible over {samples} seizures: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms (target p99 < 250 ms)",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
    );
    for n in [&a, &b, &c] {
        n.engine.shutdown().await;
    }
    Ok(())
}

fn main() -> Result<()> {
    // `cargo bench` passes `--bench`; under `cargo test --benches` there is nothing to measure.
    if !std::env::args().any(|a| a == "--bench") {
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}
