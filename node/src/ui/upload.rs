//! Bulk upload in the web UI (N3, C2): the standard template to download, a file to upload
//! (dry run first by default), and the job's page that follows its progress and then lists
//! every refused row with its number and reason.

use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{ImportJobPage, ImportPage, KindLine};
use ncen_protocol::template::SHEETS;

use super::chrome::{self, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::import::jobs::StartError;
use crate::import::report::{JobState, KindCount, Phase};
use crate::import::source::Format;
use crate::import::{MAX_FILE_BYTES, workbook};
use crate::roles::Permission;

/// Refusals shown on the page (the API's report holds more).
const SHOWN: usize = 500;

fn page_with(state: &AppState, v: &Visitor, error: Option<String>) -> Response {
    let page = ImportPage {
        c: chrome(state, v, "import", Vec::new()),
        error,
        sheets: SHEETS.iter().map(|s| (s.stem().to_owned(), s.name.to_owned())).collect(),
        max_mib: MAX_FILE_BYTES >> 20,
    };
    chrome::page(v, &page)
}

pub async fn page(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    page_with(&state, &v, None)
}

pub async fn template(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::WriteRecords)) {
        return r;
    }
    let catalog = state.catalog.current();
    match tokio::task::spawn_blocking(move || workbook::cached_template(&catalog)).await {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"ncen-upload-template.xlsx\""),
            ],
            bytes,
        )
            .into_response(),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

/// The fields of the upload form.
#[derive(Default)]
struct Upload {
    csrf: String,
    sheet: String,
    dry_run: bool,
    name: String,
    bytes: Vec<u8>,
}

async fn read(mut form: Multipart) -> Result<Upload, String> {
    let mut upload = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|e| e.body_text())? {
        match field.name().unwrap_or_default() {
            "_csrf" => upload.csrf = field.text().await.map_err(|e| e.body_text())?,
            "sheet" => upload.sheet = field.text().await.map_err(|e| e.body_text())?,
            "dry_run" => upload.dry_run = field.text().await.map_err(|e| e.body_text())? == "true",
            "file" => {
                upload.name = field.file_name().unwrap_or_default().to_ascii_lowercase();
                upload.bytes = field.bytes().await.map_err(|e| e.body_text())?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

pub async fn upload(State(state): State<AppState>, v: Visitor, form: Multipart) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = v.l10n();
    let upload = match read(form).await {
        Ok(u) => u,
        Err(message) => return page_with(&state, &v, Some(l.t1("field-server", "message", message))),
    };
    if let Err(r) = v.check_csrf(&state, &upload.csrf) {
        return r;
    }
    if upload.bytes.is_empty() {
        return page_with(&state, &v, Some(l.t("import-no-file")));
    }
    let media = if upload.name.ends_with(".csv") {
        "text/csv"
    } else if upload.name.ends_with(".zip") {
        "application/zip"
    } else {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    };
    let sheet = Some(upload.sheet.as_str()).filter(|s| !s.is_empty() && media == "text/csv");
    let sheet = sheet.or_else(|| (media == "text/csv").then_some(upload.name.as_str()));
    let format = match Format::of(Some(media), sheet) {
        Ok(f) => f,
        Err(e) => return page_with(&state, &v, Some(l.t1("field-server", "message", e.to_string()))),
    };
    let bytes = axum::body::Bytes::from(upload.bytes);
    let (imports, dry_run) = (state.imports.clone(), upload.dry_run);
    match tokio::task::spawn_blocking(move || imports.submit(&actor, bytes, format, dry_run)).await {
        Ok(Ok(view)) => Redirect::to(&format!("/import/{}", view.job)).into_response(),
        Ok(Err(StartError::Busy)) => page_with(&state, &v, Some(l.t("import-busy"))),
        Ok(Err(StartError::File(e))) => {
            page_with(&state, &v, Some(l.t1("field-server", "message", e.to_string())))
        }
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

fn kind_line(l: &L10n, label: &str, k: &KindCount) -> KindLine {
    let n = |x: usize| l.num(i64::try_from(x).unwrap_or(i64::MAX));
    (l.t(label), n(k.read), n(k.valid), n(k.invalid), n(k.created), n(k.existing))
}

pub async fn job(State(state): State<AppState>, v: Visitor, Path(job): Path<String>) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let Some(view) = uuid::Uuid::parse_str(&job).ok().and_then(|id| state.imports.view(id, &actor)) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let l = v.l10n();
    let n = |x: u64| l.num(i64::try_from(x).unwrap_or(i64::MAX));
    let progress = match view.phase {
        Phase::Reading => l.t1("import-reading", "rows", n(view.rows_done)),
        _ => l.t2("import-storing", "done", n(view.rows_done), "total", n(view.rows_total)),
    };
    let report = view.report.clone().unwrap_or_default();
    let page = ImportJobPage {
        c: chrome(&state, &v, "import", Vec::new()),
        running: view.state == JobState::Running,
        failed: (view.state == JobState::Failed).then(|| view.error.clone().unwrap_or_default()),
        dry_run: view.dry_run,
        percent: (view.phase == Phase::Storing && view.rows_total > 0)
            .then(|| (view.rows_done * 100 / view.rows_total).min(100)),
        progress,
        kinds: vec![
            kind_line(&l, "agr-kind-seizures", &report.seizures),
            kind_line(&l, "agr-kind-suspects", &report.suspects),
            kind_line(&l, "agr-kind-companies", &report.companies),
            kind_line(&l, "record-photos", &report.photos),
        ],
        invalid: report
            .invalid_rows
            .iter()
            .take(SHOWN)
            .map(|r| {
                (r.sheet.clone(), r.row.to_string(), r.column.clone().unwrap_or_default(), r.reason.clone())
            })
            .collect(),
        invalid_total: n(report.invalid_rows_total as u64),
        more_invalid: report.invalid_rows_total > SHOWN,
        file_sha256: report.file_sha256.clone(),
    };
    chrome::page(&v, &page)
}
