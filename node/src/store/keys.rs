//! Typed, order-preserving keys: fixed-width big-endian integers, fixed-width codes and
//! length-free terms closed by a zero byte, so that byte order is the order we scan in.

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;

/// Width of an administration code in keys (`NL `, `WCO`).
pub const ORIGIN_WIDTH: usize = 3;
/// Width of a `YYYY-MM-DD` date.
pub const DATE_WIDTH: usize = 10;

/// Keys of the `meta` family.
#[derive(Debug, Clone, Copy)]
pub enum MetaKey {
    Identity,
    StoreFormat,
    AuditHead,
    /// The signed member directory: the hub's own, or a member's verified copy.
    Directory,
}

impl MetaKey {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            MetaKey::Identity => b"identity",
            MetaKey::StoreFormat => b"store_format",
            MetaKey::AuditHead => b"audit_head",
            MetaKey::Directory => b"directory",
        }
    }
}

pub fn origin_bytes(origin: &str) -> [u8; ORIGIN_WIDTH] {
    let mut out = [b' '; ORIGIN_WIDTH];
    for (o, b) in out.iter_mut().zip(origin.bytes()) {
        *o = b;
    }
    out
}

/// `[kind][uuid]`.
pub fn record(kind: RecordKind, id: RecordId) -> Vec<u8> {
    let mut k = Vec::with_capacity(17);
    k.push(kind.tag());
    k.extend_from_slice(id.as_bytes());
    k
}

/// `[kind][uuid][revision]`.
pub fn revision(kind: RecordKind, id: RecordId, revision: u32) -> Vec<u8> {
    let mut k = record(kind, id);
    k.extend_from_slice(&revision.to_be_bytes());
    k
}

/// `[origin][seq]`.
pub fn origin_log(origin: &str, seq: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(ORIGIN_WIDTH + 8);
    k.extend_from_slice(&origin_bytes(origin));
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

/// `[seq]`: a position in the node-local change feed.
pub fn change(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

/// The sequence number of a change-feed key.
pub fn change_seq(key: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(key).ok().map(u64::from_be_bytes)
}

/// `[kind][origin][reference]`.
pub fn national_ref(kind: RecordKind, origin: &str, reference: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(1 + ORIGIN_WIDTH + reference.len());
    k.push(kind.tag());
    k.extend_from_slice(&origin_bytes(origin));
    k.extend_from_slice(reference.as_bytes());
    k
}

/// What a secondary index entry is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'a> {
    /// Every record of the kind.
    All,
    /// A commodity code or one of its ancestors.
    Commodity(&'a str),
    /// A country the record is about (place, route, nationality, establishment).
    Country(&'a str),
    /// The owning administration.
    Origin(&'a str),
    /// A photo the record references, by its lowercase hex SHA-256.
    Photo(&'a str),
}

/// `[kind][term type][term][0]`: the prefix every entry of one term shares.
pub fn index_prefix(kind: RecordKind, term: Term<'_>) -> Vec<u8> {
    let (tag, text) = match term {
        Term::All => (0u8, ""),
        Term::Commodity(c) => (1, c),
        Term::Country(c) => (2, c),
        Term::Origin(o) => (3, o),
        Term::Photo(p) => (4, p),
    };
    let mut k = Vec::with_capacity(3 + text.len() + DATE_WIDTH + 16);
    k.push(kind.tag());
    k.push(tag);
    // Terms are code-list codes: ASCII without zero bytes, so the terminator is unambiguous.
    k.extend(text.bytes().filter(|b| *b != 0));
    k.push(0);
    k
}

/// A date padded or cut to [`DATE_WIDTH`] bytes.
pub fn date_bytes(date: &str) -> [u8; DATE_WIDTH] {
    let mut out = [b'0'; DATE_WIDTH];
    for (o, b) in out.iter_mut().zip(date.bytes()) {
        *o = b;
    }
    out
}

/// `prefix[date][uuid]`.
pub fn index_entry(prefix: &[u8], date: &str, id: RecordId) -> Vec<u8> {
    let mut k = Vec::with_capacity(prefix.len() + DATE_WIDTH + 16);
    k.extend_from_slice(prefix);
    k.extend_from_slice(&date_bytes(date));
    k.extend_from_slice(id.as_bytes());
    k
}

/// Splits the `[date][uuid]` tail of an index key.
pub fn split_index_tail(key: &[u8]) -> Option<(String, RecordId)> {
    let n = key.len();
    if n < DATE_WIDTH + 16 {
        return None;
    }
    let date = std::str::from_utf8(&key[n - 16 - DATE_WIDTH..n - 16]).ok()?.to_owned();
    let id = RecordId::from_slice(&key[n - 16..]).ok()?;
    Some((date, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_keys_sort_by_date_then_id() {
        let p = index_prefix(RecordKind::Seizure, Term::Commodity("DRUGS"));
        let a = index_entry(&p, "2026-01-02", RecordId::from_u128(5));
        let b = index_entry(&p, "2026-01-10", RecordId::from_u128(1));
        let c = index_entry(&p, "2026-01-10", RecordId::from_u128(2));
        assert!(a < b && b < c);
        assert_eq!(split_index_tail(&b), Some(("2026-01-10".into(), RecordId::from_u128(1))));
    }

    #[test]
    fn a_term_is_not_a_prefix_of_a_longer_term() {
        let short = index_prefix(RecordKind::Seizure, Term::Commodity("DRUGS"));
        let long = index_prefix(RecordKind::Seizure, Term::Commodity("DRUGS.COCAINE"));
        assert!(!long.starts_with(&short));
    }

    #[test]
    fn sequence_keys_sort_numerically() {
        assert!(origin_log("NL", 9) < origin_log("NL", 10));
        assert!(origin_log("NL", u64::MAX) < origin_log("PT", 0));
    }
}
