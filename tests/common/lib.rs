//! Helpers for black-box tests: nodes started in this process on port 0, with accounts of
//! every role, and the canonical seizure of DESIGN.md.

use std::path::Path;

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
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

/// Usernames created by [`start_node`]: one per role, named after it.
pub const USERS: [(&str, Role); 5] = [
    ("admin", Role::Administrator),
    ("ncp", Role::NationalContactPoint),
    ("officer", Role::Officer),
    ("analyst", Role::Analyst),
    ("auditor", Role::Auditor),
];

pub fn config_for(dir: &Path) -> Config {
    let mut config = Config::default();
    config.node.data_dir = dir.to_owned();
    config
}

/// Initialises a national node for `administration` with one account per role and serves it.
pub async fn start_node(administration: &str) -> anyhow::Result<TestNode> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let role = if administration == "WCO" { NodeRole::Hub } else { NodeRole::National };
    app::init(&data, administration, role)?;
    let config = config_for(&data);
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
