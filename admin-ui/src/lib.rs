//! The node's local web UI. For now: the status page an administrator opens first. It reads
//! what it shows through [`StatusSource`], never from the store.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use askama::Template;

/// What the status page shows about the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeStatus {
    pub administration: String,
    pub role: String,
    pub peer_id: String,
    pub public_key: String,
    pub listen: Vec<String>,
    pub version: String,
    /// Entries in the audit chain.
    pub audit_entries: u64,
    /// Revisions in this node's origin log.
    pub log_entries: u64,
}

/// Where the UI gets its data; the node implements it over its services.
/// Implementations answer from memory: the page is rendered on an async worker.
pub trait StatusSource: Clone + Send + Sync + 'static {
    fn status(&self) -> NodeStatus;
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage<'a> {
    s: &'a NodeStatus,
}

async fn status_page<S: StatusSource>(State(source): State<S>) -> Response {
    let status = source.status();
    match (StatusPage { s: &status }).render() {
        Ok(html) => Html(html).into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "cannot render the status page").into_response(),
    }
}

async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], include_str!("../static/ncen.css"))
}

/// The UI's routes, to merge into the node's application.
pub fn router<S: StatusSource>(source: S) -> Router {
    Router::new()
        .route("/", get(status_page::<S>))
        .route("/static/ncen.css", get(stylesheet))
        .with_state(source)
}
