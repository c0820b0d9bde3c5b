//! Baselines of the node's write and read paths: validate + sign + store one seizure (synced),
//! a batch of 1,000, and a read by id. Run with `cargo bench -p ncen-node --bench store`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use ncen_config::Config;
use ncen_node::app;
use ncen_node::identity::NodeRole;
use ncen_protocol::model::{Conveyance, GoodsLine, Money, Place, Route, Seizure};
use ncen_protocol::record::{RecordBody, RecordKind};

fn seizure(reference: String) -> RecordBody {
    RecordBody::Seizure(Seizure {
        national_reference: reference,
        date: "2026-11-30".into(),
        place: Place {
            name: Some("Port of Rotterdam".into()),
            location_type: "SEAPORT".into(),
            country: "NL".into(),
        },
        direction: "IMPORT".into(),
        detection_method: "XRAY_SCAN".into(),
        conveyance: Some(Conveyance { kind: "SEA_CONTAINER".into(), identifier: Some("MSCU1234567".into()) }),
        concealment: Some("FALSE_COMPARTMENT".into()),
        route: Route {
            departure: Some("EC".into()),
            transit: vec!["PA".into()],
            destination: Some("NL".into()),
        },
        goods: vec![GoodsLine {
            commodity: "DRUGS.COCAINE".into(),
            description: Some("bricks in banana boxes".into()),
            quantity: 120.5,
            unit: "KGM".into(),
            value: Some(Money { amount: 4_500_000.0, currency: "EUR".into() }),
        }],
        offenders: vec![],
        companies: vec![],
        photos: vec![],
        remarks: Some("free text: nominal, never leaves under the hub policy".into()),
        summary: Some("non-nominal summary for CEN".into()),
    })
}

fn bench(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temporary directory: {e}"),
    };
    let data = dir.path().join("data");
    let opened = match app::init(&data, "NL", NodeRole::National).and_then(|_| app::open(&data)) {
        Ok(o) => o,
        Err(e) => panic!("cannot create the bench node: {e}"),
    };
    let mut config = Config::default();
    config.node.data_dir = data;
    let state = app::state(&opened, &config, vec![]);
    let records = state.records;
    let mut n = 0u64;
    let mut next = move || {
        n += 1;
        format!("NL-BENCH-{n}")
    };

    let mut g = c.benchmark_group("store");
    g.throughput(Throughput::Elements(1));
    g.bench_function("create_one_synced", |b| {
        b.iter_batched(|| seizure(next()), |s| records.create("bench", s), BatchSize::SmallInput)
    });
    g.throughput(Throughput::Elements(1000));
    g.sample_size(10);
    g.bench_function("create_batch_1000", |b| {
        b.iter_batched(
            || (0..1000).map(|_| seizure(next())).collect::<Vec<_>>(),
            |batch| records.create_batch("bench", RecordKind::Seizure, batch),
            BatchSize::LargeInput,
        )
    });
    let id = match records.create("bench", seizure(next())) {
        Ok(v) => v.id,
        Err(e) => panic!("cannot store the read sample: {e}"),
    };
    g.throughput(Throughput::Elements(1));
    g.sample_size(50);
    g.bench_function("get_by_id", |b| b.iter(|| black_box(records.get(RecordKind::Seizure, id))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
