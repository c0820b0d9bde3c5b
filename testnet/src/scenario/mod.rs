//! `ncen-testnet scenario`: fault scenarios on a fresh local federation, each ending with a
//! verdict and its figures.

mod hostile;
mod ingest;
mod kill_restart;
mod partition;
mod privacy;
mod proxy;
mod raw;
mod revoke;

use std::path::{Path, PathBuf};

use rand::RngExt;

use crate::cluster::{Cluster, Plan, node_binary};

/// The scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Name {
    /// kill -9 nodes during ingest, restart them: every acknowledged record exists once everywhere it should.
    KillRestart,
    /// Cut two nodes apart, write on both sides, heal: they converge.
    Partition,
    /// Revoke an agreement mid-stream: nothing saved after crosses.
    Revoke,
    /// A peer that serves forged, replayed, out-of-scope entries and sends malformed and oversized messages.
    HostilePeer,
    /// Canary names in every nominal field: the hub never shows them.
    Privacy,
}

/// Options of `scenario`.
#[derive(Debug, Clone)]
pub struct ScenarioOptions {
    pub name: Name,
    pub quick: bool,
    pub dir: Option<PathBuf>,
    pub node_bin: Option<PathBuf>,
}

/// What a scenario found: its checks and its figures.
#[derive(Debug, Default)]
pub struct Verdict {
    pub checks: Vec<(String, bool)>,
    pub figures: Vec<(String, String)>,
}

impl Verdict {
    pub fn check(&mut self, what: impl Into<String>, ok: bool) {
        self.checks.push((what.into(), ok));
    }

    pub fn figure(&mut self, what: impl Into<String>, value: impl std::fmt::Display) {
        self.figures.push((what.into(), value.to_string()));
    }

    pub fn passed(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|(_, ok)| *ok)
    }

    pub fn print(&self, name: Name) {
        println!("scenario {name:?}");
        for (what, value) in &self.figures {
            println!("  {what}: {value}");
        }
        for (what, ok) in &self.checks {
            println!("  [{}] {what}", if *ok { "pass" } else { "FAIL" });
        }
        println!("verdict: {}", if self.passed() { "PASS" } else { "FAIL" });
    }
}

/// A base port whose HTTP and libp2p ranges for `nodes` nodes are free now.
pub fn free_base_port(nodes: usize) -> anyhow::Result<u16> {
    let mut rng = rand::rng();
    let span = u16::try_from(nodes + 1)?;
    for _ in 0..200 {
        let base: u16 = rng.random_range(20_000..60_000);
        let free = (0..span).all(|i| {
            std::net::TcpListener::bind(("127.0.0.1", base + i)).is_ok()
                && std::net::TcpListener::bind(("127.0.0.1", base + 500 + i)).is_ok()
        });
        if free {
            return Ok(base);
        }
    }
    anyhow::bail!("no free port range found")
}

/// Starts a fresh federation of `nodes` national nodes in `dir` (not federated yet).
pub async fn fresh(dir: &Path, nodes: usize, node_bin: Option<PathBuf>) -> anyhow::Result<Cluster> {
    let plan = Plan::new(nodes, free_base_port(nodes)?, 7)?;
    Cluster::up(dir, plan, node_binary(node_bin)?).await
}

/// Runs a scenario; `Ok(true)` when it passed.
pub async fn run(opts: ScenarioOptions) -> anyhow::Result<bool> {
    let temp;
    let dir = match &opts.dir {
        Some(d) => d.clone(),
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_owned()
        }
    };
    let verdict = match opts.name {
        Name::KillRestart => kill_restart::run(&dir, opts.quick, opts.node_bin.clone()).await?,
        Name::Partition => partition::run(&dir, opts.quick, opts.node_bin.clone()).await?,
        Name::Revoke => revoke::run(&dir, opts.quick, opts.node_bin.clone()).await?,
        Name::HostilePeer => hostile::run(&dir, opts.quick, opts.node_bin.clone()).await?,
        Name::Privacy => privacy::run(&dir, opts.quick, opts.node_bin.clone()).await?,
    };
    verdict.print(opts.name);
    Ok(verdict.passed())
}

/// Every record of `collection` from `origin` at `client`: (id, national reference, issued_at).
pub async fn records(
    client: &crate::client::Client,
    collection: &str,
    origin: &str,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let items =
        client.all_pages("officer", &format!("/api/v1/{collection}?origin={origin}&limit=500")).await?;
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    Ok(items
        .iter()
        .map(|i| (text(&i["id"]), text(&i["data"]["national_reference"]), text(&i["issued_at"])))
        .collect())
}

/// Ids of the hub's CEN records from `origin`, through every page.
pub async fn cen_ids(hub: &crate::client::Client, origin: &str) -> anyhow::Result<Vec<String>> {
    let items = hub.all_pages("analyst", &format!("/api/v1/cen/seizures?origin={origin}&limit=500")).await?;
    Ok(items.iter().map(|i| i["id"].as_str().unwrap_or_default().to_owned()).collect())
}

/// The canonical seizure of DESIGN.md with the given national reference.
pub fn canonical(reference: &str) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/canonical-seizure.json"))
            .unwrap_or_default();
    v["national_reference"] = serde_json::json!(reference);
    v
}
