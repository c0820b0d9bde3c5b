//! Export of a search result (C3): an XLSX workbook (one sheet per kind of record, code labels in
//! the reader's language, dates as dates and numbers as numbers) or a CSV file of one kind.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use ncen_admin_ui::L10n;
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::record::RecordKind;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::chrome;
use super::record::kind_label;
use super::search::{Params, query_of};
use super::session::Visitor;
use crate::api::AppState;
use crate::records::RecordView;
use crate::roles::Permission;

/// The most rows an export holds (the search pages through at most this far).
pub const MAX_EXPORT: usize = 10_000;

/// A cell of an exported row.
#[derive(Debug, Clone)]
pub(super) enum Cell {
    Text(String),
    Number(f64),
    Date(String),
}

impl Cell {
    /// The cell as CSV text. Text that a spreadsheet would take for a formula (`=`, `+`, `-`,
    /// `@`, tab, carriage return first) is quoted with a leading apostrophe: free text from any
    /// administration never runs as a formula on an analyst's machine.
    fn as_text(&self) -> String {
        match self {
            Cell::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
            Cell::Text(s) | Cell::Date(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

pub(super) fn code(l: &L10n, list: ListId, value: Option<&str>) -> Cell {
    Cell::Text(value.filter(|v| !v.is_empty()).map(|v| l.code(list, v)).unwrap_or_default())
}

const SEIZURE_COLUMNS: [&str; 18] = [
    "field-national-reference",
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
    "field-description",
    "field-quantity",
    "field-unit",
    "field-value",
    "field-summary",
    "search-col-origin",
];
const SUSPECT_COLUMNS: [&str; 7] = [
    "field-national-reference",
    "field-family-name",
    "field-given-names",
    "field-date-of-birth",
    "field-nationality",
    "field-sex",
    "search-col-origin",
];
const COMPANY_COLUMNS: [&str; 5] =
    ["field-national-reference", "field-name", "field-country", "field-role", "search-col-origin"];

fn columns(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Seizure => &SEIZURE_COLUMNS,
        RecordKind::Suspect => &SUSPECT_COLUMNS,
        RecordKind::Company => &COMPANY_COLUMNS,
    }
}

/// The rows of one record: a seizure gives one row per goods line.
fn rows(l: &L10n, view: &RecordView) -> Vec<Vec<Cell>> {
    let Some(data) = view.data.clone() else { return Vec::new() };
    let origin = text(view.origin.clone());
    match view.kind {
        RecordKind::Seizure => {
            let Ok(s) = serde_json::from_value::<Seizure>(data) else { return Vec::new() };
            let transit: Vec<String> = s.route.transit.iter().map(|c| l.code(ListId::Country, c)).collect();
            let common = vec![
                text(s.national_reference.clone()),
                Cell::Date(s.date.clone()),
                text(s.place.name.clone().unwrap_or_default()),
                code(l, ListId::Country, Some(&s.place.country)),
                code(l, ListId::Direction, Some(&s.direction)),
                code(l, ListId::DetectionMethod, Some(&s.detection_method)),
                code(l, ListId::ConveyanceType, s.conveyance.as_ref().map(|c| c.kind.as_str())),
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
                    row.push(text(g.description.clone().unwrap_or_default()));
                    row.push(Cell::Number(g.quantity));
                    row.push(code(l, ListId::Unit, Some(&g.unit)));
                    row.push(g.value.as_ref().map(|m| Cell::Number(m.amount)).unwrap_or_else(|| text("")));
                    row.push(text(s.summary.clone().unwrap_or_default()));
                    row.push(origin.clone());
                    row
                })
                .collect()
        }
        RecordKind::Suspect => {
            let Ok(s) = serde_json::from_value::<Suspect>(data) else { return Vec::new() };
            vec![vec![
                text(s.national_reference.clone()),
                text(s.family_name.clone()),
                text(s.given_names.clone().unwrap_or_default()),
                s.date_of_birth.clone().map(Cell::Date).unwrap_or_else(|| text("")),
                code(l, ListId::Country, s.nationality.as_deref()),
                code(l, ListId::Sex, s.sex.as_deref()),
                origin,
            ]]
        }
        RecordKind::Company => {
            let Ok(c) = serde_json::from_value::<Company>(data) else { return Vec::new() };
            vec![vec![
                text(c.national_reference.clone()),
                text(c.name.clone()),
                code(l, ListId::Country, Some(&c.country)),
                code(l, ListId::CompanyRole, c.role.as_deref()),
                origin,
            ]]
        }
    }
}

/// Writes one sheet: a bold header row, then the rows; dates as dates, numbers as numbers,
/// the header frozen and filterable.
pub(super) fn write_sheet(
    workbook: &mut Workbook,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let number = Format::new().set_num_format("#,##0.###");
    let sheet = workbook.add_worksheet();
    sheet.set_name(name.chars().take(31).collect::<String>())?;
    for (c, head) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, head, &bold)?;
        sheet.set_column_width(c as u16, 18)?;
    }
    let mut r = 1u32;
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c, *n, &number)?;
                }
                Cell::Date(d) => match ExcelDateTime::parse_from_str(d) {
                    Ok(dt) => {
                        sheet.write_datetime_with_format(r, c, &dt, &date)?;
                    }
                    Err(_) => {
                        sheet.write_string(r, c, d)?;
                    }
                },
            }
        }
        r += 1;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, r.saturating_sub(1).max(1), headers.len().saturating_sub(1) as u16)?;
    Ok(())
}

/// A CSV file of a header row and rows, formulas neutralised.
pub(super) fn write_csv(headers: &[String], rows: &[Vec<Cell>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(headers)?;
    for row in rows {
        out.write_record(row.iter().map(Cell::as_text))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn xlsx(l: &L10n, views: &[RecordView]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for kind in RecordKind::ALL {
        let of_kind: Vec<&RecordView> = views.iter().filter(|v| v.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let headers: Vec<String> = columns(kind).iter().map(|id| l.t(id)).collect();
        let rows: Vec<Vec<Cell>> = of_kind.iter().flat_map(|view| rows(l, view)).collect();
        write_sheet(&mut workbook, &l.t(kind_label(kind)), &headers, &rows)?;
    }
    if views.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer()
}

fn csv_of(l: &L10n, kind: RecordKind, views: &[RecordView]) -> Result<Vec<u8>, csv::Error> {
    let headers: Vec<String> = columns(kind).iter().map(|id| l.t(id)).collect();
    let rows: Vec<Vec<Cell>> =
        views.iter().filter(|v| v.kind == kind).flat_map(|view| rows(l, view)).collect();
    write_csv(&headers, &rows)
}

/// Every record of the search, up to [`MAX_EXPORT`].
async fn collect(
    state: &AppState,
    v: &Visitor,
    params: &Params,
    actor: String,
) -> Result<Vec<RecordView>, Response> {
    let l = L10n::new(v.lang);
    let (query, errors) = query_of(&l, params, 100, 0);
    if !errors.is_empty() {
        return Err(chrome::problem(state, v, chrome::Problem::BadForm));
    }
    let index = state.search.clone().ok_or_else(|| chrome::problem(state, v, chrome::Problem::Internal))?;
    let records = state.records.clone();
    let found = tokio::task::spawn_blocking(move || {
        let mut views = Vec::new();
        let mut q = query;
        loop {
            let result = index.search(&q)?;
            let n = result.hits.len();
            views.extend(result.hits.iter().filter_map(|h| records.get(h.kind, h.id).ok()));
            q.offset += n;
            if n < q.limit || q.offset >= MAX_EXPORT {
                break;
            }
        }
        let _ = records.audit_read(&actor, "record.export", format!("{} records", views.len()));
        Ok::<_, crate::search::SearchError>(views)
    })
    .await;
    match found {
        Ok(Ok(views)) => Ok(views),
        _ => Err(chrome::problem(state, v, chrome::Problem::Internal)),
    }
}

pub(super) fn attachment(content_type: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    let day = time::OffsetDateTime::now_utc().date();
    let disposition = format!(
        "attachment; filename=\"ncen-{name}-{:04}{:02}{:02}.{}\"",
        day.year(),
        u8::from(day.month()),
        day.day(),
        if content_type.starts_with("text/csv") { "csv" } else { "xlsx" }
    );
    ([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

pub async fn to_xlsx(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let views = match collect(&state, &v, &params, actor).await {
        Ok(views) => views,
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    match tokio::task::spawn_blocking(move || xlsx(&l, &views)).await {
        Ok(Ok(bytes)) => {
            attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "search", bytes)
        }
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn to_csv(State(state): State<AppState>, v: Visitor, Query(params): Query<Params>) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let kind = params.get("kind").and_then(|k| RecordKind::from_collection(k)).unwrap_or(RecordKind::Seizure);
    let views = match collect(&state, &v, &params, actor).await {
        Ok(views) => views,
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    match csv_of(&l, kind, &views) {
        Ok(bytes) => attachment("text/csv; charset=utf-8", kind.collection(), bytes),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn text_that_looks_like_a_formula_is_not_one_in_csv() {
        assert_eq!(Cell::Text("=HYPERLINK(\"http://x\")".into()).as_text(), "'=HYPERLINK(\"http://x\")");
        assert_eq!(Cell::Text("-12 kg".into()).as_text(), "'-12 kg");
        assert_eq!(Cell::Text("bricks".into()).as_text(), "bricks");
        assert_eq!(Cell::Number(-12.5).as_text(), "-12.5", "numbers stay numbers");
    }
}
