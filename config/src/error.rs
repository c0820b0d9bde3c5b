//! [`ConfigError`]: what can go wrong while loading a configuration, one line per problem.

use std::fmt;
use std::path::PathBuf;

/// A configuration that could not be loaded. Each problem names the key and where its value
/// came from; when several keys are wrong, [`ConfigError::Multiple`] holds them all.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The named configuration file does not exist.
    #[error("configuration file {} does not exist", path.display())]
    MissingFile { path: PathBuf },

    /// The named configuration file exists but cannot be used (a directory, no permission...).
    #[error("configuration file {} cannot be read: {reason}", path.display())]
    UnreadableFile { path: PathBuf, reason: String },

    /// A source (a TOML file, usually) is not well-formed.
    #[error("{source_desc} cannot be parsed: {message}")]
    Parse {
        /// Where the text came from, e.g. `file /etc/ncen.toml`.
        source_desc: String,
        message: String,
    },

    /// A key has a wrong value, a wrong type, or is not a known key.
    #[error("{key}: {message} (from {source_desc})")]
    Invalid {
        /// The dotted key, e.g. `http.listen`.
        key: String,
        /// Where the value came from, e.g. `environment variable NCEN_HTTP__LISTEN`,
        /// `file ./ncen.toml` or `built-in default`.
        source_desc: String,
        message: String,
    },

    /// Several problems, each of them one of the variants above.
    #[error("{}", Lines(.0))]
    Multiple(Vec<ConfigError>),
}

impl ConfigError {
    /// Every single problem, with [`ConfigError::Multiple`] flattened.
    pub fn problems(&self) -> Vec<&ConfigError> {
        match self {
            ConfigError::Multiple(all) => all.iter().flat_map(ConfigError::problems).collect(),
            single => vec![single],
        }
    }

    /// The keys named by the problems, in order (problems without a key are skipped).
    pub fn keys(&self) -> Vec<&str> {
        self.problems()
            .into_iter()
            .filter_map(|p| match p {
                ConfigError::Invalid { key, .. } => Some(key.as_str()),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn invalid(key: &str, source_desc: String, message: String) -> ConfigError {
        ConfigError::Invalid { key: key.to_owned(), source_desc, message }
    }

    /// One problem as itself, several as [`ConfigError::Multiple`]; `None` if there are none.
    pub(crate) fn collect(mut problems: Vec<ConfigError>) -> Option<ConfigError> {
        match problems.len() {
            0 => None,
            1 => problems.pop(),
            _ => Some(ConfigError::Multiple(problems)),
        }
    }
}

struct Lines<'a>(&'a [ConfigError]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}
