//! Code lists over REST (MISSION N2, B5): every node shows the lists in force and their
//! versions; the hub's administrator publishes a change as a new signed version; a member's
//! administrator may also hand in a release file signed by the hub (a node without a network).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use ncen_protocol::codelists::{Change, CodeEntry, CodeListError, ListId, MAX_RELEASE_BYTES, ReleaseError};
use serde::Serialize;

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, parse_json};
use crate::codelists::{CodeListsError, ReleaseInfo};
use crate::roles::Permission;

/// One list in force, in brief.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListSummary {
    pub list: ListId,
    pub version: u32,
    pub entries: usize,
    pub deprecated: usize,
}

/// One list in force with its entries, and every signed version this node holds.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListView {
    pub list: ListId,
    pub version: u32,
    pub entries: Vec<CodeEntry>,
    pub history: Vec<ReleaseInfo>,
}

/// The version a publication or a release file brought in force.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Published {
    pub list: ListId,
    pub version: u32,
    /// False when this node held that version already.
    pub changed: bool,
}

/// The field of a change that a refusal is about.
fn field_of(e: &ReleaseError) -> String {
    match e {
        ReleaseError::List(CodeListError::MissingLabel { lang, .. })
        | ReleaseError::LabelTooLong { lang, .. } => {
            format!("labels.{lang}")
        }
        ReleaseError::List(CodeListError::MissingParent { .. } | CodeListError::NotUnderParent { .. }) => {
            "parent".into()
        }
        ReleaseError::BadHsChapter { .. } => "hs_chapters".into(),
        _ => "code".into(),
    }
}

impl From<CodeListsError> for ApiError {
    fn from(e: CodeListsError) -> Self {
        match e {
            CodeListsError::NotHub | CodeListsError::IsHub | CodeListsError::NoHub => {
                ApiError::new(StatusCode::CONFLICT, "wrong_role", e.to_string())
            }
            CodeListsError::BadSignature(_) => {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_signature", e.to_string())
            }
            CodeListsError::Refused(inner) => {
                let field = field_of(&inner);
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", format!("{field}: {inner}"))
                    .details(vec![serde_json::json!({ "field": field, "message": inner.to_string() })])
            }
            CodeListsError::Sign(_) => ApiError::internal("cannot sign a code list release", e),
            CodeListsError::Store(e) => e.into(),
        }
    }
}

fn list_id(name: &str) -> Result<ListId, ApiError> {
    ListId::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ListId::ALL.iter().map(|l| l.name()).collect();
        ApiError::not_found(format!("no code list named {name:?}; the lists are {}", names.join(", ")))
    })
}

#[utoipa::path(get, path = "/api/v1/code-lists", tag = "code-lists", security(("bearer" = [])),
    responses((status = 200, body = Vec<ListSummary>)))]
pub async fn list(State(state): State<AppState>, _auth: Auth) -> Json<Vec<ListSummary>> {
    let catalog = state.catalog.current();
    Json(
        catalog
            .lists()
            .map(|l| ListSummary {
                list: l.id,
                version: l.version,
                entries: l.entries.len(),
                deprecated: l.entries.iter().filter(|e| e.deprecated).count(),
            })
            .collect(),
    )
}

#[utoipa::path(get, path = "/api/v1/code-lists/{list}", tag = "code-lists", security(("bearer" = [])),
    params(("list" = String, Path, description = "`commodity`, `country`, ...")),
    responses((status = 200, body = ListView), (status = 404)))]
pub async fn get_one(
    State(state): State<AppState>,
    _auth: Auth,
    Path(name): Path<String>,
) -> Result<Json<ListView>, ApiError> {
    let id = list_id(&name)?;
    let codelists = state.codelists.clone();
    let history = tokio::task::spawn_blocking(move || codelists.history(id)).await??;
    let catalog = state.catalog.current();
    let list = catalog.list(id);
    Ok(Json(ListView { list: id, version: list.version, entries: list.entries.clone(), history }))
}

#[utoipa::path(get, path = "/api/v1/code-lists/{list}/releases/{version}", tag = "code-lists",
    security(("bearer" = [])), params(("list" = String, Path), ("version" = u32, Path)),
    responses((status = 200, content_type = "application/cose",
        description = "the release as the hub signed it (COSE_Sign1)"), (status = 404)))]
pub async fn release(
    State(state): State<AppState>,
    _auth: Auth,
    Path((name, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = list_id(&name)?;
    let version: u32 =
        version.parse().map_err(|_| ApiError::bad_request("version: must be a whole number"))?;
    let codelists = state.codelists.clone();
    let signed = tokio::task::spawn_blocking(move || codelists.signed(id, version)).await??;
    let bytes =
        signed.ok_or_else(|| ApiError::not_found(format!("no signed version {version} of {id} here")))?;
    Ok(([(header::CONTENT_TYPE, "application/cose; cose-type=\"cose-sign1\"")], bytes).into_response())
}

#[utoipa::path(post, path = "/api/v1/code-lists/{list}/changes", tag = "code-lists", security(("bearer" = [])),
    params(("list" = String, Path)), request_body = Change,
    responses((status = 201, body = Published), (status = 400), (status = 404), (status = 409, description = "not the hub")))]
pub async fn publish(
    State(state): State<AppState>,
    auth: Auth,
    Path(name): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Published>), ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    let id = list_id(&name)?;
    let change: Change = parse_json(&body)?;
    let codelists = state.codelists.clone();
    let list = tokio::task::spawn_blocking(move || codelists.publish(&actor, id, &change)).await??;
    Ok((StatusCode::CREATED, Json(Published { list: id, version: list.version, changed: true })))
}

#[utoipa::path(post, path = "/api/v1/code-lists/releases", tag = "code-lists", security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "application/cose",
        description = "a release signed by this node's hub, as `GET .../releases/{version}` gives it"),
    responses((status = 200, body = Published), (status = 400), (status = 409, description = "at the hub")))]
pub async fn take(
    State(state): State<AppState>,
    auth: Auth,
    body: Bytes,
) -> Result<Json<Published>, ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    if body.len() > MAX_RELEASE_BYTES {
        return Err(ApiError::bad_request(format!("the release is larger than {MAX_RELEASE_BYTES} bytes")));
    }
    let codelists = state.codelists.clone();
    let (info, changed) = tokio::task::spawn_blocking(move || codelists.accept(&actor, &body)).await??;
    Ok(Json(Published { list: info.list, version: info.version, changed }))
}
