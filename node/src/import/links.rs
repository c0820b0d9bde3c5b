//! Links from seizures to suspects and companies, resolved to record ids the same way for a
//! dry run and an import: a national reference names a record of the same upload (stored
//! before the seizures) or one already at this node; an id names a record held here.

use std::collections::HashMap;

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;
use ncen_protocol::template::{Link, LinkKind, LinkTarget};

use crate::records::Records;
use crate::store::{Cf, Store, StoreError, keys};

/// The id of this node's record of `kind` with a national reference, if there is one.
pub(crate) fn by_reference(
    store: &Store,
    origin: &str,
    kind: RecordKind,
    reference: &str,
) -> Result<Option<RecordId>, StoreError> {
    match store.get(Cf::NationalRefs, &keys::national_ref(kind, origin, reference))? {
        Some(bytes) => RecordId::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Corrupt { cf: "national_refs", message: e.to_string() }),
        None => Ok(None),
    }
}

/// The suspects or companies of an upload, by national reference.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// Valid ones, with their id once stored (`None` in a dry run).
    pub valid: HashMap<String, Option<RecordId>>,
    /// Refused ones, with their row.
    pub refused: HashMap<String, u32>,
}

/// Resolves links against the upload's suspects and companies and the store.
#[derive(Debug)]
pub(crate) struct Directory<'a> {
    pub records: &'a Records,
    pub store: &'a Store,
    pub suspects: Known,
    pub companies: Known,
}

impl Directory<'_> {
    /// The record id a link names, or why it names none.
    pub fn resolve(&self, link: &Link) -> Result<Result<RecordId, String>, StoreError> {
        let (kind, known, what, sheet) = match link.kind {
            LinkKind::Suspect => (RecordKind::Suspect, &self.suspects, "suspect", "Suspects"),
            LinkKind::Company => (RecordKind::Company, &self.companies, "company", "Companies"),
        };
        Ok(match &link.target {
            LinkTarget::Reference(r) => {
                if let Some(id) = known.valid.get(r) {
                    Ok(id.unwrap_or_else(RecordId::nil))
                } else if let Some(row) = known.refused.get(r) {
                    Err(format!("{what} {r:?} is refused in sheet {sheet} (row {row})"))
                } else if let Some(id) = by_reference(self.store, self.records.origin(), kind, r)? {
                    Ok(id)
                } else {
                    Err(format!("no {what} {r:?} in sheet {sheet} or at this node"))
                }
            }
            LinkTarget::Id(id) => match self.records.head(kind, *id)? {
                Some(head) if head.deleted => Err(format!("{what} {id} was deleted")),
                Some(_) => Ok(*id),
                None => Err(format!("no {what} with id {id} at this node")),
            },
        })
    }
}
