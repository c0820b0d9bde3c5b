//! `privacy`: NL records seizures with a canary name in every nominal field; once the hub holds
//! all their projections, neither its API (records and statistics) nor its files contain it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{Verdict, canonical, fresh};
use crate::cluster::wait_until;
use crate::load::upload;

const CANARY: &str = "Canary-Okonkwo-Lindqvist";
const CANARY_UUID: &str = "c0ffee00-7f3a-4b1d-9e2a-00000000c0de";
const CANARY_HEX: &str = "c0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ffee7f3ac0ff";

fn seizure(i: u64) -> Value {
    let mut s = canonical(&format!("{CANARY}-{i:06}"));
    s["conveyance"]["identifier"] = json!(CANARY);
    s["goods"][0]["description"] = json!(CANARY);
    s["remarks"] = json!(CANARY);
    s["offenders"] =
        json!([{"suspect": CANARY_UUID, "nationality": "EC", "sex": "MALE", "age": 18 + i % 50}]);
    s["companies"] = json!([{"company": CANARY_UUID, "role": "IMPORTER"}]);
    s["photos"] = json!([
        {"kind": "PERSON", "sha256": CANARY_HEX, "media_type": "image/jpeg", "caption": CANARY},
        {"kind": "GOODS", "sha256": "ab".repeat(32), "media_type": "image/jpeg", "caption": CANARY}
    ]);
    s
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(files(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

pub async fn run(dir: &Path, quick: bool, node_bin: Option<PathBuf>) -> anyhow::Result<Verdict> {
    let count: u64 = if quick { 300 } else { 10_000 };
    let mut cluster = fresh(dir, 1, node_bin).await?;
    cluster.federate().await?;
    let nl = crate::client::Client::new(cluster.node("NL")?.client.base.clone());
    let hub = crate::client::Client::new(cluster.hub()?.client.base.clone());
    let hub = &hub;
    let started = Instant::now();
    upload(&nl, "seizures", (0..count).map(seizure).collect()).await?;
    let total = |v: &Value| v["total"].as_u64().unwrap_or(0);
    let arrived = wait_until(Duration::from_secs(120), "every projection at the hub", || async {
        Ok(total(&hub.get_ok("analyst", "/api/v1/cen/seizures?origin=NL&limit=1").await?) == count)
    })
    .await;
    let mut v = Verdict::default();
    v.figure("seizures with canaries", count);
    v.figure("at the hub after", format!("{:.1} s", started.elapsed().as_secs_f64()));
    v.check("the hub holds every projection", arrived.is_ok());

    let all = hub.all_pages("analyst", "/api/v1/cen/seizures?limit=500").await?;
    let text = serde_json::to_string(&all)?;
    let leaks = [CANARY, CANARY_UUID, CANARY_HEX].iter().filter(|c| text.contains(*c)).count();
    let seen = all.len();
    let stats = hub.get_ok("analyst", "/api/v1/cen/statistics").await?.to_string();
    v.figure("projections read back through the API", seen);
    v.check("no canary in the hub's records", leaks == 0);
    v.check("no canary in the hub's statistics", !stats.contains(CANARY));

    // The hub's files on disk (write-ahead log and tables), once it has stopped.
    let hub_dir = cluster.hub()?.dir.clone();
    cluster.node_mut("WCO")?.terminate()?;
    let mut file_leaks = Vec::new();
    let mut scanned = 0u64;
    for path in files(&hub_dir)? {
        let bytes = std::fs::read(&path)?;
        scanned += bytes.len() as u64;
        if contains(&bytes, CANARY.as_bytes()) || contains(&bytes, CANARY_HEX.as_bytes()) {
            file_leaks.push(path.display().to_string());
        }
    }
    v.figure("hub files scanned", format!("{:.1} MB", scanned as f64 / 1e6));
    v.check(format!("no canary in the hub's files {file_leaks:?}"), file_leaks.is_empty());
    // The origin itself keeps everything.
    let origin = nl.get_ok("officer", "/api/v1/seizures?limit=1").await?;
    v.check("NL still holds its nominal data", origin.to_string().contains(CANARY));
    cluster.down()?;
    Ok(v)
}
