//! Telling generators apart by the files they leave at a site's root.

use std::path::{Path, PathBuf};

use super::error::GeneratorError;
use super::settings::{self, GeneratorSettings, HUGO_CONFIG_NAMES};
use super::{Generator, SiteSource};

/// Where Gatsby and Next.js starters keep posts, most specific first: the
/// first that exists is the content folder.
pub const JS_CONTENT_DIRS: &[&str] = &[
    "content/blog",
    "content/posts",
    "contents/posts",
    "content",
    "contents",
    "posts",
    "_posts",
    "data/blog",
    "src/content",
    "src/posts",
    "blog",
];

const GATSBY_CONFIGS: &[&str] = &[
    "gatsby-config.js",
    "gatsby-config.ts",
    "gatsby-config.mjs",
    "gatsby-config.cjs",
];
const NEXT_CONFIGS: &[&str] = &[
    "next.config.js",
    "next.config.mjs",
    "next.config.ts",
    "next.config.cjs",
];

pub fn detect_site(path: &Path) -> Result<SiteSource, GeneratorError> {
    if let Err(source) = std::fs::read_dir(path) {
        return Err(GeneratorError::Read {
            path: path.to_owned(),
            source,
        });
    }
    if let Some(site) = detect_root(path)? {
        return Ok(site);
    }
    // Pointed at the content folder itself: use the site around it, so its
    // settings, permalinks and taxonomies still apply.
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let named_like_content = matches!(
            path.file_name().and_then(|n| n.to_str()),
            Some("content" | "_posts")
        );
        match detect_root(parent) {
            Ok(Some(site)) => {
                let is_posts_of_jekyll = site.generator == Generator::Jekyll
                    && path.file_name() == Some("_posts".as_ref());
                if is_posts_of_jekyll || same_dir(&site.content_dir, path) {
                    return Ok(site);
                }
            }
            // A broken config beside `content/` is this site's: say so
            // rather than quietly reading the folder without it.
            Err(err) if named_like_content => return Err(err),
            _ => {}
        }
    }
    Ok(SiteSource {
        generator: Generator::Folio,
        root: path.to_owned(),
        content_dir: path.to_owned(),
        settings: GeneratorSettings::default(),
    })
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn first_file(root: &Path, names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| root.join(n)).find(|p| p.is_file())
}

/// The generator whose site `root` is, if it is one.
fn detect_root(root: &Path) -> Result<Option<SiteSource>, GeneratorError> {
    let site = |generator, content_dir, settings| SiteSource {
        generator,
        root: root.to_owned(),
        content_dir,
        settings,
    };

    // `hugo.*` and `config/_default/` are Hugo's alone; `config.*` is shared
    // with Zola (and half the world), so it only counts beside a `content/`.
    let hugo_only = first_file(root, &HUGO_CONFIG_NAMES[..4])
        .or_else(|| first_file(&root.join("config").join("_default"), HUGO_CONFIG_NAMES));
    if let Some(config_path) = hugo_only {
        let config = settings::read_hugo_config(root, &config_path)?;
        let (settings, content) = settings::hugo_settings(&config);
        let content_dir = root.join(content.as_deref().unwrap_or("content"));
        if !content_dir.is_dir() {
            return Err(GeneratorError::MissingContent {
                config: config_path,
                generator: "Hugo",
                content_dir,
            });
        }
        return Ok(Some(site(Generator::Hugo, content_dir, settings)));
    }
    if let Some(config_path) = first_file(root, &HUGO_CONFIG_NAMES[4..]) {
        let is_toml = config_path.extension() == Some("toml".as_ref());
        let looks_like_zola = is_toml
            && settings::read_text(&config_path)?
                .lines()
                .any(is_zola_base_url);
        if looks_like_zola {
            let config = settings::read_value(&config_path)?;
            let content_dir = root.join("content");
            if !content_dir.is_dir() {
                return Err(GeneratorError::MissingContent {
                    config: config_path,
                    generator: "Zola",
                    content_dir,
                });
            }
            let settings = settings::zola_settings(&config);
            return Ok(Some(site(Generator::Zola, content_dir, settings)));
        }
        if root.join("content").is_dir() || root.join("archetypes").is_dir() {
            let config = settings::read_hugo_config(root, &config_path)?;
            let (settings, content) = settings::hugo_settings(&config);
            let content_dir = root.join(content.as_deref().unwrap_or("content"));
            if content_dir.is_dir() {
                return Ok(Some(site(Generator::Hugo, content_dir, settings)));
            }
        }
    }

    if let Some(config_path) = first_file(root, &["_config.yml", "_config.yaml"]) {
        if root.join("_posts").is_dir() {
            let config = settings::read_value(&config_path)?;
            let settings = settings::jekyll_settings(&config);
            return Ok(Some(site(Generator::Jekyll, root.to_owned(), settings)));
        }
    }

    for (generator, configs) in [
        (Generator::Gatsby, GATSBY_CONFIGS),
        (Generator::NextJs, NEXT_CONFIGS),
    ] {
        let Some(config_path) = first_file(root, configs) else {
            continue;
        };
        let source = settings::read_text(&config_path)?;
        let declared = match generator {
            Generator::Gatsby => settings::gatsby_source_paths(&source),
            _ => Vec::new(),
        };
        let declared = declared
            .iter()
            .map(|d| root.join(d))
            .find(|d| d.is_dir() && holds_markdown(d, 3));
        let Some(content_dir) = declared.or_else(|| {
            JS_CONTENT_DIRS
                .iter()
                .map(|d| root.join(d))
                .find(|d| d.is_dir())
        }) else {
            return Err(GeneratorError::MissingContent {
                config: config_path,
                generator: generator.name(),
                content_dir: root.join(JS_CONTENT_DIRS[0]),
            });
        };
        let settings = match generator {
            Generator::Gatsby => settings::gatsby_settings(&source),
            _ => settings::nextjs_settings(&source),
        };
        return Ok(Some(site(generator, content_dir, settings)));
    }
    Ok(None)
}

/// Whether `dir` has a Markdown or MDX file within `depth` folders.
fn holds_markdown(dir: &Path, depth: usize) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            depth > 0 && holds_markdown(&path, depth - 1)
        } else {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "mdx" | "markdown")
            )
        }
    })
}

/// Zola spells it `base_url`; Hugo `baseURL` (any case, but never with `_`).
fn is_zola_base_url(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("base_url")
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}
