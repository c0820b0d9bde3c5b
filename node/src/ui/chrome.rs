//! What every page shares: the header with its navigation (only what the role may open), the
//! language picker, notices (password expiry, what was just done) and the error pages.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ncen_admin_ui::pages::{Chrome, ErrorPage, NavItem, Notice, UserBadge};
use ncen_admin_ui::{L10n, render};
use ncen_protocol::codelists::ListId;

use super::session::Visitor;
use crate::api::AppState;
use crate::api::error::ApiError;
use crate::roles::{Permission, Role};

/// The message id of a role's name.
pub fn role_label(l: &L10n, role: Role) -> String {
    l.t(&format!("role-{}", role.as_str()))
}

/// An administration as people read it: its country's name, or the hub's.
pub fn admin_label(l: &L10n, code: &str) -> String {
    if code == "WCO" { l.t("dash-hub") } else { l.code(ListId::Country, code) }
}

const NAV: [(&str, &str, &str, &[Permission]); 16] = [
    ("dashboard", "/", "nav-dashboard", &[]),
    ("search", "/search", "nav-search", &[Permission::ReadRecords]),
    ("new-seizure", "/records/seizures/new", "nav-new-seizure", &[Permission::WriteRecords]),
    ("import", "/import", "nav-import", &[Permission::WriteRecords, Permission::UploadForMembers]),
    ("investigations", "/investigations", "nav-investigations", &[Permission::WorkInvestigations]),
    (
        "operations",
        "/operations",
        "nav-operations",
        &[Permission::UseOperations, Permission::CoordinateOperations],
    ),
    ("global", "/global", "nav-global", &[Permission::ReadCen]),
    ("cen-reports", "/cen/reports", "nav-cen-reports", &[Permission::ReadCen]),
    ("publications", "/publications", "nav-publications", &[]),
    ("library", "/library", "nav-library", &[]),
    ("forum", "/forum", "nav-forum", &[]),
    ("peers", "/peers", "nav-peers", &[Permission::ReadFederation]),
    ("agreements", "/agreements", "nav-agreements", &[Permission::ReadFederation]),
    ("users", "/users", "nav-users", &[Permission::ManageUsers]),
    ("code-lists", "/code-lists", "nav-code-lists", &[Permission::ReadFederation]),
    ("audit", "/audit", "nav-audit", &[Permission::ReadAudit]),
];

/// The shared part of a page. `active` is the key of the navigation entry to highlight.
pub fn chrome(state: &AppState, v: &Visitor, active: &str, mut notices: Vec<Notice>) -> Chrome {
    let l = v.l10n();
    let node_role = if state.node.role == "hub" { l.t("role-hub") } else { l.t("role-national") };
    let hub = state.node.role == "hub";
    let (user, nav) = match &v.principal {
        Some(p) => {
            let nav = NAV
                .iter()
                .filter(|(_, _, _, perms)| perms.is_empty() || perms.iter().any(|x| p.role.allows(*x)))
                // The operations' seizure reports are kept at the hub; operations at members.
                .filter(|(key, _, _, _)| match *key {
                    "cen-reports" | "code-lists" => hub,
                    // The hub keeps no national records: its users search the global CEN.
                    "operations" | "search" | "new-seizure" | "investigations" => !hub,
                    // At the hub, uploads are made on behalf of members without a node.
                    "import" => p.role.allows(if hub {
                        Permission::UploadForMembers
                    } else {
                        Permission::WriteRecords
                    }),
                    _ => true,
                })
                .map(|(key, href, label, _)| NavItem {
                    key,
                    href,
                    label,
                    active: *key == active,
                    // Unread CENcomm messages, counted when the session was checked.
                    badge: match *key {
                        "operations" if v.unread_operations > 0 => Some(l.num(v.unread_operations as i64)),
                        // Publications this user has not opened yet.
                        "publications" if v.unread_publications > 0 => {
                            Some(l.num(v.unread_publications as i64))
                        }
                        _ => None,
                    },
                })
                .collect();
            if p.must_change_password {
                notices.insert(0, Notice { kind: "warn", text: l.t("notice-password-change-required") });
            }
            (Some(UserBadge { username: p.username.clone(), role_label: role_label(&l, p.role) }), nav)
        }
        None => (None, Vec::new()),
    };
    Chrome {
        l,
        admin: state.node.administration.clone(),
        node_role,
        user,
        nav,
        csrf: v.csrf.clone(),
        notices,
        langs: ncen_admin_ui::languages(),
    }
}

/// The notice announcing password expiry, when it is near.
pub fn expiry_notice(v: &Visitor) -> Vec<Notice> {
    let Some(ms) = v.password_notice_ms else { return Vec::new() };
    let l = v.l10n();
    vec![Notice { kind: "warn", text: l.t1("notice-password-expires", "date", l.datetime(ms)) }]
}

/// Why a page cannot be shown.
#[derive(Debug)]
pub enum Problem {
    Forbidden,
    NotFound,
    Csrf,
    BadForm,
    Internal,
    NoNetwork,
}

/// The error page for `problem`, in the visitor's language.
pub fn problem(state: &AppState, v: &Visitor, problem: Problem) -> Response {
    let l = v.l10n();
    let (status, title, message) = match problem {
        Problem::Forbidden => {
            let role = v.principal.as_ref().map(|p| role_label(&l, p.role)).unwrap_or_default();
            (StatusCode::FORBIDDEN, l.t("error-forbidden-title"), l.t1("error-forbidden", "role", role))
        }
        Problem::NotFound => (StatusCode::NOT_FOUND, l.t("error-not-found-title"), l.t("error-not-found")),
        Problem::Csrf => (StatusCode::FORBIDDEN, l.t("error-title"), l.t("error-csrf")),
        Problem::BadForm => (StatusCode::BAD_REQUEST, l.t("error-title"), l.t("error-csrf")),
        Problem::Internal => (StatusCode::INTERNAL_SERVER_ERROR, l.t("error-title"), l.t("error-internal")),
        Problem::NoNetwork => (StatusCode::SERVICE_UNAVAILABLE, l.t("error-title"), l.t("error-network-off")),
    };
    let page = ErrorPage { c: chrome(state, v, "", Vec::new()), title, message };
    (v.jar.clone(), render(status, &page)).into_response()
}

/// An error of a service shown as a page: 404 and 403 as such, anything else as a failure
/// whose details stay in the log.
pub fn api_problem(state: &AppState, v: &Visitor, e: ApiError) -> Response {
    match e.status {
        StatusCode::NOT_FOUND => problem(state, v, Problem::NotFound),
        StatusCode::FORBIDDEN => problem(state, v, Problem::Forbidden),
        StatusCode::SERVICE_UNAVAILABLE => problem(state, v, Problem::NoNetwork),
        _ => {
            tracing::error!(code = e.code, message = %e.message, "web UI request failed");
            problem(state, v, Problem::Internal)
        }
    }
}

/// Unknown pages.
pub async fn not_found(axum::extract::State(state): axum::extract::State<AppState>, v: Visitor) -> Response {
    problem(&state, &v, Problem::NotFound)
}

/// What was just done, from the `done` and `who` query parameters of a redirect after a form.
pub fn done_notice(l: &L10n, done: Option<&str>, who: Option<&str>) -> Option<Notice> {
    const DONE: [(&str, &str, &str); 18] = [
        ("seizure-saved", "form-saved", "reference"),
        ("saved", "notice-saved", ""),
        ("peer-added", "peers-added", "admin"),
        ("member-admitted", "peers-member-admitted", "admin"),
        ("peer-removed", "peers-removed", "admin"),
        ("proposed", "agr-proposed", "admin"),
        ("accepted", "agr-accepted", "admin"),
        ("rejected", "agr-rejected", "admin"),
        ("revoked", "agr-revoked", "admin"),
        ("user-created", "users-created", "user"),
        ("unblocked", "users-unblocked", "user"),
        ("deactivated", "users-deactivated", "user"),
        ("reactivated", "users-reactivated", "user"),
        ("password", "account-password-changed", ""),
        ("totp-on", "account-totp-enabled", ""),
        ("totp-off", "account-totp-disabled", ""),
        ("photo-added", "photo-added", ""),
        ("photo-removed", "photo-removed", ""),
    ];
    let (_, id, arg) = DONE.iter().find(|(key, _, _)| Some(*key) == done)?;
    let who = who.unwrap_or_default();
    let safe = !who.is_empty()
        && who.len() <= 64
        && who.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    let text = if arg.is_empty() {
        l.t(id)
    } else if safe {
        l.t1(id, arg, who)
    } else {
        return None;
    };
    Some(Notice { kind: "ok", text })
}

/// The `done` flash parameters of a page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    pub done: Option<String>,
    pub who: Option<String>,
}

impl Done {
    pub fn notice(&self, l: &L10n) -> Option<Notice> {
        done_notice(l, self.done.as_deref(), self.who.as_deref())
    }
}

/// Renders `page` with the visitor's pending cookies.
pub fn page<T: ncen_admin_ui::Template>(v: &Visitor, page: &T) -> Response {
    (v.jar.clone(), render(StatusCode::OK, page)).into_response()
}
