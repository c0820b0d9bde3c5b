//! The node's identity: its Ed25519 key (kept in a 0600 file beside the store), the PeerId
//! derived from it, its administration and its role in the federation.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// File name of the secret key inside the data directory.
pub const KEY_FILE: &str = "node.key";
/// Folder of the RocksDB store inside the data directory.
pub const DB_DIR: &str = "db";

/// What a node is in the federation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum NodeRole {
    /// A national administration's nCEN node.
    National,
    /// The WCO hub: global CEN database, member directory, code lists.
    Hub,
}

impl NodeRole {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeRole::National => "national",
            NodeRole::Hub => "hub",
        }
    }
}

/// The public facts about this node, kept in the store at `init`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeInfo {
    pub administration: String,
    pub role: NodeRole,
    pub peer_id: String,
    pub created_ms: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("cannot read the node key {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write the node key {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the node key {path} is not a 32-byte Ed25519 secret key")]
    Invalid { path: PathBuf },
    #[error("the node key {path} is readable by others (mode {mode:o}); run `chmod 600 {path}`")]
    Permissions { path: PathBuf, mode: u32 },
    #[error("no randomness available from the operating system: {0}")]
    Random(String),
}

/// The node's signing key and its derived names.
#[derive(Clone)]
pub struct Identity {
    key: SigningKey,
    peer_id: String,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret key.
        f.debug_struct("Identity").field("peer_id", &self.peer_id).finish_non_exhaustive()
    }
}

impl Identity {
    pub fn from_secret(secret: [u8; 32]) -> Identity {
        let key = SigningKey::from_bytes(&secret);
        let peer_id = peer_id_of(&key.verifying_key());
        Identity { key, peer_id }
    }

    /// A new random identity.
    pub fn generate() -> Result<Identity, IdentityError> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| IdentityError::Random(e.to_string()))?;
        Ok(Identity::from_secret(secret))
    }

    /// Writes the secret key to a new file with mode 0600; never overwrites.
    pub fn write_new(&self, path: &Path) -> Result<(), IdentityError> {
        let err = |source| IdentityError::Write { path: path.to_owned(), source };
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut file = opts.open(path).map_err(err)?;
        file.write_all(self.key.as_bytes()).map_err(err)?;
        file.sync_all().map_err(err)
    }

    /// Reads the secret key, refusing a file that others can read.
    pub fn read(path: &Path) -> Result<Identity, IdentityError> {
        let err = |source| IdentityError::Read { path: path.to_owned(), source };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path).map_err(err)?.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(IdentityError::Permissions { path: path.to_owned(), mode });
            }
        }
        let bytes = fs::read(path).map_err(err)?;
        let secret: [u8; 32] =
            bytes.try_into().map_err(|_| IdentityError::Invalid { path: path.to_owned() })?;
        Ok(Identity::from_secret(secret))
    }

    pub fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The libp2p PeerId (base58), also the key id of every envelope this node signs.
    pub fn peer_id(&self) -> &str {
        &self.peer_id
    }
}

/// The libp2p PeerId of an Ed25519 public key.
pub fn peer_id_of(key: &VerifyingKey) -> String {
    match libp2p_identity::ed25519::PublicKey::try_from_bytes(key.as_bytes()) {
        Ok(pk) => libp2p_identity::PublicKey::from(pk).to_peer_id().to_base58(),
        // A dalek verifying key is always a valid Ed25519 point.
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_file_round_trips_and_is_private() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(KEY_FILE);
        let id = Identity::generate()?;
        id.write_new(&path)?;
        assert!(id.write_new(&path).is_err(), "an existing key is never overwritten");
        let back = Identity::read(&path)?;
        assert_eq!(back.peer_id(), id.peer_id());
        assert!(id.peer_id().starts_with("12D3KooW"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
            assert!(matches!(Identity::read(&path), Err(IdentityError::Permissions { .. })));
        }
        Ok(())
    }
}
