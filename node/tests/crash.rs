//! An acknowledged write survives `kill -9`: the real binary is killed in the middle of an
//! ingest, restarted, and every seizure it acknowledged is there.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{add_user, init, login, run, seizure, terminate};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_kill_9() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    init(&data, "NL")?;
    assert!(add_user(&data, "officer", "officer")?.status.success());
    let (mut child, base) = run(&data)?;
    let http = reqwest::Client::new();
    let token = login(&http, &base, "officer").await?;

    let acked = Arc::new(Mutex::new(BTreeSet::new()));
    let mut writers = Vec::new();
    for w in 0..6 {
        let (http, base, token, acked) = (http.clone(), base.clone(), token.clone(), acked.clone());
        writers.push(tokio::spawn(async move {
            for i in 0.. {
                let reference = format!("NL-K-{w}-{i}");
                let sent = http
                    .post(format!("{base}/api/v1/seizures"))
                    .bearer_auth(&token)
                    .json(&seizure(&reference))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status() == 201 => {
                        if let Ok(mut set) = acked.lock() {
                            set.insert(reference);
                        }
                    }
                    // The node is gone: this writer is done.
                    _ => break,
                }
            }
        }));
    }
    // Let the ingest run until a good number of writes were acknowledged, then kill -9.
    for _ in 0..600 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if acked.lock().map(|s| s.len()).unwrap_or(0) >= 300 {
            break;
        }
    }
    child.kill()?; // SIGKILL
    child.wait()?;
    for w in writers {
        w.await?;
    }
    let acked: BTreeSet<String> = acked.lock().map(|s| s.clone()).unwrap_or_default();
    assert!(acked.len() >= 100, "the ingest ran ({} acknowledged)", acked.len());

    let (mut child, base) = run(&data)?;
    let token = login(&http, &base, "officer").await?;
    let mut stored = BTreeSet::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("{base}/api/v1/seizures?limit=500");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: serde_json::Value = http.get(url).bearer_auth(&token).send().await?.json().await?;
        for item in page["items"].as_array().into_iter().flatten() {
            if let Some(r) = item["data"]["national_reference"].as_str() {
                stored.insert(r.to_owned());
            }
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let lost: Vec<_> = acked.difference(&stored).collect();
    assert!(lost.is_empty(), "{} acknowledged seizures lost after kill -9: {lost:?}", lost.len());
    // At most the requests in flight at the kill were stored without an acknowledgement.
    assert!(stored.len() <= acked.len() + 6, "stored {} acked {}", stored.len(), acked.len());
    terminate(&mut child)?;

    // The audit chain is intact after the crash too.
    let out = common::bin().args(["audit", "verify", "--data-dir"]).arg(&data).output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Ok(())
}
