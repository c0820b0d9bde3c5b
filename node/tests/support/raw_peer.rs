//! A raw libp2p peer for tests: it sends requests on `/ncen/exchange/1` as bytes, whatever they
//! are, and reads whatever comes back, so that tests can speak to a node as a misbehaving or
//! merely curious peer would.

#![allow(dead_code)]

use std::io;
use std::time::Duration;

use futures::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, StreamExt};
use libp2p::request_response::{self, ProtocolSupport};
use libp2p::swarm::SwarmEvent;
use libp2p::{Multiaddr, PeerId, StreamProtocol, Swarm, noise, tcp, yamux};
use ncen_protocol::cbor;
use ncen_protocol::wire::{self, Refusal, Response};

/// Largest response mallory reads.
const MAX_RAW_RESPONSE: usize = 16 << 20;

/// Sends requests as raw bytes and reads responses as raw bytes, whatever they are.
#[derive(Debug, Clone, Default)]
pub struct RawCodec;

async fn read_capped<T: AsyncRead + Unpin + Send>(io: &mut T) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io.take(MAX_RAW_RESPONSE as u64 + 1).read_to_end(&mut bytes).await?;
    if bytes.len() > MAX_RAW_RESPONSE {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "response too large"));
    }
    Ok(bytes)
}

async fn write_raw<T: AsyncWrite + Unpin + Send>(io: &mut T, bytes: &[u8]) -> io::Result<()> {
    io.write_all(bytes).await?;
    io.close().await
}

impl request_response::Codec for RawCodec {
    type Protocol = StreamProtocol;
    type Request = Vec<u8>;
    type Response = Vec<u8>;

    async fn read_request<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Vec<u8>>
    where
        T: AsyncRead + Unpin + Send,
    {
        read_capped(io).await
    }

    async fn read_response<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Vec<u8>>
    where
        T: AsyncRead + Unpin + Send,
    {
        read_capped(io).await
    }

    async fn write_request<T>(&mut self, _: &StreamProtocol, io: &mut T, req: Vec<u8>) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        write_raw(io, &req).await
    }

    async fn write_response<T>(&mut self, _: &StreamProtocol, io: &mut T, res: Vec<u8>) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        write_raw(io, &res).await
    }
}

/// What became of one request mallory sent.
#[derive(Debug)]
pub enum Outcome {
    Response(Vec<u8>),
    Failure(String),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Response(bytes) if bytes.is_empty() => write!(f, "stream closed without a response"),
            Outcome::Response(bytes) => match cbor::from_slice::<Response>(bytes, wire::RESPONSE_LIMITS) {
                Ok(response) => write!(f, "response {response:?}"),
                Err(e) => write!(f, "{} undecodable response bytes ({e})", bytes.len()),
            },
            Outcome::Failure(error) => write!(f, "outbound failure: {error}"),
        }
    }
}

impl Outcome {
    /// Whether the node refused the request: a `Refused { reason: BadRequest }` answer naming
    /// what was wrong (or, should the stream break first, no answer at all).
    pub fn refused(&self) -> bool {
        match self {
            Outcome::Response(bytes) if bytes.is_empty() => true,
            Outcome::Response(bytes) => matches!(
                cbor::from_slice(bytes, wire::RESPONSE_LIMITS),
                Ok(Response::Refused { reason: Refusal::BadRequest, message }) if !message.is_empty()
            ),
            Outcome::Failure(_) => true,
        }
    }

    /// Whether the node answered with entries, which it must never do for mallory.
    pub fn is_entries(&self) -> bool {
        match self {
            Outcome::Response(bytes) => {
                matches!(cbor::from_slice(bytes, wire::RESPONSE_LIMITS), Ok(Response::Entries { .. }))
            }
            Outcome::Failure(_) => false,
        }
    }
}

/// A raw libp2p client that the node allows as peer "FR".
pub struct Mallory {
    pub swarm: Swarm<request_response::Behaviour<RawCodec>>,
    pub target: PeerId,
    pub addr: Multiaddr,
    pub established: u32,
    pub closed: u32,
}

impl std::fmt::Debug for Mallory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mallory").field("target", &self.target).field("addr", &self.addr).finish()
    }
}

impl Mallory {
    pub fn new(target: PeerId, addr: Multiaddr) -> anyhow::Result<(Self, String)> {
        let identity = ncen_node::identity::Identity::generate()?;
        let mut secret = identity.signing_key().to_bytes();
        let key = libp2p::identity::Keypair::ed25519_from_bytes(&mut secret)?;
        let peer_id = key.public().to_peer_id().to_base58();
        let behaviour = request_response::Behaviour::with_codec(
            RawCodec,
            [(StreamProtocol::new(wire::PROTOCOL_EXCHANGE), ProtocolSupport::Outbound)],
            request_response::Config::default().with_request_timeout(Duration::from_secs(10)),
        );
        let swarm = libp2p::SwarmBuilder::with_existing_identity(key)
            .with_tokio()
            .with_tcp(tcp::Config::default().nodelay(true), noise::Config::new, yamux::Config::default)?
            .with_behaviour(|_| behaviour)?
            .with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(300)))
            .build();
        Ok((Mallory { swarm, target, addr, established: 0, closed: 0 }, peer_id))
    }

    /// Sends `bytes` as one request and drives the swarm until it is answered or fails.
    pub async fn exchange(&mut self, bytes: Vec<u8>) -> anyhow::Result<Outcome> {
        use request_response::{Event, Message};
        let id = self.swarm.behaviour_mut().send_request_with_addresses(
            &self.target,
            bytes,
            vec![self.addr.clone()],
        );
        let deadline = tokio::time::sleep(Duration::from_secs(30));
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                event = self.swarm.select_next_some() => match event {
                    SwarmEvent::Behaviour(Event::Message {
                        message: Message::Response { request_id, response }, ..
                    }) if request_id == id => return Ok(Outcome::Response(response)),
                    SwarmEvent::Behaviour(Event::OutboundFailure { request_id, error, .. })
                        if request_id == id => return Ok(Outcome::Failure(error.to_string())),
                    SwarmEvent::ConnectionEstablished { .. } => self.established += 1,
                    SwarmEvent::ConnectionClosed { .. } => self.closed += 1,
                    _ => {}
                },
                () = &mut deadline => anyhow::bail!("no outcome for a request within 30 s"),
            }
        }
    }
}
