//! The node's libp2p network: one task owns the `Swarm` (TCP + Noise + Yamux, identify, ping,
//! request-response on `/ncen/exchange/1`, deny-by-default allow list, connection limits); the
//! rest of the node holds a cloneable [`NetHandle`] that sends commands with a oneshot reply,
//! and receives [`NetEvent`]s on a bounded channel.

mod codec;
mod task;

use std::collections::BTreeMap;
use std::time::Duration;

use libp2p::request_response::ResponseChannel;
use libp2p::{Multiaddr, PeerId};
use ncen_protocol::wire::{Request, Response};
use tokio::sync::{mpsc, oneshot};

pub use task::spawn;

/// How long a request may wait for its response.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Connections kept open without traffic (ping alone does not keep one alive).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(3600);
/// Queue length of commands and events.
const CHANNEL: usize = 1024;

#[derive(Debug, thiserror::Error, Clone)]
pub enum NetError {
    #[error("cannot listen on {addr}: {message}")]
    Listen { addr: String, message: String },
    #[error("{0} is not a valid multiaddress")]
    BadAddress(String),
    #[error("{0} is not a valid PeerId")]
    BadPeerId(String),
    #[error("the network task has stopped")]
    Stopped,
    #[error("request to {peer} failed: {message}")]
    Request { peer: String, message: String },
}

/// What the network reports to the rest of the node.
#[derive(Debug)]
pub enum NetEvent {
    /// A request from an allowed peer; answer it with [`NetHandle::respond`].
    Inbound {
        peer: PeerId,
        request: Request,
        channel: ResponseChannel<Response>,
    },
    /// A malformed or oversized request from `peer` was dropped.
    BadInbound {
        peer: PeerId,
        message: String,
    },
    Connected(PeerId),
    Disconnected(PeerId),
    /// A peer that is not allowed tried to connect and was refused.
    Denied {
        peer: Option<PeerId>,
        address: String,
    },
}

/// The network's state, as the API shows it.
#[derive(Debug, Clone, Default)]
pub struct NetStatus {
    pub listen: Vec<String>,
    pub connected: Vec<PeerId>,
}

#[derive(Debug)]
enum Command {
    /// Allow `peer` and keep a connection to it at `addrs` (redialled with backoff).
    Keep {
        peer: PeerId,
        addrs: Vec<Multiaddr>,
    },
    /// Allow `peer` to connect without dialling it.
    Allow {
        peer: PeerId,
    },
    /// Stop allowing `peer` and close its connections.
    Forget {
        peer: PeerId,
    },
    Request {
        peer: PeerId,
        request: Request,
        reply: oneshot::Sender<Result<Response, NetError>>,
    },
    Respond {
        channel: ResponseChannel<Response>,
        response: Response,
    },
    Status {
        reply: oneshot::Sender<NetStatus>,
    },
    /// Closes every connection and ends the task.
    Shutdown {
        done: oneshot::Sender<()>,
    },
}

/// A cloneable handle on the network task.
#[derive(Debug, Clone)]
pub struct NetHandle {
    tx: mpsc::Sender<Command>,
    local: PeerId,
}

impl NetHandle {
    pub fn local_peer_id(&self) -> PeerId {
        self.local
    }

    async fn send(&self, command: Command) -> Result<(), NetError> {
        self.tx.send(command).await.map_err(|_| NetError::Stopped)
    }

    /// Allows `peer` and keeps a connection to it.
    pub async fn keep(&self, peer: PeerId, addrs: Vec<Multiaddr>) -> Result<(), NetError> {
        self.send(Command::Keep { peer, addrs }).await
    }

    /// Allows `peer` to connect (it dials us).
    pub async fn allow(&self, peer: PeerId) -> Result<(), NetError> {
        self.send(Command::Allow { peer }).await
    }

    pub async fn forget(&self, peer: PeerId) -> Result<(), NetError> {
        self.send(Command::Forget { peer }).await
    }

    /// Sends a request and waits for its response (or the request timeout).
    pub async fn request(&self, peer: PeerId, request: Request) -> Result<Response, NetError> {
        let (reply, rx) = oneshot::channel();
        self.send(Command::Request { peer, request, reply }).await?;
        rx.await.map_err(|_| NetError::Stopped)?
    }

    pub async fn respond(
        &self,
        channel: ResponseChannel<Response>,
        response: Response,
    ) -> Result<(), NetError> {
        self.send(Command::Respond { channel, response }).await
    }

    /// Stops the network task; returns once the swarm is dropped.
    pub async fn shutdown(&self) {
        let (done, rx) = oneshot::channel();
        if self.send(Command::Shutdown { done }).await.is_ok() {
            drop(rx.await);
        }
    }

    pub async fn status(&self) -> Result<NetStatus, NetError> {
        let (reply, rx) = oneshot::channel();
        self.send(Command::Status { reply }).await?;
        rx.await.map_err(|_| NetError::Stopped)
    }
}

/// Parses a PeerId as people write it (base58).
pub fn parse_peer_id(s: &str) -> Result<PeerId, NetError> {
    s.parse().map_err(|_| NetError::BadPeerId(s.to_owned()))
}

/// Parses a multiaddress, dropping a trailing `/p2p/<id>` (the PeerId is given separately).
pub fn parse_addr(s: &str) -> Result<Multiaddr, NetError> {
    let mut addr: Multiaddr = s.parse().map_err(|_| NetError::BadAddress(s.to_owned()))?;
    if matches!(addr.iter().last(), Some(libp2p::multiaddr::Protocol::P2p(_))) {
        addr.pop();
    }
    if addr.iter().next().is_none() {
        return Err(NetError::BadAddress(s.to_owned()));
    }
    Ok(addr)
}

/// The Ed25519 public key inside an Ed25519 PeerId.
pub fn key_of_peer_id(peer_id: &str) -> Option<ed25519_dalek::VerifyingKey> {
    let peer: PeerId = peer_id.parse().ok()?;
    let multihash = peer.as_ref();
    if multihash.code() != 0 {
        return None;
    }
    let public = libp2p::identity::PublicKey::try_decode_protobuf(multihash.digest()).ok()?;
    let ed = public.try_into_ed25519().ok()?;
    ed25519_dalek::VerifyingKey::from_bytes(&ed.to_bytes()).ok()
}

/// Per-peer redial state.
#[derive(Debug, Clone)]
struct Redial {
    addrs: Vec<Multiaddr>,
    next_at: tokio::time::Instant,
    backoff: Duration,
}

type RedialMap = BTreeMap<PeerId, Redial>;
