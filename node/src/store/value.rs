//! Versioned stored values: one format byte, then the CBOR encoding of the value.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use ncen_protocol::cbor::{self, Limits};

/// Format byte written in front of every value this version stores.
pub const VALUE_FORMAT: u8 = 1;

/// Largest stored value we accept to decode (records carry at most a few hundred KiB).
const LIMITS: Limits = Limits { max_bytes: 16 << 20, max_depth: 64 };

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let bytes = cbor::to_vec(value).map_err(|e| StoreError::Encode(e.to_string()))?;
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.push(VALUE_FORMAT);
    out.extend_from_slice(&bytes);
    Ok(out)
}

pub fn decode<T: DeserializeOwned>(cf: &'static str, bytes: &[u8]) -> Result<T, StoreError> {
    match bytes.split_first() {
        Some((&VALUE_FORMAT, rest)) => {
            cbor::from_slice(rest, LIMITS).map_err(|e| StoreError::Corrupt { cf, message: e.to_string() })
        }
        Some((other, _)) => Err(StoreError::Corrupt { cf, message: format!("unknown value format {other}") }),
        None => Err(StoreError::Corrupt { cf, message: "empty value".into() }),
    }
}
