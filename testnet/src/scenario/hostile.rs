//! `hostile-peer`: "FR" is a real libp2p peer of NL with an agreement NL accepted, but everything
//! it serves is wrong: forged signatures, records claiming NL as origin, out-of-scope kinds,
//! tampered bytes, invalid codes, mismatched entries and replays. A second client sends
//! oversized, malformed and deeply nested requests. NL stays up and accepts none of it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ncen_node::identity::Identity;
use ncen_node::net::{self, NetEvent, NetHandle};
use ncen_protocol::agreement::{AGREEMENT_FORMAT, Direction, Document, Scope, Terms, sign_terms};
use ncen_protocol::cbor;
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD};
use ncen_protocol::model::{RecordId, Seizure, Suspect};
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use ncen_protocol::wire::{self, Entry, Request, Response};
use serde_bytes::ByteBuf;
use serde_json::json;

use super::raw::RawClient;
use super::{Verdict, canonical, fresh, records};
use crate::cluster::wait_until;

fn sign(key: &Identity, kid: &str, record: &SignedRecord) -> anyhow::Result<Vec<u8>> {
    Ok(envelope::sign(key.signing_key(), kid.as_bytes(), CONTENT_TYPE_RECORD, &cbor::to_vec(record)?)?)
}

fn entry(seq: u64, r: &SignedRecord, envelope: Vec<u8>) -> Entry {
    Entry { seq, kind: r.kind, id: r.id, revision: r.revision, envelope: ByteBuf::from(envelope) }
}

/// The entries FR serves: every one of them wrong in its own way.
fn hostile_entries(fr: &Identity) -> anyhow::Result<Vec<(&'static str, Entry)>> {
    let kid = fr.peer_id().to_owned();
    let seizure: Seizure = serde_json::from_value(canonical("FR-H-1"))?;
    let record = |reference: &str| -> anyhow::Result<SignedRecord> {
        let mut s = seizure.clone();
        s.national_reference = reference.into();
        Ok(SignedRecord {
            format: RECORD_FORMAT,
            id: RecordId::now_v7(),
            kind: RecordKind::Seizure,
            origin: "FR".into(),
            revision: 1,
            issued_at_ms: 1_764_000_000_000,
            body: Some(RecordBody::Seizure(s)),
        })
    };
    let other = Identity::generate()?;
    let forged = record("FR-H-1")?;
    let forged_entry = entry(1, &forged, sign(&other, &kid, &forged)?);
    let mut impersonation = record("NL-H-2")?;
    impersonation.origin = "NL".into();
    let suspect = SignedRecord {
        kind: RecordKind::Suspect,
        body: Some(RecordBody::Suspect(serde_json::from_value::<Suspect>(json!({
            "national_reference": "FR-H-3", "family_name": "Dupont"
        }))?)),
        ..record("FR-H-3")?
    };
    let tampered = record("FR-H-4")?;
    let mut tampered_bytes = sign(fr, &kid, &tampered)?;
    if let Some(i) = tampered_bytes.windows(9).position(|w| w == b"Rotterdam") {
        tampered_bytes[i] = b'X';
    }
    let mut invalid = record("FR-H-5")?;
    if let Some(RecordBody::Seizure(s)) = &mut invalid.body
        && let Some(g) = s.goods.first_mut()
    {
        g.commodity = "DRUGS.UNOBTAINIUM".into();
    }
    let mismatched = record("FR-H-6")?;
    let mut mismatched_entry = entry(6, &mismatched, sign(fr, &kid, &mismatched)?);
    mismatched_entry.revision = 7;
    let mut replay = forged_entry.clone();
    replay.seq = 7;
    Ok(vec![
        ("forged signature", forged_entry),
        ("claims NL as origin", entry(2, &impersonation, sign(fr, &kid, &impersonation)?)),
        ("out of scope (a suspect)", entry(3, &suspect, sign(fr, &kid, &suspect)?)),
        ("tampered bytes", entry(4, &tampered, tampered_bytes)),
        ("invalid commodity code", entry(5, &invalid, sign(fr, &kid, &invalid)?)),
        ("entry and payload differ", mismatched_entry),
        ("replay of the forgery", replay),
    ])
}

/// FR's side: acknowledges agreement documents and notifications, serves hostile entries.
async fn serve(handle: NetHandle, mut events: tokio::sync::mpsc::Receiver<NetEvent>, entries: Vec<Entry>) {
    let head = entries.len() as u64;
    while let Some(event) = events.recv().await {
        let NetEvent::Inbound { request, channel, .. } = event else { continue };
        let response = match request {
            Request::Pull { after, .. } if after < head => Response::Entries {
                entries: entries.iter().filter(|e| e.seq > after).cloned().collect(),
                next: head,
                head,
            },
            Request::Pull { after, .. } => Response::Entries { entries: vec![], next: after, head: after },
            _ => Response::Ack,
        };
        if handle.respond(channel, response).await.is_err() {
            return;
        }
    }
}

pub async fn run(dir: &Path, quick: bool, node_bin: Option<PathBuf>) -> anyhow::Result<Verdict> {
    let rounds = if quick { 1 } else { 20 };
    let mut cluster = fresh(dir, 1, node_bin).await?;
    // NL is a member of the hub's directory, so it knows when it holds the hub's newest code
    // lists: a code it does not hold is then wrong, not merely newer than its copy.
    cluster.federate().await?;
    let nl = cluster.node("NL")?;
    let nl_peer = net::parse_peer_id(nl.peer_id())?;
    let nl_addr = net::parse_addr(&nl.p2p_addr())?;

    // FR: a real peer with its own key, registered at NL.
    let fr = Identity::generate()?;
    let mut secret = fr.signing_key().to_bytes();
    let key = libp2p::identity::Keypair::ed25519_from_bytes(&mut secret)?;
    let (handle, events) = net::spawn(key, &["/ip4/127.0.0.1/tcp/0".to_owned()]).await?;
    let fr_addr = handle.status().await?.listen.first().cloned().unwrap_or_default();
    let peer = json!({"administration": "FR", "peer_id": fr.peer_id(), "addresses": [fr_addr]});
    nl.client.post_ok("admin", "/api/v1/peers", &peer).await?;
    handle.keep(nl_peer, vec![nl_addr.clone()]).await?;
    let served = hostile_entries(&fr)?;
    let names: Vec<&str> = served.iter().map(|(n, _)| *n).collect();
    tokio::spawn(serve(handle.clone(), events, served.into_iter().map(|(_, e)| e).collect()));

    // FR proposes an agreement on seizures; NL accepts it.
    let terms = Terms {
        format: AGREEMENT_FORMAT,
        id: uuid::Uuid::now_v7(),
        proposer: "FR".into(),
        proposer_peer_id: fr.peer_id().to_owned(),
        peer: "NL".into(),
        peer_peer_id: nl.peer_id().to_owned(),
        legal_basis: "FR-NL customs cooperation agreement, art. 4".into(),
        scope: Scope { kinds: vec![RecordKind::Seizure], direction: Direction::Both, commodities: vec![] },
        valid_from: "2020-01-01".into(),
        valid_until: None,
        proposed_at_ms: 0,
    };
    let document =
        Document { proposal: ByteBuf::from(sign_terms(fr.signing_key(), &terms)?), ..Default::default() };
    let answer = handle.request(nl_peer, Request::Agreement { document }).await?;
    anyhow::ensure!(answer == Response::Ack, "NL did not take FR's proposal: {answer:?}");
    nl.client.post_ok("admin", &format!("/api/v1/agreements/{}/accept", terms.id), &json!({})).await?;

    let mut v = Verdict::default();
    let started = Instant::now();
    let refused = wait_until(Duration::from_secs(30), "NL to refuse FR's entries", || async {
        let audit = nl.client.get_ok("auditor", "/api/v1/audit?limit=1000").await?;
        let n =
            audit.as_array().into_iter().flatten().filter(|e| e["action"] == "replication.reject").count();
        Ok(n >= names.len())
    })
    .await;
    v.figure("entries FR served", names.join(", "));
    v.check("NL refused every entry and audited each refusal", refused.is_ok());

    // Bad requests from another allowed client.
    let (mut raw, raw_id) = RawClient::new(nl_peer, nl_addr)?;
    let peer = json!({"administration": "IT", "peer_id": raw_id, "addresses": ["/ip4/127.0.0.1/tcp/9"]});
    nl.client.post_ok("admin", "/api/v1/peers", &peer).await?;
    let oversized = vec![0x40; wire::MAX_REQUEST_BYTES + 4096];
    let bad: [(&str, Vec<u8>); 4] = [
        ("oversized", oversized),
        ("malformed CBOR", vec![0xff, 0x00, 0x13]),
        ("wrong shape", cbor::to_vec(&("pull", 1u8))?),
        ("nested 10,000 deep", vec![0x81; 10_000]),
    ];
    let mut answered = 0;
    for _ in 0..rounds {
        for (name, bytes) in &bad {
            match raw.send(bytes.clone()).await? {
                Ok(reply) => {
                    let refusal = cbor::from_slice::<Response>(&reply, wire::RESPONSE_LIMITS);
                    let ok =
                        matches!(refusal, Ok(Response::Refused { reason: wire::Refusal::BadRequest, .. }));
                    if ok {
                        answered += 1;
                    } else {
                        v.check(format!("{name}: answered {reply:?}"), false);
                    }
                }
                Err(e) => v.figure(*name, format!("no answer ({e})")),
            }
        }
    }
    v.figure("bad requests refused with a reason", format!("{answered} of {}", rounds * bad.len()));
    v.check("no bad request got anything but a refusal", answered > 0);

    // NL is up, holds nothing from FR, and works for its officers.
    v.check("NL still answers", nl.client.healthy().await);
    let from_fr = records(&nl.client, "seizures", "FR").await?.len()
        + records(&nl.client, "suspects", "FR").await?.len();
    let as_nl = records(&nl.client, "seizures", "NL").await?.len();
    v.check(format!("NL accepted nothing from FR ({from_fr} records)"), from_fr == 0);
    v.check(format!("nothing was stored under NL's name ({as_nl} records)"), as_nl == 0);
    let created = nl.client.post("officer", "/api/v1/seizures", &canonical("NL-H-OK")).await?;
    v.check("NL's officers can still record seizures", created.0 == 201);
    v.figure("scenario time", format!("{:.1} s", started.elapsed().as_secs_f64()));
    handle.shutdown().await;
    cluster.down()?;
    Ok(v)
}
