//! The web UI's controllers: each page checks the session and role on the server, fills the
//! admin-ui crate's page in the reader's language, and every state-changing form is checked for
//! its CSRF token.

// Handlers return `Result<_, Response>`: the error is the page the visitor gets (a redirect to
// the login page, a 403 page), handed straight back to axum, so boxing it would gain nothing.
#![allow(clippy::result_large_err)]

mod account;
mod agreements;
mod audit;
mod board;
mod cases;
mod cen_reports;
mod chrome;
mod code_lists;
mod dashboard;
mod entry;
mod export;
mod forum;
mod global;
mod login;
mod op_compose;
mod op_export;
mod operation;
mod operations;
mod party;
mod peers;
mod photos;
mod record;
mod search;
mod session;
mod stats;
mod suggest;
mod upload;
mod users;

use axum::Router;
use axum::routing::{get, post};

use crate::api::AppState;

/// The UI's routes over this node's state.
pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(dashboard::page))
        .route("/login", get(login::page).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/language", post(account::language))
        .route("/peers", get(peers::page).post(peers::add))
        .route("/peers/{administration}/remove", post(peers::remove))
        .route("/peers/{administration}/pull", post(peers::pull))
        .route("/agreements", get(agreements::page).post(agreements::propose))
        .route("/agreements/{id}", get(agreements::detail))
        .route("/agreements/{id}/revoke", get(agreements::confirm_revoke).post(agreements::revoke))
        .route("/agreements/{id}/accept", post(agreements::accept))
        .route("/agreements/{id}/reject", post(agreements::reject))
        .route("/users", get(users::page).post(users::create))
        .route("/users/{username}/{action}", post(users::act))
        .route("/audit", get(audit::page))
        .route("/code-lists", get(code_lists::index))
        .route("/code-lists/{list}", get(code_lists::show))
        .route("/code-lists/{list}/{action}", post(code_lists::change))
        .route("/search", get(search::page))
        .route("/search/export.xlsx", get(export::to_xlsx))
        .route("/search/export.csv", get(export::to_csv))
        .route("/operations/{id}/export.sqlite", get(op_export::to_sqlite))
        .route("/operations/{id}/export.xlsx", get(op_export::to_xlsx))
        .route("/statistics", get(stats::page))
        .route(
            "/import",
            get(upload::page)
                .post(upload::upload)
                .layer(axum::extract::DefaultBodyLimit::max(crate::import::MAX_FILE_BYTES + 64 * 1024)),
        )
        .route("/import/template.xlsx", get(upload::template))
        .route("/import/{job}", get(upload::job))
        .route("/investigations", get(cases::list).post(cases::open))
        .route("/investigations/{id}", get(cases::show))
        .route("/investigations/{id}/status", post(cases::status))
        .route("/investigations/{id}/assign", post(cases::assign))
        .route("/investigations/{id}/link", post(cases::link))
        .route(
            "/investigations/{id}/note",
            post(cases::note).layer(axum::extract::DefaultBodyLimit::max(
                crate::investigations::MAX_ATTACHMENT + 64 * 1024,
            )),
        )
        .route("/investigations/{id}/attachments/{sha}", get(cases::attachment))
        .route("/operations", get(operations::list).post(operations::create))
        .route("/operations/{id}", get(operation::show).post(operation::update))
        .route("/operations/{id}/join", post(operations::join))
        .route(
            "/operations/{id}/messages",
            post(op_compose::send).layer(axum::extract::DefaultBodyLimit::max(
                2 * ncen_protocol::operation::MAX_ATTACHMENTS_BYTES + 256 * 1024,
            )),
        )
        .route("/operations/{id}/messages/{message}/read", post(operation::read))
        .route("/operations/{id}/read", post(operation::read_all))
        .route("/operations/{id}/messages/{message}/forward", post(operation::forward))
        .route("/operations/{id}/messages/{message}/attachments/{n}", get(operation::attachment))
        .route("/cen/reports", get(cen_reports::page))
        .route("/global", get(global::page))
        .route("/global/statistics", get(global::statistics))
        .route("/global/export.xlsx", get(global::export_xlsx))
        .route("/global/export.csv", get(global::export_csv))
        .route(
            "/publications",
            get(board::list).post(board::publish).layer(axum::extract::DefaultBodyLimit::max(
                2 * ncen_protocol::operation::MAX_ATTACHMENTS_BYTES + 256 * 1024,
            )),
        )
        .route("/publications/{id}", get(board::show))
        .route("/publications/{id}/unread", post(board::mark_unread))
        .route("/publications/{id}/attachments/{n}", get(board::attachment))
        .route("/library", get(board::library))
        .route("/forum", get(forum::list).post(forum::create))
        .route("/forum/{id}", get(forum::show).post(forum::reply))
        .route("/operations/{id}/access/{user}/reset", post(operation::reset_access))
        .route("/records/seizures/new", get(entry::new_form).post(entry::create))
        .route("/records/seizures/{id}/edit", get(entry::edit_form).post(entry::update))
        .route("/records/{collection}/new", get(party::new_form).post(party::create))
        .route("/records/{collection}/suggest", get(suggest::suggest))
        .route("/records/{collection}/{id}/edit", get(party::edit_form).post(party::update))
        .route("/records/{collection}/{id}", get(record::page))
        .route(
            "/records/{collection}/{id}/photos",
            post(photos::add).layer(axum::extract::DefaultBodyLimit::max(
                ncen_protocol::wire::MAX_PHOTO_BYTES + 64 * 1024,
            )),
        )
        .route("/records/{collection}/{id}/photos/{sha}/remove", post(photos::remove))
        .route("/photos/{sha}", get(photos::full))
        .route("/photos/{sha}/thumbnail", get(photos::thumbnail))
        .route("/account", get(account::page))
        .route("/account/password", post(account::password))
        .route("/account/totp", post(account::totp_enable))
        .route("/account/totp/disable", post(account::totp_disable))
        .fallback(chrome::not_found)
        .with_state(state);
    ncen_admin_ui::security::harden(pages.merge(ncen_admin_ui::assets()))
}
