//! Investigation pages (N4): the list (the reader's cases first), opening one, and a case with
//! its status moves, assignment (supervisors), linked records and thread of notes and files.

use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{CasePage, CaseRow, CasesPage, FieldErrors, ThreadRow};
use ncen_protocol::record::RecordKind;
use serde::Deserialize;

use super::chrome::{self, chrome};
use super::record::kind_label;
use super::session::Visitor;
use crate::accounts::{AccountState, Principal};
use crate::api::AppState;
use crate::investigations::{EntryKind, Investigation, InvestigationError, MAX_ATTACHMENT, Status};
use crate::roles::Permission;

fn status_label(l: &L10n, s: Status) -> String {
    l.t(&format!("inv-status-{}", s.as_str()))
}

fn row(l: &L10n, me: &str, i: &Investigation) -> CaseRow {
    CaseRow {
        href: format!("/investigations/{}", i.id),
        title: i.title.clone(),
        status: i.status.as_str(),
        status_label: status_label(l, i.status),
        assignees: i.assignees.join(", "),
        updated: l.datetime(i.updated_ms),
        mine: i.assignees.iter().any(|a| a == me),
    }
}

async fn list_page(
    state: &AppState,
    v: &Visitor,
    me: &Principal,
    errors: FieldErrors,
    title: String,
    summary: String,
) -> Response {
    let service = state.investigations.clone();
    let name = me.username.clone();
    let all = match tokio::task::spawn_blocking(move || service.list(&name)).await {
        Ok(Ok(all)) => all,
        _ => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let l = v.l10n();
    let notices = chrome::expiry_notice(v);
    let page = CasesPage {
        c: chrome(state, v, "investigations", notices),
        rows: all.iter().map(|i| row(&l, &me.username, i)).collect(),
        errors,
        title,
        summary,
    };
    chrome::page(v, &page)
}

pub async fn list(State(state): State<AppState>, v: Visitor) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    list_page(&state, &v, &me, FieldErrors::default(), String::new(), String::new()).await
}

#[derive(Debug, Deserialize)]
pub struct OpenIn {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
}

pub async fn open(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: OpenIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let service = state.investigations.clone();
    let who = me.clone();
    let (title, summary) = (f.title.clone(), f.summary.clone());
    match tokio::task::spawn_blocking(move || service.open(&who, &title, &summary)).await {
        Ok(Ok(inv)) => Redirect::to(&format!("/investigations/{}", inv.id)).into_response(),
        Ok(Err(InvestigationError::Invalid { .. })) => {
            let l = v.l10n();
            let mut errors = FieldErrors::default();
            let message = if f.title.trim().is_empty() {
                l.t("field-required")
            } else {
                l.t1("field-too-long", "max", 200u32)
            };
            errors.add("title", message);
            list_page(&state, &v, &me, errors, f.title, f.summary).await
        }
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

fn problem(state: &AppState, v: &Visitor, e: InvestigationError) -> Response {
    match e {
        InvestigationError::NotFound(_) => chrome::problem(state, v, chrome::Problem::NotFound),
        InvestigationError::Forbidden(_) | InvestigationError::Transition { .. } => {
            chrome::problem(state, v, chrome::Problem::Forbidden)
        }
        _ => chrome::problem(state, v, chrome::Problem::Internal),
    }
}

/// The status moves `me` may make from `status`.
fn moves(me: &Principal, inv: &Investigation) -> Vec<Status> {
    let supervisor = me.role.allows(Permission::ManageInvestigations);
    let assigned = inv.assignees.iter().any(|a| a == &me.username);
    let works = supervisor || assigned || inv.created_by == me.username;
    if !works {
        return Vec::new();
    }
    let candidates: &[Status] = match inv.status {
        Status::Open | Status::Assigned => &[Status::InProgress, Status::Suspended, Status::Closed],
        Status::InProgress => &[Status::Suspended, Status::Closed],
        Status::Suspended => &[Status::InProgress, Status::Closed],
        Status::Closed => &[Status::InProgress],
    };
    candidates
        .iter()
        .copied()
        .filter(|to| match (inv.status, to) {
            (Status::Closed, _) => supervisor,
            (_, Status::Closed) => supervisor || assigned,
            (Status::Open, Status::Suspended) => false,
            _ => true,
        })
        .collect()
}

async fn case_page(
    state: &AppState,
    v: &Visitor,
    me: &Principal,
    id: uuid::Uuid,
    errors: FieldErrors,
) -> Response {
    let service = state.investigations.clone();
    let accounts = state.accounts.clone();
    // Only a supervisor is offered the accounts to assign.
    let supervisor = me.role.allows(Permission::ManageInvestigations);
    let found = tokio::task::spawn_blocking(move || {
        let inv = service.get(id)?;
        let users = if supervisor {
            accounts
                .list()
                .map_err(|e| InvestigationError::Invalid { field: "assignees", message: e.to_string() })?
        } else {
            Vec::new()
        };
        Ok::<_, InvestigationError>((inv, users))
    })
    .await;
    let (inv, users) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return problem(state, v, e),
        Err(_) => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let l = v.l10n();
    let can_work =
        supervisor || inv.assignees.iter().any(|a| a == &me.username) || inv.created_by == me.username;
    let thread = inv
        .thread
        .iter()
        .map(|e| {
            let (kind, what) = match e.kind {
                EntryKind::Opened => ("opened", l.t("inv-entry-opened")),
                EntryKind::Note => ("note", l.t("inv-entry-note")),
                EntryKind::Assigned => ("assigned", l.t("inv-entry-assigned")),
                EntryKind::Status => ("status", l.t("inv-entry-status")),
                EntryKind::Linked => ("linked", l.t("inv-entry-linked")),
            };
            let text = match e.kind {
                EntryKind::Status => {
                    Status::parse(&e.text).map(|s| status_label(&l, s)).unwrap_or_else(|| e.text.clone())
                }
                _ => e.text.clone(),
            };
            ThreadRow {
                at: l.datetime(e.at_ms),
                author: e.author.clone(),
                kind,
                what,
                text,
                attachment: e.attachment.as_ref().map(|a| {
                    (
                        a.name.clone(),
                        format!("/investigations/{}/attachments/{}", inv.id, a.sha256),
                        format!("{} B", l.num(a.size as i64)),
                    )
                }),
            }
        })
        .collect();
    let page = CasePage {
        c: chrome(state, v, "investigations", Vec::new()),
        id: inv.id.to_string(),
        title: inv.title.clone(),
        summary: inv.summary.clone(),
        status: inv.status.as_str(),
        status_label: status_label(&l, inv.status),
        opened: l.t2("inv-opened", "user", inv.created_by.as_str(), "date", l.datetime(inv.created_ms)),
        assignees: inv.assignees.clone(),
        moves: moves(me, &inv)
            .into_iter()
            .map(|s| (s.as_str().to_owned(), l.t(&format!("inv-move-{}", s.as_str()))))
            .collect(),
        assignable: if supervisor {
            users
                .iter()
                .filter(|u| u.role.allows(Permission::WorkInvestigations) && u.state == AccountState::Active)
                .map(|u| {
                    (
                        u.username.clone(),
                        format!("{} · {}", u.username, chrome::role_label(&l, u.role)),
                        inv.assignees.contains(&u.username),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        can_work,
        links: inv
            .links
            .iter()
            .map(|k| {
                let kind = RecordKind::from_collection(&k.kind)
                    .map(|kind| l.t(kind_label(kind)))
                    .unwrap_or_else(|| k.kind.clone());
                (kind, format!("/records/{}/{}", k.kind, k.record), k.label.clone())
            })
            .collect(),
        thread,
        errors,
    };
    chrome::page(v, &page)
}

fn parse_id(state: &AppState, v: &Visitor, id: &str) -> Result<uuid::Uuid, Response> {
    uuid::Uuid::parse_str(id).map_err(|_| chrome::problem(state, v, chrome::Problem::NotFound))
}

pub async fn show(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    match parse_id(&state, &v, &id) {
        Ok(id) => case_page(&state, &v, &me, id, FieldErrors::default()).await,
        Err(r) => r,
    }
}

#[derive(Debug, Deserialize)]
pub struct StatusIn {
    #[serde(default)]
    status: String,
}

pub async fn status(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: StatusIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let (id, Some(to)) = (
        match parse_id(&state, &v, &id) {
            Ok(id) => id,
            Err(r) => return r,
        },
        Status::parse(&f.status),
    ) else {
        return chrome::problem(&state, &v, chrome::Problem::BadForm);
    };
    let service = state.investigations.clone();
    match tokio::task::spawn_blocking(move || service.set_status(&me, id, to)).await {
        Ok(Ok(_)) => Redirect::to(&format!("/investigations/{id}")).into_response(),
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct AssignIn {
    #[serde(default)]
    assignees: Vec<String>,
}

pub async fn assign(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::ManageInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: AssignIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let service = state.investigations.clone();
    let accounts = state.accounts.clone();
    let who = me.clone();
    let result = tokio::task::spawn_blocking(move || {
        let may = |u: &str| {
            accounts.load(u).ok().flatten().is_some_and(|user| {
                user.role.allows(Permission::WorkInvestigations) && !user.deactivated && !user.blocked
            })
        };
        service.assign(&who, id, f.assignees, may)
    })
    .await;
    match result {
        Ok(Ok(_)) => Redirect::to(&format!("/investigations/{id}")).into_response(),
        Ok(Err(InvestigationError::Invalid { message, .. })) => {
            let l = v.l10n();
            let mut errors = FieldErrors::default();
            errors.add("assignees", l.t1("field-server", "message", message));
            case_page(&state, &v, &me, id, errors).await
        }
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct LinkIn {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    reference: String,
}

pub async fn link(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: LinkIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let Some(kind) = RecordKind::from_collection(&f.kind) else {
        return chrome::problem(&state, &v, chrome::Problem::BadForm);
    };
    let records = state.records.clone();
    let service = state.investigations.clone();
    let me_origin = state.node.administration.clone();
    let who = me.clone();
    let reference = f.reference.trim().to_owned();
    let result = tokio::task::spawn_blocking(move || {
        // An identifier, ORIGIN/REFERENCE, or a reference of this administration.
        let found = match uuid::Uuid::parse_str(&reference) {
            Ok(uuid) => records.get(kind, uuid).ok().map(|v| (uuid, v.origin)),
            Err(_) => {
                let (origin, local) = match reference.split_once('/') {
                    Some((o, r)) => (o.trim().to_ascii_uppercase(), r.trim().to_owned()),
                    None => (me_origin.clone(), reference.clone()),
                };
                records.by_reference(kind, &origin, &local).ok().flatten().map(|uuid| (uuid, origin))
            }
        };
        match found {
            Some((uuid, _)) => service.link(&who, id, kind, uuid, reference.clone()).map(Some),
            None => Ok(None),
        }
    })
    .await;
    match result {
        Ok(Ok(Some(_))) => Redirect::to(&format!("/investigations/{id}")).into_response(),
        Ok(Ok(None)) => {
            let l = v.l10n();
            let mut errors = FieldErrors::default();
            errors.add("reference", l.t("inv-link-unknown"));
            case_page(&state, &v, &me, id, errors).await
        }
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn note(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    mut form: Multipart,
) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let (mut csrf, mut text, mut file) = (String::new(), String::new(), None);
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or_default() {
                "_csrf" => csrf = field.text().await.unwrap_or_default(),
                "text" => text = field.text().await.unwrap_or_default(),
                "file" => {
                    let name = field.file_name().unwrap_or_default().to_owned();
                    let media = field.content_type().unwrap_or("application/octet-stream").to_owned();
                    match field.bytes().await {
                        Ok(bytes) if !bytes.is_empty() => file = Some((name, media, bytes.to_vec())),
                        Ok(_) => {}
                        Err(_) => return chrome::problem(&state, &v, chrome::Problem::BadForm),
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return chrome::problem(&state, &v, chrome::Problem::BadForm),
        }
    }
    if let Err(r) = v.check_csrf(&state, &csrf) {
        return r;
    }
    let service = state.investigations.clone();
    let who = me.clone();
    match tokio::task::spawn_blocking(move || service.note(&who, id, &text, file)).await {
        Ok(Ok(_)) => Redirect::to(&format!("/investigations/{id}")).into_response(),
        Ok(Err(InvestigationError::Invalid { field, .. })) => {
            let l = v.l10n();
            let mut errors = FieldErrors::default();
            let message = match field {
                "file" => l.t1("field-too-long", "max", (MAX_ATTACHMENT >> 20) as u64),
                _ => l.t("field-required"),
            };
            errors.add(field, message);
            case_page(&state, &v, &me, id, errors).await
        }
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

pub async fn attachment(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, sha)): Path<(String, String)>,
) -> Response {
    let me = match v.require(&state, Some(Permission::WorkInvestigations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let service = state.investigations.clone();
    match tokio::task::spawn_blocking(move || service.attachment(&me, id, &sha)).await {
        // Never rendered by the browser: whatever the file holds, it is downloaded.
        Ok(Ok((file, bytes))) => {
            crate::api::download::attachment("application/octet-stream", &file.name, bytes)
        }
        Ok(Err(e)) => problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}
