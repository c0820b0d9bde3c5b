//! Bounded CBOR encoding and decoding of untrusted bytes.
//!
//! Records travel and are stored as CBOR (RFC 8949) encoded with `ciborium`. Bytes that come from
//! a peer or from disk are untrusted, so [`from_slice`] decodes them in two steps:
//!
//! 1. a structural pass over the raw bytes ([`check_structure`]) that builds nothing: it rejects
//!    input over [`Limits::max_bytes`], nesting deeper than [`Limits::max_depth`], malformed heads,
//!    any declared length that runs past the end of the input (before anything is allocated for
//!    it), and bytes after the single top-level item. It is iterative, so hostile nesting cannot
//!    exhaust the stack, and its only allocation is a stack of at most `max_depth` small frames;
//! 2. `ciborium`'s serde deserializer with an explicit recursion limit, as a second line of
//!    defence.
//!
//! Because of step 1 every length that reaches `ciborium` is backed by that many bytes of input,
//! so no allocation can be driven by a declared length alone: memory use is linear in the input
//! size, which is itself capped.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Bounds applied to one decode of untrusted bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays, maps and tags (a scalar at top level has depth 0, a
    /// flat array depth 1).
    pub max_depth: usize,
}

impl Limits {
    /// 1 MiB and 32 levels: comfortably above any record, far below anything harmful.
    pub const DEFAULT: Limits = Limits { max_bytes: 1 << 20, max_depth: 32 };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Why bytes could not be encoded or decoded.
#[derive(Debug, thiserror::Error)]
pub enum CborError {
    /// The input is longer than allowed.
    #[error("CBOR input of {len} bytes exceeds the limit of {max} bytes")]
    TooLarge { len: usize, max: usize },
    /// The input nests arrays, maps or tags deeper than allowed.
    #[error("CBOR input nests deeper than {max} levels")]
    TooDeep { max: usize },
    /// The input is not well-formed CBOR, or does not match the expected type.
    #[error("malformed CBOR: {0}")]
    Malformed(String),
    /// The input ends before the item it starts is complete.
    #[error("truncated CBOR input")]
    Truncated,
    /// The input holds more than one top-level item.
    #[error("{extra} trailing bytes after the CBOR item")]
    TrailingBytes { extra: usize },
    /// The value could not be serialized.
    #[error("CBOR encoding failed: {0}")]
    Encode(String),
}

/// Encodes `value` as CBOR.
///
/// `Vec<u8>` fields become arrays of integers unless they are marked `#[serde(with =
/// "serde_bytes")]`, which makes them CBOR byte strings.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CborError> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).map_err(|e| CborError::Encode(e.to_string()))?;
    Ok(out)
}

/// Decodes exactly one CBOR item from untrusted `bytes` into a `T`, within `limits`.
///
/// Never panics and never allocates more than a small multiple of `bytes.len()`.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8], limits: Limits) -> Result<T, CborError> {
    check_structure(bytes, limits)?;

    let mut reader = bytes;
    // ciborium counts a unit enum variant written as a bare string as one more level than the
    // structural pass does; the structural pass is the authoritative depth check.
    let recursion_limit = limits.max_depth.saturating_add(1);
    let value = ciborium::de::from_reader_with_recursion_limit(&mut reader, recursion_limit).map_err(
        |e| match e {
            ciborium::de::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
                CborError::Truncated
            }
            ciborium::de::Error::Io(io) => CborError::Malformed(io.to_string()),
            ciborium::de::Error::Syntax(offset) => {
                CborError::Malformed(format!("syntax error at byte {offset}"))
            }
            ciborium::de::Error::Semantic(Some(offset), msg) => {
                CborError::Malformed(format!("{msg} (at byte {offset})"))
            }
            ciborium::de::Error::Semantic(None, msg) => CborError::Malformed(msg),
            ciborium::de::Error::RecursionLimitExceeded => CborError::TooDeep { max: limits.max_depth },
        },
    )?;
    if !reader.is_empty() {
        return Err(CborError::TrailingBytes { extra: reader.len() });
    }
    Ok(value)
}

/// One open container while walking the input.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// A definite-length array or map, or a tag: this many items are still to come (a map
    /// counts keys and values separately).
    Items(u64),
    /// An indefinite-length array: items until a break.
    IndefiniteArray,
    /// An indefinite-length map: keys and values until a break; `odd` after a key.
    IndefiniteMap { odd: bool },
    /// An indefinite-length byte (2) or text (3) string: definite chunks of that major type
    /// until a break.
    Chunks(u8),
}

/// An item head: major type, additional information and its argument.
struct Head {
    major: u8,
    info: u8,
    arg: u64,
}

const INDEFINITE: u8 = 31;

fn read_head(bytes: &[u8], pos: &mut usize) -> Result<Head, CborError> {
    let first = *bytes.get(*pos).ok_or(CborError::Truncated)?;
    *pos += 1;
    let major = first >> 5;
    let info = first & 0x1f;
    let width = match info {
        0..=23 => {
            return Ok(Head { major, info, arg: u64::from(info) });
        }
        24 => 1,
        25 => 2,
        26 => 4,
        27 => 8,
        28..=30 => {
            return Err(CborError::Malformed(format!(
                "reserved additional information {info} at byte {}",
                *pos - 1
            )));
        }
        _ => return Ok(Head { major, info, arg: 0 }),
    };
    let end = pos.checked_add(width).ok_or(CborError::Truncated)?;
    let arg_bytes = bytes.get(*pos..end).ok_or(CborError::Truncated)?;
    *pos = end;
    let arg = arg_bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    Ok(Head { major, info, arg })
}

/// Checks that `bytes` is exactly one well-formed CBOR item within `limits`, without decoding
/// it into anything.
///
/// Rejects, in this order of discovery: input over `max_bytes` ([`CborError::TooLarge`]);
/// reserved or misplaced heads ([`CborError::Malformed`]); nesting of arrays, maps and tags
/// beyond `max_depth` ([`CborError::TooDeep`]); any head or declared length that runs past the
/// end ([`CborError::Truncated`]); bytes after the item ([`CborError::TrailingBytes`]).
pub(crate) fn check_structure(bytes: &[u8], limits: Limits) -> Result<(), CborError> {
    if bytes.len() > limits.max_bytes {
        return Err(CborError::TooLarge { len: bytes.len(), max: limits.max_bytes });
    }

    let mut pos = 0usize;
    let mut stack: Vec<Frame> = Vec::with_capacity(limits.max_depth.min(64));

    loop {
        let head_at = pos;
        let head = read_head(bytes, &mut pos)?;
        let malformed = |what: &str| CborError::Malformed(format!("{what} at byte {head_at}"));

        // Inside an indefinite-length string only definite chunks of the same type or a break.
        if let Some(Frame::Chunks(major)) = stack.last() {
            let is_break = head.major == 7 && head.info == INDEFINITE;
            if !is_break && (head.major != *major || head.info == INDEFINITE) {
                return Err(malformed("invalid chunk in indefinite-length string"));
            }
        }

        let opened = match (head.major, head.info) {
            (7, INDEFINITE) => {
                match stack.last() {
                    Some(Frame::IndefiniteArray)
                    | Some(Frame::IndefiniteMap { odd: false })
                    | Some(Frame::Chunks(_)) => {
                        stack.pop();
                    }
                    Some(Frame::IndefiniteMap { odd: true }) => {
                        return Err(malformed("map key without a value"));
                    }
                    _ => return Err(malformed("unexpected break")),
                }
                None
            }
            (0 | 1 | 6, INDEFINITE) => return Err(malformed("indefinite length on a non-container")),
            (0 | 1, _) => None,
            (2 | 3, INDEFINITE) => Some(Frame::Chunks(head.major)),
            (2 | 3, _) => {
                let remaining = (bytes.len() - pos) as u64;
                if head.arg > remaining {
                    return Err(CborError::Truncated);
                }
                // arg <= remaining, which fits in usize.
                pos += head.arg as usize;
                None
            }
            (4, INDEFINITE) => Some(Frame::IndefiniteArray),
            (5, INDEFINITE) => Some(Frame::IndefiniteMap { odd: false }),
            (4 | 5, _) if head.arg == 0 => None,
            (4, _) => Some(Frame::Items(head.arg)),
            // More than u64::MAX items cannot be present in any input.
            (5, _) => Some(Frame::Items(head.arg.checked_mul(2).ok_or(CborError::Truncated)?)),
            (6, _) => Some(Frame::Items(1)),
            (7, 24) if head.arg < 32 => return Err(malformed("simple value in two bytes")),
            _ => None,
        };

        if let Some(frame) = opened {
            let depth = stack.iter().filter(|f| !matches!(f, Frame::Chunks(_))).count();
            if !matches!(frame, Frame::Chunks(_)) && depth >= limits.max_depth {
                return Err(CborError::TooDeep { max: limits.max_depth });
            }
            stack.push(frame);
            continue;
        }

        // One item is complete (a scalar, a string, an empty container, a chunk or a closed
        // indefinite-length container): account for it in the enclosing frames.
        loop {
            match stack.last_mut() {
                None => {
                    return if pos == bytes.len() {
                        Ok(())
                    } else {
                        Err(CborError::TrailingBytes { extra: bytes.len() - pos })
                    };
                }
                Some(Frame::Items(n)) => {
                    *n -= 1;
                    if *n == 0 {
                        stack.pop();
                        continue;
                    }
                }
                Some(Frame::IndefiniteMap { odd }) => *odd = !*odd,
                Some(Frame::IndefiniteArray) | Some(Frame::Chunks(_)) => {}
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8]) -> Result<(), CborError> {
        check_structure(bytes, Limits::DEFAULT)
    }

    #[test]
    fn scalars_and_containers_are_well_formed() {
        for hex in [
            "00",
            "17",
            "1818",
            "1bffffffffffffffff",
            "20",
            "3bffffffffffffffff",
            "40",
            "4401020304",
            "60",
            "6161",
            "80",
            "83010203",
            "a0",
            "a201020304",
            "c11a514b67b0",
            "f4",
            "f6",
            "f93c00",
            "fb3ff199999999999a",
            "f8ff",
            "5f42010243030405ff",
            "7f616161626163ff",
            "9f018202039f0405ffff",
            "bf6161016162f5ff",
        ] {
            let bytes = hex::decode(hex).expect("hex");
            assert!(check(&bytes).is_ok(), "{hex} should be well-formed");
        }
    }

    #[test]
    fn structural_errors_are_classified() {
        type Expect = fn(&CborError) -> bool;
        let cases: &[(&str, Expect)] = &[
            ("", |e| matches!(e, CborError::Truncated)),
            ("18", |e| matches!(e, CborError::Truncated)),
            ("1c", |e| matches!(e, CborError::Malformed(_))),
            ("1f", |e| matches!(e, CborError::Malformed(_))),
            ("ff", |e| matches!(e, CborError::Malformed(_))),
            ("f818", |e| matches!(e, CborError::Malformed(_))),
            ("5f01ff", |e| matches!(e, CborError::Malformed(_))),
            ("5f6161ff", |e| matches!(e, CborError::Malformed(_))),
            ("5f5fffff", |e| matches!(e, CborError::Malformed(_))),
            ("bf01ff", |e| matches!(e, CborError::Malformed(_))),
            ("8301", |e| matches!(e, CborError::Truncated)),
            ("a101", |e| matches!(e, CborError::Truncated)),
            ("c1", |e| matches!(e, CborError::Truncated)),
            ("9f01", |e| matches!(e, CborError::Truncated)),
            ("5bffffffffffffffff", |e| matches!(e, CborError::Truncated)),
            ("bbffffffffffffffff", |e| matches!(e, CborError::Truncated)),
            ("0000", |e| matches!(e, CborError::TrailingBytes { extra: 1 })),
            ("8101ff", |e| matches!(e, CborError::TrailingBytes { extra: 1 })),
        ];
        for (hex, expected) in cases {
            let bytes = hex::decode(hex).expect("hex");
            match check(&bytes) {
                Err(e) => assert!(expected(&e), "{hex}: unexpected error {e:?}"),
                Ok(()) => panic!("{hex} should be rejected"),
            }
        }
    }

    #[test]
    fn depth_counts_arrays_maps_and_tags() {
        let limits = Limits { max_bytes: 1024, max_depth: 3 };
        // [[[1]]] has depth 3, [[[[1]]]] depth 4.
        assert!(check_structure(&hex::decode("81818101").expect("hex"), limits).is_ok());
        assert!(matches!(
            check_structure(&hex::decode("8181818101").expect("hex"), limits),
            Err(CborError::TooDeep { max: 3 })
        ));
        // {1: tag(1, [1])} has depth 3; indefinite strings do not add a level.
        assert!(check_structure(&hex::decode("a101c18101").expect("hex"), limits).is_ok());
        assert!(check_structure(&hex::decode("8181815f4101ff").expect("hex"), limits).is_ok());
        assert!(matches!(
            check_structure(&hex::decode("a101c1818101").expect("hex"), limits),
            Err(CborError::TooDeep { max: 3 })
        ));
    }

    #[test]
    fn from_slice_agrees_with_the_structural_depth() {
        let limits = Limits { max_bytes: 1024, max_depth: 3 };
        let ok: Vec<Vec<Vec<u8>>> =
            from_slice(&hex::decode("81818101").expect("hex"), limits).expect("depth 3");
        assert_eq!(ok, vec![vec![vec![1]]]);
        assert!(matches!(
            from_slice::<Vec<Vec<Vec<Vec<u8>>>>>(&hex::decode("8181818101").expect("hex"), limits),
            Err(CborError::TooDeep { max: 3 })
        ));
    }

    #[test]
    fn round_trip_with_byte_strings() {
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct R {
            name: String,
            #[serde(with = "serde_bytes")]
            blob: Vec<u8>,
        }
        let r = R { name: "x".into(), blob: vec![1, 2, 3] };
        let bytes = to_vec(&r).expect("encode");
        // The blob is a byte string (major type 2), not an array.
        assert!(bytes.windows(4).any(|w| w == [0x43, 1, 2, 3]));
        assert_eq!(from_slice::<R>(&bytes, Limits::DEFAULT).expect("decode"), r);
    }
}
