//! A TCP proxy in front of a node's libp2p port, which can cut the link (closing every
//! connection and refusing new ones) and heal it: a network partition without root rights.

use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// A running proxy.
#[derive(Debug)]
pub struct Proxy {
    pub port: u16,
    cut: Arc<watch::Sender<bool>>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    /// Listens on a free local port and forwards to `127.0.0.1:target`.
    pub async fn start(target: u16) -> anyhow::Result<Proxy> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let (cut, _) = watch::channel(false);
        let cut = Arc::new(cut);
        let state = cut.clone();
        let task = tokio::spawn(async move {
            let mut links = JoinSet::new();
            let mut changes = state.subscribe();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((inbound, _)) = accepted else { continue };
                        if *state.borrow() {
                            drop(inbound);
                            continue;
                        }
                        links.spawn(forward(inbound, target));
                    }
                    changed = changes.changed() => {
                        if changed.is_err() {
                            return;
                        }
                        if *changes.borrow_and_update() {
                            links.abort_all();
                        }
                    }
                    Some(_) = links.join_next(), if !links.is_empty() => {}
                }
            }
        });
        Ok(Proxy { port, cut, task })
    }

    pub fn address(&self) -> String {
        format!("/ip4/127.0.0.1/tcp/{}", self.port)
    }

    /// Closes every connection through the proxy and refuses new ones.
    pub fn cut(&self) {
        self.cut.send_replace(true);
    }

    pub fn heal(&self) {
        self.cut.send_replace(false);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn forward(mut inbound: TcpStream, target: u16) {
    if let Ok(mut outbound) = TcpStream::connect(("127.0.0.1", target)).await
        && let Err(e) = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await
    {
        tracing::debug!(error = %e, "proxied connection ended");
    }
}
