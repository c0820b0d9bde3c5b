//! Entering and correcting suspects and companies (officers): the same rules as seizures, with
//! a generic form of labelled fields and a few repeated rows (identity documents, registration
//! numbers, addresses).

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{FormField, FormGroup, FormValues, RecordFormPage};
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Address, Company, IdentityDocument, RegistrationNumber, Suspect};
use ncen_protocol::record::{RecordBody, RecordKind};

use super::chrome::{self, chrome};
use super::entry::{options, refused};
use super::session::Visitor;
use crate::api::AppState;
use crate::records::RecordError;
use crate::roles::Permission;

const ROWS: usize = 2;

fn text(l: &L10n, name: impl Into<String>, label: &str, max: usize) -> FormField {
    FormField { name: name.into(), label: l.t(label), kind: "text", options: Vec::new(), max }
}

fn date(l: &L10n, name: impl Into<String>, label: &str) -> FormField {
    FormField { name: name.into(), label: l.t(label), kind: "date", options: Vec::new(), max: 10 }
}

fn select(l: &L10n, name: impl Into<String>, label: &str, list: ListId) -> FormField {
    FormField { name: name.into(), label: l.t(label), kind: "select", options: options(l, list), max: 0 }
}

fn area(l: &L10n, name: &str, label: &str) -> FormField {
    FormField { name: name.into(), label: l.t(label), kind: "textarea", options: Vec::new(), max: 5000 }
}

fn numbered(l: &L10n, title: &str, i: usize) -> String {
    format!("{} {}", l.t(title), i + 1)
}

fn address_groups(l: &L10n) -> Vec<FormGroup> {
    (0..ROWS)
        .map(|i| FormGroup {
            title: numbered(l, "record-addresses", i),
            fields: vec![
                text(l, format!("addresses[{i}].street"), "field-street", 200),
                text(l, format!("addresses[{i}].city"), "field-city", 100),
                text(l, format!("addresses[{i}].postal_code"), "field-postal-code", 20),
                select(l, format!("addresses[{i}].country"), "field-country", ListId::Country),
            ],
        })
        .collect()
}

fn groups(l: &L10n, kind: RecordKind) -> Vec<FormGroup> {
    let mut out = match kind {
        RecordKind::Suspect => {
            let mut g = vec![FormGroup {
                title: l.t("record-identity"),
                fields: vec![
                    text(l, "national_reference", "field-national-reference", 64),
                    text(l, "family_name", "field-family-name", 200),
                    text(l, "given_names", "field-given-names", 200),
                    text(l, "aliases", "field-aliases", 500),
                    date(l, "date_of_birth", "field-date-of-birth"),
                    text(l, "place_of_birth", "field-place-of-birth", 200),
                    select(l, "nationality", "field-nationality", ListId::Country),
                    select(l, "sex", "field-sex", ListId::Sex),
                    area(l, "remarks", "field-remarks"),
                ],
            }];
            g.extend((0..ROWS).map(|i| FormGroup {
                title: numbered(l, "record-documents", i),
                fields: vec![
                    select(
                        l,
                        format!("identity_documents[{i}].kind"),
                        "field-document-kind",
                        ListId::IdentityDocumentType,
                    ),
                    text(l, format!("identity_documents[{i}].number"), "field-document-number", 64),
                    select(
                        l,
                        format!("identity_documents[{i}].issuing_country"),
                        "field-issuing-country",
                        ListId::Country,
                    ),
                    date(l, format!("identity_documents[{i}].expiry"), "field-expiry"),
                ],
            }));
            g
        }
        _ => {
            let mut g = vec![FormGroup {
                title: l.t("record-general"),
                fields: vec![
                    text(l, "national_reference", "field-national-reference", 64),
                    text(l, "name", "field-name", 200),
                    select(l, "country", "field-country", ListId::Country),
                    select(l, "role", "field-role", ListId::CompanyRole),
                    area(l, "remarks", "field-remarks"),
                ],
            }];
            g.extend((0..ROWS).map(|i| FormGroup {
                title: numbered(l, "field-registration", i),
                fields: vec![
                    text(l, format!("registration_numbers[{i}].scheme"), "field-scheme", 32),
                    text(l, format!("registration_numbers[{i}].value"), "field-document-number", 64),
                ],
            }));
            g
        }
    };
    out.extend(address_groups(l));
    out
}

fn heading(l: &L10n, kind: RecordKind, editing: bool) -> String {
    let id = match (kind, editing) {
        (RecordKind::Suspect, false) => "form-new-suspect",
        (RecordKind::Suspect, true) => "form-edit-suspect",
        (_, false) => "form-new-company",
        (_, true) => "form-edit-company",
    };
    l.t(id)
}

fn render(
    state: &AppState,
    v: &Visitor,
    kind: RecordKind,
    editing: Option<(uuid::Uuid, u32)>,
    f: FormValues,
) -> Response {
    let l = v.l10n();
    let action = match editing {
        Some((id, _)) => format!("/records/{}/{id}/edit", kind.collection()),
        None => format!("/records/{}/new", kind.collection()),
    };
    let page = RecordFormPage {
        c: chrome(state, v, "search", Vec::new()),
        heading: heading(&l, kind, editing.is_some()),
        action,
        revision: editing.map(|(_, r)| r),
        groups: groups(&l, kind),
        f,
    };
    chrome::page(v, &page)
}

fn opt(f: &FormValues, k: &str) -> Option<String> {
    Some(f.val(k).trim().to_owned()).filter(|v| !v.is_empty())
}

/// Whether any of a repeated row's fields is filled.
fn used(f: &FormValues, prefix: &str, fields: &[&str]) -> bool {
    fields.iter().any(|x| !f.val(&format!("{prefix}.{x}")).trim().is_empty())
}

fn addresses(f: &FormValues) -> Vec<Address> {
    (0..ROWS)
        .map(|i| format!("addresses[{i}]"))
        .filter(|p| used(f, p, &["street", "city", "postal_code", "country"]))
        .map(|p| Address {
            street: opt(f, &format!("{p}.street")),
            city: opt(f, &format!("{p}.city")),
            postal_code: opt(f, &format!("{p}.postal_code")),
            country: opt(f, &format!("{p}.country")).unwrap_or_default(),
        })
        .collect()
}

fn body_of(kind: RecordKind, f: &FormValues, base: Option<&RecordBody>) -> RecordBody {
    match kind {
        RecordKind::Suspect => {
            let base = match base {
                Some(RecordBody::Suspect(s)) => Some(s),
                _ => None,
            };
            RecordBody::Suspect(Suspect {
                national_reference: opt(f, "national_reference").unwrap_or_default(),
                family_name: opt(f, "family_name").unwrap_or_default(),
                given_names: opt(f, "given_names"),
                aliases: f
                    .val("aliases")
                    .split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect(),
                date_of_birth: opt(f, "date_of_birth"),
                place_of_birth: opt(f, "place_of_birth"),
                nationality: opt(f, "nationality"),
                sex: opt(f, "sex"),
                identity_documents: (0..ROWS)
                    .map(|i| format!("identity_documents[{i}]"))
                    .filter(|p| used(f, p, &["kind", "number", "issuing_country", "expiry"]))
                    .map(|p| IdentityDocument {
                        kind: opt(f, &format!("{p}.kind")).unwrap_or_default(),
                        number: opt(f, &format!("{p}.number")).unwrap_or_default(),
                        issuing_country: opt(f, &format!("{p}.issuing_country")).unwrap_or_default(),
                        expiry: opt(f, &format!("{p}.expiry")),
                    })
                    .collect(),
                addresses: addresses(f),
                contacts: base.map(|b| b.contacts.clone()).unwrap_or_default(),
                photos: base.map(|b| b.photos.clone()).unwrap_or_default(),
                remarks: opt(f, "remarks"),
            })
        }
        _ => {
            let base = match base {
                Some(RecordBody::Company(c)) => Some(c),
                _ => None,
            };
            RecordBody::Company(Company {
                national_reference: opt(f, "national_reference").unwrap_or_default(),
                name: opt(f, "name").unwrap_or_default(),
                registration_numbers: (0..ROWS)
                    .map(|i| format!("registration_numbers[{i}]"))
                    .filter(|p| used(f, p, &["scheme", "value"]))
                    .map(|p| RegistrationNumber {
                        scheme: opt(f, &format!("{p}.scheme")).unwrap_or_default(),
                        value: opt(f, &format!("{p}.value")).unwrap_or_default(),
                    })
                    .collect(),
                country: opt(f, "country").unwrap_or_default(),
                addresses: addresses(f),
                contacts: base.map(|b| b.contacts.clone()).unwrap_or_default(),
                role: opt(f, "role"),
                remarks: opt(f, "remarks"),
            })
        }
    }
}

fn values_of(body: &RecordBody) -> FormValues {
    let mut values = BTreeMap::new();
    let mut put = |k: String, v: Option<&str>| {
        if let Some(v) = v {
            values.insert(k, v.to_owned());
        }
    };
    let put_addresses = |put: &mut dyn FnMut(String, Option<&str>), list: &[Address]| {
        for (i, a) in list.iter().take(ROWS).enumerate() {
            put(format!("addresses[{i}].street"), a.street.as_deref());
            put(format!("addresses[{i}].city"), a.city.as_deref());
            put(format!("addresses[{i}].postal_code"), a.postal_code.as_deref());
            put(format!("addresses[{i}].country"), Some(&a.country));
        }
    };
    match body {
        RecordBody::Suspect(s) => {
            put("national_reference".into(), Some(&s.national_reference));
            put("family_name".into(), Some(&s.family_name));
            put("given_names".into(), s.given_names.as_deref());
            put("aliases".into(), Some(&s.aliases.join(", ")));
            put("date_of_birth".into(), s.date_of_birth.as_deref());
            put("place_of_birth".into(), s.place_of_birth.as_deref());
            put("nationality".into(), s.nationality.as_deref());
            put("sex".into(), s.sex.as_deref());
            put("remarks".into(), s.remarks.as_deref());
            for (i, d) in s.identity_documents.iter().take(ROWS).enumerate() {
                put(format!("identity_documents[{i}].kind"), Some(&d.kind));
                put(format!("identity_documents[{i}].number"), Some(&d.number));
                put(format!("identity_documents[{i}].issuing_country"), Some(&d.issuing_country));
                put(format!("identity_documents[{i}].expiry"), d.expiry.as_deref());
            }
            put_addresses(&mut put, &s.addresses);
        }
        RecordBody::Company(c) => {
            put("national_reference".into(), Some(&c.national_reference));
            put("name".into(), Some(&c.name));
            put("country".into(), Some(&c.country));
            put("role".into(), c.role.as_deref());
            put("remarks".into(), c.remarks.as_deref());
            for (i, r) in c.registration_numbers.iter().take(ROWS).enumerate() {
                put(format!("registration_numbers[{i}].scheme"), Some(&r.scheme));
                put(format!("registration_numbers[{i}].value"), Some(&r.value));
            }
            put_addresses(&mut put, &c.addresses);
        }
        RecordBody::Seizure(_) => {}
    }
    FormValues { values, multi: BTreeMap::new(), errors: Default::default() }
}

fn kind_of(collection: &str) -> Option<RecordKind> {
    RecordKind::from_collection(collection).filter(|k| *k != RecordKind::Seizure)
}

pub(super) async fn load(
    state: &AppState,
    kind: RecordKind,
    id: uuid::Uuid,
) -> Result<(RecordBody, String, u32), RecordError> {
    let records = state.records.clone();
    tokio::task::spawn_blocking(move || records.body(kind, id))
        .await
        .map_err(|e| RecordError::Sign(e.to_string()))?
}

pub async fn new_form(State(state): State<AppState>, v: Visitor, Path(collection): Path<String>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    let Some(kind) = kind_of(&collection) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let mut f = FormValues::default();
    if kind == RecordKind::Company {
        f.values.insert("country".into(), state.node.administration.clone());
    }
    render(&state, &v, kind, None, f)
}

pub async fn edit_form(
    State(state): State<AppState>,
    v: Visitor,
    Path((collection, id)): Path<(String, String)>,
) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    let (Some(kind), Ok(id)) = (kind_of(&collection), uuid::Uuid::parse_str(&id)) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    match load(&state, kind, id).await {
        Ok((_, origin, _)) if origin != state.node.administration => {
            chrome::problem(&state, &v, chrome::Problem::Forbidden)
        }
        Ok((body, _, revision)) => render(&state, &v, kind, Some((id, revision)), values_of(&body)),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::NotFound),
    }
}

async fn save(
    state: AppState,
    v: Visitor,
    kind: RecordKind,
    editing: Option<uuid::Uuid>,
    body: Bytes,
) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let pairs: Vec<(String, String)> = match v.form(&state, &body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut f = FormValues::default();
    for (k, value) in pairs {
        if k != "_csrf" {
            f.values.insert(k, value);
        }
    }
    let revision: Option<u32> = f.val("revision").parse().ok();
    let base = match editing {
        Some(id) => match load(&state, kind, id).await {
            Ok((b, origin, _)) if origin == state.node.administration => Some(b),
            Ok(_) => return chrome::problem(&state, &v, chrome::Problem::Forbidden),
            Err(_) => return chrome::problem(&state, &v, chrome::Problem::NotFound),
        },
        None => None,
    };
    let shown = editing.map(|id| (id, revision.unwrap_or_default()));
    let record = body_of(kind, &f, base.as_ref());
    if let Err(errors) = state.records.validate(&record) {
        let _ = refused(&l, &mut f, RecordError::Invalid(errors));
        return render(&state, &v, kind, shown, f);
    }
    let records = state.records.clone();
    let result = tokio::task::spawn_blocking(move || match editing {
        Some(id) => records.update(&actor, id, record, revision),
        None => records.create(&actor, record),
    })
    .await;
    match result {
        Ok(Ok(view)) => {
            Redirect::to(&format!("/records/{}/{}?done=saved", kind.collection(), view.id)).into_response()
        }
        Ok(Err(e)) => match refused(&l, &mut f, e) {
            Ok(()) => render(&state, &v, kind, shown, f),
            Err(other) => chrome::api_problem(&state, &v, other.into()),
        },
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn create(
    State(state): State<AppState>,
    v: Visitor,
    Path(collection): Path<String>,
    body: Bytes,
) -> Response {
    match kind_of(&collection) {
        Some(kind) => save(state, v, kind, None, body).await,
        None => chrome::problem(&state, &v, chrome::Problem::NotFound),
    }
}

pub async fn update(
    State(state): State<AppState>,
    v: Visitor,
    Path((collection, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    match (kind_of(&collection), uuid::Uuid::parse_str(&id)) {
        (Some(kind), Ok(id)) => save(state, v, kind, Some(id), body).await,
        _ => chrome::problem(&state, &v, chrome::Problem::NotFound),
    }
}
