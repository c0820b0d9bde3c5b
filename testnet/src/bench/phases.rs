//! The measured phases of the bench: ingest, replication and save-to-visible between two
//! nodes; then hub convergence, the hub's search and statistics, and idle memory on a larger
//! federation.

use std::path::Path;
use std::time::{Duration, Instant};

use ncen_protocol::cbor;
use ncen_protocol::model::RecordId;
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use serde_json::{Value, json};

use super::{Figure, Goal, Results, Sizes, limits, postgres};
use crate::client::Client;
use crate::cluster::{Cluster, Plan, wait_until};
use crate::data::Generator;
use crate::scenario::free_base_port;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Uploads `items` to `collection` at `client` over `streams` concurrent streams of batches.
async fn upload_parallel(
    client: &Client,
    collection: &str,
    items: &[Value],
    streams: usize,
) -> anyhow::Result<()> {
    let chunks: Vec<&[Value]> = items.chunks(1000).collect();
    let lanes: Vec<Vec<&[Value]>> =
        (0..streams).map(|s| chunks.iter().skip(s).step_by(streams).copied().collect()).collect();
    let path = format!("/api/v1/{collection}/batch");
    let path = &path;
    let work = lanes.iter().map(|lane| async move {
        for chunk in lane {
            client.post_ok("officer", path, &json!({ "items": chunk })).await?;
        }
        Ok::<(), anyhow::Error>(())
    });
    for r in futures::future::join_all(work).await {
        r?;
    }
    Ok(())
}

/// Ingest at NL, the limits, catch-up replication NL → BE, save-to-visible.
pub async fn ingest_and_replication(
    work: &Path,
    bin: &Path,
    sizes: Sizes,
    results: &mut Results,
) -> anyhow::Result<()> {
    let mut cluster =
        Cluster::up(&work.join("pair"), Plan::new(2, free_base_port(2)?, 11)?, bin.to_owned()).await?;
    let n = sizes.ingest;
    let mut generator = Generator::new(11, "NL");
    let seizures: Vec<_> = (0..n).map(|i| generator.seizure(i)).collect();
    let bodies = seizures.iter().map(serde_json::to_value).collect::<Result<Vec<_>, _>>()?;
    let nl = &cluster.node("NL")?.client;
    let started = Instant::now();
    upload_parallel(nl, "seizures", &bodies, 2).await?;
    let ingest = n as f64 / started.elapsed().as_secs_f64();

    // The same records, signed and stored raw.
    let payloads = seizures
        .iter()
        .map(|s| {
            cbor::to_vec(&SignedRecord {
                format: RECORD_FORMAT,
                id: RecordId::now_v7(),
                kind: RecordKind::Seizure,
                origin: "NL".into(),
                revision: 1,
                issued_at_ms: 1_764_000_000_000,
                body: Some(RecordBody::Seizure(s.clone())),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let kid = ncen_node::identity::peer_id_of(&key.verifying_key());
    let (envelopes, sign) = limits::signing(&key, &kid, &payloads);
    let verify = limits::verification(&key.verifying_key(), &kid, &envelopes);
    let puts = limits::rocksdb_puts(work, &envelopes)?;
    let mean_envelope = envelopes.iter().map(Vec::len).sum::<usize>() as f64 / envelopes.len().max(1) as f64;
    let tcp = limits::loopback_tcp(if sizes.ingest > 10_000 { 512 << 20 } else { 128 << 20 }).await?;

    baseline(work, &seizures, ingest, sizes, results);

    let f = &mut results.figures;
    f.push(
        Figure::new("ingest", "bulk upload at a node (validate, sign, store, index)", ingest, "records/s")
            .goal(Goal::AtLeast(55_000.0))
            .detail(format!("{n} generated seizures in batches of 1,000, 2 streams")),
    );
    f.push(Figure::new(
        "limit_sign",
        "raw Ed25519 COSE signing of the same records, all cores",
        sign,
        "records/s",
    ));
    f.push(Figure::new(
        "limit_rocksdb",
        "raw RocksDB synced batched puts of the same envelopes",
        puts,
        "records/s",
    ));
    f.push(Figure::new("ingest_vs_sign", "ingest ÷ raw signing", ingest / sign, "ratio"));
    f.push(Figure::new("ingest_vs_rocksdb", "ingest ÷ raw RocksDB puts", ingest / puts, "ratio"));

    // Catch-up: BE makes an agreement with NL, which already holds n seizures.
    cluster.agree("NL", "BE", &["seizures"]).await?;
    let started = Instant::now();
    let be = &cluster.node("BE")?.client;
    wait_until(Duration::from_secs(1800), "BE to catch up with NL", || async {
        let peers = be.get_ok("admin", "/api/v1/peers").await?;
        let cursor = peers
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["administration"] == "NL")
            .map(|p| p["cursor"].as_u64().unwrap_or(0));
        Ok(cursor.is_some_and(|c| c >= n))
    })
    .await?;
    let replication = n as f64 / started.elapsed().as_secs_f64();
    let f = &mut results.figures;
    f.push(
        Figure::new(
            "replication",
            "replication node → peer (catch-up over libp2p)",
            replication,
            "records/s",
        )
        .detail(format!(
            "{n} seizures, from the agreement's activation until the peer's cursor reached them"
        )),
    );
    f.push(Figure::new(
        "limit_verify",
        "raw Ed25519 COSE verification of the same records, all cores",
        verify,
        "records/s",
    ));
    f.push(
        Figure::new(
            "replication_vs_verify",
            "replication ÷ the receiver's batch verification rate",
            replication / verify,
            "ratio",
        )
        .goal(Goal::AtLeast(0.5)),
    );
    f.push(
        Figure::new("limit_tcp", "loopback TCP, one connection", tcp / mean_envelope, "envelopes/s")
            .detail(format!("{:.0} MB/s, mean envelope {mean_envelope:.0} bytes", tcp / 1e6)),
    );

    // Save-to-visible: the write at NL until BE answers 200 for the record.
    let mut latencies = Vec::with_capacity(sizes.latency_samples);
    for i in 0..sizes.latency_samples {
        let body = serde_json::to_value(generator.seizure(n + i as u64))?;
        let t0 = Instant::now();
        let created = nl.post_ok("officer", "/api/v1/seizures", &body).await?;
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        loop {
            let (status, _) = be.get("officer", &format!("/api/v1/seizures/{id}")).await?;
            if status == 200 {
                break;
            }
            anyhow::ensure!(t0.elapsed() < Duration::from_secs(60), "a seizure never became visible at BE");
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        latencies.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    latencies.sort_by(f64::total_cmp);
    let f = &mut results.figures;
    f.push(Figure::new("latency_p50", "save-to-visible p50", percentile(&latencies, 0.5), "ms"));
    f.push(
        Figure::new("latency_p99", "save-to-visible p99", percentile(&latencies, 0.99), "ms")
            .goal(Goal::AtMost(250.0))
            .detail(format!("{} samples, from the POST at NL until BE answers 200", latencies.len())),
    );
    results.latencies_ms = latencies;
    cluster.down()?;
    Ok(())
}

/// PostgreSQL with the same seizures, when its server is installed here.
fn baseline(
    work: &Path,
    seizures: &[ncen_protocol::model::Seizure],
    ingest: f64,
    sizes: Sizes,
    results: &mut Results,
) {
    let Some(bin) = postgres::find() else {
        results.not_measured.push("the PostgreSQL baseline: no PostgreSQL server is installed here".into());
        return;
    };
    let run = || -> anyhow::Result<(f64, Vec<f64>, Vec<f64>)> {
        let pg = postgres::Postgres::start(bin, work, free_base_port(0)?)?;
        let rate = pg.ingest(seizures)?;
        let year = time::OffsetDateTime::now_utc().year() - 1;
        let (search, stats) = pg.queries(year, sizes.queries)?;
        Ok((rate, search, stats))
    };
    match run() {
        Ok((rate, search, stats)) => {
            let n = seizures.len();
            let f = &mut results.figures;
            f.push(
                Figure::new(
                    "pg_ingest",
                    "PostgreSQL 15 COPY of the same seizures (JSONB, 3 indexes, nothing validated or signed)",
                    rate,
                    "records/s",
                )
                .detail(format!("{n} records, fsync on")),
            );
            f.push(
                Figure::new("ingest_vs_pg", "our ingest ÷ PostgreSQL COPY", ingest / rate, "ratio")
                    .goal(Goal::AtLeast(1.5)),
            );
            f.push(
                Figure::new(
                    "pg_search_p95",
                    "PostgreSQL full text + commodity + year, top 20 with total, p95",
                    percentile(&search, 0.95),
                    "ms",
                )
                .detail(format!("on {n} records")),
            );
            f.push(
                Figure::new(
                    "pg_statistics_p95",
                    "PostgreSQL commodity × year statistics p95",
                    percentile(&stats, 0.95),
                    "ms",
                )
                .detail(format!("on {n} records")),
            );
        }
        Err(e) => results.not_measured.push(format!("the PostgreSQL baseline: {e:#}")),
    }
}

/// Hub convergence with many nodes, then the hub's search and statistics, then idle memory.
pub async fn hub(work: &Path, bin: &Path, sizes: Sizes, results: &mut Results) -> anyhow::Result<()> {
    let m = sizes.hub_nodes;
    let k = sizes.hub_per_node;
    let mut cluster =
        Cluster::up(&work.join("hub"), Plan::new(m, free_base_port(m)?, 12)?, bin.to_owned()).await?;
    let hub = &cluster.hub()?.client;
    for node in cluster.nationals() {
        let body = json!({"administration": node.administration(), "peer_id": node.peer_id(), "addresses": [node.p2p_addr()]});
        hub.post_ok("admin", "/api/v1/directory/members", &body).await?;
    }
    let mut loads = Vec::new();
    for node in cluster.nationals() {
        let mut g = Generator::new(12, node.administration());
        let items = (0..k).map(|i| serde_json::to_value(g.seizure(i))).collect::<Result<Vec<_>, _>>()?;
        loads.push((&node.client, items));
    }
    let started = Instant::now();
    let uploads = loads.iter().map(|(client, items)| upload_parallel(client, "seizures", items, 1));
    for r in futures::future::join_all(uploads).await {
        r?;
    }
    let written = started.elapsed();
    let expected = m as u64 * k;
    wait_until(Duration::from_secs(1800), "the hub to hold every seizure", || async {
        let v = hub.get_ok("analyst", "/api/v1/cen/seizures?limit=1").await?;
        Ok(v["total"].as_u64().unwrap_or(0) >= expected)
    })
    .await?;
    let converged = started.elapsed();
    let mut figure = Figure::new(
        "hub_convergence",
        format!("hub convergence, {m} nodes × {k} seizures"),
        converged.as_secs_f64(),
        "s",
    )
    .detail(format!(
        "from the first upload; the last upload was acknowledged after {:.1} s",
        written.as_secs_f64()
    ));
    if m >= 50 && k >= 1000 {
        figure = figure.goal(Goal::AtMost(30.0));
    }
    results.figures.push(figure);

    hub_queries(hub, sizes.queries, expected, "", results).await?;
    let member = &cluster.nationals().next().ok_or_else(|| anyhow::anyhow!("no national node"))?.client;
    wait_until(Duration::from_secs(120), "the hub's search index to hold every seizure", || async {
        let v = hub.get_ok("analyst", "/api/v1/global/search?limit=1").await?;
        Ok(v["total"].as_u64().unwrap_or(0) >= expected)
    })
    .await?;
    global_queries(hub, member, sizes.queries, expected, "", results).await?;

    // Idle memory, once everything has settled.
    tokio::time::sleep(Duration::from_secs(if sizes.hub_nodes > 10 { 10 } else { 5 })).await;
    let rss: Vec<f64> = cluster.nodes.iter().filter_map(|n| n.rss_bytes()).map(|b| b as f64 / 1e6).collect();
    let max = rss.iter().copied().fold(0.0, f64::max);
    let mean = rss.iter().sum::<f64>() / rss.len().max(1) as f64;
    results.figures.push(
        Figure::new("idle_rss_max", "idle node resident memory (largest)", max, "MB")
            .goal(Goal::AtMost(60.0))
            .detail(format!("{} nodes, mean {mean:.1} MB", rss.len())),
    );
    cluster.down()?;
    Ok(())
}

/// Times the hub's CEN search (filters and total) and statistics on the `count` records it holds.
async fn hub_queries(
    hub: &Client,
    queries: usize,
    count: u64,
    key_suffix: &str,
    results: &mut Results,
) -> anyhow::Result<()> {
    let year = time::OffsetDateTime::now_utc().year() - 1;
    let mut search = Vec::new();
    for i in 0..queries {
        let commodity = ["DRUGS", "REVENUE", "ENVIRONMENT", "DRUGS.COCAINE"][i % 4];
        let t0 = Instant::now();
        hub.get_ok("analyst", &format!("/api/v1/cen/seizures?commodity={commodity}&year={year}&limit=20"))
            .await?;
        search.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    search.sort_by(f64::total_cmp);
    let mut stats = Vec::new();
    for i in 0..queries.div_ceil(3) {
        let t0 = Instant::now();
        hub.get_ok("analyst", &format!("/api/v1/cen/statistics?year={}", year - (i as i32 % 3))).await?;
        stats.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    stats.sort_by(f64::total_cmp);
    let f = &mut results.figures;
    f.push(
        Figure::new(
            &format!("hub_search_p95{key_suffix}"),
            format!("hub CEN search p95 (commodity + year, top 20 with total), {count} records"),
            percentile(&search, 0.95),
            "ms",
        )
        .goal(Goal::AtMost(10.0))
        .detail(format!("{queries} queries; DESIGN.md's target is for 1 M records")),
    );
    f.push(
        Figure::new(
            &format!("hub_statistics_p95{key_suffix}"),
            format!("hub CEN statistics p95 (one year, every grouping), {count} records"),
            percentile(&stats, 0.95),
            "ms",
        )
        .goal(Goal::AtMost(100.0))
        .detail(format!("{} queries; DESIGN.md's target is for 1 M records", stats.len())),
    );
    Ok(())
}

/// Times the global CEN search (full text + commodity + year, top 20 with total and facets) and
/// statistics, asked at the hub itself and from a member's node through the hub.
async fn global_queries(
    hub: &Client,
    member: &Client,
    queries: usize,
    count: u64,
    key_suffix: &str,
    results: &mut Results,
) -> anyhow::Result<()> {
    let year = time::OffsetDateTime::now_utc().year() - 1;
    for (at, client) in [("hub", hub), ("member", member)] {
        let mut search = Vec::new();
        for i in 0..queries {
            let commodity = ["DRUGS", "REVENUE", "ENVIRONMENT", "DRUGS.COCAINE"][i % 4];
            let word = ["container", "compartment", "baggage", "goods"][i % 4];
            let t0 = Instant::now();
            client
                .get_ok(
                    "analyst",
                    &format!("/api/v1/global/search?q={word}&commodity={commodity}&year={year}&limit=20"),
                )
                .await?;
            search.push(t0.elapsed().as_secs_f64() * 1e3);
        }
        search.sort_by(f64::total_cmp);
        let mut stats = Vec::new();
        for i in 0..queries.div_ceil(3) {
            let t0 = Instant::now();
            client
                .get_ok("analyst", &format!("/api/v1/global/statistics?year={}", year - (i as i32 % 3)))
                .await?;
            stats.push(t0.elapsed().as_secs_f64() * 1e3);
        }
        stats.sort_by(f64::total_cmp);
        let through = if at == "hub" { "at the hub" } else { "from a member's node through the hub" };
        results.figures.push(
            Figure::new(
                &format!("global_search_{at}_p95{key_suffix}"),
                format!("global CEN search p95 {through} (words + commodity + year, top 20, total, facets), {count} records"),
                percentile(&search, 0.95),
                "ms",
            )
            .goal(Goal::AtMost(10.0))
            .detail(format!("{queries} queries, p50 {:.1} ms; DESIGN.md's target is for 1 M records", percentile(&search, 0.5))),
        );
        results.figures.push(
            Figure::new(
                &format!("global_statistics_{at}_p95{key_suffix}"),
                format!("global CEN statistics p95 {through} (one year, every facet, quantities, regions by year), {count} records"),
                percentile(&stats, 0.95),
                "ms",
            )
            .goal(Goal::AtMost(100.0))
            .detail(format!("{} queries, p50 {:.1} ms", stats.len(), percentile(&stats, 0.5))),
        );
    }
    Ok(())
}

/// Many seizures at the hub (1 M in the full run), generated and uploaded in batches, then the
/// hub's search and statistics on them.
pub async fn scale(work: &Path, bin: &Path, sizes: Sizes, results: &mut Results) -> anyhow::Result<()> {
    let (m, k) = (sizes.scale_nodes, sizes.scale_per_node);
    let mut cluster =
        Cluster::up(&work.join("scale"), Plan::new(m, free_base_port(m)?, 13)?, bin.to_owned()).await?;
    let hub = &cluster.hub()?.client;
    for node in cluster.nationals() {
        let body = json!({"administration": node.administration(), "peer_id": node.peer_id(), "addresses": [node.p2p_addr()]});
        hub.post_ok("admin", "/api/v1/directory/members", &body).await?;
    }
    let started = Instant::now();
    let loads = cluster.nationals().map(|node| async move {
        let mut g = Generator::new(13, node.administration());
        let mut n = 0;
        while n < k {
            let end = (n + 1000).min(k);
            let items =
                (n..end).map(|i| serde_json::to_value(g.seizure(i))).collect::<Result<Vec<_>, _>>()?;
            node.client.post_ok("officer", "/api/v1/seizures/batch", &json!({ "items": items })).await?;
            n = end;
        }
        Ok::<(), anyhow::Error>(())
    });
    for r in futures::future::join_all(loads).await {
        r?;
    }
    let expected = m as u64 * k;
    // The hub's cursors on its members are cheap to read, unlike a count over a million records.
    wait_until(Duration::from_secs(3600), "the hub to hold every seizure", || async {
        let peers = hub.get_ok("admin", "/api/v1/peers").await?;
        let pulled: u64 = peers.as_array().into_iter().flatten().filter_map(|p| p["cursor"].as_u64()).sum();
        Ok(pulled >= expected)
    })
    .await?;
    let held = hub.get_ok("analyst", "/api/v1/cen/seizures?limit=1").await?["total"].as_u64().unwrap_or(0);
    anyhow::ensure!(held == expected, "the hub holds {held} seizures, not {expected}");
    results.figures.push(
        Figure::new(
            "scale_load",
            format!("{m} nodes × {k} seizures uploaded and at the hub"),
            started.elapsed().as_secs_f64(),
            "s",
        )
        .detail(format!("{expected} seizures")),
    );
    hub_queries(hub, (sizes.queries / 5).max(5), expected, "_scale", results).await?;
    let member = &cluster.nationals().next().ok_or_else(|| anyhow::anyhow!("no national node"))?.client;
    wait_until(Duration::from_secs(600), "the hub's search index to hold every seizure", || async {
        let v = hub.get_ok("analyst", "/api/v1/global/search?limit=1").await?;
        Ok(v["total"].as_u64().unwrap_or(0) >= expected)
    })
    .await?;
    global_queries(hub, member, (sizes.queries / 5).max(5), expected, "_scale", results).await?;
    cluster.down()?;
    Ok(())
}
