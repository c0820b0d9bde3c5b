//! `ncen.example.toml` documents the defaults: it must load, and equal them.

// `figment::Jail` closures return `figment::Error`, which is large; that is figment's API.
#![allow(clippy::result_large_err)]

use std::path::PathBuf;

use figment::Jail;
use figment::providers::{Format, Toml};
use ncen_config::Config;

/// The example file of the crate being tested (read at run time, so a test binary built from
/// another checkout never reads a stale copy).
fn example_path() -> PathBuf {
    // Known at compile time: another test's `Jail::clear_env` may empty the environment meanwhile.
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ncen.example.toml")
}

#[test]
fn example_file_equals_defaults() {
    let path = example_path();
    Jail::expect_with(|jail| {
        jail.clear_env();
        let config = Config::load(Some(&path));
        assert_eq!(config.ok(), Some(Config::default()));
        Ok(())
    });
}

#[test]
fn example_file_sets_every_key() {
    // With the commented-out [hub] section enabled, the example names every key: extracting
    // it as a plain table must give as many keys as the serialized configuration has.
    let text = std::fs::read_to_string(example_path()).expect("example file is readable");
    let enabled: String = text
        .lines()
        .map(|line| {
            let uncommented = line.strip_prefix("# ").unwrap_or(line);
            let is_hub_line = uncommented.starts_with("[hub]")
                || uncommented.starts_with("peer_id =")
                || uncommented.starts_with("address =");
            if is_hub_line { uncommented } else { line }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let config = Config::from_figment(figment::Figment::from(Toml::string(&enabled)))
        .expect("the example with [hub] enabled is valid");
    let hub = config.hub.clone().expect("hub section enabled");
    assert_eq!(hub.address, "/ip4/192.0.2.10/tcp/4000");

    let example: toml::Table = toml::from_str(&enabled).expect("example is TOML");
    let serialized: toml::Table =
        toml::from_str(&toml::to_string(&config).expect("serializes")).expect("TOML");
    assert_eq!(keys(&example), keys(&serialized));
}

fn keys(table: &toml::Table) -> Vec<String> {
    let mut out = Vec::new();
    for (section, value) in table {
        match value.as_table() {
            Some(inner) => out.extend(inner.keys().map(|k| format!("{section}.{k}"))),
            None => out.push(section.clone()),
        }
    }
    out.sort();
    out
}
