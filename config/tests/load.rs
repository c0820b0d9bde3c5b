//! Loading through the layers: defaults, file, environment, and the errors that name key and source.

// `figment::Jail` closures return `figment::Error`, which is large; that is figment's API.
#![allow(clippy::result_large_err)]

use std::path::Path;

use figment::Jail;
use figment::providers::{Format, Toml};
use ncen_config::{Config, ConfigError, HubConfig, LogConfig, LogFormat};

const PEER_ID: &str = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

fn load_err(file: Option<&str>) -> ConfigError {
    match Config::load(file.map(Path::new)) {
        Ok(config) => panic!("expected an error, loaded {config:?}"),
        Err(e) => e,
    }
}

fn load_ok(file: Option<&str>) -> Config {
    match Config::load(file.map(Path::new)) {
        Ok(config) => config,
        Err(e) => panic!("expected a configuration, got:\n{e}"),
    }
}

/// The single `Invalid` problem for `key`.
fn problem<'e>(error: &'e ConfigError, key: &str) -> (&'e str, &'e str) {
    for p in error.problems() {
        if let ConfigError::Invalid { key: k, source_desc, message } = p
            && k == key
        {
            return (source_desc, message);
        }
    }
    panic!("no problem for {key} in:\n{error}");
}

#[test]
fn defaults_are_valid() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        assert_eq!(load_ok(None), Config::default());
        let d = Config::default();
        assert_eq!(d.http.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(d.http.max_body_bytes, 8 * 1024 * 1024);
        assert_eq!(d.p2p.listen, vec!["/ip4/0.0.0.0/tcp/4001".to_owned()]);
        assert_eq!(d.hub, None);
        assert_eq!(d.log.format, LogFormat::Text);
        Ok(())
    });
}

#[test]
fn empty_figment_takes_defaults() {
    let config = Config::from_figment(figment::Figment::new()).expect("defaults");
    assert_eq!(config, Config::default());
}

#[test]
fn file_overrides_defaults() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "ncen.toml",
            r#"
            [http]
            listen = "0.0.0.0:9090"
            [auth]
            token_ttl_minutes = 60
            [log]
            format = "json"
            "#,
        )?;
        let config = load_ok(Some("ncen.toml"));
        assert_eq!(config.http.listen.to_string(), "0.0.0.0:9090");
        assert_eq!(config.auth.token_ttl_minutes, 60);
        assert_eq!(config.log.format, LogFormat::Json);
        // Keys the file leaves out keep their defaults.
        assert_eq!(config.http.max_body_bytes, Config::default().http.max_body_bytes);
        assert_eq!(config.auth.max_failed_logins, 3);
        Ok(())
    });
}

#[test]
fn env_overrides_file() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http]\nlisten = \"0.0.0.0:9090\"\nrequest_timeout_secs = 10\n")?;
        jail.set_env("NCEN_HTTP__LISTEN", "127.0.0.1:9000");
        let config = load_ok(Some("ncen.toml"));
        assert_eq!(config.http.listen.to_string(), "127.0.0.1:9000");
        assert_eq!(config.http.request_timeout_secs, 10);
        Ok(())
    });
}

#[test]
fn env_double_underscore_nests_and_single_underscore_stays_in_key() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("NCEN_AUTH__MAX_FAILED_LOGINS", "5");
        jail.set_env("NCEN_AUTH__PASSWORD_MIN_LENGTH", "16");
        jail.set_env("NCEN_P2P__LISTEN", r#"["/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"]"#);
        jail.set_env("NCEN_HUB__PEER_ID", PEER_ID);
        jail.set_env("NCEN_HUB__ADDRESS", "/ip4/192.0.2.10/tcp/4000");
        // Not configuration keys (no `__`): left alone.
        jail.set_env("NCEN_CONFIG", "whatever");
        jail.set_env("NCEN_AUTH_MAX_FAILED_LOGINS", "19");
        let config = load_ok(None);
        assert_eq!(config.auth.max_failed_logins, 5);
        assert_eq!(config.auth.password_min_length, 16);
        assert_eq!(config.p2p.listen, vec!["/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"]);
        assert_eq!(
            config.hub,
            Some(HubConfig { peer_id: PEER_ID.to_owned(), address: "/ip4/192.0.2.10/tcp/4000".to_owned() })
        );
        Ok(())
    });
}

#[test]
fn env_single_address_is_a_list_of_one() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("NCEN_P2P__LISTEN", "/ip4/127.0.0.1/tcp/0");
        assert_eq!(load_ok(None).p2p.listen, vec!["/ip4/127.0.0.1/tcp/0"]);
        Ok(())
    });
}

#[test]
fn named_missing_file_is_an_error_naming_the_path() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        // Even with a file of that name in a parent folder, nothing is searched for.
        let sub = jail.create_dir("sub")?;
        jail.create_file("ncen.toml", "[http]\nlisten = \"0.0.0.0:1\"\n")?;
        jail.change_dir(&sub)?;
        let error = load_err(Some("ncen.toml"));
        match &error {
            ConfigError::MissingFile { path } => assert_eq!(path, Path::new("ncen.toml")),
            other => panic!("expected MissingFile, got {other:?}"),
        }
        assert_eq!(error.to_string(), "configuration file ncen.toml does not exist");
        assert!(matches!(
            Config::figment(Some(Path::new("ncen.toml"))),
            Err(ConfigError::MissingFile { .. })
        ));
        Ok(())
    });
}

#[test]
fn directory_as_file_is_an_error() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_dir("conf")?;
        assert!(matches!(load_err(Some("conf")), ConfigError::UnreadableFile { .. }));
        Ok(())
    });
}

#[test]
fn bad_file_value_names_key_and_file() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http]\nlisten = \"abc\"\n")?;
        let error = load_err(Some("ncen.toml"));
        let (source, message) = problem(&error, "http.listen");
        assert_eq!(source, "file ncen.toml");
        assert_eq!(message, "\"abc\" is not a socket address like 127.0.0.1:8080");
        assert_eq!(
            error.to_string(),
            "http.listen: \"abc\" is not a socket address like 127.0.0.1:8080 (from file ncen.toml)"
        );
        Ok(())
    });
}

#[test]
fn bad_env_value_names_key_and_variable() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http]\nlisten = \"0.0.0.0:9090\"\n")?;
        jail.set_env("NCEN_HTTP__LISTEN", "abc");
        let error = load_err(Some("ncen.toml"));
        assert_eq!(
            error.to_string(),
            "http.listen: \"abc\" is not a socket address like 127.0.0.1:8080 \
             (from environment variable NCEN_HTTP__LISTEN)"
        );
        jail.set_env("NCEN_HTTP__LISTEN", "127.0.0.1:1");
        jail.set_env("NCEN_AUTH__MAX_FAILED_LOGINS", "0");
        let error = load_err(Some("ncen.toml"));
        assert_eq!(
            error.to_string(),
            "auth.max_failed_logins: 0 is out of range: must be between 1 and 20 \
             (from environment variable NCEN_AUTH__MAX_FAILED_LOGINS)"
        );
        Ok(())
    });
}

#[test]
fn wrong_type_names_key_and_source() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http]\nmax_body_bytes = \"big\"\n")?;
        jail.set_env("NCEN_AUTH__TOKEN_TTL_MINUTES", "soon");
        let error = load_err(Some("ncen.toml"));
        let (source, message) = problem(&error, "http.max_body_bytes");
        assert_eq!(source, "file ncen.toml");
        assert_eq!(message, "expected a whole number, found the string \"big\"");
        let (source, _) = problem(&error, "auth.token_ttl_minutes");
        assert_eq!(source, "environment variable NCEN_AUTH__TOKEN_TTL_MINUTES");
        Ok(())
    });
}

#[test]
fn unknown_key_in_file_is_an_error_naming_it() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http]\nlistn = \"127.0.0.1:8080\"\n[loggin]\nfilter = \"debug\"\n")?;
        let error = load_err(Some("ncen.toml"));
        let (source, message) = problem(&error, "http.listn");
        assert_eq!(source, "file ncen.toml");
        assert!(message.starts_with("unknown key"), "{message}");
        assert!(message.contains("listen"), "{message}");
        let (source, message) = problem(&error, "loggin");
        assert_eq!(source, "file ncen.toml");
        assert!(message.starts_with("unknown section"), "{message}");
        Ok(())
    });
}

#[test]
fn unknown_key_in_env_names_the_variable() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("NCEN_HTTP__LISTN", "127.0.0.1:1");
        let error = load_err(None);
        let (source, _) = problem(&error, "http.listn");
        assert_eq!(source, "environment variable NCEN_HTTP__LISTN");
        Ok(())
    });
}

#[test]
fn hub_with_one_key_is_an_error() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", &format!("[hub]\npeer_id = \"{PEER_ID}\"\n"))?;
        let error = load_err(Some("ncen.toml"));
        assert_eq!(error.keys(), vec!["hub.address"]);
        let (source, message) = problem(&error, "hub.address");
        assert_eq!(source, "file ncen.toml");
        assert!(message.starts_with("missing"), "{message}");
        Ok(())
    });
}

#[test]
fn hub_values_are_checked() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "ncen.toml",
            "[hub]\npeer_id = \"0OIl-not-base58\"\naddress = \"192.0.2.10:4000\"\n",
        )?;
        let error = load_err(Some("ncen.toml"));
        assert_eq!(error.keys(), vec!["hub.peer_id", "hub.address"]);
        Ok(())
    });
}

#[test]
fn all_invalid_keys_are_reported_at_once() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "ncen.toml",
            r#"
            [node]
            data_dir = ""
            [http]
            listen = "abc"
            max_body_bytes = 10
            [p2p]
            listen = ["/ip4/0.0.0.0/tcp/4001", "tcp/4001"]
            [auth]
            max_failed_logins = 0
            inactivity_days = 4000
            password_min_length = 4
            [log]
            filter = " "
            format = "xml"
            "#,
        )?;
        jail.set_env("NCEN_HTTP__REQUEST_TIMEOUT_SECS", "0");
        let error = load_err(Some("ncen.toml"));
        assert!(matches!(error, ConfigError::Multiple(_)));
        assert_eq!(
            error.keys(),
            vec![
                "node.data_dir",
                "http.listen",
                "http.max_body_bytes",
                "http.request_timeout_secs",
                "p2p.listen[1]",
                "auth.max_failed_logins",
                "auth.inactivity_days",
                "auth.password_min_length",
                "log.filter",
                "log.format",
            ]
        );
        // One line per problem, each naming its key and source.
        let text = error.to_string();
        assert_eq!(text.lines().count(), 10, "{text}");
        assert!(text.lines().all(|l| l.contains("(from ")), "{text}");
        let (source, _) = problem(&error, "http.request_timeout_secs");
        assert_eq!(source, "environment variable NCEN_HTTP__REQUEST_TIMEOUT_SECS");
        let (source, _) = problem(&error, "p2p.listen[1]");
        assert_eq!(source, "file ncen.toml");
        Ok(())
    });
}

#[test]
fn type_errors_in_several_sections_are_all_reported() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "ncen.toml",
            "http = 5\n[auth]\nmax_failed_logins = true\n[log]\nformat = \"xml\"\n",
        )?;
        let error = load_err(Some("ncen.toml"));
        assert_eq!(error.keys(), vec!["auth.max_failed_logins", "http", "log.format"]);
        Ok(())
    });
}

#[test]
fn malformed_file_is_a_parse_error_naming_it() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ncen.toml", "[http\nlisten = \n")?;
        let error = load_err(Some("ncen.toml"));
        match &error {
            ConfigError::Parse { source_desc, .. } => assert_eq!(source_desc, "file ncen.toml"),
            other => panic!("expected Parse, got {other:?}"),
        }
        assert_eq!(error.to_string().lines().count(), 1, "{error}");
        Ok(())
    });
}

#[test]
fn serialized_config_loads_back() {
    let hub = HubConfig { peer_id: PEER_ID.to_owned(), address: "/ip4/192.0.2.10/tcp/4000".to_owned() };
    let log = LogConfig { format: LogFormat::Json, ..LogConfig::default() };
    let custom = Config { hub: Some(hub), log, ..Config::default() };
    for config in [Config::default(), custom] {
        let text = toml::to_string(&config).expect("serializes as TOML");
        let back = Config::from_figment(figment::Figment::from(Toml::string(&text))).expect("loads back");
        assert_eq!(back, config, "{text}");
    }
}
