//! The task that owns the libp2p `Swarm`: builds it, listens, keeps connections to the peers it
//! is told to keep (redialling with backoff after a failure or a restart), refuses everyone else,
//! and turns commands into swarm calls and swarm events into [`NetEvent`]s.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use futures::StreamExt;
use libp2p::allow_block_list::{self, AllowedPeers};
use libp2p::connection_limits::{self, ConnectionLimits};
use libp2p::request_response::{self, OutboundRequestId, ProtocolSupport};
use libp2p::swarm::dial_opts::{DialOpts, PeerCondition};
use libp2p::swarm::{ListenError, NetworkBehaviour, SwarmEvent};
use libp2p::{Multiaddr, PeerId, StreamProtocol, Swarm, identify, noise, ping, tcp, yamux};
use ncen_protocol::wire::{self, Response};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::codec::{ExchangeCodec, Incoming};
use super::{CHANNEL, Command, IDLE_TIMEOUT, NetError, NetEvent, NetHandle, NetStatus, REQUEST_TIMEOUT};
use super::{Redial, RedialMap, parse_addr};

/// Fastest and slowest redial of a kept peer.
const BACKOFF_MIN: Duration = Duration::from_millis(250);
const BACKOFF_MAX: Duration = Duration::from_secs(30);
/// Bad requests a peer may send within [`STRIKE_WINDOW`] before it is disconnected.
const MAX_STRIKES: u32 = 20;
const STRIKE_WINDOW: Duration = Duration::from_secs(60);

#[derive(NetworkBehaviour)]
struct Behaviour {
    allow: allow_block_list::Behaviour<AllowedPeers>,
    limits: connection_limits::Behaviour,
    identify: identify::Behaviour,
    ping: ping::Behaviour,
    exchange: request_response::Behaviour<ExchangeCodec>,
}

fn behaviour(key: &libp2p::identity::Keypair) -> Behaviour {
    let limits = ConnectionLimits::default()
        .with_max_pending_incoming(Some(32))
        .with_max_pending_outgoing(Some(64))
        .with_max_established_incoming(Some(256))
        .with_max_established_outgoing(Some(256))
        .with_max_established_per_peer(Some(2));
    let exchange = request_response::Behaviour::with_codec(
        ExchangeCodec,
        [(StreamProtocol::new(wire::PROTOCOL_EXCHANGE), ProtocolSupport::Full)],
        request_response::Config::default()
            .with_request_timeout(REQUEST_TIMEOUT)
            .with_max_concurrent_streams(64),
    );
    Behaviour {
        allow: allow_block_list::Behaviour::default(),
        limits: connection_limits::Behaviour::new(limits),
        // No address cache: a peer is dialled only at the addresses its peer entry or the
        // directory gives, never at addresses it reported about itself.
        identify: identify::Behaviour::new(
            identify::Config::new("/ncen/1".into(), key.public()).with_cache_size(0),
        ),
        ping: ping::Behaviour::default(),
        exchange,
    }
}

/// Starts the network task listening on `listen`; returns once every address is bound.
pub async fn spawn(
    key: libp2p::identity::Keypair,
    listen: &[String],
) -> Result<(NetHandle, mpsc::Receiver<NetEvent>), NetError> {
    let local = key.public().to_peer_id();
    let build_err =
        |e: &dyn std::fmt::Display| NetError::Listen { addr: listen.join(","), message: e.to_string() };
    let mut swarm = libp2p::SwarmBuilder::with_existing_identity(key)
        .with_tokio()
        .with_tcp(tcp::Config::default().nodelay(true), noise::Config::new, yamux::Config::default)
        .map_err(|e| build_err(&e))?
        .with_behaviour(behaviour)
        .map_err(|e| build_err(&e))?
        .with_swarm_config(|c| c.with_idle_connection_timeout(IDLE_TIMEOUT))
        .build();
    let mut pending = listen.len();
    for addr in listen {
        let parsed = parse_addr(addr)?;
        swarm
            .listen_on(parsed)
            .map_err(|e| NetError::Listen { addr: addr.clone(), message: e.to_string() })?;
    }
    let mut addresses = Vec::new();
    let deadline = tokio::time::sleep(Duration::from_secs(10));
    tokio::pin!(deadline);
    while pending > 0 {
        tokio::select! {
            event = swarm.select_next_some() => match event {
                SwarmEvent::NewListenAddr { address, .. } => {
                    addresses.push(address);
                    pending -= 1;
                }
                SwarmEvent::ListenerError { error, .. } | SwarmEvent::ListenerClosed { reason: Err(error), .. } => {
                    return Err(NetError::Listen { addr: listen.join(","), message: error.to_string() });
                }
                _ => {}
            },
            () = &mut deadline => {
                return Err(NetError::Listen { addr: listen.join(","), message: "no address bound within 10 s".into() });
            }
        }
    }
    let (tx, rx) = mpsc::channel(CHANNEL);
    let (events_tx, events) = mpsc::channel(CHANNEL);
    let task = Task {
        swarm,
        events: events_tx,
        keep: RedialMap::new(),
        requests: HashMap::new(),
        connected: BTreeSet::new(),
        addresses,
        strikes: HashMap::new(),
    };
    tokio::spawn(task.run(rx));
    Ok((NetHandle { tx, local }, events))
}

struct Task {
    swarm: Swarm<Behaviour>,
    events: mpsc::Sender<NetEvent>,
    keep: RedialMap,
    requests: HashMap<OutboundRequestId, (PeerId, oneshot::Sender<Result<Response, NetError>>)>,
    connected: BTreeSet<PeerId>,
    addresses: Vec<Multiaddr>,
    /// Bad requests per peer in the current window.
    strikes: HashMap<PeerId, (u32, Instant)>,
}

impl Task {
    async fn run(mut self, mut commands: mpsc::Receiver<Command>) {
        let mut tick = tokio::time::interval(Duration::from_millis(250));
        let done = loop {
            tokio::select! {
                event = self.swarm.select_next_some() => self.on_event(event).await,
                command = commands.recv() => match command {
                    Some(Command::Shutdown { done }) => break Some(done),
                    Some(command) => self.on_command(command),
                    None => break None,
                },
                _ = tick.tick() => self.redial(),
            }
        };
        // Dropping the swarm closes every connection and listener.
        drop(self);
        if let Some(done) = done
            && done.send(()).is_err()
        {
            tracing::debug!("nobody waits for the network to stop");
        }
        tracing::debug!("network task stopped");
    }

    /// Counts a bad request from `peer`; true when it has sent too many within the window.
    fn strike(&mut self, peer: PeerId) -> bool {
        let now = Instant::now();
        let entry = self.strikes.entry(peer).or_insert((0, now));
        if now.duration_since(entry.1) > STRIKE_WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
        entry.0 > MAX_STRIKES
    }

    fn redial(&mut self) {
        let now = Instant::now();
        for (peer, state) in self.keep.iter_mut() {
            if self.connected.contains(peer) || state.next_at > now {
                continue;
            }
            let opts = DialOpts::peer_id(*peer)
                .addresses(state.addrs.clone())
                .condition(PeerCondition::DisconnectedAndNotDialing)
                .build();
            if let Err(e) = self.swarm.dial(opts) {
                tracing::debug!(%peer, error = %e, "dial not started");
            }
            state.next_at = now + state.backoff;
            state.backoff = (state.backoff * 2).min(BACKOFF_MAX);
        }
    }

    fn on_command(&mut self, command: Command) {
        match command {
            Command::Keep { peer, addrs } => {
                self.swarm.behaviour_mut().allow.allow_peer(peer);
                let entry = self.keep.entry(peer).or_insert(Redial {
                    addrs: Vec::new(),
                    next_at: Instant::now(),
                    backoff: BACKOFF_MIN,
                });
                entry.addrs = addrs;
                entry.next_at = Instant::now();
                entry.backoff = BACKOFF_MIN;
            }
            Command::Allow { peer } => {
                self.swarm.behaviour_mut().allow.allow_peer(peer);
            }
            Command::Forget { peer } => {
                self.keep.remove(&peer);
                self.swarm.behaviour_mut().allow.disallow_peer(peer);
                // Disallowing closes the peer's connections.
            }
            Command::Request { peer, request, reply } => {
                let addrs = self.keep.get(&peer).map(|r| r.addrs.clone()).unwrap_or_default();
                let exchange = &mut self.swarm.behaviour_mut().exchange;
                let id = exchange.send_request_with_addresses(&peer, Incoming::Valid(request), addrs);
                self.requests.insert(id, (peer, reply));
            }
            Command::Respond { channel, response } => {
                if self.swarm.behaviour_mut().exchange.send_response(channel, response).is_err() {
                    tracing::debug!("response dropped: the requester went away");
                }
            }
            Command::Shutdown { .. } => {}
            Command::Status { reply } => {
                let status = NetStatus {
                    listen: self.addresses.iter().map(|a| a.to_string()).collect(),
                    connected: self.connected.iter().copied().collect(),
                };
                // The asker may have given up waiting; nothing to do then.
                drop(reply.send(status));
            }
        }
    }

    async fn on_event(&mut self, event: SwarmEvent<BehaviourEvent>) {
        match event {
            SwarmEvent::ConnectionEstablished { peer_id, num_established, .. } => {
                if let Some(state) = self.keep.get_mut(&peer_id) {
                    state.backoff = BACKOFF_MIN;
                }
                if num_established.get() == 1 && self.connected.insert(peer_id) {
                    emit(&self.events, NetEvent::Connected(peer_id)).await;
                }
            }
            SwarmEvent::ConnectionClosed { peer_id, num_established: 0, .. }
                if self.connected.remove(&peer_id) =>
            {
                if let Some(state) = self.keep.get_mut(&peer_id) {
                    state.next_at = Instant::now() + BACKOFF_MIN;
                    state.backoff = BACKOFF_MIN;
                }
                emit(&self.events, NetEvent::Disconnected(peer_id)).await;
            }
            SwarmEvent::IncomingConnectionError {
                send_back_addr,
                error: ListenError::Denied { cause },
                peer_id,
                ..
            } => {
                tracing::info!(peer = ?peer_id, address = %send_back_addr, %cause, "connection refused");
                emit(&self.events, NetEvent::Denied { peer: peer_id, address: send_back_addr.to_string() })
                    .await;
            }
            SwarmEvent::NewListenAddr { address, .. } if !self.addresses.contains(&address) => {
                self.addresses.push(address);
            }
            SwarmEvent::Behaviour(BehaviourEvent::Exchange(event)) => self.on_exchange(event).await,
            _ => {}
        }
    }

    async fn on_exchange(&mut self, event: request_response::Event<Incoming, Response>) {
        use request_response::{Event, Message};
        match event {
            Event::Message {
                peer,
                message: Message::Request { request: Incoming::Valid(request), channel, .. },
                ..
            } => {
                emit(&self.events, NetEvent::Inbound { peer, request, channel }).await;
            }
            Event::Message {
                peer,
                message: Message::Request { request: Incoming::Invalid(why), channel, .. },
                ..
            } => {
                let refusal = Response::Refused { reason: wire::Refusal::BadRequest, message: why.clone() };
                if self.swarm.behaviour_mut().exchange.send_response(channel, refusal).is_err() {
                    tracing::debug!(%peer, "the sender of a bad request went away");
                }
                if self.strike(peer) {
                    tracing::warn!(%peer, "too many bad requests: disconnecting");
                    if self.swarm.disconnect_peer_id(peer).is_err() {
                        tracing::debug!(%peer, "already disconnected");
                    }
                }
                emit(&self.events, NetEvent::BadInbound { peer, message: why }).await;
            }
            Event::Message { message: Message::Response { request_id, response }, .. } => {
                if let Some((_, reply)) = self.requests.remove(&request_id) {
                    drop(reply.send(Ok(response)));
                }
            }
            Event::OutboundFailure { peer, request_id, error, .. } => {
                if let Some((_, reply)) = self.requests.remove(&request_id) {
                    drop(
                        reply.send(Err(NetError::Request {
                            peer: peer.to_string(),
                            message: error.to_string(),
                        })),
                    );
                }
            }
            Event::InboundFailure { peer, error, .. } => {
                tracing::debug!(%peer, %error, "inbound request failed");
            }
            Event::ResponseSent { .. } => {}
        }
    }
}

async fn emit(events: &mpsc::Sender<NetEvent>, event: NetEvent) {
    if events.send(event).await.is_err() {
        tracing::debug!("network event dropped: nobody listens");
    }
}
