//! Quantities of the matching seizures (C4): each goods line is kept in a fast column as
//! `YYYY-MM|commodity|unit|quantity`; a search counts the distinct lines per segment, and the
//! merge parses them into totals by commodity and unit, and by month.

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
        Ok(SegmentSums { column, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<HashMap<String, u64>>) -> tantivy::Result<Quantities> {
        let mut by_commodity: HashMap<(String, String), f64> = HashMap::new();
        let mut by_month: BTreeMap<String, BTreeMap<(String, String), f64>> = BTreeMap::new();
        for segment in segments {
            for (value, n) in segment {
                let mut parts = value.splitn(4, '|');
                let (Some(month), Some(commodity), Some(unit), Some(quantity)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                let Ok(quantity) = quantity.parse::<f64>() else { continue };
                let total = quantity * n as f64;
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

impl SegmentCollector for SegmentSums {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                if let Some(n) = usize::try_from(ord).ok().and_then(|o| self.counts.get_mut(o)) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let mut out = HashMap::new();
        let Some(column) = self.column else { return out };
        let mut text = String::new();
        for (ord, n) in self.counts.into_iter().enumerate() {
            if n == 0 {
                continue;
            }
            text.clear();
            if column.ord_to_str(ord as u64, &mut text).unwrap_or(false) {
                out.insert(text.clone(), u64::from(n));
            }
        }
        out
    }
}
