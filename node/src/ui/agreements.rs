//! The agreements page: proposals to answer, proposals sent, agreements in force and ended ones,
//! each saying in words what flows to whom; proposing, accepting, rejecting and revoking (after
//! a confirmation page), and the signatures' fingerprints.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{
    AgreementGroup, AgreementPage, AgreementRow, AgreementsPage, FieldErrors, Flow, ProposeForm,
};
use ncen_protocol::agreement::{ActKind, Direction, State as AgreementState};
use ncen_protocol::codelists::ListId;
use ncen_protocol::envelope;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::chrome::{self, Done, admin_label, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::api::federation::{ProposeRequest, act_as, peer_views, propose_as};
use crate::federation::agreements::{AgreementView, ScopeView};
use crate::roles::Permission;

const KINDS: [(&str, &str); 3] = [
    ("seizures", "agr-kind-seizures"),
    ("suspects", "agr-kind-suspects"),
    ("companies", "agr-kind-companies"),
];

fn state_key(s: AgreementState) -> &'static str {
    match s {
        AgreementState::Proposed => "proposed",
        AgreementState::Active => "active",
        AgreementState::Pending => "pending",
        AgreementState::Expired => "expired",
        AgreementState::Rejected => "rejected",
        AgreementState::Revoked => "revoked",
    }
}

/// What flows under the agreement, one line per direction (none when no kind is named).
fn flows(l: &L10n, me: &str, a: &AgreementView) -> Vec<Flow> {
    let other = &a.peer;
    let (proposer, accepter) = if a.proposer == me { (me, other.as_str()) } else { (other.as_str(), me) };
    let pairs: Vec<(&str, &str)> = match a.scope.direction {
        Direction::Both => vec![(me, other.as_str()), (other.as_str(), me)],
        Direction::ProposerToPeer => vec![(proposer, accepter)],
        Direction::PeerToProposer => vec![(accepter, proposer)],
    };
    let kinds: Vec<String> = a
        .scope
        .kinds
        .iter()
        .map(|k| KINDS.iter().find(|(c, _)| c == k).map(|(_, id)| l.t(id)).unwrap_or_else(|| k.clone()))
        .collect();
    if kinds.is_empty() {
        return Vec::new();
    }
    let separator = l.t("list-separator");
    let kinds = kinds.join(&separator);
    let what = if a.scope.commodities.is_empty() {
        kinds
    } else {
        let commodities: Vec<String> =
            a.scope.commodities.iter().map(|c| l.code(ListId::Commodity, c)).collect();
        l.t2("agr-flow-commodities", "kinds", kinds, "commodities", commodities.join(&separator))
    };
    pairs
        .into_iter()
        .map(|(from, to)| Flow { from: from.to_owned(), to: to.to_owned(), what: what.clone() })
        .collect()
}

fn row(l: &L10n, me: &str, a: &AgreementView) -> AgreementRow {
    let validity = match &a.valid_until {
        Some(until) => format!("{} – {}", l.date(&a.valid_from), l.date(until)),
        None => format!("{} – {}", l.date(&a.valid_from), l.t("agr-open-ended")),
    };
    let state = state_key(a.state);
    AgreementRow {
        id: a.id.to_string(),
        peer: a.peer.clone(),
        peer_label: admin_label(l, &a.peer),
        state,
        state_label: l.t(&format!("agr-state-{state}")),
        legal_basis: a.legal_basis.clone(),
        flows: flows(l, me, a),
        validity,
        proposed_at: l.datetime(a.proposed_at_ms),
        delivered: a.delivered,
        can_answer: a.state == AgreementState::Proposed && a.origin == "incoming",
        can_revoke: matches!(a.state, AgreementState::Active | AgreementState::Pending),
    }
}

async fn all_views(state: &AppState, v: &Visitor) -> Result<Vec<AgreementView>, Response> {
    let engine = state.engine.clone().ok_or_else(|| chrome::problem(state, v, chrome::Problem::NoNetwork))?;
    let fed = engine.fed.clone();
    let views = tokio::task::spawn_blocking(move || {
        fed.agreements.all().map(|all| all.iter().map(|(s, v)| fed.agreements.view(s, v)).collect::<Vec<_>>())
    })
    .await;
    match views {
        Ok(Ok(mut views)) => {
            views.sort_by_key(|a| std::cmp::Reverse(a.proposed_at_ms));
            Ok(views)
        }
        _ => Err(chrome::problem(state, v, chrome::Problem::Internal)),
    }
}

fn can_manage(v: &Visitor) -> bool {
    v.principal.as_ref().is_some_and(|p| p.role.allows(Permission::ManageFederation))
}

async fn render(state: &AppState, v: &Visitor, form: ProposeForm, done: Option<&Done>) -> Response {
    let views = match all_views(state, v).await {
        Ok(views) => views,
        Err(r) => return r,
    };
    let l = v.l10n();
    let me = state.node.administration.clone();
    let mut groups = vec![
        AgreementGroup { key: "incoming", title: "agr-incoming", items: Vec::new() },
        AgreementGroup { key: "outgoing", title: "agr-outgoing", items: Vec::new() },
        AgreementGroup { key: "current", title: "agr-current", items: Vec::new() },
        AgreementGroup { key: "past", title: "agr-past", items: Vec::new() },
    ];
    for a in &views {
        let slot = match (a.state, a.origin) {
            (AgreementState::Proposed, "incoming") => 0,
            (AgreementState::Proposed, _) => 1,
            (AgreementState::Active | AgreementState::Pending, _) => 2,
            _ => 3,
        };
        groups[slot].items.push(row(&l, &me, a));
    }
    let peers = match &state.engine {
        Some(engine) => match peer_views(engine).await {
            Ok(p) => p
                .into_iter()
                .filter(|p| p.administration != "WCO" && p.administration != me)
                .map(|p| (p.administration.clone(), admin_label(&l, &p.administration)))
                .collect(),
            Err(e) => return chrome::api_problem(state, v, e),
        },
        None => Vec::new(),
    };
    let commodities = l
        .catalog()
        .list(ListId::Commodity)
        .roots()
        .filter(|e| !e.deprecated)
        .map(|e| (e.code.clone(), l.code(ListId::Commodity, &e.code)))
        .collect();
    let mut notices = chrome::expiry_notice(v);
    notices.extend(done.and_then(|d| d.notice(&l)));
    let page = AgreementsPage {
        c: chrome(state, v, "agreements", notices),
        groups,
        can_manage: can_manage(v),
        peers,
        kinds: KINDS.iter().map(|(k, id)| ((*k).to_owned(), *id)).collect(),
        commodities,
        form,
    };
    chrome::page(v, &page)
}

fn default_form() -> ProposeForm {
    let today = time::OffsetDateTime::now_utc().date();
    ProposeForm {
        kinds: vec!["seizures".into()],
        direction: "both".into(),
        valid_from: format!("{:04}-{:02}-{:02}", today.year(), u8::from(today.month()), today.day()),
        ..ProposeForm::default()
    }
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ReadFederation)) {
        return r;
    }
    render(&state, &v, default_form(), Some(&done)).await
}

#[derive(Debug, Deserialize)]
pub struct ProposeIn {
    #[serde(default)]
    peer: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    commodities: Vec<String>,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_until: String,
}

fn is_date(s: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, format).is_ok()
}

fn check(l: &L10n, f: &ProposeIn) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if f.peer.trim().is_empty() {
        errors.add("peer", l.t("field-required"));
    }
    let basis = f.legal_basis.trim();
    if basis.is_empty() {
        errors.add("legal_basis", l.t("field-required"));
    } else if basis.chars().count() > 500 {
        errors.add("legal_basis", l.t1("field-too-long", "max", 500u32));
    }
    if f.kinds.is_empty() || f.kinds.iter().any(|k| !KINDS.iter().any(|(c, _)| c == k)) {
        errors.add("kinds", l.t("field-choose-kind"));
    }
    let list = l.catalog().list(ListId::Commodity);
    if f.commodities.iter().any(|c| list.get(c).is_none()) {
        errors.add("commodities", l.t("field-required"));
    }
    if !is_date(f.valid_from.trim()) {
        errors.add("valid_from", l.t("field-bad-date"));
    }
    let until = f.valid_until.trim();
    if !until.is_empty() {
        if !is_date(until) {
            errors.add("valid_until", l.t("field-bad-date"));
        } else if until < f.valid_from.trim() {
            errors.add("valid_until", l.t("field-date-order"));
        }
    }
    errors
}

pub async fn propose(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageFederation)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let f: ProposeIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let mut errors = check(&l, &f);
    let direction = match f.direction.as_str() {
        "proposer_to_peer" => Direction::ProposerToPeer,
        "peer_to_proposer" => Direction::PeerToProposer,
        _ => Direction::Both,
    };
    let refill = |errors| ProposeForm {
        peer: f.peer.clone(),
        legal_basis: f.legal_basis.clone(),
        kinds: f.kinds.clone(),
        direction: f.direction.clone(),
        commodities: f.commodities.clone(),
        valid_from: f.valid_from.clone(),
        valid_until: f.valid_until.clone(),
        errors,
    };
    if !errors.is_empty() {
        return render(&state, &v, refill(errors), None).await;
    }
    let peer = f.peer.trim().to_ascii_uppercase();
    let req = ProposeRequest {
        peer: peer.clone(),
        legal_basis: f.legal_basis.trim().to_owned(),
        scope: ScopeView { kinds: f.kinds.clone(), direction, commodities: f.commodities.clone() },
        valid_from: f.valid_from.trim().to_owned(),
        valid_until: Some(f.valid_until.trim().to_owned()).filter(|u| !u.is_empty()),
    };
    match propose_as(&state, actor, req).await {
        Ok(_) => Redirect::to(&format!("/agreements?done=proposed&who={peer}")).into_response(),
        Err(e) if e.status.is_client_error() => {
            // The service names the field first ("peer: ..."); show it there.
            let field = if e.message.starts_with("valid_") { "valid_from" } else { "peer" };
            errors.add(field, l.t1("field-server", "message", e.message));
            render(&state, &v, refill(errors), None).await
        }
        Err(e) => chrome::api_problem(&state, &v, e),
    }
}

async fn detail_page(state: &AppState, v: &Visitor, id: &str, confirm_revoke: bool) -> Response {
    if let Err(r) = v.require(state, Some(Permission::ReadFederation)) {
        return r;
    }
    let Some(engine) = state.engine.clone() else {
        return chrome::problem(state, v, chrome::Problem::NoNetwork);
    };
    let Ok(uuid) = uuid::Uuid::parse_str(id) else {
        return chrome::problem(state, v, chrome::Problem::NotFound);
    };
    let fed = engine.fed.clone();
    let found = tokio::task::spawn_blocking(move || {
        fed.agreements.get(uuid).map(|(s, verified)| (fed.agreements.view(&s, &verified), s, verified))
    })
    .await;
    let (view, stored, verified) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return chrome::api_problem(state, v, e.into()),
        Err(_) => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let l = v.l10n();
    let me = state.node.administration.clone();
    let fingerprint = |bytes: &[u8]| match envelope::signature_unverified(bytes, 1 << 20) {
        Ok(sig) => hex::encode(Sha256::digest(sig)),
        Err(_) => "?".to_owned(),
    };
    let doc = &stored.document;
    let mut signatures =
        vec![(l.t1("agr-signed-by", "admin", verified.terms.proposer.as_str()), fingerprint(&doc.proposal))];
    let mut events = vec![(l.t("agr-proposed-at"), l.datetime(view.proposed_at_ms))];
    for (bytes, act, label) in [
        (&doc.acceptance, &verified.acceptance, "agr-accepted-at"),
        (&doc.rejection, &verified.rejection, "agr-rejected-at"),
        (&doc.revocation, &verified.revocation, "agr-revoked-at"),
    ] {
        if let (Some(bytes), Some(act)) = (bytes, act) {
            signatures.push((l.t1("agr-signed-by", "admin", act.by.as_str()), fingerprint(bytes)));
            events.push((l.t1(label, "admin", act.by.as_str()), l.datetime(act.at_ms)));
        }
    }
    let a = row(&l, &me, &view);
    if confirm_revoke && !a.can_revoke {
        return Redirect::to(&format!("/agreements/{id}")).into_response();
    }
    let notices = chrome::expiry_notice(v);
    let page = AgreementPage {
        c: chrome(state, v, "agreements", notices),
        a,
        can_manage: can_manage(v),
        confirm_revoke,
        events,
        reason: view.reason.clone(),
        signatures,
    };
    chrome::page(v, &page)
}

pub async fn detail(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    detail_page(&state, &v, &id, false).await
}

pub async fn confirm_revoke(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ManageFederation)) {
        return r;
    }
    detail_page(&state, &v, &id, true).await
}

#[derive(Debug, Deserialize)]
pub struct ActIn {
    #[serde(default)]
    reason: String,
}

async fn act(state: AppState, v: Visitor, id: String, kind: ActKind, body: Bytes) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageFederation)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let f: ActIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let reason: String = f.reason.trim().chars().take(500).collect();
    let reason = Some(reason).filter(|r| !r.is_empty());
    match act_as(&state, actor, &id, kind, reason).await {
        Ok(view) => {
            let done = match kind {
                ActKind::Accept => "accepted",
                ActKind::Reject => "rejected",
                ActKind::Revoke => "revoked",
            };
            Redirect::to(&format!("/agreements?done={done}&who={}", view.peer)).into_response()
        }
        Err(e) if e.status == axum::http::StatusCode::CONFLICT => {
            Redirect::to(&format!("/agreements/{id}")).into_response()
        }
        Err(e) => chrome::api_problem(&state, &v, e),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    act(state, v, id, ActKind::Accept, body).await
}

pub async fn reject(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    act(state, v, id, ActKind::Reject, body).await
}

pub async fn revoke(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    act(state, v, id, ActKind::Revoke, body).await
}
