//! Uploads at the WCO hub on behalf of a member administration without a node (MISSION C2): the
//! same templates, limits, checks and report as a national import, but only the non-nominal
//! projection of each valid seizure is kept, in the global CEN database, with the member as
//! origin and the hub as signer. `Suspects` and `Companies` (and the photo rows of suspects) are
//! dropped as soon as the file is read, never interpreted, only counted as ignored; links to
//! them are not resolved (the projection drops them); a photo of the ZIP archive is kept only when a valid seizure names it as goods,
//! concealment or X-ray image.
//! Each national reference maps to one stable CEN id, so a new upload of the same seizure is a
//! new revision, never a second record. Everything an upload stores, with its audit entry, is
//! written in one batch. This file holds the hub's side (who may be uploaded for, ids,
//! signatures); `run.rs` one upload.

mod run;

use std::sync::Arc;

use ncen_protocol::cbor;
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::envelope;
use ncen_protocol::model::RecordId;
use ncen_protocol::projection::{CONTENT_TYPE_CEN_ON_BEHALF, SignedCen};
use ncen_protocol::record::is_administration_code;
use sha2::{Digest as _, Sha256};

use super::ImportError;
use crate::cen::CenDb;
use crate::federation::directory::DirectoryService;
use crate::identity::Identity;
use crate::journal::Journal;
use crate::store::StoreError;

pub(crate) use run::{Context, run};

/// The administration of the hub, the signer of every upload on behalf of a member.
pub const HUB: &str = "WCO";

/// Why an upload cannot be made for an administration.
#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    #[error("uploads on behalf of members without a node are made at the WCO hub only")]
    NotHub,
    #[error(
        "administration {0:?} is not in the country code list: give the two-letter code of a member without a node"
    )]
    Unknown(String),
    #[error(
        "administration {0} has a node in the member directory: its node sends its own seizures to the hub, so nothing is uploaded for it here"
    )]
    HasNode(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The hub's side of uploads on behalf of members: its CEN database and its key.
#[derive(Debug, Clone)]
pub struct MemberUploads {
    cen: CenDb,
    identity: Arc<Identity>,
    journal: Arc<Journal>,
    /// Held from reading the current heads to writing the new ones, so that two uploads for
    /// the same member cannot both build on the same revision.
    writing: Arc<std::sync::Mutex<()>>,
}

impl MemberUploads {
    pub fn new(cen: CenDb, identity: Arc<Identity>, journal: Arc<Journal>) -> Self {
        MemberUploads { cen, identity, journal, writing: Arc::default() }
    }

    /// The administrations of the member directory (each has a node).
    fn with_node(&self) -> Result<Vec<String>, StoreError> {
        let directory = DirectoryService::new(self.journal.clone(), self.identity.clone(), true, None);
        Ok(directory
            .current()?
            .map(|(d, _)| d.members.into_iter().map(|m| m.administration).collect())
            .unwrap_or_default())
    }

    /// The administrations an upload may be made for: the countries of the code list (not
    /// deprecated) that have no node in the member directory, by code.
    pub fn without_node(
        &self,
        catalog: &ncen_protocol::codelists::Catalog,
    ) -> Result<Vec<String>, StoreError> {
        let with_node = self.with_node()?;
        let mut codes: Vec<String> = catalog
            .list(ListId::Country)
            .entries
            .iter()
            .filter(|e| !e.deprecated && is_administration_code(&e.code) && !with_node.contains(&e.code))
            .map(|e| e.code.clone())
            .collect();
        codes.sort();
        Ok(codes)
    }

    /// The administration, upper-cased, if an upload may be made for it.
    pub fn check(&self, administration: &str) -> Result<String, MemberError> {
        let code = administration.trim().to_ascii_uppercase();
        let catalog = Catalog::builtin();
        if !is_administration_code(&code) || code == HUB || !catalog.list(ListId::Country).is_valid(&code) {
            return Err(MemberError::Unknown(administration.to_owned()));
        }
        if self.with_node()?.contains(&code) {
            return Err(MemberError::HasNode(code));
        }
        Ok(code)
    }

    /// The stable CEN id of a member's seizure: derived from the hub's key, the administration
    /// and the national reference, so that the same reference always names the same record and
    /// the reference itself cannot be recovered from the id.
    pub fn seizure_id(&self, administration: &str, reference: &str) -> RecordId {
        let mut h = Sha256::new();
        h.update(b"ncen/hub-upload/seizure-id/1\0");
        h.update(self.identity.signing_key().to_bytes());
        h.update(administration.as_bytes());
        h.update([0]);
        h.update(reference.as_bytes());
        let digest = h.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    }

    /// Signs one revision with the hub's key, marked as signed on behalf of its origin.
    fn sign(&self, signed: &SignedCen) -> Result<Vec<u8>, ImportError> {
        let payload = cbor::to_vec(signed).map_err(|e| ImportError::Record(e.to_string()))?;
        envelope::sign(
            self.identity.signing_key(),
            self.identity.peer_id().as_bytes(),
            CONTENT_TYPE_CEN_ON_BEHALF,
            &payload,
        )
        .map_err(|e| ImportError::Record(e.to_string()))
    }
}
