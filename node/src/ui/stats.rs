//! Statistics of a search (C4): for the records matching it, counts by year, commodity, route
//! country, detection method, conveyance, concealment, place and origin, each as a chart drawn
//! on the server and the table of its figures.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use ncen_admin_ui::pages::{StatBlock, StatsPage};
use ncen_admin_ui::{L10n, charts};

use super::chrome::{self, chrome};
use super::search::{FACETS, Params, query_of, value_label};
use super::session::Visitor;
use crate::api::AppState;
use crate::roles::Permission;
use crate::search::quantities::Quantities;
use ncen_protocol::codelists::ListId;

/// The views, in the order the page shows them: (facet, title, drawn over time).
const VIEWS: [(&str, &str, bool); 9] = [
    ("year", "stats-by-year", true),
    ("commodity", "stats-by-commodity", false),
    ("route_country", "stats-by-route", false),
    ("detection_method", "stats-by-detection", false),
    ("conveyance", "stats-by-conveyance", false),
    ("concealment", "stats-by-concealment", false),
    ("country", "stats-by-country", false),
    ("origin", "stats-by-origin", false),
    ("region", "stats-by-region", false),
];

fn encode(params: &Params) -> String {
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, v)| !v.is_empty() && k.as_str() != "page")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    serde_html_form::to_string(&pairs).unwrap_or_default()
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = v.l10n();
    let (query, errors) = query_of(&l, &params, 1, 0);
    let query_string = encode(&params);
    if !errors.is_empty() {
        return Redirect::to(&format!("/search?{query_string}")).into_response();
    }
    let Some(index) = state.search.clone() else {
        return chrome::problem(&state, &v, chrome::Problem::Internal);
    };
    let records = state.records.clone();
    let target = format!("statistics?{query_string}");
    let found = tokio::task::spawn_blocking(move || {
        let result = index.search(&query)?;
        let quantities = index.quantities(&query)?;
        let _ = records.audit_read(&actor, "record.statistics", target);
        Ok::<_, crate::search::SearchError>((result, quantities))
    })
    .await;
    let (result, quantities) = match found {
        Ok(Ok(r)) => r,
        _ => return chrome::problem(&state, &v, chrome::Problem::Internal),
    };
    let mut blocks = Vec::new();
    for (facet, title, over_time) in VIEWS {
        let Some(values) = result.facets.get(facet) else { continue };
        blocks.extend(facet_block(&l, facet, title, over_time, values, result.total));
    }
    blocks.extend(quantity_blocks(&l, &quantities));
    let chips = FACETS
        .iter()
        .filter_map(|(name, _, _)| {
            let value = params.get(*name).filter(|v| !v.is_empty())?;
            let mut without = params.clone();
            without.remove(*name);
            Some((value_label(&l, name, value), format!("/statistics?{}", encode(&without))))
        })
        .collect();
    let notices = chrome::expiry_notice(&v);
    let page = StatsPage {
        c: chrome(&state, &v, "search", notices),
        title: "stats-title",
        total: l.num(i64::try_from(result.total).unwrap_or(i64::MAX)),
        chips,
        blocks: if result.total == 0 { Vec::new() } else { blocks },
        back: format!("/search?{query_string}"),
        export_xlsx: format!("/search/export.xlsx?{query_string}"),
        export_csv: format!("/search/export.csv?{query_string}"),
    };
    chrome::page(&v, &page)
}

/// One facet's counts among `total` matches as a chart (columns over time, else bars) and the
/// table of its figures with each value's share; `None` when the facet has no value.
pub fn facet_block(
    l: &L10n,
    facet: &str,
    title: &'static str,
    over_time: bool,
    values: &[(String, u64)],
    total: u64,
) -> Option<StatBlock> {
    if values.is_empty() {
        return None;
    }
    let mut values = values.to_vec();
    if over_time {
        values.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let all = total.max(1) as f64;
    let labelled: Vec<(String, f64)> =
        values.iter().map(|(code, n)| (value_label(l, facet, code), *n as f64)).collect();
    let format = |x: f64| l.num(x.round() as i64);
    let svg = if over_time { charts::columns(&labelled, &format) } else { charts::bars(&labelled, &format) };
    let chart_base64 = svg.ok().map(|s| base64::engine::general_purpose::STANDARD.encode(s));
    let rows = labelled
        .iter()
        .map(|(label, n)| (label.clone(), l.num(*n as i64), format!("{:.1} %", n * 100.0 / all)))
        .collect();
    Some(StatBlock { title, subtitle: None, value_head: "stats-records", chart_base64, rows })
}

/// Quantities by commodity (and unit), and the largest one's quantities by month.
pub fn quantity_blocks(l: &L10n, q: &Quantities) -> Vec<StatBlock> {
    let Some((top_commodity, top_unit, _)) = q.by_commodity.first().cloned() else { return Vec::new() };
    let name = |commodity: &str, unit: &str| {
        format!("{} · {}", l.code(ListId::Commodity, commodity), l.code(ListId::Unit, unit))
    };
    let amount = |x: f64| {
        if x.fract() == 0.0 && x.abs() < 9e15 { l.num(x as i64) } else { format!("{x:.2}") }
    };
    let top: Vec<(String, f64)> = q.by_commodity.iter().take(15).map(|(c, u, t)| (name(c, u), *t)).collect();
    let encode = |svg: Result<String, charts::ChartError>| {
        svg.ok().map(|s| base64::engine::general_purpose::STANDARD.encode(s))
    };
    let by_commodity = StatBlock {
        title: "stats-quantities",
        subtitle: None,
        value_head: "field-quantity",
        chart_base64: None,
        rows: top.iter().map(|(label, t)| (label.clone(), amount(*t), String::new())).collect(),
    };
    let months: Vec<(String, f64)> = q
        .by_month
        .iter()
        .map(|(month, totals)| {
            let total = totals.get(&(top_commodity.clone(), top_unit.clone())).copied().unwrap_or(0.0);
            (month.clone(), total)
        })
        .collect();
    let recent: Vec<(String, f64)> = months.iter().skip(months.len().saturating_sub(36)).cloned().collect();
    let by_month = StatBlock {
        title: "stats-quantities-month",
        subtitle: Some(name(&top_commodity, &top_unit)),
        value_head: "field-quantity",
        chart_base64: encode(charts::columns(&recent, &amount)),
        rows: recent.iter().rev().take(12).map(|(m, t)| (m.clone(), amount(*t), String::new())).collect(),
    };
    vec![by_month, by_commodity]
}
