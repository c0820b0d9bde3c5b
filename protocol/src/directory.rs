//! The hub's member directory (MISSION B5): which administrations are members, with their
//! PeerIds and addresses, versioned and signed by the hub, the federation's trust anchor.

use serde::{Deserialize, Serialize};

use crate::cbor::{self, Limits};
use crate::envelope::{self, EnvelopeError};

pub const CONTENT_TYPE_DIRECTORY: &str = "application/ncen-directory+cbor";
pub const DIRECTORY_FORMAT: u8 = 1;
/// Largest signed directory accepted.
pub const MAX_DIRECTORY_BYTES: usize = 1 << 20;

/// One member administration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    pub administration: String,
    pub peer_id: String,
    pub addresses: Vec<String>,
}

/// The directory as the hub signs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Directory {
    pub format: u8,
    /// Grows by one with every change.
    pub version: u64,
    pub issued_at_ms: i64,
    pub members: Vec<Member>,
}

impl Directory {
    pub fn member(&self, administration: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.administration == administration)
    }

    pub fn by_peer_id(&self, peer_id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.peer_id == peer_id)
    }

    pub fn sign(&self, key: &ed25519_dalek::SigningKey, hub_peer_id: &str) -> Result<Vec<u8>, EnvelopeError> {
        let payload = cbor::to_vec(self).map_err(|e| EnvelopeError::Encode(e.to_string()))?;
        envelope::sign(key, hub_peer_id.as_bytes(), CONTENT_TYPE_DIRECTORY, &payload)
    }

    /// Verifies a directory signed by the hub whose PeerId is `hub_peer_id`.
    pub fn verify(
        signed: &[u8],
        hub_key: &ed25519_dalek::VerifyingKey,
        hub_peer_id: &str,
    ) -> Result<Directory, EnvelopeError> {
        let verified = envelope::verify_from(signed, hub_key, hub_peer_id.as_bytes(), MAX_DIRECTORY_BYTES)?;
        let dir: Directory =
            cbor::from_slice(&verified.payload, Limits { max_bytes: MAX_DIRECTORY_BYTES, max_depth: 16 })
                .map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
        if dir.format != DIRECTORY_FORMAT {
            return Err(EnvelopeError::Malformed(format!("directory format {} unsupported", dir.format)));
        }
        Ok(dir)
    }
}
