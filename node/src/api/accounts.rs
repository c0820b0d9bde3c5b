//! Authentication and account endpoints: tokens, password changes, and account management by
//! administrators and national contact points.

use axum::Json;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, JsonBody, bearer};
use crate::accounts::{Login, UserView};
use crate::roles::{Permission, Role};

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub username: String,
    pub password: String,
    /// The one-time code, for an account with a second factor.
    pub totp: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = Login), (status = 401, body = super::error::ErrorBody),
        (status = 403, description = "account blocked or inactive", body = super::error::ErrorBody)))]
pub async fn token(
    State(state): State<AppState>,
    JsonBody(req): JsonBody<TokenRequest>,
) -> Result<Json<Login>, ApiError> {
    if req.username.len() > 64 || req.password.len() > 1024 {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "invalid username or password",
        ));
    }
    let accounts = state.accounts.clone();
    let result = tokio::task::spawn_blocking(move || {
        accounts.login(&req.username, &req.password, req.totp.as_deref())
    })
    .await?;
    state.metrics.login(result.is_ok());
    Ok(Json(result?))
}

#[utoipa::path(delete, path = "/api/v1/auth/token", tag = "auth",
    responses((status = 204, description = "the token no longer works")), security(("bearer" = [])))]
pub async fn logout(State(state): State<AppState>, req: Request) -> Result<StatusCode, ApiError> {
    let (mut parts, _) = req.into_parts();
    let auth = Auth::from_request_parts(&mut parts, &state).await?;
    let token = bearer(&parts).ok_or_else(ApiError::unauthenticated)?;
    let accounts = state.accounts.clone();
    tokio::task::spawn_blocking(move || accounts.logout(&token, &auth.0.username)).await??;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = PasswordChange,
    responses((status = 204), (status = 400, body = super::error::ErrorBody)), security(("bearer" = [])))]
pub async fn change_password(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(req): JsonBody<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let accounts = state.accounts.clone();
    tokio::task::spawn_blocking(move || {
        accounts.change_password(&auth.0, &req.current_password, &req.new_password)
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    pub username: String,
    pub role: Role,
    pub password_change_required: bool,
}

#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, body = Me)), security(("bearer" = [])))]
pub async fn me(auth: Auth) -> Json<Me> {
    Json(Me {
        username: auth.0.username,
        role: auth.0.role,
        password_change_required: auth.0.must_change_password,
    })
}

#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, body = Vec<UserView>)), security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> Result<Json<Vec<UserView>>, ApiError> {
    auth.require(Permission::ManageUsers)?;
    let accounts = state.accounts.clone();
    Ok(Json(tokio::task::spawn_blocking(move || accounts.list()).await??))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub username: String,
    pub role: Role,
    pub password: String,
    #[serde(default)]
    pub display_name: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUser,
    responses((status = 201, body = UserView), (status = 400, body = super::error::ErrorBody),
        (status = 409, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(req): JsonBody<NewUser>,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    let actor = auth.require(Permission::ManageUsers)?.clone();
    let accounts = state.accounts.clone();
    let view = tokio::task::spawn_blocking(move || {
        accounts.create(&actor, &req.username, req.role, &req.password, req.display_name)
    })
    .await??;
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(post, path = "/api/v1/users/{username}/unblock", tag = "users",
    params(("username" = String, Path)),
    responses((status = 200, body = UserView), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn unblock(
    State(state): State<AppState>,
    auth: Auth,
    Path(username): Path<String>,
) -> Result<Json<UserView>, ApiError> {
    let actor = auth.require(Permission::ManageUsers)?.clone();
    let accounts = state.accounts.clone();
    Ok(Json(tokio::task::spawn_blocking(move || accounts.unblock(&actor, &username)).await??))
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    /// The new temporary password; omitted, the node generates one and returns it once.
    #[serde(default)]
    pub password: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResetResponse {
    pub user: UserView,
    /// The generated temporary password, if none was given.
    pub temporary_password: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/users/{username}/reset-password", tag = "users",
    params(("username" = String, Path)), request_body = ResetRequest,
    responses((status = 200, body = ResetResponse), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn reset_password(
    State(state): State<AppState>,
    auth: Auth,
    Path(username): Path<String>,
    JsonBody(req): JsonBody<ResetRequest>,
) -> Result<Json<ResetResponse>, ApiError> {
    let actor = auth.require(Permission::ManageUsers)?.clone();
    let accounts = state.accounts.clone();
    let (user, temporary_password) = tokio::task::spawn_blocking(move || {
        accounts.reset_password(&actor, &username, req.password.as_deref())
    })
    .await??;
    Ok(Json(ResetResponse { user, temporary_password }))
}

/// Debug output of requests that carry passwords shows everything but the passwords.
macro_rules! redacted_debug {
    ($ty:ident { $($shown:ident),* } hides { $($hidden:ident),* }) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($shown), &self.$shown))*
                    $(.field(stringify!($hidden), &"<redacted>"))*
                    .finish()
            }
        }
    };
}

redacted_debug!(TokenRequest { username } hides { password });
redacted_debug!(PasswordChange {} hides { current_password, new_password });
redacted_debug!(NewUser { username, role, display_name } hides { password });
redacted_debug!(ResetRequest {} hides { password });
redacted_debug!(ResetResponse { user } hides { temporary_password });
