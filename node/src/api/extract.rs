//! Request extractors that answer bad input with the API's JSON errors: the bearer token,
//! JSON bodies (the error names the field that did not fit) and query strings.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use super::AppState;
use super::error::ApiError;
use crate::accounts::Principal;
use crate::roles::Permission;

/// The authenticated caller.
#[derive(Debug, Clone)]
pub struct Auth(pub Principal);

/// The bearer token of the request, if it has one.
pub fn bearer(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(ApiError::unauthenticated)?;
        let accounts = state.accounts.clone();
        let principal = tokio::task::spawn_blocking(move || accounts.authenticate(&token)).await??;
        Ok(Auth(principal))
    }
}

impl Auth {
    /// Checks the caller's role; an account whose password must change may do nothing else.
    pub fn require(&self, permission: Permission) -> Result<&Principal, ApiError> {
        if self.0.must_change_password {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "password_change_required",
                "the password must be changed first: POST /api/v1/auth/password",
            ));
        }
        if !self.0.role.allows(permission) {
            return Err(ApiError::forbidden(format!(
                "a {} may not do this ({permission:?})",
                self.0.role.as_str()
            )));
        }
        Ok(&self.0)
    }
}

/// A JSON body deserialized with the path of the failing field in the error.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

/// Parses JSON bytes into `T`, naming the field that failed.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            let field = if path == "." { "(body)".to_owned() } else { path };
            ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", format!("{field}: {inner}"))
                .details(vec![serde_json::json!({ "field": field, "message": inner.to_string() })])
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!("the body is not valid JSON: {inner}"),
            )
        }
    })?;
    de.end().map_err(|e| {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", format!("the body is not valid JSON: {e}"))
    })?;
    Ok(value)
}

/// Reads the body of a JSON request, answering oversize and wrong content types clearly.
pub async fn json_bytes(req: Request, state: &AppState) -> Result<Bytes, ApiError> {
    let is_json = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
    });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as Content-Type: application/json",
        ));
    }
    Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "the body is larger than this node accepts",
            )
        } else {
            ApiError::bad_request(format!("cannot read the body: {}", rejection.body_text()))
        }
    })
}

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let bytes = json_bytes(req, state).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// A query string deserialized into `T`; unknown or malformed parameters are a 400.
#[derive(Debug)]
pub struct QueryParams<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| QueryParams(q))
            .map_err(|e| ApiError::bad_request(format!("bad query string: {}", e.body_text())))
    }
}
