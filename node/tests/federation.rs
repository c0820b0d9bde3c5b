//! Two real `ncen-node` processes: peers registered over REST, an agreement proposed by one and
//! accepted by the other, and a seizure saved at one readable at the other.

mod common;

use std::time::{Duration, Instant};

use common::{add_user, init, login, run, seizure, terminate};
use serde_json::{Value, json};

struct Node {
    base: String,
    admin: String,
    officer: String,
}

async fn get(http: &reqwest::Client, url: String, token: &str) -> anyhow::Result<Value> {
    Ok(http.get(url).bearer_auth(token).send().await?.json().await?)
}

async fn post(http: &reqwest::Client, url: String, token: &str, body: Value) -> anyhow::Result<(u16, Value)> {
    let r = http.post(url).bearer_auth(token).json(&body).send().await?;
    Ok((r.status().as_u16(), r.json().await.unwrap_or(Value::Null)))
}

async fn wait(what: &str, mut check: impl AsyncFnMut() -> anyhow::Result<bool>) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check().await? {
        anyhow::ensure!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seizure_flows_between_two_node_processes() -> anyhow::Result<()> {
    let http = reqwest::Client::new();
    let mut children = Vec::new();
    let mut nodes = Vec::new();
    let dirs = [tempfile::tempdir()?, tempfile::tempdir()?];
    for (dir, admin) in dirs.iter().zip(["NL", "BE"]) {
        let data = dir.path().join("data");
        init(&data, admin)?;
        assert!(add_user(&data, "admin", "administrator")?.status.success());
        assert!(add_user(&data, "officer", "officer")?.status.success());
        let (child, base) = run(&data)?;
        children.push(child);
        let admin = login(&http, &base, "admin").await?;
        let officer = login(&http, &base, "officer").await?;
        nodes.push(Node { base, admin, officer });
    }
    let (nl, be) = (&nodes[0], &nodes[1]);
    for (from, to, code) in [(nl, be, "BE"), (be, nl, "NL")] {
        let info: Value = http.get(format!("{}/api/v1/node", to.base)).send().await?.json().await?;
        let addr = info["listen"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find(|a| a.starts_with("/ip4/"))
            .map(str::to_owned)
            .ok_or_else(|| anyhow::anyhow!("no p2p address in {info}"))?;
        let body = json!({"administration": code, "peer_id": info["peer_id"], "addresses": [addr]});
        let (status, v) = post(&http, format!("{}/api/v1/peers", from.base), &from.admin, body).await?;
        anyhow::ensure!(status == 201, "peer: {status} {v}");
    }
    let proposal = json!({"peer": "BE", "legal_basis": "NL-BE mutual administrative assistance agreement, art. 5",
                          "scope": {"kinds": ["seizures"], "direction": "both"},
                          "valid_from": "2026-01-01", "valid_until": "2099-12-31"});
    let (status, v) = post(&http, format!("{}/api/v1/agreements", nl.base), &nl.admin, proposal).await?;
    anyhow::ensure!(status == 201, "proposal: {status} {v}");
    let id = v["id"].as_str().unwrap_or_default().to_owned();
    wait("the proposal at BE", async || {
        let v = get(&http, format!("{}/api/v1/agreements/{id}", be.base), &be.admin).await?;
        Ok(v["state"] == "proposed" && v["origin"] == "incoming")
    })
    .await?;
    let (status, v) =
        post(&http, format!("{}/api/v1/agreements/{id}/accept", be.base), &be.admin, json!({})).await?;
    anyhow::ensure!(status == 200, "accept: {status} {v}");
    wait("the acceptance at NL", async || {
        Ok(get(&http, format!("{}/api/v1/agreements/{id}", nl.base), &nl.admin).await?["state"] == "active")
    })
    .await?;

    let (status, v) =
        post(&http, format!("{}/api/v1/seizures", nl.base), &nl.officer, seizure("NL-2026-000123")).await?;
    anyhow::ensure!(status == 201, "create: {status} {v}");
    let seizure_id = v["id"].as_str().unwrap_or_default().to_owned();
    wait("the seizure at BE", async || {
        let v = get(&http, format!("{}/api/v1/seizures/{seizure_id}", be.base), &be.officer).await?;
        Ok(v["origin"] == "NL")
    })
    .await?;
    for mut child in children {
        terminate(&mut child)?;
    }
    Ok(())
}
