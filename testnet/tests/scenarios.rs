//! Every scenario, in its short form, against real `ncen-node` processes: each must end with a
//! PASS verdict and exit code 0. They run one at a time (each starts its own federation).

use std::process::Command;
use std::sync::Mutex;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn scenario(name: &str) -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let out =
        Command::new(env!("CARGO_BIN_EXE_ncen-testnet")).args(["scenario", name, "--quick"]).output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    anyhow::ensure!(out.status.success(), "scenario {name} failed ({})", out.status);
    anyhow::ensure!(stdout.contains("verdict: PASS"), "scenario {name} printed no PASS verdict");
    Ok(())
}

#[test]
fn kill_restart() -> anyhow::Result<()> {
    scenario("kill-restart")
}

#[test]
fn partition() -> anyhow::Result<()> {
    scenario("partition")
}

#[test]
fn revoke() -> anyhow::Result<()> {
    scenario("revoke")
}

#[test]
fn hostile_peer() -> anyhow::Result<()> {
    scenario("hostile-peer")
}

#[test]
fn privacy() -> anyhow::Result<()> {
    scenario("privacy")
}

#[test]
fn a_scenario_failure_is_exit_code_1() -> anyhow::Result<()> {
    // No ncen-node binary there: the scenario cannot run, which is a failure.
    let out = Command::new(env!("CARGO_BIN_EXE_ncen-testnet"))
        .args(["scenario", "revoke", "--quick", "--node-bin", "/nonexistent/ncen-node"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ncen-node binary"));
    Ok(())
}
