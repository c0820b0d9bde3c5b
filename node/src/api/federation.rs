//! Federation endpoints: peers (`/api/v1/peers`), agreements (`/api/v1/agreements`, accept,
//! reject, revoke), and the hub's member directory (`/api/v1/directory`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ncen_protocol::agreement::{ActKind, Scope};
use ncen_protocol::codelists::ListId;
use ncen_protocol::directory::{Directory, Member};
use ncen_protocol::record::RecordKind;
use serde::{Deserialize, Serialize};

use super::AppState;
use super::error::ApiError;
use super::extract::{Auth, parse_json};
use crate::federation::agreements::{AgreementServiceError, AgreementView, ScopeView};
use crate::federation::directory::DirectoryError;
use crate::federation::engine::Engine;
use crate::federation::peers::{Peer, PeerError, Peers};
use crate::roles::Permission;
use axum::body::Bytes;

pub fn engine(state: &AppState) -> Result<Engine, ApiError> {
    state.engine.clone().ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "network_unavailable",
            "the node's network is not running",
        )
    })
}

impl From<PeerError> for ApiError {
    fn from(e: PeerError) -> Self {
        match e {
            PeerError::Store(s) => s.into(),
            PeerError::PeerIdTaken { .. } => ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string()),
            other => ApiError::bad_request(other.to_string()),
        }
    }
}

impl From<AgreementServiceError> for ApiError {
    fn from(e: AgreementServiceError) -> Self {
        match e {
            AgreementServiceError::NotFound(_) => ApiError::not_found(e.to_string()),
            AgreementServiceError::Invalid(_) => {
                ApiError::new(StatusCode::BAD_REQUEST, "validation_failed", e.to_string())
            }
            AgreementServiceError::WrongState { .. } => {
                ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string())
            }
            AgreementServiceError::Store(s) => s.into(),
            other => ApiError::internal("agreement", other),
        }
    }
}

impl From<DirectoryError> for ApiError {
    fn from(e: DirectoryError) -> Self {
        match e {
            DirectoryError::NotHub => ApiError::not_found(e.to_string()),
            DirectoryError::Conflict(_) => ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string()),
            DirectoryError::Store(s) => s.into(),
            other => ApiError::internal("directory", other),
        }
    }
}

/// A peer with its live state.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PeerView {
    pub administration: String,
    pub peer_id: String,
    pub addresses: Vec<String>,
    /// `peers` when added here, `directory` when known from the hub's directory, `hub`.
    pub source: &'static str,
    pub connected: bool,
    pub last_seen_ms: Option<i64>,
    /// Entries of the peer's log not yet pulled here (as far as this node knows its head).
    pub lag_in: u64,
    /// Entries of this node's log after the peer's last pull (filtered ones included).
    pub lag_out: Option<u64>,
    /// Where this node's pulls from the peer stand.
    pub cursor: u64,
}

fn view_of(peers: &Peers, peer: Peer, source: &'static str, cursor: u64, head: u64) -> PeerView {
    let live = peers.live(&peer.administration);
    PeerView {
        lag_in: live.their_head.saturating_sub(cursor),
        lag_out: live.they_pulled.map(|p| head.saturating_sub(p)),
        connected: live.connected,
        last_seen_ms: live.last_seen_ms,
        cursor,
        source,
        administration: peer.administration,
        peer_id: peer.peer_id,
        addresses: peer.addresses,
    }
}

#[utoipa::path(get, path = "/api/v1/peers", tag = "federation", security(("bearer" = [])),
    responses((status = 200, body = [PeerView])))]
pub async fn list_peers(State(state): State<AppState>, auth: Auth) -> Result<Json<Vec<PeerView>>, ApiError> {
    auth.require(Permission::ReadFederation)?;
    Ok(Json(peer_views(&engine(&state)?).await?))
}

/// Every administration this node knows (its peers, the hub, directory members), live state
/// included.
pub async fn peer_views(engine: &Engine) -> Result<Vec<PeerView>, ApiError> {
    let connected: Vec<String> = engine
        .net
        .status()
        .await
        .map(|s| s.connected.iter().map(|p| p.to_base58()).collect())
        .unwrap_or_default();
    let fed = engine.fed.clone();
    let mut views = tokio::task::spawn_blocking(move || {
        let head = fed.head();
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for p in fed.peers.list()? {
            seen.insert(p.administration.clone());
            let cursor = fed.cursor(&p.administration)?;
            out.push(view_of(&fed.peers, p, "peers", cursor, head));
        }
        if let Some((id, addr)) = &fed.hub
            && seen.insert("WCO".into())
        {
            let p = Peer { administration: "WCO".into(), peer_id: id.clone(), addresses: vec![addr.clone()] };
            out.push(view_of(&fed.peers, p, "hub", 0, head));
        }
        if let Some((dir, _)) = fed.directory.current()? {
            for m in dir.members {
                if m.peer_id != fed.identity.peer_id() && seen.insert(m.administration.clone()) {
                    let cursor = fed.cursor(&m.administration)?;
                    let p =
                        Peer { administration: m.administration, peer_id: m.peer_id, addresses: m.addresses };
                    out.push(view_of(&fed.peers, p, "directory", cursor, head));
                }
            }
        }
        Ok::<_, ApiError>(out)
    })
    .await??;
    for v in &mut views {
        v.connected = connected.contains(&v.peer_id);
    }
    Ok(views)
}

#[utoipa::path(post, path = "/api/v1/peers", tag = "federation", security(("bearer" = [])), request_body = Peer,
    responses((status = 201, body = Peer), (status = 400, description = "invalid administration, PeerId or address")))]
pub async fn add_peer(
    State(state): State<AppState>,
    auth: Auth,
    body: Bytes,
) -> Result<(StatusCode, Json<Peer>), ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    let peer: Peer = parse_json(&body)?;
    Ok((StatusCode::CREATED, Json(add_peer_as(&engine(&state)?, actor, peer).await?)))
}

/// Checks and stores a peer, then connects to it.
pub async fn add_peer_as(engine: &Engine, actor: String, peer: Peer) -> Result<Peer, ApiError> {
    let fed = engine.fed.clone();
    let peer = tokio::task::spawn_blocking(move || {
        let checked = Peers::check(&peer, fed.catalog, fed.me(), fed.identity.peer_id())?;
        fed.peers.put(&actor, &checked)?;
        Ok::<_, ApiError>(checked)
    })
    .await??;
    engine.sync_network().await;
    engine.trigger(&peer.administration);
    Ok(peer)
}

#[utoipa::path(delete, path = "/api/v1/peers/{administration}", tag = "federation", security(("bearer" = [])),
    params(("administration" = String, Path)),
    responses((status = 204, description = "removed; records already received stay"), (status = 404)))]
pub async fn remove_peer(
    State(state): State<AppState>,
    auth: Auth,
    Path(administration): Path<String>,
) -> Result<StatusCode, ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    remove_peer_as(&engine(&state)?, actor, administration).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Forgets a peer: the network drops it unless the hub's directory still lists it.
pub async fn remove_peer_as(engine: &Engine, actor: String, administration: String) -> Result<(), ApiError> {
    let fed = engine.fed.clone();
    let administration = administration.to_ascii_uppercase();
    let shown = administration.clone();
    let removed = tokio::task::spawn_blocking(move || fed.peers.remove(&actor, &administration)).await??;
    if !removed {
        return Err(ApiError::not_found(format!("{shown} is not a peer of this node")));
    }
    engine.sync_network().await;
    Ok(())
}

/// The outcome of a pull asked for by an administrator.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PullReport {
    pub administration: String,
    /// Entries applied by this pull.
    pub applied: usize,
}

#[utoipa::path(post, path = "/api/v1/peers/{administration}/pull", tag = "federation", security(("bearer" = [])),
    params(("administration" = String, Path)),
    responses((status = 200, body = PullReport), (status = 502, description = "the peer refused or cannot be reached")))]
pub async fn pull_now(
    State(state): State<AppState>,
    auth: Auth,
    Path(administration): Path<String>,
) -> Result<Json<PullReport>, ApiError> {
    auth.require(Permission::ManageFederation)?;
    let engine = engine(&state)?;
    let administration = administration.to_ascii_uppercase();
    match engine.pull_once(&administration, true).await {
        Ok(applied) => Ok(Json(PullReport { administration, applied })),
        Err(message) => Err(ApiError::new(StatusCode::BAD_GATEWAY, "peer_unavailable", message)),
    }
}

/// A proposal as an administrator writes it.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeRequest {
    /// The other administration; it must be a peer or a directory member.
    pub peer: String,
    /// The legal instrument and article, e.g. "NL-BE mutual assistance agreement, art. 5".
    pub legal_basis: String,
    pub scope: ScopeView,
    pub valid_from: String,
    pub valid_until: Option<String>,
}

/// An answer to a proposal, or a revocation.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActRequest {
    pub reason: Option<String>,
}

fn scope_of(view: ScopeView, state: &AppState) -> Result<Scope, ApiError> {
    let mut kinds = Vec::new();
    for k in &view.kinds {
        let kind = RecordKind::from_collection(k).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "validation_failed",
                format!("scope.kinds: {k:?} is not seizures, suspects or companies"),
            )
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let list = state.catalog.list(ListId::Commodity);
    for c in &view.commodities {
        if list.get(c).is_none() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "validation_failed",
                format!("scope.commodities: {c:?} is not a commodity code"),
            ));
        }
    }
    Ok(Scope { kinds, direction: view.direction, commodities: view.commodities })
}

#[utoipa::path(get, path = "/api/v1/agreements", tag = "federation", security(("bearer" = [])),
    responses((status = 200, body = [AgreementView])))]
pub async fn list_agreements(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<Vec<AgreementView>>, ApiError> {
    auth.require(Permission::ReadFederation)?;
    let fed = engine(&state)?.fed;
    let views = tokio::task::spawn_blocking(move || {
        let all = fed.agreements.all()?;
        Ok::<_, ApiError>(all.iter().map(|(s, v)| fed.agreements.view(s, v)).collect::<Vec<_>>())
    })
    .await??;
    Ok(Json(views))
}

#[utoipa::path(get, path = "/api/v1/agreements/{id}", tag = "federation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = AgreementView), (status = 404)))]
pub async fn get_agreement(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AgreementView>, ApiError> {
    auth.require(Permission::ReadFederation)?;
    let id = parse_id(&id)?;
    let fed = engine(&state)?.fed;
    let view = tokio::task::spawn_blocking(move || {
        let (s, v) = fed.agreements.get(id)?;
        Ok::<_, ApiError>(fed.agreements.view(&s, &v))
    })
    .await??;
    Ok(Json(view))
}

fn parse_id(id: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(id).map_err(|_| ApiError::not_found(format!("no agreement {id:?} (ids are UUIDs)")))
}

#[utoipa::path(post, path = "/api/v1/agreements", tag = "federation", security(("bearer" = [])),
    request_body = ProposeRequest,
    responses((status = 201, body = AgreementView), (status = 400, description = "invalid terms or unknown peer")))]
pub async fn propose(
    State(state): State<AppState>,
    auth: Auth,
    body: Bytes,
) -> Result<(StatusCode, Json<AgreementView>), ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    let req: ProposeRequest = parse_json(&body)?;
    Ok((StatusCode::CREATED, Json(propose_as(&state, actor, req).await?)))
}

/// Signs a proposal and sends it to the other administration.
pub async fn propose_as(
    state: &AppState,
    actor: String,
    req: ProposeRequest,
) -> Result<AgreementView, ApiError> {
    let engine = engine(state)?;
    let scope = scope_of(req.scope, state)?;
    let fed = engine.fed.clone();
    let peer_admin = req.peer.trim().to_ascii_uppercase();
    let view = tokio::task::spawn_blocking(move || {
        if peer_admin == fed.me() || peer_admin == "WCO" {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "validation_failed",
                format!("peer: an agreement is made with another national administration, not {peer_admin}"),
            ));
        }
        let (peer_id, addresses) = fed.locate(&peer_admin)?.ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "validation_failed",
                format!("peer: {peer_admin} is neither a peer of this node nor a directory member; POST /api/v1/peers first"),
            )
        })?;
        let peer = Peer { administration: peer_admin, peer_id, addresses };
        let (s, v) = fed.agreements.propose(
            &actor,
            &peer,
            &req.legal_basis,
            scope,
            &req.valid_from,
            req.valid_until.as_deref(),
        )?;
        Ok::<_, ApiError>(fed.agreements.view(&s, &v))
    })
    .await??;
    engine.sync_network().await;
    let e = engine.clone();
    engine.spawn(async move { e.deliver_agreements().await });
    Ok(view)
}

async fn act(
    state: AppState,
    auth: Auth,
    id: String,
    kind: ActKind,
    body: ActRequest,
) -> Result<Json<AgreementView>, ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    Ok(Json(act_as(&state, actor, &id, kind, body.reason).await?))
}

/// Accepts, rejects or revokes an agreement and tells the other party.
pub async fn act_as(
    state: &AppState,
    actor: String,
    id: &str,
    kind: ActKind,
    reason: Option<String>,
) -> Result<AgreementView, ApiError> {
    let id = parse_id(id)?;
    let engine = engine(state)?;
    let fed = engine.fed.clone();
    let view = tokio::task::spawn_blocking(move || {
        let (s, v) = fed.agreements.act(&actor, id, kind, reason)?;
        Ok::<_, ApiError>(fed.agreements.view(&s, &v))
    })
    .await??;
    let e = engine.clone();
    engine.spawn(async move { e.deliver_agreements().await });
    Ok(view)
}

fn act_body(bytes: &Bytes) -> Result<ActRequest, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(ActRequest::default());
    }
    parse_json(bytes)
}

#[utoipa::path(post, path = "/api/v1/agreements/{id}/accept", tag = "federation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = AgreementView), (status = 409)))]
pub async fn accept(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<AgreementView>, ApiError> {
    act(state, auth, id, ActKind::Accept, act_body(&body)?).await
}

#[utoipa::path(post, path = "/api/v1/agreements/{id}/reject", tag = "federation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ActRequest, responses((status = 200, body = AgreementView), (status = 409)))]
pub async fn reject(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<AgreementView>, ApiError> {
    act(state, auth, id, ActKind::Reject, act_body(&body)?).await
}

#[utoipa::path(post, path = "/api/v1/agreements/{id}/revoke", tag = "federation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ActRequest, responses((status = 200, body = AgreementView), (status = 409)))]
pub async fn revoke(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<AgreementView>, ApiError> {
    act(state, auth, id, ActKind::Revoke, act_body(&body)?).await
}

#[utoipa::path(get, path = "/api/v1/directory", tag = "federation", security(("bearer" = [])),
    responses((status = 200, body = Directory), (status = 404, description = "no directory yet")))]
pub async fn directory(State(state): State<AppState>, auth: Auth) -> Result<Json<Directory>, ApiError> {
    auth.require(Permission::ReadFederation)?;
    let fed = engine(&state)?.fed;
    let dir = tokio::task::spawn_blocking(move || fed.directory.current()).await??;
    dir.map(|(d, _)| Json(d)).ok_or_else(|| ApiError::not_found("this node holds no member directory yet"))
}

/// Hub: admits (or updates) a member in the signed directory as `actor`, then lets the network
/// and replication know.
pub async fn admit_member_as(engine: &Engine, actor: String, member: Member) -> Result<Directory, ApiError> {
    let fed = engine.fed.clone();
    let dir = tokio::task::spawn_blocking(move || {
        if !fed.is_hub() {
            return Err(DirectoryError::NotHub.into());
        }
        let peer = Peer {
            administration: member.administration,
            peer_id: member.peer_id,
            addresses: member.addresses,
        };
        let checked = Peers::check(&peer, fed.catalog, fed.me(), fed.identity.peer_id())?;
        if checked.administration == "WCO" {
            return Err(ApiError::bad_request("administration: the hub is not a member of itself"));
        }
        let member = Member {
            administration: checked.administration,
            peer_id: checked.peer_id,
            addresses: checked.addresses,
        };
        Ok::<_, ApiError>(fed.directory.put_member(&actor, member)?)
    })
    .await??;
    engine.sync_network().await;
    for m in &dir.members {
        engine.trigger(&m.administration);
    }
    Ok(dir)
}

#[utoipa::path(post, path = "/api/v1/directory/members", tag = "federation", security(("bearer" = [])),
    request_body = Member, responses((status = 201, body = Directory), (status = 404, description = "not the hub")))]
pub async fn add_member(
    State(state): State<AppState>,
    auth: Auth,
    body: Bytes,
) -> Result<(StatusCode, Json<Directory>), ApiError> {
    let actor = auth.require(Permission::ManageFederation)?.username.clone();
    let member: Member = parse_json(&body)?;
    let dir = admit_member_as(&engine(&state)?, actor, member).await?;
    Ok((StatusCode::CREATED, Json(dir)))
}
