//! The receiving side of replication refuses forged, misattributed, out-of-scope and tampered
//! entries (storing nothing of them, auditing each) and ignores replays.

use ncen_node::app;
use ncen_node::federation::Federation;
use ncen_node::federation::peers::Peer;
use ncen_node::identity::{Identity, NodeRole};
use ncen_node::records::Records;
use ncen_protocol::agreement::{AGREEMENT_FORMAT, ActKind, Direction, Document, Scope, Terms, sign_terms};
use ncen_protocol::cbor;
use ncen_protocol::codelists::Catalog;
use ncen_protocol::envelope::{self, CONTENT_TYPE_RECORD};
use ncen_protocol::model::{RecordId, Seizure, Suspect};
use ncen_protocol::record::{RECORD_FORMAT, RecordBody, RecordKind, SignedRecord};
use ncen_protocol::wire::Entry;
use serde_bytes::ByteBuf;

const FIXTURE: &str = include_str!("../../tests/fixtures/canonical-seizure.json");

fn signed(key: &Identity, kid: &str, record: &SignedRecord, content_type: &str) -> anyhow::Result<Vec<u8>> {
    Ok(envelope::sign(key.signing_key(), kid.as_bytes(), content_type, &cbor::to_vec(record)?)?)
}

fn entry(seq: u64, record: &SignedRecord, envelope: Vec<u8>) -> Entry {
    Entry {
        seq,
        kind: record.kind,
        id: record.id,
        revision: record.revision,
        envelope: ByteBuf::from(envelope),
    }
}

#[test]
fn forged_replayed_and_out_of_scope_entries_are_refused() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    app::init(&data, "BE", NodeRole::National)?;
    let opened = app::open(&data)?;
    let fed = Federation::new(
        opened.info.clone(),
        opened.identity.clone(),
        opened.journal.clone(),
        None,
        Catalog::builtin(),
    );
    let nl = Identity::generate()?;
    let nl_id = nl.peer_id().to_owned();
    let mallory = Identity::generate()?;
    fed.peers.put(
        "test",
        &Peer {
            administration: "NL".into(),
            peer_id: nl_id.clone(),
            addresses: vec!["/ip4/127.0.0.1/tcp/1".into()],
        },
    )?;

    // NL proposes (seizures, both ways), BE accepts.
    let terms = Terms {
        format: AGREEMENT_FORMAT,
        id: uuid::Uuid::now_v7(),
        proposer: "NL".into(),
        proposer_peer_id: nl_id.clone(),
        peer: "BE".into(),
        peer_peer_id: opened.identity.peer_id().to_owned(),
        legal_basis: "NL-BE agreement, art. 5".into(),
        scope: Scope { kinds: vec![RecordKind::Seizure], direction: Direction::Both, commodities: vec![] },
        valid_from: "2026-01-01".into(),
        valid_until: None,
        proposed_at_ms: 0,
    };
    let doc =
        Document { proposal: ByteBuf::from(sign_terms(nl.signing_key(), &terms)?), ..Default::default() };
    assert!(fed.agreements.receive("NL", &nl_id, doc)?);
    fed.agreements.act("admin", terms.id, ActKind::Accept, None)?;
    assert_eq!(fed.agreements.active_with("NL")?.len(), 1);

    let seizure: Seizure = serde_json::from_str(FIXTURE)?;
    let record = SignedRecord {
        format: RECORD_FORMAT,
        id: RecordId::now_v7(),
        kind: RecordKind::Seizure,
        origin: "NL".into(),
        revision: 1,
        issued_at_ms: 1_764_000_000_000,
        body: Some(RecordBody::Seizure(seizure.clone())),
    };
    let good = entry(1, &record, signed(&nl, &nl_id, &record, CONTENT_TYPE_RECORD)?);

    // Forgeries and mismatches, each refused.
    let forged = entry(2, &record, signed(&mallory, &nl_id, &record, CONTENT_TYPE_RECORD)?);
    let mut other_origin = record.clone();
    other_origin.id = RecordId::now_v7();
    other_origin.origin = "DE".into();
    let misattributed = entry(3, &other_origin, signed(&nl, &nl_id, &other_origin, CONTENT_TYPE_RECORD)?);
    let mut mismatched = entry(4, &record, signed(&nl, &nl_id, &record, CONTENT_TYPE_RECORD)?);
    mismatched.revision = 2;
    let suspect_record = SignedRecord {
        id: RecordId::now_v7(),
        kind: RecordKind::Suspect,
        body: Some(RecordBody::Suspect(serde_json::from_value::<Suspect>(serde_json::json!({
            "national_reference": "NL-S-1", "family_name": "Jansen"
        }))?)),
        ..record.clone()
    };
    let out_of_scope = entry(5, &suspect_record, signed(&nl, &nl_id, &suspect_record, CONTENT_TYPE_RECORD)?);
    let mut tampered_record = record.clone();
    tampered_record.id = RecordId::now_v7();
    let mut tampered_bytes = signed(&nl, &nl_id, &tampered_record, CONTENT_TYPE_RECORD)?;
    if let Some(i) = tampered_bytes.windows(9).position(|w| w == b"Rotterdam") {
        tampered_bytes[i] = b'X';
    }
    let tampered = entry(6, &tampered_record, tampered_bytes);
    let wrong_type = {
        let mut r = record.clone();
        r.id = RecordId::now_v7();
        entry(7, &r, signed(&nl, &nl_id, &r, "application/json")?)
    };

    let applied = fed.apply_entries(
        "NL",
        &nl_id,
        &[good.clone(), forged, misattributed, mismatched, out_of_scope, tampered, wrong_type],
        7,
    )?;
    assert_eq!(applied.applied, 1, "{applied:?}");
    assert_eq!(applied.rejected.len(), 6, "{applied:?}");

    // A replay of the accepted entry changes nothing.
    let replay = fed.apply_entries("NL", &nl_id, &[good], 8)?;
    assert_eq!((replay.applied, replay.ignored, replay.rejected.len()), (0, 1, 0));
    assert_eq!(fed.cursor("NL")?, 8);

    let records = Records::new(opened.journal.clone(), opened.identity.clone(), "BE", Catalog::builtin());
    let page = records
        .list(RecordKind::Seizure, &ncen_node::records::ListQuery { limit: 100, ..Default::default() })?;
    assert_eq!(page.items.len(), 1, "only the genuine seizure is stored");
    assert_eq!(page.items[0].id, record.id);
    assert_eq!(page.items[0].origin, "NL");
    let suspects = records
        .list(RecordKind::Suspect, &ncen_node::records::ListQuery { limit: 100, ..Default::default() })?;
    assert!(suspects.items.is_empty());
    let audit = ncen_node::audit::list(opened.store(), 0, 1000)?;
    assert_eq!(audit.iter().filter(|e| e.action == "replication.reject").count(), 6);
    Ok(())
}
