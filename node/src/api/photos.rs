//! Photos over the API: `POST /api/v1/photos` uploads the bytes of a JPEG or PNG (checked by
//! content; the answer gives the SHA-256 and media type a record's `photos` entry names);
//! `GET /api/v1/photos/{sha256}` and `.../thumbnail` read them back.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::AppState;
use super::error::ApiError;
use super::extract::Auth;
use crate::photos::{PhotoError, StorePhotoError};
use crate::roles::Permission;

/// A stored photo.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PhotoInfo {
    /// Lowercase hex SHA-256 of the bytes: the `sha256` of a record's photo entry.
    pub sha256: String,
    /// `image/jpeg` or `image/png`, read from the content.
    pub media_type: String,
    pub width: u32,
    pub height: u32,
}

impl From<StorePhotoError> for ApiError {
    fn from(e: StorePhotoError) -> Self {
        match e {
            StorePhotoError::Photo(p @ PhotoError::TooLarge { .. }) => {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", p.to_string())
            }
            StorePhotoError::Photo(p @ (PhotoError::Unsupported(_) | PhotoError::NotAnImage)) => {
                ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", p.to_string())
            }
            StorePhotoError::Photo(p) => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_photo", p.to_string())
            }
            StorePhotoError::Store(s) => s.into(),
        }
    }
}

/// Who may read photos here: CEN users at the hub, record readers at a national node.
pub fn read_permission(state: &AppState) -> Permission {
    if state.cen.is_some() { Permission::ReadCen } else { Permission::ReadRecords }
}

#[utoipa::path(post, path = "/api/v1/photos", tag = "photos",
    request_body(description = "the image: JPEG or PNG, at most 4 MiB; the type is read from the bytes",
        content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"))),
    responses((status = 201, body = PhotoInfo, description = "stored (or already held)"),
        (status = 400, body = super::error::ErrorBody, description = "empty, damaged or too many pixels"),
        (status = 403, body = super::error::ErrorBody), (status = 413, body = super::error::ErrorBody),
        (status = 415, body = super::error::ErrorBody, description = "not a JPEG or PNG image")),
    security(("bearer" = [])))]
pub async fn upload(State(state): State<AppState>, auth: Auth, req: Request) -> Result<Response, ApiError> {
    let actor = auth.require(Permission::WriteRecords)?.username.clone();
    let bytes = Bytes::from_request(req, &state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", "a photo may hold at most 4 MiB")
        } else {
            ApiError::bad_request(format!("cannot read the body: {}", rejection.body_text()))
        }
    })?;
    let photos = state.photos.clone();
    let inspected = tokio::task::spawn_blocking(move || photos.upload(&actor, &bytes, "api")).await??;
    let location = format!("/api/v1/photos/{}", inspected.sha256);
    let info = PhotoInfo {
        sha256: inspected.sha256,
        media_type: inspected.media_type.to_owned(),
        width: inspected.width,
        height: inspected.height,
    };
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(info)).into_response())
}

#[utoipa::path(get, path = "/api/v1/photos/{sha256}", tag = "photos",
    params(("sha256" = String, Path, description = "hex SHA-256 of the photo")),
    responses((status = 200, description = "the image as uploaded", content_type = "image/jpeg"),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_one(
    State(state): State<AppState>,
    auth: Auth,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    let actor = auth.require(read_permission(&state))?.username.clone();
    let photos = state.photos.clone();
    let records = state.records.clone();
    let sha = sha256.to_ascii_lowercase();
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let found = photos.bytes(&sha)?;
        if found.is_some() {
            records.audit_read(&actor, "photo.read", format!("photos/{sha}"))?;
        }
        Ok(found)
    })
    .await??;
    let (media_type, bytes) = found.ok_or_else(|| ApiError::not_found("no such photo at this node"))?;
    Ok(super::download::image(media_type, bytes))
}

#[utoipa::path(get, path = "/api/v1/photos/{sha256}/thumbnail", tag = "photos",
    params(("sha256" = String, Path, description = "hex SHA-256 of the photo")),
    responses((status = 200, description = "a JPEG at most 240 pixels on its longest side", content_type = "image/jpeg"),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn thumbnail(
    State(state): State<AppState>,
    auth: Auth,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    auth.require(read_permission(&state))?;
    let photos = state.photos.clone();
    let found = tokio::task::spawn_blocking(move || photos.thumbnail(&sha256)).await??;
    let bytes = found.ok_or_else(|| ApiError::not_found("no such photo at this node"))?;
    Ok(super::download::image("image/jpeg", bytes))
}
