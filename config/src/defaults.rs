//! The built-in defaults: the one place where every default value is written down
//! (`Config` derives `Default` from its sections; `hub` has none).
//!
//! `config/ncen.example.toml` repeats these values for readers; a test keeps the two equal.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use crate::{AuthConfig, HttpConfig, LogConfig, LogFormat, NodeConfig, P2pConfig};

const DATA_DIR: &str = "./ncen-data";
const HTTP_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080);
const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
const REQUEST_TIMEOUT_SECS: u64 = 30;
const P2P_LISTEN: &str = "/ip4/0.0.0.0/tcp/4001";
const MAX_FAILED_LOGINS: u32 = 3;
const INACTIVITY_DAYS: u32 = 30;
const TOKEN_TTL_MINUTES: u32 = 480;
const PASSWORD_MIN_LENGTH: usize = 12;
const PASSWORD_MAX_AGE_DAYS: u32 = 90;
const PASSWORD_NOTICE_DAYS: u32 = 10;
const SESSION_IDLE_MINUTES: u32 = 30;
const OPERATION_ACCESS_DAYS: u32 = 25;
const LOG_FILTER: &str = "info";

impl Default for NodeConfig {
    fn default() -> Self {
        NodeConfig { data_dir: PathBuf::from(DATA_DIR) }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            listen: HTTP_LISTEN,
            max_body_bytes: MAX_BODY_BYTES,
            request_timeout_secs: REQUEST_TIMEOUT_SECS,
        }
    }
}

impl Default for P2pConfig {
    fn default() -> Self {
        P2pConfig { listen: vec![P2P_LISTEN.to_owned()] }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            max_failed_logins: MAX_FAILED_LOGINS,
            inactivity_days: INACTIVITY_DAYS,
            token_ttl_minutes: TOKEN_TTL_MINUTES,
            password_min_length: PASSWORD_MIN_LENGTH,
            password_max_age_days: PASSWORD_MAX_AGE_DAYS,
            password_notice_days: PASSWORD_NOTICE_DAYS,
            session_idle_minutes: SESSION_IDLE_MINUTES,
            operation_access_days: OPERATION_ACCESS_DAYS,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig { filter: LOG_FILTER.to_owned(), format: LogFormat::default() }
    }
}
