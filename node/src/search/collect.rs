//! Facet counting over every match of a query: per segment, one counter per dictionary entry
//! of each facet's fast column; the segments' counts are then merged by value.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::FACETS;

/// How many values of each facet an answer lists.
pub const TOP_VALUES: usize = 20;

/// Counts the values of every facet in [`FACETS`] among the matching documents.
#[derive(Debug, Default)]
pub struct FacetCounts;

/// One segment's counters, and buffers for reading a block of documents' values at once.
pub struct SegmentCounts {
    columns: Vec<(&'static str, StrColumn, Vec<u32>)>,
    docs: Vec<DocId>,
    rows: Vec<u32>,
    values: Vec<u64>,
}

/// The counts of one segment or, merged, of all.
pub type Counts = Vec<(&'static str, HashMap<String, u64>)>;

impl Collector for FacetCounts {
    type Fruit = BTreeMap<&'static str, Vec<(String, u64)>>;
    type Child = SegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentCounts> {
        let mut columns = Vec::with_capacity(FACETS.len());
        for name in FACETS {
            if let Some(column) = segment.fast_fields().str(name)? {
                let terms = column.num_terms();
                columns.push((name, column, vec![0u32; terms]));
            }
        }
        Ok(SegmentCounts { columns, docs: Vec::new(), rows: Vec::new(), values: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Counts>) -> tantivy::Result<Self::Fruit> {
        let mut all: BTreeMap<&'static str, HashMap<String, u64>> =
            FACETS.iter().map(|f| (*f, HashMap::new())).collect();
        for segment in segments {
            for (name, counts) in segment {
                let into = all.entry(name).or_default();
                for (value, n) in counts {
                    *into.entry(value).or_default() += n;
                }
            }
        }
        Ok(all
            .into_iter()
            .map(|(name, counts)| {
                let mut top: Vec<(String, u64)> = counts.into_iter().collect();
                top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                top.truncate(TOP_VALUES);
                (name, top)
            })
            .collect())
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (_, column, counts) in &mut self.columns {
            for ord in column.term_ords(doc) {
                if let Some(n) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                    *n += 1;
                }
            }
        }
    }

    /// Reads the term ordinals of a whole block of documents per column (one batched read of
    /// the bit-packed values), then counts them.
    fn collect_block(&mut self, block: &[DocId]) {
        let SegmentCounts { columns, docs, rows, values } = self;
        for (_, column, counts) in columns {
            let ords = column.ords();
            docs.clear();
            rows.clear();
            ords.row_ids_for_docs(block, docs, rows);
            values.clear();
            values.resize(rows.len(), 0);
            ords.values.get_vals(rows, values);
            for ord in values.iter() {
                if let Some(n) = usize::try_from(*ord).ok().and_then(|o| counts.get_mut(o)) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Vec::with_capacity(self.columns.len());
        for (name, column, counts) in self.columns {
            let mut values = HashMap::new();
            let mut text = String::new();
            for (ord, n) in counts.into_iter().enumerate() {
                if n == 0 {
                    continue;
                }
                text.clear();
                if column.ord_to_str(ord as u64, &mut text).unwrap_or(false) {
                    values.insert(text.clone(), u64::from(n));
                }
            }
            out.push((name, values));
        }
        out
    }
}
