//! Search-as-you-type: the records of one kind whose names begin with what is being typed, or
//! whose national reference it is. Every word but the last must be a whole word of a name; the
//! last may be the beginning of one, so that `mull` finds Müller while it is being typed. Words
//! fold like every other search (case, accents and marks do not matter, in any script).

use ncen_protocol::record::RecordKind;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query};
use tantivy::{Order, Term};

use super::analyzer::words;
use super::document::reference_term;
use super::query::{MAX_LIMIT, term};
use super::schema::Fields;
use super::{Hit, SearchError, SearchIndex, hit};

/// Longest text a suggestion is asked for, in characters.
pub const MAX_SUGGEST_CHARS: usize = 200;

/// Most words of a name looked up; earlier ones are left out.
const MAX_NAME_WORDS: usize = 8;

/// Longest administration code in `ORIGIN/REFERENCE`.
const MAX_ORIGIN_LEN: usize = 16;

/// The record whose national reference is `text`, of any origin, or of `ORIGIN` for
/// `ORIGIN/REFERENCE`.
fn reference_query(f: &Fields, text: &str) -> Box<dyn Query> {
    let mut any: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Should, term(f.reference, &reference_term(text)))];
    if let Some((origin, reference)) = text.split_once('/') {
        let origin = origin.trim().to_ascii_uppercase();
        if !origin.is_empty() && origin.len() <= MAX_ORIGIN_LEN && !reference.trim().is_empty() {
            let both: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Must, term(f.origin, &origin)),
                (Occur::Must, term(f.reference, &reference_term(reference))),
            ];
            any.push((Occur::Should, Box::new(BooleanQuery::new(both))));
        }
    }
    Box::new(BooleanQuery::new(any))
}

/// The records with every word of `text` in their names, the last one possibly unfinished
/// (unless the text ends with a space); None when the text holds no word.
fn name_query(f: &Fields, text: &str) -> Option<Box<dyn Query>> {
    let mut found = words(text);
    let last = found.pop()?;
    let skip = found.len().saturating_sub(MAX_NAME_WORDS - 1);
    let mut all: Vec<(Occur, Box<dyn Query>)> =
        found[skip..].iter().map(|w| (Occur::Must, term(f.name, w))).collect();
    let finished = text.ends_with(char::is_whitespace);
    let last: Box<dyn Query> = if finished {
        term(f.name, &last)
    } else {
        Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(f.name, &last), 0, false))
    };
    all.push((Occur::Must, last));
    Some(Box::new(BooleanQuery::new(all)))
}

impl SearchIndex {
    /// Up to `limit` records of `kind` for the text being typed: the one whose national
    /// reference it is first, then those whose names match, newest first. Only what the index
    /// holds is answered: live records, own and received.
    pub fn suggest(&self, kind: RecordKind, text: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if text.chars().count() > MAX_SUGGEST_CHARS {
            return Err(SearchError::BadQuery(format!("longer than {MAX_SUGGEST_CHARS} characters")));
        }
        let limit = limit.min(MAX_LIMIT);
        if text.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let f = &self.inner.fields;
        let searcher = self.inner.reader.searcher();
        let mut out: Vec<Hit> = Vec::new();
        let queries = [Some(reference_query(f, text.trim())), name_query(f, text)];
        for query in queries.into_iter().flatten() {
            let of_kind =
                BooleanQuery::new(vec![(Occur::Must, term(f.kind, kind.collection())), (Occur::Must, query)]);
            let top = TopDocs::with_limit(limit).order_by_u64_field("sort", Order::Desc);
            for (_, addr) in searcher.search(&of_kind, &top)? {
                if let Some(found) = hit(&searcher, addr)?
                    && !out.iter().any(|h| h.id == found.id)
                {
                    out.push(found);
                }
            }
        }
        out.truncate(limit);
        Ok(out)
    }
}
