//! A writer that records seizures at one node as fast as it answers, keeping the national
//! references the node acknowledged; failures (the node is down) are retried later.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use crate::client::Client;

/// A running writer.
#[derive(Debug)]
pub struct Ingest {
    pub acked: Arc<Mutex<Vec<String>>>,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<u64>,
}

impl Ingest {
    /// Starts writing seizures `PREFIX-000001`, ... to `base`.
    pub fn start(base: String, prefix: String) -> Ingest {
        let acked = Arc::new(Mutex::new(Vec::new()));
        let (stop, mut stopped) = watch::channel(false);
        let list = acked.clone();
        let task = tokio::spawn(async move {
            let client = Client::new(base);
            let mut n = 0u64;
            let mut failures = 0u64;
            while !*stopped.borrow_and_update() {
                n += 1;
                let reference = format!("{prefix}-{n:06}");
                match client.post("officer", "/api/v1/seizures", &super::canonical(&reference)).await {
                    Ok((201, _)) => {
                        if let Ok(mut l) = list.lock() {
                            l.push(reference);
                        }
                    }
                    _ => {
                        failures += 1;
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
            failures
        });
        Ingest { acked, stop, task }
    }

    /// Stops writing; returns the acknowledged references and the number of failed attempts.
    pub async fn stop(self) -> anyhow::Result<(Vec<String>, u64)> {
        self.stop.send_replace(true);
        let failures = self.task.await?;
        let acked = self.acked.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.clone();
        Ok((acked, failures))
    }

    pub fn count(&self) -> usize {
        self.acked.lock().map(|l| l.len()).unwrap_or(0)
    }
}
