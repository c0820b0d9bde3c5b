//! The raw configuration: what figment extracts, with loose types and every key optional.
//!
//! Each section is extracted on its own so that a type error in one section does not hide the
//! problems of the others. Unknown sections and keys are errors: a typo must not be ignored.

use std::fmt;

use figment::Figment;
use figment::error::{Actual, Kind};
use figment::value::{Dict, Value};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};

use crate::ConfigError;
use crate::sources::{describe, describe_metadata};

/// The sections a configuration may have.
const SECTIONS: &[&str] = &["node", "http", "p2p", "hub", "auth", "log"];

#[derive(Debug, Default)]
pub(crate) struct RawConfig {
    pub node: Option<RawNode>,
    pub http: Option<RawHttp>,
    pub p2p: Option<RawP2p>,
    pub hub: Option<RawHub>,
    pub auth: Option<RawAuth>,
    pub log: Option<RawLog>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNode {
    #[serde(default, deserialize_with = "loose_string")]
    pub data_dir: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHttp {
    #[serde(default, deserialize_with = "loose_string")]
    pub listen: Option<String>,
    #[serde(default, deserialize_with = "whole_number")]
    pub max_body_bytes: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub request_timeout_secs: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawP2p {
    #[serde(default, deserialize_with = "string_list")]
    pub listen: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHub {
    #[serde(default, deserialize_with = "loose_string")]
    pub peer_id: Option<String>,
    #[serde(default, deserialize_with = "loose_string")]
    pub address: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAuth {
    #[serde(default, deserialize_with = "whole_number")]
    pub max_failed_logins: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub inactivity_days: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub token_ttl_minutes: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub password_min_length: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub password_max_age_days: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub password_notice_days: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    pub session_idle_minutes: Option<i64>,
    pub operation_access_days: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLog {
    #[serde(default, deserialize_with = "loose_string")]
    pub filter: Option<String>,
    #[serde(default, deserialize_with = "loose_string")]
    pub format: Option<String>,
}

impl RawConfig {
    /// Extracts every section it can, with the problems of those it cannot (a section with a
    /// problem is left out, so that it takes its defaults while the rest is checked). Fails
    /// outright only if the sources themselves cannot be read.
    pub(crate) fn extract(figment: &Figment) -> Result<(RawConfig, Vec<ConfigError>), ConfigError> {
        let top: Dict = figment.extract().map_err(|e| collect_or_parse(convert(figment, &[], e)))?;
        let mut problems = Vec::new();
        let mut raw = RawConfig::default();
        for (name, value) in &top {
            let p = &mut problems;
            match name.as_str() {
                "node" => raw.node = section(figment, name, value, p),
                "http" => raw.http = section(figment, name, value, p),
                "p2p" => raw.p2p = section(figment, name, value, p),
                "hub" => raw.hub = section(figment, name, value, p),
                "auth" => raw.auth = section(figment, name, value, p),
                "log" => raw.log = section(figment, name, value, p),
                other => p.push(ConfigError::invalid(
                    other,
                    describe(figment, other),
                    format!("unknown section; expected one of {}", SECTIONS.join(", ")),
                )),
            }
        }
        Ok((raw, problems))
    }
}

fn collect_or_parse(problems: Vec<ConfigError>) -> ConfigError {
    ConfigError::collect(problems).unwrap_or_else(|| ConfigError::Parse {
        source_desc: "configuration".to_owned(),
        message: "no data".to_owned(),
    })
}

fn section<T: DeserializeOwned>(
    figment: &Figment,
    name: &str,
    value: &Value,
    problems: &mut Vec<ConfigError>,
) -> Option<T> {
    if value.as_dict().is_none() {
        problems.push(ConfigError::invalid(
            name,
            describe(figment, name),
            format!("expected a table, found {}", found(&value.to_actual())),
        ));
        return None;
    }
    match figment.focus(name).extract::<T>() {
        Ok(section) => Some(section),
        Err(error) => {
            problems.extend(convert(figment, &[name], error));
            None
        }
    }
}

/// Turns figment's errors (paths relative to `prefix`) into problems naming the full key.
fn convert(figment: &Figment, prefix: &[&str], error: figment::Error) -> Vec<ConfigError> {
    let mut out: Vec<ConfigError> = error
        .into_iter()
        .map(|e| {
            let mut path: Vec<String> = prefix.iter().map(|p| (*p).to_owned()).collect();
            path.extend(e.path.iter().cloned());
            let message = match &e.kind {
                Kind::UnknownField(field, expected) => {
                    // figment usually has the field in the path already.
                    if path.last() != Some(field) {
                        path.push(field.clone());
                    }
                    format!("unknown key; expected one of {}", expected.join(", "))
                }
                Kind::MissingField(field) => {
                    if path.last().map(String::as_str) != Some(field.as_ref()) {
                        path.push(field.to_string());
                    }
                    "missing".to_owned()
                }
                Kind::InvalidType(actual, expected) | Kind::InvalidValue(actual, expected) => {
                    format!("expected {expected}, found {}", found(actual))
                }
                other => one_line(&other.to_string()),
            };
            if path.is_empty() {
                return ConfigError::Parse {
                    source_desc: e
                        .metadata
                        .as_ref()
                        .map(|m| describe_metadata(m, "", false))
                        .unwrap_or_else(|| "configuration".to_owned()),
                    message,
                };
            }
            // `p2p.listen.1` is shown as `p2p.listen[1]`; its source is that of the list.
            let (names, indexes): (Vec<&String>, Vec<&String>) =
                path.iter().partition(|part| part.parse::<usize>().is_err());
            let lookup = names.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(".");
            let key = format!("{lookup}{}", indexes.iter().map(|i| format!("[{i}]")).collect::<String>());
            let source_desc = match (figment.find_metadata(&lookup), &e.metadata) {
                (None, Some(metadata)) => describe_metadata(metadata, &lookup, false),
                _ => describe(figment, &lookup),
            };
            ConfigError::Invalid { key, source_desc, message }
        })
        .collect();
    // figment chains errors newest first; report them in the order the sources were layered.
    out.reverse();
    out
}

/// Describes a found value in words.
fn found(actual: &Actual) -> String {
    match actual {
        Actual::Str(s) => format!("the string {s:?}"),
        Actual::Unsigned(n) => format!("the number {n}"),
        Actual::Signed(n) => format!("the number {n}"),
        Actual::Float(n) => format!("the number {n}"),
        Actual::Bool(b) => format!("{b}"),
        Actual::Seq => "a list".to_owned(),
        Actual::Map => "a table".to_owned(),
        other => other.to_string(),
    }
}

/// Parser messages (TOML's shows a source excerpt over several lines) folded into one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| {
            let excerpt = line.starts_with('|')
                || line.split_once('|').is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()));
            !line.is_empty() && !excerpt
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A string; a number or a boolean is taken as its text (environment values are typed by
/// figment, so `NCEN_NODE__DATA_DIR=2026` arrives as a number).
fn loose_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(LooseString).map(Some)
}

struct LooseString;

impl Visitor<'_> for LooseString {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// A list of strings, or one string taken as a list of one.
fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    struct ListVisitor;

    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                items.push(item);
            }
            Ok(items)
        }
    }

    d.deserialize_any(ListVisitor).map(Some)
}

/// A whole number; range checks come later, so any integer is accepted here.
fn whole_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    struct NumberVisitor;

    impl Visitor<'_> for NumberVisitor {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            // Too large for any key: saturating keeps the range check's message.
            Ok(i64::try_from(v).unwrap_or(i64::MAX))
        }
    }

    d.deserialize_any(NumberVisitor).map(Some)
}
