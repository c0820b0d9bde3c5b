//! The member directory (MISSION B5): at the hub, the list of member administrations that an
//! administrator edits and the hub signs with each change; at a member, the last copy fetched
//! from the hub whose signature verified with the configured hub PeerId (the trust anchor).

use std::sync::Arc;

use ncen_protocol::directory::{DIRECTORY_FORMAT, Directory, Member};
use serde::{Deserialize, Serialize};

use crate::audit::{AuditEvent, Outcome};
use crate::identity::Identity;
use crate::journal::{Journal, now_ms};
use crate::net::key_of_peer_id;
use crate::store::keys::MetaKey;
use crate::store::{Cf, StoreError, value};

/// The signed directory as stored, with the PeerId of its signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredDirectory {
    signer: String,
    #[serde(with = "serde_bytes")]
    signed: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error("only the WCO hub keeps the member directory")]
    NotHub,
    #[error("{0} is already a member with another PeerId; remove it first")]
    Conflict(String),
    #[error("the directory signature does not verify with the hub's key: {0}")]
    BadSignature(String),
    #[error("cannot sign the directory: {0}")]
    Sign(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The directory held by this node.
#[derive(Debug, Clone)]
pub struct DirectoryService {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    is_hub: bool,
    /// The hub's PeerId (this node's own at the hub).
    hub_peer_id: Option<String>,
}

impl DirectoryService {
    pub fn new(
        journal: Arc<Journal>,
        identity: Arc<Identity>,
        is_hub: bool,
        hub_peer_id: Option<String>,
    ) -> Self {
        let hub_peer_id = if is_hub { Some(identity.peer_id().to_owned()) } else { hub_peer_id };
        DirectoryService { journal, identity, is_hub, hub_peer_id }
    }

    fn stored(&self) -> Result<Option<StoredDirectory>, StoreError> {
        match self.journal.store().get(Cf::Meta, MetaKey::Directory.bytes())? {
            Some(b) => Ok(Some(value::decode("meta", &b)?)),
            None => Ok(None),
        }
    }

    /// The current directory and its signed bytes, if this node holds one from its hub.
    pub fn current(&self) -> Result<Option<(Directory, Vec<u8>)>, StoreError> {
        let Some(hub) = &self.hub_peer_id else { return Ok(None) };
        let Some(stored) = self.stored()? else { return Ok(None) };
        if &stored.signer != hub {
            // A copy signed by another hub (the configuration changed): not trusted.
            return Ok(None);
        }
        let key = key_of_peer_id(hub)
            .ok_or_else(|| StoreError::Corrupt { cf: "meta", message: "hub key".into() })?;
        let dir = Directory::verify(&stored.signed, &key, hub)
            .map_err(|e| StoreError::Corrupt { cf: "meta", message: e.to_string() })?;
        Ok(Some((dir, stored.signed)))
    }

    pub fn version(&self) -> u64 {
        self.current().ok().flatten().map(|(d, _)| d.version).unwrap_or(0)
    }

    /// Hub: adds or updates a member, signs the new version. Returns the new directory.
    pub fn put_member(&self, actor: &str, member: Member) -> Result<Directory, DirectoryError> {
        if !self.is_hub {
            return Err(DirectoryError::NotHub);
        }
        let mut dir = match self.current()? {
            Some((d, _)) => d,
            None => Directory { format: DIRECTORY_FORMAT, version: 0, issued_at_ms: 0, members: Vec::new() },
        };
        if dir
            .members
            .iter()
            .any(|m| m.peer_id == member.peer_id && m.administration != member.administration)
        {
            return Err(DirectoryError::Conflict(member.administration));
        }
        dir.members.retain(|m| m.administration != member.administration);
        dir.members.push(member.clone());
        dir.members.sort_by(|a, b| a.administration.cmp(&b.administration));
        dir.version += 1;
        dir.issued_at_ms = now_ms();
        let signed = dir
            .sign(self.identity.signing_key(), self.identity.peer_id())
            .map_err(|e| DirectoryError::Sign(e.to_string()))?;
        let stored = StoredDirectory { signer: self.identity.peer_id().to_owned(), signed };
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Meta, MetaKey::Directory.bytes(), &value::encode(&stored)?);
            app.audit(
                batch,
                AuditEvent::new(actor, "directory.member", Outcome::Ok)
                    .target(format!("directory/members/{}", member.administration))
                    .detail(format!("peer_id={} version={}", member.peer_id, dir.version)),
            )
        })?;
        Ok(dir)
    }

    /// Member: keeps a directory fetched from the hub if it verifies and is newer.
    pub fn accept(&self, signed: &[u8]) -> Result<Option<Directory>, DirectoryError> {
        let Some(hub) = &self.hub_peer_id else { return Ok(None) };
        let key = key_of_peer_id(hub)
            .ok_or_else(|| DirectoryError::BadSignature("no key in the hub PeerId".into()))?;
        let dir =
            Directory::verify(signed, &key, hub).map_err(|e| DirectoryError::BadSignature(e.to_string()))?;
        if dir.version <= self.version() {
            return Ok(None);
        }
        let stored = StoredDirectory { signer: hub.clone(), signed: signed.to_vec() };
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Meta, MetaKey::Directory.bytes(), &value::encode(&stored)?);
            app.audit(
                batch,
                AuditEvent::new("hub", "directory.update", Outcome::Ok).detail(format!(
                    "version={} members={}",
                    dir.version,
                    dir.members.len()
                )),
            )
        })?;
        Ok(Some(dir))
    }
}
