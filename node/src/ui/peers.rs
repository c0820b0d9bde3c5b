//! The peers page: every administration this node knows, with live replication state; add,
//! remove and pull now (administrators).

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{FieldErrors, Notice, PeerForm, PeersPage};
use ncen_protocol::record::is_administration_code;
use serde::Deserialize;

use super::chrome::{self, Done, chrome};
use super::dashboard::peer_row;
use super::session::Visitor;
use crate::api::AppState;
use crate::api::federation::{add_peer_as, admit_member_as, peer_views, remove_peer_as};
use crate::federation::engine::Engine;
use crate::federation::peers::Peer;
use crate::roles::Permission;
use ncen_protocol::directory::Member;

fn engine_of(state: &AppState, v: &Visitor) -> Result<Engine, Response> {
    state.engine.clone().ok_or_else(|| chrome::problem(state, v, chrome::Problem::NoNetwork))
}

async fn render(state: &AppState, v: &Visitor, form: PeerForm, notices: Vec<Notice>) -> Response {
    let engine = match engine_of(state, v) {
        Ok(e) => e,
        Err(r) => return r,
    };
    let views = match peer_views(&engine).await {
        Ok(p) => p,
        Err(e) => return chrome::api_problem(state, v, e),
    };
    let l = L10n::new(v.lang);
    let can_manage = v.principal.as_ref().is_some_and(|p| p.role.allows(Permission::ManageFederation));
    let page = PeersPage {
        c: chrome(state, v, "peers", notices),
        peers: views.iter().map(|p| peer_row(&l, p)).collect(),
        can_manage,
        is_hub: state.node.role == "hub",
        form,
    };
    chrome::page(v, &page)
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ReadFederation)) {
        return r;
    }
    let l = L10n::new(v.lang);
    let mut notices = chrome::expiry_notice(&v);
    notices.extend(done.notice(&l));
    render(&state, &v, PeerForm::default(), notices).await
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    administration: String,
    #[serde(default)]
    peer_id: String,
    #[serde(default)]
    addresses: String,
}

/// Checks the fields one by one so that each error is shown next to its field.
fn check(l: &L10n, form: &AddForm) -> (Peer, FieldErrors) {
    let mut errors = FieldErrors::default();
    let administration = form.administration.trim().to_ascii_uppercase();
    if administration.is_empty() {
        errors.add("administration", l.t("field-required"));
    } else if !is_administration_code(&administration) || administration == "WCO" {
        errors.add("administration", l.t("field-bad-administration"));
    }
    let peer_id = form.peer_id.trim().to_owned();
    if peer_id.is_empty() {
        errors.add("peer_id", l.t("field-required"));
    } else if crate::net::key_of_peer_id(&peer_id).is_none() {
        errors.add("peer_id", l.t("field-bad-peer-id"));
    }
    let addresses: Vec<String> =
        form.addresses.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
    if addresses.is_empty() {
        errors.add("addresses", l.t("field-required"));
    } else if addresses.iter().any(|a| a.parse::<libp2p::Multiaddr>().is_err()) {
        errors.add("addresses", l.t("field-bad-address"));
    }
    (Peer { administration, peer_id, addresses }, errors)
}

pub async fn add(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageFederation)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let form: AddForm = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let (peer, mut errors) = check(&l, &form);
    let refill = |errors| PeerForm {
        administration: form.administration.clone(),
        peer_id: form.peer_id.clone(),
        addresses: form.addresses.clone(),
        errors,
    };
    if !errors.is_empty() {
        return render(&state, &v, refill(errors), Vec::new()).await;
    }
    let engine = match engine_of(&state, &v) {
        Ok(e) => e,
        Err(r) => return r,
    };
    let admin = peer.administration.clone();
    // At the hub the form admits a member to the signed directory; elsewhere it adds a peer.
    let added = if engine.fed.is_hub() {
        let member =
            Member { administration: peer.administration, peer_id: peer.peer_id, addresses: peer.addresses };
        admit_member_as(&engine, actor, member).await.map(|_| "member-admitted")
    } else {
        add_peer_as(&engine, actor, peer).await.map(|_| "peer-added")
    };
    match added {
        Ok(done) => Redirect::to(&format!("/peers?done={done}&who={admin}")).into_response(),
        Err(e) if e.status.is_client_error() => {
            errors.add("peer_id", l.t1("field-server", "message", e.message));
            render(&state, &v, refill(errors), Vec::new()).await
        }
        Err(e) => chrome::api_problem(&state, &v, e),
    }
}

#[derive(Debug, Deserialize)]
pub struct Empty {}

pub async fn remove(
    State(state): State<AppState>,
    v: Visitor,
    Path(administration): Path<String>,
    body: Bytes,
) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageFederation)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    if let Err(r) = v.form::<Empty>(&state, &body) {
        return r;
    }
    let engine = match engine_of(&state, &v) {
        Ok(e) => e,
        Err(r) => return r,
    };
    let admin = administration.to_ascii_uppercase();
    match remove_peer_as(&engine, actor, administration).await {
        Ok(()) => Redirect::to(&format!("/peers?done=peer-removed&who={admin}")).into_response(),
        Err(e) => chrome::api_problem(&state, &v, e),
    }
}

pub async fn pull(
    State(state): State<AppState>,
    v: Visitor,
    Path(administration): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ManageFederation)) {
        return r;
    }
    if let Err(r) = v.form::<Empty>(&state, &body) {
        return r;
    }
    let engine = match engine_of(&state, &v) {
        Ok(e) => e,
        Err(r) => return r,
    };
    let l = L10n::new(v.lang);
    let admin = administration.to_ascii_uppercase();
    let notice = match engine.pull_once(&admin, true).await {
        Ok(n) => Notice { kind: "ok", text: l.t2("peers-pulled", "count", n, "admin", admin.as_str()) },
        Err(message) => Notice {
            kind: "error",
            text: l.t2("peers-pull-failed", "admin", admin.as_str(), "message", message),
        },
    };
    render(&state, &v, PeerForm::default(), vec![notice]).await
}
