//! A libp2p client that speaks `/ncen/exchange/1` in raw bytes, to send what no honest node
//! would: oversized, malformed and absurdly nested requests.

use std::io;
use std::time::Duration;

use futures::prelude::*;
use libp2p::request_response::{self, ProtocolSupport};
use libp2p::swarm::SwarmEvent;
use libp2p::{Multiaddr, PeerId, StreamProtocol, Swarm, noise, tcp, yamux};
use ncen_protocol::wire;

const MAX_READ: u64 = 16 << 20;

/// Bytes in, bytes out.
#[derive(Debug, Clone, Default)]
pub struct Bytes;

impl request_response::Codec for Bytes {
    type Protocol = StreamProtocol;
    type Request = Vec<u8>;
    type Response = Vec<u8>;

    async fn read_request<T: AsyncRead + Unpin + Send>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
    ) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        io.take(MAX_READ).read_to_end(&mut out).await?;
        Ok(out)
    }

    async fn read_response<T: AsyncRead + Unpin + Send>(
        &mut self,
        p: &StreamProtocol,
        io: &mut T,
    ) -> io::Result<Vec<u8>> {
        self.read_request(p, io).await
    }

    async fn write_request<T: AsyncWrite + Unpin + Send>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
        bytes: Vec<u8>,
    ) -> io::Result<()> {
        io.write_all(&bytes).await?;
        io.close().await
    }

    async fn write_response<T: AsyncWrite + Unpin + Send>(
        &mut self,
        p: &StreamProtocol,
        io: &mut T,
        bytes: Vec<u8>,
    ) -> io::Result<()> {
        self.write_request(p, io, bytes).await
    }
}

/// A raw client of one node.
pub struct RawClient {
    swarm: Swarm<request_response::Behaviour<Bytes>>,
    target: PeerId,
    address: Multiaddr,
}

impl std::fmt::Debug for RawClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawClient").field("target", &self.target).finish_non_exhaustive()
    }
}

impl RawClient {
    /// A client with a fresh identity; returns it and its PeerId.
    pub fn new(target: PeerId, address: Multiaddr) -> anyhow::Result<(RawClient, String)> {
        let key = libp2p::identity::Keypair::generate_ed25519();
        let peer_id = key.public().to_peer_id().to_base58();
        let behaviour = request_response::Behaviour::with_codec(
            Bytes,
            [(StreamProtocol::new(wire::PROTOCOL_EXCHANGE), ProtocolSupport::Outbound)],
            request_response::Config::default().with_request_timeout(Duration::from_secs(10)),
        );
        let swarm = libp2p::SwarmBuilder::with_existing_identity(key)
            .with_tokio()
            .with_tcp(tcp::Config::default(), noise::Config::new, yamux::Config::default)?
            .with_behaviour(|_| behaviour)?
            .with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(60)))
            .build();
        Ok((RawClient { swarm, target, address }, peer_id))
    }

    /// Sends one request; the response bytes, or why there were none.
    pub async fn send(&mut self, bytes: Vec<u8>) -> anyhow::Result<Result<Vec<u8>, String>> {
        use request_response::{Event, Message};
        let id = self.swarm.behaviour_mut().send_request_with_addresses(
            &self.target,
            bytes,
            vec![self.address.clone()],
        );
        let deadline = tokio::time::sleep(Duration::from_secs(30));
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                event = self.swarm.select_next_some() => match event {
                    SwarmEvent::Behaviour(Event::Message { message: Message::Response { request_id, response }, .. })
                        if request_id == id => return Ok(Ok(response)),
                    SwarmEvent::Behaviour(Event::OutboundFailure { request_id, error, .. }) if request_id == id => {
                        return Ok(Err(error.to_string()));
                    }
                    _ => {}
                },
                () = &mut deadline => anyhow::bail!("no answer within 30 s"),
            }
        }
    }
}
