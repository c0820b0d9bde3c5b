//! Helpers for tests that run the real `ncen-node` binary.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub const PASSWORD: &str = "correct horse battery staple";

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ncen-node"))
}

pub fn init(data: &Path, administration: &str) -> anyhow::Result<String> {
    let out =
        bin().args(["init", "--data-dir"]).arg(data).args(["--administration", administration]).output()?;
    anyhow::ensure!(out.status.success(), "init failed: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8(out.stdout)?)
}

pub fn add_user(data: &Path, username: &str, role: &str) -> anyhow::Result<std::process::Output> {
    let mut child = bin()
        .args(["user", "add", "--data-dir"])
        .arg(data)
        .args(["--username", username, "--role", role, "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASSWORD}")?;
    }
    Ok(child.wait_with_output()?)
}

/// Starts `ncen-node run` on an ephemeral port and returns it with its base URL.
pub fn run(data: &Path) -> anyhow::Result<(Child, String)> {
    let mut child = bin()
        .arg("run")
        .env("NCEN_NODE__DATA_DIR", data)
        .env("NCEN_HTTP__LISTEN", "127.0.0.1:0")
        .env("NCEN_P2P__LISTEN", r#"["/ip4/127.0.0.1/tcp/0"]"#)
        .env("NCEN_LOG__FILTER", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let stdout = child.stdout.take().ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(|u| u.trim_end_matches('/').to_owned())
        .ok_or_else(|| anyhow::anyhow!("the node did not say where it listens: {line:?}"))?;
    Ok((child, url))
}

pub fn terminate(child: &mut Child) -> anyhow::Result<()> {
    let status = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status()?;
    anyhow::ensure!(status.success(), "kill -TERM failed");
    let exit = child.wait()?;
    anyhow::ensure!(exit.success(), "the node exited with {exit} after SIGTERM");
    Ok(())
}

pub async fn login(http: &reqwest::Client, base: &str, username: &str) -> anyhow::Result<String> {
    let v: serde_json::Value = http
        .post(format!("{base}/api/v1/auth/token"))
        .json(&serde_json::json!({"username": username, "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    v["token"].as_str().map(str::to_owned).ok_or_else(|| anyhow::anyhow!("login failed: {v}"))
}

/// The canonical seizure of DESIGN.md with the given national reference.
pub fn seizure(reference: &str) -> serde_json::Value {
    let text = include_str!("../../tests/fixtures/canonical-seizure.json");
    let mut seizure: serde_json::Value = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    seizure["national_reference"] = serde_json::json!(reference);
    seizure
}
