//! The search page (officers, analysts): one box over names, descriptions and references in any
//! script, a kind and a period, facets with counts that narrow the results, newest first.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::Response;
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{FacetGroup, FacetValue, FieldErrors, ResultRow, SearchForm, SearchPage};
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::record::RecordKind;

use super::chrome::{self, admin_label, chrome};
use super::record::{kind_label, quantity};
use super::session::Visitor;
use crate::api::AppState;
use crate::records::RecordView;
use crate::roles::Permission;
use crate::search::{SearchError, SearchQuery};

const PAGE: usize = 25;

/// The filters a facet link sets, with the code list its values come from.
pub const FACETS: [(&str, &str, Option<ListId>); 10] = [
    ("kind", "facet-kind", None),
    ("commodity", "facet-commodity", Some(ListId::Commodity)),
    ("country", "facet-country", Some(ListId::Country)),
    ("route_country", "facet-route_country", Some(ListId::Country)),
    ("origin", "facet-origin", None),
    ("region", "facet-region", Some(ListId::WcoRegion)),
    ("conveyance", "facet-conveyance", Some(ListId::ConveyanceType)),
    ("concealment", "facet-concealment", Some(ListId::ConcealmentMethod)),
    ("detection_method", "facet-detection_method", Some(ListId::DetectionMethod)),
    ("photo_kind", "facet-photo_kind", Some(ListId::PhotoKind)),
];

/// The page's parameters, all optional.
pub type Params = BTreeMap<String, String>;

fn href(path: &str, params: &Params) -> String {
    let pairs: Vec<(&str, &str)> =
        params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.as_str(), v.as_str())).collect();
    format!("{path}?{}", serde_html_form::to_string(&pairs).unwrap_or_default())
}

/// The label of a facet value in the reader's language.
pub fn value_label(l: &L10n, facet: &str, code: &str) -> String {
    match FACETS.iter().find(|(name, _, _)| *name == facet) {
        Some((_, _, Some(list))) => l.code(*list, code),
        Some(("kind", _, _)) => {
            RecordKind::from_collection(code).map(|k| l.t(kind_label(k))).unwrap_or_else(|| code.to_owned())
        }
        Some(("origin", _, _)) => admin_label(l, code),
        _ => code.to_owned(),
    }
}

/// The query the parameters ask for; field errors for what cannot be read.
pub fn query_of(l: &L10n, params: &Params, limit: usize, offset: usize) -> (SearchQuery, FieldErrors) {
    let mut errors = FieldErrors::default();
    let get = |k: &str| params.get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let text = get("q");
    if text.as_ref().is_some_and(|t| t.chars().count() > 500) {
        errors.add("q", l.t("search-too-long"));
    }
    let kinds = get("kind").and_then(|k| RecordKind::from_collection(&k)).into_iter().collect();
    let date = |k: &str| {
        let value = get(k)?;
        let format = time::macros::format_description!("[year]-[month]-[day]");
        Some(time::Date::parse(&value, format).map(|_| value).map_err(|_| ()))
    };
    let (date_from, date_to) = (date("date_from"), date("date_to"));
    if matches!(date_from, Some(Err(()))) || matches!(date_to, Some(Err(()))) {
        errors.add("dates", l.t("field-bad-date"));
    }
    let query = SearchQuery {
        text,
        kinds,
        commodity: get("commodity"),
        country: get("country"),
        route_country: get("route_country"),
        origin: get("origin"),
        region: get("region"),
        conveyance: get("conveyance"),
        concealment: get("concealment"),
        detection_method: get("detection_method"),
        photo_kind: get("photo_kind"),
        with_photos: get("view").as_deref() == Some("photos"),
        date_from: date_from.and_then(Result::ok),
        date_to: date_to.and_then(Result::ok),
        limit,
        offset,
    };
    (query, errors)
}

/// What a result row says about its record.
fn row(l: &L10n, view: &RecordView) -> ResultRow {
    let kind = view.kind.collection();
    let (date, title, detail) = match (view.kind, view.data.clone()) {
        (RecordKind::Seizure, Some(data)) => match serde_json::from_value::<Seizure>(data) {
            Ok(s) => {
                let goods: Vec<String> = s
                    .goods
                    .iter()
                    .map(|g| {
                        format!(
                            "{} {}",
                            l.code(ListId::Commodity, &g.commodity),
                            quantity(l, g.quantity, &g.unit)
                        )
                    })
                    .collect();
                let place = format!(
                    "{} · {}",
                    s.place.name.clone().unwrap_or_default(),
                    l.code(ListId::Country, &s.place.country)
                );
                (
                    l.date(&s.date),
                    format!("{} · {}", s.national_reference, goods.join(&l.t("list-separator"))),
                    place,
                )
            }
            Err(_) => (String::new(), view.id.to_string(), String::new()),
        },
        (RecordKind::Suspect, Some(data)) => match serde_json::from_value::<Suspect>(data) {
            Ok(s) => {
                let name = match &s.given_names {
                    Some(g) => format!("{}, {g}", s.family_name),
                    None => s.family_name.clone(),
                };
                let born = s.date_of_birth.as_deref().map(|d| l.date(d)).unwrap_or_default();
                let nationality =
                    s.nationality.as_deref().map(|c| l.code(ListId::Country, c)).unwrap_or_default();
                (String::new(), name, format!("{nationality} {born}").trim().to_owned())
            }
            Err(_) => (String::new(), view.id.to_string(), String::new()),
        },
        (RecordKind::Company, Some(data)) => match serde_json::from_value::<Company>(data) {
            Ok(c) => (String::new(), c.name.clone(), l.code(ListId::Country, &c.country)),
            Err(_) => (String::new(), view.id.to_string(), String::new()),
        },
        _ => (String::new(), view.id.to_string(), String::new()),
    };
    ResultRow {
        kind: match view.kind {
            RecordKind::Seizure => "seizure",
            RecordKind::Suspect => "suspect",
            RecordKind::Company => "company",
        },
        kind_label: l.t(kind_label(view.kind)),
        href: format!("/records/{kind}/{}", view.id),
        date,
        title,
        detail,
        origin: view.origin.clone(),
        origin_label: admin_label(l, &view.origin),
    }
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let (actor, can_write) = match v.require(&state, Some(Permission::ReadRecords)) {
        Ok(p) => (p.username.clone(), p.role.allows(Permission::WriteRecords)),
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let offset: usize = params.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(0).min(400) * PAGE;
    let (query, mut errors) = query_of(&l, &params, PAGE, offset);
    let photo_view = params.get("view").is_some_and(|v| v == "photos");
    let searched =
        params.iter().any(|(k, v)| k != "page" && k != "view" && !v.trim().is_empty()) || photo_view;
    let mut photos = Vec::new();
    let mut rows = Vec::new();
    let mut total = 0;
    let mut facets = Vec::new();
    if searched && errors.is_empty() {
        let Some(index) = state.search.clone() else {
            return chrome::problem(&state, &v, chrome::Problem::Internal);
        };
        let records = state.records.clone();
        let audit_target = href("search", &params);
        let found = tokio::task::spawn_blocking(move || {
            let result = index.search(&query)?;
            let views: Vec<RecordView> =
                result.hits.iter().filter_map(|h| records.get(h.kind, h.id).ok()).collect();
            let _ = records.audit_read(&actor, "record.search", audit_target);
            Ok::<_, SearchError>((result, views))
        })
        .await;
        match found {
            Ok(Ok((result, views))) => {
                total = result.total;
                rows = views.iter().map(|view| row(&l, view)).collect();
                if photo_view {
                    let wanted = params.get("photo_kind").filter(|k| !k.is_empty());
                    let refs = views
                        .iter()
                        .zip(&rows)
                        .flat_map(|(view, r)| {
                            super::photos::refs_of(view)
                                .into_iter()
                                .filter(|p| wanted.is_none_or(|k| *k == p.kind))
                                .map(|p| (p, Some((r.title.clone(), r.href.clone()))))
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    photos = super::photos::tiles_of(&state, &l, refs, None).await;
                }
                for (name, title, _) in FACETS {
                    let active = params.get(name).cloned().unwrap_or_default();
                    let values = result
                        .facets
                        .get(name)
                        .map(|values| {
                            values
                                .iter()
                                .map(|(code, count)| {
                                    let mut next = params.clone();
                                    next.remove("page");
                                    let on = *code == active;
                                    if on {
                                        next.remove(name);
                                    } else {
                                        next.insert(name.to_owned(), code.clone());
                                    }
                                    FacetValue {
                                        label: value_label(&l, name, code),
                                        count: l.num(i64::try_from(*count).unwrap_or(i64::MAX)),
                                        href: href("/search", &next),
                                        active: on,
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    facets.push(FacetGroup { title, values });
                }
            }
            Ok(Err(SearchError::BadQuery(message))) => {
                errors.add("q", l.t1("search-bad-query", "message", message))
            }
            _ => return chrome::problem(&state, &v, chrome::Problem::Internal),
        }
    }
    let page_no = offset / PAGE;
    let with_page = |n: usize| {
        let mut next = params.clone();
        next.insert("page".into(), n.to_string());
        href("/search", &next)
    };
    let chips = FACETS
        .iter()
        .filter(|(name, _, _)| *name != "kind")
        .filter_map(|(name, _, _)| {
            let value = params.get(*name).filter(|v| !v.is_empty())?;
            let mut without = params.clone();
            without.remove(*name);
            without.remove("page");
            Some((value_label(&l, name, value), href("/search", &without)))
        })
        .collect();
    let hidden = FACETS
        .iter()
        .map(|(name, _, _)| *name)
        .filter(|name| *name != "kind")
        .chain(["view"])
        .filter_map(|name| params.get(name).filter(|v| !v.is_empty()).map(|v| (name.to_owned(), v.clone())))
        .collect();
    let view_href = |view: Option<&str>| {
        let mut next = params.clone();
        next.remove("page");
        match view {
            Some(v) => next.insert("view".into(), v.into()),
            None => next.remove("view"),
        };
        href("/search", &next)
    };
    let notices = chrome::expiry_notice(&v);
    let page = SearchPage {
        c: chrome(&state, &v, "search", notices),
        f: SearchForm {
            q: params.get("q").cloned().unwrap_or_default(),
            kind: params.get("kind").cloned().unwrap_or_default(),
            date_from: params.get("date_from").cloned().unwrap_or_default(),
            date_to: params.get("date_to").cloned().unwrap_or_default(),
            hidden,
            errors,
        },
        kinds: RecordKind::ALL.iter().map(|k| (k.collection().to_owned(), kind_label(*k))).collect(),
        total: l.num(i64::try_from(total).unwrap_or(i64::MAX)),
        searched,
        facets,
        rows,
        chips,
        newer: (page_no > 0).then(|| with_page(page_no - 1)),
        older: ((page_no + 1) * PAGE < total as usize).then(|| with_page(page_no + 1)),
        can_write,
        photo_view,
        photos,
        list_href: view_href(None),
        photos_href: view_href(Some("photos")),
        stats_href: href("/statistics", &{
            let mut p = params.clone();
            p.remove("page");
            p
        }),
    };
    chrome::page(&v, &page)
}
