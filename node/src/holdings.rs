//! How many records the node holds, by kind and owning administration, counted from the origin
//! index (keys only) for the dashboard.

use std::collections::BTreeMap;

use ncen_protocol::record::RecordKind;

use crate::store::keys::{Term, index_prefix};
use crate::store::{Cf, Store, StoreError};

/// Records held per origin: seizures, suspects, companies.
pub type Holdings = BTreeMap<String, [u64; 3]>;

/// Counts every live record by its origin.
pub fn count_by_origin(store: &Store) -> Result<Holdings, StoreError> {
    let mut out = Holdings::new();
    for (slot, kind) in RecordKind::ALL.into_iter().enumerate() {
        // `[kind][origin tag]`: the prefix of every origin term of this kind.
        let full = index_prefix(kind, Term::Origin(""));
        let prefix = &full[..2];
        for item in store.iter_from(Cf::Index, prefix, true) {
            let (key, _) = item?;
            if !key.starts_with(prefix) {
                break;
            }
            let rest = &key[2..];
            let Some(end) = rest.iter().position(|b| *b == 0) else { continue };
            let origin = String::from_utf8_lossy(&rest[..end]).into_owned();
            out.entry(origin).or_default()[slot] += 1;
        }
    }
    Ok(out)
}
