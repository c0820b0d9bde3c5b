//! Interoperability of our COSE_Sign1 envelopes with pycose, an independent implementation.
//!
//! pycose → us: `fixtures/pycose_sign1.cbor` was made by `tools/cose/make_fixture.py`.
//! us → pycose: envelopes we sign are checked by `tools/cose/verify.py`, run with the Python
//! interpreter named by `NCEN_PYCOSE_PYTHON` (default `/root/.cache/ncen-venv/bin/python`).
//! Without that interpreter the test is skipped, except when `CI` is set, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use ed25519_dalek::{SigningKey, VerifyingKey};
use ncen_protocol::cbor;
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD, EnvelopeError};

const MAX: usize = 1 << 20;
const DEFAULT_PYTHON: &str = "/root/.cache/ncen-venv/bin/python";

fn fixtures() -> PathBuf {
    manifest_dir().join("tests/fixtures")
}

struct Fixture {
    envelope: Vec<u8>,
    public_key: VerifyingKey,
    kid: Vec<u8>,
    content_type: String,
    payload: Vec<u8>,
}

fn pycose_fixture() -> Fixture {
    let dir = fixtures();
    let envelope = std::fs::read(dir.join("pycose_sign1.cbor")).expect("read fixture");
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("pycose_sign1.json")).expect("read fixture metadata"),
    )
    .expect("fixture metadata is JSON");
    let field = |name: &str| {
        meta[name].as_str().unwrap_or_else(|| panic!("fixture metadata lacks {name}")).to_owned()
    };
    let public_key: [u8; 32] =
        hex::decode(field("public_key_hex")).expect("hex").try_into().expect("32-byte key");
    Fixture {
        envelope,
        public_key: VerifyingKey::from_bytes(&public_key).expect("valid public key"),
        kid: hex::decode(field("kid_hex")).expect("hex"),
        content_type: field("content_type"),
        payload: hex::decode(field("payload_hex")).expect("hex"),
    }
}

#[test]
fn pycose_envelope_verifies_with_us() {
    let f = pycose_fixture();
    let v = envelope::verify(&f.envelope, &f.public_key, MAX).expect("pycose envelope verifies");
    assert_eq!(v.kid, f.kid);
    assert_eq!(v.payload, f.payload);
    assert_eq!(v.content_type.as_deref(), Some(f.content_type.as_str()));
    assert_eq!(envelope::peek_kid(&f.envelope, MAX).expect("kid"), f.kid);
    envelope::verify_from(&f.envelope, &f.public_key, &f.kid, MAX).expect("verify_from");

    // The payload is a CBOR map our codec reads.
    let record: std::collections::BTreeMap<String, ciborium::Value> =
        cbor::from_slice(&v.payload, cbor::Limits::DEFAULT).expect("payload is CBOR");
    assert_eq!(record.get("kind").and_then(|k| k.as_text()), Some("seizure"));
}

#[test]
fn tampered_pycose_envelope_is_rejected() {
    let f = pycose_fixture();
    // Last byte of the signature, and one byte inside the payload.
    for i in [f.envelope.len() - 1, f.envelope.len() - 70] {
        let mut bad = f.envelope.clone();
        bad[i] ^= 0x01;
        assert!(envelope::verify(&bad, &f.public_key, MAX).is_err());
    }
    let other = SigningKey::from_bytes(&[3; 32]).verifying_key();
    assert!(matches!(envelope::verify(&f.envelope, &other, MAX), Err(EnvelopeError::BadSignature)));
}

/// The interpreter that has pycose, or `None` (after saying why) when the test should skip.
fn pycose_python() -> Option<PathBuf> {
    let python = std::env::var_os("NCEN_PYCOSE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_PYTHON));
    if python.exists() {
        return Some(python);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "pycose interpreter {} not found; CI must install it (see tools/cose/README.md)",
            python.display()
        );
    }
    eprintln!(
        "SKIPPED: pycose interoperability check, interpreter {} not found \
         (set NCEN_PYCOSE_PYTHON or see tools/cose/README.md)",
        python.display()
    );
    None
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Runs tools/cose/verify.py on `envelope`; returns (exit success, stdout, stderr).
fn pycose_verify(python: &Path, envelope: &[u8], key: &VerifyingKey) -> (bool, String, String) {
    let script = manifest_dir().join("../tools/cose/verify.py");
    let file = std::env::temp_dir().join(format!(
        "ncen-cose-interop-{}-{}.cbor",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&file, envelope).expect("write temp envelope");
    let out = Command::new(python)
        .arg(&script)
        .arg(&file)
        .arg(hex::encode(key.to_bytes()))
        .output()
        .expect("run verify.py");
    let _ = std::fs::remove_file(&file);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_owned(),
    )
}

#[test]
fn our_envelope_verifies_with_pycose() {
    let Some(python) = pycose_python() else {
        return;
    };
    let key = SigningKey::from_bytes(&[0x5a; 32]);
    let payload = cbor::to_vec(&("seizure", 7u32, "BE", vec![1u8, 2, 3])).expect("encode");
    let env = envelope::sign(&key, b"BE-node-1", CONTENT_TYPE_RECORD, &payload).expect("sign");

    let (ok, stdout, stderr) = pycose_verify(&python, &env, &key.verifying_key());
    assert!(ok, "pycose rejected our envelope: {stderr}");
    assert_eq!(stdout, hex::encode(&payload));

    // Flip one bit in the protected header, the payload and the signature: pycose must reject
    // each of them.
    for i in [6, env.len() - 64 - 3, env.len() - 1] {
        let mut bad = env.clone();
        bad[i] ^= 0x04;
        let (ok, stdout, _) = pycose_verify(&python, &bad, &key.verifying_key());
        assert!(!ok, "pycose accepted a tampered envelope (byte {i}): {stdout}");
    }

    // And the wrong key.
    let other = SigningKey::from_bytes(&[0x5b; 32]).verifying_key();
    let (ok, _, _) = pycose_verify(&python, &env, &other);
    assert!(!ok, "pycose accepted our envelope under the wrong key");
}

/// The crate's directory, read at run time (a test binary may have been built in another checkout).
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(std::path::PathBuf::from).unwrap_or_default()
}
