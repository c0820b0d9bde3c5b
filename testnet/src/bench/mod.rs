//! `ncen-testnet bench`: DESIGN.md's targets measured on real `ncen-node` processes, each figure
//! next to its target and to a limit measured in the same run (raw signing, verification and
//! RocksDB puts of the same records, loopback TCP). Writes `results.json`, `results.md` and SVG
//! charts.

mod limits;
mod phases;
mod postgres;
mod report;

use std::path::PathBuf;
use std::time::Instant;

use serde::{Deserialize, Serialize};

/// Options of `bench`.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub quick: bool,
    pub out: PathBuf,
    pub node_bin: Option<PathBuf>,
}

/// Sizes of one run.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Sizes {
    /// Seizures uploaded to one node for the ingest and replication figures.
    pub ingest: u64,
    /// Save-to-visible samples.
    pub latency_samples: usize,
    /// Nodes and seizures per node of the hub convergence figure.
    pub hub_nodes: usize,
    pub hub_per_node: u64,
    /// Queries timed for search and statistics.
    pub queries: usize,
    /// Nodes and seizures per node of the search and statistics figures at scale.
    pub scale_nodes: usize,
    pub scale_per_node: u64,
}

impl Sizes {
    pub fn of(quick: bool) -> Sizes {
        if quick {
            Sizes {
                ingest: 3_000,
                latency_samples: 30,
                hub_nodes: 4,
                hub_per_node: 250,
                queries: 15,
                scale_nodes: 2,
                scale_per_node: 2_000,
            }
        } else {
            Sizes {
                ingest: 100_000,
                latency_samples: 200,
                hub_nodes: 50,
                hub_per_node: 1_000,
                queries: 50,
                scale_nodes: 10,
                scale_per_node: 100_000,
            }
        }
    }
}

/// How a figure compares with its target.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    AtLeast(f64),
    AtMost(f64),
}

/// One measured figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figure {
    pub key: String,
    pub what: String,
    pub value: f64,
    pub unit: String,
    pub goal: Option<Goal>,
    pub detail: String,
}

impl Figure {
    pub fn new(key: &str, what: impl Into<String>, value: f64, unit: &str) -> Figure {
        Figure {
            key: key.into(),
            what: what.into(),
            value,
            unit: unit.into(),
            goal: None,
            detail: String::new(),
        }
    }

    pub fn goal(mut self, goal: Goal) -> Figure {
        self.goal = Some(goal);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Figure {
        self.detail = detail.into();
        self
    }

    /// Whether the target is met (None without a target).
    pub fn met(&self) -> Option<bool> {
        self.goal.map(|g| match g {
            Goal::AtLeast(t) => self.value >= t,
            Goal::AtMost(t) => self.value <= t,
        })
    }

    /// Value ÷ target for "at least", target ÷ value for "at most": above 1 is better.
    pub fn margin(&self) -> Option<f64> {
        self.goal.map(|g| match g {
            Goal::AtLeast(t) => self.value / t,
            Goal::AtMost(t) => t / self.value.max(f64::MIN_POSITIVE),
        })
    }
}

/// Everything a run found.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Results {
    pub quick: bool,
    pub sizes: Sizes,
    pub node_binary: String,
    pub cores: usize,
    pub started_at: String,
    pub seconds: f64,
    pub figures: Vec<Figure>,
    /// Save-to-visible samples in milliseconds, sorted (for the chart).
    pub latencies_ms: Vec<f64>,
    /// What could not be measured, and why.
    pub not_measured: Vec<String>,
}

/// Draws `results.md` and the charts again from the `results.json` in `out`.
pub fn replot(out: &std::path::Path) -> anyhow::Result<()> {
    let path = out.join("results.json");
    let text =
        std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let results: Results = serde_json::from_str(&text)?;
    report::write(out, &results)
}

pub async fn run(opts: BenchOptions) -> anyhow::Result<()> {
    let bin = crate::cluster::node_binary(opts.node_bin.clone())?;
    let sizes = Sizes::of(opts.quick);
    let started = Instant::now();
    let work = tempfile::tempdir()?;
    let mut results = Results {
        quick: opts.quick,
        sizes,
        node_binary: bin.display().to_string(),
        cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        started_at: time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        seconds: 0.0,
        figures: Vec::new(),
        latencies_ms: Vec::new(),
        not_measured: Vec::new(),
    };
    eprintln!("bench ({}): ingest and replication ...", if opts.quick { "quick" } else { "full" });
    phases::ingest_and_replication(work.path(), &bin, sizes, &mut results).await?;
    eprintln!("bench: hub convergence, search, statistics, memory ...");
    phases::hub(work.path(), &bin, sizes, &mut results).await?;
    eprintln!("bench: search and statistics at scale ...");
    phases::scale(work.path(), &bin, sizes, &mut results).await?;
    results.not_measured.push(
        "national full-text search (p95 ≤ 10 ms at 1 M records): the node has no full-text search yet; \
         the search figures are the hub's CEN search (filters and total, no full text)"
            .into(),
    );
    results.seconds = started.elapsed().as_secs_f64();
    report::write(&opts.out, &results)?;
    println!("{}", report::markdown(&results));
    eprintln!("bench: results in {}", opts.out.display());
    Ok(())
}
