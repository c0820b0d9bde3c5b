//! `up`'s members without a node of their own (MISSION C2): the hub uploads their seizures from
//! the standard template on their behalf, so that the global CEN holds other WCO regions than
//! the national nodes' and its statistics have regions to compare. The template's suspects and
//! companies sheets travel with the file, as they would from such an administration, and the hub
//! keeps none of them.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;

use crate::cluster::Cluster;
use crate::data::{self, Generator};

/// Administrations without a node whose data the hub uploads: Kenya, Brazil, Singapore.
pub const WITHOUT_NODE: [&str; 3] = ["KE", "BR", "SG"];

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Writes `per_member` seizures of each member without a node as the standard workbook in
/// `dir`, uploads it at the hub and waits for each job's end. Uploading the same file again
/// (a resumed federation) changes nothing.
pub async fn upload(
    cluster: &Cluster,
    dir: &Path,
    seed: u64,
    per_member: u64,
    mut progress: impl FnMut(String),
) -> anyhow::Result<()> {
    let hub = &cluster.hub()?.client;
    std::fs::create_dir_all(dir)?;
    for administration in WITHOUT_NODE {
        let mut generator = Generator::new(seed, administration);
        let seizures: Vec<_> = (0..per_member).map(|n| generator.seizure(n)).collect();
        let people = (per_member / 10).max(1);
        let suspects: Vec<_> = (0..people).map(|n| generator.suspect(n)).collect();
        let companies: Vec<_> = (0..people).map(|n| generator.company(n)).collect();
        let path = dir.join(format!("{administration}.xlsx"));
        data::write_xlsx(&path, &seizures, &suspects, &companies)?;
        let bytes = std::fs::read(&path)?;
        let query = format!("/api/v1/cen/uploads?administration={administration}");
        let (status, started) = hub.post_bytes("admin", &query, XLSX, bytes).await?;
        anyhow::ensure!(status == 202, "upload for {administration} at the hub: {status} {started}");
        let job = started["job"].as_str().context("no job in the hub's answer")?.to_owned();
        let deadline = Instant::now() + Duration::from_secs(300);
        let done = loop {
            let v = hub.get_ok("admin", &format!("/api/v1/cen/uploads/{job}")).await?;
            if v["state"] != "running" {
                break v;
            }
            anyhow::ensure!(Instant::now() < deadline, "the upload for {administration} did not end");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        anyhow::ensure!(done["state"] == "done", "the upload for {administration} failed: {done}");
        let seizures = &done["report"]["seizures"];
        progress(format!(
            "{administration}: {} seizures read, {} new at the hub (uploaded by the hub on its behalf)",
            seizures["read"], seizures["created"]
        ));
    }
    Ok(())
}
