//! The dashboard: the node's identity, its hub link, its peers with replication lag, and the
//! records it holds by origin.

use axum::extract::{Query, State};
use axum::response::Response;
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{DashboardPage, HubLink, OriginRow, PeerRow};
use ncen_protocol::agreement::State as AgreementState;

use super::chrome::{self, Done, admin_label, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::api::federation::{PeerView, peer_views};
use crate::holdings;
use crate::roles::Permission;

/// A peer as the tables show it.
pub fn peer_row(l: &L10n, p: &PeerView) -> PeerRow {
    let short = if p.peer_id.len() > 20 {
        format!("{}…{}", &p.peer_id[..12], &p.peer_id[p.peer_id.len() - 6..])
    } else {
        p.peer_id.clone()
    };
    PeerRow {
        administration: p.administration.clone(),
        label: admin_label(l, &p.administration),
        peer_id: p.peer_id.clone(),
        peer_id_short: short,
        addresses: p.addresses.clone(),
        source: p.source,
        source_label: match p.source {
            "peers" => "peers-source-peers",
            "hub" => "peers-source-hub",
            _ => "peers-source-directory",
        },
        connected: p.connected,
        last_seen: p.last_seen_ms.map(|ms| l.datetime(ms)).unwrap_or_else(|| l.t("peers-never")),
        lag_in: i64::try_from(p.lag_in).unwrap_or(i64::MAX),
        lag_out: p.lag_out.map(|n| i64::try_from(n).unwrap_or(i64::MAX)),
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Response {
    let who = match v.require(&state, None) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let l = v.l10n();
    let me = state.node.administration.clone();
    let sees_federation = who.role.allows(Permission::ReadFederation);
    let (peers, agreements) = match &state.engine {
        Some(engine) => {
            let views = match peer_views(engine).await {
                Ok(v) => v,
                Err(e) => return chrome::api_problem(&state, &v, e),
            };
            let fed = engine.fed.clone();
            let states = tokio::task::spawn_blocking(move || {
                fed.agreements
                    .all()
                    .map(|all| all.iter().map(|(s, v)| fed.agreements.view(s, v)).collect::<Vec<_>>())
            })
            .await;
            let agreements = match states {
                Ok(Ok(a)) => a,
                _ => return chrome::problem(&state, &v, chrome::Problem::Internal),
            };
            (views, agreements)
        }
        None => (Vec::new(), Vec::new()),
    };
    let hub = state.engine.as_ref().and_then(|e| e.fed.hub.clone()).map(|(peer_id, _)| HubLink {
        connected: peers.iter().any(|p| p.peer_id == peer_id && p.connected),
        peer_id,
    });
    let store = state.store.clone();
    let holdings = match tokio::task::spawn_blocking(move || holdings::count_by_origin(&store)).await {
        Ok(Ok(h)) => h,
        _ => return chrome::problem(&state, &v, chrome::Problem::Internal),
    };
    let mut origins: Vec<OriginRow> = holdings
        .iter()
        .map(|(origin, [s, p, c])| OriginRow {
            label: if *origin == me {
                l.t1("dash-own", "admin", origin.as_str())
            } else {
                admin_label(&l, origin)
            },
            origin: origin.clone(),
            seizures: count(*s),
            suspects: count(*p),
            companies: count(*c),
        })
        .collect();
    // This node's own records first, then the others by code.
    origins.sort_by_key(|o| (o.origin != me, o.origin.clone()));
    let mut notices = chrome::expiry_notice(&v);
    notices.extend(done.notice(&l));
    let page = DashboardPage {
        c: chrome(&state, &v, "dashboard", notices),
        admin_label: admin_label(&l, &me),
        peer_id: state.node.peer_id.clone(),
        public_key: state.node.public_key.clone(),
        listen: state.node.listen.clone(),
        version: state.node.version.clone(),
        hub_self: state.node.role == "hub",
        hub: if state.node.role == "hub" { None } else { hub },
        show_peers: sees_federation,
        peers: if sees_federation { peers.iter().map(|p| peer_row(&l, p)).collect() } else { Vec::new() },
        origins,
        revisions: count(state.records.logged()),
        audit_entries: count(state.records.audit_entries()),
        agreements_active: agreements.iter().filter(|a| a.state == AgreementState::Active).count() as i64,
        agreements_waiting: agreements
            .iter()
            .filter(|a| a.state == AgreementState::Proposed && a.origin == "incoming")
            .count() as i64,
    };
    chrome::page(&v, &page)
}
