//! CENcomm over the API: operations (create, change, answer an invitation), their messages
//! (send from a template, read), and resetting a participant's lapsed access.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use ncen_protocol::operation::{Member, Message, Operation, TemplateKind, Templates};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, JsonBody};
use crate::operations::{Delivery, Draft, JoinState, OpError, Outgoing, StoredMessage, Summary};

impl From<OpError> for ApiError {
    fn from(e: OpError) -> Self {
        let msg = e.to_string();
        match e {
            OpError::Invalid(v) => {
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", msg).details(v.0)
            }
            OpError::NotFound => ApiError::not_found(msg),
            OpError::Forbidden(_) => ApiError::forbidden(msg),
            OpError::Lapsed(_) => ApiError::new(StatusCode::FORBIDDEN, "access_lapsed", msg),
            OpError::Sign(e) => ApiError::internal("signing failed", e),
            OpError::Store(e) => e.into(),
            OpError::Export(e) => ApiError::internal("export failed", e),
        }
    }
}

/// An operation to create or the new version of one.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationBody {
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub valid_until: Option<String>,
    /// This administration's users taking part.
    #[serde(default)]
    pub own_users: Vec<String>,
    /// The other members and their users.
    #[schema(value_type = Vec<Object>)]
    pub members: Vec<Member>,
    /// Fields of each template (`warning`, `feedback`, `seizure`); the standard ones if absent.
    #[schema(value_type = Option<Object>)]
    pub templates: Option<Templates>,
}

impl From<OperationBody> for Draft {
    fn from(b: OperationBody) -> Self {
        Draft {
            name: b.name,
            purpose: b.purpose,
            legal_basis: b.legal_basis,
            valid_from: b.valid_from,
            valid_until: b.valid_until,
            members: b.members,
            own_users: b.own_users,
            templates: b.templates,
        }
    }
}

/// A message as a reader sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    #[schema(value_type = Object)]
    pub message: Message,
    /// At the sender: each addressee's delivery and read times.
    #[schema(value_type = Object)]
    pub receipts: BTreeMap<String, Delivery>,
    /// The reader opened it.
    pub read: bool,
    pub received_ms: i64,
}

impl MessageView {
    pub fn of(m: StoredMessage, reader: &str) -> Self {
        MessageView {
            read: m.read_by.contains(reader),
            receipts: m.receipts,
            received_ms: m.received_ms,
            message: m.message,
        }
    }
}

/// An operation with its messages, oldest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OperationView {
    #[schema(value_type = Object)]
    pub operation: Operation,
    #[schema(value_type = Object)]
    pub joins: BTreeMap<String, JoinState>,
    pub messages: Vec<MessageView>,
}

/// A message to send.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendBody {
    /// `warning`, `feedback` or `seizure`.
    pub template: String,
    /// The warning a feedback or seizure answers.
    pub in_reply_to: Option<uuid::Uuid>,
    /// Member administrations; empty or absent: all members.
    #[serde(default)]
    pub to: Vec<String>,
    /// Field name → value, as the operation's template allows.
    pub fields: BTreeMap<String, String>,
    /// Files and photos (JPEG and PNG are checked by content), at most 5 and 2 MiB in all.
    #[serde(default)]
    pub attachments: Vec<AttachmentBody>,
}

/// A file sent with a message.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentBody {
    pub name: String,
    /// The bytes, in standard base64.
    pub content_base64: String,
}

/// An answer to an invitation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    /// True to join, false to decline or leave.
    pub accept: bool,
}

fn id_of(s: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(s).map_err(|_| ApiError::not_found("no such operation here"))
}

/// Connects to new members at once rather than at the next housekeeping round.
fn reach_members(state: &AppState) {
    if let Some(engine) = state.engine.clone() {
        tokio::spawn(async move { engine.sync_network().await });
    }
}

#[utoipa::path(get, path = "/api/v1/operations", tag = "operations",
    responses((status = 200, body = Vec<Object>, description = "operations the reader may see, newest first, with unread counts")),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> Result<Json<Vec<Summary>>, ApiError> {
    let ops = state.operations.clone();
    Ok(Json(tokio::task::spawn_blocking(move || ops.list(&auth.0)).await??))
}

#[utoipa::path(post, path = "/api/v1/operations", tag = "operations", request_body = OperationBody,
    responses((status = 201, body = Object), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(body): JsonBody<OperationBody>,
) -> Result<Response, ApiError> {
    let actor = auth.require(crate::roles::Permission::CoordinateOperations)?.clone();
    let ops = state.operations.clone();
    let op = tokio::task::spawn_blocking(move || ops.create(&actor, body.into())).await??;
    reach_members(&state);
    let location = format!("/api/v1/operations/{}", op.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(op)).into_response())
}

#[utoipa::path(put, path = "/api/v1/operations/{id}", tag = "operations", request_body = OperationBody,
    params(("id" = String, Path)),
    responses((status = 200, body = Object), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<OperationBody>,
) -> Result<Json<Operation>, ApiError> {
    let id = id_of(&id)?;
    let ops = state.operations.clone();
    let op = tokio::task::spawn_blocking(move || ops.update(&auth.0, id, body.into())).await??;
    reach_members(&state);
    Ok(Json(op))
}

#[utoipa::path(get, path = "/api/v1/operations/{id}", tag = "operations", params(("id" = String, Path)),
    responses((status = 200, body = OperationView), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_one(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<OperationView>, ApiError> {
    let id = id_of(&id)?;
    let ops = state.operations.clone();
    let reader = auth.0.username.clone();
    let (stored, messages) = tokio::task::spawn_blocking(move || ops.open(&auth.0, id)).await??;
    Ok(Json(OperationView {
        operation: stored.op,
        joins: stored.joins,
        messages: messages.into_iter().map(|m| MessageView::of(m, &reader)).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/operations/{id}/join", tag = "operations", request_body = JoinBody,
    params(("id" = String, Path)),
    responses((status = 200, description = "answered"), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn join(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<JoinBody>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = id_of(&id)?;
    let ops = state.operations.clone();
    tokio::task::spawn_blocking(move || ops.answer(&auth.0, id, body.accept)).await??;
    Ok(Json(serde_json::json!({ "accept": body.accept })))
}

#[utoipa::path(post, path = "/api/v1/operations/{id}/messages", tag = "operations", request_body = SendBody,
    params(("id" = String, Path)),
    responses((status = 201, body = Object), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn send(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<SendBody>,
) -> Result<Response, ApiError> {
    let id = id_of(&id)?;
    let template = TemplateKind::parse(&body.template)
        .ok_or_else(|| ApiError::bad_request("template: must be warning, feedback or seizure"))?;
    use base64::Engine as _;
    let mut files = Vec::with_capacity(body.attachments.len());
    for (i, a) in body.attachments.into_iter().enumerate() {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(a.content_base64.as_bytes())
            .map_err(|e| ApiError::bad_request(format!("attachments[{i}].content_base64: {e}")))?;
        files.push((a.name, bytes));
    }
    let ops = state.operations.clone();
    let message = tokio::task::spawn_blocking(move || {
        ops.send(
            &auth.0,
            id,
            Outgoing { template, in_reply_to: body.in_reply_to, to: body.to, fields: body.fields, files },
        )
    })
    .await??;
    let location = format!("/api/v1/operations/{id}/messages/{}", message.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(message)).into_response())
}

#[utoipa::path(post, path = "/api/v1/operations/{id}/messages/{message}/read", tag = "operations",
    params(("id" = String, Path), ("message" = String, Path)),
    responses((status = 200, body = MessageView), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn read(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, message)): Path<(String, String)>,
) -> Result<Json<MessageView>, ApiError> {
    let id = id_of(&id)?;
    let message = uuid::Uuid::parse_str(&message).map_err(|_| ApiError::not_found("no such message"))?;
    let ops = state.operations.clone();
    let reader = auth.0.username.clone();
    let held = tokio::task::spawn_blocking(move || ops.read(&auth.0, id, message)).await??;
    Ok(Json(MessageView::of(held, &reader)))
}

#[utoipa::path(post, path = "/api/v1/operations/{id}/access/{user}/reset", tag = "operations",
    params(("id" = String, Path), ("user" = String, Path)),
    responses((status = 200, description = "the user's access runs again"), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn reset_access(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, user)): Path<(String, String)>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = id_of(&id)?;
    let ops = state.operations.clone();
    let u = user.clone();
    tokio::task::spawn_blocking(move || ops.reset_access(&auth.0, id, &u)).await??;
    Ok(Json(serde_json::json!({ "user": user })))
}

/// A message's file as a response: photos inline as what they are, never sniffed; anything
/// else as a download.
pub fn file_response(file: ncen_protocol::operation::Attachment) -> Response {
    if file.is_photo() {
        let kind = if file.media_type == "image/png" { "image/png" } else { "image/jpeg" };
        return super::download::image(kind, file.bytes);
    }
    super::download::attachment("application/octet-stream", &file.name, file.bytes)
}

#[utoipa::path(get, path = "/api/v1/operations/{id}/messages/{message}/attachments/{n}", tag = "operations",
    params(("id" = String, Path), ("message" = String, Path), ("n" = usize, Path, description = "position of the file in the message")),
    responses((status = 200, description = "the file"), (status = 403, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn attachment(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, message, n)): Path<(String, String, usize)>,
) -> Result<Response, ApiError> {
    let id = id_of(&id)?;
    let message = uuid::Uuid::parse_str(&message).map_err(|_| ApiError::not_found("no such message"))?;
    let ops = state.operations.clone();
    let file = tokio::task::spawn_blocking(move || ops.attachment(&auth.0, id, message, n)).await??;
    Ok(file_response(file))
}
