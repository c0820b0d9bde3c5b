//! Typed, layered configuration of an nCEN node: the validated [`Config`] and how to load it.
//!
//! Layers, lowest to highest precedence:
//!
//! 1. built-in defaults ([`Config::default`]);
//! 2. a TOML file, only if one is named (a named file that does not exist is an error);
//! 3. environment variables `NCEN_SECTION__KEY`, e.g. `NCEN_HTTP__LISTEN=127.0.0.1:9000`,
//!    `NCEN_P2P__LISTEN='["/ip4/0.0.0.0/tcp/4001"]'`, `NCEN_AUTH__MAX_FAILED_LOGINS=5`.
//!    `__` separates the section from the key; a single `_` stays inside a key name. Only
//!    variables whose name contains `__` are read, so other `NCEN_` variables (such as those a
//!    command line parser may use) are left alone.
//!
//! Figment extracts a loose raw form (`raw`), which is then checked key by key into the strong
//! types below (`validate`). Every problem names the key and where its value came from, and all
//! problems are reported together.

mod defaults;
mod error;
mod raw;
mod sources;
mod validate;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use serde::Serialize;

pub use error::ConfigError;
pub use sources::ENV_PREFIX;

/// The validated configuration of a node. [`Config::default`] gives the built-in defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Config {
    pub node: NodeConfig,
    pub http: HttpConfig,
    pub p2p: P2pConfig,
    /// The hub a national node trusts; absent on the hub itself and on nodes without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub: Option<HubConfig>,
    pub auth: AuthConfig,
    pub log: LogConfig,
}

/// `[node]`: where the node keeps its state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeConfig {
    /// Directory made by `ncen-node init`; holds the key, the store and the node's identity.
    pub data_dir: PathBuf,
}

/// `[http]`: the REST API and web UI server.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HttpConfig {
    pub listen: SocketAddr,
    /// Largest accepted request body, 1 KiB..=256 MiB.
    pub max_body_bytes: usize,
    /// Time allowed for one request, 1..=600 seconds.
    pub request_timeout_secs: u64,
}

/// `[p2p]`: the libp2p listener.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct P2pConfig {
    /// Multiaddresses to listen on (shape-checked here, parsed fully by the network layer).
    pub listen: Vec<String>,
}

/// `[hub]`: the trust anchor of a national node. Both keys are required when present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HubConfig {
    /// The hub's libp2p PeerId (base58).
    pub peer_id: String,
    /// A multiaddress at which the hub is reached.
    pub address: String,
}

/// `[auth]`: user accounts and sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuthConfig {
    /// Failed logins in a row that block an account, 1..=20.
    pub max_failed_logins: u32,
    /// Days without login after which an account is inactivated; 0 = never, at most 3650.
    pub inactivity_days: u32,
    /// Lifetime of a bearer token, 5..=10080 minutes.
    pub token_ttl_minutes: u32,
    /// Shortest accepted password, 8..=128 characters.
    pub password_min_length: usize,
    /// Days after which a password must be changed; 0 = never, at most 3650.
    pub password_max_age_days: u32,
    /// Days before expiry from which every page announces it, 0..=90.
    pub password_notice_days: u32,
    /// Minutes without a request after which a browser session ends, 5..=1440.
    pub session_idle_minutes: u32,
    /// Days without use after which a user's access to a CENcomm operation lapses, 1..=3650.
    pub operation_access_days: u32,
}

/// `[log]`: diagnostics output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogConfig {
    /// A `tracing` `EnvFilter` directive such as `info` or `ncen_node=debug,info`.
    pub filter: String,
    pub format: LogFormat,
}

/// How log lines are written: `text` or `json` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl Config {
    /// Loads the configuration: defaults, then `file` if given, then the process environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        Config::from_figment(Config::figment(file)?)
    }

    /// The layered provider (defaults → `file` → `NCEN_` environment), before extraction.
    ///
    /// Fails only if `file` is named but does not exist or is not a regular file.
    pub fn figment(file: Option<&Path>) -> Result<Figment, ConfigError> {
        sources::layered(file)
    }

    /// Extracts and validates a configuration from any figment. Keys it does not set take
    /// their built-in defaults.
    pub fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let (raw, problems) = raw::RawConfig::extract(&figment)?;
        validate::validate(raw, &figment, problems)
    }
}
