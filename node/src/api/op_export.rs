//! Download of everything an operation recorded, by its coordinating administration: a SQLite
//! database or an XLSX workbook, with code labels in the caller's language (`?lang=`, else the
//! language of the account, else `Accept-Language`, else English).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use ncen_protocol::codelists::Lang;
use serde::Deserialize;

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::operations::export::ExportFormat;

/// The language of the labels in an export.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// ISO 639-1 code of the language of code labels (`en`, `fr`, `es`, `pt`, `ru`, `de`, `ar`).
    pub lang: Option<String>,
}

async fn language(state: &AppState, auth: &Auth, query: &ExportQuery, headers: &HeaderMap) -> Lang {
    if let Some(lang) = query.lang.as_deref().and_then(Lang::parse) {
        return lang;
    }
    let accounts = state.accounts.clone();
    let username = auth.0.username.clone();
    let saved = tokio::task::spawn_blocking(move || accounts.load(&username).ok().flatten())
        .await
        .ok()
        .flatten()
        .and_then(|user| user.language)
        .as_deref()
        .and_then(Lang::parse);
    saved
        .or_else(|| {
            let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            value.split(',').find_map(|part| Lang::parse(part.split(';').next().unwrap_or_default()))
        })
        .unwrap_or(Lang::En)
}

async fn export(
    state: AppState,
    auth: Auth,
    id: String,
    query: ExportQuery,
    headers: HeaderMap,
    format: ExportFormat,
) -> Result<Response, ApiError> {
    let id = uuid::Uuid::parse_str(&id).map_err(|_| ApiError::not_found("no such operation here"))?;
    let lang = language(&state, &auth, &query, &headers).await;
    let ops = state.operations.clone();
    let (bytes, name) = tokio::task::spawn_blocking(move || ops.export(&auth.0, id, format, lang)).await??;
    Ok(super::download::attachment(format.content_type(), &name, bytes))
}

#[utoipa::path(get, path = "/api/v1/operations/{id}/export.sqlite", tag = "operations",
    params(("id" = String, Path), ExportQuery),
    responses((status = 200, content_type = "application/vnd.sqlite3",
        description = "a SQLite database: tables operation, members, warnings, feedbacks, seizures and receipts"),
        (status = 401, body = super::error::ErrorBody), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn sqlite(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    QueryParams(query): QueryParams<ExportQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    export(state, auth, id, query, headers, ExportFormat::Sqlite).await
}

#[utoipa::path(get, path = "/api/v1/operations/{id}/export.xlsx", tag = "operations",
    params(("id" = String, Path), ExportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        description = "the same tables as sheets: Operation, Members, Warnings, Feedbacks, Seizures, Receipts"),
        (status = 401, body = super::error::ErrorBody), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn xlsx(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    QueryParams(query): QueryParams<ExportQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    export(state, auth, id, query, headers, ExportFormat::Xlsx).await
}
