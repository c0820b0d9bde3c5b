//! File responses shared by the API and the web UI: a download that the browser never renders,
//! and an image shown as what it is and never sniffed as anything else.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `bytes` as a download named `name` (reduced to letters, digits, `.`, `_`, `-` and spaces).
pub fn attachment(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || "._- ".contains(*c)).collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// An image the browser shows as such and never sniffs as anything else.
pub fn image(media_type: &'static str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_DISPOSITION, "inline"),
            (header::CACHE_CONTROL, "private, max-age=86400, immutable"),
        ],
        bytes,
    )
        .into_response()
}
