//! Who is asking: the browser session behind the `ncen_session` cookie (HttpOnly,
//! SameSite=Strict, Secure behind TLS), the language of the pages, and the CSRF token every
//! state-changing form must carry back.

use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use ncen_admin_ui::Lang;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::chrome::{self, Problem};
use crate::accounts::Principal;
use crate::api::AppState;
use crate::roles::Permission;

pub const SESSION_COOKIE: &str = "ncen_session";
pub const LANG_COOKIE: &str = "ncen_lang";
/// The CSRF token of forms shown before login (double-submit: cookie and field must match).
pub const PRE_COOKIE: &str = "ncen_pre";

/// Largest form body the UI accepts.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// The visitor of a page: signed in or not.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub principal: Option<Principal>,
    pub token: Option<String>,
    pub csrf: String,
    pub lang: Lang,
    /// The request came over TLS (directly or through a proxy that says so).
    pub secure: bool,
    /// Cookies to set with the response (a new pre-login CSRF token).
    pub jar: CookieJar,
    pub path: String,
    /// The browser says the request comes from another site.
    pub cross_site: bool,
    /// When the signed-in user's password expires, if soon.
    pub password_notice_ms: Option<i64>,
    /// Unread CENcomm messages of the signed-in user, for the navigation.
    pub unread_operations: usize,
    /// The node's code lists in force when the request came.
    pub catalog: std::sync::Arc<ncen_protocol::codelists::Catalog>,
    /// Publications the user has not opened yet, counted when the session was checked.
    pub unread_publications: usize,
}

fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    value.split(',').filter_map(|part| Lang::parse(part.split(';').next().unwrap_or_default())).next()
}

fn cross_site(headers: &HeaderMap) -> bool {
    if headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return false };
    // An opaque origin ("null", or unreadable) is never this site.
    let origin = origin.to_str().unwrap_or("null");
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin == "null" || origin.split("://").nth(1) != Some(host)
}

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // Without an OS random source nothing here can be secure; an empty token matches no form.
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    hex::encode(bytes)
}

/// A cookie with the UI's attributes.
pub fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Strict).secure(secure).build()
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let mut jar = CookieJar::from_headers(&parts.headers);
        let secure = parts.headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https");
        let token = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()).filter(|t| t.len() <= 256);
        let session = match token.clone() {
            Some(token) => {
                let accounts = state.accounts.clone();
                let operations = state.operations.clone();
                let board = state.board.clone();
                tokio::task::spawn_blocking(move || {
                    // API tokens are no browser sessions: they carry no CSRF token.
                    let info =
                        accounts.authenticate_session(&token).ok().filter(|info| info.csrf.is_some())?;
                    let unread = super::operations::unread_total(&operations, &info.principal);
                    let publications = board.unread(&info.principal.username).unwrap_or(0);
                    Some((info, (unread, publications)))
                })
                .await
                .ok()
                .flatten()
            }
            None => None,
        };
        let (principal, csrf, saved_lang, password_notice_ms, (unread_operations, unread_publications)) =
            match session {
                Some((info, unread)) => {
                    (Some(info.principal), info.csrf, info.language, info.password_notice_ms, unread)
                }
                None => (None, None, None, None, (0, 0)),
            };
        let csrf = match csrf {
            Some(c) => c,
            None => match jar.get(PRE_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() == 64) {
                Some(pre) => pre,
                None => {
                    let pre = random_token();
                    jar = jar.add(cookie(PRE_COOKIE, pre.clone(), secure));
                    pre
                }
            },
        };
        let lang = saved_lang
            .as_deref()
            .and_then(Lang::parse)
            .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value())))
            .or_else(|| accept_language(&parts.headers))
            .unwrap_or(Lang::En);
        Ok(Visitor {
            principal,
            token,
            csrf,
            lang,
            secure,
            jar,
            path: parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into()),
            cross_site: cross_site(&parts.headers),
            password_notice_ms,
            unread_operations,
            catalog: state.catalog.current(),
            unread_publications,
        })
    }
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Visitor {
    /// The reader's language, with the node's code lists in force for labels.
    pub fn l10n(&self) -> ncen_admin_ui::L10n {
        ncen_admin_ui::L10n::with_catalog(self.lang, self.catalog.clone())
    }

    /// The signed-in user allowed `permission`; otherwise the login page or a 403 page.
    /// An account whose password must change is sent to its account page first.
    pub fn require(&self, state: &AppState, permission: Option<Permission>) -> Result<&Principal, Response> {
        let Some(p) = &self.principal else {
            let next: String =
                url_escape(if self.path.starts_with("/login") { "/" } else { self.path.as_str() });
            return Err(Redirect::to(&format!("/login?next={next}")).into_response());
        };
        if p.must_change_password {
            return Err(Redirect::to("/account").into_response());
        }
        if let Some(permission) = permission
            && !p.role.allows(permission)
        {
            return Err(chrome::problem(state, self, Problem::Forbidden));
        }
        Ok(p)
    }

    /// Parses a posted form after checking its CSRF token and origin.
    pub fn form<T: DeserializeOwned>(&self, state: &AppState, body: &Bytes) -> Result<T, Response> {
        if body.len() > MAX_FORM_BYTES {
            return Err(chrome::problem(state, self, Problem::BadForm));
        }
        let field: CsrfField =
            serde_html_form::from_bytes(body).map_err(|_| chrome::problem(state, self, Problem::Csrf))?;
        self.check_csrf(state, &field.csrf)?;
        serde_html_form::from_bytes(body).map_err(|_| chrome::problem(state, self, Problem::BadForm))
    }

    /// Checks a form's CSRF token and origin (multipart forms read their fields themselves).
    pub fn check_csrf(&self, state: &AppState, token: &str) -> Result<(), Response> {
        if self.cross_site || token.is_empty() || !same(token, &self.csrf) {
            tracing::warn!(path = %self.path, "form refused: missing or wrong CSRF token");
            return Err(chrome::problem(state, self, Problem::Csrf));
        }
        Ok(())
    }
}

/// Percent-escapes a local path for a query parameter.
fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// A redirect target from a form: a path of this site only.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && next.len() < 512;
    if ok { next } else { "/" }
}
