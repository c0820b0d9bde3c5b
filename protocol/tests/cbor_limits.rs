//! The bounded CBOR codec against hostile input: it must answer with an error, never panic, and
//! never allocate from a declared length that the input does not back.

use std::collections::BTreeMap;

use ncen_protocol::cbor::{self, CborError, Limits};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Kind {
    Seizure,
    Suspect { age: Option<u8> },
    Company(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Sample {
    id: u64,
    delta: i64,
    name: String,
    #[serde(with = "serde_bytes")]
    blob: Vec<u8>,
    numbers: Vec<u32>,
    note: Option<String>,
    labels: BTreeMap<String, u16>,
    nested: Vec<Vec<i8>>,
    kind: Kind,
    flag: bool,
}

fn small() -> Limits {
    Limits { max_bytes: 4096, max_depth: 8 }
}

/// Decodes as a generic value and as a typed record; both must fail the same way.
fn decode_err(bytes: &[u8], limits: Limits) -> CborError {
    let generic = cbor::from_slice::<ciborium::Value>(bytes, limits).expect_err("generic decode should fail");
    let typed = cbor::from_slice::<Vec<Vec<u8>>>(bytes, limits).expect_err("typed decode should fail");
    assert_eq!(std::mem::discriminant(&generic), std::mem::discriminant(&typed), "{generic:?} vs {typed:?}");
    generic
}

#[test]
fn malformed_bytes() {
    for bytes in [
        &[0x1c][..],             // reserved additional information
        &[0xff][..],             // break outside an indefinite-length item
        &[0x5f, 0x01, 0xff][..], // integer inside an indefinite byte string
        &[0xbf, 0x01, 0xff][..], // indefinite map with a key and no value
        &[0x3f][..],             // indefinite-length negative integer
    ] {
        assert!(matches!(decode_err(bytes, small()), CborError::Malformed(_)), "{bytes:02x?}");
    }
    // Well-formed but of the wrong type.
    assert!(matches!(cbor::from_slice::<u8>(&[0x61, b'a'], small()), Err(CborError::Malformed(_))));
    assert!(matches!(cbor::from_slice::<u8>(&[0x19, 0x01, 0x00], small()), Err(CborError::Malformed(_))));
}

#[test]
fn truncated_input() {
    let sample = Sample {
        id: 1,
        delta: -2,
        name: "n".into(),
        blob: vec![9; 40],
        numbers: vec![1, 2, 3],
        note: Some("x".into()),
        labels: BTreeMap::from([("a".into(), 1)]),
        nested: vec![vec![1, -1]],
        kind: Kind::Suspect { age: Some(30) },
        flag: true,
    };
    let bytes = cbor::to_vec(&sample).expect("encode");
    assert_eq!(cbor::from_slice::<Sample>(&bytes, Limits::DEFAULT).expect("decode"), sample);
    for len in 0..bytes.len() {
        assert!(
            matches!(cbor::from_slice::<Sample>(&bytes[..len], Limits::DEFAULT), Err(CborError::Truncated)),
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn ten_thousand_nested_arrays() {
    let mut bytes = vec![0x81; 10_000];
    bytes.push(0x00);
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::TooDeep { max: 32 }));
    // Indefinite-length and map nesting too.
    let bytes = vec![0x9f; 10_000];
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::TooDeep { .. }));
    let mut bytes = Vec::new();
    for _ in 0..10_000 {
        bytes.extend_from_slice(&[0xa1, 0x00]);
    }
    bytes.push(0x00);
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::TooDeep { .. }));
    // Tags nest as well.
    let mut bytes = vec![0xc1; 10_000];
    bytes.push(0x00);
    assert!(matches!(
        cbor::from_slice::<ciborium::Value>(&bytes, Limits::DEFAULT),
        Err(CborError::TooDeep { .. })
    ));
}

#[test]
fn depth_limit_is_exact() {
    let limits = Limits { max_bytes: 1024, max_depth: 32 };
    let nested = |depth: usize| {
        let mut bytes = vec![0x81; depth];
        bytes.push(0x00);
        bytes
    };
    assert!(cbor::from_slice::<ciborium::Value>(&nested(32), limits).is_ok());
    assert!(matches!(
        cbor::from_slice::<ciborium::Value>(&nested(33), limits),
        Err(CborError::TooDeep { max: 32 })
    ));
}

/// Heads declaring 2^63 (and 2^64 - 1) items or bytes with nothing after them.
#[test]
fn huge_declared_lengths_without_content() {
    for major in [2u8, 3, 4, 5] {
        for arg in [1u64 << 63, u64::MAX, (1 << 32) + 1] {
            let mut bytes = vec![(major << 5) | 27];
            bytes.extend_from_slice(&arg.to_be_bytes());
            assert!(
                matches!(decode_err(&bytes, Limits::DEFAULT), CborError::Truncated),
                "major {major}, length {arg}"
            );
            // Also as a typed collection of wide elements.
            assert!(matches!(
                cbor::from_slice::<Vec<[u64; 8]>>(&bytes, Limits::DEFAULT),
                Err(CborError::Truncated) | Err(CborError::Malformed(_))
            ));
            assert!(matches!(
                cbor::from_slice::<BTreeMap<u64, String>>(&bytes, Limits::DEFAULT),
                Err(CborError::Truncated) | Err(CborError::Malformed(_))
            ));
        }
    }
    // A declared length backed by only a few bytes of content.
    let mut bytes = vec![0x5b];
    bytes.extend_from_slice(&(1u64 << 63).to_be_bytes());
    bytes.extend_from_slice(&[0u8; 100]);
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::Truncated));
}

/// ciborium itself, without our structural pass in front, on the same heads: it does not
/// reserve memory from the declared length (byte and text strings grow chunk by chunk, and
/// serde caps collection pre-allocation at 1 MiB), so it fails with an end-of-input error
/// instead of aborting on an impossible allocation.
#[test]
fn ciborium_alone_does_not_allocate_from_declared_lengths() {
    for major in [2u8, 3, 4, 5] {
        let mut bytes = vec![(major << 5) | 27];
        bytes.extend_from_slice(&(1u64 << 63).to_be_bytes());
        let generic: Result<ciborium::Value, _> =
            ciborium::de::from_reader_with_recursion_limit(&bytes[..], 32);
        assert!(generic.is_err(), "major {major}");
        let bufs: Result<Vec<serde_bytes::ByteBuf>, _> =
            ciborium::de::from_reader_with_recursion_limit(&bytes[..], 32);
        assert!(bufs.is_err(), "major {major}");
        let wide: Result<Vec<[u64; 16]>, _> = ciborium::de::from_reader_with_recursion_limit(&bytes[..], 32);
        assert!(wide.is_err(), "major {major}");
        let map: Result<std::collections::HashMap<u64, u64>, _> =
            ciborium::de::from_reader_with_recursion_limit(&bytes[..], 32);
        assert!(map.is_err(), "major {major}");
    }
}

#[test]
fn huge_indefinite_length_sequences() {
    // An indefinite array of 500,000 items that is never closed.
    let mut bytes = vec![0x9f];
    bytes.extend(std::iter::repeat_n(0x00, 500_000));
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::Truncated));
    // Closed, it is a valid array within the limits: decoding it is bounded by the input.
    bytes.push(0xff);
    let items: Vec<u8> = cbor::from_slice(&bytes, Limits::DEFAULT).expect("decode");
    assert_eq!(items.len(), 500_000);
    // Past max_bytes it is refused before any decoding.
    bytes.truncate(bytes.len() - 1);
    bytes.extend(std::iter::repeat_n(0x00, 600_000));
    bytes.push(0xff);
    assert!(matches!(
        decode_err(&bytes, Limits::DEFAULT),
        CborError::TooLarge { max, .. } if max == 1 << 20
    ));
    // An indefinite byte string of many empty chunks, never closed.
    let mut bytes = vec![0x5f];
    bytes.extend(std::iter::repeat_n(0x40, 500_000));
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::Truncated));
    // An indefinite map that is never closed.
    let mut bytes = vec![0xbf];
    bytes.extend(std::iter::repeat_n(0x00, 500_000));
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::Truncated));
}

#[test]
fn trailing_bytes() {
    let mut bytes = cbor::to_vec(&vec![1u8, 2, 3]).expect("encode");
    bytes.extend_from_slice(&[0x00, 0x01]);
    assert!(matches!(decode_err(&bytes, Limits::DEFAULT), CborError::TrailingBytes { extra: 2 }));
    // Even a lone break after a complete item.
    assert!(matches!(
        cbor::from_slice::<u8>(&[0x01, 0xff], Limits::DEFAULT),
        Err(CborError::TrailingBytes { extra: 1 })
    ));
}

#[test]
fn over_max_bytes() {
    let bytes = cbor::to_vec(serde_bytes::Bytes::new(&[7u8; 5000])).expect("encode");
    match cbor::from_slice::<serde_bytes::ByteBuf>(&bytes, small()) {
        Err(CborError::TooLarge { len, max }) => {
            assert_eq!(len, bytes.len());
            assert_eq!(max, 4096);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let ok: serde_bytes::ByteBuf = cbor::from_slice(&bytes, Limits { max_bytes: bytes.len(), max_depth: 1 })
        .expect("exactly at the limit");
    assert_eq!(ok.len(), 5000);
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Seizure),
        any::<Option<u8>>().prop_map(|age| Kind::Suspect { age }),
        ".{0,12}".prop_map(Kind::Company),
    ]
}

fn sample() -> impl Strategy<Value = Sample> {
    (
        (any::<u64>(), any::<i64>(), ".{0,24}"),
        proptest::collection::vec(any::<u8>(), 0..64),
        proptest::collection::vec(any::<u32>(), 0..16),
        proptest::option::of(".{0,16}"),
        proptest::collection::btree_map(".{0,8}", any::<u16>(), 0..6),
        proptest::collection::vec(proptest::collection::vec(any::<i8>(), 0..4), 0..4),
        kind(),
        any::<bool>(),
    )
        .prop_map(|((id, delta, name), blob, numbers, note, labels, nested, kind, flag)| Sample {
            id,
            delta,
            name,
            blob,
            numbers,
            note,
            labels,
            nested,
            kind,
            flag,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn values_round_trip(value in sample()) {
        let bytes = cbor::to_vec(&value).expect("encode");
        let back: Sample = cbor::from_slice(&bytes, Limits::DEFAULT).expect("decode");
        prop_assert_eq!(back, value);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = cbor::from_slice::<ciborium::Value>(&bytes, small());
        let _ = cbor::from_slice::<Sample>(&bytes, small());
        let _ = cbor::from_slice::<Vec<String>>(&bytes, small());
    }

    #[test]
    fn mutated_records_never_panic(
        value in sample(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = cbor::to_vec(&value).expect("encode");
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = cbor::from_slice::<Sample>(&bytes, Limits::DEFAULT);
        let _ = cbor::from_slice::<ciborium::Value>(&bytes, Limits::DEFAULT);
        let end = cut.index(bytes.len() + 1);
        let _ = cbor::from_slice::<Sample>(&bytes[..end], Limits::DEFAULT);
    }
}
