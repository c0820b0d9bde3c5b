//! My account: profile, language, password change (forced after a reset or expiry) and the
//! optional TOTP second factor. Also the language picker every page carries.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use ncen_admin_ui::Lang;
use ncen_admin_ui::pages::{AccountPage, FieldErrors, Notice, TotpSetup};
use serde::Deserialize;

use super::chrome::{self, Done, chrome, role_label};
use super::session::{LANG_COOKIE, Visitor, cookie, local_path};
use crate::accounts::AccountError;
use crate::api::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct AccountQuery {
    totp: Option<String>,
    done: Option<String>,
}

async fn render(
    state: &AppState,
    v: &Visitor,
    errors: FieldErrors,
    setup: bool,
    notices: Vec<Notice>,
) -> Response {
    let Some(p) = v.principal.clone() else {
        return Redirect::to("/login?next=/account").into_response();
    };
    let l = v.l10n();
    let accounts = state.accounts.clone();
    let username = p.username.clone();
    let loaded = tokio::task::spawn_blocking(move || {
        let user = accounts.load(&username)?.ok_or(AccountError::BadToken)?;
        let view = accounts.view(&user);
        let offer = if setup && user.totp_secret.is_none() {
            let who = crate::accounts::Principal { username: username.clone(), ..p.clone() };
            Some(accounts.totp_offer(&who)?)
        } else {
            None
        };
        Ok::<_, AccountError>((view, offer))
    })
    .await;
    let (view, offer) = match loaded {
        Ok(Ok(x)) => x,
        _ => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let totp_setup = match offer {
        Some((secret, url)) => match qrcode::QrCode::new(url.as_bytes()) {
            Ok(code) => {
                let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
                Some(TotpSetup {
                    secret,
                    qr_svg_base64: base64::engine::general_purpose::STANDARD.encode(svg),
                })
            }
            Err(_) => return chrome::problem(state, v, chrome::Problem::Internal),
        },
        None => None,
    };
    let policy = state.accounts.policy();
    let mut all = chrome::expiry_notice(v);
    all.extend(notices);
    let page = AccountPage {
        c: chrome(state, v, "", all),
        username: view.username.clone(),
        display_name: view.display_name.clone(),
        role_label: role_label(&l, view.role),
        password_expires: view.password_expires_at_ms.map(|ms| l.datetime(ms)).unwrap_or_else(|| "—".into()),
        password_help: l.t2(
            "account-password-help",
            "min",
            policy.password_min_length,
            "days",
            policy.password_max_age_days,
        ),
        errors,
        totp_enabled: view.totp,
        totp_setup,
    };
    chrome::page(v, &page)
}

fn signed_in(v: &Visitor) -> Result<crate::accounts::Principal, Response> {
    // Deliberately not `require`: a user who must change their password may open this page.
    v.principal.clone().ok_or_else(|| Redirect::to("/login?next=/account").into_response())
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(q): Query<AccountQuery>) -> Response {
    if let Err(r) = signed_in(&v) {
        return r;
    }
    let l = v.l10n();
    let notices = Done { done: q.done.clone(), who: None }.notice(&l).into_iter().collect();
    render(&state, &v, FieldErrors::default(), q.totp.as_deref() == Some("setup"), notices).await
}

#[derive(Debug, Deserialize)]
pub struct PasswordIn {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    repeat_password: String,
}

pub async fn password(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let who = match signed_in(&v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let f: PasswordIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let min = state.accounts.policy().password_min_length;
    let mut errors = FieldErrors::default();
    if f.current_password.is_empty() {
        errors.add("current_password", l.t("field-required"));
    }
    if f.new_password.chars().count() < min || f.new_password.len() > 1024 {
        errors.add("new_password", l.t1("field-password-length", "min", min));
    } else if f.new_password == f.current_password {
        errors.add("new_password", l.t("field-password-same"));
    }
    if f.repeat_password != f.new_password {
        errors.add("repeat_password", l.t("field-password-mismatch"));
    }
    if !errors.is_empty() {
        return render(&state, &v, errors, false, Vec::new()).await;
    }
    let accounts = state.accounts.clone();
    let result = tokio::task::spawn_blocking(move || {
        accounts.change_password(&who, &f.current_password, &f.new_password)
    })
    .await;
    match result {
        Ok(Ok(())) => Redirect::to("/account?done=password").into_response(),
        Ok(Err(AccountError::Invalid { field: "current_password", .. })) => {
            errors.add("current_password", l.t("field-password-wrong"));
            render(&state, &v, errors, false, Vec::new()).await
        }
        Ok(Err(AccountError::Invalid { .. })) => {
            errors.add("new_password", l.t1("field-password-length", "min", min));
            render(&state, &v, errors, false, Vec::new()).await
        }
        Ok(Err(e)) => chrome::api_problem(&state, &v, e.into()),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct TotpIn {
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
}

pub async fn totp_enable(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let who = match v.require(&state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: TotpIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let accounts = state.accounts.clone();
    let result = tokio::task::spawn_blocking(move || accounts.enable_totp(&who, &f.secret, &f.code)).await;
    match result {
        Ok(Ok(())) => Redirect::to("/account?done=totp-on").into_response(),
        Ok(Err(AccountError::Invalid { .. })) => {
            let l = v.l10n();
            let mut errors = FieldErrors::default();
            errors.add("code", l.t("field-bad-totp"));
            // A new secret is offered: the one just posted is never reused from a form.
            render(&state, &v, errors, true, Vec::new()).await
        }
        Ok(Err(e)) => chrome::api_problem(&state, &v, e.into()),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct Empty {}

pub async fn totp_disable(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let who = match v.require(&state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    if let Err(r) = v.form::<Empty>(&state, &body) {
        return r;
    }
    let accounts = state.accounts.clone();
    match tokio::task::spawn_blocking(move || accounts.disable_totp(&who)).await {
        Ok(Ok(())) => Redirect::to("/account?done=totp-off").into_response(),
        Ok(Err(e)) => chrome::api_problem(&state, &v, e.into()),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct LanguageIn {
    #[serde(default)]
    lang: String,
}

/// The language picker: a cookie for everyone, and the account's preference once signed in.
pub async fn language(
    State(state): State<AppState>,
    v: Visitor,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let f: LanguageIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(lang) = Lang::parse(&f.lang) else {
        return chrome::problem(&state, &v, chrome::Problem::BadForm);
    };
    if let Some(p) = v.principal.clone() {
        let accounts = state.accounts.clone();
        if !matches!(tokio::task::spawn_blocking(move || accounts.set_language(&p, lang)).await, Ok(Ok(()))) {
            return chrome::problem(&state, &v, chrome::Problem::Internal);
        }
    }
    // Back to the page the picker was on, when the browser says which (same site only).
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
        .unwrap_or_else(|| "/".into());
    let jar = v.jar.clone().add(cookie(LANG_COOKIE, lang.code().to_owned(), v.secure));
    (jar, Redirect::to(local_path(&back))).into_response()
}
