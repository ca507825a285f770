//! What can go wrong reading another generator's site.

use std::path::PathBuf;

/// Every error names the file, and where it can, the line, so the fix is one
/// edit away; each message ends with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum GeneratorError {
    #[error("cannot read {path}: {source}\n  fix: check the path passed as --content and its permissions")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}\n  fix: correct the {format} syntax; the site's generator would reject this file too")]
    Syntax {
        path: PathBuf,
        /// 1-based; 0 when the parser did not say.
        line: usize,
        column: usize,
        format: ConfigFormat,
        message: String,
    },
    #[error("{config} is a {generator} config, but its content folder {content_dir} does not exist\n  fix: pass the folder that holds the posts as --content, or create {content_dir}")]
    MissingContent {
        config: PathBuf,
        generator: &'static str,
        content_dir: PathBuf,
    },
}

/// The syntax a config file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigFormat {
    Toml,
    Yaml,
    Json,
}

impl std::fmt::Display for ConfigFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConfigFormat::Toml => "TOML",
            ConfigFormat::Yaml => "YAML",
            ConfigFormat::Json => "JSON",
        })
    }
}
