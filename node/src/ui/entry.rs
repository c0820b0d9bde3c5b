//! Entering and correcting seizures (officers): every code a drop-down in the reader's language,
//! goods lines added as needed, the route with its transit countries, errors next to their
//! field; a correction is a new signed revision, and a record received from a peer cannot be
//! changed here.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{Choices, FormValues, SeizureFormPage};
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Conveyance, GoodsLine, Money, Place, Route, Seizure};
use ncen_protocol::record::{RecordBody, RecordKind};

use super::chrome::{self, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::records::RecordError;
use crate::roles::Permission;

const FIRST_LINES: usize = 3;
const MAX_LINES: usize = 50;

/// A code list as drop-down choices, sorted by label in the reader's language.
pub(super) fn options(l: &L10n, list: ListId) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = l
        .catalog()
        .list(list)
        .entries
        .iter()
        .filter(|e| !e.deprecated)
        .map(|e| (e.code.clone(), l.code(list, &e.code)))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

fn choices(l: &L10n) -> Choices {
    let commodities = l.catalog().list(ListId::Commodity);
    let groups = commodities
        .roots()
        .filter(|e| !e.deprecated)
        .map(|root| {
            let mut types: Vec<(String, String)> =
                std::iter::once((root.code.clone(), l.code(ListId::Commodity, &root.code)))
                    .chain(
                        commodities
                            .children(&root.code)
                            .filter(|e| !e.deprecated)
                            .map(|e| (e.code.clone(), l.code(ListId::Commodity, &e.code))),
                    )
                    .collect();
            types[1..].sort_by(|a, b| a.1.cmp(&b.1));
            (l.code(ListId::Commodity, &root.code), types)
        })
        .collect();
    Choices {
        location_types: options(l, ListId::LocationType),
        countries: options(l, ListId::Country),
        directions: options(l, ListId::Direction),
        detections: options(l, ListId::DetectionMethod),
        conveyances: options(l, ListId::ConveyanceType),
        concealments: options(l, ListId::ConcealmentMethod),
        units: options(l, ListId::Unit),
        currencies: {
            let mut c = options(l, ListId::Currency);
            c.sort();
            c
        },
        sexes: options(l, ListId::Sex),
        company_roles: options(l, ListId::CompanyRole),
        commodities: groups,
    }
}

/// Rows shown for a repeated list: one more than filled, two at least.
fn rows_of(f: &FormValues, list: &str) -> usize {
    let filled = (0..MAX_LINES)
        .take_while(|i| f.values.keys().any(|k| k.starts_with(&format!("{list}[{i}]"))))
        .count();
    (filled + 1).clamp(2, MAX_LINES)
}

/// How a form names a record: its reference, prefixed by its origin when not this node's.
pub(super) fn reference_of(me: &str, origin: &str, reference: &str) -> String {
    if origin == me { reference.to_owned() } else { format!("{origin}/{reference}") }
}

/// Suspects and companies to offer in the form's lists without script, newest first.
async fn suggestions(state: &AppState, l: L10n) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let (Some(index), records) = (state.search.clone(), state.records.clone()) else {
        return (Vec::new(), Vec::new());
    };
    let me = state.node.administration.clone();
    tokio::task::spawn_blocking(move || {
        let of = |kind: RecordKind| -> Vec<(String, String)> {
            let query = crate::search::SearchQuery { kinds: vec![kind], limit: 100, ..Default::default() };
            let Ok(result) = index.search(&query) else { return Vec::new() };
            result
                .hits
                .iter()
                .filter_map(|h| records.get(h.kind, h.id).ok())
                .filter_map(|view| super::suggest::suggestion_of(&l, &me, &view))
                .map(|s| (s.reference, s.label))
                .collect()
        };
        (of(RecordKind::Suspect), of(RecordKind::Company))
    })
    .await
    .unwrap_or_default()
}

async fn render(
    state: &AppState,
    v: &Visitor,
    editing: Option<(String, u32)>,
    f: FormValues,
    lines: usize,
) -> Response {
    let l = v.l10n();
    let (suspects, companies) = suggestions(state, l.clone()).await;
    let page = SeizureFormPage {
        c: chrome(state, v, "new-seizure", Vec::new()),
        editing,
        offender_rows: (0..rows_of(&f, "offenders")).collect(),
        company_rows: (0..rows_of(&f, "companies")).collect(),
        f,
        lines: (0..lines.clamp(1, MAX_LINES)).collect(),
        choices: choices(&l),
        suspects,
        companies,
    };
    chrome::page(v, &page)
}

/// The form's values for an existing seizure.
fn values_of(s: &Seizure) -> FormValues {
    let mut values = BTreeMap::new();
    let mut put = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            values.insert(k.to_owned(), v.to_owned());
        }
    };
    put("national_reference", Some(&s.national_reference));
    put("date", Some(&s.date));
    put("place.name", s.place.name.as_deref());
    put("place.location_type", Some(&s.place.location_type));
    put("place.country", Some(&s.place.country));
    put("direction", Some(&s.direction));
    put("detection_method", Some(&s.detection_method));
    put("conveyance.type", s.conveyance.as_ref().map(|c| c.kind.as_str()));
    put("conveyance.identifier", s.conveyance.as_ref().and_then(|c| c.identifier.as_deref()));
    put("concealment", s.concealment.as_deref());
    put("route.departure", s.route.departure.as_deref());
    put("route.destination", s.route.destination.as_deref());
    put("summary", s.summary.as_deref());
    put("remarks", s.remarks.as_deref());
    for (i, g) in s.goods.iter().enumerate() {
        values.insert(format!("goods[{i}].commodity"), g.commodity.clone());
        values.insert(format!("goods[{i}].description"), g.description.clone().unwrap_or_default());
        values.insert(format!("goods[{i}].quantity"), g.quantity.to_string());
        values.insert(format!("goods[{i}].unit"), g.unit.clone());
        if let Some(m) = &g.value {
            values.insert(format!("goods[{i}].value.amount"), m.amount.to_string());
            values.insert(format!("goods[{i}].value.currency"), m.currency.clone());
        }
    }
    let mut multi = BTreeMap::new();
    multi.insert("route.transit".to_owned(), s.route.transit.clone());
    FormValues { values, multi, errors: Default::default() }
}

/// The posted fields: single values by name, `route.transit` as a list.
fn posted(pairs: Vec<(String, String)>) -> FormValues {
    let mut f = FormValues::default();
    for (k, v) in pairs {
        if k == "route.transit" {
            f.multi.entry(k).or_default().push(v);
        } else if k != "_csrf" {
            f.values.insert(k, v);
        }
    }
    f
}

fn number(l: &L10n, f: &mut FormValues, name: &str) -> Option<f64> {
    let raw = f.val(name).trim().replace(' ', "").replace(',', ".");
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            f.errors.add(name, l.t("form-not-a-number"));
            None
        }
    }
}

/// Builds the seizure; `base` keeps what the form does not edit (offenders, companies, photos).
fn seizure_of(l: &L10n, f: &mut FormValues, lines: usize, base: Option<&Seizure>) -> Seizure {
    let opt = |f: &FormValues, k: &str| Some(f.val(k).trim().to_owned()).filter(|v| !v.is_empty());
    let mut goods = Vec::new();
    for i in 0..lines.min(MAX_LINES) {
        let g = |field: &str| format!("goods[{i}].{field}");
        let used = ["commodity", "description", "quantity", "unit", "value.amount"]
            .iter()
            .any(|field| !f.val(&g(field)).trim().is_empty());
        if !used {
            continue;
        }
        let index = goods.len();
        let quantity = number(l, f, &g("quantity"));
        let amount = number(l, f, &g("value.amount"));
        // Validation names the line by its position among the lines kept.
        if index != i {
            for field in ["commodity", "description", "quantity", "unit", "value.amount", "value.currency"] {
                if let Some(v) = f.values.remove(&g(field)) {
                    f.values.insert(format!("goods[{index}].{field}"), v);
                }
            }
        }
        let g = |field: &str| format!("goods[{index}].{field}");
        goods.push(GoodsLine {
            commodity: opt(f, &g("commodity")).unwrap_or_default(),
            description: opt(f, &g("description")),
            quantity: quantity.unwrap_or(0.0),
            unit: opt(f, &g("unit")).unwrap_or_default(),
            value: amount
                .map(|amount| Money { amount, currency: opt(f, &g("value.currency")).unwrap_or_default() }),
        });
    }
    Seizure {
        national_reference: opt(f, "national_reference").unwrap_or_default(),
        date: opt(f, "date").unwrap_or_default(),
        place: Place {
            name: opt(f, "place.name"),
            location_type: opt(f, "place.location_type").unwrap_or_default(),
            country: opt(f, "place.country").unwrap_or_default(),
        },
        direction: opt(f, "direction").unwrap_or_default(),
        detection_method: opt(f, "detection_method").unwrap_or_default(),
        conveyance: opt(f, "conveyance.type")
            .map(|kind| Conveyance { kind, identifier: opt(f, "conveyance.identifier") }),
        concealment: opt(f, "concealment"),
        route: Route {
            departure: opt(f, "route.departure"),
            transit: f.multi.get("route.transit").cloned().unwrap_or_default(),
            destination: opt(f, "route.destination"),
        },
        goods,
        offenders: base.map(|b| b.offenders.clone()).unwrap_or_default(),
        companies: base.map(|b| b.companies.clone()).unwrap_or_default(),
        photos: base.map(|b| b.photos.clone()).unwrap_or_default(),
        remarks: opt(f, "remarks"),
        summary: opt(f, "summary"),
    }
}

/// Puts the store's refusal next to the fields it names, in the reader's language.
pub(super) fn refused(l: &L10n, f: &mut FormValues, e: RecordError) -> Result<(), RecordError> {
    match e {
        RecordError::Invalid(errors) => {
            for fe in errors.0 {
                let field = fe.field.clone();
                let empty = fe.value.as_deref().is_none_or(str::is_empty) && f.val(&field).trim().is_empty();
                let text =
                    if empty { l.t("field-required") } else { l.t1("field-server", "message", fe.message) };
                f.errors.add(field, text);
            }
            Ok(())
        }
        RecordError::Duplicate { .. } => {
            f.errors.add("national_reference", l.t("form-duplicate"));
            Ok(())
        }
        RecordError::Stale { .. } => {
            f.errors.add("national_reference", l.t("form-stale"));
            Ok(())
        }
        other => Err(other),
    }
}

pub async fn new_form(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    let mut f = FormValues::default();
    let today = time::OffsetDateTime::now_utc().date();
    f.values.insert(
        "date".into(),
        format!("{:04}-{:02}-{:02}", today.year(), u8::from(today.month()), today.day()),
    );
    f.values.insert("place.country".into(), state.node.administration.clone());
    render(&state, &v, None, f, FIRST_LINES).await
}

async fn load(state: &AppState, id: uuid::Uuid) -> Result<(Seizure, String, u32), RecordError> {
    match super::party::load(state, RecordKind::Seizure, id).await? {
        (RecordBody::Seizure(s), origin, revision) => Ok((s, origin, revision)),
        _ => Err(RecordError::NotFound { kind: "seizures", id }),
    }
}

pub async fn edit_form(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    match load(&state, id).await {
        Ok((s, origin, _)) if origin != state.node.administration => {
            let _ = s;
            chrome::problem(&state, &v, chrome::Problem::Forbidden)
        }
        Ok((s, _, revision)) => {
            let lines = s.goods.len() + 1;
            {
                let mut f = values_of(&s);
                links_to_form(&state, &s, &mut f).await;
                render(&state, &v, Some((id.to_string(), revision)), f, lines).await
            }
        }
        Err(_) => chrome::problem(&state, &v, chrome::Problem::NotFound),
    }
}

/// Saves a new seizure, or a correction of `editing`.
async fn save(state: AppState, v: Visitor, body: Bytes, editing: Option<uuid::Uuid>) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let pairs: Vec<(String, String)> = match v.form(&state, &body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut f = posted(pairs);
    let lines: usize = f.val("lines").parse().unwrap_or(FIRST_LINES).clamp(1, MAX_LINES);
    let revision: Option<u32> = f.val("revision").parse().ok();
    let base = match editing {
        Some(id) => match load(&state, id).await {
            Ok((s, origin, _)) if origin == state.node.administration => Some(s),
            Ok(_) => return chrome::problem(&state, &v, chrome::Problem::Forbidden),
            Err(_) => return chrome::problem(&state, &v, chrome::Problem::NotFound),
        },
        None => None,
    };
    let shown = editing.map(|id| (id.to_string(), revision.unwrap_or_default()));
    if !f.val("add_line").is_empty() {
        return render(&state, &v, shown, f, lines + 1).await;
    }
    let mut seizure = seizure_of(&l, &mut f, lines, base.as_ref());
    let (records, me) = (state.records.clone(), state.node.administration.clone());
    let lc = l.clone();
    let (resolved, mut f) = match tokio::task::spawn_blocking(move || {
        let links = links_from_form(&lc, &records, &me, &mut f);
        (links, f)
    })
    .await
    {
        Ok(x) => x,
        Err(_) => return chrome::problem(&state, &v, chrome::Problem::Internal),
    };
    (seizure.offenders, seizure.companies) = resolved;
    // Every refusal at once: the form's own (numbers) and the store's validation.
    if let Err(errors) = state.records.validate(&RecordBody::Seizure(seizure.clone())) {
        let _ = refused(&l, &mut f, RecordError::Invalid(errors));
    }
    if !f.errors.is_empty() {
        return render(&state, &v, shown, f, lines).await;
    }
    let records = state.records.clone();
    let reference = seizure.national_reference.clone();
    let result = tokio::task::spawn_blocking(move || match editing {
        Some(id) => records.update(&actor, id, RecordBody::Seizure(seizure), revision),
        None => records.create(&actor, RecordBody::Seizure(seizure)),
    })
    .await;
    match result {
        Ok(Ok(view)) => {
            let who: String =
                reference.chars().filter(|c| c.is_ascii_alphanumeric() || "._-".contains(*c)).collect();
            Redirect::to(&format!("/records/seizures/{}?done=seizure-saved&who={who}", view.id))
                .into_response()
        }
        Ok(Err(e)) => match refused(&l, &mut f, e) {
            Ok(()) => render(&state, &v, shown, f, lines).await,
            Err(other) => chrome::api_problem(&state, &v, other.into()),
        },
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn create(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    save(state, v, body, None).await
}

pub async fn update(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    save(state, v, body, Some(id)).await
}

/// The form's rows for the seizure's offenders and companies, named by reference.
async fn links_to_form(state: &AppState, s: &Seizure, f: &mut FormValues) {
    let (records, me) = (state.records.clone(), state.node.administration.clone());
    let (offenders, companies) = (s.offenders.clone(), s.companies.clone());
    let name = move |kind: RecordKind, id: uuid::Uuid| -> String {
        match records.get(kind, id) {
            Ok(view) => {
                let reference =
                    view.data.as_ref().and_then(|d| d["national_reference"].as_str()).unwrap_or_default();
                reference_of(&me, &view.origin, reference)
            }
            Err(_) => id.to_string(),
        }
    };
    let rows = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        for (i, o) in offenders.iter().enumerate() {
            if let Some(id) = o.suspect {
                out.push((format!("offenders[{i}].suspect"), name(RecordKind::Suspect, id)));
            }
            out.push((format!("offenders[{i}].nationality"), o.nationality.clone().unwrap_or_default()));
            out.push((format!("offenders[{i}].sex"), o.sex.clone().unwrap_or_default()));
            out.push((format!("offenders[{i}].age"), o.age.map(|a| a.to_string()).unwrap_or_default()));
        }
        for (i, c) in companies.iter().enumerate() {
            out.push((format!("companies[{i}].company"), name(RecordKind::Company, c.company)));
            out.push((format!("companies[{i}].role"), c.role.clone()));
        }
        out
    })
    .await
    .unwrap_or_default();
    f.values.extend(rows);
}

/// Finds a record by identifier, `ORIGIN/REFERENCE`, or a reference of this node.
fn resolve(records: &crate::records::Records, me: &str, kind: RecordKind, text: &str) -> Option<uuid::Uuid> {
    if let Ok(id) = uuid::Uuid::parse_str(text) {
        return records.get(kind, id).ok().map(|v| v.id);
    }
    let (origin, reference) = match text.split_once('/') {
        Some((o, r)) => (o.trim().to_ascii_uppercase(), r.trim()),
        None => (me.to_owned(), text),
    };
    records.by_reference(kind, &origin, reference).ok().flatten()
}

/// The offenders and company links the form names; unknown references are field errors.
fn links_from_form(
    l: &L10n,
    records: &crate::records::Records,
    me: &str,
    f: &mut FormValues,
) -> (Vec<ncen_protocol::model::Offender>, Vec<ncen_protocol::model::CompanyLink>) {
    let mut offenders = Vec::new();
    for i in 0..MAX_LINES {
        let key = |field: &str| format!("offenders[{i}].{field}");
        let fields = ["suspect", "nationality", "sex", "age"].map(|x| f.val(&key(x)).trim().to_owned());
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let suspect = match fields[0].as_str() {
            "" => None,
            text => match resolve(records, me, RecordKind::Suspect, text) {
                Some(id) => Some(id),
                None => {
                    f.errors.add(key("suspect"), l.t("form-unknown-record"));
                    None
                }
            },
        };
        let age = match fields[3].as_str() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(a) => Some(a),
                Err(_) => {
                    f.errors.add(key("age"), l.t("form-not-a-number"));
                    None
                }
            },
        };
        let opt = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
        offenders.push(ncen_protocol::model::Offender {
            suspect,
            nationality: opt(&fields[1]),
            sex: opt(&fields[2]),
            age,
        });
    }
    let mut companies = Vec::new();
    for i in 0..MAX_LINES {
        let key = |field: &str| format!("companies[{i}].{field}");
        let (text, role) = (f.val(&key("company")).trim().to_owned(), f.val(&key("role")).trim().to_owned());
        if text.is_empty() && role.is_empty() {
            continue;
        }
        match resolve(records, me, RecordKind::Company, &text) {
            Some(company) => companies.push(ncen_protocol::model::CompanyLink { company, role }),
            None => f.errors.add(key("company"), l.t("form-unknown-record")),
        }
    }
    (offenders, companies)
}
