//! `partition`: NL and BE reach each other only through proxies; the link is cut, both sides
//! keep recording seizures, the link heals, and both converge on the other's records.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use super::proxy::Proxy;
use super::{Verdict, canonical, fresh, records};
use crate::cluster::wait_until;

pub async fn run(dir: &Path, quick: bool, node_bin: Option<PathBuf>) -> anyhow::Result<Verdict> {
    let (per_side, cut_for) =
        if quick { (20, Duration::from_secs(3)) } else { (500, Duration::from_secs(30)) };
    let mut cluster = fresh(dir, 2, node_bin).await?;
    let hub = &cluster.hub()?.client;
    for n in cluster.nationals() {
        let body = json!({"administration": n.administration(), "peer_id": n.peer_id(), "addresses": [n.p2p_addr()]});
        hub.post_ok("admin", "/api/v1/directory/members", &body).await?;
    }
    let (nl, be) = (cluster.node("NL")?, cluster.node("BE")?);
    let to_be = Proxy::start(be.member.p2p_port).await?;
    let to_nl = Proxy::start(nl.member.p2p_port).await?;
    cluster.agree_via("NL", "BE", &["seizures"], &to_be.address(), &to_nl.address()).await?;

    let mut v = Verdict::default();
    // Before the cut: a record crosses.
    let first = nl.client.post_ok("officer", "/api/v1/seizures", &canonical("NL-P-000000")).await?;
    let first_id = first["id"].as_str().unwrap_or_default().to_owned();
    let crossed = wait_until(Duration::from_secs(20), "the first seizure at BE", || async {
        Ok(records(&be.client, "seizures", "NL").await?.iter().any(|(id, _, _)| *id == first_id))
    })
    .await;
    v.check("before the cut, NL's seizure reaches BE", crossed.is_ok());

    to_be.cut();
    to_nl.cut();
    let cut_at = Instant::now();
    let mut nl_ids = BTreeSet::new();
    let mut be_ids = BTreeSet::new();
    for i in 1..=per_side {
        let a = nl.client.post_ok("officer", "/api/v1/seizures", &canonical(&format!("NL-P-{i:06}"))).await?;
        nl_ids.insert(a["id"].as_str().unwrap_or_default().to_owned());
        let b = be.client.post_ok("officer", "/api/v1/seizures", &canonical(&format!("BE-P-{i:06}"))).await?;
        be_ids.insert(b["id"].as_str().unwrap_or_default().to_owned());
    }
    tokio::time::sleep(cut_for.saturating_sub(cut_at.elapsed())).await;
    let leaked_to_be =
        records(&be.client, "seizures", "NL").await?.iter().filter(|(id, _, _)| nl_ids.contains(id)).count();
    let leaked_to_nl =
        records(&nl.client, "seizures", "BE").await?.iter().filter(|(id, _, _)| be_ids.contains(id)).count();
    v.check(
        format!("during the partition nothing crosses ({leaked_to_be} to BE, {leaked_to_nl} to NL)"),
        leaked_to_be == 0 && leaked_to_nl == 0,
    );
    // Both sides kept working.
    v.check(
        format!("both sides recorded {per_side} seizures while cut off"),
        nl_ids.len() == per_side && be_ids.len() == per_side,
    );

    to_be.heal();
    to_nl.heal();
    let healed = Instant::now();
    let converged = wait_until(Duration::from_secs(90), "convergence after healing", || async {
        let at_be: BTreeSet<String> =
            records(&be.client, "seizures", "NL").await?.into_iter().map(|(id, _, _)| id).collect();
        let at_nl: BTreeSet<String> =
            records(&nl.client, "seizures", "BE").await?.into_iter().map(|(id, _, _)| id).collect();
        Ok(nl_ids.is_subset(&at_be) && be_ids.is_subset(&at_nl))
    })
    .await;
    v.figure(
        "partition",
        format!(
            "{:.1} s, {per_side} seizures written on each side",
            cut_at.elapsed().as_secs_f64() - healed.elapsed().as_secs_f64()
        ),
    );
    v.figure("convergence after healing", format!("{:.2} s", healed.elapsed().as_secs_f64()));
    v.check("after healing, each side holds every seizure the other recorded", converged.is_ok());
    let at_be = records(&be.client, "seizures", "NL").await?;
    let unique: BTreeSet<&String> = at_be.iter().map(|(id, _, _)| id).collect();
    v.check("no duplicates at BE", unique.len() == at_be.len());
    drop((to_be, to_nl));
    cluster.down()?;
    Ok(v)
}
