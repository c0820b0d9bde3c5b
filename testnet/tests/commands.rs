//! The other commands of `ncen-testnet`, as a user runs them: `up` (started, stopped with
//! Ctrl-C, resumed without duplicating anything), `bench --quick` and `data`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The tests start federations on random free ports: one at a time, so that two never pick
/// overlapping ranges.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn testnet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ncen-testnet"))
}

fn free_base() -> anyhow::Result<u16> {
    ncen_testnet::scenario::free_base_port(2)
}

/// Runs `up` until it prints its table, then interrupts it; returns what it wrote to stderr.
fn up_once(dir: &std::path::Path, base: u16) -> anyhow::Result<(String, String)> {
    let mut child = testnet()
        .args(["up", "--nodes", "2", "--records", "40", "--base-port", &base.to_string(), "--dir"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let mut table = String::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line?;
        table.push_str(&line);
        table.push('\n');
        if line.starts_with("Logs:") || Instant::now() > deadline {
            break;
        }
    }
    // Keep reading, as a terminal would, until `up` ends.
    let drain = std::thread::spawn(move || lines.count());
    let status = Command::new("kill").arg("-INT").arg(child.id().to_string()).status()?;
    anyhow::ensure!(status.success(), "kill -INT failed (up had already stopped); it printed:\n{table}");
    let out = child.wait_with_output()?;
    drain.join().map_err(|_| anyhow::anyhow!("the stdout reader failed"))?;
    anyhow::ensure!(
        out.status.success(),
        "up exited with {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Ok((table, String::from_utf8_lossy(&out.stderr).into_owned()))
}

#[test]
fn up_prints_the_federation_stops_on_ctrl_c_and_resumes() -> anyhow::Result<()> {
    let _turn = turn();
    let dir = tempfile::tempdir()?;
    let base = free_base()?;
    let (table, log) = up_once(dir.path(), base)?;
    assert!(table.contains("WCO") && table.contains("NL") && table.contains("BE"), "{table}");
    assert!(table.contains("ncen demo passphrase"), "{table}");
    assert!(table.contains("Agreements: NL-BE"), "{table}");
    assert!(log.contains("NL: 40 new seizures"), "{log}");
    assert!(log.contains("CENcomm: a demonstration operation") && !log.contains("not created"), "{log}");
    assert!(log.contains("Stopped."), "{log}");
    // No node outlives `up`.
    let running = Command::new("pgrep").args(["-f", &dir.path().display().to_string()]).output()?;
    assert!(running.stdout.is_empty(), "processes left behind");
    // Again on the same directory: the same federation, nothing loaded twice.
    let (again, log) = up_once(dir.path(), base)?;
    assert!(log.contains("NL: 0 new seizures, 0 new suspects, 0 new companies"), "{log}");
    let peer_id = |t: &str| t.lines().find(|l| l.starts_with("NL ")).map(str::to_owned);
    assert_eq!(peer_id(&table), peer_id(&again), "the same node keys");
    Ok(())
}

#[test]
fn bench_quick_writes_its_results() -> anyhow::Result<()> {
    let _turn = turn();
    let out = tempfile::tempdir()?;
    let run = testnet().args(["bench", "--quick", "--out"]).arg(out.path()).output()?;
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let results: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("results.json"))?)?;
    let keys: Vec<&str> =
        results["figures"].as_array().into_iter().flatten().filter_map(|f| f["key"].as_str()).collect();
    for key in [
        "ingest",
        "replication_vs_verify",
        "latency_p99",
        "hub_convergence",
        "hub_search_p95",
        "idle_rss_max",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert!(
        results["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|f| f["value"].as_f64().is_some_and(f64::is_finite))
    );
    for file in ["results.md", "targets.svg", "latency.svg"] {
        let text = std::fs::read_to_string(out.path().join(file))?;
        assert!(!text.is_empty(), "{file} is empty");
    }
    Ok(())
}

#[test]
fn data_writes_upload_templates_and_photos() -> anyhow::Result<()> {
    let out = tempfile::tempdir()?;
    let run = testnet()
        .args(["data", "--seizures", "60", "--administration", "BE", "--out"])
        .arg(out.path())
        .output()?;
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(out.path().join("upload.xlsx").metadata()?.len() > 0);
    let back = ncen_testnet::data::read_csv(out.path())?;
    assert_eq!(back.seizures.len(), 60);
    let photos = std::fs::read_dir(out.path().join("photos"))?.count();
    assert!(photos > 0, "no photos written");
    Ok(())
}
