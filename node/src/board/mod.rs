//! Publications, the library and the forum (MISSION C5, C6) at one node: the hub's board log
//! (the hub's own at the hub, a verified copy at a member), what each user has read, and the
//! reading side every page and endpoint uses. Publishing and accepting posts is in `hub.rs`,
//! checking and keeping what the hub serves in `member.rs`.

pub mod hub;
pub mod member;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use ncen_protocol::board::{EntryKind, ForumPost, Publication, PublicationKind};
use ncen_protocol::model::RecordId;
use ncen_protocol::validate::ValidationErrors;
use serde::{Deserialize, Serialize};

use crate::audit::{AuditEvent, Outcome};
use crate::federation::directory::DirectoryService;
use crate::identity::Identity;
use crate::journal::{Journal, now_ms};
use crate::store::{Batch, Cf, StoreError, value};

/// Key prefix of the log in `Cf::BoardLog`.
const LOG: u8 = b'l';
/// Key prefix of the index of entries by publication or post id in `Cf::BoardLog`.
const BY_ID: u8 = b'i';
/// Key prefix of the publications' summaries (their files without the bytes), by sequence
/// number, in `Cf::BoardLog`: lists and unread counts never read the files.
const SUMMARY: u8 = b's';
/// Key prefix of the forum posts, by sequence number, in `Cf::BoardLog`.
const POSTS: u8 = b't';
/// Key of a member's cursor of the hub's board log in `Cf::Cursors`.
pub const CURSOR_KEY: &[u8] = b"bWCO";

/// Why a board operation failed.
#[derive(Debug, thiserror::Error)]
pub enum BoardError {
    #[error("only the WCO hub publishes")]
    NotHub,
    #[error("the hub's member directory does not name this node yet")]
    NotMember,
    #[error("{0}")]
    Invalid(ValidationErrors),
    #[error("refused: {0}")]
    Refused(String),
    #[error("no such publication, thread or post")]
    NotFound,
    #[error("cannot sign: {0}")]
    Sign(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One entry of the board log as stored: what it is, who signed it, and the envelope as
/// received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredBoardEntry {
    /// `true` for a publication, `false` for a forum post.
    pub publication: bool,
    /// The signer's PeerId.
    pub signer: String,
    pub received_ms: i64,
    #[serde(with = "serde_bytes")]
    pub envelope: Vec<u8>,
}

impl StoredBoardEntry {
    fn kind(&self) -> EntryKind {
        if self.publication { EntryKind::Publication } else { EntryKind::Post }
    }
}

/// A publication as the node holds it (in lists, its files without their bytes).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HeldPublication {
    pub seq: u64,
    pub publication: Publication,
    pub received_ms: i64,
    /// The size of each file.
    pub sizes: Vec<usize>,
}

/// A post as the node holds it, with the PeerId whose signature verified.
#[derive(Debug, Clone)]
pub struct HeldPost {
    pub seq: u64,
    pub post: ForumPost,
    pub signer: String,
}

/// A thread of the forum: its first post, how many replies, and when it last moved.
#[derive(Debug, Clone)]
pub struct ThreadSummary {
    pub first: HeldPost,
    pub replies: usize,
    pub last_ms: i64,
}

/// Which publications to list.
#[derive(Debug, Clone, Default)]
pub struct PublicationFilter {
    pub kind: Option<PublicationKind>,
    /// Library documents only (`kind` = document) or everything else.
    pub library: Option<bool>,
    pub language: Option<String>,
    /// Words that must all appear in the title, the text or a file name (analysed like the
    /// national search: case and accents ignored).
    pub words: Option<String>,
}

/// The board of this node.
#[derive(Debug, Clone)]
pub struct Board {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    me: String,
    is_hub: bool,
    directory: DirectoryService,
    /// The hub's PeerId (this node's own at the hub).
    hub_peer_id: Option<String>,
    catalog: crate::codelists::CatalogHandle,
}

pub(crate) fn log_key(seq: u64) -> Vec<u8> {
    let mut k = vec![LOG];
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

fn seq_key(prefix: u8, seq: u64) -> Vec<u8> {
    let mut k = vec![prefix];
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

pub(crate) fn id_key(id: RecordId) -> Vec<u8> {
    let mut k = vec![BY_ID];
    k.extend_from_slice(id.as_bytes());
    k
}

fn read_key(username: &str, id: RecordId) -> Vec<u8> {
    let mut k = username.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(id.as_bytes());
    k
}

impl Board {
    pub fn new(
        journal: Arc<Journal>,
        identity: Arc<Identity>,
        me: &str,
        hub_peer_id: Option<String>,
        catalog: crate::codelists::CatalogHandle,
    ) -> Board {
        let is_hub = me == "WCO";
        let hub_peer_id = if is_hub { Some(identity.peer_id().to_owned()) } else { hub_peer_id };
        let directory = DirectoryService::new(journal.clone(), identity.clone(), is_hub, hub_peer_id.clone());
        Board { journal, identity, me: me.to_owned(), is_hub, directory, hub_peer_id, catalog }
    }

    pub fn is_hub(&self) -> bool {
        self.is_hub
    }

    /// The last sequence number of the board log held here (0 while empty).
    pub fn head(&self) -> Result<u64, StoreError> {
        let store = self.journal.store();
        match store.iter_from(Cf::BoardLog, &log_key(u64::MAX), false).next() {
            Some(item) => {
                let (k, _) = item?;
                Ok(match k.split_first() {
                    Some((&LOG, rest)) => <[u8; 8]>::try_from(rest).map_or(0, u64::from_be_bytes),
                    _ => 0,
                })
            }
            None => Ok(0),
        }
    }

    /// Appends `entry` at `seq` with its id index, inside a write.
    fn put_entry(
        batch: &mut Batch<'_>,
        seq: u64,
        id: RecordId,
        entry: &StoredBoardEntry,
    ) -> Result<(), StoreError> {
        batch.put(Cf::BoardLog, &log_key(seq), &value::encode(entry)?);
        batch.put(Cf::BoardLog, &id_key(id), &seq.to_be_bytes());
        let corrupt = |e: ncen_protocol::envelope::EnvelopeError| StoreError::Corrupt {
            cf: "board_log",
            message: e.to_string(),
        };
        match entry.kind() {
            EntryKind::Publication => {
                let mut publication = Publication::read_trusted(&entry.envelope).map_err(corrupt)?;
                let sizes = publication.attachments.iter().map(|a| a.bytes.len()).collect();
                for a in &mut publication.attachments {
                    a.bytes = Vec::new();
                }
                let summary = HeldPublication { seq, publication, received_ms: entry.received_ms, sizes };
                batch.put(Cf::BoardLog, &seq_key(SUMMARY, seq), &value::encode(&summary)?);
            }
            EntryKind::Post => batch.put(Cf::BoardLog, &seq_key(POSTS, seq), &value::encode(entry)?),
        }
        Ok(())
    }

    fn entry(&self, seq: u64) -> Result<Option<StoredBoardEntry>, StoreError> {
        match self.journal.store().get(Cf::BoardLog, &log_key(seq))? {
            Some(b) => Ok(Some(value::decode("board_log", &b)?)),
            None => Ok(None),
        }
    }

    /// The sequence number of the entry of publication or post `id`, if held.
    pub fn seq_of(&self, id: RecordId) -> Result<Option<u64>, StoreError> {
        Ok(self
            .journal
            .store()
            .get(Cf::BoardLog, &id_key(id))?
            .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok().map(u64::from_be_bytes)))
    }

    /// The values under `prefix`, oldest first, with their sequence numbers.
    fn scan(&self, prefix: u8) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::BoardLog, &[prefix], true) {
            let (k, v) = item?;
            let Some((&p, rest)) = k.split_first() else { break };
            if p != prefix {
                break;
            }
            if let Ok(seq) = <[u8; 8]>::try_from(rest).map(u64::from_be_bytes) {
                out.push((seq, v.to_vec()));
            }
        }
        Ok(out)
    }

    /// Every publication's summary, oldest first.
    fn summaries(&self) -> Result<Vec<HeldPublication>, StoreError> {
        self.scan(SUMMARY)?.into_iter().map(|(_, v)| value::decode("board_log", &v)).collect()
    }

    /// Every forum post, oldest first (they verified when they were stored).
    fn posts(&self) -> Result<Vec<HeldPost>, StoreError> {
        let mut posts = Vec::new();
        for (seq, v) in self.scan(POSTS)? {
            let entry: StoredBoardEntry = value::decode("board_log", &v)?;
            let post = ForumPost::read_trusted(&entry.envelope)
                .map_err(|e| StoreError::Corrupt { cf: "board_log", message: e.to_string() })?;
            posts.push(HeldPost { seq, post, signer: entry.signer });
        }
        Ok(posts)
    }

    /// Publications matching `filter`, newest first.
    pub fn publications(&self, filter: &PublicationFilter) -> Result<Vec<HeldPublication>, StoreError> {
        let mut all = self.summaries()?;
        let wanted: Vec<String> = filter.words.as_deref().map(crate::search::words).unwrap_or_default();
        all.retain(|h| {
            let p = &h.publication;
            filter.kind.is_none_or(|k| p.kind == k)
                && filter.library.is_none_or(|lib| (p.kind == PublicationKind::Document) == lib)
                && filter.language.as_deref().is_none_or(|l| p.language == l)
                && (wanted.is_empty() || {
                    let mut text = format!("{} {}", p.title, p.body);
                    for a in &p.attachments {
                        text.push(' ');
                        text.push_str(&a.name);
                    }
                    let have = crate::search::words(&text);
                    wanted.iter().all(|w| have.contains(w))
                })
        });
        all.reverse();
        Ok(all)
    }

    /// One publication.
    pub fn publication(&self, id: RecordId) -> Result<Option<HeldPublication>, StoreError> {
        let Some(seq) = self.seq_of(id)? else { return Ok(None) };
        let Some(entry) = self.entry(seq)? else { return Ok(None) };
        if !entry.publication {
            return Ok(None);
        }
        let publication = Publication::read_trusted(&entry.envelope)
            .map_err(|e| StoreError::Corrupt { cf: "board_log", message: e.to_string() })?;
        let sizes = publication.attachments.iter().map(|a| a.bytes.len()).collect();
        Ok(Some(HeldPublication { seq, publication, received_ms: entry.received_ms, sizes }))
    }

    /// Reads publication `id` for `actor`: marks it read and audits the read.
    pub fn open(&self, actor: &str, id: RecordId) -> Result<Option<HeldPublication>, StoreError> {
        let Some(held) = self.publication(id)? else { return Ok(None) };
        let first = self.journal.store().get(Cf::BoardReads, &read_key(actor, id))?.is_none();
        self.journal.write(false, |batch, app| {
            if first {
                batch.put(Cf::BoardReads, &read_key(actor, id), &app.now_ms().to_be_bytes());
            }
            app.audit(
                batch,
                AuditEvent::new(actor, "publication.read", Outcome::Ok).target(format!("publications/{id}")),
            )
        })?;
        Ok(Some(held))
    }

    /// Whether `username` has opened publication `id`.
    pub fn is_read(&self, username: &str, id: RecordId) -> Result<bool, StoreError> {
        Ok(self.journal.store().get(Cf::BoardReads, &read_key(username, id))?.is_some())
    }

    /// Marks publication `id` unread again for `username`.
    pub fn mark_unread(&self, username: &str, id: RecordId) -> Result<(), StoreError> {
        self.journal.write(false, |batch, _| {
            batch.delete(Cf::BoardReads, &read_key(username, id));
            Ok::<_, StoreError>(())
        })
    }

    /// How many publications (library documents aside) `username` has not opened.
    pub fn unread(&self, username: &str) -> Result<usize, StoreError> {
        let all = self.summaries()?;
        let mut n = 0;
        for h in all.iter().filter(|h| h.publication.kind != PublicationKind::Document) {
            if !self.is_read(username, h.publication.id)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// The forum's threads, most recently active first.
    pub fn threads(&self) -> Result<Vec<ThreadSummary>, StoreError> {
        let posts = self.posts()?;
        let mut threads: Vec<ThreadSummary> = Vec::new();
        for p in &posts {
            if p.post.id == p.post.thread {
                threads.push(ThreadSummary { first: p.clone(), replies: 0, last_ms: p.post.posted_at_ms });
            }
        }
        for p in posts.iter().filter(|p| p.post.id != p.post.thread) {
            if let Some(t) = threads.iter_mut().find(|t| t.first.post.id == p.post.thread) {
                t.replies += 1;
                t.last_ms = t.last_ms.max(p.post.posted_at_ms);
            }
        }
        threads.sort_by_key(|t| std::cmp::Reverse(t.last_ms));
        Ok(threads)
    }

    /// The posts of thread `id`, in the hub's order (first post first).
    pub fn thread(&self, id: RecordId) -> Result<Option<Vec<HeldPost>>, StoreError> {
        let posts = self.posts()?;
        let thread: Vec<HeldPost> = posts.into_iter().filter(|p| p.post.thread == id).collect();
        Ok(thread.first().is_some_and(|p| p.post.id == id).then_some(thread))
    }

    /// Audits a read of the forum or the library by `actor`.
    pub fn audit_read(&self, actor: &str, action: &'static str, target: String) -> Result<(), StoreError> {
        self.journal.audit(AuditEvent::new(actor, action, Outcome::Ok).target(target), false)
    }

    fn now() -> i64 {
        now_ms()
    }
}
