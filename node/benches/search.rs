//! The national search index at scale: loads N varied seizures straight into an index (no
//! store, no signing), then measures typical searches, each answering a page of 20 with the
//! total and the facets of all matches. N comes from `NCEN_SEARCH_BENCH_RECORDS` (default
//! 100,000). Run with `cargo bench --workspace --bench search`; besides criterion's figures it
//! prints p50 and p95 of each kind of query over many different queries.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ncen_node::search::{Indexable, SearchIndex, SearchQuery};
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::model::{Conveyance, GoodsLine, Offender, Place, RecordId, Route, Seizure};
use ncen_protocol::record::{RecordBody, RecordKind};

/// Words of goods descriptions, places and summaries.
const WORDS: [&str; 48] = [
    "bricks",
    "banana",
    "boxes",
    "powder",
    "tyres",
    "cigarettes",
    "tusks",
    "crates",
    "pallets",
    "bags",
    "suitcase",
    "false",
    "bottom",
    "frozen",
    "fish",
    "coffee",
    "beans",
    "pineapple",
    "timber",
    "logs",
    "parcels",
    "envelopes",
    "capsules",
    "tablets",
    "liquid",
    "jerrycans",
    "spare",
    "parts",
    "textiles",
    "shoes",
    "toys",
    "electronics",
    "phones",
    "watches",
    "jewellery",
    "gold",
    "cash",
    "banknotes",
    "ammunition",
    "pistols",
    "scales",
    "skins",
    "seeds",
    "plants",
    "resin",
    "oil",
    "paintings",
    "coins",
];

/// Places where seizures are made, with their country.
const PLACES: [(&str, &str); 16] = [
    ("Port of Rotterdam", "NL"),
    ("Schiphol", "NL"),
    ("Port of Antwerp", "BE"),
    ("Zaventem", "BE"),
    ("Hamburg Hafen", "DE"),
    ("Frankfurt Flughafen", "DE"),
    ("Le Havre", "FR"),
    ("Roissy", "FR"),
    ("Algeciras", "ES"),
    ("Barajas", "ES"),
    ("Gioia Tauro", "IT"),
    ("Malpensa", "IT"),
    ("Felixstowe", "GB"),
    ("Heathrow", "GB"),
    ("Gdańsk", "PL"),
    ("Москва Шереметьево", "RU"),
];

/// A small deterministic generator (xorshift64*), so that every run indexes the same records.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The live codes of one code list.
fn codes(catalog: &Catalog, list: ListId) -> Vec<String> {
    catalog.list(list).entries.iter().filter(|e| !e.deprecated).map(|e| e.code.clone()).collect()
}

struct Lists {
    commodities: Vec<String>,
    countries: Vec<String>,
    conveyances: Vec<String>,
    concealments: Vec<String>,
    detections: Vec<String>,
    locations: Vec<String>,
}

fn lists() -> Lists {
    let c = Catalog::builtin();
    Lists {
        commodities: codes(c, ListId::Commodity),
        // Most traffic involves a few dozen countries.
        countries: codes(c, ListId::Country).into_iter().take(60).collect(),
        conveyances: codes(c, ListId::ConveyanceType),
        concealments: codes(c, ListId::ConcealmentMethod),
        detections: codes(c, ListId::DetectionMethod),
        locations: codes(c, ListId::LocationType),
    }
}

/// Between `least` and `least + spread - 1` words.
fn sentence(rng: &mut Rng, least: usize, spread: usize) -> String {
    let words = least + rng.below(spread);
    (0..words).map(|_| *rng.pick(&WORDS)).collect::<Vec<_>>().join(" ")
}

fn seizure(rng: &mut Rng, l: &Lists, n: usize) -> (String, Seizure) {
    let year = 2019 + rng.below(8);
    let date = format!("{year:04}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
    let (place, country) = *rng.pick(&PLACES);
    let goods = (0..1 + rng.below(3))
        .map(|_| GoodsLine {
            commodity: rng.pick(&l.commodities).clone(),
            description: Some(sentence(rng, 3, 4)),
            quantity: (1 + rng.below(5000)) as f64,
            unit: "KGM".into(),
            value: None,
        })
        .collect();
    let transit = (0..rng.below(3)).map(|_| rng.pick(&l.countries).clone()).collect();
    let body = Seizure {
        national_reference: format!("{country}-{year}-{n:07}"),
        date: date.clone(),
        place: Place {
            name: Some(place.into()),
            location_type: rng.pick(&l.locations).clone(),
            country: country.into(),
        },
        direction: "IMPORT".into(),
        detection_method: rng.pick(&l.detections).clone(),
        conveyance: Some(Conveyance {
            kind: rng.pick(&l.conveyances).clone(),
            identifier: Some(format!("MSCU{:07}", rng.below(10_000_000))),
        }),
        concealment: Some(rng.pick(&l.concealments).clone()),
        route: Route {
            departure: Some(rng.pick(&l.countries).clone()),
            transit,
            destination: Some(country.into()),
        },
        goods,
        offenders: vec![Offender {
            nationality: Some(rng.pick(&l.countries).clone()),
            ..Offender::default()
        }],
        companies: vec![],
        photos: vec![],
        remarks: Some(sentence(rng, 8, 1)),
        summary: Some(sentence(rng, 5, 1)),
    };
    (date, body)
}

fn build(dir: &std::path::Path, n: usize) -> SearchIndex {
    let l = lists();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    let mut loader = match SearchIndex::loader(dir) {
        Ok(l) => l,
        Err(e) => panic!("cannot create the index: {e}"),
    };
    for i in 0..n {
        let (date, body) = seizure(&mut rng, &l, i);
        let origin = body.place.country.clone();
        let body = RecordBody::Seizure(body);
        let record = Indexable {
            kind: RecordKind::Seizure,
            id: RecordId::now_v7(),
            origin: &origin,
            index_date: &date,
            body: &body,
        };
        if let Err(e) = loader.add(&record) {
            panic!("cannot index record {i}: {e}");
        }
    }
    let index = match loader.finish_merged() {
        Ok(i) => i,
        Err(e) => panic!("cannot commit the index: {e}"),
    };
    let secs = started.elapsed().as_secs_f64();
    println!("indexed {n} seizures in {secs:.1} s ({:.0} records/s)", n as f64 / secs);
    index
}

/// The queries of one kind, varied so that caches do not flatter the figures.
fn queries(kind: &str, count: usize) -> Vec<SearchQuery> {
    let l = lists();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let drugs_and_others = ["DRUGS", "DRUGS.COCAINE", "REVENUE", "ENVIRONMENT", "SECURITY", "IPR"];
    (0..count)
        .map(|_| {
            let year = 2019 + rng.below(8);
            let base = SearchQuery { limit: 20, kinds: vec![RecordKind::Seizure], ..SearchQuery::default() };
            match kind {
                "text + commodity + year" => SearchQuery {
                    text: Some((*rng.pick(&WORDS)).to_owned()),
                    commodity: Some((*rng.pick(&drugs_and_others)).to_owned()),
                    date_from: Some(format!("{year}-01-01")),
                    date_to: Some(format!("{year}-12-31")),
                    ..base
                },
                "facets only (commodity + route country + year)" => SearchQuery {
                    commodity: Some((*rng.pick(&drugs_and_others)).to_owned()),
                    route_country: Some(rng.pick(&l.countries).clone()),
                    date_from: Some(format!("{year}-01-01")),
                    date_to: Some(format!("{year}-12-31")),
                    ..base
                },
                "text only (two words)" => {
                    SearchQuery { text: Some(format!("{} {}", rng.pick(&WORDS), rng.pick(&WORDS))), ..base }
                }
                _ => SearchQuery { commodity: Some((*rng.pick(&drugs_and_others)).to_owned()), ..base },
            }
        })
        .collect()
}

const KINDS: [&str; 4] = [
    "text + commodity + year",
    "facets only (commodity + route country + year)",
    "text only (two words)",
    "one commodity, all years",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn bench(c: &mut Criterion) {
    let n: usize =
        std::env::var("NCEN_SEARCH_BENCH_RECORDS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temporary directory: {e}"),
    };
    let index = build(dir.path(), n);
    for kind in KINDS {
        let qs = queries(kind, 300);
        let mut times = Vec::with_capacity(qs.len());
        let mut matches = 0u64;
        for q in &qs {
            let started = Instant::now();
            match index.search(q) {
                Ok(r) => matches += r.total,
                Err(e) => panic!("{kind}: {e}"),
            }
            times.push(started.elapsed());
        }
        times.sort();
        println!(
            "search over {n} seizures, {kind}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} queries, mean {} matches)",
            percentile(&times, 0.50).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
            percentile(&times, 1.0).as_secs_f64() * 1e3,
            qs.len(),
            matches / qs.len() as u64,
        );
        // The statistics view of the same result: every facet's counts and the quantities.
        let mut stat_times = Vec::with_capacity(qs.len());
        for q in &qs {
            let started = Instant::now();
            let counted = index.search(&SearchQuery { limit: 1, ..q.clone() });
            let summed = index.quantities(q);
            if let Err(e) = counted.as_ref().map(|_| ()).and(summed.as_ref().map(|_| ())) {
                panic!("{kind} statistics: {e}");
            }
            black_box((counted.map(|r| r.facets.len()).ok(), summed.is_ok()));
            stat_times.push(started.elapsed());
        }
        stat_times.sort();
        println!(
            "statistics over {n} seizures, {kind}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            percentile(&stat_times, 0.50).as_secs_f64() * 1e3,
            percentile(&stat_times, 0.95).as_secs_f64() * 1e3,
            percentile(&stat_times, 1.0).as_secs_f64() * 1e3,
        );
        let mut next = qs.iter().cycle();
        c.bench_function(&format!("search {n}: {kind}"), |b| {
            b.iter(|| {
                if let Some(q) = next.next() {
                    black_box(index.search(q).map(|r| r.total).unwrap_or(0));
                }
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
