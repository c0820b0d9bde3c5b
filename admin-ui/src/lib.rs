//! The node's local web UI: pages (askama templates), their languages (Fluent, ICU4X), static
//! assets and security headers. It holds no node logic: the node's `ui` module fills the pages.

pub mod charts;
pub mod i18n;
pub mod pages;
pub mod security;

pub use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

pub use i18n::{L10n, Lang};

/// Renders a page, or a plain 500 if the template fails.
pub fn render<T: Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "cannot render this page").into_response(),
    }
}

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        include_str!("../static/ncen.css"),
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        include_str!("../static/ncen.js"),
    )
}

/// The static assets.
pub fn assets<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/static/ncen.css", get(stylesheet)).route("/static/ncen.js", get(script))
}

/// The languages of the picker: (code, name in itself).
pub fn languages() -> Vec<(&'static str, &'static str)> {
    Lang::ALL.iter().map(|l| (l.code(), l.native_name())).collect()
}
