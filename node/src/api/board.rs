//! Publications, the library and the forum over REST (MISSION C5, C6): the hub publishes; every
//! node lists, searches and reads what the hub's board log brought (each read audited and
//! marked per user); users write forum threads and replies, signed by their node and carried by
//! the hub.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use ncen_protocol::board::{ForumPost, Publication, PublicationKind};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, JsonBody, QueryParams};
use crate::board::hub::NewPublication;
use crate::board::member::NewPost;
use crate::board::{Board, BoardError, HeldPost, HeldPublication, PublicationFilter};
use crate::roles::Permission;

/// Largest JSON body of a publication (its files in base64).
pub const MAX_PUBLICATION_BODY: usize = 4 << 20;
/// Largest JSON body of a forum post.
pub const MAX_POST_BODY: usize = 64 << 10;

impl From<BoardError> for ApiError {
    fn from(e: BoardError) -> Self {
        let msg = e.to_string();
        match e {
            BoardError::NotHub => ApiError::not_found(msg),
            BoardError::NotMember => ApiError::new(StatusCode::CONFLICT, "not_a_member", msg),
            BoardError::Invalid(v) => {
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", msg).details(v.0)
            }
            BoardError::Refused(_) => ApiError::forbidden(msg),
            BoardError::NotFound => ApiError::not_found(msg),
            BoardError::Sign(e) => ApiError::internal("cannot sign", e),
            BoardError::Store(e) => e.into(),
        }
    }
}

/// A file of a publication, without its bytes.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FileInfo {
    pub name: String,
    pub media_type: String,
    pub size: usize,
    pub sha256: String,
    /// Where to download it.
    pub href: String,
}

/// A publication as a reader sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PublicationView {
    pub id: uuid::Uuid,
    /// `alert`, `report`, `bulletin` or `document` (library).
    pub kind: String,
    pub language: String,
    pub title: String,
    pub body: String,
    pub regions: Vec<String>,
    pub commodities: Vec<String>,
    pub attachments: Vec<FileInfo>,
    pub author: String,
    pub published_at_ms: i64,
    /// Whether the requesting user has opened it.
    pub read: bool,
}

pub fn view(h: &HeldPublication, read: bool) -> PublicationView {
    let p = &h.publication;
    PublicationView {
        id: p.id,
        kind: p.kind.as_str().to_owned(),
        language: p.language.clone(),
        title: p.title.clone(),
        body: p.body.clone(),
        regions: p.regions.clone(),
        commodities: p.commodities.clone(),
        attachments: p
            .attachments
            .iter()
            .enumerate()
            .map(|(n, a)| FileInfo {
                name: a.name.clone(),
                media_type: a.media_type.clone(),
                size: h.sizes.get(n).copied().unwrap_or(a.bytes.len()),
                sha256: a.sha256.clone(),
                href: format!("/api/v1/publications/{}/attachments/{n}", p.id),
            })
            .collect(),
        author: p.author.clone(),
        published_at_ms: p.published_at_ms,
        read,
    }
}

/// Filters of a list of publications or the library.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// `alert`, `report`, `bulletin` or `document`.
    pub kind: Option<String>,
    /// A language code (`en`, `fr`, ...).
    pub language: Option<String>,
    /// Words that must all appear (case and accents ignored).
    pub q: Option<String>,
}

fn filter(q: ListQuery, library: Option<bool>) -> Result<PublicationFilter, ApiError> {
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(
            PublicationKind::parse(k)
                .ok_or_else(|| ApiError::bad_request(format!("kind: unknown kind {k:?}")))?,
        ),
        None => None,
    };
    if q.q.as_deref().is_some_and(|w| w.chars().count() > 200) {
        return Err(ApiError::bad_request("q: at most 200 characters"));
    }
    Ok(PublicationFilter {
        kind,
        library,
        language: q.language.filter(|l| !l.is_empty()),
        words: q.q.filter(|w| !w.trim().is_empty()),
    })
}

/// Publications matching `filter` with the user's read markers, read off the async workers.
pub async fn list_for(
    state: &AppState,
    user: &str,
    filter: PublicationFilter,
    audit: &'static str,
) -> Result<Vec<(HeldPublication, bool)>, ApiError> {
    let (board, user) = (state.board.clone(), user.to_owned());
    Ok(tokio::task::spawn_blocking(move || -> Result<_, BoardError> {
        let all = board.publications(&filter)?;
        board.audit_read(&user, audit, "publications".into())?;
        let mut out = Vec::with_capacity(all.len());
        for h in all {
            let read = board.is_read(&user, h.publication.id)?;
            out.push((h, read));
        }
        Ok(out)
    })
    .await??)
}

#[utoipa::path(get, path = "/api/v1/publications", tag = "publications", params(ListQuery),
    responses((status = 200, body = Vec<PublicationView>), (status = 400, body = super::error::ErrorBody),
        (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(q): QueryParams<ListQuery>,
) -> Result<Json<Vec<PublicationView>>, ApiError> {
    let f = filter(q, None)?;
    let held = list_for(&state, &reader(&auth)?, f, "publication.list").await?;
    Ok(Json(held.iter().map(|(h, read)| view(h, *read)).collect()))
}

#[utoipa::path(get, path = "/api/v1/library", tag = "publications", params(ListQuery),
    responses((status = 200, body = Vec<PublicationView>), (status = 400, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn library(
    State(state): State<AppState>,
    auth: Auth,
    QueryParams(q): QueryParams<ListQuery>,
) -> Result<Json<Vec<PublicationView>>, ApiError> {
    let f = filter(q, Some(true))?;
    let held = list_for(&state, &reader(&auth)?, f, "library.search").await?;
    Ok(Json(held.iter().map(|(h, read)| view(h, *read)).collect()))
}

/// A file of a new publication.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFile {
    pub name: String,
    /// The bytes in standard base64.
    pub content_base64: String,
}

/// What the hub publishes.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishBody {
    /// `alert`, `report`, `bulletin` or `document` (library).
    pub kind: String,
    pub language: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub commodities: Vec<String>,
    #[serde(default)]
    pub attachments: Vec<NewFile>,
}

#[utoipa::path(post, path = "/api/v1/publications", tag = "publications", request_body = PublishBody,
    responses((status = 201, body = PublicationView), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, description = "not the hub"),
        (status = 413, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(b): JsonBody<PublishBody>,
) -> Result<Response, ApiError> {
    let actor = auth.require(Permission::Publish)?.username.clone();
    if !state.board.is_hub() {
        return Err(ApiError::not_found("only the WCO hub publishes"));
    }
    let kind = PublicationKind::parse(&b.kind).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "validation_failed",
            format!("kind: unknown kind {:?}", b.kind),
        )
        .details(vec![
            serde_json::json!({"field": "kind", "message": "is alert, report, bulletin or document"}),
        ])
    })?;
    let mut files = Vec::new();
    for (i, f) in b.attachments.into_iter().enumerate() {
        let bytes =
            base64::engine::general_purpose::STANDARD.decode(f.content_base64.as_bytes()).map_err(|_| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "validation_failed",
                    format!("attachments[{i}].content_base64: not base64"),
                )
                .details(vec![
                    serde_json::json!({"field": format!("attachments[{i}]"), "message": "not base64"}),
                ])
            })?;
        files.push((f.name, bytes));
    }
    let new = NewPublication {
        kind,
        language: b.language,
        title: b.title,
        body: b.body,
        regions: b.regions,
        commodities: b.commodities,
        files,
    };
    let board = state.board.clone();
    let p = tokio::task::spawn_blocking(move || board.publish(&actor, new)).await??;
    if let Some(engine) = &state.engine {
        engine.board_grew();
    }
    let sizes = p.attachments.iter().map(|a| a.bytes.len()).collect();
    let held = HeldPublication { seq: 0, received_ms: p.published_at_ms, publication: p, sizes };
    Ok((StatusCode::CREATED, Json(view(&held, false))).into_response())
}

/// The caller, who may read publications and the forum (any role, once the password is
/// current).
fn reader(auth: &Auth) -> Result<String, ApiError> {
    if auth.0.must_change_password {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "password_change_required",
            "the password must be changed first: POST /api/v1/auth/password",
        ));
    }
    Ok(auth.0.username.clone())
}

fn id_of(id: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(id).map_err(|_| ApiError::not_found("no such publication, thread or post"))
}

/// Opens a publication for `user`: marks it read, audits the read.
pub async fn open(board: &Board, user: &str, id: uuid::Uuid) -> Result<Publication, ApiError> {
    let (b, u) = (board.clone(), user.to_owned());
    let held = tokio::task::spawn_blocking(move || b.open(&u, id)).await??;
    held.map(|h| h.publication).ok_or_else(|| ApiError::not_found("no such publication"))
}

#[utoipa::path(get, path = "/api/v1/publications/{id}", tag = "publications", params(("id" = String, Path)),
    responses((status = 200, body = PublicationView), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_one(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<PublicationView>, ApiError> {
    let id = id_of(&id)?;
    let p = open(&state.board, &reader(&auth)?, id).await?;
    let sizes = p.attachments.iter().map(|a| a.bytes.len()).collect();
    Ok(Json(view(&HeldPublication { seq: 0, received_ms: 0, publication: p, sizes }, true)))
}

#[utoipa::path(post, path = "/api/v1/publications/{id}/unread", tag = "publications", params(("id" = String, Path)),
    responses((status = 204, description = "marked unread"), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn unread(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = id_of(&id)?;
    let (board, user) = (state.board.clone(), reader(&auth)?);
    tokio::task::spawn_blocking(move || -> Result<(), BoardError> {
        if board.publication(id)?.is_none() {
            return Err(BoardError::NotFound);
        }
        Ok(board.mark_unread(&user, id)?)
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/publications/{id}/attachments/{n}", tag = "publications",
    params(("id" = String, Path), ("n" = usize, Path, description = "position of the file")),
    responses((status = 200, description = "the file"), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn attachment(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, ApiError> {
    let id = id_of(&id)?;
    let file = attachment_for(&state.board, &reader(&auth)?, id, n).await?;
    Ok(super::operations::file_response(file))
}

/// File `n` of publication `id`, read for `user` (audited).
pub async fn attachment_for(
    board: &Board,
    user: &str,
    id: uuid::Uuid,
    n: usize,
) -> Result<ncen_protocol::operation::Attachment, ApiError> {
    let (b, u) = (board.clone(), user.to_owned());
    tokio::task::spawn_blocking(move || -> Result<_, BoardError> {
        let held = b.publication(id)?.ok_or(BoardError::NotFound)?;
        let file = held.publication.attachments.into_iter().nth(n).ok_or(BoardError::NotFound)?;
        b.audit_read(&u, "publication.file", format!("publications/{id}/attachments/{n}"))?;
        Ok(file)
    })
    .await?
    .map_err(Into::into)
}

/// A forum post as a reader sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PostView {
    pub id: uuid::Uuid,
    pub thread: uuid::Uuid,
    pub title: String,
    pub author_administration: String,
    pub author_name: String,
    pub body: String,
    pub in_reply_to: Option<uuid::Uuid>,
    pub posted_at_ms: i64,
    /// The PeerId of the node whose signature this node verified.
    pub signed_by: String,
}

fn post_view(h: &HeldPost) -> PostView {
    let p: &ForumPost = &h.post;
    PostView {
        id: p.id,
        thread: p.thread,
        title: p.title.clone(),
        author_administration: p.author_administration.clone(),
        author_name: p.author_name.clone(),
        body: p.body.clone(),
        in_reply_to: p.in_reply_to,
        posted_at_ms: p.posted_at_ms,
        signed_by: h.signer.clone(),
    }
}

/// A thread of the forum.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ThreadView {
    pub first: PostView,
    pub replies: usize,
    pub last_ms: i64,
}

#[utoipa::path(get, path = "/api/v1/forum/threads", tag = "forum",
    responses((status = 200, body = Vec<ThreadView>)), security(("bearer" = [])))]
pub async fn threads(State(state): State<AppState>, auth: Auth) -> Result<Json<Vec<ThreadView>>, ApiError> {
    let (board, user) = (state.board.clone(), reader(&auth)?);
    let all = tokio::task::spawn_blocking(move || -> Result<_, BoardError> {
        let t = board.threads()?;
        board.audit_read(&user, "forum.list", "forum".into())?;
        Ok(t)
    })
    .await??;
    Ok(Json(
        all.iter()
            .map(|t| ThreadView { first: post_view(&t.first), replies: t.replies, last_ms: t.last_ms })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/forum/threads/{id}", tag = "forum", params(("id" = String, Path)),
    responses((status = 200, body = Vec<PostView>), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn thread(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Vec<PostView>>, ApiError> {
    let id = id_of(&id)?;
    let posts = read_thread(&state.board, &reader(&auth)?, id).await?;
    Ok(Json(posts.iter().map(post_view).collect()))
}

/// The posts of thread `id`, read for `user` (audited).
pub async fn read_thread(board: &Board, user: &str, id: uuid::Uuid) -> Result<Vec<HeldPost>, ApiError> {
    let (b, u) = (board.clone(), user.to_owned());
    tokio::task::spawn_blocking(move || -> Result<_, BoardError> {
        let posts = b.thread(id)?.ok_or(BoardError::NotFound)?;
        b.audit_read(&u, "forum.read", format!("forum/{id}"))?;
        Ok(posts)
    })
    .await?
    .map_err(Into::into)
}

/// A new thread.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewThreadBody {
    pub title: String,
    pub body: String,
}

/// A reply.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPostBody {
    pub body: String,
    /// The post answered (the thread's first post when absent).
    #[serde(default)]
    pub in_reply_to: Option<uuid::Uuid>,
}

/// What writing a post did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Written {
    pub id: uuid::Uuid,
    pub thread: uuid::Uuid,
    /// Whether the hub has it already (else it stays in this node's outbox until it has).
    pub delivered: bool,
}

/// Signs and sends a post as `user`; waits for the hub and the way back when the network runs.
pub async fn write(state: &AppState, user: &str, new: NewPost) -> Result<Written, ApiError> {
    let (board, u) = (state.board.clone(), user.to_owned());
    let post = tokio::task::spawn_blocking(move || board.write_post(&u, new)).await??;
    let mut delivered = state.board.is_hub();
    if let Some(engine) = &state.engine {
        if state.board.is_hub() {
            engine.board_grew();
        } else {
            engine.deliver_posts().await;
            let board = state.board.clone();
            let id = post.id;
            delivered =
                tokio::task::spawn_blocking(move || board.outbox().map(|o| !o.iter().any(|(p, _)| *p == id)))
                    .await??;
            if delivered && let Err(e) = engine.pull_board_once().await {
                tracing::debug!(error = %e, "board pull after a post did not complete");
            }
        }
    }
    Ok(Written { id: post.id, thread: post.thread, delivered })
}

fn written(w: Written) -> Response {
    let status = if w.delivered { StatusCode::CREATED } else { StatusCode::ACCEPTED };
    (status, Json(w)).into_response()
}

#[utoipa::path(post, path = "/api/v1/forum/threads", tag = "forum", request_body = NewThreadBody,
    responses((status = 201, body = Written), (status = 202, body = Written, description = "kept until the hub is reachable"),
        (status = 400, body = super::error::ErrorBody), (status = 403, body = super::error::ErrorBody),
        (status = 409, body = super::error::ErrorBody, description = "this node is not a directory member yet")),
    security(("bearer" = [])))]
pub async fn new_thread(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(b): JsonBody<NewThreadBody>,
) -> Result<Response, ApiError> {
    let user = auth.require(Permission::UseForum)?.username.clone();
    let w = write(&state, &user, NewPost { thread: None, title: b.title, body: b.body, in_reply_to: None })
        .await?;
    Ok(written(w))
}

#[utoipa::path(post, path = "/api/v1/forum/threads/{id}/posts", tag = "forum", params(("id" = String, Path)), request_body = NewPostBody,
    responses((status = 201, body = Written), (status = 202, body = Written), (status = 400, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn reply(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<NewPostBody>,
) -> Result<Response, ApiError> {
    let user = auth.require(Permission::UseForum)?.username.clone();
    let id = id_of(&id)?;
    let w = write(
        &state,
        &user,
        NewPost { thread: Some(id), title: String::new(), body: b.body, in_reply_to: b.in_reply_to },
    )
    .await?;
    Ok(written(w))
}
