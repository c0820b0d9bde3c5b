//! COSE_Sign1 envelopes (RFC 9052, EdDSA) that carry a record's exact CBOR bytes and prove its origin.
//!
//! An envelope is the tagged COSE_Sign1 structure (CBOR tag 18):
//!
//! ```text
//! 18([ protected: bstr .cbor { 1: -8 (EdDSA), 4: kid, 3: content type },
//!      unprotected: {},
//!      payload: bstr (the record's CBOR bytes, attached),
//!      signature: bstr (Ed25519, 64 bytes) ])
//! ```
//!
//! Verification parses the envelope under size and depth bounds, trusts only the protected
//! header, and checks the Ed25519 signature (strict verification) over the `Sig_structure`
//! built from the protected header bytes exactly as received: headers are never re-encoded
//! for verification, so any conforming COSE implementation can produce envelopes we accept.

use coset::iana::{self, EnumI64};
use coset::{
    AsCborValue, CoseSign1, CoseSign1Builder, HeaderBuilder, RegisteredLabel, RegisteredLabelWithPrivate,
    TaggedCborSerializable,
};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::cbor::{self, CborError, Limits};

/// Content type of an envelope whose payload is one nCEN record in CBOR.
pub const CONTENT_TYPE_RECORD: &str = "application/ncen-record+cbor";

/// CBOR tag of a COSE_Sign1 structure (RFC 9052, section 2).
const COSE_SIGN1_TAG: u64 = iana::CborTag::CoseSign1 as u64;

/// Deepest nesting accepted in an envelope and, separately, inside its protected header.
const MAX_DEPTH: usize = 16;

/// Why an envelope could not be produced or accepted.
#[derive(Debug, thiserror::Error)]
pub enum EnvelopeError {
    /// Not a well-formed COSE_Sign1 structure (or it uses a feature we do not accept).
    #[error("malformed COSE_Sign1 envelope: {0}")]
    Malformed(String),
    /// The envelope is longer than allowed.
    #[error("envelope of {len} bytes exceeds the limit of {max} bytes")]
    TooLarge { len: usize, max: usize },
    /// The protected header does not name EdDSA as the algorithm.
    #[error("unsupported or missing algorithm (EdDSA required in the protected header)")]
    UnsupportedAlgorithm,
    /// The protected header carries no key identifier.
    #[error("missing key identifier in the protected header")]
    MissingKeyId,
    /// The key identifier is not the one expected.
    #[error("key identifier does not match the expected one")]
    KeyIdMismatch,
    /// The signature does not verify with the given key.
    #[error("bad signature")]
    BadSignature,
    /// The envelope could not be serialized.
    #[error("envelope encoding failed: {0}")]
    Encode(String),
}

/// The content of an envelope whose signature verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    /// Key identifier from the protected header.
    pub kid: Vec<u8>,
    /// Content type from the protected header; a numeric CoAP content format is rendered in
    /// decimal.
    pub content_type: Option<String>,
    /// The payload bytes exactly as signed.
    pub payload: Vec<u8>,
}

/// Signs `payload` (exact bytes, carried attached) with `key`; protected header: alg = EdDSA (-8),
/// kid = `kid`, content type = `content_type`. Returns the tagged COSE_Sign1 bytes (CBOR tag 18).
///
/// An empty `kid` is refused with [`EnvelopeError::MissingKeyId`], since no such envelope would
/// verify.
pub fn sign(
    key: &SigningKey,
    kid: &[u8],
    content_type: &str,
    payload: &[u8],
) -> Result<Vec<u8>, EnvelopeError> {
    if kid.is_empty() {
        return Err(EnvelopeError::MissingKeyId);
    }
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::EdDSA)
        .key_id(kid.to_vec())
        .content_type(content_type.to_owned())
        .build();
    CoseSign1Builder::new()
        .protected(protected)
        .payload(payload.to_vec())
        .create_signature(b"", |tbs| key.sign(tbs).to_bytes().to_vec())
        .build()
        .to_tagged_vec()
        .map_err(|e| EnvelopeError::Encode(e.to_string()))
}

/// Parses (size-bounded, tagged or untagged accepted), requires alg EdDSA in the protected header,
/// verifies the signature over the Sig_structure built from the protected header bytes AS
/// RECEIVED (never re-encode the header to verify), returns kid and payload.
pub fn verify(envelope: &[u8], key: &VerifyingKey, max_bytes: usize) -> Result<Verified, EnvelopeError> {
    let sign1 = parse(envelope, max_bytes)?;
    let kid = checked_kid(&sign1)?;
    verify_parsed(sign1, kid, key)
}

/// Reads the kid without verifying (to pick the key); never trust anything else from it.
pub fn peek_kid(envelope: &[u8], max_bytes: usize) -> Result<Vec<u8>, EnvelopeError> {
    let sign1 = parse(envelope, max_bytes)?;
    checked_kid(&sign1)
}

/// Verifies and also requires kid == expected_kid.
pub fn verify_from(
    envelope: &[u8],
    key: &VerifyingKey,
    expected_kid: &[u8],
    max_bytes: usize,
) -> Result<Verified, EnvelopeError> {
    let sign1 = parse(envelope, max_bytes)?;
    let kid = checked_kid(&sign1)?;
    if kid != expected_kid {
        return Err(EnvelopeError::KeyIdMismatch);
    }
    verify_parsed(sign1, kid, key)
}

/// Reads the attached payload without verifying: only for envelopes this node signed and
/// stored itself, or after [`verify`] succeeded on the same bytes.
pub fn payload_unverified(envelope: &[u8], max_bytes: usize) -> Result<Vec<u8>, EnvelopeError> {
    parse(envelope, max_bytes)?
        .payload
        .ok_or_else(|| EnvelopeError::Malformed("the envelope carries no payload".into()))
}

/// The content type of the protected header, without verifying (to pick the rules that the
/// verification then applies; never trust it before).
pub fn content_type_unverified(envelope: &[u8], max_bytes: usize) -> Result<Option<String>, EnvelopeError> {
    Ok(match parse(envelope, max_bytes)?.protected.header.content_type {
        None => None,
        Some(RegisteredLabel::Text(text)) => Some(text),
        Some(RegisteredLabel::Assigned(format)) => Some(format.to_i64().to_string()),
    })
}

/// The signature bytes of an envelope (for fingerprints shown to people), without verifying.
pub fn signature_unverified(envelope: &[u8], max_bytes: usize) -> Result<Vec<u8>, EnvelopeError> {
    Ok(parse(envelope, max_bytes)?.signature)
}

/// Decodes a tagged or untagged COSE_Sign1 under size and depth bounds.
fn parse(envelope: &[u8], max_bytes: usize) -> Result<CoseSign1, EnvelopeError> {
    if envelope.len() > max_bytes {
        return Err(EnvelopeError::TooLarge { len: envelope.len(), max: max_bytes });
    }
    let limits = Limits { max_bytes, max_depth: MAX_DEPTH };
    let value: ciborium::Value = cbor::from_slice(envelope, limits).map_err(from_cbor)?;
    let value = match value {
        ciborium::Value::Tag(COSE_SIGN1_TAG, inner) => *inner,
        ciborium::Value::Tag(tag, _) => {
            return Err(EnvelopeError::Malformed(format!(
                "CBOR tag {tag}, expected {COSE_SIGN1_TAG} (COSE_Sign1)"
            )));
        }
        untagged => untagged,
    };
    // The protected header is a CBOR map inside a byte string: bound it as well before coset
    // decodes it.
    if let ciborium::Value::Array(items) = &value
        && let Some(ciborium::Value::Bytes(protected)) = items.first()
        && !protected.is_empty()
    {
        cbor::check_structure(protected, limits).map_err(from_cbor)?;
    }
    let sign1 = CoseSign1::from_cbor_value(value).map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
    if sign1.protected.original_data.is_none() {
        return Err(EnvelopeError::Malformed("protected header bytes not retained".into()));
    }
    if !sign1.protected.header.crit.is_empty() {
        return Err(EnvelopeError::Malformed("critical header parameters are not supported".into()));
    }
    Ok(sign1)
}

/// The kid of the protected header; an unprotected kid is ignored.
fn checked_kid(sign1: &CoseSign1) -> Result<Vec<u8>, EnvelopeError> {
    let kid = &sign1.protected.header.key_id;
    if kid.is_empty() {
        return Err(EnvelopeError::MissingKeyId);
    }
    Ok(kid.clone())
}

fn verify_parsed(sign1: CoseSign1, kid: Vec<u8>, key: &VerifyingKey) -> Result<Verified, EnvelopeError> {
    let header = &sign1.protected.header;
    if header.alg != Some(RegisteredLabelWithPrivate::Assigned(iana::Algorithm::EdDSA)) {
        return Err(EnvelopeError::UnsupportedAlgorithm);
    }
    if sign1.payload.is_none() {
        return Err(EnvelopeError::Malformed("detached payloads are not supported".into()));
    }
    // `tbs_data` builds the Sig_structure from `protected.original_data`, the header bytes as
    // received (checked to be present in `parse`).
    sign1.verify_signature(b"", |signature, tbs| {
        let signature = Signature::from_slice(signature).map_err(|_| EnvelopeError::BadSignature)?;
        key.verify_strict(tbs, &signature).map_err(|_| EnvelopeError::BadSignature)
    })?;

    let content_type = match &sign1.protected.header.content_type {
        None => None,
        Some(RegisteredLabel::Text(text)) => Some(text.clone()),
        Some(RegisteredLabel::Assigned(format)) => Some(format.to_i64().to_string()),
    };
    Ok(Verified { kid, content_type, payload: sign1.payload.unwrap_or_default() })
}

fn from_cbor(e: CborError) -> EnvelopeError {
    match e {
        CborError::TooLarge { len, max } => EnvelopeError::TooLarge { len, max },
        other => EnvelopeError::Malformed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coset::{CborSerializable, CoseSign1, Header, ProtectedHeader};

    const MAX: usize = 64 * 1024;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn envelope() -> (SigningKey, Vec<u8>) {
        let k = key(7);
        let payload = cbor::to_vec(&("seizure", 42u32, "NL")).expect("encode");
        let env = sign(&k, b"NL-node-1", CONTENT_TYPE_RECORD, &payload).expect("sign");
        (k, env)
    }

    /// Builds an envelope with the given protected header bytes, signed by `k` over the
    /// Sig_structure of exactly those bytes.
    fn hand_made(k: &SigningKey, protected: &[u8], payload: &[u8]) -> Vec<u8> {
        let sig_structure = ciborium::Value::Array(vec![
            ciborium::Value::Text("Signature1".into()),
            ciborium::Value::Bytes(protected.to_vec()),
            ciborium::Value::Bytes(vec![]),
            ciborium::Value::Bytes(payload.to_vec()),
        ]);
        let tbs = cbor::to_vec(&sig_structure).expect("tbs");
        let signature = k.sign(&tbs).to_bytes().to_vec();
        let env = ciborium::Value::Tag(
            COSE_SIGN1_TAG,
            Box::new(ciborium::Value::Array(vec![
                ciborium::Value::Bytes(protected.to_vec()),
                ciborium::Value::Map(vec![]),
                ciborium::Value::Bytes(payload.to_vec()),
                ciborium::Value::Bytes(signature),
            ])),
        );
        cbor::to_vec(&env).expect("envelope")
    }

    #[test]
    fn round_trip() {
        let (k, env) = envelope();
        assert_eq!(env[0], 0xd2, "tagged COSE_Sign1");
        let v = verify(&env, &k.verifying_key(), MAX).expect("verify");
        assert_eq!(v.kid, b"NL-node-1");
        assert_eq!(v.content_type.as_deref(), Some(CONTENT_TYPE_RECORD));
        assert_eq!(v.payload, cbor::to_vec(&("seizure", 42u32, "NL")).expect("encode"));
        assert_eq!(peek_kid(&env, MAX).expect("kid"), b"NL-node-1");
        assert_eq!(verify_from(&env, &k.verifying_key(), b"NL-node-1", MAX).expect("verify_from"), v);
    }

    #[test]
    fn untagged_is_accepted() {
        let (k, env) = envelope();
        let untagged = &env[1..];
        assert!(verify(untagged, &k.verifying_key(), MAX).is_ok());
    }

    #[test]
    fn other_tag_is_rejected() {
        let (k, mut env) = envelope();
        env[0] = 0xd1; // tag 17 (COSE_Mac0)
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::Malformed(_))));
    }

    #[test]
    fn every_flipped_bit_is_rejected() {
        let (k, env) = envelope();
        let vk = k.verifying_key();
        for i in 0..env.len() {
            for bit in 0..8 {
                let mut bad = env.clone();
                bad[i] ^= 1 << bit;
                assert!(verify(&bad, &vk, MAX).is_err(), "bit {bit} of byte {i} flipped and still verified");
            }
        }
    }

    #[test]
    fn wrong_key_is_bad_signature() {
        let (_, env) = envelope();
        assert!(matches!(verify(&env, &key(8).verifying_key(), MAX), Err(EnvelopeError::BadSignature)));
    }

    #[test]
    fn truncated_is_malformed() {
        let (k, env) = envelope();
        for len in 0..env.len() {
            assert!(
                matches!(verify(&env[..len], &k.verifying_key(), MAX), Err(EnvelopeError::Malformed(_))),
                "truncated to {len}"
            );
        }
    }

    #[test]
    fn oversized_is_too_large() {
        let (k, env) = envelope();
        assert!(matches!(
            verify(&env, &k.verifying_key(), env.len() - 1),
            Err(EnvelopeError::TooLarge { .. })
        ));
        assert!(matches!(
            peek_kid(&env, 10),
            Err(EnvelopeError::TooLarge { len, max: 10 }) if len == env.len()
        ));
    }

    #[test]
    fn wrong_algorithm_is_unsupported() {
        let k = key(7);
        let protected = HeaderBuilder::new()
            .algorithm(iana::Algorithm::ES256)
            .key_id(b"kid".to_vec())
            .build()
            .to_vec()
            .expect("header");
        let env = hand_made(&k, &protected, b"payload");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::UnsupportedAlgorithm)));
    }

    #[test]
    fn algorithm_only_in_unprotected_header_is_unsupported() {
        let k = key(7);
        let sign1 = CoseSign1Builder::new()
            .protected(HeaderBuilder::new().key_id(b"kid".to_vec()).build())
            .unprotected(HeaderBuilder::new().algorithm(iana::Algorithm::EdDSA).build())
            .payload(b"payload".to_vec())
            .create_signature(b"", |tbs| k.sign(tbs).to_bytes().to_vec())
            .build();
        let env = sign1.to_tagged_vec().expect("encode");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::UnsupportedAlgorithm)));
    }

    #[test]
    fn missing_kid_is_rejected() {
        let k = key(7);
        let protected =
            HeaderBuilder::new().algorithm(iana::Algorithm::EdDSA).build().to_vec().expect("header");
        let env = hand_made(&k, &protected, b"payload");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::MissingKeyId)));
        assert!(matches!(peek_kid(&env, MAX), Err(EnvelopeError::MissingKeyId)));
        assert!(matches!(sign(&k, b"", CONTENT_TYPE_RECORD, b"x"), Err(EnvelopeError::MissingKeyId)));
    }

    #[test]
    fn kid_only_in_unprotected_header_is_missing() {
        let k = key(7);
        let sign1 = CoseSign1 {
            protected: ProtectedHeader {
                original_data: None,
                header: HeaderBuilder::new().algorithm(iana::Algorithm::EdDSA).build(),
            },
            unprotected: Header { key_id: b"kid".to_vec(), ..Header::default() },
            payload: Some(b"payload".to_vec()),
            signature: vec![],
        };
        let tbs = sign1.tbs_data(b"");
        let sign1 = CoseSign1 { signature: k.sign(&tbs).to_bytes().to_vec(), ..sign1 };
        let env = sign1.to_tagged_vec().expect("encode");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::MissingKeyId)));
    }

    #[test]
    fn kid_mismatch_in_verify_from() {
        let (k, env) = envelope();
        assert!(matches!(
            verify_from(&env, &k.verifying_key(), b"NL-node-2", MAX),
            Err(EnvelopeError::KeyIdMismatch)
        ));
    }

    #[test]
    fn protected_header_is_verified_as_received() {
        // A protected header in a non-preferred encoding: kid before alg, and alg -8 written
        // with a one-byte argument (0x38 0x07) instead of 0x27. Re-encoding it would change the
        // bytes and break the signature.
        let protected =
            hex::decode("a3044361626301380703781c6170706c69636174696f6e2f6e63656e2d7265636f72642b63626f72")
                .expect("hex");
        let k = key(9);
        let env = hand_made(&k, &protected, b"record bytes");
        let v = verify(&env, &k.verifying_key(), MAX).expect("verifies as received");
        assert_eq!(v.kid, b"abc");
        assert_eq!(v.content_type.as_deref(), Some(CONTENT_TYPE_RECORD));
        assert_eq!(v.payload, b"record bytes");
    }

    #[test]
    fn detached_payload_is_rejected() {
        let k = key(7);
        let sign1 = CoseSign1Builder::new()
            .protected(HeaderBuilder::new().algorithm(iana::Algorithm::EdDSA).key_id(b"kid".to_vec()).build())
            .create_detached_signature(b"payload", b"", |tbs| k.sign(tbs).to_bytes().to_vec())
            .build();
        let env = sign1.to_tagged_vec().expect("encode");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::Malformed(_))));
    }

    #[test]
    fn critical_parameters_are_rejected() {
        let k = key(7);
        let protected = HeaderBuilder::new()
            .algorithm(iana::Algorithm::EdDSA)
            .key_id(b"kid".to_vec())
            .add_critical(iana::HeaderParameter::Alg)
            .build()
            .to_vec()
            .expect("header");
        let env = hand_made(&k, &protected, b"payload");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::Malformed(_))));
    }

    #[test]
    fn deep_protected_header_is_rejected() {
        // {4: 'kid', 1: -8, -65537: [[[[...]]]]} nested far beyond the limit.
        let mut protected = hex::decode("a3044361626301273a00010000").expect("hex");
        protected.extend(std::iter::repeat_n(0x81, 200));
        protected.push(0x00);
        let k = key(7);
        let env = hand_made(&k, &protected, b"payload");
        assert!(matches!(verify(&env, &k.verifying_key(), MAX), Err(EnvelopeError::Malformed(_))));
    }

    #[test]
    fn garbage_never_panics() {
        let vk = key(1).verifying_key();
        for input in [
            &b""[..],
            &[0xd2][..],
            &[0xd2, 0x80][..],
            &[0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40][..],
            &[0x84, 0x41, 0x00, 0xa0, 0x40, 0x40][..],
            &[0xd2, 0x84, 0x43, 0xa1, 0x01, 0x27, 0xa0, 0x40, 0x40][..],
            &[0xff; 16][..],
        ] {
            assert!(verify(input, &vk, MAX).is_err());
            let _ = peek_kid(input, MAX);
        }
    }
}
