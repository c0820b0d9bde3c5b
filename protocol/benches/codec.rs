//! Throughput of the CBOR codec and of COSE_Sign1 signing and verification.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ed25519_dalek::SigningKey;
use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD};
use serde::{Deserialize, Serialize};

/// Shaped like a seizure record: identifiers, code-list values, free text, a few nested items
/// and a small binary attachment reference; about 1 KiB once encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct BenchRecord {
    id: String,
    administration: String,
    version: u32,
    recorded_at: String,
    country: String,
    customs_office: String,
    detection_method: String,
    conveyance: String,
    route: Vec<String>,
    concealment: String,
    items: Vec<BenchItem>,
    narrative: String,
    #[serde(with = "serde_bytes")]
    photo_digest: Vec<u8>,
    linked_suspects: Vec<String>,
    non_nominal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct BenchItem {
    commodity: String,
    quantity: f64,
    unit: String,
    value: Option<u64>,
    currency: String,
}

fn record() -> BenchRecord {
    BenchRecord {
        id: "0190f5a2-6c1e-7d3b-9a44-3f0e2b8c1d55".into(),
        administration: "NL".into(),
        version: 3,
        recorded_at: "2025-03-14T09:26:53Z".into(),
        country: "NL".into(),
        customs_office: "NL000396".into(),
        detection_method: "XRAY".into(),
        conveyance: "SEA-CONTAINER".into(),
        route: vec!["EC".into(), "PA".into(), "ES".into(), "NL".into()],
        concealment: "HIDDEN-IN-CARGO".into(),
        items: (0u32..4)
            .map(|i| BenchItem {
                commodity: format!("NARC-COCAINE-{i}"),
                quantity: 12.5 * f64::from(i + 1),
                unit: "KGM".into(),
                value: Some(250_000 * u64::from(i + 1)),
                currency: "EUR".into(),
            })
            .collect(),
        narrative: "Container declared as bananas; x-ray image showed anomalies behind the \
                    refrigeration unit. Packages wrapped in plastic and carbon paper, marked \
                    with a logo. Consignee is a recently registered trading company; the \
                    shipment was rerouted twice before arrival. Handed over to the police."
            .repeat(2),
        photo_digest: vec![0xab; 32],
        linked_suspects: (0..3).map(|i| format!("0190f5a2-6c1e-7d3b-9a44-3f0e2b8c1d6{i}")).collect(),
        non_nominal: false,
    }
}

fn codec(c: &mut Criterion) {
    let value = record();
    let bytes = cbor::to_vec(&value).expect("encode");
    let mut group = c.benchmark_group(format!("cbor_record_{}B", bytes.len()));
    group.throughput(Throughput::Elements(1));
    group.bench_function("encode", |b| b.iter(|| cbor::to_vec(black_box(&value)).expect("encode")));
    group.bench_function("decode", |b| {
        b.iter(|| cbor::from_slice::<BenchRecord>(black_box(&bytes), Limits::DEFAULT).expect("decode"))
    });
    group.finish();
}

fn cose(c: &mut Criterion) {
    let key = SigningKey::from_bytes(&[0x42; 32]);
    let verifying = key.verifying_key();
    let payload = vec![0x5a; 1024];
    let env = envelope::sign(&key, b"NL-node-1", CONTENT_TYPE_RECORD, &payload).expect("sign");
    let mut group = c.benchmark_group("cose_sign1_1KiB");
    group.throughput(Throughput::Elements(1));
    group.bench_function("sign", |b| {
        b.iter(|| envelope::sign(&key, b"NL-node-1", CONTENT_TYPE_RECORD, black_box(&payload)).expect("sign"))
    });
    group.bench_function("verify", |b| {
        b.iter(|| envelope::verify(black_box(&env), &verifying, 1 << 20).expect("verify"))
    });
    group.finish();
}

criterion_group!(benches, codec, cose);
criterion_main!(benches);
