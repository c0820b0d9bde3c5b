//! Assembling a node: `init` of a new data directory, opening an existing one, adding users to
//! a stopped node, and serving the HTTP application on an already bound listener until a
//! shutdown signal.

use std::fs;
use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use ncen_config::Config;
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::record::is_administration_code;

use crate::accounts::{AccountError, Accounts, Principal, UserView};
use crate::api::{self, AppState, node::NodeView};
use crate::audit::{AuditEvent, Outcome};
use crate::cen::{CenDb, GlobalCen};
use crate::codelists::{CatalogHandle, CodeListService};
use crate::federation::Federation;
use crate::federation::engine::Engine as ReplicationEngine;
use crate::identity::{DB_DIR, Identity, IdentityError, KEY_FILE, NodeInfo, NodeRole};
use crate::import::ImportJobs;
use crate::journal::{Journal, now_ms};
use crate::metrics::Metrics;
use crate::net;
use crate::records::Records;
use crate::roles::Role;
use crate::search::{SEARCH_DIR, SearchIndex};
use crate::store::keys::MetaKey;
use crate::store::{Cf, STORE_FORMAT, Store, StoreError, value};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0} already holds a node; choose another --data-dir (nothing was changed)")]
    AlreadyInitialised(PathBuf),
    #[error("{0} holds no node: run `ncen-node init --data-dir {0} --administration CODE` first")]
    NotInitialised(PathBuf),
    #[error("administration {0:?}: use an ISO 3166-1 alpha-2 code such as NL, or WCO for the hub")]
    BadAdministration(String),
    #[error("the WCO hub runs with --role hub, and only the hub has administration WCO")]
    RoleMismatch,
    #[error("cannot create {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the key {key} does not belong to the store in {db} (PeerId {stored} expected)")]
    KeyMismatch { key: PathBuf, db: PathBuf, stored: String },
    #[error("cannot start the network: {0}")]
    Network(String),
    #[error("cannot open the search index: {0}")]
    Search(String),
    #[error("cannot listen: {0}")]
    Listen(std::io::Error),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Account(#[from] AccountError),
}

/// An opened node: identity, store and journal, before any service runs.
#[derive(Debug, Clone)]
pub struct Opened {
    pub info: NodeInfo,
    pub identity: Arc<Identity>,
    pub journal: Arc<Journal>,
    /// The code lists in force, shared by every service of this node.
    pub catalog: CatalogHandle,
}

impl Opened {
    pub fn store(&self) -> &Store {
        self.journal.store()
    }
}

/// Creates a node in `data_dir`: its key (mode 0600) and its store. Never overwrites one.
pub fn init(data_dir: &Path, administration: &str, role: NodeRole) -> Result<NodeInfo, AppError> {
    let catalog = Catalog::builtin();
    let valid = is_administration_code(administration)
        && (administration == "WCO" || catalog.list(ListId::Country).get(administration).is_some());
    if !valid {
        return Err(AppError::BadAdministration(administration.to_owned()));
    }
    if (administration == "WCO") != (role == NodeRole::Hub) {
        return Err(AppError::RoleMismatch);
    }
    let key_path = data_dir.join(KEY_FILE);
    let db_path = data_dir.join(DB_DIR);
    if key_path.exists() || db_path.exists() {
        return Err(AppError::AlreadyInitialised(data_dir.to_owned()));
    }
    fs::create_dir_all(data_dir).map_err(|source| AppError::Io { path: data_dir.to_owned(), source })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(data_dir, fs::Permissions::from_mode(0o700))
            .map_err(|source| AppError::Io { path: data_dir.to_owned(), source })?;
    }
    let identity = Identity::generate()?;
    identity.write_new(&key_path)?;
    let info = NodeInfo {
        administration: administration.to_owned(),
        role,
        peer_id: identity.peer_id().to_owned(),
        created_ms: now_ms(),
    };
    let store = Store::open(&db_path, true)?;
    let journal = Journal::open(store.clone(), administration)?;
    journal.write(true, |batch, app| {
        batch.put(Cf::Meta, MetaKey::Identity.bytes(), &value::encode(&info)?);
        batch.put(Cf::Meta, MetaKey::StoreFormat.bytes(), &value::encode(&STORE_FORMAT)?);
        app.audit(
            batch,
            AuditEvent::new("cli", "node.init", Outcome::Ok).detail(format!(
                "administration={administration} role={} peer_id={}",
                role.as_str(),
                info.peer_id
            )),
        )
    })?;
    Ok(info)
}

/// Opens an initialised node (the store admits one process at a time).
pub fn open(data_dir: &Path) -> Result<Opened, AppError> {
    let key_path = data_dir.join(KEY_FILE);
    let db_path = data_dir.join(DB_DIR);
    if !key_path.exists() || !db_path.exists() {
        return Err(AppError::NotInitialised(data_dir.to_owned()));
    }
    let identity = Identity::read(&key_path)?;
    let store = Store::open(&db_path, false)?;
    let format: u32 = match store.get(Cf::Meta, MetaKey::StoreFormat.bytes())? {
        Some(b) => value::decode("meta", &b)?,
        None => return Err(AppError::NotInitialised(data_dir.to_owned())),
    };
    if format != STORE_FORMAT {
        return Err(StoreError::Format { found: format, expected: STORE_FORMAT }.into());
    }
    let info: NodeInfo = match store.get(Cf::Meta, MetaKey::Identity.bytes())? {
        Some(b) => value::decode("meta", &b)?,
        None => return Err(AppError::NotInitialised(data_dir.to_owned())),
    };
    if info.peer_id != identity.peer_id() {
        return Err(AppError::KeyMismatch { key: key_path, db: db_path, stored: info.peer_id });
    }
    let journal = Journal::open(store, &info.administration)?;
    Ok(Opened {
        info,
        identity: Arc::new(identity),
        journal: Arc::new(journal),
        catalog: CatalogHandle::builtin(),
    })
}

/// Adds an account to a stopped node, as the local operator.
pub fn add_user(
    data_dir: &Path,
    config: &Config,
    username: &str,
    role: Role,
    password: &str,
) -> Result<UserView, AppError> {
    let opened = open(data_dir)?;
    let accounts = Accounts::new(opened.journal.clone(), config.auth.clone());
    let operator =
        Principal { username: "cli".into(), role: Role::Administrator, must_change_password: false };
    Ok(accounts.create(&operator, username, role, password, None)?)
}

/// Builds the services and the state every handler shares.
pub fn state(opened: &Opened, config: &Config, listen: Vec<String>) -> AppState {
    let codelists = CodeListService::new(
        opened.journal.clone(),
        opened.identity.clone(),
        opened.info.role == NodeRole::Hub,
        config.hub.as_ref().map(|h| h.peer_id.clone()),
        opened.catalog.clone(),
    );
    let catalog = opened.catalog.clone();
    let records = Records::new(
        opened.journal.clone(),
        opened.identity.clone(),
        &opened.info.administration,
        catalog.clone(),
    );
    let accounts = Accounts::new(opened.journal.clone(), config.auth.clone());
    match accounts.purge_sessions() {
        Ok(0) => {}
        Ok(n) => tracing::info!(sessions = n, "ended sessions removed"),
        Err(e) => tracing::warn!(error = %e, "cannot remove ended sessions"),
    }
    let node = NodeView {
        administration: opened.info.administration.clone(),
        role: opened.info.role.as_str().to_owned(),
        peer_id: opened.info.peer_id.clone(),
        public_key: base64::engine::general_purpose::STANDARD
            .encode(opened.identity.verifying_key().as_bytes()),
        listen,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    let metrics = Arc::new(Metrics::new());
    let imports = ImportJobs::new(
        records.clone(),
        opened.store().clone(),
        opened.journal.clone(),
        metrics.clone(),
        catalog.clone(),
    );
    if opened.info.role == NodeRole::Hub {
        let cen = CenDb::new(opened.store().clone());
        imports.enable_member_uploads(crate::import::MemberUploads::new(
            cen,
            opened.identity.clone(),
            opened.journal.clone(),
        ));
    }
    AppState {
        records,
        accounts,
        store: opened.store().clone(),
        node: Arc::new(node),
        metrics,
        catalog: catalog.clone(),
        codelists,
        engine: None,
        cen: (opened.info.role == NodeRole::Hub).then(|| CenDb::new(opened.store().clone())),
        imports,
        investigations: crate::investigations::Investigations::new(opened.journal.clone()),
        search: None,
        photos: crate::photos::Photos::new(opened.journal.clone()),
        operations: crate::operations::Operations::new(
            opened.journal.clone(),
            opened.identity.clone(),
            &opened.info.administration,
            catalog.clone(),
        )
        .with_lapse_days(config.auth.operation_access_days),
        board: crate::board::Board::new(
            opened.journal.clone(),
            opened.identity.clone(),
            &opened.info.administration,
            config.hub.as_ref().map(|h| h.peer_id.clone()),
            catalog,
        ),
    }
}

/// Starts the network on `config.p2p.listen` and the replication engine.
pub async fn start_federation(opened: &Opened, config: &Config) -> Result<ReplicationEngine, AppError> {
    let mut secret = opened.identity.signing_key().to_bytes();
    let key = libp2p::identity::Keypair::ed25519_from_bytes(&mut secret)
        .map_err(|e| AppError::Network(e.to_string()))?;
    let (net, events) =
        net::spawn(key, &config.p2p.listen).await.map_err(|e| AppError::Network(e.to_string()))?;
    let hub = config.hub.as_ref().map(|h| (h.peer_id.clone(), h.address.clone()));
    let fed = Federation::new(
        opened.info.clone(),
        opened.identity.clone(),
        opened.journal.clone(),
        hub,
        opened.catalog.clone(),
    );
    Ok(ReplicationEngine::start(fed, net, events).await)
}

/// Serves the node's HTTP application on `listener` until `shutdown` completes, then lets
/// requests in flight finish.
pub async fn serve(
    opened: Opened,
    config: &Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), AppError> {
    let addr: SocketAddr = listener.local_addr().map_err(AppError::Listen)?;
    // Wait for the shutdown signal from now on: a signal while the index and the network open
    // must still stop the node cleanly.
    let shutdown = tokio::spawn(shutdown);
    let search = SearchIndex::open(&config.node.data_dir.join(SEARCH_DIR), opened.journal.clone())
        .map_err(|e| AppError::Search(e.to_string()))?;
    let engine = start_federation(&opened, config).await?;
    if opened.info.role == NodeRole::Hub {
        let _ = engine.fed.global.set(GlobalCen::new(search.clone(), CenDb::new(opened.store().clone())));
    }
    let p2p = engine.net.status().await.map(|s| s.listen).unwrap_or_default();
    tracing::info!(peer_id = %opened.info.peer_id, "peer-to-peer exchange listening on {}", p2p.join(", "));
    let mut listen = vec![format!("http://{addr}")];
    listen.extend(p2p.into_iter().map(|a| format!("{a}/p2p/{}", opened.info.peer_id)));
    let mut state = state(&opened, config, listen);
    state.engine = Some(engine.clone());
    let follower = search.follow();
    state.search = Some(search);
    let ui = crate::ui::router(state.clone());
    let app = api::router(
        state,
        ui,
        config.http.max_body_bytes,
        Duration::from_secs(config.http.request_timeout_secs),
    );
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = shutdown.await;
        })
        .await;
    follower.shutdown().await;
    engine.shutdown().await;
    served.map_err(AppError::Listen)?;
    opened.store().flush()?;
    Ok(())
}
