//! The node's durable store: one RocksDB database whose column families are declared in
//! [`catalog`], with typed keys ([`keys`]) and versioned values ([`value`]). Every write that
//! belongs together goes in one `WriteBatch`, written with a synced WAL.

pub mod catalog;
pub mod keys;
pub mod value;

use std::path::Path;
use std::sync::Arc;

use rocksdb::{ColumnFamily, DB, Options, WriteBatch, WriteOptions};

pub use catalog::Cf;

/// The block cache shared by every column family.
const BLOCK_CACHE_BYTES: usize = 16 << 20;

/// Format of the store as a whole; bumped when a migration is needed.
pub const STORE_FORMAT: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store at {path} is in use by another process (is the node running?)")]
    Locked { path: String },
    #[error("no node store at {path}: run `ncen-node init` first")]
    Missing { path: String },
    #[error("storage error: {0}")]
    Db(#[from] rocksdb::Error),
    #[error("stored value in `{cf}` is unreadable: {message}")]
    Corrupt { cf: &'static str, message: String },
    #[error("cannot encode a value: {0}")]
    Encode(String),
    #[error("store format {found} is not supported by this version (expected {expected})")]
    Format { found: u32, expected: u32 },
}

/// One key and its value, as an iterator yields them.
pub type Entry = (Box<[u8]>, Box<[u8]>);

/// A handle on the open database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Arc<DB>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.db.path()).finish()
    }
}

fn options() -> Options {
    let mut opts = Options::default();
    opts.create_if_missing(true);
    opts.create_missing_column_families(true);
    opts.set_compression_type(rocksdb::DBCompressionType::Lz4);
    opts.set_max_background_jobs(2);
    opts.set_keep_log_file_num(4);
    opts.set_max_total_wal_size(64 << 20);
    opts.set_write_buffer_size(16 << 20);
    opts.increase_parallelism(2);
    // All memtables together stay under this, whatever the number of column families.
    opts.set_db_write_buffer_size(48 << 20);
    opts
}

/// Options of one column family: bulk families get larger memtables; every family allocates
/// its memtable in small blocks, so that an idle node stays small.
fn cf_options(cf: Cf, cache: &rocksdb::Cache) -> Options {
    let mut o = Options::default();
    let mut table = rocksdb::BlockBasedOptions::default();
    table.set_block_cache(cache);
    table.set_cache_index_and_filter_blocks(true);
    table.set_pin_l0_filter_and_index_blocks_in_cache(true);
    o.set_block_based_table_factory(&table);
    o.set_compression_type(rocksdb::DBCompressionType::Lz4);
    let bulk = matches!(
        cf,
        Cf::Records
            | Cf::Revisions
            | Cf::OriginLog
            | Cf::Index
            | Cf::Audit
            | Cf::Cen
            | Cf::CenIndex
            | Cf::Changes
    );
    o.set_write_buffer_size(if bulk { 16 << 20 } else { 2 << 20 });
    o.set_arena_block_size(256 << 10);
    if matches!(cf, Cf::Photos | Cf::Thumbnails | Cf::Attachments) {
        // Images are compressed already; large values go to blob files, so that compactions
        // do not rewrite them.
        o.set_compression_type(rocksdb::DBCompressionType::None);
        o.set_enable_blob_files(true);
        o.set_min_blob_size(16 << 10);
    }
    o
}

impl Store {
    /// Creates a new store (the directory must not hold one yet) or opens an existing one.
    pub fn open(path: &Path, create: bool) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if !create && !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path: shown });
        }
        // One block cache for every column family (RocksDB gives each its own otherwise).
        let cache = rocksdb::Cache::new_lru_cache(BLOCK_CACHE_BYTES);
        let cfs =
            Cf::ALL.iter().map(|cf| rocksdb::ColumnFamilyDescriptor::new(cf.name(), cf_options(*cf, &cache)));
        match DB::open_cf_descriptors(&options(), path, cfs) {
            Ok(db) => Ok(Store { db: Arc::new(db) }),
            Err(e) if e.to_string().contains("LOCK") => Err(StoreError::Locked { path: shown }),
            Err(e) => Err(StoreError::Db(e)),
        }
    }

    pub(crate) fn cf(&self, cf: Cf) -> &ColumnFamily {
        // Every family in the catalog is created at open, so the handle always exists.
        #[allow(clippy::expect_used)]
        self.db.cf_handle(cf.name()).expect("column family declared in the catalog")
    }

    pub fn get(&self, cf: Cf, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.db.get_cf(self.cf(cf), key)?)
    }

    /// Writes a batch atomically; `sync` makes it survive a machine crash once acknowledged.
    pub fn write(&self, batch: WriteBatch, sync: bool) -> Result<(), StoreError> {
        let mut opts = WriteOptions::default();
        opts.set_sync(sync);
        self.db.write_opt(batch, &opts)?;
        Ok(())
    }

    /// Iterates keys and values of `cf` starting at `from`, forwards or backwards.
    pub fn iter_from<'a>(
        &'a self,
        cf: Cf,
        from: &[u8],
        forward: bool,
    ) -> impl Iterator<Item = Result<Entry, StoreError>> + use<'a> {
        let dir = if forward { rocksdb::Direction::Forward } else { rocksdb::Direction::Reverse };
        self.db
            .iterator_cf(self.cf(cf), rocksdb::IteratorMode::From(from, dir))
            .map(|r| r.map_err(StoreError::Db))
    }

    pub fn batch(&self) -> Batch<'_> {
        Batch { store: self, inner: WriteBatch::default() }
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        for cf in Cf::ALL {
            self.db.flush_cf(self.cf(cf))?;
        }
        Ok(())
    }
}

/// A write batch that names column families by catalog entry.
pub struct Batch<'a> {
    store: &'a Store,
    inner: WriteBatch,
}

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch").field("len", &self.inner.len()).finish()
    }
}

impl Batch<'_> {
    pub fn put(&mut self, cf: Cf, key: &[u8], value: &[u8]) {
        self.inner.put_cf(self.store.cf(cf), key, value);
    }

    pub fn delete(&mut self, cf: Cf, key: &[u8]) {
        self.inner.delete_cf(self.store.cf(cf), key);
    }

    pub fn commit(self, sync: bool) -> Result<(), StoreError> {
        self.store.write(self.inner, sync)
    }
}
