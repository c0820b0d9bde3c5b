//! Quantities of the matching seizures (C4): each goods line is kept in a fast column as
//! `YYYY-MM|commodity|unit|quantity`; a search counts the distinct lines per segment, reads them
//! back in dictionary order into totals by month, commodity and unit, and the merge adds up the
//! segments' totals.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The fast column of goods lines.
pub const GOODS: &str = "goods";

/// The value a goods line is kept as.
pub fn goods_value(month: &str, commodity: &str, unit: &str, quantity: f64) -> String {
    format!("{month}|{commodity}|{unit}|{quantity}")
}

/// Totals of the quantities of the matching seizures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quantities {
    /// (commodity, unit, total), largest first.
    pub by_commodity: Vec<(String, String, f64)>,
    /// `YYYY-MM` → (commodity, unit) → total.
    pub by_month: BTreeMap<String, BTreeMap<(String, String), f64>>,
}

/// Sums the goods lines of the matching documents.
#[derive(Debug, Default)]
pub struct QuantitySums;

/// One segment's counter per distinct goods line.
pub struct SegmentSums {
    column: Option<StrColumn>,
    counts: Vec<u32>,
    docs: Vec<DocId>,
    rows: Vec<u32>,
    values: Vec<u64>,
}

impl std::fmt::Debug for SegmentSums {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SegmentSums").field("lines", &self.counts.len()).finish()
    }
}

impl Collector for QuantitySums {
    type Fruit = Quantities;
    type Child = SegmentSums;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentSums> {
        let column = segment.fast_fields().str(GOODS)?;
        let counts = vec![0u32; column.as_ref().map(|c| c.num_terms()).unwrap_or(0)];
        Ok(SegmentSums { column, counts, docs: Vec::new(), rows: Vec::new(), values: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Sums>) -> tantivy::Result<Quantities> {
        let mut by_commodity: HashMap<(String, String), f64> = HashMap::new();
        let mut by_month: BTreeMap<String, BTreeMap<(String, String), f64>> = BTreeMap::new();
        for segment in segments {
            for (prefix, total) in segment {
                let Ok(prefix) = std::str::from_utf8(&prefix) else { continue };
                let mut parts = prefix.splitn(3, '|');
                let (Some(month), Some(commodity), Some(unit)) = (parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                let key = (commodity.to_owned(), unit.to_owned());
                *by_commodity.entry(key.clone()).or_default() += total;
                *by_month.entry(month.to_owned()).or_default().entry(key).or_default() += total;
            }
        }
        let mut by_commodity: Vec<(String, String, f64)> =
            by_commodity.into_iter().map(|((c, u), t)| (c, u, t)).collect();
        by_commodity.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        Ok(Quantities { by_commodity, by_month })
    }
}

/// One segment's totals by `YYYY-MM|commodity|unit`.
pub type Sums = HashMap<Box<[u8]>, f64>;

impl SegmentCollector for SegmentSums {
    type Fruit = Sums;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                if let Some(n) = usize::try_from(ord).ok().and_then(|o| self.counts.get_mut(o)) {
                    *n += 1;
                }
            }
        }
    }

    /// Reads the ordinals of a whole block of documents at once, then counts them.
    fn collect_block(&mut self, block: &[DocId]) {
        let SegmentSums { column, counts, docs, rows, values } = self;
        let Some(column) = column else { return };
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

    /// Turns the counted lines into totals, reading the dictionary once in order (a lookup per
    /// line would decode a block each time).
    fn harvest(self) -> Sums {
        let mut out = Sums::new();
        let Some(column) = self.column else { return out };
        let (ords, counts): (Vec<u64>, Vec<u32>) =
            self.counts.into_iter().enumerate().filter(|(_, n)| *n > 0).map(|(o, n)| (o as u64, n)).unzip();
        let mut next = counts.iter();
        let read = column.dictionary().sorted_ords_to_term_cb(&ords, |line| {
            let Some(&n) = next.next() else { return };
            let Some(cut) = line.iter().rposition(|b| *b == b'|') else { return };
            let quantity = std::str::from_utf8(&line[cut + 1..]).ok().and_then(|q| q.parse::<f64>().ok());
            let Some(quantity) = quantity else { return };
            let total = quantity * f64::from(n);
            match out.get_mut(&line[..cut]) {
                Some(t) => *t += total,
                None => {
                    out.insert(line[..cut].into(), total);
                }
            }
        });
        if let Err(e) = read {
            tracing::warn!(error = %e, "cannot read the goods lines of a segment");
        }
        out
    }
}
