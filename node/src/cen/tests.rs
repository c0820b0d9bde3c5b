//! Tests of the CEN database against a real RocksDB in a temporary directory.

use std::collections::BTreeSet;

use ncen_protocol::model::{RecordId, Seizure};
use ncen_protocol::projection::{SignedCen, project};

use super::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const FIXTURE: &str = include_str!("../../../tests/fixtures/canonical-seizure.json");

fn open() -> Result<(tempfile::TempDir, CenDb), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("db"), true)?;
    Ok((dir, CenDb::new(store)))
}

fn canonical() -> Result<Seizure, serde_json::Error> {
    serde_json::from_str(FIXTURE)
}

fn signed(s: &Seizure, id: u128, origin: &str, revision: u32) -> SignedCen {
    let id = RecordId::from_u128(id);
    SignedCen {
        format: 1,
        id,
        origin: origin.to_owned(),
        revision,
        issued_at_ms: 1_700_000_000_000 + i64::from(revision),
        body: Some(project(s, id, origin, revision)),
    }
}

fn tombstone(id: u128, origin: &str, revision: u32) -> SignedCen {
    SignedCen {
        format: 1,
        id: RecordId::from_u128(id),
        origin: origin.to_owned(),
        revision,
        issued_at_ms: 1_800_000_000_000,
        body: None,
    }
}

/// Applies one revision in its own batch, as the replication engine would.
fn put(db: &CenDb, signed: &SignedCen) -> Result<Option<CenHead>, StoreError> {
    let current = db.head(signed.id)?;
    let mut batch = db.store.batch();
    let applied = db.apply(&mut batch, current.as_ref(), signed, b"envelope")?;
    batch.commit(false)?;
    Ok(applied)
}

fn index_keys(db: &CenDb) -> Result<Vec<Box<[u8]>>, StoreError> {
    db.store.iter_from(Cf::CenIndex, &[], true).map(|r| r.map(|(k, _)| k)).collect()
}

fn query(filter: CenFilter) -> CenQuery {
    CenQuery { filter, ..CenQuery::default() }
}

fn ids(page: &CenPage) -> Vec<u128> {
    page.items.iter().map(|s| s.id.as_u128()).collect()
}

#[test]
fn newer_revisions_apply_and_older_or_equal_ones_do_not() -> TestResult {
    let (_dir, db) = open()?;
    let s = canonical()?;
    let first = put(&db, &signed(&s, 1, "NL", 1))?.ok_or("revision 1 not applied")?;
    assert_eq!((first.revision, first.deleted, first.date.as_str()), (1, false, "2026-11-30"));
    assert_eq!(put(&db, &signed(&s, 1, "NL", 1))?, None, "the same revision twice is a no-op");
    assert!(put(&db, &signed(&s, 1, "NL", 3))?.is_some());
    assert_eq!(put(&db, &signed(&s, 1, "NL", 2))?, None, "an older revision is ignored");
    let head = db.head(RecordId::from_u128(1))?.ok_or("no head")?;
    assert_eq!(head.revision, 3);
    assert_eq!(head.envelope, b"envelope");
    assert_eq!(head.body.as_ref().map(|b| b.revision), Some(3));
    assert_eq!(db.count()?, 1);
    assert_eq!(index_keys(&db)?.len(), 1);
    assert_eq!(db.head(RecordId::from_u128(2))?, None);
    Ok(())
}

#[test]
fn foreign_or_inconsistent_revisions_are_refused() -> TestResult {
    let (_dir, db) = open()?;
    let s = canonical()?;
    put(&db, &signed(&s, 1, "NL", 1))?;
    assert_eq!(put(&db, &signed(&s, 1, "BE", 2))?, None, "BE may not overwrite NL's record");
    assert_eq!(put(&db, &tombstone(1, "BE", 2))?, None);
    let mut mismatched = signed(&s, 2, "NL", 1);
    mismatched.revision = 2;
    assert_eq!(put(&db, &mismatched)?, None, "body revision differs from the signed one");
    assert_eq!(db.head(RecordId::from_u128(1))?.map(|h| (h.origin, h.revision)), Some(("NL".into(), 1)));
    assert_eq!(db.count()?, 1);
    Ok(())
}

#[test]
fn a_tombstone_removes_the_seizure_from_lists_and_statistics() -> TestResult {
    let (_dir, db) = open()?;
    let s = canonical()?;
    put(&db, &signed(&s, 1, "NL", 1))?;
    put(&db, &signed(&s, 2, "NL", 1))?;
    let gone = put(&db, &tombstone(1, "NL", 2))?.ok_or("tombstone not applied")?;
    assert!(gone.deleted && gone.body.is_none());
    assert_eq!((gone.origin.as_str(), gone.revision), ("NL", 2));
    assert_eq!(put(&db, &signed(&s, 1, "NL", 1))?, None, "a replayed old revision stays deleted");
    let page = db.list(&CenQuery::default())?;
    assert_eq!((ids(&page), page.total), (vec![2], 1));
    let stats = db.statistics(&CenFilter::default())?;
    assert_eq!(stats.totals.seizures, 1);
    assert_eq!(stats.totals.quantities.get("KGM"), Some(&120.5));
    assert_eq!(db.count()?, 1);
    assert_eq!(index_keys(&db)?.len(), 1);
    put(&db, &tombstone(2, "NL", 2))?;
    assert_eq!(db.list(&CenQuery::default())?.total, 0);
    assert_eq!(db.statistics(&CenFilter::default())?, Statistics::default());
    assert_eq!(db.count()?, 0);
    Ok(())
}

#[test]
fn a_date_change_moves_the_index_entry() -> TestResult {
    let (_dir, db) = open()?;
    let mut s = canonical()?;
    put(&db, &signed(&s, 1, "NL", 1))?;
    s.date = "2025-01-15".into();
    put(&db, &signed(&s, 1, "NL", 2))?;
    assert_eq!(
        index_keys(&db)?,
        vec![keys::index_entry(&[], "2025-01-15", RecordId::from_u128(1)).into_boxed_slice()]
    );
    let year = |y: &str| query(CenFilter { year: Some(y.into()), ..CenFilter::default() });
    assert_eq!(db.list(&year("2026"))?.total, 0);
    assert_eq!(ids(&db.list(&year("2025"))?), vec![1]);
    Ok(())
}

#[test]
fn revisions_put_in_one_batch_chain_their_heads() -> TestResult {
    let (_dir, db) = open()?;
    let mut s = canonical()?;
    let mut batch = db.store.batch();
    let first = db.apply(&mut batch, None, &signed(&s, 1, "NL", 1), b"one")?;
    s.date = "2024-06-01".into();
    let second = db.apply(&mut batch, first.as_ref(), &signed(&s, 1, "NL", 2), b"two")?;
    assert!(db.apply(&mut batch, second.as_ref(), &signed(&s, 1, "NL", 2), b"two")?.is_none());
    batch.commit(false)?;
    assert_eq!(index_keys(&db)?.len(), 1);
    assert_eq!(
        db.head(RecordId::from_u128(1))?.map(|h| (h.date, h.envelope)),
        Some(("2024-06-01".into(), b"two".to_vec()))
    );
    Ok(())
}

/// Five seizures that differ in every filtered field.
fn varied(db: &CenDb) -> TestResult {
    let base = canonical()?;
    let edit = |f: &dyn Fn(&mut Seizure)| {
        let mut s = base.clone();
        f(&mut s);
        s
    };
    let cases = [
        (1, "NL", base.clone()),
        (
            2,
            "BE",
            edit(&|s: &mut Seizure| {
                s.date = "2025-03-01".into();
                s.place.country = "BE".into();
                s.route.transit = vec![];
                s.route.departure = Some("CO".into());
                s.goods[0].commodity = "DRUGS.HEROIN".into();
                s.goods[0].quantity = 10.25;
            }),
        ),
        (
            3,
            "NL",
            edit(&|s: &mut Seizure| {
                s.date = "2026-01-10".into();
                s.route = Default::default();
                s.goods[0].commodity = "TOBACCO.CIGARETTES".into();
                s.goods[0].quantity = 20_000.0;
                s.goods[0].unit = "H87".into();
            }),
        ),
        (
            4,
            "DE",
            edit(&|s: &mut Seizure| {
                s.date = "2024-12-31".into();
                s.place.country = "DE".into();
                s.route = Default::default();
                s.goods[0].commodity = "DRUGS".into();
                s.goods[0].quantity = 1.0;
            }),
        ),
        (
            5,
            "BE",
            edit(&|s: &mut Seizure| {
                s.date = "2026-11-30".into();
                s.place.country = "BE".into();
                s.route.transit = vec!["NL".into(), "PA".into()];
                s.route.destination = Some("BE".into());
                let mut tobacco = s.goods[0].clone();
                tobacco.commodity = "TOBACCO.CIGARETTES".into();
                tobacco.quantity = 500.0;
                tobacco.unit = "H87".into();
                s.goods.push(tobacco);
                s.goods[0].quantity = 0.125;
            }),
        ),
    ];
    for (id, origin, s) in cases {
        put(db, &signed(&s, id, origin, 1))?.ok_or("not applied")?;
    }
    Ok(())
}

#[test]
fn each_filter_selects_its_seizures() -> TestResult {
    let (_dir, db) = open()?;
    varied(&db)?;
    let all = db.list(&CenQuery::default())?;
    assert_eq!(ids(&all), vec![5, 1, 3, 2, 4], "newest first, then the higher id first");
    assert_eq!((all.total, all.next_cursor.as_deref()), (5, None));
    let cases: Vec<(CenFilter, Vec<u128>)> = vec![
        (CenFilter { origin: Some("BE".into()), ..Default::default() }, vec![5, 2]),
        (CenFilter { commodity: Some("DRUGS".into()), ..Default::default() }, vec![5, 1, 2, 4]),
        (CenFilter { commodity: Some("DRUGS.COCAINE".into()), ..Default::default() }, vec![5, 1]),
        (CenFilter { commodity: Some("DRUGS.COCA".into()), ..Default::default() }, vec![]),
        (CenFilter { commodity: Some("TOBACCO".into()), ..Default::default() }, vec![5, 3]),
        (CenFilter { country: Some("BE".into()), ..Default::default() }, vec![5, 2]),
        (CenFilter { route_country: Some("PA".into()), ..Default::default() }, vec![5, 1]),
        (CenFilter { route_country: Some("CO".into()), ..Default::default() }, vec![2]),
        (CenFilter { route_country: Some("NL".into()), ..Default::default() }, vec![5, 1, 2]),
        (CenFilter { year: Some("2026".into()), ..Default::default() }, vec![5, 1, 3]),
        (CenFilter { date_from: Some("2025-03-01".into()), ..Default::default() }, vec![5, 1, 3, 2]),
        (CenFilter { date_to: Some("2025-03-01".into()), ..Default::default() }, vec![2, 4]),
        (
            CenFilter {
                date_from: Some("2025-01-01".into()),
                date_to: Some("2026-01-10".into()),
                ..Default::default()
            },
            vec![3, 2],
        ),
        (
            CenFilter { year: Some("2026".into()), date_to: Some("2026-06-30".into()), ..Default::default() },
            vec![3],
        ),
        (
            CenFilter {
                year: Some("2025".into()),
                date_from: Some("2026-01-01".into()),
                ..Default::default()
            },
            vec![],
        ),
        (
            CenFilter { origin: Some("NL".into()), commodity: Some("DRUGS".into()), ..Default::default() },
            vec![1],
        ),
    ];
    for (filter, want) in cases {
        let page = db.list(&query(filter.clone()))?;
        assert_eq!(ids(&page), want, "{filter:?}");
        assert_eq!(page.total, want.len() as u64, "{filter:?}");
    }
    Ok(())
}

#[test]
fn cursor_paging_returns_every_seizure_exactly_once() -> TestResult {
    let (_dir, db) = open()?;
    let mut s = canonical()?;
    for i in 0..23u32 {
        // Several seizures share a date, so the id breaks ties.
        s.date = format!("2026-03-{:02}", 1 + i / 3);
        s.place.country = if i % 2 == 0 { "NL".into() } else { "BE".into() };
        put(&db, &signed(&s, 100 + u128::from(i * 7 % 23), "NL", 1))?;
    }
    for (filter, expected) in
        [(CenFilter::default(), 23), (CenFilter { country: Some("BE".into()), ..Default::default() }, 11)]
    {
        for limit in [1, 5, 23, 500] {
            let mut seen = Vec::new();
            let mut q = CenQuery { filter: filter.clone(), limit, cursor: None };
            let mut pages = 0;
            loop {
                let page = db.list(&q)?;
                assert_eq!(page.total, expected);
                assert!(page.items.len() <= limit);
                seen.extend(page.items.iter().map(|i| (i.date.clone(), i.id)));
                pages += 1;
                match page.next_cursor {
                    Some(c) => q.cursor = Some(CenCursor::parse(&c).ok_or("bad cursor")?),
                    None => break,
                }
            }
            assert_eq!(pages, (expected as usize).div_ceil(limit), "limit {limit}");
            let unique: BTreeSet<_> = seen.iter().cloned().collect();
            assert_eq!((seen.len(), unique.len()), (expected as usize, expected as usize));
            let mut sorted = seen.clone();
            sorted.sort_by(|a, b| b.cmp(a));
            assert_eq!(seen, sorted, "newest first");
        }
    }
    Ok(())
}

#[test]
fn statistics_count_and_sum_per_group() -> TestResult {
    let (_dir, db) = open()?;
    varied(&db)?;
    let stats = db.statistics(&CenFilter::default())?;
    assert_eq!(stats.totals.seizures, 5);
    assert_eq!(stats.totals.quantities.get("KGM"), Some(&(120.5 + 10.25 + 1.0 + 0.125)));
    assert_eq!(stats.totals.quantities.get("H87"), Some(&20_500.0));
    let group = |groups: &[StatGroup]| -> Vec<(String, u64)> {
        groups.iter().map(|g| (g.key.clone(), g.seizures)).collect()
    };
    let pairs =
        |v: &[(&str, u64)]| -> Vec<(String, u64)> { v.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect() };
    assert_eq!(
        group(&stats.by_commodity),
        pairs(&[("DRUGS.COCAINE", 2), ("TOBACCO.CIGARETTES", 2), ("DRUGS", 1), ("DRUGS.HEROIN", 1)])
    );
    let cocaine = &stats.by_commodity[0];
    assert_eq!(cocaine.quantities.get("KGM"), Some(&120.625));
    assert_eq!(cocaine.quantities.get("H87"), None);
    assert_eq!(group(&stats.by_country), pairs(&[("BE", 2), ("NL", 2), ("DE", 1)]));
    assert_eq!(
        group(&stats.by_route_country),
        pairs(&[("NL", 3), ("EC", 2), ("PA", 2), ("BE", 1), ("CO", 1)])
    );
    assert_eq!(group(&stats.by_year), pairs(&[("2026", 3), ("2024", 1), ("2025", 1)]));
    let be = &stats.by_country[0];
    assert_eq!((be.quantities.get("KGM"), be.quantities.get("H87")), (Some(&10.375), Some(&500.0)));

    // A commodity filter narrows the seizures and the goods lines summed.
    let drugs = db.statistics(&CenFilter { commodity: Some("DRUGS".into()), ..Default::default() })?;
    assert_eq!(drugs.totals.seizures, 4);
    assert_eq!(drugs.totals.quantities.get("H87"), None, "cigarettes of a mixed seizure are left out");
    assert_eq!(group(&drugs.by_commodity), pairs(&[("DRUGS.COCAINE", 2), ("DRUGS", 1), ("DRUGS.HEROIN", 1)]));
    let json = serde_json::to_value(&drugs)?;
    assert_eq!(json["totals"]["quantities"]["KGM"], serde_json::json!(131.875));
    Ok(())
}

#[test]
fn commodity_codes_match_on_dotted_boundaries_only() {
    assert!(commodity_within("DRUGS.COCAINE", "DRUGS"));
    assert!(commodity_within("DRUGS", "DRUGS"));
    assert!(!commodity_within("DRUGSTORE", "DRUGS"));
    assert!(!commodity_within("DRUGS", "DRUGS.COCAINE"));
}

#[test]
fn cursors_round_trip_and_reject_garbage() {
    let c = CenCursor { date: "2026-11-30".into(), id: RecordId::from_u128(7) };
    assert_eq!(CenCursor::parse(&c.to_string()), Some(c));
    for bad in ["", "2026-11-30", "2026-11-30~x", "20261130~00000000-0000-0000-0000-000000000007", "~"] {
        assert_eq!(CenCursor::parse(bad), None, "{bad}");
    }
}

#[test]
fn uploads_on_behalf_record_the_hub_as_signer_and_never_overwrite_a_node() -> TestResult {
    let (_dir, db) = open()?;
    let s = canonical()?;
    let on_behalf = |signed: &SignedCen| -> Result<Option<CenHead>, StoreError> {
        let current = db.head(signed.id)?;
        let mut batch = db.store.batch();
        let applied = db.apply_on_behalf(&mut batch, current.as_ref(), signed, b"hub envelope", "WCO")?;
        batch.commit(false)?;
        Ok(applied)
    };
    let head = on_behalf(&signed(&s, 7, "GM", 1))?.ok_or("not applied")?;
    assert_eq!(head.signed_by.as_deref(), Some("WCO"));
    assert_eq!(db.head(RecordId::from_u128(7))?.ok_or("no head")?, head, "the stored head says who signed");
    assert!(on_behalf(&signed(&s, 7, "GM", 2))?.is_some(), "a new revision of an upload");
    assert_eq!(on_behalf(&signed(&s, 7, "GM", 2))?, None, "the same revision twice is a no-op");
    assert_eq!(db.count()?, 1);
    // A record its origin's node signed is never replaced by an upload at the hub.
    put(&db, &signed(&s, 8, "NL", 1))?.ok_or("not applied")?;
    assert_eq!(on_behalf(&signed(&s, 8, "NL", 2))?, None);
    let node = db.head(RecordId::from_u128(8))?.ok_or("no head")?;
    assert_eq!((node.revision, node.signed_by), (1, None));
    Ok(())
}
