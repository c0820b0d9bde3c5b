//! Helpers for black-box tests: nodes started in this process on port 0, with accounts of
//! every role, and the canonical seizure of DESIGN.md.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use ncen_config::Config;
use ncen_node::app;
use ncen_node::identity::NodeRole;
use ncen_node::roles::Role;
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// The password every test account gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// A node served in this process on an ephemeral port.
#[derive(Debug)]
pub struct TestNode {
    pub base: String,
    pub administration: String,
    pub dir: tempfile::TempDir,
    pub http: reqwest::Client,
    tokens: Mutex<HashMap<String, String>>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

/// Usernames created by [`start_node`]: one per role, named after it.
pub const USERS: [(&str, Role); 6] = [
    ("supervisor", Role::Supervisor),
    ("admin", Role::Administrator),
    ("ncp", Role::NationalContactPoint),
    ("officer", Role::Officer),
    ("analyst", Role::Analyst),
    ("auditor", Role::Auditor),
];

pub fn config_for(dir: &Path) -> Config {
    let mut config = Config::default();
    config.node.data_dir = dir.to_owned();
    config.p2p.listen = vec!["/ip4/127.0.0.1/tcp/0".into()];
    config
}

/// Initialises a national node for `administration` with one account per role and serves it.
pub async fn start_node(administration: &str) -> anyhow::Result<TestNode> {
    start_node_with(administration, None).await
}

/// Like [`start_node`], with `hub` as the node's trust anchor.
pub async fn start_node_with(administration: &str, hub: Option<&TestNode>) -> anyhow::Result<TestNode> {
    let hub = match hub {
        Some(h) => Some(ncen_config::HubConfig { peer_id: h.peer_id().await?, address: h.p2p_addr().await? }),
        None => None,
    };
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let role = if administration == "WCO" { NodeRole::Hub } else { NodeRole::National };
    app::init(&data, administration, role)?;
    let mut config = config_for(&data);
    config.hub = hub;
    for (name, role) in USERS {
        app::add_user(&data, &config, name, role, PASSWORD)?;
    }
    serve(dir, administration, config).await
}

/// Serves an initialised node whose data directory is `dir/data`.
pub async fn serve(dir: tempfile::TempDir, administration: &str, config: Config) -> anyhow::Result<TestNode> {
    let opened = app::open(&config.node.data_dir)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        app::serve(opened, &config, listener, async {
            let _ = stopped.await;
        })
        .await
        .context("node stopped with an error")
    });
    Ok(TestNode {
        base,
        administration: administration.to_owned(),
        dir,
        http: reqwest::Client::new(),
        tokens: Mutex::default(),
        stop: Some(stop),
        task: Some(task),
    })
}

impl TestNode {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Logs in and returns the bearer token.
    pub async fn token(&self, username: &str) -> anyhow::Result<String> {
        self.token_with(username, PASSWORD).await
    }

    pub async fn token_with(&self, username: &str, password: &str) -> anyhow::Result<String> {
        let r = self
            .http
            .post(self.url("/api/v1/auth/token"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await?;
        anyhow::ensure!(r.status() == 200, "login of {username} failed: {}", r.text().await?);
        let body: Value = r.json().await?;
        body["token"].as_str().map(str::to_owned).context("no token in the login answer")
    }

    /// A token of `username`, logged in once and reused.
    pub async fn cached_token(&self, username: &str) -> anyhow::Result<String> {
        if let Some(t) = self.tokens.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.get(username) {
            return Ok(t.clone());
        }
        let t = self.token(username).await?;
        self.tokens.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.insert(username.to_owned(), t.clone());
        Ok(t)
    }

    /// GET `path` as `username`: status and JSON body (Null if none).
    pub async fn get_as(&self, username: &str, path: &str) -> anyhow::Result<(u16, Value)> {
        let token = self.cached_token(username).await?;
        let r = self.http.get(self.url(path)).bearer_auth(token).send().await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// POST JSON `body` to `path` as `username`: status and JSON body (Null if none).
    pub async fn post_as(&self, username: &str, path: &str, body: &Value) -> anyhow::Result<(u16, Value)> {
        let token = self.cached_token(username).await?;
        let r = self.http.post(self.url(path)).bearer_auth(token).json(body).send().await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// PUT JSON `body` to `path` as `username`: status and JSON body (Null if none).
    pub async fn put_as(&self, username: &str, path: &str, body: &Value) -> anyhow::Result<(u16, Value)> {
        let token = self.cached_token(username).await?;
        let r = self.http.put(self.url(path)).bearer_auth(token).json(body).send().await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// DELETE `path` as `username`: status and JSON body (Null if none).
    pub async fn delete_as(&self, username: &str, path: &str) -> anyhow::Result<(u16, Value)> {
        let token = self.cached_token(username).await?;
        let r = self.http.delete(self.url(path)).bearer_auth(token).send().await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// POST raw `bytes` to `path` as `username`: status and JSON body (Null if none).
    pub async fn post_bytes_as(
        &self,
        username: &str,
        path: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> anyhow::Result<(u16, Value)> {
        let token = self.cached_token(username).await?;
        let r = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(bytes)
            .send()
            .await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// GET `path` as `username`: status, content type and the bytes of the body.
    pub async fn get_bytes_as(&self, username: &str, path: &str) -> anyhow::Result<(u16, String, Vec<u8>)> {
        let token = self.cached_token(username).await?;
        let r = self.http.get(self.url(path)).bearer_auth(token).send().await?;
        let status = r.status().as_u16();
        let kind = r
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Ok((status, kind, r.bytes().await?.to_vec()))
    }

    /// `GET /api/v1/node`.
    pub async fn info(&self) -> anyhow::Result<Value> {
        Ok(self.http.get(self.url("/api/v1/node")).send().await?.json().await?)
    }

    pub async fn peer_id(&self) -> anyhow::Result<String> {
        self.info().await?["peer_id"].as_str().map(str::to_owned).context("no peer_id")
    }

    /// The node's libp2p address (without the `/p2p/` suffix).
    pub async fn p2p_addr(&self) -> anyhow::Result<String> {
        let info = self.info().await?;
        let listen = info["listen"].as_array().context("no listen addresses")?;
        let addr = listen
            .iter()
            .filter_map(Value::as_str)
            .find(|a| a.starts_with("/ip4/"))
            .context("no p2p address")?;
        Ok(addr.split("/p2p/").next().unwrap_or(addr).to_owned())
    }

    /// Creates a seizure as `officer`; returns its id.
    pub async fn create_seizure(&self, body: &Value) -> anyhow::Result<String> {
        let (status, v) = self.post_as("officer", "/api/v1/seizures", body).await?;
        anyhow::ensure!(status == 201, "create failed: {status} {v}");
        v["id"].as_str().map(str::to_owned).context("no id")
    }

    /// Stops the node gracefully and waits until its store is closed.
    pub async fn stop(mut self) -> anyhow::Result<tempfile::TempDir> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await??;
        }
        Ok(std::mem::replace(&mut self.dir, tempfile::tempdir()?))
    }
}

/// The canonical seizure of DESIGN.md, as kept in `tests/fixtures/canonical-seizure.json`.
pub const CANONICAL_SEIZURE: &str = include_str!("../fixtures/canonical-seizure.json");

/// The canonical seizure with the given national reference.
pub fn canonical_seizure(reference: &str) -> Value {
    let mut seizure: Value = serde_json::from_str(CANONICAL_SEIZURE).unwrap_or(Value::Null);
    seizure["national_reference"] = json!(reference);
    seizure
}

/// Registers `b` as a peer of `a`.
pub async fn add_peer(a: &TestNode, b: &TestNode) -> anyhow::Result<()> {
    let body = json!({ "administration": b.administration, "peer_id": b.peer_id().await?,
                       "addresses": [b.p2p_addr().await?] });
    let (status, v) = a.post_as("admin", "/api/v1/peers", &body).await?;
    anyhow::ensure!(
        status == 201,
        "adding peer {} at {} failed: {status} {v}",
        b.administration,
        a.administration
    );
    Ok(())
}

/// Polls `check` every 20 ms until it returns `Some`, or fails after `timeout`.
pub async fn wait_for<T, F, Fut>(timeout: Duration, what: &str, mut check: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Option<T>>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(v) = check().await? {
            return Ok(v);
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The state of agreement `id` at `node`, if it holds it.
pub async fn agreement_state(node: &TestNode, id: &str) -> anyhow::Result<Option<String>> {
    let (status, v) = node.get_as("admin", &format!("/api/v1/agreements/{id}")).await?;
    Ok((status == 200).then(|| v["state"].as_str().unwrap_or_default().to_owned()))
}

/// `a` proposes an agreement over `kinds` to `b`, `b` accepts; returns its id once both hold it
/// as active.
pub async fn make_agreement(
    a: &TestNode,
    b: &TestNode,
    kinds: &[&str],
    direction: &str,
) -> anyhow::Result<String> {
    let body = json!({ "peer": b.administration, "legal_basis": format!("{}-{} mutual assistance agreement, art. 5", a.administration, b.administration),
                       "scope": { "kinds": kinds, "direction": direction },
                       "valid_from": "2026-01-01", "valid_until": "2099-12-31" });
    let (status, v) = a.post_as("admin", "/api/v1/agreements", &body).await?;
    anyhow::ensure!(status == 201, "proposal failed: {status} {v}");
    let id = v["id"].as_str().context("no agreement id")?.to_owned();
    wait_for(Duration::from_secs(10), "the proposal to arrive", || async {
        Ok(agreement_state(b, &id).await?.filter(|s| s == "proposed"))
    })
    .await?;
    let (status, v) = b.post_as("admin", &format!("/api/v1/agreements/{id}/accept"), &json!({})).await?;
    anyhow::ensure!(status == 200, "accept failed: {status} {v}");
    wait_for(Duration::from_secs(10), "the acceptance to arrive", || async {
        Ok(agreement_state(a, &id).await?.filter(|s| s == "active"))
    })
    .await?;
    Ok(id)
}
