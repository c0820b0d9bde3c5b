//! Forwarding to the global CEN database (MISSION O4, B2): the owning administration approves
//! one of its operation seizure reports for the hub; the hub lists what it received, with the
//! provenance (operation, origin) and the consent that allowed it.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;

use super::AppState;
use super::error::ApiError;
use super::extract::Auth;
use crate::roles::Permission;

/// What the forwarding approved.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Forwarded {
    pub message: uuid::Uuid,
    /// The fields sent: non-nominal only.
    pub fields: BTreeMap<String, String>,
}

/// A seizure report of an operation as the hub holds it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OperationReport {
    pub operation: uuid::Uuid,
    pub operation_name: String,
    /// The owning administration.
    pub origin: String,
    pub message: uuid::Uuid,
    pub sent_at_ms: i64,
    pub fields: BTreeMap<String, String>,
    /// Who approved the forwarding at the origin, and when.
    pub approved_by: String,
    pub approved_at_ms: i64,
    pub received_ms: i64,
}

#[utoipa::path(post, path = "/api/v1/operations/{id}/messages/{message}/forward", tag = "operations",
    params(("id" = String, Path), ("message" = String, Path)),
    responses((status = 200, body = Forwarded), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn forward(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, message)): Path<(String, String)>,
) -> Result<Json<Forwarded>, ApiError> {
    let (Ok(id), Ok(message)) = (uuid::Uuid::parse_str(&id), uuid::Uuid::parse_str(&message)) else {
        return Err(ApiError::not_found("no such message"));
    };
    let ops = state.operations.clone();
    let f = tokio::task::spawn_blocking(move || ops.forward(&auth.0, id, message)).await??;
    Ok(Json(Forwarded { message: f.message, fields: f.fields }))
}

/// The hub's operation reports, read for `actor` (the read is audited) off the async workers.
pub async fn read_reports(
    state: &AppState,
    actor: String,
) -> Result<Result<Vec<crate::operations::StoredReport>, crate::store::StoreError>, tokio::task::JoinError> {
    let (ops, records) = (state.operations.clone(), state.records.clone());
    tokio::task::spawn_blocking(move || {
        let held = ops.reports()?;
        records.audit_read(&actor, "cen.operation_reports", "cen/operation-reports".into())?;
        Ok(held)
    })
    .await
}

#[utoipa::path(get, path = "/api/v1/cen/operation-reports", tag = "cen",
    responses((status = 200, body = Vec<OperationReport>), (status = 404, description = "not the hub")),
    security(("bearer" = [])))]
pub async fn reports(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<Vec<OperationReport>>, ApiError> {
    let actor = auth.require(Permission::ReadCen)?.username.clone();
    if state.cen.is_none() {
        return Err(ApiError::not_found("only the WCO hub keeps the global CEN database"));
    }
    let held = read_reports(&state, actor).await??;
    Ok(Json(
        held.into_iter()
            .map(|r| OperationReport {
                operation: r.forward.operation,
                operation_name: r.forward.operation_name,
                origin: r.forward.origin,
                message: r.forward.message,
                sent_at_ms: r.forward.sent_at_ms,
                fields: r.forward.fields,
                approved_by: r.consent.approved_by,
                approved_at_ms: r.consent.at_ms,
                received_ms: r.received_ms,
            })
            .collect(),
    ))
}
