//! The lifecycle, who may do what, and the audit of every change.

use super::*;
use crate::roles::Role;
use crate::store::Store;

fn who(name: &str, role: Role) -> Principal {
    Principal { username: name.into(), role, must_change_password: false }
}

#[test]
fn a_supervisor_assigns_an_officer_who_works_the_case_and_every_step_is_audited()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, "NL")?);
    let service = Investigations::new(journal.clone());
    let boss = who("boss", Role::Supervisor);
    let anna = who("anna", Role::Officer);
    let bert = who("bert", Role::Officer);
    let analyst = who("carl", Role::Analyst);

    assert!(matches!(service.open(&analyst, "x", ""), Err(InvestigationError::Forbidden(_))));
    assert!(matches!(service.open(&boss, "  ", ""), Err(InvestigationError::Invalid { field: "title", .. })));
    let inv = service.open(&boss, "Cocaine in banana boxes", "Port of Rotterdam, 2026")?;
    assert_eq!(inv.status, Status::Open);

    assert!(matches!(
        service.assign(&anna, inv.id, vec!["anna".into()], |_| true),
        Err(InvestigationError::Forbidden(_))
    ));
    assert!(matches!(
        service.assign(&boss, inv.id, vec!["nobody".into()], |u| u == "anna"),
        Err(InvestigationError::Invalid { field: "assignees", .. })
    ));
    let inv = service.assign(&boss, inv.id, vec!["anna".into()], |u| u == "anna")?;
    assert_eq!(inv.status, Status::Assigned);

    // Bert is not assigned: he can neither note nor move it.
    assert!(matches!(service.note(&bert, inv.id, "hello", None), Err(InvestigationError::Forbidden(_))));
    service.set_status(&anna, inv.id, Status::InProgress)?;
    let inv = service.note(
        &anna,
        inv.id,
        "Container MSCU1234567 held",
        Some(("scan.png".into(), "image/png".into(), vec![1, 2, 3])),
    )?;
    let sha =
        inv.thread.last().and_then(|e| e.attachment.clone()).map(|a| a.sha256).ok_or("no attachment")?;
    assert_eq!(service.attachment(&boss, inv.id, &sha)?.1, vec![1, 2, 3]);
    assert!(service.attachment(&bert, inv.id, &sha).is_err());
    assert!(
        matches!(service.set_status(&anna, inv.id, Status::Open), Err(InvestigationError::Transition { .. })),
        "only a supervisor reopens"
    );
    service.set_status(&anna, inv.id, Status::Closed)?;
    assert!(matches!(
        service.set_status(&anna, inv.id, Status::InProgress),
        Err(InvestigationError::Transition { .. })
    ));
    service.set_status(&boss, inv.id, Status::InProgress)?;

    let kinds: Vec<EntryKind> = service.get(inv.id)?.thread.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Opened,
            EntryKind::Assigned,
            EntryKind::Status,
            EntryKind::Note,
            EntryKind::Status,
            EntryKind::Status
        ]
    );
    // Anna's list shows her case first.
    let other = service.open(&boss, "Another case", "")?;
    assert_eq!(service.list("anna")?.first().map(|i| i.id), Some(inv.id));
    assert_eq!(service.list("boss")?.first().map(|i| i.id), Some(other.id));

    let audit = crate::audit::list(journal.store(), 0, 100)?;
    let actions: Vec<&str> =
        audit.iter().map(|e| e.action.as_str()).filter(|a| a.starts_with("investigation")).collect();
    assert_eq!(actions.iter().filter(|a| **a == "investigation.status").count(), 3);
    assert!(actions.contains(&"investigation.assign") && actions.contains(&"investigation.note"));
    assert!(actions.contains(&"investigation.read_attachment"));
    Ok(())
}
