//! Record endpoints, the same for the three databases: `/api/v1/{seizures|suspects|companies}`,
//! with list filters and paging, single reads, corrections, deletions (tombstones), batch
//! uploads and the signed envelope of each record.

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::model::{Company, RecordId, Seizure, Suspect};
use ncen_protocol::record::{RecordBody, RecordKind, is_administration_code};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams, json_bytes, parse_json};
use crate::records::{BatchItem, BatchItemError, BatchStatus, ListQuery, RecordView};
use crate::roles::Permission;

/// Most items in one batch upload.
pub const MAX_BATCH_ITEMS: usize = 10_000;

pub fn kind_of(collection: &str) -> Result<RecordKind, ApiError> {
    RecordKind::from_collection(collection).ok_or_else(|| {
        ApiError::not_found(format!("no collection {collection:?}; use seizures, suspects or companies"))
    })
}

/// Resolves the collection and id of a single-record request and checks the caller's right.
fn one_record(
    auth: &Auth,
    permission: Permission,
    collection: &str,
    id: &str,
) -> Result<(RecordKind, RecordId, String), ApiError> {
    let kind = kind_of(collection)?;
    let id = parse_id(kind, id)?;
    let actor = auth.require(permission)?.username.clone();
    Ok((kind, id, actor))
}

fn parse_id(kind: RecordKind, id: &str) -> Result<RecordId, ApiError> {
    RecordId::parse_str(id)
        .map_err(|_| ApiError::not_found(format!("no {} with id {id:?} (ids are UUIDs)", kind.collection())))
}

/// Decodes a record of `kind` from a JSON value or bytes, naming the failing field.
fn body_from_value(kind: RecordKind, value: serde_json::Value) -> Result<RecordBody, serde_json::Value> {
    fn de<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<T, serde_json::Value> {
        serde_path_to_error::deserialize(v).map_err(|e| {
            let field = e.path().to_string();
            serde_json::json!({ "field": field, "message": e.into_inner().to_string() })
        })
    }
    Ok(match kind {
        RecordKind::Seizure => RecordBody::Seizure(de::<Seizure>(value)?),
        RecordKind::Suspect => RecordBody::Suspect(de::<Suspect>(value)?),
        RecordKind::Company => RecordBody::Company(de::<Company>(value)?),
    })
}

fn parse_body(kind: RecordKind, bytes: &[u8]) -> Result<RecordBody, ApiError> {
    Ok(match kind {
        RecordKind::Seizure => RecordBody::Seizure(parse_json(bytes)?),
        RecordKind::Suspect => RecordBody::Suspect(parse_json(bytes)?),
        RecordKind::Company => RecordBody::Company(parse_json(bytes)?),
    })
}

/// Filters and paging of a list request.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Owning administration (`NL`).
    pub origin: Option<String>,
    /// Commodity code; a category (`DRUGS`) matches all its types.
    pub commodity: Option<String>,
    /// A country the record is about (place, route, nationality...).
    pub country: Option<String>,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<usize>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// One page of records, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListResponse {
    pub items: Vec<RecordView>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

fn check_date(field: &str, d: &str) -> Result<(), ApiError> {
    let ok = d.len() == 10
        && time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).is_ok();
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("{field}: {d:?} is not a date written YYYY-MM-DD")))
    }
}

fn to_query(p: ListParams, catalog: &Catalog) -> Result<ListQuery, ApiError> {
    if let Some(o) = &p.origin
        && !is_administration_code(o)
    {
        return Err(ApiError::bad_request(format!(
            "origin: {o:?} is not an administration code like NL or WCO"
        )));
    }
    if let Some(c) = &p.commodity
        && catalog.list(ListId::Commodity).get(c).is_none()
    {
        return Err(ApiError::bad_request(format!("commodity: {c:?} is not in code list `commodity`")));
    }
    if let Some(c) = &p.country
        && catalog.list(ListId::Country).get(c).is_none()
    {
        return Err(ApiError::bad_request(format!("country: {c:?} is not in code list `country`")));
    }
    if let Some(d) = &p.date_from {
        check_date("date_from", d)?;
    }
    if let Some(d) = &p.date_to {
        check_date("date_to", d)?;
    }
    let limit = p.limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::bad_request(format!("limit: {limit} is not between 1 and 500")));
    }
    let after = match &p.cursor {
        None => None,
        Some(c) => {
            let bad = || ApiError::bad_request("cursor: not a cursor this node gave out");
            let (date, id) = c.split_once('~').ok_or_else(bad)?;
            check_date("cursor", date).map_err(|_| bad())?;
            Some((date.to_owned(), RecordId::parse_str(id).map_err(|_| bad())?))
        }
    };
    Ok(ListQuery {
        origin: p.origin,
        commodity: p.commodity,
        country: p.country,
        date_from: p.date_from,
        date_to: p.date_to,
        limit,
        after,
    })
}

#[utoipa::path(get, path = "/api/v1/{collection}", tag = "records",
    params(("collection" = String, Path, description = "seizures, suspects or companies"), ListParams),
    responses((status = 200, body = ListResponse), (status = 400, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(collection): Path<String>,
    QueryParams(params): QueryParams<ListParams>,
) -> Result<Json<ListResponse>, ApiError> {
    let kind = kind_of(&collection)?;
    let actor = auth.require(Permission::ReadRecords)?.username.clone();
    let query = to_query(params, &state.catalog.current())?;
    let records = state.records.clone();
    let page = tokio::task::spawn_blocking(move || {
        let page = records.list(kind, &query)?;
        records.audit_read(&actor, "record.list", format!("{}?{:?}", kind.collection(), query))?;
        Ok::<_, ApiError>(page)
    })
    .await??;
    Ok(Json(ListResponse { items: page.items, next_cursor: page.next.map(|(d, id)| format!("{d}~{id}")) }))
}

#[utoipa::path(post, path = "/api/v1/{collection}", tag = "records",
    params(("collection" = String, Path, description = "seizures, suspects or companies")),
    request_body(content = serde_json::Value, description = "a Seizure, Suspect or Company"),
    responses((status = 201, body = RecordView), (status = 400, body = super::error::ErrorBody),
        (status = 409, description = "national reference already used", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(collection): Path<String>,
    req: Request,
) -> Result<Response, ApiError> {
    let kind = kind_of(&collection)?;
    let actor = auth.require(Permission::WriteRecords)?.username.clone();
    let bytes = json_bytes(req, &state).await?;
    let body = parse_body(kind, &bytes)?;
    let records = state.records.clone();
    let view = tokio::task::spawn_blocking(move || records.create(&actor, body)).await??;
    state.metrics.record_written(kind, 1);
    let location = format!("/api/v1/{}/{}", kind.collection(), view.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(view)).into_response())
}

/// A batch of records of one kind, parsed in one pass.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedBatch<T> {
    items: Vec<T>,
}

/// The batch's records if every item is well formed (None otherwise).
fn typed_batch(kind: RecordKind, bytes: &[u8]) -> Option<Vec<RecordBody>> {
    fn parse<T: serde::de::DeserializeOwned>(
        bytes: &[u8],
        wrap: fn(T) -> RecordBody,
    ) -> Option<Vec<RecordBody>> {
        serde_json::from_slice::<TypedBatch<T>>(bytes).ok().map(|b| b.items.into_iter().map(wrap).collect())
    }
    match kind {
        RecordKind::Seizure => parse::<Seizure>(bytes, RecordBody::Seizure),
        RecordKind::Suspect => parse::<Suspect>(bytes, RecordBody::Suspect),
        RecordKind::Company => parse::<Company>(bytes, RecordBody::Company),
    }
}

/// A batch upload.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// Records of the collection, at most 10,000.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchResponse {
    pub created: usize,
    pub existing: usize,
    pub items: Vec<BatchItem>,
}

#[utoipa::path(post, path = "/api/v1/{collection}/batch", tag = "records",
    params(("collection" = String, Path, description = "seizures, suspects or companies")),
    request_body = BatchRequest,
    responses((status = 200, body = BatchResponse,
        description = "all stored; items already known by national reference are `existing`"),
        (status = 400, description = "nothing stored; `details` lists each refused item", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn batch(
    State(state): State<AppState>,
    auth: Auth,
    Path(collection): Path<String>,
    req: Request,
) -> Result<Json<BatchResponse>, ApiError> {
    let kind = kind_of(&collection)?;
    let actor = auth.require(Permission::WriteRecords)?.username.clone();
    let bytes = json_bytes(req, &state).await?;
    // Fast path: a well-formed batch parses straight into records. Otherwise it is parsed item
    // by item, so that the answer names every malformed item.
    let typed = tokio::task::spawn_blocking({
        let bytes = bytes.clone();
        move || typed_batch(kind, &bytes)
    })
    .await?;
    if let Some(bodies) = typed
        && (1..=MAX_BATCH_ITEMS).contains(&bodies.len())
    {
        let records = state.records.clone();
        let items = tokio::task::spawn_blocking(move || records.create_batch(&actor, kind, bodies)).await??;
        let created = items.iter().filter(|i| i.status == BatchStatus::Created).count();
        state.metrics.record_written(kind, created as u64);
        return Ok(Json(BatchResponse { created, existing: items.len() - created, items }));
    }
    let request: BatchRequest = parse_json(&bytes)?;
    if request.items.is_empty() || request.items.len() > MAX_BATCH_ITEMS {
        return Err(ApiError::bad_request(format!(
            "items: a batch holds 1 to {MAX_BATCH_ITEMS} records, not {}",
            request.items.len()
        )));
    }
    let records = state.records.clone();
    let items = tokio::task::spawn_blocking(move || {
        let mut bodies = Vec::with_capacity(request.items.len());
        let mut refused = Vec::new();
        for (index, value) in request.items.into_iter().enumerate() {
            let reference =
                value.get("national_reference").and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            match body_from_value(kind, value) {
                Ok(b) => bodies.push(b),
                Err(e) => refused.push(serde_json::json!({
                    "index": index, "national_reference": reference, "errors": [e]
                })),
            }
        }
        if !refused.is_empty() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "validation_failed",
                format!("{} item(s) of the batch are malformed; nothing was stored", refused.len()),
            )
            .details(refused));
        }
        Ok(records.create_batch(&actor, kind, bodies)?)
    })
    .await??;
    let created = items.iter().filter(|i| i.status == BatchStatus::Created).count();
    state.metrics.record_written(kind, created as u64);
    Ok(Json(BatchResponse { created, existing: items.len() - created, items }))
}

#[utoipa::path(get, path = "/api/v1/{collection}/{id}", tag = "records",
    params(("collection" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = RecordView), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_one(
    State(state): State<AppState>,
    auth: Auth,
    Path((collection, id)): Path<(String, String)>,
) -> Result<Json<RecordView>, ApiError> {
    let (kind, id, actor) = one_record(&auth, Permission::ReadRecords, &collection, &id)?;
    let records = state.records.clone();
    let view = tokio::task::spawn_blocking(move || {
        let view = records.get(kind, id)?;
        records.audit_read(&actor, "record.read", format!("{}/{id}", kind.collection()))?;
        Ok::<_, ApiError>(view)
    })
    .await??;
    Ok(Json(view))
}

fn expected_revision(headers: &HeaderMap) -> Result<Option<u32>, ApiError> {
    match headers.get(header::IF_MATCH) {
        None => Ok(None),
        Some(v) => v
            .to_str()
            .ok()
            .map(|s| s.trim().trim_matches('"'))
            .and_then(|s| s.parse().ok())
            .map(Some)
            .ok_or_else(|| ApiError::bad_request("If-Match: give the expected revision number, e.g. \"2\"")),
    }
}

#[utoipa::path(put, path = "/api/v1/{collection}/{id}", tag = "records",
    params(("collection" = String, Path), ("id" = String, Path),
        ("If-Match" = Option<String>, Header, description = "expected current revision")),
    request_body(content = serde_json::Value, description = "the corrected record, whole"),
    responses((status = 200, body = RecordView), (status = 400, body = super::error::ErrorBody),
        (status = 409, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((collection, id)): Path<(String, String)>,
    req: Request,
) -> Result<Json<RecordView>, ApiError> {
    let (kind, id, actor) = one_record(&auth, Permission::WriteRecords, &collection, &id)?;
    let expected = expected_revision(req.headers())?;
    let bytes = json_bytes(req, &state).await?;
    let body = parse_body(kind, &bytes)?;
    let records = state.records.clone();
    let view = tokio::task::spawn_blocking(move || records.update(&actor, id, body, expected)).await??;
    state.metrics.record_written(kind, 1);
    Ok(Json(view))
}

#[utoipa::path(delete, path = "/api/v1/{collection}/{id}", tag = "records",
    params(("collection" = String, Path), ("id" = String, Path)),
    responses((status = 200, description = "the tombstone", body = RecordView), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn delete_one(
    State(state): State<AppState>,
    auth: Auth,
    Path((collection, id)): Path<(String, String)>,
) -> Result<Json<RecordView>, ApiError> {
    let (kind, id, actor) = one_record(&auth, Permission::WriteRecords, &collection, &id)?;
    let records = state.records.clone();
    let view = tokio::task::spawn_blocking(move || records.delete(&actor, kind, id)).await??;
    state.metrics.record_written(kind, 1);
    Ok(Json(view))
}

#[utoipa::path(get, path = "/api/v1/{collection}/{id}/signed", tag = "records",
    params(("collection" = String, Path), ("id" = String, Path)),
    responses((status = 200, content_type = "application/cose",
        description = "the COSE_Sign1 envelope as stored; verify with the origin's public key")),
    security(("bearer" = [])))]
pub async fn signed(
    State(state): State<AppState>,
    auth: Auth,
    Path((collection, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (kind, id, actor) = one_record(&auth, Permission::ReadRecords, &collection, &id)?;
    let records = state.records.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        let bytes = records.signed(kind, id)?;
        records.audit_read(&actor, "record.read_signed", format!("{}/{id}", kind.collection()))?;
        Ok::<_, ApiError>(bytes)
    })
    .await??;
    Ok(([(header::CONTENT_TYPE, "application/cose; cose-type=\"cose-sign1\"")], bytes).into_response())
}

/// For the batch error shape in the OpenAPI document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchErrors(pub Vec<BatchItemError>);
