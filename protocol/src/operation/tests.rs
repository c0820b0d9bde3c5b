//! Operation definitions and messages: what is accepted and what is refused, with the field.

use super::*;

fn op() -> Operation {
    Operation {
        format: OPERATION_FORMAT,
        id: uuid::Uuid::now_v7(),
        version: 1,
        coordinator: "NL".into(),
        name: "Operation Harbour Light".into(),
        purpose: "Cocaine in reefer containers from South America".into(),
        legal_basis: "Naples II, art. 23".into(),
        valid_from: "2026-11-01".into(),
        valid_until: Some("2026-12-31".into()),
        members: ["NL", "BE", "DE"]
            .iter()
            .map(|a| Member { administration: (*a).into(), users: vec!["officer".into()] })
            .collect(),
        templates: Templates::standard(),
        issued_at_ms: 0,
    }
}

fn warning(op: &Operation) -> Message {
    let mut fields = BTreeMap::new();
    fields.insert("summary".into(), "Reefer MSCU1234567, bananas, check the cooling unit".into());
    fields.insert("conveyance_type".into(), "SEA_CONTAINER".into());
    fields.insert("departure".into(), "EC".into());
    Message {
        format: OPERATION_FORMAT,
        id: uuid::Uuid::now_v7(),
        operation: op.id,
        template: TemplateKind::Warning,
        sender: "NL".into(),
        author: "officer".into(),
        in_reply_to: None,
        to: Vec::new(),
        fields,
        attachments: Vec::new(),
        issued_at_ms: 0,
    }
}

fn fields_of(e: ValidationErrors) -> Vec<String> {
    e.0.into_iter().map(|f| f.field).collect()
}

#[test]
fn a_complete_definition_is_accepted() {
    assert_eq!(op().check(), Ok(()));
    assert!(op().runs_on("2026-12-05"));
    assert!(!op().runs_on("2027-01-01"));
}

#[test]
fn a_definition_names_what_is_wrong() {
    let mut o = op();
    o.name = " ".into();
    o.valid_until = Some("2026-10-01".into());
    o.members[0].administration = "BE".into();
    o.members.push(Member { administration: "WCO".into(), users: vec!["bad name!".into()] });
    o.templates.warning = vec!["commodity".into(), "passport_number".into()];
    let wrong = o.check().err().map(fields_of).unwrap_or_default();
    for field in [
        "name",
        "valid_until",
        "members",
        "members[1]",
        "members[3]",
        "members[3].users",
        "templates.warning",
    ] {
        assert!(wrong.iter().any(|w| w == field), "{field} not named in {wrong:?}");
    }
    let mut alone = op();
    alone.members.truncate(1);
    assert!(alone.check().is_err());
}

#[test]
fn a_message_follows_its_template() {
    let catalog = Catalog::builtin();
    let o = op();
    assert_eq!(warning(&o).check(&o, catalog), Ok(()));

    let mut m = warning(&o);
    m.fields.insert("offender_name".into(), "Jansen".into()); // not in the warning template
    m.fields.insert("departure".into(), "XX".into());
    m.fields.remove("summary");
    m.to = vec!["FR".into()];
    let wrong = m.check(&o, catalog).err().map(fields_of).unwrap_or_default();
    for field in ["offender_name", "departure", "summary", "to"] {
        assert!(wrong.iter().any(|w| w == field), "{field} not named in {wrong:?}");
    }

    let mut feedback = warning(&o);
    feedback.template = TemplateKind::Feedback;
    feedback.fields.retain(|k, _| k == "summary");
    assert!(feedback.check(&o, catalog).is_err(), "a feedback names its warning");
    feedback.in_reply_to = Some(uuid::Uuid::now_v7());
    feedback.fields.insert("date".into(), "05/12/2026".into());
    let wrong = feedback.check(&o, catalog).err().map(fields_of).unwrap_or_default();
    assert_eq!(wrong, ["date"]);
}

#[test]
fn forwarding_keeps_only_non_nominal_fields() {
    let o = op();
    let mut m = warning(&o);
    m.template = TemplateKind::Seizure;
    m.fields.insert("offender_name".into(), "Jansen".into());
    m.fields.insert("commodity".into(), "DRUGS.COCAINE".into());
    let kept = m.non_nominal_fields();
    assert!(kept.contains_key("commodity") && kept.contains_key("summary"));
    assert!(!kept.contains_key("offender_name"));
}

#[test]
fn addressees() {
    let o = op();
    let mut m = warning(&o);
    assert!(m.is_for("DE"));
    m.to = vec!["BE".into()];
    assert!(m.is_for("BE") && m.is_for("NL") && !m.is_for("DE"));
}

#[test]
fn attachments_are_bounded_and_match_their_hash() {
    let catalog = Catalog::builtin();
    let o = op();
    let file = |name: &str, bytes: Vec<u8>, media_type: &str| Attachment {
        name: name.into(),
        media_type: media_type.into(),
        sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)),
        bytes,
    };
    let mut m = warning(&o);
    m.attachments = vec![file("bill-of-lading.pdf", b"%PDF-1.7".to_vec(), "application/octet-stream")];
    assert_eq!(m.check(&o, catalog), Ok(()));
    m.attachments[0].bytes.push(b'!');
    m.attachments.push(file("../../etc/passwd", b"x".to_vec(), "text/html"));
    m.attachments.push(file("big.bin", vec![0; MAX_ATTACHMENT_BYTES + 1], "application/octet-stream"));
    let wrong = m.check(&o, catalog).err().map(fields_of).unwrap_or_default();
    for field in ["attachments[0]", "attachments[1]", "attachments[2]"] {
        assert!(wrong.iter().any(|w| w == field), "{field} not named in {wrong:?}");
    }
    m.attachments = (0..6).map(|i| file(&format!("f{i}"), vec![1], "application/octet-stream")).collect();
    assert!(m.check(&o, catalog).is_err(), "too many files");
}
