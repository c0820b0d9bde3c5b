//! Logging in and out. A login opens a new browser session (a new random id, never the one the
//! browser came with) and says in the visitor's language why it failed.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::pages::{LoginPage, Notice};
use serde::Deserialize;

use super::chrome::{self, chrome};
use super::session::{SESSION_COOKIE, Visitor, cookie, local_path};
use crate::accounts::AccountError;
use crate::api::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    done: Option<String>,
}

fn login_page(
    state: &AppState,
    v: &Visitor,
    username: String,
    next: String,
    error: Option<String>,
    ask_totp: bool,
    notices: Vec<Notice>,
) -> Response {
    let page = LoginPage { c: chrome(state, v, "", notices), username, next, error, ask_totp };
    chrome::page(v, &page)
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(q): Query<LoginQuery>) -> Response {
    if v.principal.is_some() {
        return Redirect::to("/").into_response();
    }
    let l = v.l10n();
    let mut notices = Vec::new();
    match q.done.as_deref() {
        Some("logout") => notices.push(Notice { kind: "ok", text: l.t("login-logged-out") }),
        _ if v.token.is_some() => notices.push(Notice { kind: "warn", text: l.t("login-expired") }),
        _ => {}
    }
    let next = local_path(q.next.as_deref().unwrap_or("/")).to_owned();
    login_page(&state, &v, String::new(), next, None, false, notices)
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp: Option<String>,
    #[serde(default)]
    next: String,
}

pub async fn submit(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let form: LoginForm = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let username = form.username.trim().to_ascii_lowercase();
    let next = local_path(&form.next).to_owned();
    if username.is_empty() || username.len() > 64 || form.password.is_empty() || form.password.len() > 1024 {
        return login_page(&state, &v, username, next, Some(l.t("login-failed")), false, Vec::new());
    }
    let accounts = state.accounts.clone();
    let (name, password, totp) =
        (username.clone(), form.password, form.totp.filter(|t| !t.trim().is_empty()));
    let asked_totp = totp.is_some();
    let result =
        tokio::task::spawn_blocking(move || accounts.login_with(&name, &password, totp.as_deref(), true))
            .await;
    let result = match result {
        Ok(r) => r,
        Err(_) => return chrome::problem(&state, &v, chrome::Problem::Internal),
    };
    state.metrics.login(result.is_ok());
    let message = match result {
        Ok(login) => {
            // The session id is new: whatever id the browser had before is dropped here.
            if let Some(old) = v.token.clone() {
                let accounts = state.accounts.clone();
                let who = username.clone();
                let _ = tokio::task::spawn_blocking(move || accounts.logout(&old, &who)).await;
            }
            let jar = v.jar.clone().add(cookie(SESSION_COOKIE, login.token, v.secure));
            let to = if login.password_change_required { "/account" } else { next.as_str() };
            return (jar, Redirect::to(to)).into_response();
        }
        Err(AccountError::BadCredentials) => l.t("login-failed"),
        Err(AccountError::Blocked(n)) => l.t1("login-blocked", "count", n),
        Err(AccountError::Inactive(days)) => l.t1("login-inactive", "days", days),
        Err(AccountError::Deactivated) => l.t("login-deactivated"),
        Err(AccountError::TotpRequired) => {
            let text = if asked_totp { l.t("login-totp-wrong") } else { l.t("login-totp-required") };
            return login_page(&state, &v, username, next, Some(text), true, Vec::new());
        }
        Err(AccountError::TotpWrong) => {
            return login_page(&state, &v, username, next, Some(l.t("login-totp-wrong")), true, Vec::new());
        }
        Err(e) => {
            tracing::error!(error = %e, "login failed");
            l.t("error-internal")
        }
    };
    login_page(&state, &v, username, next, Some(message), false, Vec::new())
}

#[derive(Debug, Deserialize)]
pub struct Empty {}

pub async fn logout(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    if let Err(r) = v.form::<Empty>(&state, &body) {
        return r;
    }
    if let (Some(token), Some(p)) = (v.token.clone(), v.principal.clone()) {
        let accounts = state.accounts.clone();
        let _ = tokio::task::spawn_blocking(move || accounts.logout(&token, &p.username)).await;
    }
    let jar = v.jar.clone().remove(cookie(SESSION_COOKIE, String::new(), v.secure));
    (jar, Redirect::to("/login?done=logout")).into_response()
}
