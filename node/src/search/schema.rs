//! The index's schema: which fields a record document has, how each is indexed, and the
//! version that makes an index built by another version of the schema be rebuilt.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::analyzer::ANALYZER;

/// Raised whenever the schema or what goes into a document changes: an index with another
/// version is rebuilt from the store at start.
pub const SCHEMA_VERSION: u32 = 5;

/// The facets every answer counts, by their names in queries and answers.
pub const FACETS: [&str; 11] = [
    "kind",
    "commodity",
    "country",
    "route_country",
    "origin",
    "conveyance",
    "concealment",
    "detection_method",
    "year",
    "photo_kind",
    "region",
];

/// The fields of a record document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `kind/uuid`: the key a new revision or a tombstone deletes the old document by.
    pub key: Field,
    /// Analysed full text (not stored).
    pub text: Field,
    /// Names only, analysed like `text`: a suspect's family and given names and aliases, a
    /// company's name. Search-as-you-type looks here.
    pub name: Field,
    /// The national reference, trimmed and in lower case, as one term.
    pub reference: Field,
    pub kind: Field,
    pub origin: Field,
    /// Each commodity code and its ancestors (`DRUGS`, `DRUGS.COCAINE`).
    pub commodity: Field,
    /// Place country of a seizure, nationality of a suspect, country of a company.
    pub country: Field,
    /// Departure, transit and destination countries of a seizure.
    pub route_country: Field,
    pub conveyance: Field,
    pub concealment: Field,
    pub detection_method: Field,
    /// The kind of each photo of a seizure or suspect (`XRAY`, `PERSON`...).
    pub photo_kind: Field,
    /// `YYYY` of the record's date.
    pub year: Field,
    /// The WCO region of the record's origin (code list `wco_region`).
    pub region: Field,
    /// The record's date as `YYYYMMDD`, for ranges.
    pub date: Field,
    /// Newest first: the date, then the time the record's id was made.
    pub sort: Field,
    /// [`RecordKind::tag`](ncen_protocol::record::RecordKind::tag).
    pub tag: Field,
    /// The record id's two halves.
    pub id_hi: Field,
    pub id_lo: Field,
    /// A seizure's goods lines, for quantity totals (see `quantities.rs`).
    pub goods: Field,
}

/// The schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::Basic),
    );
    let facet = STRING | FAST;
    let fields = Fields {
        key: b.add_text_field("key", STRING),
        text: b.add_text_field("text", text.clone()),
        name: b.add_text_field("name", text),
        reference: b.add_text_field("reference", STRING),
        kind: b.add_text_field("kind", facet.clone()),
        origin: b.add_text_field("origin", facet.clone()),
        commodity: b.add_text_field("commodity", facet.clone()),
        country: b.add_text_field("country", facet.clone()),
        route_country: b.add_text_field("route_country", facet.clone()),
        conveyance: b.add_text_field("conveyance", facet.clone()),
        concealment: b.add_text_field("concealment", facet.clone()),
        detection_method: b.add_text_field("detection_method", facet.clone()),
        photo_kind: b.add_text_field("photo_kind", facet.clone()),
        year: b.add_text_field("year", facet.clone()),
        region: b.add_text_field("region", facet),
        date: b.add_i64_field("date", INDEXED | FAST),
        sort: b.add_u64_field("sort", FAST),
        tag: b.add_u64_field("tag", FAST),
        id_hi: b.add_u64_field("id_hi", FAST),
        id_lo: b.add_u64_field("id_lo", FAST),
        goods: b.add_text_field(super::quantities::GOODS, FAST),
    };
    (b.build(), fields)
}
