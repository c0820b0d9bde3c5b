//! Bulk upload in the web UI (N3, C2): the standard template to download, a file to upload
//! (dry run first by default), and the job's page that follows its progress and then lists
//! every refused row with its number and reason. At the hub the same pages upload on behalf of
//! a member administration without a node, chosen on the form (`import::member`).

use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{ImportJobPage, ImportPage, KindLine, MemberUploadView};
use ncen_protocol::codelists::ListId;
use ncen_protocol::template::SHEETS;

use super::chrome::{self, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::import::jobs::{MemberStartError, StartError};
use crate::import::member::MemberError;
use crate::import::report::{JobState, KindCount, Phase};
use crate::import::source::Format;
use crate::import::{MAX_FILE_BYTES, workbook};
use crate::roles::Permission;

/// Refusals shown on the page (the API's report holds more).
const SHOWN: usize = 500;

/// What the upload pages need: at the hub, the right to upload on behalf of members.
fn permission(state: &AppState) -> Permission {
    if state.imports.member_uploads().is_some() {
        Permission::UploadForMembers
    } else {
        Permission::WriteRecords
    }
}

async fn page_with(state: &AppState, v: &Visitor, error: Option<String>) -> Response {
    let mut administrations = Vec::new();
    if let Some(members) = state.imports.member_uploads().cloned() {
        let catalog = state.catalog;
        match tokio::task::spawn_blocking(move || members.without_node(catalog)).await {
            Ok(Ok(codes)) => {
                // (code, name), in the order of the names in the reader's language.
                let l = L10n::new(v.lang);
                administrations =
                    codes.into_iter().map(|c| (c.clone(), l.code(ListId::Country, &c))).collect();
                administrations.sort_by(|a, b| a.1.cmp(&b.1));
            }
            _ => return chrome::problem(state, v, chrome::Problem::Internal),
        }
    }
    let page = ImportPage {
        c: chrome(state, v, "import", Vec::new()),
        error,
        sheets: SHEETS.iter().map(|s| (s.stem().to_owned(), s.name.to_owned())).collect(),
        max_mib: MAX_FILE_BYTES >> 20,
        administrations,
    };
    chrome::page(v, &page)
}

pub async fn page(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(permission(&state))) {
        return r;
    }
    page_with(&state, &v, None).await
}

pub async fn template(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(permission(&state))) {
        return r;
    }
    let catalog = state.catalog;
    match tokio::task::spawn_blocking(move || workbook::cached_template(catalog)).await {
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
    administration: String,
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
            "administration" => upload.administration = field.text().await.map_err(|e| e.body_text())?,
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

/// Starts the job of an upload at the hub; the page's message when it cannot start.
async fn start_for_member(
    state: &AppState,
    l: &L10n,
    actor: String,
    upload: (String, axum::body::Bytes, Format, bool),
) -> Result<uuid::Uuid, Option<String>> {
    let (administration, bytes, format, dry_run) = upload;
    if administration.is_empty() {
        return Err(Some(l.t("hub-upload-no-administration")));
    }
    let imports = state.imports.clone();
    let code = administration.clone();
    let started =
        tokio::task::spawn_blocking(move || imports.submit_for_member(&actor, &code, bytes, format, dry_run))
            .await;
    match started {
        Ok(Ok(view)) => Ok(view.job),
        Ok(Err(MemberStartError::Member(MemberError::Unknown(_)))) => {
            Err(Some(l.t1("hub-upload-unknown", "admin", administration)))
        }
        Ok(Err(MemberStartError::Member(MemberError::HasNode(code)))) => {
            Err(Some(l.t1("hub-upload-has-node", "admin", l.code(ListId::Country, &code))))
        }
        Ok(Err(MemberStartError::Start(StartError::Busy))) => Err(Some(l.t("import-busy"))),
        Ok(Err(MemberStartError::Start(StartError::File(e)))) => {
            Err(Some(l.t1("field-server", "message", e.to_string())))
        }
        _ => Err(None),
    }
}

pub async fn upload(State(state): State<AppState>, v: Visitor, form: Multipart) -> Response {
    let actor = match v.require(&state, Some(permission(&state))) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let upload = match read(form).await {
        Ok(u) => u,
        Err(message) => return page_with(&state, &v, Some(l.t1("field-server", "message", message))).await,
    };
    if let Err(r) = v.check_csrf(&state, &upload.csrf) {
        return r;
    }
    if upload.bytes.is_empty() {
        return page_with(&state, &v, Some(l.t("import-no-file"))).await;
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
        Err(e) => return page_with(&state, &v, Some(l.t1("field-server", "message", e.to_string()))).await,
    };
    let bytes = axum::body::Bytes::from(upload.bytes);
    if state.imports.member_uploads().is_some() {
        let request = (upload.administration.trim().to_owned(), bytes, format, upload.dry_run);
        return match start_for_member(&state, &l, actor, request).await {
            Ok(job) => Redirect::to(&format!("/import/{job}")).into_response(),
            Err(Some(message)) => page_with(&state, &v, Some(message)).await,
            Err(None) => chrome::problem(&state, &v, chrome::Problem::Internal),
        };
    }
    let (imports, dry_run) = (state.imports.clone(), upload.dry_run);
    match tokio::task::spawn_blocking(move || imports.submit(&actor, bytes, format, dry_run)).await {
        Ok(Ok(view)) => Redirect::to(&format!("/import/{}", view.job)).into_response(),
        Ok(Err(StartError::Busy)) => page_with(&state, &v, Some(l.t("import-busy"))).await,
        Ok(Err(StartError::File(e))) => {
            page_with(&state, &v, Some(l.t1("field-server", "message", e.to_string()))).await
        }
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

fn kind_line(l: &L10n, label: &str, k: &KindCount) -> KindLine {
    let n = |x: usize| l.num(i64::try_from(x).unwrap_or(i64::MAX));
    (l.t(label), n(k.read), n(k.valid), n(k.invalid), n(k.created), n(k.existing))
}

/// What the job page shows of an upload on behalf of a member.
fn member_view(l: &L10n, view: &crate::import::JobView) -> Option<MemberUploadView> {
    let code = view.administration.as_deref()?;
    let on_behalf = view.report.as_ref().and_then(|r| r.on_behalf.clone()).unwrap_or_default();
    let n = |x: usize| l.num(i64::try_from(x).unwrap_or(i64::MAX));
    Some(MemberUploadView {
        administration: l.code(ListId::Country, code),
        updated: n(on_behalf.updated),
        ignored: l.ta(
            "hub-upload-ignored",
            &[
                ("suspects", on_behalf.suspects_ignored.into()),
                ("companies", on_behalf.companies_ignored.into()),
                ("photos", on_behalf.photos_ignored.into()),
            ],
        ),
    })
}

pub async fn job(State(state): State<AppState>, v: Visitor, Path(job): Path<String>) -> Response {
    let actor = match v.require(&state, Some(permission(&state))) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let hub = state.imports.member_uploads().is_some();
    let view = uuid::Uuid::parse_str(&job).ok().and_then(|id| {
        if hub { state.imports.view_member(id, &actor) } else { state.imports.view(id, &actor) }
    });
    let Some(view) = view else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let l = L10n::new(v.lang);
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
        member: member_view(&l, &view),
    };
    chrome::page(&v, &page)
}
