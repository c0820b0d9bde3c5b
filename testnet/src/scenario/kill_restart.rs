//! `kill-restart`: seizures are written at NL without pause while NL, BE (its agreement partner)
//! and the hub are killed with SIGKILL at random and restarted. Afterwards every acknowledged
//! seizure exists exactly once at NL, at BE, and as a projection at the hub.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::RngExt;

use super::ingest::Ingest;
use super::{Verdict, cen_ids, fresh, records};
use crate::cluster::wait_until;

pub async fn run(dir: &Path, quick: bool, node_bin: Option<PathBuf>) -> anyhow::Result<Verdict> {
    let (kills, pause) = if quick { (3, Duration::from_millis(1500)) } else { (20, Duration::from_secs(3)) };
    let mut cluster = fresh(dir, 2, node_bin).await?;
    cluster.federate().await?;
    let nl_base = cluster.node("NL")?.client.base.clone();
    let ingest = Ingest::start(nl_base, "NL-KILL".into());
    let started = Instant::now();
    let mut rng = rand::rng();
    let mut killed = Vec::new();
    for _ in 0..kills {
        tokio::time::sleep(pause).await;
        let victim = ["NL", "BE", "WCO"][rng.random_range(0..3)];
        cluster.node_mut(victim)?.kill()?;
        killed.push(victim);
        tokio::time::sleep(Duration::from_millis(rng.random_range(100..600))).await;
        cluster.restart(victim).await?;
    }
    tokio::time::sleep(pause).await;
    let (acked, failures) = ingest.stop().await?;
    let ingest_time = started.elapsed();

    let mut v = Verdict::default();
    v.figure("kills (SIGKILL)", format!("{} ({})", killed.len(), killed.join(", ")));
    v.figure("seizures acknowledged at NL", acked.len());
    v.figure("writes refused while NL was down", failures);
    v.figure("ingest time", format!("{:.1} s", ingest_time.as_secs_f64()));

    let nl = &cluster.node("NL")?.client;
    let at_nl = records(nl, "seizures", "NL").await?;
    let refs: Vec<&String> = at_nl.iter().map(|(_, r, _)| r).collect();
    let unique_refs: BTreeSet<&String> = refs.iter().copied().collect();
    let acked_set: BTreeSet<&String> = acked.iter().collect();
    let missing = acked_set.difference(&unique_refs).count();
    v.check(format!("every acknowledged seizure is at NL ({missing} missing)"), missing == 0);
    v.check("no national reference twice at NL", unique_refs.len() == refs.len());

    let nl_ids: BTreeSet<String> = at_nl.iter().map(|(id, _, _)| id.clone()).collect();
    let converge = Instant::now();
    let be = &cluster.node("BE")?.client;
    let hub = &cluster.hub()?.client;
    let converged = wait_until(Duration::from_secs(90), "BE and the hub to converge", || async {
        let at_be: BTreeSet<String> =
            records(be, "seizures", "NL").await?.into_iter().map(|(id, _, _)| id).collect();
        let at_hub: BTreeSet<String> = cen_ids(hub, "NL").await?.into_iter().collect();
        Ok(at_be == nl_ids && at_hub == nl_ids)
    })
    .await;
    v.figure("convergence after the last restart", format!("{:.1} s", converge.elapsed().as_secs_f64()));
    let at_be = records(be, "seizures", "NL").await?;
    let be_ids: BTreeSet<String> = at_be.iter().map(|(id, _, _)| id.clone()).collect();
    let hub_list = cen_ids(hub, "NL").await?;
    let hub_ids: BTreeSet<String> = hub_list.iter().cloned().collect();
    v.check(
        format!("BE holds exactly NL's {} seizures (holds {})", nl_ids.len(), be_ids.len()),
        be_ids == nl_ids,
    );
    v.check("no seizure twice at BE", at_be.len() == be_ids.len());
    v.check(format!("the hub holds exactly NL's seizures (holds {})", hub_ids.len()), hub_ids == nl_ids);
    v.check("no seizure twice at the hub", hub_list.len() == hub_ids.len());
    if let Err(e) = converged {
        v.check(format!("convergence: {e}"), false);
    }
    cluster.down()?;
    Ok(v)
}
