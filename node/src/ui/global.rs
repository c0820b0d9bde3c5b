//! The global CEN pages at every node (MISSION C3, C4, B6): search with facets, statistics that
//! compare administrations and WCO regions, and XLSX or CSV export. The hub answers from its
//! own database; a member's node sends the query to the hub in the user's name.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::Response;
use base64::Engine;
use ncen_admin_ui::pages::global::{GlobalRow, GlobalSearchPage};
use ncen_admin_ui::pages::{FacetGroup, FacetValue, FieldErrors, SearchForm, StatBlock, StatsPage};
use ncen_admin_ui::{L10n, charts};
use ncen_protocol::codelists::ListId;
use ncen_protocol::global::{GlobalQuery, GlobalStatistics, MAX_GLOBAL_LIMIT};
use ncen_protocol::projection::CenSeizure;
use ncen_protocol::regions::region_of;
use rust_xlsxwriter::Workbook;

use super::chrome::{self, admin_label, chrome};
use super::export::{Cell, attachment, code, text, write_csv, write_sheet};
use super::record::quantity;
use super::search::{FACETS, Params, value_label};
use super::session::Visitor;
use crate::api::AppState;
use crate::api::global::{GlobalParams, parse_query, run_search, run_statistics};
use crate::cen::GlobalError;
use crate::roles::Permission;

const PAGE: u32 = 25;
/// The most seizures an export holds.
const MAX_EXPORT: u32 = 5_000;

/// The facets of the global pages: the national ones but the kind (always seizures).
fn facet_names() -> impl Iterator<Item = &'static (&'static str, &'static str, Option<ListId>)> {
    FACETS.iter().filter(|(name, _, _)| *name != "kind")
}

fn href(path: &str, params: &Params) -> String {
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, v)| !v.is_empty() && k.as_str() != "page")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    format!("{path}?{}", serde_html_form::to_string(&pairs).unwrap_or_default())
}

/// The parameters as a query, or the field errors to show next to the form.
fn query_of(
    l: &L10n,
    state: &AppState,
    params: &Params,
    limit: u32,
    offset: u32,
) -> Result<GlobalQuery, FieldErrors> {
    let get = |k: &str| params.get(k).cloned();
    let given = GlobalParams {
        q: get("q"),
        commodity: get("commodity"),
        country: get("country"),
        route_country: get("route_country"),
        origin: get("origin"),
        region: get("region"),
        conveyance: get("conveyance"),
        concealment: get("concealment"),
        detection_method: get("detection_method"),
        photo_kind: get("photo_kind"),
        year: get("year"),
        date_from: get("date_from"),
        date_to: get("date_to"),
        limit: Some(limit.to_string()),
        offset: Some(offset.to_string()),
    };
    parse_query(&given, &state.catalog.current()).map_err(|(field, message)| {
        let mut errors = FieldErrors::default();
        match field {
            "q" => errors.add("q", l.t("search-too-long")),
            "date_from" | "date_to" | "year" => errors.add("dates", l.t("field-bad-date")),
            other => errors.add("q", format!("{other}: {message}")),
        }
        errors
    })
}

/// What the reader is told when the hub cannot answer.
fn problem_text(l: &L10n, e: &GlobalError) -> String {
    match e {
        GlobalError::NoHub => l.t("global-no-hub"),
        GlobalError::Refused(m) => l.t1("global-refused", "message", m.as_str()),
        GlobalError::Unreachable(_) => l.t("global-unreachable"),
        _ => l.t("error-internal"),
    }
}

fn goods_of(l: &L10n, s: &CenSeizure) -> String {
    let goods: Vec<String> = s
        .goods
        .iter()
        .map(|g| format!("{} {}", l.code(ListId::Commodity, &g.commodity), quantity(l, g.quantity, &g.unit)))
        .collect();
    goods.join(&l.t("list-separator"))
}

fn row(l: &L10n, s: &CenSeizure) -> GlobalRow {
    let mut detail = vec![l.code(ListId::DetectionMethod, &s.detection_method)];
    detail.extend(s.conveyance_type.as_deref().map(|c| l.code(ListId::ConveyanceType, c)));
    detail.extend(s.concealment.as_deref().map(|c| l.code(ListId::ConcealmentMethod, c)));
    let route: Vec<String> = s
        .route
        .departure
        .iter()
        .chain(&s.route.transit)
        .chain(&s.route.destination)
        .map(|c| l.code(ListId::Country, c))
        .collect();
    if !route.is_empty() {
        detail.push(route.join(" → "));
    }
    GlobalRow {
        date: l.date(&s.date),
        origin: s.origin.clone(),
        origin_label: admin_label(l, &s.origin),
        region_label: region_of(&s.origin).map(|r| l.code(ListId::WcoRegion, r)).unwrap_or_default(),
        goods: goods_of(l, s),
        place: format!(
            "{} · {}",
            s.place.name.clone().unwrap_or_else(|| l.code(ListId::LocationType, &s.place.location_type)),
            l.code(ListId::Country, &s.place.country)
        ),
        detail: detail.join(" · "),
        summary: s.summary.clone().unwrap_or_default(),
        photos: s.photos.len(),
    }
}

fn facet_groups(l: &L10n, params: &Params, found: &[ncen_protocol::global::FacetCounts]) -> Vec<FacetGroup> {
    facet_names()
        .map(|(name, title, _)| {
            let active = params.get(*name).cloned().unwrap_or_default();
            let values = found
                .iter()
                .find(|f| f.facet == *name)
                .map(|f| {
                    f.values
                        .iter()
                        .map(|(value, count)| {
                            let mut next = params.clone();
                            let on = *value == active;
                            if on {
                                next.remove(*name);
                            } else {
                                next.insert((*name).to_owned(), value.clone());
                            }
                            FacetValue {
                                label: value_label(l, name, value),
                                count: l.num(i64::try_from(*count).unwrap_or(i64::MAX)),
                                href: href("/global", &next),
                                active: on,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            FacetGroup { title, values }
        })
        .collect()
}

fn chips(l: &L10n, params: &Params, path: &str) -> Vec<(String, String)> {
    facet_names()
        .filter_map(|(name, _, _)| {
            let value = params.get(*name).filter(|v| !v.is_empty())?;
            let mut without = params.clone();
            without.remove(*name);
            Some((value_label(l, name, value), href(path, &without)))
        })
        .collect()
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadCen)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = v.l10n();
    let page_no: u32 = params.get("page").and_then(|p| p.parse().ok()).unwrap_or(0).min(399);
    let searched = params.iter().any(|(k, v)| k != "page" && !v.trim().is_empty());
    let (mut rows, mut facets, mut total, mut problem, mut rejected) = (Vec::new(), Vec::new(), 0, None, 0);
    let mut errors = FieldErrors::default();
    if searched {
        match query_of(&l, &state, &params, PAGE, page_no * PAGE) {
            Err(e) => errors = e,
            Ok(query) => match run_search(&state, &actor, query).await {
                Ok(found) => {
                    total = found.total;
                    rejected = found.rejected;
                    rows = found.items.iter().map(|s| row(&l, s)).collect();
                    facets = facet_groups(&l, &params, &found.facets);
                }
                Err(GlobalError::Invalid { message, .. }) => errors.add("q", message),
                Err(e) => problem = Some(problem_text(&l, &e)),
            },
        }
    }
    let with_page = |n: u32| {
        let mut next = params.clone();
        next.remove("page");
        let base = href("/global", &next);
        format!("{base}&page={n}")
    };
    let hidden = facet_names()
        .filter_map(|(name, _, _)| {
            params.get(*name).filter(|v| !v.is_empty()).map(|v| ((*name).to_owned(), v.clone()))
        })
        .collect();
    let notices = chrome::expiry_notice(&v);
    let page = GlobalSearchPage {
        c: chrome(&state, &v, "global", notices),
        f: SearchForm {
            q: params.get("q").cloned().unwrap_or_default(),
            kind: String::new(),
            date_from: params.get("date_from").cloned().unwrap_or_default(),
            date_to: params.get("date_to").cloned().unwrap_or_default(),
            hidden,
            errors,
        },
        total: l.num(i64::try_from(total).unwrap_or(i64::MAX)),
        searched,
        facets,
        rows,
        chips: chips(&l, &params, "/global"),
        newer: (page_no > 0).then(|| with_page(page_no - 1)),
        older: (u64::from((page_no + 1) * PAGE) < total).then(|| with_page(page_no + 1)),
        stats_href: href("/global/statistics", &params),
        export_xlsx: href("/global/export.xlsx", &params),
        export_csv: href("/global/export.csv", &params),
        via_hub: state.node.role != "hub",
        problem,
        rejected,
    };
    chrome::page(&v, &page)
}

/// The views of the statistics page, in order: (facet, title, drawn over time).
const VIEWS: [(&str, &str, bool); 9] = [
    ("year", "stats-by-year", true),
    ("origin", "stats-by-origin", false),
    ("region", "stats-by-region", false),
    ("commodity", "stats-by-commodity", false),
    ("route_country", "stats-by-route", false),
    ("detection_method", "stats-by-detection", false),
    ("conveyance", "stats-by-conveyance", false),
    ("concealment", "stats-by-concealment", false),
    ("country", "stats-by-country", false),
];

fn encode_svg(svg: Result<String, charts::ChartError>) -> Option<String> {
    svg.ok().map(|s| base64::engine::general_purpose::STANDARD.encode(s))
}

/// The regions compared year by year: one line each.
fn regions_block(l: &L10n, stats: &GlobalStatistics) -> Option<StatBlock> {
    if stats.regions_by_year.len() < 2 {
        return None;
    }
    let mut years: Vec<String> =
        stats.regions_by_year.iter().flat_map(|(_, ys)| ys.iter().map(|(y, _)| y.clone())).collect();
    years.sort();
    years.dedup();
    let series: Vec<(String, Vec<f64>)> = stats
        .regions_by_year
        .iter()
        .map(|(region, ys)| {
            let values = years
                .iter()
                .map(|y| ys.iter().find(|(yy, _)| yy == y).map_or(0.0, |(_, n)| *n as f64))
                .collect();
            (l.code(ListId::WcoRegion, region), values)
        })
        .collect();
    let format = |x: f64| l.num(x.round() as i64);
    let all = stats.total.max(1) as f64;
    let rows = series
        .iter()
        .map(|(name, values)| {
            let sum: f64 = values.iter().sum();
            (name.clone(), l.num(sum as i64), format!("{:.1} %", sum * 100.0 / all))
        })
        .collect();
    Some(StatBlock {
        title: "global-regions-over-time",
        subtitle: None,
        value_head: "stats-records",
        chart_base64: encode_svg(charts::lines(&years, &series, &format)),
        rows,
    })
}

fn quantity_block(l: &L10n, stats: &GlobalStatistics) -> Vec<StatBlock> {
    let quantities = crate::search::quantities::Quantities {
        by_commodity: stats
            .quantities
            .iter()
            .map(|q| (q.commodity.clone(), q.unit.clone(), q.total))
            .collect(),
        by_month: match stats.quantities.first() {
            Some(top) => stats
                .by_month
                .iter()
                .map(|(month, total)| {
                    (month.clone(), BTreeMap::from([((top.commodity.clone(), top.unit.clone()), *total)]))
                })
                .collect(),
            None => BTreeMap::new(),
        },
    };
    super::stats::quantity_blocks(l, &quantities)
}

pub async fn statistics(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadCen)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = v.l10n();
    let Ok(query) = query_of(&l, &state, &params, 1, 0) else {
        return axum::response::IntoResponse::into_response(axum::response::Redirect::to(&href(
            "/global", &params,
        )));
    };
    let mut notices = chrome::expiry_notice(&v);
    let (total, blocks) = match run_statistics(&state, &actor, query).await {
        Ok(stats) => {
            let mut blocks = Vec::new();
            for (facet, title, over_time) in VIEWS {
                let Some(found) = stats.facets.iter().find(|f| f.facet == facet) else { continue };
                blocks.extend(super::stats::facet_block(
                    &l,
                    facet,
                    title,
                    over_time,
                    &found.values,
                    stats.total,
                ));
                if facet == "region"
                    && let Some(compared) = regions_block(&l, &stats)
                {
                    blocks.push(compared);
                }
            }
            blocks.extend(quantity_block(&l, &stats));
            (stats.total, if stats.total == 0 { Vec::new() } else { blocks })
        }
        Err(e) => {
            notices.push(ncen_admin_ui::pages::Notice { kind: "warn", text: problem_text(&l, &e) });
            (0, Vec::new())
        }
    };
    let page = StatsPage {
        c: chrome(&state, &v, "global", notices),
        title: "global-stats-title",
        total: l.num(i64::try_from(total).unwrap_or(i64::MAX)),
        chips: chips(&l, &params, "/global/statistics"),
        blocks,
        back: href("/global", &params),
        export_xlsx: href("/global/export.xlsx", &params),
        export_csv: href("/global/export.csv", &params),
    };
    chrome::page(&v, &page)
}

const COLUMNS: [&str; 17] = [
    "field-date",
    "field-place",
    "field-country",
    "field-direction",
    "field-detection-method",
    "field-conveyance",
    "field-concealment",
    "field-departure",
    "field-transit",
    "field-destination",
    "field-commodity",
    "field-quantity",
    "field-unit",
    "field-value",
    "field-summary",
    "search-col-origin",
    "facet-region",
];

/// One row per goods line of a seizure, codes as labels in the reader's language.
fn export_rows(l: &L10n, s: &CenSeizure) -> Vec<Vec<Cell>> {
    let transit: Vec<String> = s.route.transit.iter().map(|c| l.code(ListId::Country, c)).collect();
    let common = vec![
        Cell::Date(s.date.clone()),
        text(s.place.name.clone().unwrap_or_default()),
        code(l, ListId::Country, Some(&s.place.country)),
        code(l, ListId::Direction, Some(&s.direction)),
        code(l, ListId::DetectionMethod, Some(&s.detection_method)),
        code(l, ListId::ConveyanceType, s.conveyance_type.as_deref()),
        code(l, ListId::ConcealmentMethod, s.concealment.as_deref()),
        code(l, ListId::Country, s.route.departure.as_deref()),
        text(transit.join(", ")),
        code(l, ListId::Country, s.route.destination.as_deref()),
    ];
    s.goods
        .iter()
        .map(|g| {
            let mut row = common.clone();
            row.push(code(l, ListId::Commodity, Some(&g.commodity)));
            row.push(Cell::Number(g.quantity));
            row.push(code(l, ListId::Unit, Some(&g.unit)));
            row.push(g.value.as_ref().map(|m| Cell::Number(m.amount)).unwrap_or_else(|| text("")));
            row.push(text(s.summary.clone().unwrap_or_default()));
            row.push(text(s.origin.clone()));
            row.push(code(l, ListId::WcoRegion, region_of(&s.origin)));
            row
        })
        .collect()
}

/// Every matching seizure up to [`MAX_EXPORT`], a page at a time, as export rows.
async fn collect(state: &AppState, v: &Visitor, params: &Params) -> Result<Vec<Vec<Cell>>, Response> {
    let actor = v.require(state, Some(Permission::ReadCen))?.username.clone();
    let l = v.l10n();
    let mut query = query_of(&l, state, params, MAX_GLOBAL_LIMIT, 0)
        .map_err(|_| chrome::problem(state, v, chrome::Problem::BadForm))?;
    let mut rows = Vec::new();
    loop {
        let found = run_search(state, &actor, query.clone())
            .await
            .map_err(|_| chrome::problem(state, v, chrome::Problem::NoNetwork))?;
        let n = u32::try_from(found.items.len() + found.rejected).unwrap_or(u32::MAX);
        rows.extend(found.items.iter().flat_map(|s| export_rows(&l, s)));
        query.offset = query.offset.saturating_add(n);
        if n < query.limit || query.offset >= MAX_EXPORT || u64::from(query.offset) >= found.total {
            break;
        }
    }
    Ok(rows)
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    v: Visitor,
    Query(params): Query<Params>,
) -> Response {
    let rows = match collect(&state, &v, &params).await {
        Ok(rows) => rows,
        Err(r) => return r,
    };
    let l = v.l10n();
    let built = tokio::task::spawn_blocking(move || {
        let mut workbook = Workbook::new();
        let headers: Vec<String> = COLUMNS.iter().map(|id| l.t(id)).collect();
        write_sheet(&mut workbook, &l.t("global-title"), &headers, &rows)?;
        workbook.save_to_buffer()
    })
    .await;
    match built {
        Ok(Ok(bytes)) => attachment(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "global-cen",
            bytes,
        ),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn export_csv(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let rows = match collect(&state, &v, &params).await {
        Ok(rows) => rows,
        Err(r) => return r,
    };
    let l = v.l10n();
    let headers: Vec<String> = COLUMNS.iter().map(|id| l.t(id)).collect();
    match write_csv(&headers, &rows) {
        Ok(bytes) => attachment("text/csv; charset=utf-8", "global-cen", bytes),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}
