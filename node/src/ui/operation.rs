//! One CENcomm operation's page: its definition and members, the inbox as threads (each warning
//! with the feedbacks and seizure reports answering it), receipts of what this node sent,
//! marking messages read, and for the coordination unit the participants, their lapsed access
//! and the exports.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::Notice;
use ncen_admin_ui::pages::operations::{
    FileView, LocalUser, MsgField, MsgView, OpForm, OperationPage, ReceiptRow, ThreadView,
};
use ncen_protocol::operation::{FIELDS, FieldType, TemplateKind};
use serde::Deserialize;

use super::chrome::{self, Done, Problem, admin_label, chrome};
use super::op_compose::{self, Compose};
use super::operations::{
    DefinitionIn, checked_draft, coordinating, definition_errors, field_label, form_of, members, notice,
    op_problem, parse_id, period, reach_members, require, template_label, today,
};
use super::session::Visitor;
use crate::accounts::Principal;
use crate::api::AppState;
use crate::journal::now_ms;
use crate::operations::{OpError, StoredMessage};
use crate::roles::Permission;

const DAY_MS: i64 = 86_400_000;

/// A field's value as people read it: code labels in the reader's language, dates as dates.
fn shown(l: &L10n, kind: FieldType, value: &str) -> String {
    match kind {
        FieldType::Code(list) => l.code(list, value),
        FieldType::Date => l.date(value),
        FieldType::Text | FieldType::Number => value.to_owned(),
    }
}

/// `forwarder`: the reader may approve this node's seizure reports for the CEN.
fn view(l: &L10n, mine: &str, (reader, forwarder): (&str, bool), m: &StoredMessage) -> MsgView {
    let msg = &m.message;
    let to = if msg.to.is_empty() {
        l.t("op-to-all")
    } else {
        msg.to.iter().map(|t| format!("{t} · {}", admin_label(l, t))).collect::<Vec<_>>().join(", ")
    };
    let fields = FIELDS
        .iter()
        .filter_map(|spec| {
            let value = msg.fields.get(spec.name)?;
            Some(MsgField {
                name: spec.name.to_owned(),
                label: field_label(l, spec.name),
                value: shown(l, spec.kind, value),
                nominal: spec.nominal,
            })
        })
        .collect();
    let when = |ms: Option<i64>| ms.map(|ms| l.datetime(ms)).unwrap_or_default();
    MsgView {
        id: msg.id.to_string(),
        template: msg.template.as_str(),
        template_label: template_label(l, msg.template),
        sender: msg.sender.clone(),
        sender_label: admin_label(l, &msg.sender),
        author: msg.author.clone(),
        at: l.datetime(msg.issued_at_ms),
        to,
        fields,
        unread: msg.sender != mine && !m.read_by.contains(reader),
        mine: msg.sender == mine,
        forward: (forwarder
            && msg.sender == mine
            && msg.template == TemplateKind::Seizure
            && m.forwarded_ms.is_none())
        .then(|| format!("/operations/{}/messages/{}/forward", msg.operation, msg.id)),
        forwarded: when(m.forwarded_ms),
        attachments: msg
            .attachments
            .iter()
            .enumerate()
            .map(|(n, a)| FileView {
                name: a.name.clone(),
                href: format!("/operations/{}/messages/{}/attachments/{n}", msg.operation, msg.id),
                photo: a.is_photo(),
                size: l.t1("opmsg-file-size", "kib", l.num(a.bytes.len().div_ceil(1024) as i64)),
            })
            .collect(),
        receipts: m
            .receipts
            .iter()
            .map(|(a, d)| ReceiptRow {
                administration: a.clone(),
                label: admin_label(l, a),
                delivered: when(d.delivered_ms),
                read: when(d.read_ms),
            })
            .collect(),
    }
}

/// Each warning with its answers, newest warning first; answers to a warning not held here
/// stand alone.
fn threads(l: &L10n, mine: &str, reader: (&str, bool), messages: &[StoredMessage]) -> Vec<ThreadView> {
    let is_warning = |m: &StoredMessage| m.message.template == TemplateKind::Warning;
    let held = |id: uuid::Uuid| messages.iter().any(|w| is_warning(w) && w.message.id == id);
    let mut out: Vec<(uuid::Uuid, ThreadView)> = messages
        .iter()
        .filter(|m| is_warning(m) || m.message.in_reply_to.is_none_or(|r| !held(r)))
        .map(|first| {
            let replies = if is_warning(first) {
                messages
                    .iter()
                    .filter(|r| r.message.in_reply_to == Some(first.message.id))
                    .map(|r| view(l, mine, reader, r))
                    .collect()
            } else {
                Vec::new()
            };
            let thread =
                ThreadView { first: view(l, mine, reader, first), replies, orphan: !is_warning(first) };
            (first.message.id, thread)
        })
        .collect();
    // Message ids are v7: their order is the order they were written.
    out.sort_by_key(|(id, _)| std::cmp::Reverse(*id));
    out.into_iter().map(|(_, t)| t).collect()
}

/// Renders the operation page; `compose` and `edit` carry what was posted, with its errors.
pub(super) async fn operation_page(
    state: &AppState,
    v: &Visitor,
    me: &Principal,
    id: uuid::Uuid,
    compose: Compose,
    edit: Option<OpForm>,
    notices: Vec<Notice>,
) -> Response {
    let ops = state.operations.clone();
    let who = me.clone();
    let (stored, messages) = match tokio::task::spawn_blocking(move || ops.open(&who, id)).await {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => return op_problem(state, v, e),
        Err(_) => return chrome::problem(state, v, Problem::Internal),
    };
    let l = v.l10n();
    let mine = state.operations.me();
    let op = &stored.op;
    let threads = threads(&l, mine, (&me.username, coordinating(me)), &messages);
    let unread =
        threads.iter().flat_map(|t| std::iter::once(&t.first).chain(&t.replies)).filter(|m| m.unread).count();
    let joined = stored.joined(mine);
    let running = op.runs_on(&today());
    let (compose, closed) = if !joined {
        (None, Some(l.t("op-closed-not-joined")))
    } else if !running {
        (None, Some(l.t("op-not-running")))
    } else {
        (Some(op_compose::form(&l, op, mine, &messages, compose)), None)
    };
    let unit = coordinating(me);
    let at_coordinator = op.coordinator == mine;
    let lapse_ms = i64::from(state.operations.lapse_days()) * DAY_MS;
    let now = now_ms();
    let local_users = if unit {
        op.member(mine)
            .map(|m| {
                m.users
                    .iter()
                    .map(|u| {
                        let last = stored.last_access.get(u).copied();
                        LocalUser {
                            username: u.clone(),
                            last_use: last.map(|ms| l.datetime(ms)).unwrap_or_else(|| l.t("op-never")),
                            lapsed: now - last.unwrap_or(stored.received_ms) > lapse_ms,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let page = OperationPage {
        c: chrome(state, v, "operations", notices),
        id: op.id.to_string(),
        name: op.name.clone(),
        purpose: op.purpose.clone(),
        legal_basis: op.legal_basis.clone(),
        period: period(&l, op),
        coordinator_label: format!("{} · {}", op.coordinator, admin_label(&l, &op.coordinator)),
        version: l.num(i64::from(op.version)),
        members: members(&l, op, &stored.joins),
        unread,
        unread_label: l.num(unread as i64),
        messages: l.num(messages.len() as i64),
        threads,
        compose,
        closed,
        can_answer: unit && !at_coordinator && !stored.joins.contains_key(mine),
        edit: (unit && at_coordinator).then(|| edit.unwrap_or_else(|| form_of(mine, op))),
        local_users,
        lapse_days: l.num(i64::from(state.operations.lapse_days())),
        exports: unit && at_coordinator,
    };
    chrome::page(v, &page)
}

/// The page's query: the compose form's template and the warning it answers, and notices.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    compose: Option<String>,
    reply: Option<String>,
    done: Option<String>,
    who: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let me = match require(&state, &v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut notices = chrome::expiry_notice(&v);
    notices.extend(notice(&l, &Done { done: q.done, who: q.who }));
    let compose = Compose::picked(q.compose.as_deref(), q.reply.as_deref());
    operation_page(&state, &v, &me, id, compose, None, notices).await
}

/// Checks the form of a button on one message, runs `act` on it off the async workers, and
/// shows the message again with the notice `done` (if any).
async fn on_message(
    state: &AppState,
    v: &Visitor,
    (id, message): (&str, &str),
    body: &Bytes,
    done: Option<&str>,
    act: impl FnOnce(&crate::operations::Operations, &Principal, uuid::Uuid, uuid::Uuid) -> Result<(), OpError>
    + Send
    + 'static,
) -> Response {
    let me = match require(state, v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Err(r) = v.form::<NoFields>(state, body) {
        return r;
    }
    let (id, message) = match (parse_id(state, v, id), parse_id(state, v, message)) {
        (Ok(id), Ok(m)) => (id, m),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let ops = state.operations.clone();
    match tokio::task::spawn_blocking(move || act(&ops, &me, id, message)).await {
        Ok(Ok(())) => {
            let done = done.map(|d| format!("?done={d}")).unwrap_or_default();
            Redirect::to(&format!("/operations/{id}{done}#m-{message}")).into_response()
        }
        Ok(Err(e)) => op_problem(state, v, e),
        Err(_) => chrome::problem(state, v, Problem::Internal),
    }
}

/// Marks one message read by the reader (a read receipt goes to its sender).
pub async fn read(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, message)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    on_message(&state, &v, (&id, &message), &body, None, |ops, me, id, m| ops.read(me, id, m).map(|_| ()))
        .await
}

/// Marks every message of the operation the reader has not read as read.
pub async fn read_all(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match require(&state, &v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Err(r) = v.form::<NoFields>(&state, &body) {
        return r;
    }
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let ops = state.operations.clone();
    let result = tokio::task::spawn_blocking(move || {
        let (_, messages) = ops.open(&me, id)?;
        for m in messages.iter().filter(|m| m.message.sender != ops.me() && !m.read_by.contains(&me.username))
        {
            ops.read(&me, id, m.message.id)?;
        }
        Ok::<_, OpError>(())
    })
    .await;
    match result {
        Ok(Ok(())) => Redirect::to(&format!("/operations/{id}?done=op-read")).into_response(),
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}

/// A form that carries nothing but its CSRF token.
#[derive(Debug, Deserialize)]
pub struct NoFields {}

/// A new version of the operation: its period, members and users (the coordinator's unit).
pub async fn update(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::CoordinateOperations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: DefinitionIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut form = f.form();
    let draft = match checked_draft(&state, &l, &f, false).await {
        Ok(d) => d,
        Err(errors) => {
            form.errors = errors;
            return operation_page(&state, &v, &me, id, Compose::default(), Some(form), Vec::new()).await;
        }
    };
    let ops = state.operations.clone();
    let who = me.clone();
    match tokio::task::spawn_blocking(move || ops.update(&who, id, draft)).await {
        Ok(Ok(_)) => {
            reach_members(&state);
            Redirect::to(&format!("/operations/{id}?done=op-updated")).into_response()
        }
        Ok(Err(OpError::Invalid(e))) => {
            definition_errors(&l, &e.0, &mut form.errors);
            operation_page(&state, &v, &me, id, Compose::default(), Some(form), Vec::new()).await
        }
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}

/// Gives a local participant whose access lapsed a fresh start.
pub async fn reset_access(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, user)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::CoordinateOperations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    if let Err(r) = v.form::<NoFields>(&state, &body) {
        return r;
    }
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let ops = state.operations.clone();
    let who = user.clone();
    match tokio::task::spawn_blocking(move || ops.reset_access(&me, id, &who)).await {
        Ok(Ok(())) => {
            Redirect::to(&format!("/operations/{id}?done=op-reset&who={user}#access")).into_response()
        }
        Ok(Err(OpError::Invalid(_))) => chrome::problem(&state, &v, Problem::NotFound),
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}

/// Approves one of this node's seizure reports for the global CEN database.
pub async fn forward(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, message)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    on_message(&state, &v, (&id, &message), &body, Some("op-forwarded"), |ops, me, id, m| {
        ops.forward(me, id, m).map(|_| ())
    })
    .await
}

/// A message's file: a photo (checked by content when sent and when received) shown inline,
/// anything else only ever downloaded. Every read is audited.
pub async fn attachment(
    State(state): State<AppState>,
    v: Visitor,
    Path((id, message, n)): Path<(String, String, usize)>,
) -> Response {
    let me = match require(&state, &v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (id, message) = match (parse_id(&state, &v, &id), parse_id(&state, &v, &message)) {
        (Ok(id), Ok(m)) => (id, m),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let ops = state.operations.clone();
    match tokio::task::spawn_blocking(move || ops.attachment(&me, id, message, n)).await {
        Ok(Ok(file)) => crate::api::operations::file_response(file),
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}
