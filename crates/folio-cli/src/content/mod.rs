//! The indexer: every file under the content folder becomes a post, a draft,
//! an asset, or a reported error. Nothing is dropped silently.

pub mod derive;
pub mod front_matter;
pub mod generator;
pub mod infer;
mod links;
pub mod read;
mod report;
mod slugs;
pub mod source;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::SecondsFormat;
use chrono_tz::Tz;
use rayon::prelude::*;

use folio_core::i18n::{Lang, ScriptCounts};
use folio_core::markdown::scan_markdown;
use folio_core::routes::Route;
use folio_core::{LocalDate, PageMeta, PostMeta, SiteMeta};

use crate::config::{Detect, CONFIG_FILE};
use crate::diagnostics::{Diagnostic, Severity};
use crate::normalize::templates::SiteShortcodes;
use crate::normalize::{normalize_post, NormalizeContext, Transformations};
use derive::derive;
use front_matter::dates::{parse_date, parse_date_lenient};
use generator::{FileRole, FrontMatterHints, Generator, OldUrlParts, SiteSource, SkipReason};
use read::{bundle_or_stem, read_post, ReadContext, ReadPost};

/// File extensions read as posts; everything else under the folder is an asset.
pub const POST_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt"];

#[derive(Debug, Clone, Copy, Default)]
pub struct IndexOptions {
    pub include_drafts: bool,
    /// What to work out from the posts; nothing by default.
    pub detect: Detect,
}

/// A post ready to publish: its manifest entry and the body to serve.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPost {
    pub meta: PostMeta,
    /// Normalised Markdown; shared, as every rebuild of a preview hands each
    /// unchanged post on again (copying 10,000 bodies took a rebuild ~10 ms).
    pub body: Arc<str>,
    /// Images the body refers to, for its body data (saving for offline).
    pub images: Vec<String>,
    /// The body's visible text (`scan_markdown`), for the search index.
    pub text: Arc<str>,
    /// Path relative to the content folder.
    pub file: PathBuf,
}

/// A standalone page ready to publish.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPage {
    pub meta: PageMeta,
    pub body: Arc<str>,
    pub images: Vec<String>,
    /// Path relative to the content folder.
    pub file: PathBuf,
}

/// The outcome of indexing a content folder.
#[derive(Debug, Default)]
pub struct ContentIndex {
    /// Newest first.
    pub posts: Vec<IndexedPost>,
    /// In file order.
    pub pages: Vec<IndexedPage>,
    /// Section metadata files (`_index.md`), read and not published.
    pub sections: Vec<PathBuf>,
    /// Markdown files the generator never publishes (theme files, a repository README).
    pub skipped: Vec<PathBuf>,
    pub drafts: Vec<PathBuf>,
    pub failed: Vec<PathBuf>,
    /// Files copied as they are (images beside posts), relative to the content folder.
    pub assets: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
    /// What normalisation did across all posts, for `folio check`'s summary.
    pub transformations: Transformations,
    /// The site's language, when it was detected from the posts' text.
    pub detected_lang: Option<String>,
    /// The zone dates without an offset were read in because the posts came
    /// from a platform that implies it, and how many posts that was.
    pub assumed_time_zone: Option<(String, usize)>,
}

impl ContentIndex {
    /// Takes in what normalising one body found.
    fn absorb(&mut self, published: &Published) {
        self.diagnostics
            .extend(published.diagnostics.iter().cloned());
        self.transformations.merge(&published.transformations);
    }

    /// Accounts for a Markdown file the generator does not publish.
    fn skip(&mut self, file: PathBuf, reason: SkipReason) {
        let severity = match reason {
            SkipReason::Empty => Severity::Warning,
            _ => Severity::Note,
        };
        self.diagnostics.push(
            Diagnostic::new(severity, &file, format!("not published: {reason}"))
                .fix("nothing to do, unless readers should see it: then make it a post or a page"),
        );
        self.skipped.push(file);
    }

    /// What the indexer assumed for want of configuration, each with how to
    /// change it: for `folio check` to print.
    pub fn assumption_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some((zone, posts)) = &self.assumed_time_zone {
            notes.push(format!(
                "note: {posts} exported {} from a Korean platform had dates without a time zone; they were read as {zone} time, and {zone} is the site's zone\n  fix: if they were written elsewhere, set `time_zone = \"…\"` in folio.toml (an IANA name such as `UTC` or `Europe/Berlin`)",
                if *posts == 1 { "post" } else { "posts" }
            ));
        }
        if let Some(lang) = &self.detected_lang {
            notes.push(format!(
                "note: no language configured; the site's language was detected as `{lang}` from the posts' text\n  fix: set `lang = \"…\"` in folio.toml (e.g. `ko` or `en`) to choose it"
            ));
        }
        notes
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Post files read: each is exactly one of a post, a page, a section, a draft or a failure.
    pub fn input_count(&self) -> usize {
        self.posts.len()
            + self.pages.len()
            + self.sections.len()
            + self.skipped.len()
            + self.drafts.len()
            + self.failed.len()
    }
}

/// Reading failures of the folder itself (not of a post).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(
        "content folder {0} does not exist\n  fix: pass --content with a folder of Markdown posts"
    )]
    Missing(PathBuf),
    #[error("cannot read {path}: {source}")]
    Walk {
        path: PathBuf,
        source: walkdir::Error,
    },
}

/// The files below a site's content folder, sorted into what is read as a
/// post, what is copied as it is, and what the generator never publishes.
#[derive(Debug, Default, Clone)]
pub struct ContentFiles {
    pub posts: Vec<PathBuf>,
    pub assets: Vec<PathBuf>,
}

/// Folders no generator publishes; not even walked, since they can hold
/// tens of thousands of files.
const NEVER_CONTENT: &[&str] = &["node_modules", ".git", "_site", "vendor", "resources"];

/// Lists the files below the source's content folder, in a stable order.
pub fn list_files(source: &SiteSource) -> Result<ContentFiles, IndexError> {
    let content_dir = &source.content_dir;
    if !content_dir.is_dir() {
        return Err(IndexError::Missing(content_dir.to_path_buf()));
    }
    let mut files = ContentFiles::default();
    let walker = walkdir::WalkDir::new(content_dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !(name.starts_with('.') || NEVER_CONTENT.contains(&name.as_ref()))
        });
    for entry in walker {
        let entry = entry.map_err(|source| IndexError::Walk {
            path: content_dir.to_path_buf(),
            source,
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(content_dir) else {
            continue;
        };
        if relative == Path::new(CONFIG_FILE) {
            continue;
        }
        let relative = relative.to_path_buf();
        let is_post = relative
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| POST_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_post {
            files.posts.push(relative);
            continue;
        }
        match source.classify(&relative, None) {
            FileRole::Skip { .. } => {}
            _ => files.assets.push(relative),
        }
    }
    files.posts.sort_unstable_by(|a, b| in_walk_order(a, b));
    files.assets.sort_unstable_by(|a, b| in_walk_order(a, b));
    Ok(files)
}

/// The order of a walk that sorts each folder by name: paths compared
/// component by component. Comparing their bytes with every separator read
/// as the lowest byte gives it (no name holds a NUL), without taking each
/// path apart into components for every comparison as `Path`'s order and a
/// sorted walk do: that took a 10,000-post build ~10 ms on one core.
fn in_walk_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    fn key(path: &Path) -> impl Iterator<Item = u8> + '_ {
        path.as_os_str().as_encoded_bytes().iter().map(|&byte| {
            if std::path::is_separator(byte as char) {
                0
            } else {
                byte
            }
        })
    }
    key(a).cmp(key(b))
}

/// The hints the generator rules read from front matter.
fn hints_of(read: &ReadPost) -> Option<FrontMatterHints> {
    let text = |key: &str| {
        read.fields
            .extra
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    read.has_front_matter.then(|| FrontMatterHints {
        layout: text("layout"),
        kind: text("type"),
        undated: read.date.is_none(),
    })
}

/// One file through the first pass, with its role.
#[derive(Clone)]
struct ReadFile {
    file: PathBuf,
    role: FileRole,
    read: ReadPost,
}

/// What indexing gave for each file, kept between the builds of a preview
/// (`folio serve`), so a rebuild reads and normalises only the files that
/// changed. A file is known by its modification time and length; normalised
/// bodies also by every post's and page's address and the site settings
/// they were made with, since links between posts depend on those.
#[derive(Default)]
pub struct IndexMemory {
    reads: HashMap<PathBuf, Arc<RememberedRead>>,
    read_context: u64,
    published: HashMap<PathBuf, Arc<(FileStamp, Published)>>,
    publish_context: u64,
    /// Every post's and page's names, as of `publish_context`.
    links: Option<Arc<links::LinkTable>>,
    /// Each post as last published, by file.
    posts: HashMap<PathBuf, KeptPost>,
    /// The folder's files as last listed, and what changed since.
    listing: Option<ContentFiles>,
    changes: Changes,
    /// No build follows this one: keep nothing for it.
    one_build: bool,
}

/// What a preview's file watcher saw change since the last build.
#[derive(Debug, Clone, Default)]
pub enum Changes {
    /// Anything may have changed: list the folder and look at every file.
    #[default]
    Unknown,
    /// Only these files were written. When each is a post of the last
    /// listing, only they are looked at: at 10,000 posts, listing the folder
    /// and looking at every file took a rebuild about 45 ms.
    Files(Vec<PathBuf>),
}

impl IndexMemory {
    /// A memory for one build, after which the process ends: what a next
    /// build would reuse is not kept (at 10,000 posts, a copy of every
    /// entry and three maps by file, ~30 ms of a build on one core).
    pub fn for_one_build() -> IndexMemory {
        IndexMemory {
            one_build: true,
            ..IndexMemory::default()
        }
    }

    /// Whether this memory is [for one build](IndexMemory::for_one_build).
    pub fn is_for_one_build(&self) -> bool {
        self.one_build
    }

    /// Tells the next [`index_content_again`] what changed (it forgets it after).
    pub fn changed(&mut self, changes: Changes) {
        self.changes = changes;
    }

    /// The posts among `changes`, relative to `content_dir`, when every change is
    /// an existing post of the last listing; `None` when the folder must be listed again.
    fn edited_posts(&self, changes: &Changes, content_dir: &Path) -> Option<HashSet<PathBuf>> {
        let (Changes::Files(paths), Some(listing)) = (changes, &self.listing) else {
            return None;
        };
        let root = content_dir.canonicalize().ok()?;
        paths
            .iter()
            .map(|path| {
                let relative = path
                    .canonicalize()
                    .ok()?
                    .strip_prefix(&root)
                    .ok()?
                    .to_path_buf();
                listing.posts.contains(&relative).then_some(relative)
            })
            .collect()
    }
}

/// A post's index entry and what it was made from: what was read, the
/// body normalised (each the very one kept above, so the same only while
/// its file, the site and every address are), and its slug. Making 10,000
/// entries again took a rebuild 35-45 ms.
struct KeptPost {
    read: Arc<RememberedRead>,
    published: Arc<(FileStamp, Published)>,
    slug: String,
    post: IndexedPost,
}

impl KeptPost {
    fn is_from(
        &self,
        read: &Arc<RememberedRead>,
        published: &Arc<(FileStamp, Published)>,
        slug: &str,
    ) -> bool {
        Arc::ptr_eq(&self.read, read)
            && Arc::ptr_eq(&self.published, published)
            && self.slug == slug
    }
}

/// A file as it was when read, what reading gave, and what it said about it.
type RememberedRead = (FileStamp, Option<ReadFile>, Vec<Diagnostic>);

#[derive(Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
}

impl FileStamp {
    /// A file that could not be looked at: it matches no later look.
    const UNKNOWN: FileStamp = FileStamp {
        modified: None,
        len: u64::MAX,
    };

    fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// Indexes every post of `source`; `on_file` is called after each (for progress).
///
/// `site` comes back settled: with the language and time zone detected for
/// whatever `options.detect` says no config set.
pub fn index_content(
    source: &SiteSource,
    site: &mut SiteMeta,
    options: IndexOptions,
    on_file: impl FnMut(usize, usize),
) -> Result<ContentIndex, IndexError> {
    index_content_again(
        source,
        site,
        options,
        on_file,
        &mut IndexMemory::for_one_build(),
    )
}

/// [`index_content`], reusing what `memory` kept of files unchanged since
/// the last time, and keeping what this time gave.
pub fn index_content_again(
    source: &SiteSource,
    site: &mut SiteMeta,
    options: IndexOptions,
    mut on_file: impl FnMut(usize, usize),
    memory: &mut IndexMemory,
) -> Result<ContentIndex, IndexError> {
    let content_dir = source.content_dir.as_path();
    let changes = std::mem::take(&mut memory.changes);
    let edited = memory.edited_posts(&changes, content_dir);
    let files = match (&edited, &memory.listing) {
        (Some(_), Some(listing)) => listing.clone(),
        _ => {
            let files = list_files(source)?;
            if !memory.one_build {
                memory.listing = Some(files.clone());
            }
            files
        }
    };
    let zone: Tz = site.time_zone.parse().unwrap_or(Tz::UTC);
    let read_context = folio_core::fingerprint::Fnv::new()
        .field(&format!("{source:?}"))
        .field(&format!("{site:?}{options:?}"))
        .finish();
    if memory.read_context != read_context {
        memory.reads.clear();
        memory.published.clear();
        memory.read_context = read_context;
    }
    let mut index = ContentIndex {
        assets: files.assets,
        ..ContentIndex::default()
    };
    let total = files.posts.len();
    // Files are read in parallel; what each one gave is then taken in file
    // order, so the output and the messages are the same on every run.
    // A file read before and unchanged since is taken as it was.
    let remembered: Vec<(PathBuf, Arc<RememberedRead>)> = files
        .posts
        .into_par_iter()
        .map(|file| {
            let unchanged = edited
                .as_ref()
                .is_some_and(|edited| !edited.contains(&file));
            if let (true, Some(known)) = (unchanged, memory.reads.get(&file)) {
                return (file, known.clone());
            }
            let stamp = FileStamp::of(&content_dir.join(&file));
            if let Some(known) = memory.reads.get(&file) {
                if Some(known.0) == stamp {
                    return (file, known.clone());
                }
            }
            let mut diagnostics = Vec::new();
            let read = read_file(
                source,
                &file,
                stamp.and_then(|stamp| stamp.modified),
                zone,
                options.detect.time_zone,
                &mut diagnostics,
            );
            let stamp = stamp.unwrap_or(FileStamp::UNKNOWN);
            (file, Arc::new((stamp, read, diagnostics)))
        })
        .collect();
    // Without the reads, each entry is made without keeping a copy (below).
    if !memory.one_build {
        memory.reads = remembered.iter().cloned().collect();
    }
    // What was read is borrowed from here on, not copied: at 10,000 posts,
    // copying every post's text took a preview's rebuild tens of ms.
    let mut read_files: Vec<&ReadFile> = Vec::new();
    for (done, (file, known)) in remembered.iter().enumerate() {
        let (_, read, diagnostics) = known.as_ref();
        index.diagnostics.extend(diagnostics.iter().cloned());
        let file = file.clone();
        match read {
            Some(ReadFile {
                role: FileRole::Skip { reason },
                ..
            }) => index.skip(file, *reason),
            Some(ReadFile {
                role: FileRole::Asset,
                ..
            }) => index.assets.push(file),
            Some(read) if read.role == FileRole::Section => {
                index.diagnostics.push(
                    Diagnostic::new(
                        Severity::Note,
                        &file,
                        "section metadata (`_index.md`): read, not published as a post",
                    )
                    .fix(
                        "nothing to do; move the text into a post or page if readers should see it",
                    ),
                );
                index.sections.push(file);
            }
            Some(read)
                if (read.read.fields.draft || read.role == FileRole::Draft)
                    && !options.include_drafts =>
            {
                index.drafts.push(file);
            }
            Some(read) => read_files.push(read),
            None => index.failed.push(file),
        }
        on_file(done + 1, total);
    }
    let (mut posts, mut pages): (Vec<&ReadFile>, Vec<&ReadFile>) = read_files
        .into_iter()
        .partition(|read| matches!(read.role, FileRole::Post | FileRole::Draft));
    let in_seoul = posts
        .iter()
        .filter(|p| p.read.assumed_zone.is_some())
        .count();
    if in_seoul > 0 {
        site.time_zone = chrono_tz::Asia::Seoul.name().to_owned();
        index.assumed_time_zone = Some((site.time_zone.clone(), in_seoul));
    }
    // Newest first by instant; the file breaks ties so builds are reproducible.
    posts.sort_by(|a, b| {
        b.read
            .date
            .cmp(&a.read.date)
            .then_with(|| a.file.cmp(&b.file))
    });
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    let mut post_slugs: Vec<String> = posts.iter().map(|p| p.read.slug.clone()).collect();
    let mut page_slugs: Vec<String> = pages.iter().map(|p| p.read.slug.clone()).collect();
    index
        .diagnostics
        .extend(slugs::make_unique(claims(&posts, &mut post_slugs), true));
    index
        .diagnostics
        .extend(slugs::make_unique(claims(&pages, &mut page_slugs), false));
    let shortcodes = match source.generator {
        Generator::Hugo => SiteShortcodes::load(&source.root, &source.settings.themes),
        _ => SiteShortcodes::default(),
    };
    // Normalising and deriving is most of the work, and each body is its own.
    // A body normalised before, in the same site with the same addresses,
    // is taken as it was.
    // Images a body names are checked against the folder's files, and
    // shortcodes follow the site's templates: both are part of it too.
    // Which files are posts and which pages: their addresses differ.
    let mut context = folio_core::fingerprint::Fnv::new()
        .field(&format!("{site:?}"))
        .field(&format!("{:?}{shortcodes:?}", index.assets))
        .number(posts.len() as u64);
    for (read, slug) in posts
        .iter()
        .zip(&post_slugs)
        .chain(pages.iter().zip(&page_slugs))
    {
        context = context.field(&read.file.to_string_lossy()).field(slug);
    }
    let publish_context = context.finish();
    // The table of every post's and page's names is made of the same, so
    // it is kept with the bodies: at 10,000 posts it took 25-30 ms to make.
    let links = match &memory.links {
        Some(links) if memory.publish_context == publish_context => links.clone(),
        _ => {
            memory.published.clear();
            memory.publish_context = publish_context;
            let links = Arc::new(link_table(
                &site.base_path,
                (&posts, &post_slugs),
                (&pages, &page_slugs),
            ));
            memory.links = Some(links.clone());
            links
        }
    };
    let publish = PublishContext {
        source,
        content_dir,
        site,
        links: &links,
        shortcodes: &shortcodes,
    };
    let stamp_of = |read: &ReadFile| memory.reads.get(&read.file).map(|known| known.0);
    let normalise = |read: &ReadFile| match (memory.published.get(&read.file), stamp_of(read)) {
        (Some(known), Some(stamp)) if known.0 == stamp => known.clone(),
        (_, stamp) => Arc::new((stamp.unwrap_or(FileStamp::UNKNOWN), publish.normalise(read))),
    };
    let published_posts: Vec<Arc<(FileStamp, Published)>> =
        posts.par_iter().map(|read| normalise(read)).collect();
    let published_pages: Vec<Arc<(FileStamp, Published)>> =
        pages.par_iter().map(|read| normalise(read)).collect();
    if !memory.one_build {
        memory.published = posts
            .iter()
            .zip(&published_posts)
            .chain(pages.iter().zip(&published_pages))
            .map(|(read, published)| (read.file.clone(), published.clone()))
            .collect();
    }
    let mut post_scripts = Vec::new();
    let mut last_posts = std::mem::take(&mut memory.posts);
    // Each post's entry, made on every core unless the last time's is still
    // the same; so is the copy the index takes of it.
    enum Kept {
        Same,
        New(Box<KeptPost>),
        Unremembered,
    }
    let entries: Vec<(IndexedPost, Kept)> = posts
        .par_iter()
        .zip(&post_slugs)
        .zip(&published_posts)
        .map(|((post, slug), known)| {
            let Some(read) = memory.reads.get(&post.file) else {
                return (publish.post(post, slug, &known.1), Kept::Unremembered);
            };
            match last_posts.get(&post.file) {
                Some(kept) if kept.is_from(read, known, slug) => (kept.post.clone(), Kept::Same),
                _ => {
                    let post = publish.post(post, slug, &known.1);
                    let kept = KeptPost {
                        read: read.clone(),
                        published: known.clone(),
                        slug: slug.clone(),
                        post: post.clone(),
                    };
                    (post, Kept::New(Box::new(kept)))
                }
            }
        })
        .collect();
    index.posts.reserve(entries.len());
    memory.posts.reserve(entries.len());
    for ((post, known), (indexed, kept)) in posts.iter().zip(&published_posts).zip(entries) {
        index.absorb(&known.1);
        post_scripts.push(known.1.derived.script);
        let kept = match kept {
            Kept::New(kept) => Some(*kept),
            Kept::Same => last_posts.remove(&post.file),
            Kept::Unremembered => None,
        };
        index.posts.push(indexed);
        if let Some(kept) = kept {
            memory.posts.insert(post.file.clone(), kept);
        }
    }
    let mut page_scripts = Vec::new();
    for ((page, slug), known) in pages.iter().zip(&page_slugs).zip(&published_pages) {
        let published = &known.1;
        index.absorb(published);
        page_scripts.push(published.derived.script);
        index.pages.push(publish.page(page, slug, published));
    }
    settle_languages(
        site,
        &mut index,
        &post_scripts,
        &page_scripts,
        options.detect,
    );
    Ok(index)
}

/// The site's language from all its text when no config sets it, then each
/// post's and page's own where it differs from the site's and the author set none.
fn settle_languages(
    site: &mut SiteMeta,
    index: &mut ContentIndex,
    post_scripts: &[ScriptCounts],
    page_scripts: &[ScriptCounts],
    detect: Detect,
) {
    if detect.site_lang {
        let mut all = ScriptCounts::default();
        post_scripts
            .iter()
            .chain(page_scripts)
            .for_each(|counts| all.add(*counts));
        if let Some(lang) = all.lang() {
            site.lang = lang.tag().to_owned();
            index.detected_lang = Some(site.lang.clone());
        }
    }
    if !detect.post_langs {
        return;
    }
    let site_lang = Lang::parse(&site.lang);
    let own = |counts: &ScriptCounts| {
        counts
            .lang()
            .filter(|&lang| Some(lang) != site_lang)
            .map(|lang| lang.tag().to_owned())
    };
    for (post, counts) in index.posts.iter_mut().zip(post_scripts) {
        if post.meta.lang.is_none() {
            post.meta.lang = own(counts);
        }
    }
    for (page, counts) in index.pages.iter_mut().zip(page_scripts) {
        if page.meta.lang.is_none() {
            page.meta.lang = own(counts);
        }
    }
}

/// Every name posts (`posts`, published at their slugs) and pages may be
/// linked by, mapped to their addresses under `base_path`.
fn link_table(
    base_path: &str,
    (posts, post_slugs): (&[&ReadFile], &[String]),
    (pages, page_slugs): (&[&ReadFile], &[String]),
) -> links::LinkTable {
    links::LinkTable::new(
        base_path,
        posts
            .iter()
            .zip(post_slugs)
            .map(|(p, slug)| (p.file.as_path(), Route::Post(slug.clone())))
            .chain(
                pages
                    .iter()
                    .zip(page_slugs)
                    .map(|(p, slug)| (p.file.as_path(), Route::Page(slug.clone()))),
            ),
    )
}

/// Each file's claim to the slug it was read with, for [`slugs::make_unique`]
/// to settle into `slugs` (one per file, in the same order).
fn claims<'p>(
    files: &'p [&ReadFile],
    slugs: &'p mut [String],
) -> impl Iterator<Item = slugs::SlugClaim<'p>> {
    files
        .iter()
        .zip(slugs.iter_mut())
        .map(|(read, slug)| slugs::SlugClaim {
            file: &read.file,
            date: read.read.date,
            slug,
        })
}

/// Reads one file and tells its role; `None` when it cannot be published.
/// `modified` is the file's time as its stamp was taken, for posts dated by it.
fn read_file(
    source: &SiteSource,
    file: &Path,
    modified: Option<std::time::SystemTime>,
    zone: Tz,
    korean_exports_in_seoul: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ReadFile> {
    let path = source.content_dir.join(file);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    file,
                    format!("cannot read the file: {err}"),
                )
                .fix("check the file's permissions"),
            );
            return None;
        }
    };
    // Exports leave empty files behind; they are accounted for, not failures.
    if bytes
        .iter()
        .all(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF))
    {
        return Some(ReadFile {
            file: file.to_path_buf(),
            role: FileRole::Skip {
                reason: SkipReason::Empty,
            },
            read: ReadPost::default(),
        });
    }
    // A page needs no date, but its role is known only once its front matter
    // is read: read leniently first, then decide.
    let mut quiet = Vec::new();
    let probe = read_post(
        &bytes,
        &ReadContext {
            file,
            zone,
            modified,
            date_optional: true,
            korean_exports_in_seoul,
        },
        &mut quiet,
    );
    let role = match &probe {
        Some(read) => source.classify(file, hints_of(read).as_ref()),
        None => source.classify(file, None),
    };
    if !matches!(role, FileRole::Post | FileRole::Draft) {
        // What a skipped file's text would have given is not worth reporting.
        if !matches!(role, FileRole::Skip { .. } | FileRole::Asset) {
            diagnostics.extend(quiet);
        }
        return probe.map(|read| ReadFile {
            file: file.to_path_buf(),
            role,
            read,
        });
    }
    // A post with a date reads the same either way: only a missing date
    // makes the strict reading differ (an error, or the file's time).
    let read = match probe {
        Some(read) if read.date.is_some() => {
            diagnostics.extend(quiet);
            read
        }
        _ => read_post(
            &bytes,
            &ReadContext {
                file,
                zone,
                modified,
                date_optional: false,
                korean_exports_in_seoul,
            },
            diagnostics,
        )?,
    };
    Some(ReadFile {
        file: file.to_path_buf(),
        role,
        read,
    })
}

/// A body after normalisation, with what was derived from it and what
/// normalising it found.
#[derive(Clone)]
struct Published {
    body: Arc<str>,
    derived: derive::Derived,
    diagnostics: Vec<Diagnostic>,
    transformations: Transformations,
}

/// The second pass: bodies normalised once every post's URL is known.
struct PublishContext<'a> {
    source: &'a SiteSource,
    content_dir: &'a Path,
    site: &'a SiteMeta,
    links: &'a links::LinkTable,
    shortcodes: &'a SiteShortcodes,
}

impl PublishContext<'_> {
    fn normalise(&self, read: &ReadFile) -> Published {
        let is_mdx = read
            .file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("mdx"));
        let normalized = normalize_post(
            &read.read.body,
            &NormalizeContext {
                file: &read.file,
                content_dir: self.content_dir,
                base_path: &self.site.base_path,
                site_url: self.site.url.as_deref(),
                links: self.links,
                mdx: is_mdx,
                liquid: matches!(self.source.generator, Generator::Jekyll | Generator::Folio),
                shortcodes: self.shortcodes,
            },
        );
        let diagnostics = normalized
            .findings
            .iter()
            .map(|finding| {
                Diagnostic::new(finding.severity, &read.file, finding.message.clone())
                    .at(read.read.body_line + finding.line.saturating_sub(1), 1)
                    .fix(finding.fix.clone())
            })
            .collect();
        // The author's `<!--more-->` split is the summary, as plain text.
        let more_summary = normalized
            .summary_markdown
            .as_deref()
            .and_then(|markdown| scan_markdown(markdown).first_paragraph);
        let summary = read.read.fields.summary.clone().or(more_summary);
        let derived = derive(&normalized.markdown, summary.as_deref());
        Published {
            body: normalized.markdown,
            derived,
            diagnostics,
            transformations: normalized.transformations,
        }
    }

    /// The post's entry and body, published at `slug`.
    fn post(&self, post: &ReadFile, slug: &str, published: &Published) -> IndexedPost {
        let ReadFile { file, read, .. } = post;
        let old_url = self.source.old_post_url(&OldUrlParts {
            file: file.clone(),
            slug: read.fields.slug.clone(),
            title: read.fields.title.clone(),
            date: read.date.map(|d| d.date_naive()),
            categories: read.fields.categories.clone(),
            permalink: None,
        });
        let fields = &read.fields;
        let mut aliases = fields.aliases.clone();
        // The address the old generator published the post at keeps working.
        if let Some(old) = old_url {
            let old = format!("/{}", old.trim_start_matches('/'));
            let own = Route::Post(slug.to_owned()).relative_href();
            if old.trim_matches('/') != own.trim_matches('/') && !aliases.contains(&old) {
                aliases.push(old);
            }
        }
        let zone: Tz = self.site.time_zone.parse().unwrap_or(Tz::UTC);
        // A post always has a date after the first pass; the epoch is never reached.
        let date = read.date.unwrap_or_default();
        let updated = fields.updated.as_ref().and_then(|(_, text)| {
            parse_date(text, zone).or_else(|| parse_date_lenient(text, zone))
        });
        let source = served_path(file);
        let post_dir = source
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
            .to_owned();
        let derived = &published.derived;
        let meta = PostMeta {
            slug: slug.to_owned(),
            title: fields.title.clone().unwrap_or_else(|| bundle_or_stem(file)),
            subtitle: fields.subtitle.clone(),
            date: date.to_rfc3339_opts(SecondsFormat::Secs, false),
            local_date: LocalDate {
                year: chrono::Datelike::year(&date),
                month: chrono::Datelike::month(&date),
                day: chrono::Datelike::day(&date),
            },
            updated: updated.map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, false)),
            tags: fields.tags.clone(),
            summary: derived.summary.clone(),
            reading_minutes: derived.reading_minutes,
            word_count: derived.word_count,
            char_count: derived.char_count,
            source,
            hash: derived.hash.clone(),
            author: fields.author.clone(),
            lang: fields.lang.clone(),
            cover: fields
                .cover
                .as_ref()
                .map(|cover| site_relative(cover, &post_dir)),
            aliases,
            extra: fields.extra.clone(),
        };
        IndexedPost {
            meta,
            body: published.body.clone(),
            images: derived.images.clone(),
            text: derived.text.clone(),
            file: file.clone(),
        }
    }

    /// The page's entry and body, published at `slug`.
    fn page(&self, page: &ReadFile, slug: &str, published: &Published) -> IndexedPage {
        let ReadFile { file, read, .. } = page;
        let derived = &published.derived;
        let mut aliases = read.fields.aliases.clone();
        // A page's own `permalink`/`url` is its old address; without one, the
        // generator published it at its path.
        if aliases.is_empty() {
            aliases.extend(old_page_url(self.source.generator, file));
        }
        let meta = PageMeta {
            slug: slug.to_owned(),
            title: read
                .fields
                .title
                .clone()
                .unwrap_or_else(|| bundle_or_stem(file)),
            summary: derived.summary.clone(),
            source: served_path(file),
            hash: derived.hash.clone(),
            lang: read.fields.lang.clone(),
            aliases,
        };
        IndexedPage {
            meta,
            body: published.body.clone(),
            images: derived.images.clone(),
            file: file.clone(),
        }
    }
}

/// Where a generator published a page that sets no address of its own:
/// Jekyll as `about.html`, the others as `about/`; Folio pages have no old address.
fn old_page_url(generator: Generator, file: &Path) -> Option<String> {
    let path = file.with_extension("").to_string_lossy().replace('\\', "/");
    let path = path.strip_suffix("/index").unwrap_or(&path);
    match generator {
        Generator::Folio => None,
        Generator::Jekyll => Some(format!("/{path}.html")),
        _ => Some(format!("/{path}/")),
    }
}

/// Where a post's body is served, relative to the site root: `content/<path>.md`.
pub fn served_path(file: &Path) -> String {
    let with_md = file.with_extension("md");
    let parts: Vec<String> = with_md
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("content/{}", parts.join("/"))
}

/// A cover path relative to the post's folder, made site-relative; URLs stay as they are.
fn site_relative(cover: &str, post_dir: &str) -> String {
    if cover.contains("://") {
        return cover.to_owned();
    }
    if let Some(rooted) = cover.strip_prefix('/') {
        return rooted.to_owned();
    }
    let href =
        folio_core::routes::resolve_post_url(cover, &format!("/{post_dir}/")).unwrap_or_default();
    href.trim_start_matches('/').to_owned()
}

#[cfg(test)]
mod tests;
