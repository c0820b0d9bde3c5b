//! A demonstration CENcomm operation between the federation's national nodes: coordinated by
//! the first, joined by the others, with a warning and a feedback, so that a newcomer finds an
//! inbox to open. Created once; a resumed federation keeps the one it has.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cluster::Cluster;

/// Creates the demonstration operation unless the first node already coordinates one.
pub async fn demo(cluster: &Cluster) -> anyhow::Result<()> {
    let nodes: Vec<_> = cluster.nationals().collect();
    let [first, rest @ ..] = nodes.as_slice() else { return Ok(()) };
    if rest.is_empty() {
        return Ok(());
    }
    let existing = first.client.get_ok("supervisor", "/api/v1/operations").await?;
    if existing.as_array().is_some_and(|ops| !ops.is_empty()) {
        return Ok(());
    }
    let members: Vec<Value> = rest
        .iter()
        .map(|n| json!({"administration": n.administration(), "users": ["officer", "analyst"]}))
        .collect();
    let year = time::OffsetDateTime::now_utc().year();
    let op = first
        .client
        .post_ok(
            "supervisor",
            "/api/v1/operations",
            &json!({
                "name": "Operation Harbour Light",
                "purpose": "Cocaine hidden in reefer containers of fruit from South America",
                "legal_basis": "Naples II convention, art. 23 (joint special investigation teams)",
                "valid_from": format!("{year}-01-01"), "valid_until": format!("{}-12-31", year + 1),
                "own_users": ["officer", "analyst"], "members": members
            }),
        )
        .await?;
    let id = op["id"].as_str().unwrap_or_default().to_owned();
    for n in rest {
        wait(&n.client, &id).await?;
        n.client
            .post_ok("supervisor", &format!("/api/v1/operations/{id}/join"), &json!({"accept": true}))
            .await?;
    }
    let warning = first
        .client
        .post_ok(
            "officer",
            &format!("/api/v1/operations/{id}/messages"),
            &json!({"template": "warning", "fields": {
                "summary": "Reefer MSCU4471203 with bananas from Guayaquil: check the cooling unit and the floor",
                "conveyance_type": "SEA_CONTAINER", "conveyance_identifier": "MSCU4471203",
                "departure": "EC", "destination": rest[0].administration(), "commodity": "DRUGS.COCAINE",
                "risk_indicators": "New consignee, freight paid in cash, route changed twice"}}),
        )
        .await?;
    let warning_id = warning["id"].as_str().unwrap_or_default().to_owned();
    let second = rest[0];
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let view = second.client.get_ok("officer", &format!("/api/v1/operations/{id}")).await?;
        let there = view["messages"]
            .as_array()
            .is_some_and(|m| m.iter().any(|x| x["message"]["id"] == warning_id.as_str()));
        if there {
            break;
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "the demonstration warning did not reach {}",
            second.administration()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    second
        .client
        .post_ok(
            "officer",
            &format!("/api/v1/operations/{id}/messages"),
            &json!({"template": "feedback", "in_reply_to": warning_id, "fields": {
                "summary": "Container scanned on arrival: anomaly in the floor, unloading for a physical check",
                "action_taken": "X-ray scan, then physical examination"}}),
        )
        .await?;
    Ok(())
}

/// Waits until `client`'s node holds the invitation to `id`.
async fn wait(client: &crate::client::Client, id: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let list = client.get_ok("supervisor", "/api/v1/operations").await?;
        if list.as_array().is_some_and(|l| l.iter().any(|o| o["operation"]["id"] == id)) {
            return Ok(());
        }
        anyhow::ensure!(Instant::now() < deadline, "the invitation did not reach {}", client.base);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
