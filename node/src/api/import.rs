//! Bulk upload over the API: `POST /api/v1/import` starts an import job (or a dry run) of an
//! XLSX workbook, a CSV file of one sheet, or the template's CSV files in a ZIP archive;
//! `GET /api/v1/import/{job}` follows it; `GET /api/v1/import/template.xlsx` is the empty
//! template with its drop-down lists.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::import::{Format, FormatError, ImportError, JobView, StartError, XLSX_TYPE};
use crate::roles::Permission;

/// Options of an import.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Check everything, store nothing (default false).
    pub dry_run: Option<bool>,
    /// For a CSV file: its sheet (`seizures`, `goods`, `offenders`, `seizure_companies`,
    /// `photos`, `suspects`, `companies`).
    pub sheet: Option<String>,
}

impl From<ImportError> for ApiError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::TooLarge => ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", e.to_string()),
            ImportError::Store(s) => s.into(),
            other => ApiError::new(StatusCode::BAD_REQUEST, "invalid_file", other.to_string()),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/import", tag = "import", params(ImportParams),
    request_body(description = "the file: XLSX, CSV (with ?sheet=) or ZIP of CSV files; at most 64 MiB",
        content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"), (Vec<u8> = "application/zip"))),
    responses((status = 202, body = JobView, description = "the job started; follow it at the Location"),
        (status = 400, description = "not a file of the template", body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 413, body = super::error::ErrorBody),
        (status = 415, body = super::error::ErrorBody),
        (status = 429, description = "too many imports running", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<ImportParams>,
    req: Request,
) -> Result<Response, ApiError> {
    let actor = auth.require(Permission::WriteRecords)?.username.clone();
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let format = Format::of(content_type, params.sheet.as_deref()).map_err(|e| match e {
        FormatError::MediaType(m) => {
            ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", m)
        }
        FormatError::Sheet(m) => ApiError::bad_request(m),
    })?;
    let bytes = Bytes::from_request(req, &state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::from(ImportError::TooLarge)
        } else {
            ApiError::bad_request(format!("cannot read the body: {}", rejection.body_text()))
        }
    })?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request("the body is empty: send the file"));
    }
    let dry_run = params.dry_run.unwrap_or(false);
    let imports = state.imports.clone();
    let view = tokio::task::spawn_blocking(move || imports.submit(&actor, bytes, format, dry_run))
        .await?
        .map_err(|e| match e {
            StartError::Busy => ApiError::new(StatusCode::TOO_MANY_REQUESTS, "busy", e.to_string()),
            StartError::File(file) => file.into(),
            StartError::Store(s) => s.into(),
        })?;
    let location = format!("/api/v1/import/{}", view.job);
    Ok((StatusCode::ACCEPTED, [(header::LOCATION, location)], Json(view)).into_response())
}

#[utoipa::path(get, path = "/api/v1/import/{job}", tag = "import",
    params(("job" = String, Path, description = "the id `POST /api/v1/import` gave")),
    responses((status = 200, body = JobView), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn status(
    State(state): State<AppState>,
    auth: Auth,
    Path(job): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let actor = auth.require(Permission::WriteRecords)?.username.clone();
    let missing = || ApiError::not_found(format!("no import job {job:?} of yours at this node"));
    let id = uuid::Uuid::parse_str(&job).map_err(|_| missing())?;
    state.imports.view(id, &actor).map(Json).ok_or_else(missing)
}

#[utoipa::path(get, path = "/api/v1/import/template.xlsx", tag = "import",
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        description = "the empty template: every sheet's header, an example row, drop-down lists of codes")),
    security(("bearer" = [])))]
pub async fn template(State(state): State<AppState>, auth: Auth) -> Result<Response, ApiError> {
    auth.require(Permission::WriteRecords)?;
    let catalog = state.catalog.current();
    let bytes = tokio::task::spawn_blocking(move || crate::import::workbook::cached_template(&catalog))
        .await?
        .map_err(|e| ApiError::internal("cannot build the template", e))?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX_TYPE),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"ncen-upload-template.xlsx\""),
        ],
        bytes,
    )
        .into_response())
}
