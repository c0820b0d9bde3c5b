//! One record as officers and analysts read it: every field labelled in the reader's language,
//! code-list values by their label, the origin shown, and received records marked read-only.

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{FieldRow, RecordPage, RecordSection};
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::record::RecordKind;

use super::chrome::{self, Done, admin_label, chrome};
use super::photos::PhotoAttempt;
use super::session::{Visitor, local_path};
use crate::api::AppState;
use crate::records::{RecordError, RecordView};
use crate::roles::Permission;

/// The message id naming a kind of record.
pub fn kind_label(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Seizure => "agr-kind-seizures",
        RecordKind::Suspect => "agr-kind-suspects",
        RecordKind::Company => "agr-kind-companies",
    }
}

struct Fields<'a> {
    l: &'a L10n,
    rows: Vec<FieldRow>,
}

impl Fields<'_> {
    fn text(&mut self, id: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            self.rows.push(FieldRow { label: self.l.t(id), value: v.to_owned() });
        }
    }
    fn code(&mut self, id: &str, list: ListId, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.rows.push(FieldRow { label: self.l.t(id), value: self.l.code_in_record(list, v) });
        }
    }
    fn date(&mut self, id: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.rows.push(FieldRow { label: self.l.t(id), value: self.l.date(v) });
        }
    }
    fn section(self, title: &str) -> RecordSection {
        RecordSection {
            title: self.l.t(title),
            fields: self.rows,
            table_head: Vec::new(),
            table: Vec::new(),
            links: Vec::new(),
        }
    }
}

fn fields(l: &L10n) -> Fields<'_> {
    Fields { l, rows: Vec::new() }
}

fn table(l: &L10n, title: &str, head: &[&str], rows: Vec<Vec<String>>) -> Option<RecordSection> {
    (!rows.is_empty()).then(|| RecordSection {
        title: l.t(title),
        fields: Vec::new(),
        table_head: head.iter().map(|h| l.t(h)).collect(),
        table: rows,
        links: Vec::new(),
    })
}

/// A quantity as the language writes it, with its unit's label.
pub fn quantity(l: &L10n, amount: f64, unit: &str) -> String {
    let number = if amount.fract() == 0.0 && amount.abs() < 9e15 {
        l.num(amount as i64)
    } else {
        format!("{amount:.3}").trim_end_matches('0').to_owned()
    };
    format!("{number} {}", l.code(ListId::Unit, unit))
}

fn seizure(l: &L10n, s: &Seizure) -> (String, Vec<RecordSection>) {
    let mut general = fields(l);
    general.text("field-national-reference", Some(&s.national_reference));
    general.date("field-date", Some(&s.date));
    general.text("field-place", s.place.name.as_deref());
    general.code("field-location-type", ListId::LocationType, Some(&s.place.location_type));
    general.code("field-country", ListId::Country, Some(&s.place.country));
    general.code("field-direction", ListId::Direction, Some(&s.direction));
    general.code("field-detection-method", ListId::DetectionMethod, Some(&s.detection_method));
    if let Some(c) = &s.conveyance {
        general.code("field-conveyance", ListId::ConveyanceType, Some(&c.kind));
        general.text("field-conveyance-id", c.identifier.as_deref());
    }
    general.code("field-concealment", ListId::ConcealmentMethod, s.concealment.as_deref());
    general.text("field-summary", s.summary.as_deref());
    general.text("field-remarks", s.remarks.as_deref());
    let mut route = fields(l);
    route.code("field-departure", ListId::Country, s.route.departure.as_deref());
    let transit: Vec<String> = s.route.transit.iter().map(|c| l.code(ListId::Country, c)).collect();
    route.text("field-transit", Some(&transit.join(&l.t("list-separator"))));
    route.code("field-destination", ListId::Country, s.route.destination.as_deref());
    let goods = s
        .goods
        .iter()
        .map(|g| {
            vec![
                l.code_in_record(ListId::Commodity, &g.commodity),
                g.description.clone().unwrap_or_default(),
                quantity(l, g.quantity, &g.unit),
                g.value
                    .as_ref()
                    .map(|m| format!("{} {}", l.num(m.amount.round() as i64), m.currency))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let offenders = s
        .offenders
        .iter()
        .map(|o| {
            vec![
                o.nationality.as_deref().map(|c| l.code(ListId::Country, c)).unwrap_or_default(),
                o.sex.as_deref().map(|c| l.code(ListId::Sex, c)).unwrap_or_default(),
                o.age.map(|a| a.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let title = s
        .goods
        .first()
        .map(|g| format!("{} · {}", s.national_reference, l.code(ListId::Commodity, &g.commodity)))
        .unwrap_or_else(|| s.national_reference.clone());
    let mut sections = vec![general.section("record-general"), route.section("record-route")];
    sections.extend(table(
        l,
        "record-goods",
        &["field-commodity", "field-description", "field-quantity", "field-value"],
        goods,
    ));
    sections.extend(table(
        l,
        "record-offenders",
        &["field-nationality", "field-sex", "field-age"],
        offenders,
    ));
    (title, sections)
}

fn suspect(l: &L10n, s: &Suspect) -> (String, Vec<RecordSection>) {
    let mut identity = fields(l);
    identity.text("field-national-reference", Some(&s.national_reference));
    identity.text("field-family-name", Some(&s.family_name));
    identity.text("field-given-names", s.given_names.as_deref());
    identity.text("field-aliases", Some(&s.aliases.join(&l.t("list-separator"))));
    identity.date("field-date-of-birth", s.date_of_birth.as_deref());
    identity.text("field-place-of-birth", s.place_of_birth.as_deref());
    identity.code("field-nationality", ListId::Country, s.nationality.as_deref());
    identity.code("field-sex", ListId::Sex, s.sex.as_deref());
    identity.text("field-remarks", s.remarks.as_deref());
    let documents = s
        .identity_documents
        .iter()
        .map(|d| {
            vec![
                l.code(ListId::IdentityDocumentType, &d.kind),
                d.number.clone(),
                l.code(ListId::Country, &d.issuing_country),
                d.expiry.as_deref().map(|e| l.date(e)).unwrap_or_default(),
            ]
        })
        .collect();
    let title = match &s.given_names {
        Some(g) => format!("{}, {g}", s.family_name),
        None => s.family_name.clone(),
    };
    let mut sections = vec![identity.section("record-identity")];
    sections.extend(table(
        l,
        "record-documents",
        &["field-document-kind", "field-document-number", "field-issuing-country", "field-expiry"],
        documents,
    ));
    (title, sections)
}

fn company(l: &L10n, c: &Company) -> (String, Vec<RecordSection>) {
    let mut general = fields(l);
    general.text("field-national-reference", Some(&c.national_reference));
    general.text("field-name", Some(&c.name));
    general.code("field-country", ListId::Country, Some(&c.country));
    general.code("field-role", ListId::CompanyRole, c.role.as_deref());
    let numbers: Vec<String> =
        c.registration_numbers.iter().map(|r| format!("{} {}", r.scheme, r.value)).collect();
    general.text("field-registration", Some(&numbers.join(&l.t("list-separator"))));
    general.text("field-remarks", c.remarks.as_deref());
    let addresses = c
        .addresses
        .iter()
        .map(|a| {
            vec![
                a.street.clone().unwrap_or_default(),
                a.city.clone().unwrap_or_default(),
                l.code(ListId::Country, &a.country),
            ]
        })
        .collect();
    let mut sections = vec![general.section("record-general")];
    sections.extend(table(
        l,
        "record-addresses",
        &["field-street", "field-city", "field-country"],
        addresses,
    ));
    (c.name.clone(), sections)
}

/// The title and sections of a record, from its JSON data.
pub fn describe(l: &L10n, view: &RecordView) -> Option<(String, Vec<RecordSection>)> {
    let data = view.data.clone()?;
    match view.kind {
        RecordKind::Seizure => serde_json::from_value::<Seizure>(data).ok().map(|s| seizure(l, &s)),
        RecordKind::Suspect => serde_json::from_value::<Suspect>(data).ok().map(|s| suspect(l, &s)),
        RecordKind::Company => serde_json::from_value::<Company>(data).ok().map(|c| company(l, &c)),
    }
}

pub async fn page(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path((collection, id)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Response {
    let Some(kind) = RecordKind::from_collection(&collection) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let back = headers
        .get(axum::http::header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
        .filter(|p| p.starts_with("/search"))
        .unwrap_or_else(|| "/search".into());
    show(&state, &v, kind, &id, &back, done, None).await
}

/// Renders a record's page; `attempt` is a photo upload to show again with its error.
pub(super) async fn show(
    state: &AppState,
    v: &Visitor,
    kind: RecordKind,
    id: &str,
    back: &str,
    done: Done,
    attempt: Option<PhotoAttempt>,
) -> Response {
    let (actor, writer) = match v.require(state, Some(Permission::ReadRecords)) {
        Ok(p) => (p.username.clone(), p.role.allows(Permission::WriteRecords)),
        Err(r) => return r,
    };
    let Ok(id) = uuid::Uuid::parse_str(id) else {
        return chrome::problem(state, v, chrome::Problem::NotFound);
    };
    let records = state.records.clone();
    let found = tokio::task::spawn_blocking(move || {
        let view = records.get(kind, id)?;
        records.audit_read(&actor, "record.read", format!("{}/{id}", kind.collection()))?;
        Ok::<_, RecordError>(view)
    })
    .await;
    let view = match found {
        Ok(Ok(view)) => view,
        Ok(Err(RecordError::NotFound { .. })) => {
            return chrome::problem(state, v, chrome::Problem::NotFound);
        }
        Ok(Err(RecordError::Deleted { .. })) => {
            return chrome::problem(state, v, chrome::Problem::NotFound);
        }
        _ => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let l = v.l10n();
    let (title, mut sections) = describe(&l, &view).unwrap_or_else(|| (view.id.to_string(), Vec::new()));
    sections.extend(linked(state, &l, &view).await);
    sections.retain(|s| !s.fields.is_empty() || !s.table.is_empty() || !s.links.is_empty());
    let issued_at =
        time::OffsetDateTime::parse(&view.issued_at, &time::format_description::well_known::Rfc3339)
            .map(|t| l.datetime(i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or_default()))
            .unwrap_or_else(|_| view.issued_at.clone());
    let mut notices = chrome::expiry_notice(v);
    notices.extend(done.notice(&l));
    let own = view.origin == state.node.administration;
    let editable = own && writer && !view.deleted;
    let photos = super::photos::tiles(state, &l, &view, editable).await;
    let photo_form =
        (editable && kind != RecordKind::Company).then(|| super::photos::form(&l, &view, attempt));
    let page = RecordPage {
        edit: editable.then(|| format!("/records/{}/{}/edit", view.kind.collection(), view.id)),
        c: chrome(state, v, "search", notices),
        title,
        kind_label: l.t(kind_label(view.kind)),
        foreign: view.origin != state.node.administration,
        origin_label: admin_label(&l, &view.origin),
        origin: view.origin.clone(),
        revision: view.revision,
        issued_at,
        deleted: view.deleted,
        sections,
        back: local_path(back).to_owned(),
        photos,
        photo_form,
    };
    chrome::page(v, &page)
}

/// The suspects and companies a seizure names, as links to their pages.
async fn linked(state: &AppState, l: &L10n, view: &RecordView) -> Option<RecordSection> {
    let seizure: Seizure = serde_json::from_value(view.data.clone()?).ok()?;
    let mut wanted: Vec<(RecordKind, uuid::Uuid, Option<String>)> = seizure
        .offenders
        .iter()
        .filter_map(|o| o.suspect)
        .map(|id| (RecordKind::Suspect, id, None))
        .collect();
    wanted.extend(seizure.companies.iter().map(|c| (RecordKind::Company, c.company, Some(c.role.clone()))));
    if wanted.is_empty() {
        return None;
    }
    let records = state.records.clone();
    let l = l.clone();
    let lc = l.clone();
    let links = tokio::task::spawn_blocking(move || {
        let l = lc;
        wanted
            .into_iter()
            .map(|(kind, id, role)| {
                let href = format!("/records/{}/{id}", kind.collection());
                let name = records
                    .get(kind, id)
                    .ok()
                    .and_then(|v| describe(&l, &v))
                    .map(|(title, _)| title)
                    .unwrap_or_else(|| id.to_string());
                let role =
                    role.map(|r| format!(" ({})", l.code(ListId::CompanyRole, &r))).unwrap_or_default();
                (format!("{} · {name}{role}", l.t(kind_label(kind))), href)
            })
            .collect::<Vec<_>>()
    })
    .await
    .ok()?;
    Some(RecordSection {
        title: l.t("inv-links"),
        fields: Vec::new(),
        table_head: Vec::new(),
        table: Vec::new(),
        links,
    })
}
