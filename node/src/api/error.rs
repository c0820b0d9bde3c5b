//! API errors: one JSON shape, `{"error": {"code", "message", "details"?}}`, with the status
//! that fits; internal failures are logged and never described to the caller.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::accounts::AccountError;
use crate::records::{BatchError, RecordError};
use crate::store::StoreError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorContent,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorContent {
    /// Stable, machine-readable code, e.g. `validation_failed`.
    pub code: String,
    /// What went wrong, for a person.
    pub message: String,
    /// Per-field or per-item errors, when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into(), details: None }
    }

    pub fn details(mut self, details: impl Serialize) -> Self {
        self.details = serde_json::to_value(details).ok();
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn unauthenticated() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "missing, invalid or expired bearer token: POST /api/v1/auth/token first",
        )
    }

    pub fn internal(context: &str, error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "{context}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error; see the node's log")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorContent { code: self.code.to_owned(), message: self.message, details: self.details },
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED
            && let Ok(v) = header::HeaderValue::from_str("Bearer realm=\"ncen\"")
        {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::internal("store failure", e)
    }
}

impl From<RecordError> for ApiError {
    fn from(e: RecordError) -> Self {
        let msg = e.to_string();
        match e {
            RecordError::Invalid(v) => {
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", msg).details(v.0)
            }
            RecordError::NotFound { .. } => ApiError::not_found(msg),
            RecordError::Deleted { .. } => ApiError::new(StatusCode::GONE, "deleted", msg),
            RecordError::Duplicate { existing, .. } => ApiError::new(StatusCode::CONFLICT, "duplicate", msg)
                .details(serde_json::json!({ "existing": existing })),
            RecordError::NotOwner { .. } => ApiError::new(StatusCode::FORBIDDEN, "not_owner", msg),
            RecordError::Stale { .. } => ApiError::new(StatusCode::CONFLICT, "revision_conflict", msg),
            RecordError::Sign(e) => ApiError::internal("signing failed", e),
            RecordError::Store(e) => e.into(),
        }
    }
}

impl From<BatchError> for ApiError {
    fn from(e: BatchError) -> Self {
        match e {
            BatchError::Invalid(items) => {
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", e_msg(items.len())).details(items)
            }
            BatchError::Record(r) => r.into(),
        }
    }
}

fn e_msg(n: usize) -> String {
    format!("{n} item(s) of the batch are invalid; nothing was stored")
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        let msg = e.to_string();
        match e {
            AccountError::BadCredentials => ApiError::new(StatusCode::UNAUTHORIZED, "bad_credentials", msg),
            AccountError::Blocked(_) => ApiError::new(StatusCode::FORBIDDEN, "account_blocked", msg),
            AccountError::Inactive(_) => ApiError::new(StatusCode::FORBIDDEN, "account_inactive", msg),
            AccountError::Deactivated => ApiError::new(StatusCode::FORBIDDEN, "account_deactivated", msg),
            AccountError::TotpRequired => ApiError::new(StatusCode::UNAUTHORIZED, "totp_required", msg),
            AccountError::TotpWrong => ApiError::new(StatusCode::UNAUTHORIZED, "totp_wrong", msg),
            AccountError::BadToken => ApiError::unauthenticated(),
            AccountError::NoSuchUser(_) => ApiError::not_found(msg),
            AccountError::Exists(_) => ApiError::new(StatusCode::CONFLICT, "exists", msg),
            AccountError::Forbidden { .. } => ApiError::forbidden(msg),
            AccountError::Invalid { field, .. } => {
                let details = vec![serde_json::json!({ "field": field, "message": msg })];
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", msg).details(details)
            }
            AccountError::Hash(e) => ApiError::internal("password hashing failed", e),
            AccountError::Store(e) => e.into(),
        }
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError::internal("background task failed", e)
    }
}
