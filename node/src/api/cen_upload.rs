//! Uploads at the WCO hub on behalf of members without a node (MISSION C2):
//! `POST /api/v1/cen/uploads?administration=` starts a job (or a dry run) over the standard
//! templates, `GET /api/v1/cen/uploads/{job}` follows it, `GET /api/v1/cen/uploads/administrations`
//! lists who may be uploaded for. Only the non-nominal projection of each valid seizure is
//! stored. National nodes answer 404.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::import::{Format, FormatError, ImportError, JobView, MemberError, MemberStartError, StartError};
use crate::roles::Permission;

/// Options of an upload on behalf of a member.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MemberUploadParams {
    /// The member administration without a node the seizures are for (`GM`): a country code not
    /// in the member directory.
    pub administration: Option<String>,
    /// Check everything, store nothing (default false).
    pub dry_run: Option<bool>,
    /// For a CSV file: its sheet (`seizures`, `goods`, `offenders`, `seizure_companies`,
    /// `photos`; `suspects` and `companies` are ignored at the hub).
    pub sheet: Option<String>,
}

/// Who an upload may be made for.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MemberAdministrations {
    /// Country codes of administrations without a node in the member directory.
    pub administrations: Vec<String>,
}

fn not_hub() -> ApiError {
    ApiError::not_found(
        "uploads on behalf of members without a node are made at the WCO hub only; a national node \
         imports its own records at POST /api/v1/import",
    )
}

impl From<MemberError> for ApiError {
    fn from(e: MemberError) -> Self {
        match e {
            MemberError::NotHub => not_hub(),
            MemberError::Unknown(_) => {
                ApiError::new(StatusCode::BAD_REQUEST, "unknown_administration", e.to_string())
            }
            MemberError::HasNode(_) => ApiError::new(StatusCode::CONFLICT, "member_has_node", e.to_string()),
            MemberError::Store(s) => s.into(),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/cen/uploads", tag = "cen", params(MemberUploadParams),
    request_body(description = "the file of the standard templates: XLSX, CSV (with ?sheet=) or ZIP of CSV \
        files (and photos); at most 64 MiB",
        content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"), (Vec<u8> = "application/zip"))),
    responses((status = 202, body = JobView, description = "the job started; follow it at the Location"),
        (status = 400, description = "not a file of the template, or an unknown administration", body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody),
        (status = 404, description = "not the WCO hub", body = super::error::ErrorBody),
        (status = 409, description = "the administration has a node: its node sends its own data", body = super::error::ErrorBody),
        (status = 413, body = super::error::ErrorBody), (status = 415, body = super::error::ErrorBody),
        (status = 429, description = "too many imports running", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(params): QueryParams<MemberUploadParams>,
    req: Request,
) -> Result<Response, ApiError> {
    let actor = auth.require(Permission::UploadForMembers)?.username.clone();
    let members = state.imports.member_uploads().cloned().ok_or_else(not_hub)?;
    let administration = params.administration.ok_or_else(|| {
        ApiError::bad_request("administration: name the member without a node (?administration=GM)")
    })?;
    let administration = {
        let members = members.clone();
        tokio::task::spawn_blocking(move || members.check(&administration)).await??
    };
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
    let view = tokio::task::spawn_blocking(move || {
        imports.submit_for_member(&actor, &administration, bytes, format, dry_run)
    })
    .await?
    .map_err(|e| match e {
        MemberStartError::Member(m) => m.into(),
        MemberStartError::Start(StartError::Busy) => {
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, "busy", StartError::Busy.to_string())
        }
        MemberStartError::Start(StartError::File(file)) => file.into(),
        MemberStartError::Start(StartError::Store(s)) => s.into(),
    })?;
    let location = format!("/api/v1/cen/uploads/{}", view.job);
    Ok((StatusCode::ACCEPTED, [(header::LOCATION, location)], Json(view)).into_response())
}

#[utoipa::path(get, path = "/api/v1/cen/uploads/{job}", tag = "cen",
    params(("job" = String, Path, description = "the id `POST /api/v1/cen/uploads` gave")),
    responses((status = 200, body = JobView, description = "progress, then the report: counts, refused rows by \
        sheet, row and column, what the hub ignored"),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn status(
    State(state): State<AppState>,
    auth: Auth,
    Path(job): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let actor = auth.require(Permission::UploadForMembers)?.username.clone();
    state.imports.member_uploads().ok_or_else(not_hub)?;
    let missing = || ApiError::not_found(format!("no upload job {job:?} of yours at this hub"));
    let id = uuid::Uuid::parse_str(&job).map_err(|_| missing())?;
    state.imports.view_member(id, &actor).map(Json).ok_or_else(missing)
}

#[utoipa::path(get, path = "/api/v1/cen/uploads/administrations", tag = "cen",
    responses((status = 200, body = MemberAdministrations), (status = 403, body = super::error::ErrorBody),
        (status = 404, description = "not the WCO hub", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn administrations(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<MemberAdministrations>, ApiError> {
    auth.require(Permission::UploadForMembers)?;
    let members = state.imports.member_uploads().cloned().ok_or_else(not_hub)?;
    let catalog = state.catalog;
    let administrations = tokio::task::spawn_blocking(move || members.without_node(catalog)).await??;
    Ok(Json(MemberAdministrations { administrations }))
}
