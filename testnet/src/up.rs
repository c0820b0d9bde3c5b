//! `ncen-testnet up`: creates (or resumes) the local federation, federates it, loads its data,
//! prints where everything is, and stops every node cleanly on Ctrl-C.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::client::DEMO_PASSWORD;
use crate::cluster::{Cluster, Plan, node_binary};
use crate::load;

/// Options of `up`.
#[derive(Debug, Clone)]
pub struct UpOptions {
    pub nodes: usize,
    pub dir: PathBuf,
    pub base_port: u16,
    pub seed: u64,
    pub records: u64,
    pub node_bin: Option<PathBuf>,
}

/// Starts the federation and returns it running (the caller decides when to stop it).
pub async fn start(opts: &UpOptions) -> anyhow::Result<Cluster> {
    let bin = node_binary(opts.node_bin.clone())?;
    let plan = match Plan::load(&opts.dir)? {
        Some(plan) => {
            let nationals = plan.members.iter().filter(|m| !m.hub).count();
            if nationals != opts.nodes || plan.base_port != opts.base_port || plan.seed != opts.seed {
                eprintln!(
                    "Resuming the federation in {} as it was created ({nationals} nodes, base port {}, seed {}).",
                    opts.dir.display(),
                    plan.base_port,
                    plan.seed
                );
            }
            plan
        }
        None => Plan::new(opts.nodes, opts.base_port, opts.seed)?,
    };
    let started = Instant::now();
    eprintln!("Starting {} nodes in {} ...", plan.members.len(), opts.dir.display());
    let cluster = Cluster::up(&opts.dir, plan, bin).await?;
    eprintln!("Federating: directory, peers, agreements ...");
    cluster.federate().await?;
    if opts.records > 0 {
        eprintln!("Loading {} seizures, suspects and companies per node ...", opts.records);
        load::load(&cluster, opts.records, |line| eprintln!("  {line}")).await?;
        eprintln!(
            "Members without a node ({}): the hub uploads their seizures ...",
            crate::members::WITHOUT_NODE.join(", ")
        );
        let dir = opts.dir.join("uploads");
        if let Err(e) =
            crate::members::upload(&cluster, &dir, opts.seed, opts.records / 2, |line| eprintln!("  {line}"))
                .await
        {
            eprintln!("  not uploaded: {e:#}");
        }
    }
    eprintln!("CENcomm: a demonstration operation between the national nodes ...");
    if let Err(e) = crate::operation::demo(&cluster).await {
        eprintln!("  not created: {e:#}");
    }
    eprintln!("Publications, library and forum at the hub ...");
    if let Err(e) = crate::publications::demo(&cluster).await {
        eprintln!("  not published: {e:#}");
    }
    eprintln!("Ready in {:.1} s.", started.elapsed().as_secs_f64());
    Ok(cluster)
}

/// The table of nodes a newcomer needs.
pub fn table(cluster: &Cluster) -> String {
    let mut out = String::new();
    out.push_str(&format!("{:<5} {:<9} {:<24} {:<34} {:<52}\n", "admin", "role", "web UI", "API", "PeerId"));
    for n in &cluster.nodes {
        let role = if n.member.hub { "WCO hub" } else { "national" };
        out.push_str(&format!(
            "{:<5} {:<9} {:<24} {:<34} {:<52}\n",
            n.administration(),
            role,
            format!("{}/", n.client.base),
            format!("{}/api/v1", n.client.base),
            n.peer_id()
        ));
    }
    out.push_str(&format!(
        "\nLogin on any node: admin, ncp, supervisor, officer, analyst or auditor, password \"{DEMO_PASSWORD}\".\n"
    ));
    out.push_str(&format!(
        "Agreements: {}.\n",
        cluster.plan.agreements().iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>().join(", ")
    ));
    out.push_str(&format!(
        "Logs: {}/<administration>/node.log. Ctrl-C stops every node.\n",
        cluster.dir.display()
    ));
    out
}

/// `up`: start, print, wait for Ctrl-C, stop.
pub async fn run(opts: UpOptions) -> anyhow::Result<()> {
    // Listen for Ctrl-C and SIGTERM before anything starts, so that no signal can end this
    // program without stopping the nodes it started.
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut cluster = start(&opts).await?;
    // Printing must not fail the federation: stdout may be a pipe whose reader went away.
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "\n{}", table(&cluster)).and_then(|()| stdout.flush()).is_err() {
        eprintln!("(the table could not be printed: stdout is closed)");
    }
    drop(stdout);
    tokio::select! {
        _ = interrupt.recv() => {}
        _ = terminate.recv() => {}
    }
    eprintln!("Stopping ...");
    cluster.down()?;
    eprintln!("Stopped. `ncen-testnet up --dir {}` resumes this federation.", opts.dir.display());
    Ok(())
}
