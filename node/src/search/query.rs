//! A search request and the index query it becomes. The user's text is analysed into words and
//! each word is looked up in the full-text field only: no query syntax is parsed, so text can
//! never reach another field. Every word must match; filters are exact codes.

use std::ops::Bound;

use ncen_protocol::model::RecordId;
use ncen_protocol::record::RecordKind;
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::SearchError;
use super::analyzer::words;
use super::document::date_number;
use super::schema::Fields;

/// Longest query text, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// Most words a query text may hold.
pub const MAX_WORDS: usize = 32;
/// Largest page.
pub const MAX_LIMIT: usize = 100;
/// Deepest page start.
pub const MAX_OFFSET: usize = 10_000;
/// Longest filter value (codes are short).
const MAX_CODE_LEN: usize = 64;

/// What to search for. Empty filters match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words to find, in any script; case, accents and marks do not matter. Every word must
    /// occur in the record.
    pub text: Option<String>,
    /// Kinds of record (none: all).
    pub kinds: Vec<RecordKind>,
    /// A commodity code; a category matches its types.
    pub commodity: Option<String>,
    /// Place country of a seizure, nationality of a suspect, country of a company.
    pub country: Option<String>,
    /// A seizure's departure, transit or destination country.
    pub route_country: Option<String>,
    /// The owning administration.
    pub origin: Option<String>,
    /// The WCO region of the owning administration.
    pub region: Option<String>,
    /// Conveyance type.
    pub conveyance: Option<String>,
    /// Concealment method.
    pub concealment: Option<String>,
    /// Detection method.
    pub detection_method: Option<String>,
    /// Records with at least one photo of this kind.
    pub photo_kind: Option<String>,
    /// Only records with at least one photo (of any kind).
    pub with_photos: bool,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
    /// Page size, 1 to [`MAX_LIMIT`].
    pub limit: usize,
    /// How many hits to skip, at most [`MAX_OFFSET`].
    pub offset: usize,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: RecordKind,
    pub id: RecordId,
    /// The record's date, `YYYY-MM-DD`.
    pub date: String,
}

/// A page of hits, newest first, the number of all matches and the facets of all matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResult {
    pub total: u64,
    pub hits: Vec<Hit>,
    /// For each facet of [`FACETS`](super::schema::FACETS): its most frequent values among
    /// all matches, with their counts, most frequent first.
    pub facets: std::collections::BTreeMap<&'static str, Vec<(String, u64)>>,
}

fn invalid(field: &'static str, message: impl Into<String>) -> SearchError {
    SearchError::Invalid { field, message: message.into() }
}

fn date(field: &'static str, value: &str) -> Result<i64, SearchError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    if value.len() == 10 && time::Date::parse(value, format).is_ok() {
        Ok(date_number(value))
    } else {
        Err(invalid(field, format!("{value:?} is not a date written YYYY-MM-DD")))
    }
}

pub(super) fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

/// Checks `q` and builds the index query it asks for.
pub fn build(f: &Fields, q: &SearchQuery) -> Result<Box<dyn Query>, SearchError> {
    if !(1..=MAX_LIMIT).contains(&q.limit) {
        return Err(invalid("limit", format!("{} is not between 1 and {MAX_LIMIT}", q.limit)));
    }
    if q.offset > MAX_OFFSET {
        return Err(invalid("offset", format!("{} is more than {MAX_OFFSET}", q.offset)));
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(text) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(SearchError::BadQuery(format!("longer than {MAX_TEXT_CHARS} characters")));
        }
        let mut found = words(text);
        if found.is_empty() {
            return Err(SearchError::BadQuery("holds no word to search for".into()));
        }
        found.sort();
        found.dedup();
        if found.len() > MAX_WORDS {
            return Err(SearchError::BadQuery(format!("more than {MAX_WORDS} different words")));
        }
        clauses.extend(found.iter().map(|w| (Occur::Must, term(f.text, w))));
    }
    let mut kinds = q.kinds.clone();
    kinds.sort();
    kinds.dedup();
    // Filters that only seizures have already select seizures alone.
    let seizures_only = [&q.commodity, &q.route_country, &q.conveyance, &q.concealment, &q.detection_method]
        .iter()
        .any(|f| f.is_some());
    if seizures_only && kinds.contains(&RecordKind::Seizure) {
        kinds.clear();
    }
    if !kinds.is_empty() && kinds.len() < RecordKind::ALL.len() {
        let any: Vec<(Occur, Box<dyn Query>)> =
            kinds.iter().map(|k| (Occur::Should, term(f.kind, k.collection()))).collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    let filters: [(&'static str, Field, &Option<String>); 9] = [
        ("commodity", f.commodity, &q.commodity),
        ("country", f.country, &q.country),
        ("route_country", f.route_country, &q.route_country),
        ("origin", f.origin, &q.origin),
        ("region", f.region, &q.region),
        ("conveyance", f.conveyance, &q.conveyance),
        ("concealment", f.concealment, &q.concealment),
        ("detection_method", f.detection_method, &q.detection_method),
        ("photo_kind", f.photo_kind, &q.photo_kind),
    ];
    for (name, field, value) in filters {
        let Some(value) = value.as_deref() else { continue };
        if value.is_empty() || value.len() > MAX_CODE_LEN {
            return Err(invalid(name, format!("{value:?} is not a code")));
        }
        clauses.push((Occur::Must, term(field, value)));
    }
    if q.with_photos && q.photo_kind.is_none() {
        let kinds =
            ncen_protocol::codelists::Catalog::builtin().list(ncen_protocol::codelists::ListId::PhotoKind);
        let any: Vec<(Occur, Box<dyn Query>)> =
            kinds.entries.iter().map(|e| (Occur::Should, term(f.photo_kind, &e.code))).collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    let from = q.date_from.as_deref().map(|d| date("date_from", d)).transpose()?;
    let to = q.date_to.as_deref().map(|d| date("date_to", d)).transpose()?;
    if let (Some(a), Some(b)) = (from, to)
        && b < a
    {
        return Err(invalid("date_to", "is before date_from"));
    }
    let whole_year = match (q.date_from.as_deref(), q.date_to.as_deref()) {
        (Some(a), Some(b)) if a.get(..4) == b.get(..4) && a.ends_with("-01-01") && b.ends_with("-12-31") => {
            a.get(..4)
        }
        _ => None,
    };
    if let Some(year) = whole_year {
        // One calendar year: its facet term is cheaper to intersect than a range of dates.
        clauses.push((Occur::Must, term(f.year, year)));
    } else if from.is_some() || to.is_some() {
        let bound = |d: Option<i64>| match d {
            Some(d) => Bound::Included(Term::from_field_i64(f.date, d)),
            None => Bound::Unbounded,
        };
        clauses.push((Occur::Must, Box::new(RangeQuery::new(bound(from), bound(to)))));
    }
    Ok(match clauses.len() {
        0 => Box::new(AllQuery),
        _ => Box::new(BooleanQuery::new(clauses)),
    })
}
