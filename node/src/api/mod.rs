//! The REST API under `/api/v1` (DESIGN.md's contract), `/metrics`, and the admin UI at `/`.

pub mod accounts;
pub mod board;
pub mod cen;
pub mod cen_upload;
pub mod code_lists;
pub mod download;
pub mod error;
pub mod extract;
pub mod federation;
pub mod global;
pub mod import;
pub mod node;
pub mod op_export;
pub mod op_forward;
pub mod openapi;
pub mod operations;
pub mod photos;
pub mod records;
pub mod search;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;

use crate::accounts::Accounts;
use crate::metrics::Metrics;
use crate::records::Records;
use crate::store::Store;
use error::ApiError;

/// What every handler may use.
#[derive(Clone, Debug)]
pub struct AppState {
    pub records: Records,
    pub accounts: Accounts,
    pub store: Store,
    pub node: Arc<node::NodeView>,
    pub metrics: Arc<Metrics>,
    /// The code lists in force (swapped when a hub release is taken).
    pub catalog: crate::codelists::CatalogHandle,
    /// Code list releases: published at the hub, taken at a member.
    pub codelists: crate::codelists::CodeListService,
    /// The replication engine and network (absent when the node serves without a network).
    pub engine: Option<crate::federation::engine::Engine>,
    /// The global CEN database: `Some` on the WCO hub only.
    pub cen: Option<crate::cen::CenDb>,
    /// Bulk-upload jobs.
    pub imports: crate::import::ImportJobs,
    /// The node's investigations (case files).
    pub investigations: crate::investigations::Investigations,
    /// The national full-text search index (absent when the node serves without it).
    pub search: Option<crate::search::SearchIndex>,
    /// Photos of records, own and received.
    pub photos: crate::photos::Photos,
    /// CENcomm operations.
    pub operations: crate::operations::Operations,
    /// Publications, the library and the forum.
    pub board: crate::board::Board,
}

async fn count(State(metrics): State<Arc<Metrics>>, req: Request, next: Next) -> Response {
    let method = req.method().as_str().to_owned();
    let response = next.run(req).await;
    metrics.http(&method, response.status().as_u16());
    response
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; see /api/v1/openapi.json")
}

async fn openapi_json() -> Response {
    axum::Json(openapi::ApiDoc::openapi()).into_response()
}

async fn method_not_allowed(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    if response.status() == StatusCode::METHOD_NOT_ALLOWED {
        return ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "this endpoint does not take this method",
        )
        .into_response();
    }
    response
}

/// The whole HTTP application of a node.
pub fn router(state: AppState, ui: Router, max_body_bytes: usize, timeout: Duration) -> Router {
    let api = Router::new()
        .route("/health", get(node::health))
        .route("/node", get(node::node))
        .route("/openapi.json", get(openapi_json))
        .route("/auth/token", post(accounts::token).delete(accounts::logout))
        .route("/auth/password", post(accounts::change_password))
        .route("/auth/me", get(accounts::me))
        .route("/users", get(accounts::list).post(accounts::create))
        .route("/users/{username}/unblock", post(accounts::unblock))
        .route("/users/{username}/reset-password", post(accounts::reset_password))
        .route("/audit", get(node::audit_list))
        .route("/audit/verify", get(node::audit_verify))
        .route("/peers", get(federation::list_peers).post(federation::add_peer))
        .route("/peers/{administration}", axum::routing::delete(federation::remove_peer))
        .route("/peers/{administration}/pull", post(federation::pull_now))
        .route("/agreements", get(federation::list_agreements).post(federation::propose))
        .route("/agreements/{id}", get(federation::get_agreement))
        .route("/agreements/{id}/accept", post(federation::accept))
        .route("/agreements/{id}/reject", post(federation::reject))
        .route("/agreements/{id}/revoke", post(federation::revoke))
        .route("/code-lists", get(code_lists::list))
        .route("/code-lists/releases", post(code_lists::take))
        .route("/code-lists/{list}", get(code_lists::get_one))
        .route("/code-lists/{list}/changes", post(code_lists::publish))
        .route("/code-lists/{list}/releases/{version}", get(code_lists::release))
        .route("/directory", get(federation::directory))
        .route("/directory/members", post(federation::add_member))
        .route("/cen/seizures", get(cen::seizures))
        .route("/cen/statistics", get(cen::statistics))
        .route("/global/search", get(global::search))
        .route("/global/statistics", get(global::statistics))
        .route(
            "/cen/uploads",
            post(cen_upload::start).layer(DefaultBodyLimit::max(crate::import::MAX_FILE_BYTES)),
        )
        .route("/cen/uploads/administrations", get(cen_upload::administrations))
        .route("/cen/uploads/{job}", get(cen_upload::status))
        .route("/search", get(search::search))
        .route(
            "/photos",
            post(photos::upload).layer(DefaultBodyLimit::max(ncen_protocol::wire::MAX_PHOTO_BYTES + 1)),
        )
        .route("/photos/{sha256}", get(photos::get_one))
        .route("/operations", get(operations::list).post(operations::create))
        .route("/operations/{id}", get(operations::get_one).put(operations::update))
        .route("/operations/{id}/join", post(operations::join))
        .route("/operations/{id}/messages", post(operations::send))
        .route("/operations/{id}/messages/{message}/read", post(operations::read))
        .route("/operations/{id}/messages/{message}/forward", post(op_forward::forward))
        .route("/operations/{id}/messages/{message}/attachments/{n}", get(operations::attachment))
        .route("/cen/operation-reports", get(op_forward::reports))
        .route(
            "/publications",
            get(board::list).post(board::publish).layer(DefaultBodyLimit::max(board::MAX_PUBLICATION_BODY)),
        )
        .route("/publications/{id}", get(board::get_one))
        .route("/publications/{id}/unread", post(board::unread))
        .route("/publications/{id}/attachments/{n}", get(board::attachment))
        .route("/library", get(board::library))
        .route(
            "/forum/threads",
            get(board::threads).post(board::new_thread).layer(DefaultBodyLimit::max(board::MAX_POST_BODY)),
        )
        .route("/forum/threads/{id}", get(board::thread))
        .route(
            "/forum/threads/{id}/posts",
            post(board::reply).layer(DefaultBodyLimit::max(board::MAX_POST_BODY)),
        )
        .route("/operations/{id}/access/{user}/reset", post(operations::reset_access))
        .route("/operations/{id}/export.sqlite", get(op_export::sqlite))
        .route("/operations/{id}/export.xlsx", get(op_export::xlsx))
        .route("/photos/{sha256}/thumbnail", get(photos::thumbnail))
        .route("/import", post(import::start).layer(DefaultBodyLimit::max(crate::import::MAX_FILE_BYTES)))
        .route("/import/template.xlsx", get(import::template))
        .route("/import/{job}", get(import::status))
        .route("/{collection}", get(records::list).post(records::create))
        .route("/{collection}/batch", post(records::batch))
        .route("/{collection}/{id}", get(records::get_one).put(records::update).delete(records::delete_one))
        .route("/{collection}/{id}/signed", get(records::signed))
        .fallback(not_found)
        .layer(middleware::from_fn(method_not_allowed))
        .with_state(state.clone());
    Router::new()
        .nest("/api/v1", api)
        .route("/metrics", get(node::metrics).with_state(state.clone()))
        .merge(ui)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::from_fn_with_state(state.metrics.clone(), count))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}
