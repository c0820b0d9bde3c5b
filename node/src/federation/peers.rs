//! Known peers (`/api/v1/peers`): the administrations this node exchanges with, their PeerIds
//! and addresses, kept in the store; and the live view of each (connected, last seen, how far
//! each side has pulled).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::record::is_administration_code;
use serde::{Deserialize, Serialize};

use crate::audit::{AuditEvent, Outcome};
use crate::journal::Journal;
use crate::net::{self, NetError};
use crate::store::{Cf, StoreError, value};

/// Most addresses kept for one peer.
pub const MAX_ADDRESSES: usize = 8;

/// A peer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Peer {
    /// ISO 3166-1 alpha-2 code of the administration, or WCO.
    pub administration: String,
    pub peer_id: String,
    /// libp2p multiaddresses, e.g. `/ip4/192.0.2.20/tcp/4001`.
    pub addresses: Vec<String>,
}

/// What is known about a peer while the node runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Live {
    pub connected: bool,
    pub last_seen_ms: Option<i64>,
    /// The peer's origin-log head, as it last told us.
    pub their_head: u64,
    /// Where the peer's last pull from us started.
    pub they_pulled: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum PeerError {
    #[error("administration {0:?}: use an ISO 3166-1 alpha-2 code such as BE, or WCO for the hub")]
    BadAdministration(String),
    #[error("{0} is this node itself")]
    Myself(String),
    #[error("give between 1 and {MAX_ADDRESSES} addresses")]
    Addresses,
    #[error("PeerId {peer_id} is already registered for {administration}")]
    PeerIdTaken { peer_id: String, administration: String },
    #[error("{0} (only Ed25519 PeerIds, 12D3KooW..., are accepted)")]
    Net(#[from] NetError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The peers table and its live state.
#[derive(Debug, Clone)]
pub struct Peers {
    journal: Arc<Journal>,
    live: Arc<Mutex<HashMap<String, Live>>>,
}

impl Peers {
    pub fn new(journal: Arc<Journal>) -> Self {
        Peers { journal, live: Arc::default() }
    }

    /// Checks and normalises a peer given by a user or a directory.
    pub fn check(peer: &Peer, catalog: &Catalog, me: &str, my_peer_id: &str) -> Result<Peer, PeerError> {
        let admin = peer.administration.trim().to_ascii_uppercase();
        let known = admin == "WCO" || catalog.list(ListId::Country).get(&admin).is_some();
        if !is_administration_code(&admin) || !known {
            return Err(PeerError::BadAdministration(peer.administration.clone()));
        }
        if admin == me || peer.peer_id == my_peer_id {
            return Err(PeerError::Myself(admin));
        }
        let id = net::parse_peer_id(peer.peer_id.trim())?;
        if net::key_of_peer_id(&id.to_base58()).is_none() {
            return Err(NetError::BadPeerId(peer.peer_id.clone()).into());
        }
        if peer.addresses.is_empty() || peer.addresses.len() > MAX_ADDRESSES {
            return Err(PeerError::Addresses);
        }
        let mut addresses = Vec::with_capacity(peer.addresses.len());
        for a in &peer.addresses {
            addresses.push(net::parse_addr(a.trim())?.to_string());
        }
        Ok(Peer { administration: admin, peer_id: id.to_base58(), addresses })
    }

    /// Adds or replaces a peer (already checked), audited.
    pub fn put(&self, actor: &str, peer: &Peer) -> Result<(), PeerError> {
        if let Some(other) = self.by_peer_id(&peer.peer_id)?
            && other.administration != peer.administration
        {
            return Err(PeerError::PeerIdTaken {
                peer_id: peer.peer_id.clone(),
                administration: other.administration,
            });
        }
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Peers, peer.administration.as_bytes(), &value::encode(peer)?);
            app.audit(
                batch,
                AuditEvent::new(actor, "peer.put", Outcome::Ok)
                    .target(format!("peers/{}", peer.administration))
                    .detail(format!("peer_id={} addresses={}", peer.peer_id, peer.addresses.join(" "))),
            )
        })?;
        Ok(())
    }

    /// Removes a peer, audited; false if there was none. Records received stay.
    pub fn remove(&self, actor: &str, administration: &str) -> Result<bool, StoreError> {
        if self.get(administration)?.is_none() {
            return Ok(false);
        }
        self.journal.write(true, |batch, app| {
            batch.delete(Cf::Peers, administration.as_bytes());
            app.audit(
                batch,
                AuditEvent::new(actor, "peer.remove", Outcome::Ok).target(format!("peers/{administration}")),
            )
        })?;
        Ok(true)
    }

    pub fn get(&self, administration: &str) -> Result<Option<Peer>, StoreError> {
        match self.journal.store().get(Cf::Peers, administration.as_bytes())? {
            Some(b) => Ok(Some(value::decode("peers", &b)?)),
            None => Ok(None),
        }
    }

    pub fn list(&self) -> Result<Vec<Peer>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::Peers, b"", true) {
            let (_, v) = item?;
            out.push(value::decode("peers", &v)?);
        }
        Ok(out)
    }

    pub fn by_peer_id(&self, peer_id: &str) -> Result<Option<Peer>, StoreError> {
        Ok(self.list()?.into_iter().find(|p| p.peer_id == peer_id))
    }

    /// The live state of `administration`.
    pub fn live(&self, administration: &str) -> Live {
        self.live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(administration)
            .cloned()
            .unwrap_or_default()
    }

    /// Updates the live state of `administration`.
    pub fn touch(&self, administration: &str, update: impl FnOnce(&mut Live)) {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = live.entry(administration.to_owned()).or_default();
        update(entry);
    }
}
