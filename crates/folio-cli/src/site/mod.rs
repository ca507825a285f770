//! `folio build`: a complete folder for any static host.
//!
//! Layout of the output:
//! - one `index.html` per route (`posts/<slug>/index.html`, `tags/<tag>/index.html`, …)
//!   so every address opens directly and reloads with no rewrite rules, each
//!   with the route's content prerendered by the app's own components and its
//!   head tags for search and sharing;
//! - feeds (`feed.xml`, `rss.xml`, and per tag `tags/<tag>/feed.xml`, `rss.xml`),
//!   `sitemap.xml`, `robots.txt`, and redirect pages at posts' old addresses;
//! - `manifest.json`, the index the app reads (every post's slug, date and
//!   tags), and `list/<n>.json`, the posts' cards in chunks (see [`folio_core::list`]);
//! - `content/`, each post's Markdown body, the same body rendered to HTML
//!   (`<source>.html`, what the app fetches), and the files beside it (page bundles);
//! - `search/`, the search index (see [`search`]);
//! - the app bundle (hashed `.wasm`, `.js`, `.css`) and `public/` files.

mod aliases;
pub mod app_bundle;
mod context;
mod csp;
mod dates;
mod feeds;
mod fingerprints;
mod head;
mod headers;
mod memory;
mod pages;
mod pwa;
pub mod search;
mod sitemap;
mod static_files;
mod xml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use folio_core::page_body;
use folio_core::routes::{browse_filter_of, Route};
use folio_core::{browse, Body, Manifest, MANIFEST_VERSION};
use rayon::prelude::*;

use crate::config::{ConfigError, SiteConfig};
use crate::content::generator::{detect_site, GeneratorError, SiteSource};
use crate::content::{index_content_again, ContentIndex, IndexError, IndexOptions};
pub use app_bundle::{AppBundle, AppBundleError};
use context::{ListData, SiteContext};
pub use memory::BuildMemory;

/// Marks an output folder as Folio's, so a later build may replace it.
const BUILD_MARKER: &str = ".folio-build";

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub out_dir: PathBuf,
    pub base_path: Option<String>,
    pub include_drafts: bool,
    /// Write the good posts even when some failed.
    pub keep_going: bool,
    /// Serve manifest and posts from another origin (overrides `content_url` in folio.toml).
    pub content_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Generator(#[from] GeneratorError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    App(#[from] AppBundleError),
    #[error(transparent)]
    Pwa(#[from] pwa::PwaError),
    #[error("{count} post(s) have errors; nothing was written\n  fix: correct them, or pass --keep-going to build the other posts")]
    ContentErrors { count: usize },
    #[error("{path} is not a folder an earlier Folio build wrote (or it holds the content)\n  fix: choose an empty or new folder for --out, outside the content folder")]
    ForeignOutDir { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a build did, for the summary line.
#[derive(Debug)]
pub struct BuildReport {
    /// The generator the content was written for.
    pub generator: crate::content::generator::Generator,
    pub index: ContentIndex,
    pub pages: usize,
    pub manifest: Manifest,
    /// Things the build skipped but did not fail on (an alias that would
    /// overwrite a page, a tag that cannot be a folder), for the CLI to print.
    pub warnings: Vec<String>,
    /// Pages rendered and written by this build (all of them, unless it
    /// kept an earlier build's unchanged pages).
    pub pages_written: usize,
    /// The search index is still to write: [`write_search_index`] it.
    pub search_pending: bool,
}

/// A content folder as `--content` named it: where its posts are, which
/// generator wrote it, and the site settings from both configs.
pub struct OpenedContent {
    pub source: SiteSource,
    pub config: SiteConfig,
    pub site: folio_core::SiteMeta,
    /// What neither config says, for the indexer to work out.
    pub detect: crate::config::Detect,
}

/// Opens what `--content` names: a folder of posts, or a Hugo, Jekyll, Zola,
/// Gatsby or Next.js site. `folio.toml` beside it overrides the generator's config.
pub fn open_content(content: &Path, base_path: Option<&str>) -> Result<OpenedContent, BuildError> {
    if !content.is_dir() {
        return Err(IndexError::Missing(content.to_path_buf()).into());
    }
    let config = SiteConfig::load(content)?;
    let source = detect_site(content)?;
    let site = config.site_meta(&source.root, &source.settings, base_path);
    let detect = config.detect(&source.settings);
    Ok(OpenedContent {
        source,
        config,
        site,
        detect,
    })
}

/// Indexes the content, then writes the site if there were no errors (or `keep_going`).
pub fn build_site(
    options: &BuildOptions,
    app: &AppBundle,
    on_file: impl FnMut(usize, usize),
) -> Result<BuildReport, BuildError> {
    build_site_again(
        options,
        app,
        on_file,
        &mut BuildMemory::for_one_build(),
        false,
    )
}

/// [`build_site`] over the output of an earlier build with `memory`:
/// unchanged files are read from memory rather than the disk, and only the
/// pages, bodies and files whose data changed are rendered and written. With
/// `search_later`, a rebuild leaves the search index to
/// [`write_search_index`] (the report says so), so a preview can reload first.
pub fn build_site_again(
    options: &BuildOptions,
    app: &AppBundle,
    on_file: impl FnMut(usize, usize),
    memory: &mut BuildMemory,
    search_later: bool,
) -> Result<BuildReport, BuildError> {
    let OpenedContent {
        source,
        config,
        mut site,
        detect,
    } = open_content(&options.content_dir, options.base_path.as_deref())?;
    let index = index_content_again(
        &source,
        &mut site,
        IndexOptions {
            include_drafts: options.include_drafts,
            detect,
        },
        on_file,
        &mut memory.index,
    )?;
    let errors = index.error_count();
    if errors > 0 && !options.keep_going {
        return Err(BuildError::ContentErrors { count: errors });
    }
    // A first build always makes the search index: it starts now, on a
    // thread of its own, so it also overlaps the serial work before the
    // pages (the list data, the pages' fingerprints), not only their rendering.
    let early_search = memory.is_first_build().then(|| {
        let sources = search::search_sources(&index.posts);
        std::thread::spawn(move || search::search_files_of(&sources))
    });
    let content_base = options
        .content_url
        .clone()
        .or(config.content_url.clone())
        .map(|url| format!("{}/", url.trim_end_matches('/')))
        .unwrap_or_else(|| site.base_path.clone());
    let app = &app.with_content_base(&content_base);
    // Shared with the app's components for every route, not copied.
    let manifest = Arc::new(Manifest {
        version: MANIFEST_VERSION,
        site,
        posts: index.posts.iter().map(|p| p.meta.clone()).collect(),
        pages: index.pages.iter().map(|p| p.meta.clone()).collect(),
    });
    let out = &options.out_dir;
    let card_fingerprints: Vec<u64> = manifest
        .posts
        .par_iter()
        .map(folio_core::PostMeta::fingerprint)
        .collect();
    let list = memory
        .list_files(&manifest, &card_fingerprints)
        .expect("the list data is plain data and always serializes");
    let manifest_json = list.index_json;
    let chunk_inputs = memory.chunk_inputs();
    let list_shape = memory.list_shape(list.cards.index_key(), &manifest);
    let routes = &*list_shape.routes;
    let site = SiteContext::new(
        &manifest,
        ListData {
            browse: list_shape.browse.clone(),
            cards: list.cards,
            card_fingerprints,
        },
        &index.posts,
        &index.pages,
        &content_base,
        config.feed_full_content.unwrap_or(false),
    );
    let shape = made_with(
        options,
        app,
        &config,
        &manifest,
        list_shape.routes_hash,
        &index.assets,
    );
    let keeping = memory.reuse(shape);
    memory.fingerprints.update(&site, routes);
    if !keeping {
        prepare_out_dir(&options.out_dir, &options.content_dir)?;
        app.copy_assets_to(&options.out_dir)
            .map_err(|(path, source)| BuildError::Write { path, source })?;
    }
    memory.write_if_changed(out.join("manifest.json"), manifest_json.as_bytes())?;
    for ((file, json), input) in list.chunks.iter().zip(chunk_inputs) {
        memory.write_made_from(out, file, input, || json.as_bytes())?;
    }
    memory.write_if_changed(
        out.join(folio_core::list::TITLES_FILE),
        list.titles_json.as_bytes(),
    )?;
    for asset in &index.assets {
        let from = source.content_dir.join(asset);
        let to = out.join("content").join(asset);
        if keeping && is_copy_current(&from, &to) {
            continue;
        }
        ensure_parent(&to)?;
        std::fs::copy(&from, &to).map_err(|source| BuildError::Write {
            path: to.clone(),
            source,
        })?;
    }
    // The policy is the template's: its inline scripts are every page's
    // (routes render no script of their own, and bodies are sanitised).
    let template = pages::PageTemplate::new(&csp::with_content_security_policy(
        &pages::site_template(&app.index_html, &site),
        csp::origin_of(&content_base),
    ));
    // Each body rendered once, here, for its own page, which doubles as the
    // body data the app fetches (`folio_core::page_body`): one file a post.
    // Posts, pages and routes are independent of each other, so they render
    // on every core; only those whose data changed since the last build
    // kept in `memory`.
    let write_page = |route: &Route, body: Option<(String, Body)>, fingerprint: &str| {
        let html = pages::render_page(&template, &site, route, body, fingerprint);
        write(&out.join(route.output_file()), html.as_bytes())
    };
    let stale = |route: &Route, source: &str, hash: &str| {
        let fingerprint = memory.fingerprints.of(route);
        let current = memory.has_page(route, fingerprint) && memory.has_body(source, hash);
        (!current).then(|| fingerprint.to_owned())
    };
    // Posts and standalone pages: (route, source, body hash).
    let bodies = index
        .posts
        .iter()
        .map(|post| {
            let route = Route::Post(post.meta.slug.clone());
            (route, &post.meta.source, &post.meta.hash)
        })
        .chain(index.pages.iter().map(|page| {
            let route = Route::Page(page.meta.slug.clone());
            (route, &page.meta.source, &page.meta.hash)
        }));
    let stale_bodies: Vec<_> = bodies
        .filter_map(|(route, source, hash)| {
            let fingerprint = stale(&route, source, hash)?;
            Some((route, source, hash, fingerprint))
        })
        .collect();
    let stale_routes: Vec<(&Route, String)> = routes
        .iter()
        .filter(|route| !matches!(route, Route::Post(_) | Route::Page(_)))
        .filter_map(|route| {
            let fingerprint = memory.fingerprints.of(route);
            (!memory.has_page(route, fingerprint)).then(|| (route, fingerprint.to_owned()))
        })
        .collect();
    // The index reads every post's text, title, tags and position.
    let bodies_changed = !stale_bodies.is_empty();
    let search_pending = keeping && bodies_changed && search_later;
    let search_now = !search_pending && (!keeping || bodies_changed);
    let render = || {
        stale_bodies
            .par_iter()
            .try_for_each(|(route, source, _, fingerprint)| {
                let body = page_body::with_data(site.body_of(source));
                write_page(route, Some((source.to_string(), body)), fingerprint)
            })?;
        stale_routes
            .par_iter()
            .try_for_each(|(route, fingerprint)| write_page(route, None, fingerprint))
    };
    // Otherwise the search index is made beside the pages, so its serial
    // merge overlaps their rendering. Its files are written after.
    let (rendered, search_files) = match early_search {
        Some(made) => {
            let rendered = render();
            let files = made
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (rendered, Some(files))
        }
        None => rayon::join(render, || {
            search_now.then(|| search::search_files(&index.posts))
        }),
    };
    rendered?;
    if let Some(files) = search_files {
        write_search_files(out, files)?;
    }
    let pages_written = stale_bodies.len() + stale_routes.len();
    if memory.keeps_outputs() {
        for (route, source, hash, fingerprint) in stale_bodies {
            memory.wrote_page(route, fingerprint);
            memory.wrote_body(source.clone(), hash.clone());
        }
        for (route, fingerprint) in stale_routes {
            memory.wrote_page(route.clone(), fingerprint);
        }
    }
    let mut warnings = unwritable_tag_warnings(&manifest);
    let feed_tags: Vec<String> = routes
        .iter()
        .filter_map(|route| match route {
            Route::Tag(tag) => Some(tag.clone()),
            _ => None,
        })
        .collect();
    write_feeds(out, &site, &feed_tags, memory)?;
    let sitemap_input = sitemap::fingerprint(&site);
    memory.write_made_from(out, sitemap::SITEMAP_FILE, sitemap_input, || {
        sitemap::sitemap(&site, routes)
    })?;
    memory.write_if_changed(
        out.join("robots.txt"),
        sitemap::robots_txt(&site).as_bytes(),
    )?;
    for (file, bytes) in pwa::pwa_files(&manifest, app, &manifest_json, &content_base)? {
        memory.write_if_changed(out.join(file), &bytes)?;
    }
    memory.write_if_changed(
        out.join("_headers"),
        headers::headers_file(&manifest, &pwa::bundle_files(&app.dir)).as_bytes(),
    )?;
    memory.write_if_changed(
        out.join(BUILD_MARKER),
        b"This folder is written by folio build and replaced by the next one.\n",
    )?;
    // GitHub Pages would otherwise hide folders that start with `_`.
    memory.write_if_changed(out.join(".nojekyll"), b"")?;
    // Last, so neither can replace a file the site itself wrote; a build
    // that kept the last one's files kept these too (the site's shape,
    // aliases included, is unchanged).
    if !keeping {
        warnings.extend(write_alias_pages(out, &site));
        warnings.extend(copy_static_files(out, &source, &index.assets));
    }
    let pages = routes.len();
    drop(site);
    let manifest = Arc::try_unwrap(manifest).unwrap_or_else(|shared| (*shared).clone());
    Ok(BuildReport {
        generator: source.generator,
        index,
        pages,
        manifest,
        warnings,
        pages_written,
        search_pending,
    })
}

/// Writes the search index of `posts` (in list order) under `out`.
pub fn write_search_index(
    out: &Path,
    posts: &[crate::content::IndexedPost],
) -> Result<(), BuildError> {
    write_search_files(out, search::search_files(posts))
}

/// Writes the files of a search index ([`search::search_files`]) under `out`.
fn write_search_files(out: &Path, files: Vec<(String, Vec<u8>)>) -> Result<(), BuildError> {
    for (file, bytes) in files {
        write_in_shared_folder(&out.join(file), &bytes)?;
    }
    Ok(())
}

/// Writes the feeds whose posts changed since the build kept in `memory`
/// (every feed, in a full build): a thousand tags make two thousand feeds.
fn write_feeds(
    out: &Path,
    site: &SiteContext,
    tags: &[String],
    memory: &mut BuildMemory,
) -> Result<(), BuildError> {
    let sources = feeds::feed_sources(site, tags);
    let stale: Vec<(&feeds::FeedSource, String, u64)> = sources
        .iter()
        .map(|source| (source, source.file(), source.fingerprint(site)))
        .filter(|(_, file, input)| !memory.has_input(file, *input))
        .collect();
    let to_make: Vec<&feeds::FeedSource> = stale.iter().map(|(source, ..)| *source).collect();
    for (file, xml) in feeds::feed_files(site, &to_make) {
        memory.write_if_changed(out.join(file), xml.as_bytes())?;
    }
    for (_, file, input) in stale {
        memory.made_from(file, input);
    }
    Ok(())
}

/// Everything the outputs depend on besides each page's data and each
/// body: when it changes, no earlier output is kept (see [`BuildMemory`]).
fn made_with(
    options: &BuildOptions,
    app: &AppBundle,
    config: &SiteConfig,
    manifest: &Manifest,
    routes_hash: u64,
    assets: &[PathBuf],
) -> u64 {
    let mut hash = folio_core::fingerprint::Fnv::new()
        .field(&format!("{options:?}"))
        .field(&app.index_html)
        .field(&app.dir.to_string_lossy())
        .field(&format!("{config:?}"))
        .field(&format!("{:?}", manifest.site))
        .number(routes_hash)
        .field(&format!("{assets:?}"));
    for post in &manifest.posts {
        hash = hash.field(&post.source).field(&post.aliases.join(" "));
    }
    for page in &manifest.pages {
        hash = hash.field(&page.source).field(&page.aliases.join(" "));
    }
    hash.finish()
}

/// Whether `to` is a copy of `from` as it is now (same length, not older).
fn is_copy_current(from: &Path, to: &Path) -> bool {
    let (Ok(from), Ok(to)) = (std::fs::metadata(from), std::fs::metadata(to)) else {
        return false;
    };
    let newer = match (from.modified(), to.modified()) {
        (Ok(from), Ok(to)) => from > to,
        _ => true,
    };
    from.len() == to.len() && !newer
}

/// Copies the generator's root-level static files where they are free; returns what was skipped and why.
fn copy_static_files(out: &Path, source: &SiteSource, assets: &[PathBuf]) -> Vec<String> {
    let mut warnings = Vec::new();
    for (from, relative) in static_files::static_files(source, assets) {
        let to = out.join(&relative);
        if to.exists() {
            warnings.push(format!(
                "{}: not copied, {} is already a file of the site\n  fix: rename it if posts link to it",
                from.display(),
                relative.display()
            ));
            continue;
        }
        let copied = ensure_parent(&to).and_then(|()| {
            std::fs::copy(&from, &to)
                .map(|_| ())
                .map_err(|source| BuildError::Write {
                    path: to.clone(),
                    source,
                })
        });
        if let Err(err) = copied {
            warnings.push(format!("{}: not copied: {err}", from.display()));
        }
    }
    warnings
}

/// Writes each redirect page whose file is free; returns what was skipped and why.
fn write_alias_pages(out: &Path, site: &SiteContext) -> Vec<String> {
    let (pages, mut warnings) = aliases::alias_pages(site);
    for page in pages {
        let path = out.join(&page.file);
        if path.exists() {
            warnings.push(format!(
                "{}: no redirect written, {} is already a page of the site\n  fix: remove the alias, or change the slug it collides with",
                page.origin, page.file
            ));
            continue;
        }
        // An alias under an existing file (e.g. `/404.html/x/`) cannot be written;
        // it is the content's problem, not the build's, so it is reported, not fatal.
        if let Err(err) = write(&path, page.html.as_bytes()) {
            warnings.push(format!("{}: no redirect written: {err}", page.origin));
        }
    }
    warnings
}

/// Every route the site has, each written as a page; `index` holds the
/// manifest's posting lists.
pub fn site_routes(manifest: &Manifest, index: &browse::BrowseIndex) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::TagIndex,
        Route::Timeline,
        Route::Search,
        Route::NotFound,
    ];
    routes.extend(manifest.posts.iter().map(|p| Route::Post(p.slug.clone())));
    routes.extend(manifest.pages.iter().map(|p| Route::Page(p.slug.clone())));
    routes.extend(
        browse::tag_counts(&manifest.posts)
            .into_iter()
            .filter(|t| is_plain_folder_name(&t.tag))
            .map(|t| Route::Tag(t.tag)),
    );
    routes.extend(browse::years(&manifest.posts).into_iter().map(Route::Year));
    // One tag in one year, where a tag page's year chips lead.
    for tag in browse::tag_counts(&manifest.posts)
        .into_iter()
        .filter(|t| is_plain_folder_name(&t.tag))
    {
        let filter = browse::BrowseFilter {
            tags: vec![tag.tag.clone()],
            ..Default::default()
        };
        routes.extend(
            index
                .year_choices(&filter, &manifest.posts)
                .into_iter()
                .map(|year| Route::TagYear(tag.tag.clone(), year)),
        );
    }
    // The second and later pages of every list.
    let page_size = manifest.site.page_size.max(1);
    let later_pages: Vec<Route> = routes
        .iter()
        .filter(|route| route.is_list())
        .flat_map(|list| {
            let total = index.matching(&browse_filter_of(list, "")).len();
            (2..=total.div_ceil(page_size)).map(|page| list.clone().with_page(page))
        })
        .collect();
    routes.extend(later_pages);
    routes
}

/// A tag is a folder of the output (`tags/<tag>/`); one such as `..` or
/// `a/../..` would write outside it, so it gets no page. `CI/CD` is fine: it
/// becomes nested folders, which hosts that decode `%2F` (and `folio serve`) find.
fn is_plain_folder_name(name: &str) -> bool {
    !name.contains(['\\', '\0'])
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn unwritable_tag_warnings(manifest: &Manifest) -> Vec<String> {
    browse::tag_counts(&manifest.posts)
        .into_iter()
        .filter(|t| !is_plain_folder_name(&t.tag))
        .map(|t| {
            format!(
                "tag `{}` cannot be a folder name, so it has no page or feed\n  fix: rename the tag without `..`, `\\` or empty parts between `/`",
                t.tag
            )
        })
        .collect()
}

/// Empties `out` if it holds an earlier build; refuses to touch any other folder.
fn prepare_out_dir(out: &Path, content: &Path) -> Result<(), BuildError> {
    if let (Ok(out), Ok(content)) = (out.canonicalize(), content.canonicalize()) {
        if content.starts_with(&out) {
            return Err(BuildError::ForeignOutDir { path: out });
        }
    }
    if out.exists() {
        let is_empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        // Only a folder an earlier build marked is ever emptied.
        if !is_empty && !out.join(BUILD_MARKER).exists() {
            return Err(BuildError::ForeignOutDir {
                path: out.to_path_buf(),
            });
        }
        std::fs::remove_dir_all(out).map_err(|source| BuildError::Write {
            path: out.to_path_buf(),
            source,
        })?;
    }
    std::fs::create_dir_all(out).map_err(|source| BuildError::Write {
        path: out.to_path_buf(),
        source,
    })
}

fn ensure_parent(path: &Path) -> Result<(), BuildError> {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent).map_err(|source| BuildError::Write {
            path: parent.to_path_buf(),
            source,
        }),
        None => Ok(()),
    }
}

/// Writes a file in a folder of its own (a route's `index.html`): the
/// folder is made first, since it is new in every full build.
fn write(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    ensure_parent(path)?;
    std::fs::write(path, bytes).map_err(|source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes a file in a folder many files share (`content/`, `search/`): the
/// write is tried first and the folder made only when it is missing, which
/// saves two system calls a file at ten thousand bodies.
fn write_in_shared_folder(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    match std::fs::write(path, bytes) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => write(path, bytes),
        written => written.map_err(|source| BuildError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests;
