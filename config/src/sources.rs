//! The layers (defaults → TOML file → `NCEN_` environment) and how a value's origin is described.

use std::path::Path;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::{Dict, Map};
use figment::{Figment, Metadata, Profile, Provider, Source};

use crate::{Config, ConfigError};

/// Prefix of the environment variables read by [`Config::load`].
pub const ENV_PREFIX: &str = "NCEN_";
/// Separates the section from the key in a variable name: `NCEN_HTTP__LISTEN`.
const ENV_SEPARATOR: &str = "__";

const DEFAULTS_LABEL: &str = "built-in defaults";
const ENV_LABEL: &str = "nCEN environment variables";
/// How a value that no layer set, or that the defaults layer set, is described.
pub(crate) const DEFAULT_DESC: &str = "built-in default";

/// Builds the layered figment; checks that a named file is there before reading it.
pub(crate) fn layered(file: Option<&Path>) -> Result<Figment, ConfigError> {
    let mut figment = Figment::from(Labeled {
        inner: Serialized::defaults(Config::default()),
        metadata: Metadata::named(DEFAULTS_LABEL),
    });
    if let Some(path) = file {
        check_file(path)?;
        figment = figment.merge(Toml::file_exact(path));
    }
    Ok(figment.merge(environment()))
}

/// The `NCEN_SECTION__KEY` variables. Variables without `__` are not configuration keys.
fn environment() -> impl Provider {
    let env =
        Env::prefixed(ENV_PREFIX).filter(|key| key.as_str().contains(ENV_SEPARATOR)).split(ENV_SEPARATOR);
    Labeled {
        inner: env,
        metadata: Metadata::named(ENV_LABEL).interpolater(|_: &Profile, keys: &[&str]| env_var_name(keys)),
    }
}

fn env_var_name(keys: &[&str]) -> String {
    let upper: Vec<String> = keys.iter().map(|k| k.to_ascii_uppercase()).collect();
    format!("{ENV_PREFIX}{}", upper.join(ENV_SEPARATOR))
}

fn check_file(path: &Path) -> Result<(), ConfigError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(ConfigError::MissingFile { path: path.to_owned() })
        }
        Err(e) => Err(ConfigError::UnreadableFile { path: path.to_owned(), reason: e.to_string() }),
        Ok(meta) if !meta.is_file() => Err(ConfigError::UnreadableFile {
            path: path.to_owned(),
            reason: "not a regular file".to_owned(),
        }),
        Ok(_) => Ok(()),
    }
}

/// A provider with metadata of our choosing, so that errors can say where a value came from.
struct Labeled<P> {
    inner: P,
    metadata: Metadata,
}

impl<P: Provider> Provider for Labeled<P> {
    fn metadata(&self) -> Metadata {
        self.metadata.clone()
    }

    fn data(&self) -> figment::Result<Map<Profile, Dict>> {
        self.inner.data()
    }
}

/// Where the value of `key` (dotted) came from. If `key` has no value, names the source of the
/// nearest enclosing table that has one, or the built-in default.
pub(crate) fn describe(figment: &Figment, key: &str) -> String {
    let mut at = key;
    loop {
        if let Some(metadata) = figment.find_metadata(at) {
            return describe_metadata(metadata, at, at != key);
        }
        match at.rsplit_once('.') {
            Some((parent, _)) => at = parent,
            None => return DEFAULT_DESC.to_owned(),
        }
    }
}

/// Describes a provider; `key` is where the value was found, `enclosing` if it is a table
/// around the key in question rather than the key itself.
pub(crate) fn describe_metadata(metadata: &Metadata, key: &str, enclosing: bool) -> String {
    let parts: Vec<&str> = key.split('.').filter(|p| !p.is_empty()).collect();
    if metadata.name == ENV_LABEL {
        let name = env_var_name(&parts);
        return if enclosing || parts.is_empty() {
            format!("environment variables {name}{ENV_SEPARATOR}*")
        } else {
            format!("environment variable {name}")
        };
    }
    if metadata.name == DEFAULTS_LABEL {
        return DEFAULT_DESC.to_owned();
    }
    match &metadata.source {
        Some(Source::File(path)) => format!("file {}", path.display()),
        Some(Source::Custom(custom)) => format!("{} {custom}", metadata.name),
        Some(Source::Code(_)) | None => metadata.name.to_string(),
        // `Source` is non-exhaustive.
        Some(_) => metadata.name.to_string(),
    }
}
