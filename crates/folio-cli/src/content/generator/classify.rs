//! What each file under a site's content folder is to its generator.
//!
//! A generator repository holds far more than posts: templates, styles,
//! installed gems and packages, build output, the repository's own README.
//! Publishing those as posts would be wrong and dropping them silently would
//! hide mistakes, so every skip carries a reason the indexer can report.

use std::path::{Component, Path};

use super::{Generator, SiteSource};

/// What the indexer already knows from a file's front matter, so the
/// generator rules can use it without depending on a YAML or TOML library.
/// Whether front matter exists at all is the `Option` around it; the fields
/// that shape URLs (slug, date, categories) go in [`super::OldUrlParts`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatterHints {
    pub layout: Option<String>,
    /// The `type` key.
    pub kind: Option<String>,
    /// Neither the front matter nor the file name gives a date.
    pub undated: bool,
}

/// Names of the standalone pages blogs have; an undated file so named is a
/// page, not a post dated by its modification time.
const PAGE_NAMES: &[&str] = &[
    "about",
    "about-me",
    "contact",
    "now",
    "uses",
    "privacy",
    "resume",
    "cv",
    "projects",
    "colophon",
    "links",
    "소개",
    "프로필",
];

impl FrontMatterHints {
    fn says_page(&self) -> bool {
        [&self.layout, &self.kind]
            .into_iter()
            .flatten()
            .any(|v| v.eq_ignore_ascii_case("page"))
    }
}

/// A file's role in the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// A dated blog post.
    Post,
    /// A post the generator only publishes on request (Jekyll `_drafts/`).
    Draft,
    /// A standalone page such as `about.md`.
    Page,
    /// A section's own page (`_index.md`): its text introduces a list of posts.
    Section,
    /// A file published as it is: an image beside a post, a stylesheet.
    Asset,
    /// Something the generator never publishes.
    Skip { reason: SkipReason },
}

/// Why a file is not part of the published site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// `_site/`, `public/`: what the generator built last time.
    BuildOutput,
    /// `node_modules/`, `vendor/`: installed packages.
    Dependencies,
    /// `_layouts/`, `_includes/`, `_sass/`, `_plugins/`, `.html` templates.
    Theme,
    /// `_data/`: values templates read, not pages.
    SiteData,
    /// The generator's own config file.
    Config,
    /// `README`, `LICENSE`, `CHANGELOG`, `Gemfile`, `package.json`: the repository's, not the site's.
    RepositoryFile,
    /// Names starting with `.`.
    Hidden,
    /// Jekyll does not publish folders or files starting with `_`.
    Underscored,
    /// Listed in Jekyll's `exclude`.
    Excluded,
    /// Markdown without front matter: Jekyll copies it as a static file, not a page.
    NoFrontMatter,
    /// A `_posts/` file not named `YYYY-MM-DD-title`: Jekyll does not read it as a post.
    UndatedPostName,
    /// Markdown beside a bundle's `index.md`: a resource of that page, not a page.
    BundleResource,
    /// Nothing but whitespace: there is no post to publish.
    Empty,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SkipReason::BuildOutput => "the generator's build output",
            SkipReason::Dependencies => "installed packages",
            SkipReason::Theme => "theme templates, includes, styles or plugins",
            SkipReason::SiteData => "data files read by templates",
            SkipReason::Config => "the generator's config file",
            SkipReason::RepositoryFile => "a repository file, not part of the site",
            SkipReason::Hidden => "a hidden file",
            SkipReason::Underscored => {
                "Jekyll does not publish names starting with `_`"
            }
            SkipReason::Excluded => "listed in `exclude` in _config.yml",
            SkipReason::NoFrontMatter => {
                "no front matter: Jekyll copies it as a static file; add `---` lines to publish it as a page"
            }
            SkipReason::UndatedPostName => {
                "Jekyll only reads posts named YYYY-MM-DD-title; rename it to publish it"
            }
            SkipReason::BundleResource => {
                "a resource of the page bundle beside it, not a page"
            }
            SkipReason::Empty => "the file is empty; write the post, or delete the file",
        })
    }
}

/// Markdown as each generator reads it; Folio also reads `.txt` exports.
fn is_markdown(generator: Generator, file: &Path) -> bool {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        (generator, ext.as_deref()),
        (_, Some("md" | "markdown"))
            | (
                Generator::Gatsby | Generator::NextJs | Generator::Folio,
                Some("mdx")
            )
            | (Generator::Folio, Some("txt"))
    )
}

fn names(file: &Path) -> Vec<&str> {
    file.components()
        .filter_map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect()
}

/// Rules every generator shares: hidden files and installed packages are never content.
fn common_skip(names: &[&str]) -> Option<SkipReason> {
    if names.iter().any(|n| n.starts_with('.')) {
        return Some(SkipReason::Hidden);
    }
    if names.contains(&"node_modules") {
        return Some(SkipReason::Dependencies);
    }
    None
}

pub fn classify(site: &SiteSource, file: &Path, hints: Option<&FrontMatterHints>) -> FileRole {
    let names = names(file);
    if let Some(reason) = common_skip(&names) {
        return FileRole::Skip { reason };
    }
    let Some((&name, dirs)) = names.split_last() else {
        return FileRole::Asset;
    };
    let markdown = is_markdown(site.generator, file);
    match site.generator {
        Generator::Hugo | Generator::Zola => sectioned(site, name, dirs, markdown),
        Generator::Jekyll => jekyll(site, file, name, &names, dirs, markdown, hints),
        Generator::Gatsby | Generator::NextJs | Generator::Folio => {
            if site.generator == Generator::Folio && names == ["folio.toml"] {
                return FileRole::Skip {
                    reason: SkipReason::Config,
                };
            }
            if !markdown {
                FileRole::Asset
            } else if is_stem(name, "_index") {
                FileRole::Section
            } else if hints.is_some_and(FrontMatterHints::says_page)
                || hints.is_some_and(|h| h.undated && is_page_name(name))
                || (site.generator == Generator::Folio && dirs.first() == Some(&"pages"))
            {
                FileRole::Page
            } else {
                FileRole::Post
            }
        }
    }
}

fn is_page_name(name: &str) -> bool {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| PAGE_NAMES.contains(&stem.to_lowercase().as_str()))
}

fn is_stem(name: &str, stem: &str) -> bool {
    Path::new(name).file_stem().and_then(|s| s.to_str()) == Some(stem)
}

/// Hugo and Zola: folders are sections, `_index.md` introduces one, files
/// at the top are pages, and `<folder>/index.md` is a page bundle whose
/// place decides between post and page.
fn sectioned(site: &SiteSource, name: &str, dirs: &[&str], markdown: bool) -> FileRole {
    if !markdown {
        return FileRole::Asset;
    }
    if is_stem(name, "_index") {
        return FileRole::Section;
    }
    let place = if is_stem(name, "index") {
        dirs.split_last().map_or(&[][..], |(_, place)| place)
    } else {
        // Markdown inside a leaf bundle belongs to that bundle's page.
        let in_bundle = (1..=dirs.len()).any(|n| {
            let folder = site.content_dir.join(dirs[..n].join("/"));
            ["index.md", "index.markdown"]
                .iter()
                .any(|i| folder.join(i).is_file())
        });
        if in_bundle {
            return FileRole::Skip {
                reason: SkipReason::BundleResource,
            };
        }
        dirs
    };
    if place.is_empty() {
        FileRole::Page
    } else {
        FileRole::Post
    }
}

const JEKYLL_REPO_FILES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "changelog",
    "gemfile",
    "package.json",
    "package-lock.json",
    "yarn.lock",
    "rakefile",
    "contributing",
    "code_of_conduct",
];

fn jekyll(
    site: &SiteSource,
    file: &Path,
    name: &str,
    names: &[&str],
    dirs: &[&str],
    markdown: bool,
    hints: Option<&FrontMatterHints>,
) -> FileRole {
    let skip = |reason| FileRole::Skip { reason };
    let path = names.join("/");
    if site
        .settings
        .exclude
        .iter()
        .any(|e| excluded(e, &path, name))
    {
        return skip(SkipReason::Excluded);
    }
    match names.first().copied() {
        Some("_site") => return skip(SkipReason::BuildOutput),
        Some("_layouts" | "_includes" | "_sass" | "_plugins") => return skip(SkipReason::Theme),
        Some("_data") => return skip(SkipReason::SiteData),
        Some("vendor") => return skip(SkipReason::Dependencies),
        _ => {}
    }
    if dirs.is_empty() {
        let lower = name.to_ascii_lowercase();
        if lower.starts_with("_config.") {
            return skip(SkipReason::Config);
        }
        if JEKYLL_REPO_FILES.iter().any(|r| lower.starts_with(r)) {
            return skip(SkipReason::RepositoryFile);
        }
    }
    if let Some(at) = names.iter().position(|n| *n == "_posts" || *n == "_drafts") {
        if names[..at].iter().any(|n| n.starts_with('_')) {
            return skip(SkipReason::Underscored);
        }
        if !markdown {
            return FileRole::Asset;
        }
        if names[at] == "_drafts" {
            return FileRole::Draft;
        }
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        return match super::slug::split_date_prefix(stem) {
            (Some(_), rest) if !rest.is_empty() => FileRole::Post,
            _ => skip(SkipReason::UndatedPostName),
        };
    }
    if names.iter().any(|n| n.starts_with('_')) {
        return skip(SkipReason::Underscored);
    }
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    if matches!(ext, "html" | "htm" | "liquid" | "xml" | "scss" | "sass") {
        return skip(SkipReason::Theme);
    }
    if !markdown {
        return FileRole::Asset;
    }
    match hints {
        Some(_) => FileRole::Page,
        None => skip(SkipReason::NoFrontMatter),
    }
}

/// Jekyll `exclude` entries are paths from the root or `*` patterns.
fn excluded(entry: &str, path: &str, name: &str) -> bool {
    if let Some(suffix) = entry.strip_prefix('*') {
        return !suffix.contains('*') && name.ends_with(suffix);
    }
    path == entry || path.starts_with(&format!("{entry}/"))
}
