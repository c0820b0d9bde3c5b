//! The follower: a task that keeps the index in step with the store. At start it rebuilds an
//! index that needs it from `Cf::Records`; then it tails `Cf::Changes` from the watermark,
//! indexes each changed record's current head and commits at most every 250 ms or 10,000
//! changes, with the new watermark in the commit's payload. It wakes on the journal's change
//! watch and never holds up a write: the write path only appends to the feed.

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;
use tantivy::IndexWriter;
use tokio::sync::oneshot;

use super::document::{self, Indexable};
use super::{SCHEMA_VERSION, SearchError, SearchIndex, Watermark, live_body};
use crate::cen::CenHead;
use crate::journal::LogEntry;
use crate::records::RecordHead;
use crate::store::{Cf, Store, keys, value};

/// Least time between two commits.
const COMMIT_EVERY: Duration = Duration::from_millis(250);
/// Most changes in one commit.
const CHUNK: usize = 10_000;
/// Wait after a failure before trying again.
const RETRY: Duration = Duration::from_secs(5);

/// The running follower task; [`Follower::shutdown`] stops it.
#[derive(Debug)]
pub struct Follower {
    index: SearchIndex,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Follower {
    /// Stops the task after the chunk in hand is committed, and releases the index writer.
    pub async fn shutdown(mut self) {
        self.index.inner.stopping.store(true, Ordering::Relaxed);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take()
            && let Err(e) = task.await
        {
            tracing::warn!(error = %e, "the search follower ended badly");
        }
        self.index.release_writer();
    }
}

fn commit(writer: &mut IndexWriter, seq: u64) -> Result<(), SearchError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&Watermark { schema: SCHEMA_VERSION, seq }.payload());
    prepared.commit()?;
    Ok(())
}

/// The kind and id of a `Cf::Records` key.
fn record_key(key: &[u8]) -> Option<(RecordKind, RecordId)> {
    let (tag, id) = key.split_first()?;
    Some((RecordKind::from_tag(*tag)?, RecordId::from_slice(id).ok()?))
}

impl SearchIndex {
    /// Starts the follower task (on the current tokio runtime).
    pub fn follow(&self) -> Follower {
        let (stop, stopped) = oneshot::channel();
        let index = self.clone();
        let task = tokio::spawn(async move { index.run(stopped).await });
        Follower { index: self.clone(), stop: Some(stop), task: Some(task) }
    }

    fn release_writer(&self) {
        let writer = self.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        drop(writer);
    }

    async fn run(self, mut stop: oneshot::Receiver<()>) {
        let Some(journal) = self.inner.journal.clone() else { return };
        let mut changes = journal.subscribe_changes();
        loop {
            changes.borrow_and_update();
            let rebuild = self.inner.rebuild.load(Ordering::Relaxed);
            if rebuild || journal.last_change() > self.indexed() {
                let this = self.clone();
                let step =
                    tokio::task::spawn_blocking(
                        move || {
                            if rebuild { this.rebuild() } else { this.catch_up() }
                        },
                    )
                    .await;
                let pause = match step {
                    Ok(Ok(())) => COMMIT_EVERY,
                    Ok(Err(e)) => {
                        tracing::error!(error = %e, "the search index cannot follow the store; retrying");
                        RETRY
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "the search index's task failed; retrying");
                        RETRY
                    }
                };
                tokio::select! {
                    _ = tokio::time::sleep(pause) => continue,
                    _ = &mut stop => return,
                }
            }
            tokio::select! {
                changed = changes.changed() => if changed.is_err() { return },
                _ = &mut stop => return,
            }
        }
    }

    fn store(&self) -> Option<&Store> {
        self.inner.journal.as_deref().map(|j| j.store())
    }

    /// Replaces the document of one record by its current head (none if deleted or gone).
    fn reindex(
        &self,
        writer: &IndexWriter,
        store: &Store,
        kind: RecordKind,
        id: RecordId,
    ) -> Result<(), SearchError> {
        let f = &self.inner.fields;
        writer.delete_term(document::key_term(f, kind, id));
        let Some(bytes) = store.get(Cf::Records, &keys::record(kind, id))? else {
            if kind == RecordKind::Seizure {
                self.reindex_cen(writer, store, id)?;
            }
            return Ok(());
        };
        let indexed = value::decode::<RecordHead>("records", &bytes).and_then(|head| {
            let body = live_body(&head)?;
            Ok(body.map(|body| {
                let r =
                    Indexable { kind, id, origin: &head.origin, index_date: &head.index_date, body: &body };
                document::document(f, &r)
            }))
        });
        match indexed {
            Ok(Some(doc)) => {
                writer.add_document(doc)?;
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(%id, error = %e, "a record the search index cannot read is left out"),
        }
        Ok(())
    }

    /// Adds the document of a seizure of the hub's global CEN database, if it is live there.
    fn reindex_cen(&self, writer: &IndexWriter, store: &Store, id: RecordId) -> Result<(), SearchError> {
        let Some(bytes) = store.get(Cf::Cen, id.as_bytes())? else { return Ok(()) };
        match value::decode::<CenHead>("cen", &bytes) {
            Ok(CenHead { deleted: false, body: Some(body), .. }) => {
                writer.add_document(document::cen_document(&self.inner.fields, &body))?;
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(%id, error = %e, "a CEN seizure the search index cannot read is left out")
            }
        }
        Ok(())
    }

    /// Indexes every change after the watermark, committing every [`CHUNK`] changes.
    fn catch_up(&self) -> Result<(), SearchError> {
        let Some(store) = self.store() else { return Ok(()) };
        while !self.stopping() {
            let from = self.indexed() + 1;
            let mut last = None;
            let mut read = 0;
            let mut seen = HashSet::new();
            let mut changed = Vec::new();
            for item in store.iter_from(Cf::Changes, &keys::change(from), true).take(CHUNK) {
                let (key, bytes) = item?;
                let Some(seq) = keys::change_seq(&key) else { continue };
                last = Some(seq);
                read += 1;
                match value::decode::<LogEntry>("changes", &bytes) {
                    Ok(e) => {
                        if seen.insert((e.kind, e.id)) {
                            changed.push((e.kind, e.id));
                        }
                    }
                    Err(e) => tracing::warn!(seq, error = %e, "an unreadable change is skipped"),
                }
            }
            let Some(last) = last else { return Ok(()) };
            {
                let mut guard = self.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                let Some(writer) = guard.as_mut() else { return Ok(()) };
                for (kind, id) in changed {
                    self.reindex(writer, store, kind, id)?;
                }
                commit(writer, last)?;
            }
            self.inner.reader.reload()?;
            self.inner.indexed.send_replace(last);
            if read < CHUNK {
                break;
            }
        }
        Ok(())
    }

    /// Builds the index again from every record head in the store; the watermark becomes the
    /// change feed's position read before the scan (later changes are applied again after, which
    /// is harmless). A stop in the middle leaves an index without watermark, rebuilt next time.
    fn rebuild(&self) -> Result<(), SearchError> {
        let Some(journal) = self.inner.journal.clone() else { return Ok(()) };
        let store = journal.store();
        let seq = journal.last_change();
        let started = Instant::now();
        tracing::info!("rebuilding the search index from the store");
        let f = &self.inner.fields;
        let mut guard = self.inner.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(writer) = guard.as_mut() else { return Ok(()) };
        writer.delete_all_documents()?;
        let mut records = 0u64;
        for item in store.iter_from(Cf::Records, &[], true) {
            if self.stopping() {
                writer.rollback()?;
                tracing::info!(
                    records,
                    "search index rebuild interrupted; it starts again at the next start"
                );
                return Ok(());
            }
            let (key, bytes) = item?;
            let Some((kind, id)) = record_key(&key) else { continue };
            let body =
                value::decode::<RecordHead>("records", &bytes).and_then(|head| Ok((live_body(&head)?, head)));
            match body {
                Ok((Some(body), head)) => {
                    let r = Indexable {
                        kind,
                        id,
                        origin: &head.origin,
                        index_date: &head.index_date,
                        body: &body,
                    };
                    writer.add_document(document::document(f, &r))?;
                    records += 1;
                    if records.is_multiple_of(100_000) {
                        tracing::info!(records, "rebuilding the search index");
                    }
                }
                Ok((None, _)) => {}
                Err(e) => {
                    tracing::warn!(%id, error = %e, "a record the search index cannot read is left out")
                }
            }
        }
        // The hub's global CEN database: each member's seizures as the hub received them.
        for item in store.iter_from(Cf::Cen, &[], true) {
            if self.stopping() {
                writer.rollback()?;
                return Ok(());
            }
            let (key, bytes) = item?;
            match value::decode::<CenHead>("cen", &bytes) {
                Ok(CenHead { deleted: false, body: Some(body), .. }) => {
                    writer.add_document(document::cen_document(f, &body))?;
                    records += 1;
                    if records.is_multiple_of(100_000) {
                        tracing::info!(records, "rebuilding the search index");
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(key = ?key, error = %e, "a CEN seizure the search index cannot read is left out")
                }
            }
        }
        commit(writer, seq)?;
        drop(guard);
        self.inner.reader.reload()?;
        self.inner.rebuild.store(false, Ordering::Relaxed);
        self.inner.indexed.send_replace(seq);
        tracing::info!(records, seconds = started.elapsed().as_secs_f64(), "search index rebuilt");
        Ok(())
    }
}
