//! The federation (MISSION I1-I3, B1, B3, B5): peers, agreements, the hub's member directory,
//! and the one replication engine that serves each peer what its policy allows and applies what
//! peers send after checking signature, origin and agreement.

pub mod agreements;
pub mod apply;
pub mod board;
pub mod code_lists;
pub mod directory;
pub mod engine;
pub mod global;
pub mod ops;
pub mod peers;
pub mod photos;
pub mod serve;

use std::sync::Arc;

use ncen_protocol::agreement::Terms;
use ncen_protocol::record::RecordKind;

use crate::cen::{CenDb, GlobalCen};
use crate::codelists::{CatalogHandle, CodeListService};
use crate::identity::{Identity, NodeInfo, NodeRole};
use crate::journal::Journal;
use crate::operations::Operations;
use crate::photos::Photos;
use crate::store::{Cf, StoreError};
use agreements::Agreements;
use directory::DirectoryService;
use peers::Peers;

/// Who is asking, and what the policy for them is.
#[derive(Debug, Clone, PartialEq)]
pub enum Policy {
    /// This node is a member and the requester is its hub: non-nominal seizure projections.
    Hub,
    /// A peer with active agreements covering some flow from this node to it.
    Agreement { administration: String, terms: Vec<Terms> },
    /// A known administration without an active agreement for this flow.
    NoAgreement { administration: String },
    /// Not a peer, not a member, not the hub.
    Unknown,
}

/// Everything the replication engine and the federation endpoints share.
#[derive(Debug, Clone)]
pub struct Federation {
    pub info: NodeInfo,
    pub identity: Arc<Identity>,
    pub journal: Arc<Journal>,
    pub peers: Peers,
    pub agreements: Agreements,
    pub directory: DirectoryService,
    /// The hub's global CEN database (hub only).
    pub cen: Option<CenDb>,
    /// Photos of records, own and received.
    pub photos: Photos,
    /// CENcomm operations this node coordinates or takes part in.
    pub operations: Operations,
    /// The hub's PeerId and address (members only; the trust anchor).
    pub hub: Option<(String, String)>,
    /// Publications and the forum: the hub's board log or this member's copy.
    pub board: crate::board::Board,
    /// The code lists in force; at a member, kept up to date from the hub's releases.
    pub catalog: CatalogHandle,
    pub codelists: CodeListService,
    /// The hub's searches of its global CEN database, once its search index is open (hub only).
    pub global: Arc<std::sync::OnceLock<GlobalCen>>,
}

/// Key of the cursor of what this node has pulled from `administration`.
pub fn cursor_key(administration: &str) -> Vec<u8> {
    let mut k = vec![b'i'];
    k.extend_from_slice(administration.as_bytes());
    k
}

impl Federation {
    pub fn new(
        info: NodeInfo,
        identity: Arc<Identity>,
        journal: Arc<Journal>,
        hub: Option<(String, String)>,
        catalog: impl Into<CatalogHandle>,
    ) -> Self {
        let catalog = catalog.into();
        let is_hub = info.role == NodeRole::Hub;
        let hub = if is_hub { None } else { hub };
        let codelists = CodeListService::new(
            journal.clone(),
            identity.clone(),
            is_hub,
            hub.as_ref().map(|(id, _)| id.clone()),
            catalog.clone(),
        );
        Federation {
            peers: Peers::new(journal.clone()),
            agreements: Agreements::new(journal.clone(), identity.clone(), &info.administration),
            directory: DirectoryService::new(
                journal.clone(),
                identity.clone(),
                is_hub,
                hub.as_ref().map(|(id, _)| id.clone()),
            ),
            cen: is_hub.then(|| CenDb::new(journal.store().clone())),
            photos: Photos::new(journal.clone()),
            operations: Operations::new(
                journal.clone(),
                identity.clone(),
                &info.administration,
                catalog.clone(),
            ),
            board: crate::board::Board::new(
                journal.clone(),
                identity.clone(),
                &info.administration,
                hub.as_ref().map(|(id, _)| id.clone()),
                catalog.clone(),
            ),
            info,
            identity,
            journal,
            hub,
            catalog,
            global: Arc::new(std::sync::OnceLock::new()),
            codelists,
        }
    }

    pub fn me(&self) -> &str {
        &self.info.administration
    }

    pub fn is_hub(&self) -> bool {
        self.info.role == NodeRole::Hub
    }

    /// The administration behind a PeerId: own peers first, then the hub, then the directory.
    pub fn resolve(&self, peer_id: &str) -> Result<Option<String>, StoreError> {
        if let Some(p) = self.peers.by_peer_id(peer_id)? {
            return Ok(Some(p.administration));
        }
        if self.hub.as_ref().is_some_and(|(id, _)| id == peer_id) {
            return Ok(Some("WCO".into()));
        }
        Ok(self
            .directory
            .current()?
            .and_then(|(d, _)| d.by_peer_id(peer_id).map(|m| m.administration.clone())))
    }

    /// The PeerId and addresses of an administration.
    pub fn locate(&self, administration: &str) -> Result<Option<(String, Vec<String>)>, StoreError> {
        if let Some(p) = self.peers.get(administration)? {
            return Ok(Some((p.peer_id, p.addresses)));
        }
        if administration == "WCO"
            && let Some((id, addr)) = &self.hub
        {
            return Ok(Some((id.clone(), vec![addr.clone()])));
        }
        Ok(self
            .directory
            .current()?
            .and_then(|(d, _)| d.member(administration).map(|m| (m.peer_id.clone(), m.addresses.clone()))))
    }

    /// The policy for a request from `peer_id` to pull this node's log.
    pub fn policy(&self, peer_id: &str) -> Result<Policy, StoreError> {
        if !self.is_hub() && self.hub.as_ref().is_some_and(|(id, _)| id == peer_id) {
            return Ok(Policy::Hub);
        }
        let Some(administration) = self.resolve(peer_id)? else { return Ok(Policy::Unknown) };
        let terms: Vec<Terms> = self
            .agreements
            .active_with(&administration)?
            .into_iter()
            .filter(|t| RecordKind::ALL.iter().any(|k| t.covers_flow(self.me(), &administration, *k)))
            .collect();
        if terms.is_empty() {
            Ok(Policy::NoAgreement { administration })
        } else {
            Ok(Policy::Agreement { administration, terms })
        }
    }

    /// Whether this node should pull from `administration`: the hub pulls from every member;
    /// a member pulls from peers with an active agreement covering a flow towards it.
    pub fn pulls_from(&self, administration: &str) -> Result<bool, StoreError> {
        if self.is_hub() {
            return Ok(self.directory.current()?.is_some_and(|(d, _)| d.member(administration).is_some()));
        }
        Ok(self
            .agreements
            .active_with(administration)?
            .iter()
            .any(|t| RecordKind::ALL.iter().any(|k| t.covers_flow(administration, self.me(), *k))))
    }

    /// The administrations whose operation logs this node pulls: those it shares operations
    /// with; at the hub, every member (for the seizure reports they forward).
    pub fn op_sources(&self) -> Result<Vec<String>, StoreError> {
        if self.is_hub() {
            return Ok(self
                .directory
                .current()?
                .map(|(d, _)| d.members.into_iter().map(|m| m.administration).collect())
                .unwrap_or_default());
        }
        self.operations.partners()
    }

    /// Where this node's pulls from `administration` stand.
    pub fn cursor(&self, administration: &str) -> Result<u64, StoreError> {
        Ok(match self.journal.store().get(Cf::Cursors, &cursor_key(administration))? {
            Some(b) => <[u8; 8]>::try_from(b.as_slice()).map(u64::from_be_bytes).unwrap_or(0),
            None => 0,
        })
    }

    /// The last sequence number of this node's origin log.
    pub fn head(&self) -> u64 {
        self.journal.next_seq().saturating_sub(1)
    }
}
