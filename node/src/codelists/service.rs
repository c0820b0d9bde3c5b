//! Code list releases in the store: the hub signs each change as a new version of the list; a
//! member takes a release only if the hub's signature verifies with its configured hub PeerId
//! (the trust anchor) and the release may follow the version it holds. Every version is kept,
//! and the catalog in force is swapped in the same step as the write.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::codelists::MAX_RELEASE_BYTES;
use ncen_protocol::codelists::{
    Catalog, Change, CodeList, CodeListRelease, ListId, ReleaseError, apply_change, check_successor,
};
use ncen_protocol::envelope;
use serde::{Deserialize, Serialize};

use super::CatalogHandle;
use crate::audit::{AuditEvent, Outcome};
use crate::identity::Identity;
use crate::journal::{Journal, now_ms};
use crate::net::key_of_peer_id;
use crate::store::{Cf, StoreError, value};

/// One release as stored, with the PeerId of its signer.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredRelease {
    signer: String,
    #[serde(with = "serde_bytes")]
    signed: Vec<u8>,
    stored_at_ms: i64,
}

/// One version of a list, as the API and the hub's page list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReleaseInfo {
    pub list: ListId,
    pub version: u32,
    pub issued_at_ms: i64,
    pub entries: usize,
    pub deprecated: usize,
}

impl ReleaseInfo {
    fn of(release: &CodeListRelease) -> Self {
        ReleaseInfo {
            list: release.list,
            version: release.version,
            issued_at_ms: release.issued_at_ms,
            entries: release.entries.len(),
            deprecated: release.entries.iter().filter(|e| e.deprecated).count(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CodeListsError {
    #[error("only the WCO hub publishes code lists")]
    NotHub,
    #[error("the hub publishes its own code lists and takes none")]
    IsHub,
    #[error("this node has no hub configured, so no release can be trusted")]
    NoHub,
    #[error("the release's signature does not verify with the hub's key: {0}")]
    BadSignature(String),
    #[error("release refused: {0}")]
    Refused(#[from] ReleaseError),
    #[error("cannot sign the release: {0}")]
    Sign(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How far the clocks of the node that signed a record and of this node may disagree.
const CLOCK_LEEWAY_MS: i64 = 60_000;

/// The code lists of this node.
#[derive(Debug, Clone)]
pub struct CodeListService {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    is_hub: bool,
    /// The PeerId whose signature this node trusts (its own at the hub).
    anchor: Option<String>,
    catalog: CatalogHandle,
    /// When (ms since the epoch) a fetch last found this node holding every release its hub
    /// had: the hub answered a fetch sent at that time. 0 until then.
    current_since_ms: Arc<AtomicI64>,
}

fn prefix(list: ListId) -> Vec<u8> {
    let mut k = list.name().as_bytes().to_vec();
    k.push(0);
    k
}

fn key(list: ListId, version: u32) -> Vec<u8> {
    let mut k = prefix(list);
    k.extend_from_slice(&version.to_be_bytes());
    k
}

fn corrupt(message: impl ToString) -> StoreError {
    StoreError::Corrupt { cf: "code_lists", message: message.to_string() }
}

impl CodeListService {
    /// The service over `catalog`, which it brings up to date with the stored releases.
    pub fn new(
        journal: Arc<Journal>,
        identity: Arc<Identity>,
        is_hub: bool,
        hub_peer_id: Option<String>,
        catalog: CatalogHandle,
    ) -> Self {
        let anchor = if is_hub { Some(identity.peer_id().to_owned()) } else { hub_peer_id };
        let service = CodeListService {
            journal,
            identity,
            is_hub,
            anchor,
            catalog,
            current_since_ms: Arc::new(AtomicI64::new(0)),
        };
        if let Err(e) = service.load() {
            tracing::error!(error = %e, "cannot read the stored code list releases; the built-in lists stay in force");
        }
        service
    }

    /// Notes that a fetch sent at `sent_ms` brought this node every release its hub had.
    pub fn mark_current(&self, sent_ms: i64) {
        self.current_since_ms.fetch_max(sent_ms, Ordering::Relaxed);
    }

    /// Whether a record signed at `issued_at_ms` may use a release this node has not taken yet:
    /// true while no fetch sent after that moment (with a minute's leeway for clocks) has found
    /// this node current. At the hub, or without a hub, nothing newer can come.
    pub fn may_be_behind(&self, issued_at_ms: i64) -> bool {
        if self.is_hub || self.anchor.is_none() {
            return false;
        }
        self.current_since_ms.load(Ordering::Relaxed) <= issued_at_ms.saturating_add(CLOCK_LEEWAY_MS)
    }

    pub fn catalog(&self) -> &CatalogHandle {
        &self.catalog
    }

    pub fn is_hub(&self) -> bool {
        self.is_hub
    }

    /// Puts in force the built-in lists overlaid with the newest trusted release of each.
    fn load(&self) -> Result<(), StoreError> {
        let mut catalog = Catalog::builtin().clone();
        for id in ListId::ALL {
            if let Some((release, _)) = self.latest(id)?
                && release.version > catalog.list(id).version
            {
                catalog = catalog.with_list(release.to_list()).map_err(corrupt)?;
            }
        }
        if *self.catalog.current() != catalog {
            self.catalog.set(catalog);
        }
        Ok(())
    }

    /// Stored releases of `list` from the trust anchor, decoded: oldest first, or newest first
    /// when `newest_first`, at most `limit`.
    fn stored_in(
        &self,
        list: ListId,
        newest_first: bool,
        limit: usize,
    ) -> Result<Vec<(CodeListRelease, Vec<u8>)>, StoreError> {
        let Some(anchor) = &self.anchor else { return Ok(Vec::new()) };
        let start = if newest_first { key(list, u32::MAX) } else { prefix(list) };
        let wanted = prefix(list);
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::CodeLists, &start, !newest_first) {
            let (k, v) = item?;
            if !k.starts_with(&wanted) || out.len() >= limit {
                break;
            }
            let stored: StoredRelease = value::decode("code_lists", &v)?;
            if &stored.signer != anchor {
                // Signed by another hub (the configuration changed): not trusted here.
                continue;
            }
            let payload = envelope::payload_unverified(&stored.signed, MAX_RELEASE_BYTES).map_err(corrupt)?;
            let release: CodeListRelease =
                cbor::from_slice(&payload, Limits { max_bytes: MAX_RELEASE_BYTES, max_depth: 8 })
                    .map_err(corrupt)?;
            out.push((release, stored.signed));
        }
        Ok(out)
    }

    /// Stored releases of `list` from the trust anchor, oldest first.
    fn stored(&self, list: ListId) -> Result<Vec<(CodeListRelease, Vec<u8>)>, StoreError> {
        self.stored_in(list, false, usize::MAX)
    }

    /// The newest trusted release of `list` and its signed bytes.
    pub fn latest(&self, list: ListId) -> Result<Option<(CodeListRelease, Vec<u8>)>, StoreError> {
        Ok(self.stored_in(list, true, 1)?.pop())
    }

    /// Every stored version of `list`, oldest first.
    pub fn history(&self, list: ListId) -> Result<Vec<ReleaseInfo>, StoreError> {
        Ok(self.stored(list)?.iter().map(|(r, _)| ReleaseInfo::of(r)).collect())
    }

    /// The signed bytes of one stored version.
    pub fn signed(&self, list: ListId, version: u32) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.stored(list)?.into_iter().find(|(r, _)| r.version == version).map(|(_, s)| s))
    }

    /// The version of each list in force.
    pub fn versions(&self) -> Vec<(ListId, u32)> {
        let catalog = self.catalog.current();
        catalog.lists().map(|l| (l.id, l.version)).collect()
    }

    /// Hub: the newest release of each list newer than the version `have` names (0 if none),
    /// up to `max_bytes` in all.
    pub fn newer_than(&self, have: &[(ListId, u32)], max_bytes: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        let mut size = 0;
        let in_force = self.catalog.current();
        for id in ListId::ALL {
            let held = have.iter().find(|(l, _)| *l == id).map_or(0, |(_, v)| *v);
            // The version in force is the newest stored: most fetches need no read.
            if in_force.list(id).version <= held {
                continue;
            }
            if let Some((release, signed)) = self.latest(id)?
                && release.version > held
                && size + signed.len() <= max_bytes
            {
                size += signed.len();
                out.push(signed);
            }
        }
        Ok(out)
    }

    /// Writes `signed` as the new version of its list and puts `catalog` in force.
    fn store(
        &self,
        signer: &str,
        release: &CodeListRelease,
        signed: Vec<u8>,
        catalog: Catalog,
        event: AuditEvent,
    ) -> Result<(), StoreError> {
        let stored = StoredRelease { signer: signer.to_owned(), signed, stored_at_ms: now_ms() };
        self.journal.write(true, |batch, app| {
            batch.put(Cf::CodeLists, &key(release.list, release.version), &value::encode(&stored)?);
            app.audit(batch, event)
        })?;
        self.catalog.set(catalog);
        Ok(())
    }

    /// Hub: makes `change` to `list`, signs the new version and puts it in force.
    pub fn publish(&self, actor: &str, list: ListId, change: &Change) -> Result<CodeList, CodeListsError> {
        if !self.is_hub {
            return Err(CodeListsError::NotHub);
        }
        let _one = self.catalog.lock();
        let current = self.catalog.current();
        let next = apply_change(current.list(list), change)?;
        let catalog = current.with_list(next.clone()).map_err(ReleaseError::from)?;
        let release = CodeListRelease::of(&next, now_ms());
        let me = self.identity.peer_id();
        let signed =
            release.sign(self.identity.signing_key(), me).map_err(|e| CodeListsError::Sign(e.to_string()))?;
        let (action, code) = match change {
            Change::AddValue { code, .. } => ("add_value", code),
            Change::SetLabel { code, .. } => ("set_label", code),
            Change::Deprecate { code } => ("deprecate", code),
        };
        let event = AuditEvent::new(actor, "codelists.publish", Outcome::Ok)
            .target(format!("code-lists/{list}"))
            .detail(format!("version={} change={action} code={code}", next.version));
        self.store(me, &release, signed, catalog, event)?;
        Ok(next)
    }

    /// Member: takes a release signed by the hub if it may follow the version held; false
    /// when this node holds that version already. A refusal is audited; nothing else changes.
    pub fn accept(&self, actor: &str, signed: &[u8]) -> Result<(ReleaseInfo, bool), CodeListsError> {
        let result = self.take(actor, signed);
        if let Err(e) = &result
            && !matches!(e, CodeListsError::Store(_))
        {
            let event = AuditEvent::new(actor, "codelists.refused", Outcome::Denied).detail(e.to_string());
            if let Err(e) = self.journal.audit(event, false) {
                tracing::error!(error = %e, "cannot write the audit log");
            }
        }
        result
    }

    fn take(&self, actor: &str, signed: &[u8]) -> Result<(ReleaseInfo, bool), CodeListsError> {
        if self.is_hub {
            return Err(CodeListsError::IsHub);
        }
        let anchor = self.anchor.as_deref().ok_or(CodeListsError::NoHub)?;
        let key = key_of_peer_id(anchor)
            .ok_or_else(|| CodeListsError::BadSignature("no key in the hub PeerId".into()))?;
        let release = CodeListRelease::verify(signed, &key, anchor)
            .map_err(|e| CodeListsError::BadSignature(e.to_string()))?;
        let _one = self.catalog.lock();
        let current = self.catalog.current();
        let held = current.list(release.list);
        let next = release.to_list();
        if next == *held {
            return Ok((ReleaseInfo::of(&release), false));
        }
        check_successor(held, &next)?;
        let catalog = current.with_list(next).map_err(ReleaseError::from)?;
        let info = ReleaseInfo::of(&release);
        let event = AuditEvent::new(actor, "codelists.update", Outcome::Ok)
            .target(format!("code-lists/{}", release.list))
            .detail(format!("version={} entries={} from={anchor}", info.version, info.entries));
        self.store(anchor, &release, signed.to_vec(), catalog, event)?;
        Ok((info, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn service(
        is_hub: bool,
        hub: Option<String>,
    ) -> Result<(tempfile::TempDir, CodeListService), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, "NL")?);
        let identity = Arc::new(Identity::generate()?);
        Ok((dir, CodeListService::new(journal, identity, is_hub, hub, CatalogHandle::builtin())))
    }

    #[test]
    fn a_member_may_be_behind_until_its_hub_said_otherwise_after_the_record()
    -> Result<(), Box<dyn std::error::Error>> {
        let hub_id = Identity::generate()?.peer_id().to_owned();
        let (_d, member) = service(false, Some(hub_id))?;
        let signed_at = 1_800_000_000_000;
        assert!(member.may_be_behind(signed_at), "never heard from its hub");
        member.mark_current(signed_at + 30_000);
        assert!(member.may_be_behind(signed_at), "within the clocks' leeway");
        member.mark_current(signed_at + CLOCK_LEEWAY_MS + 1);
        assert!(!member.may_be_behind(signed_at), "current since after the record was signed");
        assert!(member.may_be_behind(signed_at + CLOCK_LEEWAY_MS), "a newer record may use a newer release");
        member.mark_current(signed_at);
        assert!(!member.may_be_behind(signed_at), "an older answer never moves the mark back");
        let (_d, hub) = service(true, None)?;
        assert!(!hub.may_be_behind(signed_at), "the hub holds every release");
        let (_d, alone) = service(false, None)?;
        assert!(!alone.may_be_behind(signed_at), "a node without a hub has nothing to wait for");
        Ok(())
    }
}
