//! Publications and the library in the web UI: the list with each user's unread markers, a
//! publication (opening it marks it read and is audited) with its files, marking it unread
//! again, the hub's compose form, and the library's search by words and language.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::FieldErrors;
use ncen_admin_ui::pages::board::{
    FileRow, LibraryPage, PublicationPage, PublicationRow, PublicationsPage, PublishForm,
};
use ncen_protocol::board::{LANGUAGES, PublicationKind};
use ncen_protocol::codelists::ListId;

use super::chrome::{self, Problem, chrome};
use super::entry::options;
use super::operations::translate;
use super::session::Visitor;
use crate::api::AppState;
use crate::board::hub::NewPublication;
use crate::board::{BoardError, HeldPublication, PublicationFilter};
use crate::roles::Permission;

fn kind_label(l: &L10n, kind: PublicationKind) -> String {
    l.t(match kind {
        PublicationKind::Alert => "pub-kind-alert",
        PublicationKind::Report => "pub-kind-report",
        PublicationKind::Bulletin => "pub-kind-bulletin",
        PublicationKind::Document => "pub-kind-document",
    })
}

/// A language by its own name.
fn language_name(code: &str) -> String {
    ncen_admin_ui::languages()
        .into_iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, n)| n.to_owned())
}

/// A target region by its name: a country, or a WCO region.
fn region_label(l: &L10n, code: &str) -> String {
    let list = if code.len() == 2 { ListId::Country } else { ListId::WcoRegion };
    l.code(list, code)
}

fn row(l: &L10n, h: &HeldPublication, unread: bool) -> PublicationRow {
    let p = &h.publication;
    let mut targets: Vec<String> = p.regions.iter().map(|c| region_label(l, c)).collect();
    targets.extend(p.commodities.iter().map(|c| l.code(ListId::Commodity, c)));
    PublicationRow {
        id: p.id.to_string(),
        href: format!("/publications/{}", p.id),
        kind: p.kind.as_str(),
        kind_label: kind_label(l, p.kind),
        title: p.title.clone(),
        language: language_name(&p.language),
        published: l.datetime(p.published_at_ms),
        targets: if targets.is_empty() { l.t("pub-all") } else { targets.join(", ") },
        unread,
    }
}

/// The kind filter of the list.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    pub kind: Option<String>,
}

fn blank_form(l: &L10n) -> PublishForm {
    PublishForm {
        kind: "alert".into(),
        language: l.code_str().to_owned(),
        kinds: PublicationKind::ALL.iter().map(|k| (k.as_str().to_owned(), kind_label(l, *k))).collect(),
        languages: LANGUAGES.iter().map(|c| ((*c).to_owned(), language_name(c))).collect(),
        // The WCO regions first, then the countries.
        countries: options(l, ListId::WcoRegion).into_iter().chain(options(l, ListId::Country)).collect(),
        commodity_options: options(l, ListId::Commodity),
        ..PublishForm::default()
    }
}

async fn list_page(
    state: &AppState,
    v: &Visitor,
    kind: Option<PublicationKind>,
    compose: Option<PublishForm>,
) -> Response {
    let user = match v.require(state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let filter = PublicationFilter {
        kind,
        library: if kind.is_none() { Some(false) } else { None },
        ..Default::default()
    };
    let Ok(held) = crate::api::board::list_for(state, &user.username, filter, "publication.list").await
    else {
        return chrome::problem(state, v, Problem::Internal);
    };
    let rows: Vec<PublicationRow> = held.iter().map(|(h, read)| row(&l, h, !read)).collect();
    let unread = rows.iter().filter(|r| r.unread).count();
    let mut kinds =
        vec![("all".to_owned(), l.t("pub-all-kinds"), "/publications".to_owned(), kind.is_none())];
    kinds.extend(PublicationKind::ALL.iter().filter(|k| **k != PublicationKind::Document).map(|k| {
        (
            k.as_str().to_owned(),
            kind_label(&l, *k),
            format!("/publications?kind={}", k.as_str()),
            kind == Some(*k),
        )
    }));
    let compose = if state.board.is_hub() && user.role.allows(Permission::Publish) {
        Some(compose.unwrap_or_else(|| blank_form(&l)))
    } else {
        None
    };
    let mut notices = chrome::expiry_notice(v);
    if v.path.contains("done=published") {
        notices.push(ncen_admin_ui::pages::Notice { kind: "ok", text: l.t("pub-done") });
    }
    let page = PublicationsPage {
        c: chrome(state, v, "publications", notices),
        unread_label: l.t1("pub-unread-count", "count", l.num(unread as i64)),
        rows,
        kinds,
        compose,
    };
    chrome::page(v, &page)
}

pub async fn list(State(state): State<AppState>, v: Visitor, Query(q): Query<ListQuery>) -> Response {
    let kind = q.kind.as_deref().and_then(PublicationKind::parse);
    list_page(&state, &v, kind, None).await
}

fn parse_id(state: &AppState, v: &Visitor, id: &str) -> Result<uuid::Uuid, Response> {
    uuid::Uuid::parse_str(id).map_err(|_| chrome::problem(state, v, Problem::NotFound))
}

pub async fn show(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    let user = match v.require(&state, None) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let p = match crate::api::board::open(&state.board, &user, id).await {
        Ok(p) => p,
        Err(e) => return chrome::api_problem(&state, &v, e),
    };
    let l = L10n::new(v.lang);
    let library = p.kind == PublicationKind::Document;
    let mut c =
        chrome(&state, &v, if library { "library" } else { "publications" }, chrome::expiry_notice(&v));
    // The count in the navigation was taken before this read.
    let board = state.board.clone();
    let unread = tokio::task::spawn_blocking(move || board.unread(&user)).await.ok().and_then(Result::ok);
    if let Some(n) = unread
        && let Some(item) = c.nav.iter_mut().find(|i| i.key == "publications")
    {
        item.badge = (n > 0).then(|| l.num(n as i64));
    }
    let page = PublicationPage {
        c,
        id: p.id.to_string(),
        kind: p.kind.as_str(),
        kind_label: kind_label(&l, p.kind),
        title: p.title.clone(),
        language: language_name(&p.language),
        published: l.t2("pub-published", "who", p.author.as_str(), "when", l.datetime(p.published_at_ms)),
        paragraphs: super::forum::paragraphs(&p.body),
        regions: p.regions.iter().map(|c| region_label(&l, c)).collect(),
        commodities: p.commodities.iter().map(|c| l.code(ListId::Commodity, c)).collect(),
        files: p
            .attachments
            .iter()
            .enumerate()
            .map(|(n, a)| FileRow {
                name: a.name.clone(),
                href: format!("/publications/{}/attachments/{n}", p.id),
                size: l.t1("opmsg-file-size", "kib", l.num(a.bytes.len().div_ceil(1024) as i64)),
                photo: a.is_photo(),
            })
            .collect(),
        back: if library { "/library" } else { "/publications" },
        back_label: l.t(if library { "lib-title" } else { "pub-back" }),
    };
    chrome::page(&v, &page)
}

pub async fn attachment(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, n)): Path<(String, usize)>,
) -> Response {
    let user = match v.require(&state, None) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    match crate::api::board::attachment_for(&state.board, &user, id, n).await {
        Ok(file) => crate::api::operations::file_response(file),
        Err(e) => chrome::api_problem(&state, &v, e),
    }
}

/// A form whose only field is its CSRF token.
#[derive(Debug, serde::Deserialize)]
pub(super) struct NoFields {}

pub async fn mark_unread(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let user = match v.require(&state, None) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    if let Err(r) = v.form::<NoFields>(&state, &body).map(drop) {
        return r;
    }
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let board = state.board.clone();
    match tokio::task::spawn_blocking(move || board.mark_unread(&user, id)).await {
        Ok(Ok(())) => Redirect::to("/publications").into_response(),
        _ => chrome::problem(&state, &v, Problem::Internal),
    }
}

/// The form's text fields as pairs, and its non-empty files with their names.
async fn read(mut form: Multipart) -> Result<(Vec<(String, String)>, Vec<(String, Vec<u8>)>), String> {
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(field) = form.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|e| e.body_text())?;
            if !bytes.is_empty() {
                files.push((file_name, bytes.to_vec()));
            }
        } else {
            pairs.push((name, field.text().await.map_err(|e| e.body_text())?));
        }
    }
    Ok((pairs, files))
}

/// The field of the compose form a publication error belongs to.
fn form_field(name: &str) -> String {
    let base = name.split('[').next().unwrap_or(name);
    match base {
        "attachments" => "file".to_owned(),
        "title" | "body" | "language" | "regions" | "commodities" => base.to_owned(),
        _ => "form".to_owned(),
    }
}

/// The hub publishes; errors are shown next to the fields and nothing is stored.
pub async fn publish(State(state): State<AppState>, v: Visitor, form: Multipart) -> Response {
    let actor = match v.require(&state, Some(Permission::Publish)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let (pairs, files) = match read(form).await {
        Ok(read) => read,
        Err(_) => return chrome::problem(&state, &v, Problem::BadForm),
    };
    let csrf = pairs.iter().find(|(k, _)| k == "_csrf").map(|(_, t)| t.as_str()).unwrap_or_default();
    if let Err(r) = v.check_csrf(&state, csrf) {
        return r;
    }
    if !state.board.is_hub() {
        return chrome::problem(&state, &v, Problem::NotFound);
    }
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let all = |k: &str| pairs.iter().filter(|(n, _)| n == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let l = L10n::new(v.lang);
    let mut f = blank_form(&l);
    f.kind = get("kind");
    f.language = get("language");
    f.title = get("title");
    f.body = get("body");
    f.regions = all("regions");
    f.commodities = all("commodities");
    let Some(kind) = PublicationKind::parse(&f.kind) else {
        return chrome::problem(&state, &v, Problem::BadForm);
    };
    let new = NewPublication {
        kind,
        language: f.language.clone(),
        title: f.title.clone(),
        body: f.body.clone(),
        regions: f.regions.clone(),
        commodities: f.commodities.clone(),
        files,
    };
    let board = state.board.clone();
    match tokio::task::spawn_blocking(move || board.publish(&actor, new)).await {
        Ok(Ok(p)) => {
            if let Some(engine) = &state.engine {
                engine.board_grew();
            }
            Redirect::to(&format!("/publications?done=published#pub-{}", p.id)).into_response()
        }
        Ok(Err(BoardError::Invalid(e))) => {
            let mut errors = FieldErrors::default();
            for fe in &e.0 {
                errors.add(form_field(&fe.field), translate(&l, fe));
            }
            f.errors = errors;
            list_page(&state, &v, None, Some(f)).await
        }
        _ => chrome::problem(&state, &v, Problem::Internal),
    }
}

/// The library's search.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LibraryQuery {
    pub q: Option<String>,
    pub language: Option<String>,
}

pub async fn library(State(state): State<AppState>, v: Visitor, Query(q): Query<LibraryQuery>) -> Response {
    let user = match v.require(&state, None) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let words: String = q.q.unwrap_or_default().chars().take(200).collect();
    let language = q.language.filter(|x| LANGUAGES.contains(&x.as_str())).unwrap_or_default();
    let filter = PublicationFilter {
        library: Some(true),
        language: (!language.is_empty()).then(|| language.clone()),
        words: (!words.trim().is_empty()).then(|| words.clone()),
        ..Default::default()
    };
    let Ok(held) = crate::api::board::list_for(&state, &user, filter, "library.search").await else {
        return chrome::problem(&state, &v, Problem::Internal);
    };
    let page = LibraryPage {
        c: chrome(&state, &v, "library", chrome::expiry_notice(&v)),
        q: words,
        language,
        languages: LANGUAGES.iter().map(|c| ((*c).to_owned(), language_name(c))).collect(),
        rows: held.iter().map(|(h, read)| row(&l, h, !read)).collect(),
    };
    chrome::page(&v, &page)
}
