//! Node-level endpoints: health, identity, metrics and the audit log.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, QueryParams};
use crate::audit::{self, AuditEntry};
use crate::roles::Permission;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    pub status: &'static str,
}

#[utoipa::path(get, path = "/api/v1/health", tag = "node", responses((status = 200, body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Who this node is: what peers and verifiers need to know.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeView {
    pub administration: String,
    pub role: String,
    pub peer_id: String,
    /// Base64 of the 32 raw bytes of the node's Ed25519 public key.
    pub public_key: String,
    /// Addresses the node listens on.
    pub listen: Vec<String>,
    pub version: String,
}

#[utoipa::path(get, path = "/api/v1/node", tag = "node", responses((status = 200, body = NodeView)))]
pub async fn node(State(state): State<AppState>) -> Json<NodeView> {
    Json(state.node.as_ref().clone())
}

pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")],
        state.metrics.render(),
    )
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Return entries after this sequence number (default 0).
    pub after: Option<u64>,
    /// At most this many entries, 1 to 1000 (default 100).
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditParams),
    responses((status = 200, body = Vec<AuditEntry>)), security(("bearer" = [])))]
pub async fn audit_list(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(p): QueryParams<AuditParams>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    auth.require(Permission::ReadAudit)?;
    let limit = p.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request("limit: must be between 1 and 1000"));
    }
    let store = state.store.clone();
    let after = p.after.unwrap_or(0);
    Ok(Json(tokio::task::spawn_blocking(move || audit::list(&store, after, limit)).await??))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditVerification {
    pub valid: bool,
    pub entries: Option<u64>,
    pub head_hash: Option<String>,
    pub problem: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, body = AuditVerification)), security(("bearer" = [])))]
pub async fn audit_verify(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<AuditVerification>, ApiError> {
    auth.require(Permission::ReadAudit)?;
    let store = state.store.clone();
    let result = tokio::task::spawn_blocking(move || audit::verify(&store)).await?;
    Ok(Json(match result {
        Ok(r) => AuditVerification {
            valid: true,
            entries: Some(r.entries),
            head_hash: Some(r.head_hash),
            problem: None,
        },
        Err(e) => {
            AuditVerification { valid: false, entries: None, head_hash: None, problem: Some(e.to_string()) }
        }
    }))
}
