//! From the raw configuration to the validated [`Config`]: ranges, formats and shapes, with every
//! problem collected and named by key and source.

use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use figment::Figment;

use crate::raw::{RawAuth, RawConfig, RawHttp, RawHub, RawLog, RawNode, RawP2p};
use crate::sources::describe;
use crate::{
    AuthConfig, Config, ConfigError, HttpConfig, HubConfig, LogConfig, LogFormat, NodeConfig, P2pConfig,
};

const KIB: i64 = 1024;
const MIB: i64 = 1024 * KIB;

const MAX_BODY_BYTES: RangeInclusive<i64> = KIB..=256 * MIB;
const REQUEST_TIMEOUT_SECS: RangeInclusive<i64> = 1..=600;
const MAX_FAILED_LOGINS: RangeInclusive<i64> = 1..=20;
const INACTIVITY_DAYS: RangeInclusive<i64> = 0..=3650;
const TOKEN_TTL_MINUTES: RangeInclusive<i64> = 5..=10080;
const PASSWORD_MIN_LENGTH: RangeInclusive<i64> = 8..=128;
const PASSWORD_MAX_AGE_DAYS: RangeInclusive<i64> = 0..=3650;
const PASSWORD_NOTICE_DAYS: RangeInclusive<i64> = 0..=90;
const SESSION_IDLE_MINUTES: RangeInclusive<i64> = 5..=1440;
const OPERATION_ACCESS_DAYS: RangeInclusive<i64> = 1..=3650;
const PEER_ID_LENGTH: RangeInclusive<usize> = 40..=60;
const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Multiaddr protocols that take no value (`/ip4/1.2.3.4/udp/4001/quic-v1`).
const VALUELESS_PROTOCOLS: &[&str] = &[
    "quic",
    "quic-v1",
    "ws",
    "wss",
    "tls",
    "noise",
    "http",
    "https",
    "p2p-circuit",
    "p2p-webrtc-direct",
    "webrtc",
    "webrtc-direct",
    "webtransport",
    "utp",
    "udt",
];

/// Validates `raw`; keys it leaves out take their defaults. `figment` says where values came
/// from; `problems` found earlier are reported first, together with those found here.
pub(crate) fn validate(
    raw: RawConfig,
    figment: &Figment,
    problems: Vec<ConfigError>,
) -> Result<Config, ConfigError> {
    let mut check = Checker { figment, problems };
    let defaults = Config::default();
    let config = Config {
        node: check.node(raw.node.unwrap_or_default(), defaults.node),
        http: check.http(raw.http.unwrap_or_default(), defaults.http),
        p2p: check.p2p(raw.p2p.unwrap_or_default(), defaults.p2p),
        hub: raw.hub.and_then(|hub| check.hub(hub)),
        auth: check.auth(raw.auth.unwrap_or_default(), defaults.auth),
        log: check.log(raw.log.unwrap_or_default(), defaults.log),
    };
    match ConfigError::collect(check.problems) {
        None => Ok(config),
        Some(error) => Err(error),
    }
}

struct Checker<'a> {
    figment: &'a Figment,
    problems: Vec<ConfigError>,
}

impl Checker<'_> {
    fn fail(&mut self, key: &str, message: String) {
        let source_desc = describe(self.figment, key);
        self.problems.push(ConfigError::invalid(key, source_desc, message));
    }

    /// A number within `range`, converted to `T`; the default if absent.
    fn number<T: TryFrom<i64>>(
        &mut self,
        key: &str,
        raw: Option<i64>,
        default: T,
        range: RangeInclusive<i64>,
    ) -> T {
        let Some(value) = raw else { return default };
        if range.contains(&value)
            && let Ok(converted) = T::try_from(value)
        {
            return converted;
        }
        self.fail(
            key,
            format!("{value} is out of range: must be between {} and {}", range.start(), range.end()),
        );
        default
    }

    fn node(&mut self, raw: RawNode, default: NodeConfig) -> NodeConfig {
        let data_dir = match raw.data_dir {
            None => default.data_dir,
            Some(dir) if dir.trim().is_empty() => {
                self.fail("node.data_dir", "must not be empty".to_owned());
                default.data_dir
            }
            Some(dir) => PathBuf::from(dir),
        };
        NodeConfig { data_dir }
    }

    fn http(&mut self, raw: RawHttp, default: HttpConfig) -> HttpConfig {
        let listen = match raw.listen {
            None => default.listen,
            Some(text) => match text.trim().parse::<SocketAddr>() {
                Ok(addr) => addr,
                Err(_) => {
                    self.fail("http.listen", format!("{text:?} is not a socket address like 127.0.0.1:8080"));
                    default.listen
                }
            },
        };
        HttpConfig {
            listen,
            max_body_bytes: self.number(
                "http.max_body_bytes",
                raw.max_body_bytes,
                default.max_body_bytes,
                MAX_BODY_BYTES,
            ),
            request_timeout_secs: self.number(
                "http.request_timeout_secs",
                raw.request_timeout_secs,
                default.request_timeout_secs,
                REQUEST_TIMEOUT_SECS,
            ),
        }
    }

    fn p2p(&mut self, raw: RawP2p, default: P2pConfig) -> P2pConfig {
        let Some(listen) = raw.listen else {
            return default;
        };
        if listen.is_empty() {
            self.fail("p2p.listen", "must name at least one address, like /ip4/0.0.0.0/tcp/4001".to_owned());
        }
        for (i, addr) in listen.iter().enumerate() {
            if let Err(why) = multiaddr_shape(addr) {
                let key = format!("p2p.listen[{i}]");
                let source_desc = describe(self.figment, "p2p.listen");
                self.problems.push(ConfigError::invalid(&key, source_desc, why));
            }
        }
        P2pConfig { listen }
    }

    fn hub(&mut self, raw: RawHub) -> Option<HubConfig> {
        let peer_id = self.required("hub.peer_id", raw.peer_id);
        let address = self.required("hub.address", raw.address);
        if let Some(id) = &peer_id {
            let base58 = id.chars().all(|c| BASE58.contains(c));
            if !base58 || !PEER_ID_LENGTH.contains(&id.len()) {
                self.fail(
                    "hub.peer_id",
                    format!(
                        "{id:?} is not a peer id: expected {} to {} base58 characters, like 12D3KooW...",
                        PEER_ID_LENGTH.start(),
                        PEER_ID_LENGTH.end()
                    ),
                );
            }
        }
        if let Some(addr) = &address
            && let Err(why) = multiaddr_shape(addr)
        {
            self.fail("hub.address", why);
        }
        Some(HubConfig { peer_id: peer_id?, address: address? })
    }

    fn required(&mut self, key: &str, value: Option<String>) -> Option<String> {
        if value.is_none() {
            self.fail(key, "missing: the [hub] section needs both peer_id and address".to_owned());
        }
        value
    }

    fn auth(&mut self, raw: RawAuth, default: AuthConfig) -> AuthConfig {
        AuthConfig {
            max_failed_logins: self.number(
                "auth.max_failed_logins",
                raw.max_failed_logins,
                default.max_failed_logins,
                MAX_FAILED_LOGINS,
            ),
            inactivity_days: self.number(
                "auth.inactivity_days",
                raw.inactivity_days,
                default.inactivity_days,
                INACTIVITY_DAYS,
            ),
            token_ttl_minutes: self.number(
                "auth.token_ttl_minutes",
                raw.token_ttl_minutes,
                default.token_ttl_minutes,
                TOKEN_TTL_MINUTES,
            ),
            password_min_length: self.number(
                "auth.password_min_length",
                raw.password_min_length,
                default.password_min_length,
                PASSWORD_MIN_LENGTH,
            ),
            password_max_age_days: self.number(
                "auth.password_max_age_days",
                raw.password_max_age_days,
                default.password_max_age_days,
                PASSWORD_MAX_AGE_DAYS,
            ),
            password_notice_days: self.number(
                "auth.password_notice_days",
                raw.password_notice_days,
                default.password_notice_days,
                PASSWORD_NOTICE_DAYS,
            ),
            session_idle_minutes: self.number(
                "auth.session_idle_minutes",
                raw.session_idle_minutes,
                default.session_idle_minutes,
                SESSION_IDLE_MINUTES,
            ),
            operation_access_days: self.number(
                "auth.operation_access_days",
                raw.operation_access_days,
                default.operation_access_days,
                OPERATION_ACCESS_DAYS,
            ),
        }
    }

    fn log(&mut self, raw: RawLog, default: LogConfig) -> LogConfig {
        let filter = match raw.filter {
            None => default.filter,
            Some(filter) if filter.trim().is_empty() => {
                self.fail("log.filter", "must not be empty; use a filter such as \"info\"".to_owned());
                default.filter
            }
            Some(filter) => filter,
        };
        let format = match raw.format.as_deref() {
            None => default.format,
            Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                self.fail(
                    "log.format",
                    format!("{other:?} is not a log format: expected \"text\" or \"json\""),
                );
                default.format
            }
        };
        LogConfig { filter, format }
    }
}

/// The basic shape of a multiaddress: `/protocol/value/...`, where a few protocols take no
/// value. The network layer parses addresses fully.
pub(crate) fn multiaddr_shape(addr: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{addr:?} is not a multiaddress ({why}), like /ip4/0.0.0.0/tcp/4001"));
    let Some(rest) = addr.strip_prefix('/') else {
        return fail("must start with '/'");
    };
    let parts: Vec<&str> = rest.split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return fail("empty part");
    }
    let mut i = 0;
    while i < parts.len() {
        let protocol = parts[i];
        let name_ok = protocol.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !name_ok {
            return fail(&format!("{protocol:?} is not a protocol name"));
        }
        if protocol == "unix" {
            // The value is a path and runs to the end.
            return if i + 1 < parts.len() { Ok(()) } else { fail("protocol unix has no path") };
        }
        if VALUELESS_PROTOCOLS.contains(&protocol) {
            i += 1;
        } else if i + 1 < parts.len() {
            i += 2;
        } else {
            return fail(&format!("protocol {protocol} has no value"));
        }
    }
    if parts.len() < 2 {
        return fail("expected at least a protocol and its value");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::multiaddr_shape;

    #[test]
    fn multiaddr_shapes() {
        for good in [
            "/ip4/0.0.0.0/tcp/4001",
            "/ip6/::/tcp/0",
            "/dns4/hub.example.org/tcp/4000",
            "/ip4/127.0.0.1/udp/4001/quic-v1",
            "/ip4/192.0.2.10/tcp/4000/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
        ] {
            assert!(multiaddr_shape(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "ip4/0.0.0.0/tcp/4001",
            "/",
            "/ip4",
            "/ip4/0.0.0.0/tcp",
            "/ip4//tcp/4001",
            "/ip4/0.0.0.0/tcp/4001/",
            "/IP4/1.2.3.4",
            "/quic-v1",
        ] {
            assert!(multiaddr_shape(bad).is_err(), "{bad}");
        }
    }
}
