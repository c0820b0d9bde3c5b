//! `revoke`: NL records seizures without pause under an agreement with BE; half-way BE revokes
//! it. No seizure NL saved after the revocation may be at BE; the ones saved well before it are.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;

use super::ingest::Ingest;
use super::{Verdict, fresh, records};

fn ms_of(rfc3339: &str) -> Option<i128> {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339).ok()?;
    Some(t.unix_timestamp_nanos() / 1_000_000)
}

pub async fn run(dir: &Path, quick: bool, node_bin: Option<PathBuf>) -> anyhow::Result<Verdict> {
    let half = if quick { Duration::from_secs(3) } else { Duration::from_secs(20) };
    let mut cluster = fresh(dir, 2, node_bin).await?;
    let id = cluster.agree("NL", "BE", &["seizures"]).await?;
    let (nl, be) = (cluster.node("NL")?, cluster.node("BE")?);
    let ingest = Ingest::start(nl.client.base.clone(), "NL-REV".into());
    tokio::time::sleep(half).await;
    let before = ingest.count();
    let revoked = be
        .client
        .post_ok("admin", &format!("/api/v1/agreements/{id}/revoke"), &json!({"reason": "scenario: revoke"}))
        .await?;
    let revoked_at = revoked["revoked_at_ms"].as_i64().map(i128::from).unwrap_or(i128::MAX);
    tokio::time::sleep(half).await;
    let (acked, _) = ingest.stop().await?;
    // Let anything still in flight land (or be refused).
    tokio::time::sleep(Duration::from_secs(2)).await;

    let at_nl = records(&nl.client, "seizures", "NL").await?;
    let at_be = records(&be.client, "seizures", "NL").await?;
    let after: Vec<&(String, String, String)> =
        at_nl.iter().filter(|(_, _, issued)| ms_of(issued).is_some_and(|t| t > revoked_at)).collect();
    let crossed_after =
        at_be.iter().filter(|(_, _, issued)| ms_of(issued).is_none_or(|t| t > revoked_at)).count();
    let early: Vec<&(String, String, String)> =
        at_nl.iter().filter(|(_, _, issued)| ms_of(issued).is_some_and(|t| t + 1_000 < revoked_at)).collect();
    let early_at_be = early.iter().filter(|(id, _, _)| at_be.iter().any(|(b, _, _)| b == id)).count();

    let mut v = Verdict::default();
    v.figure("seizures saved at NL", acked.len());
    v.figure("saved before the revocation", before);
    v.figure("saved after the revocation", after.len());
    v.figure("held by BE", at_be.len());
    v.check(
        format!("nothing saved after the revocation reached BE ({crossed_after} did)"),
        crossed_after == 0,
    );
    v.check("NL kept saving after the revocation", !after.is_empty());
    v.check(
        format!(
            "seizures saved over 1 s before the revocation reached BE ({early_at_be} of {})",
            early.len()
        ),
        early_at_be == early.len() && !early.is_empty(),
    );
    let state = nl.client.get_ok("admin", &format!("/api/v1/agreements/{id}")).await?;
    v.check("NL sees the agreement revoked", state["state"] == "revoked");
    cluster.down()?;
    Ok(v)
}
