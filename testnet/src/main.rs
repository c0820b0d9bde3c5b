//! `ncen-testnet`: a local nCEN federation in one command, its synthetic data, fault scenarios
//! and benchmarks.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use ncen_testnet::bench::{self, BenchOptions};
use ncen_testnet::scenario::{self, ScenarioOptions};
use ncen_testnet::up::{self, UpOptions};

#[derive(Debug, Parser)]
#[command(name = "ncen-testnet", version, about = "A local nCEN federation: demo, scenarios, benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start (or resume) a local federation: the WCO hub and N national nodes as real processes,
    /// federated, with realistic data. Ctrl-C stops every node.
    Up {
        /// National nodes besides the hub (1 to 50).
        #[arg(long, default_value_t = 3)]
        nodes: usize,
        /// Where the nodes keep their keys, stores, configuration and logs.
        #[arg(long, default_value = "./ncen-federation")]
        dir: PathBuf,
        /// HTTP port of the hub; node i listens on base + i (HTTP) and base + 500 + i (libp2p).
        #[arg(long, default_value_t = 8080)]
        base_port: u16,
        /// Seed of the synthetic data (the same seed gives the same records).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Seizures generated per national node (and a tenth as many suspects and companies).
        #[arg(long, default_value_t = 300)]
        records: u64,
        /// The ncen-node binary (default: beside this program, or NCEN_NODE_BIN).
        #[arg(long)]
        node_bin: Option<PathBuf>,
    },
    /// Run a fault scenario on a fresh federation; prints a verdict and figures, exits 1 on failure.
    Scenario {
        #[arg(value_enum)]
        name: scenario::Name,
        /// The short form (seconds; what CI runs) instead of the long one.
        #[arg(long)]
        quick: bool,
        /// Keep the federation in DIR (default: a temporary directory, removed afterwards).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        node_bin: Option<PathBuf>,
    },
    /// Measure DESIGN.md's targets; writes results.json, results.md and SVG charts to --out.
    Bench {
        /// The short form (what CI runs).
        #[arg(long)]
        quick: bool,
        #[arg(long, default_value = "bench")]
        out: PathBuf,
        #[arg(long)]
        node_bin: Option<PathBuf>,
        /// Only draw results.md and the charts again from the results.json in --out.
        #[arg(long)]
        replot: bool,
    },
    /// Write synthetic data as upload templates (XLSX and CSV) and photos, without any node.
    Data {
        #[arg(long, default_value = "testnet-data")]
        out: PathBuf,
        #[arg(long, default_value = "NL")]
        administration: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 1000)]
        seizures: u64,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = tokio::runtime::Runtime::new().map_err(anyhow::Error::from).and_then(|runtime| {
        runtime.block_on(async {
            match cli.command {
                Command::Up { nodes, dir, base_port, seed, records, node_bin } => {
                    up::run(UpOptions { nodes, dir, base_port, seed, records, node_bin }).await.map(|()| true)
                }
                Command::Scenario { name, quick, dir, node_bin } => {
                    scenario::run(ScenarioOptions { name, quick, dir, node_bin }).await
                }
                Command::Bench { replot: true, out, .. } => bench::replot(&out).map(|()| true),
                Command::Bench { quick, out, node_bin, replot: false } => {
                    bench::run(BenchOptions { quick, out, node_bin }).await.map(|()| true)
                }
                Command::Data { out, administration, seed, seizures } => {
                    ncen_testnet::export::export(&out, &administration, seed, seizures).map(|()| true)
                }
            }
        })
    });
    match result {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
