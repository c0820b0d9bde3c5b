//! CENcomm pages (MISSION O1-O4): the operations a user may see with the invitations waiting for
//! this administration's answer, the form of a new operation, and what the other operation pages
//! share: who may open them, the service's refusals as pages, its field errors in the reader's
//! language, members and their answers, and the definition form read into a draft.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::pages::operations::{MemberRow, OpForm, OpRow, OperationsPage, TemplateChoice};
use ncen_admin_ui::pages::{ErrorPage, FieldErrors, Notice};
use ncen_admin_ui::{L10n, render};
use ncen_protocol::operation::{FIELDS, Member, OPERATION_FORMAT, Operation, TemplateKind, Templates};
use ncen_protocol::record::is_administration_code;
use ncen_protocol::validate::FieldError;
use serde::Deserialize;

use super::chrome::{self, Done, Problem, admin_label, chrome};
use super::session::Visitor;
use crate::accounts::Principal;
use crate::api::AppState;
use crate::operations::{Draft, JoinState, OpError, Operations};
use crate::roles::Permission;

/// Whether `p` may open the CENcomm pages at all.
pub(super) fn may_use(p: &Principal) -> bool {
    p.role.allows(Permission::UseOperations) || p.role.allows(Permission::CoordinateOperations)
}

/// Whether `p` belongs to the coordination unit: creates, answers, manages participants.
pub(super) fn coordinating(p: &Principal) -> bool {
    p.role.allows(Permission::CoordinateOperations)
}

/// The signed-in user, if they take part in CENcomm; otherwise the login or a 403 page.
pub(super) fn require(state: &AppState, v: &Visitor) -> Result<Principal, Response> {
    let p = v.require(state, None)?;
    if may_use(p) { Ok(p.clone()) } else { Err(chrome::problem(state, v, Problem::Forbidden)) }
}

/// Unread messages of `p` in the operations they may use, for the navigation.
pub(super) fn unread_total(ops: &Operations, p: &Principal) -> usize {
    if !may_use(p) || p.must_change_password {
        return 0;
    }
    ops.list(p).map(|all| all.iter().filter(|s| s.usable).map(|s| s.unread).sum()).unwrap_or(0)
}

pub(super) fn parse_id(state: &AppState, v: &Visitor, id: &str) -> Result<uuid::Uuid, Response> {
    uuid::Uuid::parse_str(id).map_err(|_| chrome::problem(state, v, Problem::NotFound))
}

/// Connects to new members at once rather than at the next housekeeping round.
pub(super) fn reach_members(state: &AppState) {
    if let Some(engine) = state.engine.clone() {
        tokio::spawn(async move { engine.sync_network().await });
    }
}

/// `YYYY-MM-DD` of today (UTC).
pub(super) fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The page for a refusal of the service: lapsed access says what to do about it.
pub(super) fn op_problem(state: &AppState, v: &Visitor, e: OpError) -> Response {
    match e {
        OpError::NotFound => chrome::problem(state, v, Problem::NotFound),
        OpError::Forbidden(_) => chrome::problem(state, v, Problem::Forbidden),
        OpError::Lapsed(days) => {
            let l = v.l10n();
            let page = ErrorPage {
                c: chrome(state, v, "operations", Vec::new()),
                title: l.t("op-lapsed-title"),
                message: l.t1("op-lapsed", "days", days),
            };
            (v.jar.clone(), render(StatusCode::FORBIDDEN, &page)).into_response()
        }
        OpError::Invalid(_) => chrome::problem(state, v, Problem::BadForm),
        other => {
            tracing::error!(error = %other, "CENcomm page failed");
            chrome::problem(state, v, Problem::Internal)
        }
    }
}

/// What was just done, from the redirect after a form.
pub(super) fn notice(l: &L10n, done: &Done) -> Option<Notice> {
    let text = match done.done.as_deref()? {
        "op-created" => l.t("op-done-created"),
        "op-joined" => l.t("op-done-joined"),
        "op-declined" => l.t("op-done-declined"),
        "op-updated" => l.t("op-done-updated"),
        "op-sent" => l.t("op-done-sent"),
        "op-read" => l.t("op-done-read"),
        "op-forwarded" => l.t("op-done-forwarded"),
        "op-reset" => {
            let who = done.who.as_deref().filter(|w| is_user_name(w))?;
            l.t1("op-done-reset", "user", who)
        }
        _ => return None,
    };
    Some(Notice { kind: "ok", text })
}

/// The period of an operation in words.
pub(super) fn period(l: &L10n, op: &Operation) -> String {
    match &op.valid_until {
        Some(until) => l.t2("op-period", "from", l.date(&op.valid_from), "until", l.date(until)),
        None => l.t1("op-period-open", "from", l.date(&op.valid_from)),
    }
}

/// A member's answer: `coordinator`, `joined`, `declined` or `waiting`.
pub(super) fn answer(
    op: &Operation,
    joins: &BTreeMap<String, JoinState>,
    administration: &str,
) -> &'static str {
    if administration == op.coordinator {
        return "coordinator";
    }
    match joins.get(administration) {
        Some(j) if j.accept => "joined",
        Some(_) => "declined",
        None => "waiting",
    }
}

fn answer_label(l: &L10n, state: &str) -> String {
    l.t(&format!("op-answer-{state}"))
}

pub(super) fn members(l: &L10n, op: &Operation, joins: &BTreeMap<String, JoinState>) -> Vec<MemberRow> {
    op.members
        .iter()
        .map(|m| {
            let state = answer(op, joins, &m.administration);
            MemberRow {
                administration: m.administration.clone(),
                label: admin_label(l, &m.administration),
                state,
                state_label: answer_label(l, state),
                users: m.users.join(", "),
            }
        })
        .collect()
}

pub(super) fn template_label(l: &L10n, t: TemplateKind) -> String {
    l.t(&format!("op-template-{}", t.as_str()))
}

pub(super) fn field_label(l: &L10n, name: &str) -> String {
    l.t(&format!("opfield-{name}"))
}

/// At most `n` characters of what a user typed, to quote it back.
fn quote(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// A service's field error in the reader's language.
pub(super) fn translate(l: &L10n, e: &FieldError) -> String {
    let m = e.message.as_str();
    let value = quote(e.value.as_deref().unwrap_or_default(), 40);
    let longer_than = m
        .strip_prefix("is longer than ")
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse::<u32>().ok());
    if m == "is required" {
        l.t("field-required")
    } else if let Some(max) = longer_than {
        l.t1("field-too-long", "max", max)
    } else if m.starts_with("is not a date") {
        l.t("field-bad-date")
    } else if m == "is before valid_from" {
        l.t("field-date-order")
    } else if m.starts_with("an operation needs") {
        l.t("op-error-need-member")
    } else if m.contains("administration code") {
        l.t1("op-error-admin-code", "code", value)
    } else if m == "is listed twice" {
        l.t1("op-error-twice", "value", value)
    } else if m == "is not a user name" {
        l.t1("op-error-user", "user", value)
    } else if m.starts_with("is not in code list") {
        l.t("op-error-code")
    } else if m.starts_with("is not a number") {
        l.t("op-error-number")
    } else if m.starts_with("is not a field of the") {
        l.t("op-error-not-in-template")
    } else if m == "names the warning it answers" || m == "is not a warning of this operation" {
        l.t("op-error-reply")
    } else if m == "is not a member of the operation" {
        l.t1("op-error-not-member", "code", value)
    } else if m == "the operation is not running today" {
        l.t("op-not-running")
    } else {
        l.t1("field-server", "message", format!("{}: {m}", e.field))
    }
}

/// The form field a definition error belongs to.
fn definition_field(field: &str) -> &'static str {
    match field {
        "name" => "name",
        "purpose" => "purpose",
        "legal_basis" => "legal_basis",
        "valid_from" => "valid_from",
        "valid_until" => "valid_until",
        f if f.starts_with("members[0]") => "own_users",
        f if f.starts_with("members") => "members",
        f if f.starts_with("templates") => "templates",
        _ => "form",
    }
}

/// The errors of a definition, each next to its form field.
pub(super) fn definition_errors(l: &L10n, errors: &[FieldError], into: &mut FieldErrors) {
    for e in errors {
        let field = definition_field(&e.field);
        if !into.has(field) {
            into.add(field, translate(l, e));
        }
    }
}

fn is_user_name(u: &str) -> bool {
    !u.is_empty() && u.len() <= 64 && u.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// User names separated by commas or spaces.
fn names(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// The definition form as posted.
#[derive(Debug, Default, Deserialize)]
pub struct DefinitionIn {
    #[serde(default)]
    name: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    own_users: String,
    #[serde(default)]
    members: String,
    #[serde(default)]
    warning: Vec<String>,
    #[serde(default)]
    feedback: Vec<String>,
    #[serde(default)]
    seizure: Vec<String>,
}

/// The standard fields chosen among `picked`, in their order, the summary always first.
fn chosen(picked: &[String]) -> Vec<String> {
    FIELDS
        .iter()
        .map(|f| f.name)
        .filter(|n| *n == "summary" || picked.iter().any(|p| p == n))
        .map(str::to_owned)
        .collect()
}

impl DefinitionIn {
    fn templates(&self) -> Templates {
        Templates {
            warning: chosen(&self.warning),
            feedback: chosen(&self.feedback),
            seizure: chosen(&self.seizure),
        }
    }

    /// The form showing what was posted.
    pub(super) fn form(&self) -> OpForm {
        let t = self.templates();
        OpForm {
            name: self.name.clone(),
            purpose: self.purpose.clone(),
            legal_basis: self.legal_basis.clone(),
            valid_from: self.valid_from.clone(),
            valid_until: self.valid_until.clone(),
            own_users: self.own_users.clone(),
            members: self.members.clone(),
            chosen: templates_map(&t),
            errors: FieldErrors::default(),
        }
    }
}

fn templates_map(t: &Templates) -> BTreeMap<String, Vec<String>> {
    TemplateKind::ALL.iter().map(|k| (k.as_str().to_owned(), t.of(*k).to_vec())).collect()
}

/// The form of an existing operation, to change it.
pub(super) fn form_of(me: &str, op: &Operation) -> OpForm {
    let own = op.member(me).map(|m| m.users.join(", ")).unwrap_or_default();
    let others: Vec<String> = op
        .members
        .iter()
        .filter(|m| m.administration != me)
        .map(|m| format!("{}: {}", m.administration, m.users.join(", ")))
        .collect();
    OpForm {
        name: op.name.clone(),
        purpose: op.purpose.clone(),
        legal_basis: op.legal_basis.clone(),
        valid_from: op.valid_from.clone(),
        valid_until: op.valid_until.clone().unwrap_or_default(),
        own_users: own,
        members: others.join("\n"),
        chosen: templates_map(&op.templates),
        errors: FieldErrors::default(),
    }
}

/// The members typed one a line (`BE: officer, analyst`), or what is wrong with the lines.
fn parse_members(l: &L10n, me: &str, text: &str) -> (Vec<Member>, Vec<String>) {
    let mut members: Vec<Member> = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(n, line)| (n + 1, line.trim())) {
        if line.is_empty() {
            continue;
        }
        let (code, users) = line.split_once(':').unwrap_or((line, ""));
        let code = code.trim().to_ascii_uppercase();
        if !is_administration_code(&code) || code == "WCO" {
            problems.push(l.t2("op-error-member-code", "line", n, "code", quote(&code, 20)));
            continue;
        }
        if code == me {
            problems.push(l.t1("op-error-member-self", "line", n));
            continue;
        }
        if members.iter().any(|m| m.administration == code) {
            problems.push(l.t2("op-error-member-twice", "line", n, "code", code));
            continue;
        }
        let users = names(users);
        for u in users.iter().filter(|u| !is_user_name(u)) {
            problems.push(l.t2("op-error-member-user", "line", n, "user", quote(u, 40)));
        }
        members.push(Member { administration: code, users });
    }
    if members.is_empty() && problems.is_empty() {
        problems.push(l.t("op-error-need-member"));
    }
    (members, problems)
}

/// The draft of a posted definition, or its errors next to their fields. `templates`: the
/// form chose the fields of each template (a new operation); otherwise they stay as they are.
pub(super) async fn checked_draft(
    state: &AppState,
    l: &L10n,
    f: &DefinitionIn,
    templates: bool,
) -> Result<Draft, FieldErrors> {
    let me = state.operations.me().to_owned();
    let mut errors = FieldErrors::default();
    let (members, problems) = parse_members(l, &me, &f.members);
    if !problems.is_empty() {
        errors.add("members", problems.join(" "));
    }
    let own_users = names(&f.own_users);
    // This administration's participants must be accounts here that may take part.
    let accounts = state.accounts.clone();
    let wanted = own_users.clone();
    let unknown: Vec<String> = tokio::task::spawn_blocking(move || {
        wanted
            .into_iter()
            .filter(|u| {
                !is_user_name(u)
                    || !accounts.load(u).ok().flatten().is_some_and(|a| {
                        a.role.allows(Permission::UseOperations)
                            || a.role.allows(Permission::CoordinateOperations)
                    })
            })
            .collect()
    })
    .await
    .unwrap_or_default();
    if let Some(u) = unknown.first() {
        errors.add("own_users", l.t1("op-error-own-user", "user", quote(u, 40)));
    }
    let draft = Draft {
        name: f.name.clone(),
        purpose: f.purpose.clone(),
        legal_basis: f.legal_basis.clone(),
        valid_from: f.valid_from.clone(),
        valid_until: Some(f.valid_until.clone()),
        members: members.clone(),
        own_users: own_users.clone(),
        templates: templates.then(|| f.templates()),
    };
    // The definition's own checks, all at once, before anything is signed.
    let mut all = vec![Member { administration: me.clone(), users: own_users }];
    all.extend(members);
    let provisional = Operation {
        format: OPERATION_FORMAT,
        id: uuid::Uuid::nil(),
        version: 1,
        coordinator: me,
        name: f.name.trim().to_owned(),
        purpose: f.purpose.trim().to_owned(),
        legal_basis: f.legal_basis.trim().to_owned(),
        valid_from: f.valid_from.trim().to_owned(),
        valid_until: Some(f.valid_until.trim().to_owned()).filter(|u| !u.is_empty()),
        members: all,
        templates: f.templates(),
        issued_at_ms: 0,
    };
    if let Err(e) = provisional.check() {
        definition_errors(l, &e.0, &mut errors);
    }
    if errors.is_empty() { Ok(draft) } else { Err(errors) }
}

pub(super) fn template_choices(l: &L10n) -> Vec<TemplateChoice> {
    TemplateKind::ALL
        .iter()
        .map(|t| TemplateChoice {
            key: t.as_str(),
            label: template_label(l, *t),
            fields: FIELDS.iter().map(|f| (f.name.to_owned(), field_label(l, f.name), f.nominal)).collect(),
        })
        .collect()
}

async fn list_page(
    state: &AppState,
    v: &Visitor,
    me: &Principal,
    form: OpForm,
    done: Option<Notice>,
) -> Response {
    let ops = state.operations.clone();
    let who = me.clone();
    let all = match tokio::task::spawn_blocking(move || ops.list(&who)).await {
        Ok(Ok(all)) => all,
        Ok(Err(e)) => return op_problem(state, v, e),
        Err(_) => return chrome::problem(state, v, Problem::Internal),
    };
    let l = v.l10n();
    let mine = state.operations.me();
    let (mut invitations, mut rows) = (Vec::new(), Vec::new());
    for s in &all {
        let op = &s.operation;
        let state = answer(op, &s.joins, mine);
        let row = OpRow {
            id: op.id.to_string(),
            href: format!("/operations/{}", op.id),
            name: op.name.clone(),
            purpose: op.purpose.clone(),
            legal_basis: op.legal_basis.clone(),
            coordinator_label: format!("{} · {}", op.coordinator, admin_label(&l, &op.coordinator)),
            period: period(&l, op),
            members: members(&l, op, &s.joins),
            unread: s.unread,
            unread_label: l.num(s.unread as i64),
            messages: l.num(s.messages as i64),
            state,
            state_label: answer_label(&l, state),
        };
        if state == "waiting" { invitations.push(row) } else { rows.push(row) }
    }
    let mut notices = chrome::expiry_notice(v);
    notices.extend(done);
    let page = OperationsPage {
        c: chrome(state, v, "operations", notices),
        invitations,
        rows,
        coordinating: coordinating(me),
        form,
        templates: template_choices(&l),
    };
    chrome::page(v, &page)
}

/// The form of a new operation: from today, with the standard fields of each template.
fn blank_form() -> OpForm {
    OpForm { valid_from: today(), chosen: templates_map(&Templates::standard()), ..OpForm::default() }
}

pub async fn list(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Response {
    let me = match require(&state, &v) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let l = v.l10n();
    list_page(&state, &v, &me, blank_form(), notice(&l, &done)).await
}

pub async fn create(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let me = match v.require(&state, Some(Permission::CoordinateOperations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: DefinitionIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut form = f.form();
    let draft = match checked_draft(&state, &l, &f, true).await {
        Ok(d) => d,
        Err(errors) => {
            form.errors = errors;
            return list_page(&state, &v, &me, form, None).await;
        }
    };
    let ops = state.operations.clone();
    let who = me.clone();
    match tokio::task::spawn_blocking(move || ops.create(&who, draft)).await {
        Ok(Ok(op)) => {
            reach_members(&state);
            Redirect::to(&format!("/operations/{}?done=op-created", op.id)).into_response()
        }
        Ok(Err(OpError::Invalid(e))) => {
            definition_errors(&l, &e.0, &mut form.errors);
            list_page(&state, &v, &me, form, None).await
        }
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct JoinIn {
    #[serde(default)]
    accept: String,
}

pub async fn join(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let me = match v.require(&state, Some(Permission::CoordinateOperations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: JoinIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = match parse_id(&state, &v, &id) {
        Ok(id) => id,
        Err(r) => return r,
    };
    let accept = match f.accept.as_str() {
        "true" => true,
        "false" => false,
        _ => return chrome::problem(&state, &v, Problem::BadForm),
    };
    let ops = state.operations.clone();
    match tokio::task::spawn_blocking(move || ops.answer(&me, id, accept)).await {
        Ok(Ok(())) => {
            reach_members(&state);
            let to = if accept {
                format!("/operations/{id}?done=op-joined")
            } else {
                "/operations?done=op-declined".into()
            };
            Redirect::to(&to).into_response()
        }
        Ok(Err(e)) => op_problem(&state, &v, e),
        Err(_) => chrome::problem(&state, &v, Problem::Internal),
    }
}

#[cfg(test)]
mod tests {
    use ncen_admin_ui::Lang;

    use super::*;

    /// Labels built from codes: every standard field, template and answer has one.
    #[test]
    fn every_field_template_and_answer_has_a_label() {
        for lang in Lang::ALL {
            let l = L10n::new(lang);
            let ids = FIELDS
                .iter()
                .map(|f| format!("opfield-{}", f.name))
                .chain(TemplateKind::ALL.iter().map(|t| format!("op-template-{}", t.as_str())))
                .chain(
                    ["coordinator", "joined", "waiting", "declined"].iter().map(|s| format!("op-answer-{s}")),
                );
            for id in ids {
                assert_ne!(l.t(&id), id, "{lang:?} has no {id}");
            }
        }
    }

    #[test]
    fn members_are_read_one_a_line_with_their_errors() {
        let l = L10n::new(Lang::En);
        let (members, problems) = parse_members(&l, "NL", "be: officer, analyst\n\nDE\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].administration, "BE");
        assert_eq!(members[0].users, ["officer", "analyst"]);
        assert!(members[1].users.is_empty());
        let (_, problems) = parse_members(&l, "NL", "NL: x\nBE\nBE\nXX1\nFR: bad/name");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].contains('1') && problems[3].contains("bad/name"), "{problems:?}");
        let (_, problems) = parse_members(&l, "NL", "  \n");
        assert_eq!(problems.len(), 1);
    }
}
