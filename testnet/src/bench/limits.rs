//! The limits each figure is compared with, measured in the same run on the same machine: raw
//! Ed25519 signing and verification of the same records on every core, raw RocksDB batched
//! puts of the same bytes, and loopback TCP throughput.

use std::time::Instant;

use ncen_node::store::{Cf, Store};
use ncen_protocol::envelope;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Runs `f` over `items` split across every core; returns items per second.
fn parallel_rate<T: Sync>(items: &[T], f: impl Fn(&T) + Sync) -> f64 {
    let chunk = items.len().div_ceil(cores()).max(1);
    let started = Instant::now();
    std::thread::scope(|s| {
        for part in items.chunks(chunk) {
            let f = &f;
            s.spawn(move || part.iter().for_each(f));
        }
    });
    items.len() as f64 / started.elapsed().as_secs_f64()
}

/// Signs `payloads` as COSE_Sign1 on every core; returns the envelopes and the rate.
pub fn signing(key: &ed25519_dalek::SigningKey, kid: &str, payloads: &[Vec<u8>]) -> (Vec<Vec<u8>>, f64) {
    let rate = parallel_rate(payloads, |p| {
        if envelope::sign(key, kid.as_bytes(), envelope::CONTENT_TYPE_RECORD, p).is_err() {
            eprintln!("signing failed");
        }
    });
    let envelopes = payloads
        .iter()
        .filter_map(|p| envelope::sign(key, kid.as_bytes(), envelope::CONTENT_TYPE_RECORD, p).ok())
        .collect();
    (envelopes, rate)
}

/// Verifies `envelopes` on every core; returns the rate.
pub fn verification(key: &ed25519_dalek::VerifyingKey, kid: &str, envelopes: &[Vec<u8>]) -> f64 {
    parallel_rate(envelopes, |e| {
        if envelope::verify_from(e, key, kid.as_bytes(), 1 << 20).is_err() {
            eprintln!("verification failed");
        }
    })
}

/// Writes `values` into a fresh RocksDB store in synced batches of 1,000; returns puts per second.
pub fn rocksdb_puts(dir: &std::path::Path, values: &[Vec<u8>]) -> anyhow::Result<f64> {
    let store = Store::open(&dir.join("raw-rocksdb"), true)?;
    let started = Instant::now();
    for (c, chunk) in values.chunks(1000).enumerate() {
        let mut batch = store.batch();
        for (i, v) in chunk.iter().enumerate() {
            let key = ((c * 1000 + i) as u64).to_be_bytes();
            batch.put(Cf::Revisions, &key, v);
        }
        batch.commit(true)?;
    }
    Ok(values.len() as f64 / started.elapsed().as_secs_f64())
}

/// Bytes per second through one loopback TCP connection.
pub async fn loopback_tcp(bytes: usize) -> anyhow::Result<f64> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let reader = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await?;
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0usize;
        loop {
            let n = socket.read(&mut buf).await?;
            if n == 0 {
                return Ok::<usize, std::io::Error>(total);
            }
            total += n;
        }
    });
    let mut socket = tokio::net::TcpStream::connect(addr).await?;
    let chunk = vec![0x5au8; 1 << 16];
    let started = Instant::now();
    let mut sent = 0;
    while sent < bytes {
        socket.write_all(&chunk).await?;
        sent += chunk.len();
    }
    socket.shutdown().await?;
    let received = reader.await??;
    anyhow::ensure!(received == sent, "loopback lost bytes");
    Ok(sent as f64 / started.elapsed().as_secs_f64())
}
