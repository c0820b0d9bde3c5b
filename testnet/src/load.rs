//! Loading synthetic data into the nodes of a federation through their batch endpoints:
//! idempotent on the national reference, so that `up` twice never duplicates anything.

use serde_json::{Value, json};

use crate::client::Client;
use crate::cluster::Cluster;
use crate::data::{self, Generator};

/// Records per batch request.
const BATCH: u64 = 1000;

/// Uploads `items` to `collection` in batches; returns how many were new.
pub async fn upload(client: &Client, collection: &str, items: Vec<Value>) -> anyhow::Result<u64> {
    let mut created = 0;
    for chunk in items.chunks(BATCH as usize) {
        let body = json!({ "items": chunk });
        let v = client.post_ok("officer", &format!("/api/v1/{collection}/batch"), &body).await?;
        created += v["created"].as_u64().unwrap_or(0);
    }
    Ok(created)
}

/// Generates `per_node` seizures and a tenth as many suspects and companies for every national
/// node (deterministic from the plan's seed), writes them as upload templates (XLSX, CSV and
/// photos in `DIR/<code>/upload/`) and uploads them.
pub async fn load(cluster: &Cluster, per_node: u64, mut progress: impl FnMut(String)) -> anyhow::Result<()> {
    for node in cluster.nationals() {
        let mut generator = Generator::new(cluster.plan.seed, node.administration());
        let people = (per_node / 10).max(1);
        let mut suspects = Vec::new();
        let mut companies = Vec::new();
        for n in 0..people {
            suspects.push(serde_json::to_value(generator.suspect(n))?);
            companies.push(serde_json::to_value(generator.company(n))?);
        }
        let mut records = Vec::new();
        let photos = node.dir.join("upload").join("photos");
        std::fs::create_dir_all(&photos)?;
        let mut images = std::collections::BTreeMap::new();
        for n in 0..per_node {
            let (seizure, pictures) = generator.seizure_with_photos(n);
            for photo in pictures {
                std::fs::write(photos.join(format!("{}.png", photo.sha256)), &photo.bytes)?;
                images.insert(photo.sha256.clone(), photo);
            }
            records.push(seizure);
        }
        // The images first, so that every record finds its photos at the node.
        for photo in images.into_values() {
            node.client.upload_photo("officer", photo.bytes, &photo.media_type).await?;
        }
        // The same records as the upload templates a national system would fill in.
        let people_records: (Vec<_>, Vec<_>) = (
            (0..people).map(|n| generator.suspect(n)).collect(),
            (0..people).map(|n| generator.company(n)).collect(),
        );
        let upload_dir = node.dir.join("upload");
        data::write_xlsx(&upload_dir.join("upload.xlsx"), &records, &people_records.0, &people_records.1)?;
        data::write_csv(&upload_dir, &records, &people_records.0, &people_records.1)?;
        let seizures = records.iter().map(serde_json::to_value).collect::<Result<Vec<_>, _>>()?;
        let s = upload(&node.client, "suspects", suspects).await?;
        let c = upload(&node.client, "companies", companies).await?;
        let z = upload(&node.client, "seizures", seizures).await?;
        progress(format!("{}: {z} new seizures, {s} new suspects, {c} new companies", node.administration()));
    }
    Ok(())
}
