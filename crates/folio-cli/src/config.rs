//! Site configuration: `folio.toml` at the top of the content folder.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use folio_core::model::DEFAULT_PAGE_SIZE;
use folio_core::routes::normalize_base_path;
use folio_core::SiteMeta;

use crate::content::generator::GeneratorSettings;

pub const CONFIG_FILE: &str = "folio.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}\n  fix: correct the TOML syntax; see the README's configuration section")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: unknown time zone `{zone}`\n  fix: use an IANA name such as `Asia/Seoul` or `UTC`"
    )]
    TimeZone { path: PathBuf, zone: String },
}

/// What `folio.toml` may set; everything has a default so the file is optional.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    pub time_zone: Option<String>,
    pub url: Option<String>,
    pub base_path: Option<String>,
    /// Absolute URL the manifest and posts are served from, when not the site itself
    /// (e.g. a bucket with CORS); it must end with `/`.
    pub content_url: Option<String>,
    /// Put each post's whole rendered body in the feeds, not only its summary.
    /// Off by default: summaries keep feeds small and bring readers to the site.
    pub feed_full_content: Option<bool>,
    /// Posts on one page of a list (home, a tag, a year); 20 by default.
    pub page_size: Option<usize>,
}

/// What the indexer works out from the posts because no config says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Detect {
    /// No `lang` anywhere: the site's language is the one most of its text is in.
    pub site_lang: bool,
    /// A post without its own `lang` whose text is in another language than
    /// the site's gets one.
    pub post_langs: bool,
    /// No `time_zone` anywhere: exports from Korean platforms are read in
    /// `Asia/Seoul` time, and the site's zone becomes it.
    pub time_zone: bool,
}

impl SiteConfig {
    /// What is left to detect once `folio.toml` and the generator's config are read.
    pub fn detect(&self, generator: &GeneratorSettings) -> Detect {
        Detect {
            site_lang: self.lang.is_none() && generator.lang.is_none(),
            post_langs: true,
            time_zone: self.time_zone.is_none()
                && generator
                    .time_zone
                    .as_ref()
                    .is_none_or(|zone| zone.parse::<chrono_tz::Tz>().is_err()),
        }
    }

    pub fn load(content_dir: &Path) -> Result<SiteConfig, ConfigError> {
        let path = content_dir.join(CONFIG_FILE);
        if !path.exists() {
            return Ok(SiteConfig::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        let config: SiteConfig = toml::from_str(&text).map_err(|err| {
            let (line, column) = err
                .span()
                .map(|span| line_column(&text, span.start))
                .unwrap_or((0, 0));
            ConfigError::Syntax {
                path: path.clone(),
                line,
                column,
                message: err.message().to_owned(),
            }
        })?;
        if let Some(zone) = &config.time_zone {
            if zone.parse::<chrono_tz::Tz>().is_err() {
                return Err(ConfigError::TimeZone {
                    path,
                    zone: zone.clone(),
                });
            }
        }
        Ok(config)
    }

    /// The site metadata for the manifest: `folio.toml` first, then what the
    /// source generator's config says, then defaults. `base_path_override`
    /// comes from `--base-path`.
    pub fn site_meta(
        &self,
        content_dir: &Path,
        generator: &GeneratorSettings,
        base_path_override: Option<&str>,
    ) -> SiteMeta {
        let folder_name = content_dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "Folio".to_owned());
        let (generator_url, generator_base) = generator
            .base_url
            .as_deref()
            .map(split_site_url)
            .unwrap_or_default();
        let time_zone = self
            .time_zone
            .clone()
            .or_else(|| {
                generator
                    .time_zone
                    .clone()
                    .filter(|zone| zone.parse::<chrono_tz::Tz>().is_ok())
            })
            .unwrap_or_else(|| "UTC".to_owned());
        SiteMeta {
            title: self
                .title
                .clone()
                .or_else(|| generator.title.clone())
                .unwrap_or(folder_name),
            description: self
                .description
                .clone()
                .or_else(|| generator.description.clone())
                .unwrap_or_default(),
            base_path: normalize_base_path(
                base_path_override
                    .or(self.base_path.as_deref())
                    .or(generator_base.as_deref())
                    .unwrap_or("/"),
            ),
            lang: self
                .lang
                .clone()
                .or_else(|| generator.lang.clone())
                .unwrap_or_else(|| "en".to_owned()),
            time_zone,
            url: self
                .url
                .clone()
                .or(generator_url)
                .map(|u| u.trim_end_matches('/').to_owned()),
            page_size: self.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1),
        }
    }
}

/// `https://example.com/blog/` → (`https://example.com`, `/blog/`): the site's
/// origin for absolute links and the path it was served under. Only http(s)
/// URLs with a host count; anything else gives nothing.
fn split_site_url(url: &str) -> (Option<String>, Option<String>) {
    let Some((scheme, rest)) = url.trim().split_once("://") else {
        return (None, None);
    };
    if !matches!(scheme, "http" | "https") {
        return (None, None);
    }
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty() {
        return (None, None);
    }
    (
        Some(format!("{scheme}://{host}")),
        Some(normalize_base_path(path)),
    )
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
