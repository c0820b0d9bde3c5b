//! The forum in the web UI: threads between users of every member, a thread with each post's
//! verified signer, and the forms to start a thread or reply (CSRF-checked; the post is signed
//! by this node and carried by the hub).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::FieldErrors;
use ncen_admin_ui::pages::board::{ForumPage, PostForm, PostRow, ThreadPage, ThreadRow};
use ncen_protocol::board::ForumPost;

use super::chrome::{self, Problem, admin_label, chrome};
use super::operations::translate;
use super::session::Visitor;
use crate::api::AppState;
use crate::api::error::ApiError;
use crate::board::member::NewPost;
use crate::roles::Permission;

/// A text's paragraphs (blank lines apart; browsers send `\r\n`).
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n").split("\n\n").map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

async fn forum_page(state: &AppState, v: &Visitor, form: Option<PostForm>) -> Response {
    let user = match v.require(state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let (board, u) = (state.board.clone(), user.username.clone());
    let threads = tokio::task::spawn_blocking(move || {
        let t = board.threads()?;
        board.audit_read(&u, "forum.list", "forum".into())?;
        Ok::<_, crate::store::StoreError>(t)
    })
    .await;
    let Ok(Ok(threads)) = threads else { return chrome::problem(state, v, Problem::Internal) };
    let l = L10n::new(v.lang);
    let page = ForumPage {
        c: chrome(state, v, "forum", chrome::expiry_notice(v)),
        threads: threads
            .iter()
            .map(|t| ThreadRow {
                id: t.first.post.id.to_string(),
                title: t.first.post.title.clone(),
                author: format!(
                    "{} ({})",
                    t.first.post.author_name,
                    admin_label(&l, &t.first.post.author_administration)
                ),
                replies: l.num(t.replies as i64),
                last: l.datetime(t.last_ms),
            })
            .collect(),
        form: user.role.allows(Permission::UseForum).then(|| form.unwrap_or_default()),
    };
    chrome::page(v, &page)
}

pub async fn list(State(state): State<AppState>, v: Visitor) -> Response {
    forum_page(&state, &v, None).await
}

async fn thread_page(state: &AppState, v: &Visitor, id: &str, form: Option<PostForm>) -> Response {
    let user = match v.require(state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let Ok(id) = uuid::Uuid::parse_str(id) else { return chrome::problem(state, v, Problem::NotFound) };
    let posts = match crate::api::board::read_thread(&state.board, &user.username, id).await {
        Ok(p) => p,
        Err(e) => return chrome::api_problem(state, v, e),
    };
    let board = state.board.clone();
    let pending = tokio::task::spawn_blocking(move || {
        board.outbox().map(|o| {
            o.iter().filter_map(|(_, b)| ForumPost::read_trusted(b).ok()).filter(|p| p.thread == id).count()
        })
    })
    .await
    .ok()
    .and_then(Result::ok)
    .unwrap_or(0);
    let l = L10n::new(v.lang);
    let page = ThreadPage {
        c: chrome(state, v, "forum", chrome::expiry_notice(v)),
        id: id.to_string(),
        title: posts.first().map(|p| p.post.title.clone()).unwrap_or_default(),
        posts: posts
            .iter()
            .map(|p| PostRow {
                id: p.post.id.to_string(),
                byline: l.ta(
                    "forum-by",
                    &[
                        ("who", p.post.author_name.as_str().into()),
                        ("admin", admin_label(&l, &p.post.author_administration).into()),
                        ("when", l.datetime(p.post.posted_at_ms).into()),
                    ],
                ),
                signed: l.t1("forum-signed", "admin", p.post.author_administration.as_str()),
                paragraphs: paragraphs(&p.post.body),
            })
            .collect(),
        form: user.role.allows(Permission::UseForum).then(|| form.unwrap_or_default()),
        pending,
    };
    chrome::page(v, &page)
}

pub async fn show(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    thread_page(&state, &v, &id, None).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PostFields {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// The form again with the service's errors next to its fields.
fn with_errors(l: &L10n, e: ApiError, title: String, body: String) -> Result<PostForm, ApiError> {
    let Some(details) =
        e.details.as_ref().and_then(|d| d.as_array()).filter(|_| e.code == "validation_failed")
    else {
        return Err(e);
    };
    let mut errors = FieldErrors::default();
    for d in details {
        let text = |k: &str| d[k].as_str().map(str::to_owned);
        let fe = ncen_protocol::validate::FieldError {
            field: text("field").unwrap_or_default(),
            value: text("value"),
            message: text("message").unwrap_or_default(),
        };
        let key =
            if fe.field == "title" || fe.field == "body" { fe.field.clone() } else { "form".to_owned() };
        errors.add(key, translate(l, &fe));
    }
    Ok(PostForm { title, body, errors })
}

/// Starts a thread.
pub async fn create(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let user = match v.require(&state, Some(Permission::UseForum)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let f: PostFields = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let new = NewPost { thread: None, title: f.title.clone(), body: f.body.clone(), in_reply_to: None };
    match crate::api::board::write(&state, &user, new).await {
        Ok(w) => Redirect::to(&format!("/forum/{}", w.thread)).into_response(),
        Err(e) => match with_errors(&L10n::new(v.lang), e, f.title, f.body) {
            Ok(form) => forum_page(&state, &v, Some(form)).await,
            Err(e) => refused(&state, &v, e),
        },
    }
}

/// Replies in a thread.
pub async fn reply(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let user = match v.require(&state, Some(Permission::UseForum)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let f: PostFields = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Ok(thread) = uuid::Uuid::parse_str(&id) else {
        return chrome::problem(&state, &v, Problem::NotFound);
    };
    let new = NewPost { thread: Some(thread), title: String::new(), body: f.body.clone(), in_reply_to: None };
    match crate::api::board::write(&state, &user, new).await {
        Ok(w) => Redirect::to(&format!("/forum/{}#post-{}", w.thread, w.id)).into_response(),
        Err(e) => match with_errors(&L10n::new(v.lang), e, String::new(), f.body) {
            Ok(form) => thread_page(&state, &v, &id, Some(form)).await,
            Err(e) => refused(&state, &v, e),
        },
    }
}

fn refused(state: &AppState, v: &Visitor, e: ApiError) -> Response {
    if e.code == "not_a_member" {
        return chrome::problem(state, v, Problem::NoNetwork);
    }
    chrome::api_problem(state, v, e)
}
