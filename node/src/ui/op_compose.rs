//! Composing a CENcomm message from one of the operation's templates: the template picker, the
//! warning a feedback or a seizure report answers, the template's fields as inputs (code lists as
//! drop-downs in the reader's language, dates, numbers), the addressees, and sending it.

use std::collections::BTreeMap;

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::FieldErrors;
use ncen_admin_ui::pages::operations::{ComposeField, ComposeForm};
use ncen_protocol::operation::{FieldType, Operation, TemplateKind, field};

use super::chrome::{self, Problem, admin_label};
use super::entry::options;
use super::operation::operation_page;
use super::operations::{field_label, op_problem, parse_id, require, template_label, translate};
use super::session::Visitor;
use crate::api::AppState;
use crate::operations::{OpError, Outgoing, StoredMessage};

/// Free-text fields written as paragraphs rather than one line.
const LONG: [&str; 4] = ["summary", "risk_indicators", "action_taken", "remarks"];

/// What the compose form shows: the template, the warning answered, the values and errors.
#[derive(Debug, Clone)]
pub(super) struct Compose {
    pub template: TemplateKind,
    pub reply: String,
    pub values: BTreeMap<String, String>,
    pub to_all: bool,
    pub to: Vec<String>,
    pub errors: FieldErrors,
}

impl Default for Compose {
    fn default() -> Self {
        Compose {
            template: TemplateKind::Warning,
            reply: String::new(),
            values: BTreeMap::new(),
            to_all: true,
            to: Vec::new(),
            errors: FieldErrors::default(),
        }
    }
}

impl Compose {
    /// A blank form of the template picked in the page's address, answering `reply`.
    pub(super) fn picked(template: Option<&str>, reply: Option<&str>) -> Compose {
        let template = template.and_then(TemplateKind::parse).unwrap_or(TemplateKind::Warning);
        let reply = reply.filter(|r| uuid::Uuid::parse_str(r).is_ok()).unwrap_or_default().to_owned();
        Compose { template, reply, ..Compose::default() }
    }
}

/// The compose form of `op` for the reader.
pub(super) fn form(
    l: &L10n,
    op: &Operation,
    mine: &str,
    messages: &[StoredMessage],
    c: Compose,
) -> ComposeForm {
    let id = op.id;
    let tabs = TemplateKind::ALL
        .iter()
        .map(|t| {
            let href = if *t == TemplateKind::Warning || c.reply.is_empty() {
                format!("/operations/{id}?compose={}#compose", t.as_str())
            } else {
                format!("/operations/{id}?compose={}&reply={}#compose", t.as_str(), c.reply)
            };
            (t.as_str(), template_label(l, *t), href, *t == c.template)
        })
        .collect();
    let warnings = messages
        .iter()
        .rev()
        .filter(|m| m.message.template == TemplateKind::Warning)
        .map(|m| {
            let summary: String =
                m.message.fields.get("summary").map(|s| s.chars().take(60).collect()).unwrap_or_default();
            let at = l.datetime(m.message.issued_at_ms);
            (m.message.id.to_string(), format!("{} · {at} · {summary}", m.message.sender))
        })
        .collect();
    let fields = op
        .templates
        .of(c.template)
        .iter()
        .filter_map(|name| field(name))
        .map(|spec| {
            let (kind, choices) = match spec.kind {
                FieldType::Code(list) => ("select", options(l, list)),
                FieldType::Date => ("date", Vec::new()),
                FieldType::Number => ("number", Vec::new()),
                FieldType::Text if LONG.contains(&spec.name) => ("textarea", Vec::new()),
                FieldType::Text => ("text", Vec::new()),
            };
            let key = format!("f.{}", spec.name);
            ComposeField {
                id: format!("compose-{}", spec.name),
                label: field_label(l, spec.name),
                kind,
                options: choices,
                value: c.values.get(spec.name).cloned().unwrap_or_default(),
                error: c.errors.has(&key).then(|| c.errors.get(&key).to_owned()),
                nominal: spec.nominal,
                required: spec.name == "summary",
                name: key,
            }
        })
        .collect();
    let members = op
        .members
        .iter()
        .filter(|m| m.administration != mine)
        .map(|m| {
            (m.administration.clone(), admin_label(l, &m.administration), c.to.contains(&m.administration))
        })
        .collect();
    ComposeForm {
        template: c.template.as_str(),
        tabs,
        warnings,
        reply: c.reply,
        fields,
        members,
        to_all: c.to_all,
        errors: c.errors,
    }
}

/// The compose form's field a message error belongs to.
fn message_field(name: &str) -> String {
    match name {
        "to" | "in_reply_to" => name.to_owned(),
        n if n.starts_with("attachments") => "file".to_owned(),
        n if field(n).is_some() => format!("f.{n}"),
        _ => "form".to_owned(),
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

/// Sends the composed message, or shows the form again with its errors next to the fields.
pub async fn send(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    form: Multipart,
) -> Response {
    let me = match require(&state, &v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    // Repeated fields (the addressees) and the template's fields: read as pairs; files apart.
    let (pairs, files) = match read(form).await {
        Ok(read) => read,
        Err(_) => return chrome::problem(&state, &v, Problem::BadForm),
    };
    let csrf = pairs.iter().find(|(k, _)| k == "_csrf").map(|(_, t)| t.as_str()).unwrap_or_default();
    if let Err(r) = v.check_csrf(&state, csrf) {
        return r;
    }
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim()).unwrap_or_default();
    let Some(template) = TemplateKind::parse(get("template")) else {
        return chrome::problem(&state, &v, Problem::BadForm);
    };
    let l = v.l10n();
    let mut compose = Compose {
        template,
        reply: get("in_reply_to").to_owned(),
        values: pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("f.")?.to_owned(), v.clone())))
            .collect(),
        to_all: get("to_mode") != "some",
        to: pairs.iter().filter(|(k, _)| k == "to").map(|(_, v)| v.clone()).collect(),
        errors: FieldErrors::default(),
    };
    let in_reply_to = match template {
        TemplateKind::Warning => None,
        _ => match uuid::Uuid::parse_str(&compose.reply) {
            Ok(w) => Some(w),
            Err(_) => {
                compose.errors.add("in_reply_to", l.t("op-error-reply"));
                None
            }
        },
    };
    if !compose.to_all && compose.to.is_empty() {
        compose.errors.add("to", l.t("op-error-to-none"));
    }
    if !compose.errors.is_empty() {
        return operation_page(&state, &v, &me, id, compose, None, Vec::new()).await;
    }
    let ops = state.operations.clone();
    let who = me.clone();
    let to = if compose.to_all { Vec::new() } else { compose.to.clone() };
    let fields = compose.values.clone();
    match tokio::task::spawn_blocking(move || {
        ops.send(&who, id, Outgoing { template, in_reply_to, to, fields, files })
    })
    .await
    {
        Ok(Ok(message)) => {
            Redirect::to(&format!("/operations/{id}?done=op-sent#m-{}", message.id)).into_response()
        }
        Ok(Err(OpError::Invalid(e))) => {
            for fe in &e.0 {
                let key = message_field(&fe.field);
                if !compose.errors.has(&key) {
                    compose.errors.add(key, translate(&l, fe));
                }
            }
            operation_page(&state, &v, &me, id, compose, None, Vec::new()).await
        }
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}
