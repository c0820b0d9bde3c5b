//! The national full-text search index (tantivy), derived from the store: one document per
//! live record, own or received, kept in step by following the node-local change feed
//! (`Cf::Changes`) from a watermark kept in the index's commit payload. Searches answer ids,
//! newest first, with the total and the facets of all matches; the caller reads the records
//! from the store. The index can always be deleted: it is rebuilt from the store at start.

mod analyzer;
mod collect;
mod document;
mod follow;
pub mod quantities;
mod query;
mod schema;
mod suggest;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use ncen_protocol::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy};

pub use analyzer::words;
pub use document::Indexable;
pub use follow::Follower;
pub use query::{Hit, MAX_LIMIT, MAX_OFFSET, MAX_TEXT_CHARS, SearchQuery, SearchResult};
pub use schema::{FACETS, SCHEMA_VERSION};
pub use suggest::MAX_SUGGEST_CHARS;

use crate::journal::Journal;
use crate::store::StoreError;
use schema::Fields;

/// The index's directory inside the node's data directory.
pub const SEARCH_DIR: &str = "search";

/// Memory the index writer may fill before it writes a segment.
const WRITER_BYTES: usize = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query text cannot be searched (too long, no word in it...).
    #[error("q: {0}")]
    BadQuery(String),
    /// Another parameter is out of range or malformed.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("cannot prepare the search index in {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SearchError {
    /// The request parameter at fault, for an error in the request.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            SearchError::BadQuery(_) => Some("q"),
            SearchError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// What the index's last commit covers, kept in its commit payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Watermark {
    schema: u32,
    /// The last change-feed sequence number whose record the index reflects.
    seq: u64,
}

impl Watermark {
    fn payload(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }
}

/// The index, its reader and its writer; cheap to clone.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    reader: IndexReader,
    fields: Fields,
    /// Taken away when the follower stops, which releases the index's lock.
    writer: Mutex<Option<IndexWriter>>,
    /// The store's change feed; absent for an index loaded outside a node.
    journal: Option<Arc<Journal>>,
    /// The index must be rebuilt from the store before it follows the feed.
    rebuild: AtomicBool,
    /// The change-feed sequence number that searches see.
    indexed: tokio::sync::watch::Sender<u64>,
    stopping: AtomicBool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.inner.dir)
            .field("indexed", &*self.inner.indexed.borrow())
            .finish()
    }
}

fn open_error(dir: &Path, e: impl std::fmt::Display) -> SearchError {
    SearchError::Open { path: dir.to_owned(), message: e.to_string() }
}

/// Opens the index in `dir` if it is readable, of this schema version, and not ahead of the
/// store; answers why not otherwise.
fn open_existing(dir: &Path, last_change: u64) -> Result<(Index, u64), String> {
    if !dir.join("meta.json").exists() {
        return Err("there is no index yet".into());
    }
    let index = Index::open_in_dir(dir).map_err(|e| format!("it is unreadable: {e}"))?;
    let metas = index.load_metas().map_err(|e| format!("it is unreadable: {e}"))?;
    let mark: Watermark = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or("it has no watermark (an interrupted build)")?;
    if mark.schema != SCHEMA_VERSION || index.schema() != schema::build().0 {
        return Err(format!("it has schema version {}, this node {SCHEMA_VERSION}", mark.schema));
    }
    if mark.seq > last_change {
        return Err(format!("it is ahead of the store (change {} of {last_change})", mark.seq));
    }
    Ok((index, mark.seq))
}

/// Creates an empty index in `dir`, removing whatever was there.
fn create_empty(dir: &Path) -> Result<Index, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| open_error(dir, e))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
    Ok(Index::create_in_dir(dir, schema::build().0)?)
}

impl SearchIndex {
    /// Opens the index of a node in `dir` (`<data_dir>/search`), following `journal`'s change
    /// feed. An index that is missing, unreadable, of another schema or ahead of the store is
    /// replaced by an empty one, which [`SearchIndex::follow`] rebuilds from the store first.
    pub fn open(dir: &Path, journal: Arc<Journal>) -> Result<SearchIndex, SearchError> {
        let (index, seq, rebuild) = match open_existing(dir, journal.last_change()) {
            Ok((index, seq)) => (index, seq, false),
            Err(reason) => {
                tracing::info!(dir = %dir.display(), "the search index will be rebuilt: {reason}");
                (create_empty(dir)?, 0, true)
            }
        };
        Self::assemble(dir, index, seq, rebuild, Some(journal))
    }

    fn assemble(
        dir: &Path,
        mut index: Index,
        seq: u64,
        rebuild: bool,
        journal: Option<Arc<Journal>>,
    ) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(analyzer::ANALYZER, analyzer::analyzer());
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        index.set_multithread_executor(threads)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
        let (indexed, _) = tokio::sync::watch::channel(seq);
        let fields = schema::build().1;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                dir: dir.to_owned(),
                reader,
                fields,
                writer: Mutex::new(Some(writer)),
                journal,
                rebuild: AtomicBool::new(rebuild),
                indexed,
                stopping: AtomicBool::new(false),
            }),
        })
    }

    /// The last change-feed sequence number that searches reflect.
    pub fn indexed(&self) -> u64 {
        *self.inner.indexed.borrow()
    }

    /// Waits until searches reflect change `seq` (see `Journal::last_change`).
    pub async fn caught_up(&self, seq: u64) {
        let mut rx = self.inner.indexed.subscribe();
        let _ = rx.wait_for(|indexed| *indexed >= seq).await;
    }

    /// The last sequence number of the store's change feed (0 without a store).
    pub fn last_change(&self) -> u64 {
        self.inner.journal.as_ref().map_or(0, |j| j.last_change())
    }

    /// How many records the searchable index holds.
    pub fn len(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `q`: a page of hits newest first (text decides what matches, not the order), the
    /// number of all matches and the top values of each facet among them.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResult, SearchError> {
        let f = &self.inner.fields;
        let query = query::build(f, q)?;
        let searcher = self.inner.reader.searcher();
        let top = TopDocs::with_limit(q.limit).and_offset(q.offset).order_by_u64_field("sort", Order::Desc);
        let (total, top, facets) = searcher.search(&*query, &(Count, top, collect::FacetCounts))?;
        let hits = top.into_iter().map(|(_, addr)| hit(&searcher, addr)).collect::<Result<Vec<_>, _>>()?;
        Ok(SearchResult { total: total as u64, hits: hits.into_iter().flatten().collect(), facets })
    }

    /// The totals of the quantities of the seizures matching `q` (its limit and offset unused).
    pub fn quantities(&self, q: &SearchQuery) -> Result<quantities::Quantities, SearchError> {
        let query = query::build(&self.inner.fields, &SearchQuery { limit: 1, offset: 0, ..q.clone() })?;
        Ok(self.inner.reader.searcher().search(&*query, &quantities::QuantitySums)?)
    }

    /// Creates an index in `dir` (replacing one there) to be loaded straight with records,
    /// without a store: for benchmarks and tools. The index follows no change feed.
    pub fn loader(dir: &Path) -> Result<Loader, SearchError> {
        Ok(Loader { index: SearchIndex::assemble(dir, create_empty(dir)?, 0, false, None)? })
    }

    fn stopping(&self) -> bool {
        self.inner.stopping.load(Ordering::Relaxed)
    }
}

/// Loads records into a new index outside a node; see [`SearchIndex::loader`].
#[derive(Debug)]
pub struct Loader {
    index: SearchIndex,
}

impl Loader {
    pub fn add(&mut self, record: &Indexable<'_>) -> Result<(), SearchError> {
        let mut writer = self.index.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(writer) = writer.as_mut() {
            writer.add_document(document::document(&self.index.inner.fields, record))?;
        }
        Ok(())
    }

    /// Commits what was added and answers the searchable index.
    pub fn finish(self) -> Result<SearchIndex, SearchError> {
        {
            let mut writer =
                self.index.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(writer) = writer.as_mut() {
                let mut commit = writer.prepare_commit()?;
                commit.set_payload(&Watermark { schema: SCHEMA_VERSION, seq: 0 }.payload());
                commit.commit()?;
            }
        }
        self.index.inner.reader.reload()?;
        Ok(self.index)
    }

    /// Waits for the index's background merges, then answers the searchable index.
    pub fn finish_merged(self) -> Result<SearchIndex, SearchError> {
        let index = self.finish()?;
        let writer = index.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        if let Some(writer) = writer {
            writer.wait_merging_threads()?;
        }
        index.inner.reader.reload()?;
        Ok(index)
    }
}

/// The kind, id and date of the document at `addr`.
fn hit(searcher: &tantivy::Searcher, addr: DocAddress) -> Result<Option<Hit>, SearchError> {
    let segment = searcher.segment_reader(addr.segment_ord);
    let ff = segment.fast_fields();
    let value = |name: &str| -> Result<Option<u64>, SearchError> { Ok(ff.u64(name)?.first(addr.doc_id)) };
    let (Some(tag), Some(hi), Some(lo)) = (value("tag")?, value("id_hi")?, value("id_lo")?) else {
        return Ok(None);
    };
    let Some(kind) = u8::try_from(tag).ok().and_then(RecordKind::from_tag) else { return Ok(None) };
    let date = ff.i64("date")?.first(addr.doc_id).unwrap_or(0);
    Ok(Some(Hit { kind, id: document::id_of(hi, lo), date: document::date_text(date) }))
}

/// The body of a record head as the store keeps it, if the record is live.
fn live_body(head: &crate::records::RecordHead) -> Result<Option<RecordBody>, StoreError> {
    if head.deleted {
        return Ok(None);
    }
    Ok(crate::records::envelope_payload(&head.envelope)?.body)
}
