//! Tests of the search index against a real node store: records written through the record
//! service are found by text in any script and by each facet; corrections, tombstones, a
//! rebuild and a restart keep the index in step.

use std::time::Duration;

use ncen_protocol::codelists::Catalog;
use ncen_protocol::model::RecordId;
use ncen_protocol::model::{
    Address, Company, Conveyance, GoodsLine, IdentityDocument, Place, RegistrationNumber, Route, Seizure,
    Suspect,
};
use ncen_protocol::record::{RecordBody, RecordKind};

use super::{SEARCH_DIR, SearchError, SearchIndex, SearchQuery};
use crate::app::{self, Opened};
use crate::identity::NodeRole;
use crate::records::Records;

type TestResult = Result<(), Box<dyn std::error::Error>>;

struct Node {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    opened: Opened,
    records: Records,
}

fn node() -> Result<Node, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    app::init(&data, "NL", NodeRole::National)?;
    let opened = app::open(&data)?;
    let records = records_of(&opened);
    Ok(Node { _dir: dir, data, opened, records })
}

fn records_of(opened: &Opened) -> Records {
    Records::new(
        opened.journal.clone(),
        opened.identity.clone(),
        &opened.info.administration,
        Catalog::builtin(),
    )
}

fn open_index(node: &Node) -> Result<SearchIndex, SearchError> {
    SearchIndex::open(&node.data.join(SEARCH_DIR), node.opened.journal.clone())
}

/// Waits until the index reflects every change written so far.
async fn settle(index: &SearchIndex) -> TestResult {
    let seq = index.last_change();
    tokio::time::timeout(Duration::from_secs(20), index.caught_up(seq)).await?;
    Ok(())
}

struct SeizureSpec<'a> {
    reference: &'a str,
    date: &'a str,
    commodity: &'a str,
    description: &'a str,
    place: (&'a str, &'a str),
    route: (&'a str, &'a [&'a str], &'a str),
    conveyance: &'a str,
    concealment: &'a str,
    detection: &'a str,
}

fn seizure(s: &SeizureSpec<'_>) -> RecordBody {
    RecordBody::Seizure(Seizure {
        national_reference: s.reference.into(),
        date: s.date.into(),
        place: Place {
            name: Some(s.place.0.into()),
            location_type: "SEAPORT".into(),
            country: s.place.1.into(),
        },
        direction: "IMPORT".into(),
        detection_method: s.detection.into(),
        conveyance: Some(Conveyance { kind: s.conveyance.into(), identifier: Some("MSCU1234567".into()) }),
        concealment: Some(s.concealment.into()),
        route: Route {
            departure: Some(s.route.0.into()),
            transit: s.route.1.iter().map(|t| (*t).to_owned()).collect(),
            destination: Some(s.route.2.into()),
        },
        goods: vec![GoodsLine {
            commodity: s.commodity.into(),
            description: Some(s.description.into()),
            quantity: 10.0,
            unit: "KGM".into(),
            value: None,
        }],
        offenders: vec![],
        companies: vec![],
        photos: vec![],
        remarks: None,
        summary: Some("non-nominal summary".into()),
    })
}

const COCAINE: SeizureSpec<'static> = SeizureSpec {
    reference: "NL-2026-000001",
    date: "2026-03-10",
    commodity: "DRUGS.COCAINE",
    description: "bricks in banana boxes",
    place: ("Port of Rotterdam", "NL"),
    route: ("EC", &["PA"], "NL"),
    conveyance: "SEA_CONTAINER",
    concealment: "FALSE_COMPARTMENT",
    detection: "XRAY_SCAN",
};

const IVORY: SeizureSpec<'static> = SeizureSpec {
    reference: "NL-2025-000002",
    date: "2025-07-01",
    commodity: "ENVIRONMENT.CITES.IVORY",
    description: "carved tusks in wooden crates",
    place: ("Schiphol", "NL"),
    route: ("KE", &["AE"], "NL"),
    conveyance: "AIR_CARGO",
    concealment: "MIXED_WITH_LEGAL_GOODS",
    detection: "DOG",
};

const HEROIN: SeizureSpec<'static> = SeizureSpec {
    reference: "NL-2026-000003",
    date: "2026-01-20",
    commodity: "DRUGS.HEROIN",
    description: "powder in truck tyres",
    place: ("Venlo", "DE"),
    route: ("TR", &["BG", "AT"], "NL"),
    conveyance: "TRUCK",
    concealment: "NATURAL_VOID",
    detection: "RISK_PROFILE",
};

fn suspect(
    reference: &str,
    family: &str,
    given: &str,
    born: &str,
    alias: &str,
    passport: &str,
) -> RecordBody {
    RecordBody::Suspect(Suspect {
        national_reference: reference.into(),
        family_name: family.into(),
        given_names: Some(given.into()),
        aliases: vec![alias.into()],
        date_of_birth: None,
        place_of_birth: Some(born.into()),
        nationality: Some("DE".into()),
        sex: None,
        identity_documents: vec![IdentityDocument {
            kind: "PASSPORT".into(),
            number: passport.into(),
            issuing_country: "DE".into(),
            expiry: None,
        }],
        addresses: vec![],
        contacts: vec![],
        photos: vec![],
        remarks: None,
    })
}

fn company(reference: &str, name: &str, city: &str) -> RecordBody {
    RecordBody::Company(Company {
        national_reference: reference.into(),
        name: name.into(),
        registration_numbers: vec![RegistrationNumber { scheme: "KVK".into(), value: "12345678".into() }],
        country: "BE".into(),
        addresses: vec![Address {
            street: None,
            city: Some(city.into()),
            postal_code: None,
            country: "BE".into(),
        }],
        contacts: vec![],
        role: None,
        remarks: None,
    })
}

fn query() -> SearchQuery {
    SearchQuery { limit: 100, ..SearchQuery::default() }
}

fn text(words: &str) -> SearchQuery {
    SearchQuery { text: Some(words.into()), ..query() }
}

fn ids(index: &SearchIndex, q: &SearchQuery) -> Result<Vec<RecordId>, SearchError> {
    Ok(index.search(q)?.hits.into_iter().map(|h| h.id).collect())
}

/// Writes the three seizures, two suspects and a company; returns their ids in that order.
fn fill(records: &Records) -> Result<Vec<RecordId>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for s in [&COCAINE, &IVORY, &HEROIN] {
        out.push(records.create("officer", seizure(s))?.id);
    }
    out.push(
        records.create("officer", suspect("S-1", "Müller", "Jürgen", "МОСКВА", "مُحَمَّد", "C01X00T47"))?.id,
    );
    out.push(
        records.create("officer", suspect("S-2", "Dupont", "Élise", "Lyon", "la Comète", "18AB12345"))?.id,
    );
    out.push(records.create("officer", company("C-1", "Rotterdam Fresh Fruit BV", "Antwerpen"))?.id);
    Ok(out)
}

#[tokio::test]
async fn text_is_found_in_any_script_whatever_the_case_and_marks() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    let ids_ = fill(&node.records)?;
    settle(&index).await?;
    let muller = ids_[3];
    for words in ["muller", "MÜLLER", "Müller jurgen", "москва", "Москва", "محمد", "مُحَمَّد", "c01x00t47"]
    {
        assert_eq!(ids(&index, &text(words))?, [muller], "{words}");
    }
    assert_eq!(ids(&index, &text("comete elise"))?, [ids_[4]]);
    assert_eq!(ids(&index, &text("BANANA bricks"))?, [ids_[0]]);
    assert_eq!(ids(&index, &text("NL-2026-000001"))?, [ids_[0]]);
    assert_eq!(ids(&index, &text("mscu1234567"))?.len(), 3, "conveyance identifiers are searched");
    assert_eq!(ids(&index, &text("antwerpen 12345678"))?, [ids_[5]]);
    assert!(ids(&index, &text("banana ivory"))?.is_empty(), "every word must match");
    // Field syntax is only text: it reaches no other field.
    assert!(ids(&index, &text("kind:seizures"))?.is_empty());
    assert!(ids(&index, &text("commodity:DRUGS"))?.is_empty());
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn each_facet_filters_and_counts() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    let all = fill(&node.records)?;
    settle(&index).await?;
    let (cocaine, ivory, heroin) = (all[0], all[1], all[2]);
    let set = |mut v: Vec<RecordId>| {
        v.sort();
        v
    };
    let with = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = query();
        f(&mut q);
        ids(&index, &q).map(set)
    };
    assert_eq!(with(&|q| q.commodity = Some("DRUGS".into()))?, set(vec![cocaine, heroin]));
    assert_eq!(with(&|q| q.commodity = Some("DRUGS.HEROIN".into()))?, [heroin]);
    assert_eq!(with(&|q| q.commodity = Some("ENVIRONMENT.CITES".into()))?, [ivory]);
    assert_eq!(with(&|q| q.country = Some("DE".into()))?, set(vec![heroin, all[3], all[4]]));
    assert_eq!(with(&|q| q.country = Some("BE".into()))?, [all[5]]);
    assert_eq!(with(&|q| q.route_country = Some("AE".into()))?, [ivory]);
    assert_eq!(with(&|q| q.route_country = Some("NL".into()))?, set(vec![cocaine, ivory, heroin]));
    assert_eq!(with(&|q| q.conveyance = Some("TRUCK".into()))?, [heroin]);
    assert_eq!(with(&|q| q.concealment = Some("FALSE_COMPARTMENT".into()))?, [cocaine]);
    assert_eq!(with(&|q| q.detection_method = Some("DOG".into()))?, [ivory]);
    assert_eq!(with(&|q| q.origin = Some("NL".into()))?.len(), 6);
    assert!(with(&|q| q.origin = Some("BE".into()))?.is_empty());
    assert_eq!(with(&|q| q.kinds = vec![RecordKind::Suspect])?, set(vec![all[3], all[4]]));
    assert_eq!(with(&|q| q.kinds = vec![RecordKind::Company, RecordKind::Seizure])?.len(), 4);
    assert_eq!(
        with(&|q| {
            q.date_from = Some("2026-01-01".into());
            q.kinds = vec![RecordKind::Seizure];
        })?,
        set(vec![cocaine, heroin])
    );
    assert_eq!(with(&|q| q.date_to = Some("2025-12-31".into()))?, [ivory]);
    // A whole calendar year, and kinds that seizure-only filters exclude.
    assert_eq!(
        with(&|q| {
            q.date_from = Some("2025-01-01".into());
            q.date_to = Some("2025-12-31".into());
        })?,
        [ivory]
    );
    assert!(
        with(&|q| {
            q.kinds = vec![RecordKind::Suspect];
            q.commodity = Some("DRUGS".into());
        })?
        .is_empty()
    );
    assert_eq!(
        with(&|q| {
            q.kinds = vec![RecordKind::Suspect, RecordKind::Seizure];
            q.conveyance = Some("TRUCK".into());
        })?,
        [heroin]
    );
    // Text and facets combine.
    assert_eq!(
        with(&|q| {
            q.text = Some("boxes".into());
            q.commodity = Some("DRUGS".into());
        })?,
        [cocaine]
    );

    // Seizures come newest first, with their dates; facets count every match.
    let found = index.search(&SearchQuery { kinds: vec![RecordKind::Seizure], ..query() })?;
    assert_eq!(found.total, 3);
    let order: Vec<(RecordId, &str)> = found.hits.iter().map(|h| (h.id, h.date.as_str())).collect();
    assert_eq!(order, [(cocaine, "2026-03-10"), (heroin, "2026-01-20"), (ivory, "2025-07-01")]);
    let facet = |name: &str| found.facets.get(name).cloned().unwrap_or_default();
    assert_eq!(facet("commodity")[0], ("DRUGS".to_owned(), 2));
    assert!(facet("commodity").contains(&("ENVIRONMENT.CITES.IVORY".to_owned(), 1)));
    assert_eq!(facet("route_country")[0], ("NL".to_owned(), 3));
    assert_eq!(facet("year"), [("2026".to_owned(), 2), ("2025".to_owned(), 1)]);
    assert_eq!(facet("kind"), [("seizures".to_owned(), 3)]);
    assert_eq!(facet("conveyance").len(), 3);
    // Paging.
    let second =
        index.search(&SearchQuery { kinds: vec![RecordKind::Seizure], limit: 1, offset: 1, ..query() })?;
    assert_eq!((second.total, second.hits.len(), second.hits[0].id), (3, 1, heroin));
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn a_correction_reindexes_and_a_tombstone_removes() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    let all = fill(&node.records)?;
    settle(&index).await?;
    let cocaine = all[0];
    let corrected =
        SeizureSpec { description: "bricks in pineapple crates", commodity: "DRUGS.CANNABIS", ..COCAINE };
    node.records.update("officer", cocaine, seizure(&corrected), Some(1))?;
    settle(&index).await?;
    assert!(ids(&index, &text("banana"))?.is_empty());
    assert_eq!(ids(&index, &text("pineapple"))?, [cocaine]);
    let q = SearchQuery { commodity: Some("DRUGS.CANNABIS".into()), ..query() };
    assert_eq!(ids(&index, &q)?, [cocaine]);
    assert_eq!(index.search(&SearchQuery { kinds: vec![RecordKind::Seizure], ..query() })?.total, 3);

    node.records.delete("officer", RecordKind::Seizure, cocaine)?;
    settle(&index).await?;
    assert!(ids(&index, &text("pineapple"))?.is_empty());
    assert_eq!(index.search(&SearchQuery { kinds: vec![RecordKind::Seizure], ..query() })?.total, 2);
    assert_eq!(index.len(), 5);
    follower.shutdown().await;
    Ok(())
}

/// Every search these tests compare before and after a rebuild or a restart.
fn snapshot(index: &SearchIndex) -> Result<Vec<super::SearchResult>, SearchError> {
    let queries = [
        query(),
        text("muller"),
        text("boxes"),
        SearchQuery { commodity: Some("DRUGS".into()), ..query() },
        SearchQuery { kinds: vec![RecordKind::Suspect], ..query() },
    ];
    queries.iter().map(|q| index.search(q)).collect()
}

#[tokio::test]
async fn a_deleted_index_is_rebuilt_with_the_same_results() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    let all = fill(&node.records)?;
    node.records.delete("officer", RecordKind::Company, all[5])?;
    settle(&index).await?;
    let before = snapshot(&index)?;
    follower.shutdown().await;
    drop(index);

    std::fs::remove_dir_all(node.data.join(SEARCH_DIR))?;
    let index = open_index(&node)?;
    assert!(index.is_empty());
    let follower = index.follow();
    settle(&index).await?;
    assert_eq!(index.indexed(), node.opened.journal.last_change());
    assert_eq!(snapshot(&index)?, before);
    assert_eq!(index.len(), 5);

    // A rebuilt index follows the feed on from its watermark.
    let late = node.records.create("officer", company("C-2", "Late Logistics", "Gent"))?.id;
    settle(&index).await?;
    assert_eq!(ids(&index, &text("gent"))?, [late]);
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn the_watermark_survives_a_restart_without_a_rebuild() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    fill(&node.records)?;
    settle(&index).await?;
    let before = snapshot(&index)?;
    let mark = index.indexed();
    assert_eq!(mark, 6);
    follower.shutdown().await;
    drop(index);

    // Written while the index is closed: found after the restart, from the watermark on.
    let while_down = node.records.create("officer", company("C-3", "Quiet Shipping", "Brugge"))?.id;
    let index = open_index(&node)?;
    assert_eq!(index.indexed(), mark, "the watermark is read back from the commit");
    assert!(!index.inner.rebuild.load(std::sync::atomic::Ordering::Relaxed), "no rebuild");
    assert_eq!(snapshot(&index)?, before, "searchable at once, before following");
    let follower = index.follow();
    settle(&index).await?;
    assert_eq!(index.indexed(), mark + 1);
    assert_eq!(ids(&index, &text("brugge"))?, [while_down]);
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn the_change_feed_position_is_recovered_when_the_store_opens_again() -> TestResult {
    let node = node()?;
    fill(&node.records)?;
    assert_eq!(node.opened.journal.last_change(), 6);
    let data = node.data.clone();
    let Node { _dir, opened, records, .. } = node;
    drop(records);
    drop(opened);
    let opened = app::open(&data)?;
    assert_eq!(opened.journal.last_change(), 6);
    let mut watch = opened.journal.subscribe_changes();
    records_of(&opened).create("officer", company("C-9", "Nine", "Namur"))?;
    assert_eq!(*watch.borrow_and_update(), 7);
    Ok(())
}

#[test]
fn bad_queries_name_their_field() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let cases: Vec<(SearchQuery, &str)> = vec![
        (SearchQuery { limit: 0, ..query() }, "limit"),
        (SearchQuery { limit: 101, ..query() }, "limit"),
        (SearchQuery { offset: 10_001, ..query() }, "offset"),
        (text(&"a".repeat(501)), "q"),
        (text("!!! ... ---"), "q"),
        (text(&(0..40).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ")), "q"),
        (SearchQuery { date_from: Some("2026-13-01".into()), ..query() }, "date_from"),
        (SearchQuery { date_to: Some("yesterday".into()), ..query() }, "date_to"),
        (
            SearchQuery {
                date_from: Some("2026-02-01".into()),
                date_to: Some("2026-01-01".into()),
                ..query()
            },
            "date_to",
        ),
        (SearchQuery { commodity: Some("X".repeat(65)), ..query() }, "commodity"),
    ];
    for (q, field) in cases {
        match index.search(&q) {
            Err(e) => assert_eq!(e.field(), Some(field), "{q:?}: {e}"),
            Ok(_) => panic!("{q:?} was accepted"),
        }
    }
    // Text made only of blanks is no text, and any script or symbol is harmless.
    assert_eq!(index.search(&text("   "))?.total, 0);
    for odd in ["\"unclosed", "a AND (b OR", "*", "field:value^3", "\u{0}\u{202e}x", "🙂 🙂"] {
        let result = index.search(&text(odd));
        assert!(matches!(result, Ok(_) | Err(SearchError::BadQuery(_))), "{odd}: {result:?}");
    }
    Ok(())
}

#[test]
fn an_index_of_another_schema_or_unreadable_is_rebuilt() -> TestResult {
    let node = node()?;
    let dir = node.data.join(SEARCH_DIR);
    drop(open_index(&node)?);
    // An index whose watermark names another schema version.
    std::fs::remove_dir_all(&dir)?;
    std::fs::create_dir_all(&dir)?;
    {
        let other = tantivy::Index::create_in_dir(&dir, super::schema::build().0)?;
        let mut writer: tantivy::IndexWriter = other.writer_with_num_threads(1, 15_000_000)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(r#"{"schema":0,"seq":0}"#);
        commit.commit()?;
    }
    let index = open_index(&node)?;
    assert!(index.inner.rebuild.load(std::sync::atomic::Ordering::Relaxed), "another schema");
    drop(index);
    // An unreadable one.
    std::fs::write(dir.join("meta.json"), b"{ not json")?;
    let index = open_index(&node)?;
    assert!(index.inner.rebuild.load(std::sync::atomic::Ordering::Relaxed), "unreadable");
    Ok(())
}

#[test]
fn a_loader_builds_an_index_without_a_store() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bodies = [seizure(&COCAINE), seizure(&IVORY)];
    let ids_: Vec<RecordId> = bodies.iter().map(|_| RecordId::now_v7()).collect();
    let mut loader = SearchIndex::loader(dir.path())?;
    for (body, id) in bodies.iter().zip(&ids_) {
        let index_date = match body {
            RecordBody::Seizure(s) => s.date.as_str(),
            _ => "",
        };
        loader.add(&super::Indexable {
            kind: RecordKind::Seizure,
            id: *id,
            origin: "NL",
            index_date,
            body,
        })?;
    }
    let index = loader.finish()?;
    assert_eq!(index.len(), 2);
    assert_eq!(ids(&index, &text("tusks"))?, [ids_[1]]);
    Ok(())
}

#[tokio::test]
async fn quantities_are_summed_by_commodity_and_month_over_the_matches() -> TestResult {
    let n = node()?;
    let index = open_index(&n)?;
    let follower = index.follow();
    for (reference, date, commodity) in [
        ("NL-2026-Q-1", "2026-03-10", "DRUGS.COCAINE"),
        ("NL-2026-Q-2", "2026-03-20", "DRUGS.COCAINE"),
        ("NL-2026-Q-3", "2026-04-02", "DRUGS.COCAINE"),
        ("NL-2026-Q-4", "2026-04-05", "DRUGS.HEROIN"),
    ] {
        let body = seizure(&SeizureSpec { reference, date, commodity, ..COCAINE });
        n.records.create("officer", body)?;
    }
    n.records.create("officer", company("NL-C-1", "Acme Freight", "Rotterdam"))?;
    settle(&index).await?;
    let q = index.quantities(&query())?;
    assert_eq!(
        q.by_commodity,
        [
            ("DRUGS.COCAINE".to_owned(), "KGM".to_owned(), 30.0),
            ("DRUGS.HEROIN".to_owned(), "KGM".to_owned(), 10.0)
        ]
    );
    let cocaine = ("DRUGS.COCAINE".to_owned(), "KGM".to_owned());
    assert_eq!(
        q.by_month.get("2026-03").and_then(|m| m.get(&cocaine)),
        Some(&20.0),
        "two seizures of the same line"
    );
    assert_eq!(q.by_month.get("2026-04").and_then(|m| m.get(&cocaine)), Some(&10.0));
    // Only the matches count.
    let heroin = SearchQuery { commodity: Some("DRUGS.HEROIN".into()), ..query() };
    assert_eq!(index.quantities(&heroin)?.by_commodity.len(), 1);
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn suggestions_complete_names_as_they_are_typed() -> TestResult {
    let node = node()?;
    let index = open_index(&node)?;
    let follower = index.follow();
    let all = fill(&node.records)?;
    let gone = node.records.create("officer", suspect("S-3", "Mullins", "Ann", "Cork", "Annie", "X1"))?.id;
    node.records.delete("officer", RecordKind::Suspect, gone)?;
    settle(&index).await?;
    let (cocaine, muller, dupont, fruit) = (all[0], all[3], all[4], all[5]);
    let suggest = |kind: RecordKind, typed: &str| -> Result<Vec<RecordId>, SearchError> {
        Ok(index.suggest(kind, typed, 15)?.into_iter().map(|h| h.id).collect())
    };
    // The last word may be unfinished; case, accents and marks do not matter; aliases are names.
    for typed in ["mull", "MÜL", "m", "Jürgen mu", "jurgen muller", "muller ", "محم"] {
        assert_eq!(suggest(RecordKind::Suspect, typed)?, [muller], "{typed}");
    }
    assert_eq!(suggest(RecordKind::Suspect, "eli")?, [dupont]);
    // Earlier words are whole words, and a finished last word too.
    for typed in ["mull jurgen", "mull ", "dupontx"] {
        assert!(suggest(RecordKind::Suspect, typed)?.is_empty(), "{typed}");
    }
    // Only names: neither a place of birth nor a document number.
    for typed in ["моск", "c01x00t47", "lyon"] {
        assert!(suggest(RecordKind::Suspect, typed)?.is_empty(), "{typed}");
    }
    // A national reference, exactly, whatever its case, or as ORIGIN/REFERENCE.
    for typed in ["S-2", "s-2", " NL/S-2 "] {
        assert_eq!(suggest(RecordKind::Suspect, typed)?, [dupont], "{typed}");
    }
    assert!(suggest(RecordKind::Suspect, "BE/S-2")?.is_empty(), "another origin's S-2");
    assert!(suggest(RecordKind::Suspect, "S-")?.is_empty(), "references match whole");
    assert_eq!(suggest(RecordKind::Seizure, "nl-2026-000001")?, [cocaine]);
    // Only the kind asked for; a deleted record is never offered.
    assert_eq!(suggest(RecordKind::Company, "rotterdam fr")?, [fruit]);
    assert!(suggest(RecordKind::Suspect, "rott")?.is_empty());
    assert!(suggest(RecordKind::Suspect, "mullins")?.is_empty(), "deleted");
    // Nothing to look for, or too much.
    assert!(suggest(RecordKind::Suspect, "  ")?.is_empty());
    assert!(suggest(RecordKind::Suspect, "--")?.is_empty());
    assert!(matches!(
        index.suggest(RecordKind::Suspect, &"m".repeat(super::MAX_SUGGEST_CHARS + 1), 15),
        Err(SearchError::BadQuery(_))
    ));
    let many = index.suggest(RecordKind::Suspect, "m", 1)?;
    assert_eq!(many.len(), 1);
    follower.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn photos_are_found_by_kind_and_records_without_photos_left_out() -> TestResult {
    let n = node()?;
    let index = open_index(&n)?;
    let follower = index.follow();
    let all = fill(&n.records)?;
    let (cocaine, ivory) = (all[0], all[1]);
    let photo = |kind: &str, hex: char| ncen_protocol::model::PhotoRef {
        kind: kind.into(),
        sha256: hex.to_string().repeat(64),
        media_type: "image/png".into(),
        caption: None,
    };
    let mut with_photos = seizure(&COCAINE);
    if let RecordBody::Seizure(s) = &mut with_photos {
        s.photos = vec![photo("XRAY", 'a'), photo("GOODS", 'b')];
    }
    n.records.update("officer", cocaine, with_photos, None)?;
    let mut person = seizure(&IVORY);
    if let RecordBody::Seizure(s) = &mut person {
        s.photos = vec![photo("PERSON", 'c')];
    }
    n.records.update("officer", ivory, person, None)?;
    settle(&index).await?;

    let by = |kind: Option<&str>, any: bool| {
        let q = SearchQuery { photo_kind: kind.map(str::to_owned), with_photos: any, ..query() };
        let mut found = ids(&index, &q)?;
        found.sort();
        Ok::<_, SearchError>(found)
    };
    assert_eq!(by(Some("XRAY"), false)?, [cocaine]);
    assert_eq!(by(Some("PERSON"), true)?, [ivory]);
    assert!(by(Some("DOCUMENT"), false)?.is_empty());
    let mut both = vec![cocaine, ivory];
    both.sort();
    assert_eq!(by(None, true)?, both, "only records with a photo");
    assert_eq!(by(None, false)?.len(), all.len());
    let facets = index.search(&query())?.facets;
    let kinds = facets.get("photo_kind").cloned().unwrap_or_default();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds.iter().all(|(_, count)| *count == 1));
    follower.shutdown().await;
    Ok(())
}
