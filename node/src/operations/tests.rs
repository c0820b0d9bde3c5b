//! Who may do what in an operation, at one node: coordinators create and answer, named
//! participants use it once their administration joined, access lapses without use and a
//! coordinator resets it; every change is audited and nothing is stored on refusal.

use super::*;
use crate::roles::Role;
use crate::store::Store;
use ncen_protocol::codelists::Catalog;

fn who(name: &str, role: Role) -> Principal {
    Principal { username: name.into(), role, must_change_password: false }
}

fn service(me: &str) -> Result<(tempfile::TempDir, Operations), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, me)?);
    let identity = Arc::new(Identity::generate()?);
    Ok((dir, Operations::new(journal, identity, me, Catalog::builtin())))
}

fn draft() -> Draft {
    Draft {
        name: "Operation Harbour Light".into(),
        purpose: "Cocaine in reefer containers".into(),
        legal_basis: "Naples II, art. 23".into(),
        valid_from: "2026-01-01".into(),
        valid_until: Some("2099-12-31".into()),
        members: vec![Member { administration: "BE".into(), users: vec!["officer".into()] }],
        own_users: vec!["anna".into()],
        templates: None,
    }
}

fn summary(text: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("summary".to_owned(), text.to_owned())])
}

#[test]
fn a_coordinator_creates_participants_use_and_others_are_refused() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, ops) = service("NL")?;
    let (boss, anna, bert) =
        (who("boss", Role::Supervisor), who("anna", Role::Officer), who("bert", Role::Officer));
    assert!(matches!(ops.create(&anna, draft()), Err(OpError::Forbidden(_))));
    let mut bad = draft();
    bad.valid_from = "tomorrow".into();
    assert!(matches!(ops.create(&boss, bad), Err(OpError::Invalid(_))));
    assert!(ops.all()?.is_empty(), "nothing stored on refusal");

    let op = ops.create(&boss, draft())?;
    assert_eq!(op.members[0].administration, "NL");
    let m =
        ops.send(&anna, op.id, Outgoing::to_all(TemplateKind::Warning, None, summary("Check MSCU1234567")))?;
    assert!(matches!(
        ops.send(&bert, op.id, Outgoing::to_all(TemplateKind::Warning, None, summary("x"))),
        Err(OpError::Forbidden(_))
    ));
    assert!(matches!(
        ops.send(
            &anna,
            op.id,
            Outgoing::to_all(TemplateKind::Feedback, Some(uuid::Uuid::now_v7()), summary("x"))
        ),
        Err(OpError::Invalid(_))
    ));
    let reply = Outgoing {
        to: vec!["BE".into()],
        ..Outgoing::to_all(TemplateKind::Feedback, Some(m.id), summary("Scanned"))
    };
    let f = ops.send(&anna, op.id, reply)?;
    // A file that claims to be a photo but is not one is refused before anything is signed.
    let fake = Outgoing {
        files: vec![("scan.jpg".into(), b"\xff\xd8\xff\xe0 not really a JPEG".to_vec())],
        ..Outgoing::to_all(TemplateKind::Warning, None, summary("x"))
    };
    assert!(matches!(ops.send(&anna, op.id, fake), Err(OpError::Invalid(_))));
    let pdf = Outgoing {
        files: vec![("../bill of lading.pdf".into(), b"%PDF-1.7".to_vec())],
        ..Outgoing::to_all(TemplateKind::Warning, None, summary("With the bill of lading"))
    };
    let with_file = ops.send(&anna, op.id, pdf)?;
    assert_eq!(with_file.attachments[0].media_type, "application/octet-stream");
    assert_eq!(with_file.attachments[0].name, "..bill of lading.pdf", "no path survives");
    assert_eq!(ops.attachment(&anna, op.id, with_file.id, 0)?.bytes, b"%PDF-1.7");
    assert!(matches!(ops.attachment(&bert, op.id, with_file.id, 0), Err(OpError::Forbidden(_))));
    assert!(matches!(ops.attachment(&anna, op.id, with_file.id, 1), Err(OpError::NotFound)));
    assert_eq!(f.to, ["BE"]);
    let (_, messages) = ops.open(&anna, op.id)?;
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[0].receipts.keys().collect::<Vec<_>>(), ["BE"]);
    assert_eq!(ops.list(&bert)?.len(), 0, "an officer not named sees nothing");
    assert_eq!(ops.list(&anna)?.len(), 1);
    assert!(matches!(ops.answer(&boss, op.id, true), Err(OpError::Forbidden(_))), "the coordinator is in");
    // The log holds the definition and the three messages.
    assert_eq!(ops.journal.op_head(), 4);
    Ok(())
}

#[test]
fn access_lapses_without_use_and_a_coordinator_resets_it() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, ops) = service("NL")?;
    let ops = ops.with_lapse_days(1);
    let (boss, anna) = (who("boss", Role::Supervisor), who("anna", Role::Officer));
    let op = ops.create(&boss, draft())?;
    let mut stored = ops.stored(op.id)?.ok_or("no operation")?;
    stored.last_access.insert("anna".into(), now_ms() - 2 * DAY_MS);
    let mut batch = ops.journal.store().batch();
    Operations::put_operation(&mut batch, &stored)?;
    batch.commit(false)?;
    assert!(matches!(ops.open(&anna, op.id), Err(OpError::Lapsed(1))));
    assert!(matches!(ops.reset_access(&anna, op.id, "anna"), Err(OpError::Forbidden(_))));
    assert!(matches!(ops.reset_access(&boss, op.id, "mallory"), Err(OpError::Invalid(_))));
    ops.reset_access(&boss, op.id, "anna")?;
    assert!(ops.open(&anna, op.id).is_ok());
    Ok(())
}
