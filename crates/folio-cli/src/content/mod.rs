//! The indexer: every file under the content folder becomes a post, a draft,
//! an asset, or a reported error. Nothing is dropped silently.

pub mod derive;
pub mod front_matter;
pub mod generator;
pub mod infer;
pub mod source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, SecondsFormat};
use chrono_tz::Tz;

use folio_core::markdown::split_front_matter;
use folio_core::{LocalDate, PostMeta, SiteMeta};

use crate::config::CONFIG_FILE;
use crate::diagnostics::{Diagnostic, Severity};
use derive::{date_prefix, derive, sanitize_slug, slug_from_name};
use front_matter::{dates::parse_date, parse_block, FrontMatter};
use infer::infer_post;
use source::decode_source;

/// File extensions read as posts; everything else under the folder is an asset.
pub const POST_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

#[derive(Debug, Clone, Copy, Default)]
pub struct IndexOptions {
    pub include_drafts: bool,
}

/// A post ready to publish: its manifest entry and the body to serve.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPost {
    pub meta: PostMeta,
    pub body: String,
    /// Path relative to the content folder.
    pub file: PathBuf,
}

/// The outcome of indexing a content folder.
#[derive(Debug, Default)]
pub struct ContentIndex {
    /// Newest first.
    pub posts: Vec<IndexedPost>,
    pub drafts: Vec<PathBuf>,
    pub failed: Vec<PathBuf>,
    /// Files copied as they are (images beside posts), relative to the content folder.
    pub assets: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ContentIndex {
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Post files read: each is exactly one of a post, a draft or a failure.
    pub fn input_count(&self) -> usize {
        self.posts.len() + self.drafts.len() + self.failed.len()
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

/// Lists the post files and assets below `content_dir`, in a stable order.
pub fn list_files(content_dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), IndexError> {
    if !content_dir.is_dir() {
        return Err(IndexError::Missing(content_dir.to_path_buf()));
    }
    let mut posts = Vec::new();
    let mut assets = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
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
        let is_post = relative
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| POST_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_post {
            posts.push(relative.to_path_buf());
        } else {
            assets.push(relative.to_path_buf());
        }
    }
    Ok((posts, assets))
}

/// Indexes every post under `content_dir`; `on_file` is called after each (for progress).
pub fn index_content(
    content_dir: &Path,
    site: &SiteMeta,
    options: IndexOptions,
    mut on_file: impl FnMut(usize, usize),
) -> Result<ContentIndex, IndexError> {
    let (post_files, assets) = list_files(content_dir)?;
    let zone: Tz = site.time_zone.parse().unwrap_or(Tz::UTC);
    let mut index = ContentIndex {
        assets,
        ..ContentIndex::default()
    };
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    let mut dated: Vec<(DateTime<FixedOffset>, IndexedPost)> = Vec::new();
    let total = post_files.len();
    for (done, file) in post_files.into_iter().enumerate() {
        let read = std::fs::read(content_dir.join(&file));
        let modified = std::fs::metadata(content_dir.join(&file))
            .and_then(|m| m.modified())
            .ok();
        let outcome = match read {
            Ok(bytes) => index_post(&file, &bytes, zone, modified, &mut index.diagnostics),
            Err(err) => {
                index.diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        &file,
                        format!("cannot read the file: {err}"),
                    )
                    .fix("check the file's permissions"),
                );
                PostOutcome::Failed
            }
        };
        // A draft that is built must pass the same slug checks as a post.
        let publish = match outcome {
            PostOutcome::Post(date, post) => Some((date, post)),
            PostOutcome::Draft(date, post) if options.include_drafts => Some((date, post)),
            PostOutcome::Draft(..) => {
                index.drafts.push(file.clone());
                None
            }
            PostOutcome::Failed => {
                index.failed.push(file.clone());
                None
            }
        };
        if let Some((date, post)) = publish {
            match slug_problem(&post, &slugs) {
                Some(problem) => {
                    index.diagnostics.push(problem);
                    index.failed.push(file);
                }
                None => {
                    slugs.insert(post.meta.slug.clone(), file.clone());
                    dated.push((date, post));
                }
            }
        }
        on_file(done + 1, total);
    }
    // Newest first by instant; the slug breaks ties so builds are reproducible.
    dated.sort_by(|(a, pa), (b, pb)| b.cmp(a).then_with(|| pa.meta.slug.cmp(&pb.meta.slug)));
    index.posts = dated.into_iter().map(|(_, post)| post).collect();
    Ok(index)
}

/// Why a post's slug cannot be published: empty, or taken by an earlier file.
fn slug_problem(post: &IndexedPost, slugs: &HashMap<String, PathBuf>) -> Option<Diagnostic> {
    if post.meta.slug.is_empty() {
        return Some(
            Diagnostic::new(Severity::Error, &post.file, "the post has no usable slug")
                .fix("add `slug: my-post` to the front matter or rename the file"),
        );
    }
    let first = slugs.get(&post.meta.slug)?;
    Some(
        Diagnostic::new(
            Severity::Error,
            &post.file,
            format!(
                "slug `{}` is already used by {}",
                post.meta.slug,
                first.display()
            ),
        )
        .fix("give one of the two posts another `slug:` in its front matter"),
    )
}

enum PostOutcome {
    Post(DateTime<FixedOffset>, IndexedPost),
    Draft(DateTime<FixedOffset>, IndexedPost),
    Failed,
}

/// Indexes one post file; problems go to `diagnostics`.
fn index_post(
    file: &Path,
    bytes: &[u8],
    zone: Tz,
    modified: Option<std::time::SystemTime>,
    diagnostics: &mut Vec<Diagnostic>,
) -> PostOutcome {
    let error = |message: String, line: usize, column: usize, fix: &str| {
        Diagnostic::new(Severity::Error, file, message)
            .at(line, column)
            .fix(fix)
    };
    let decoded = match decode_source(bytes) {
        Ok(decoded) => decoded,
        Err(err) => {
            let fix = match err {
                source::DecodeError::Binary { .. } => {
                    "this is not a text file: give it another extension than .md, .markdown or .txt"
                }
                source::DecodeError::Encoding { .. } => "re-save the file as UTF-8",
            };
            diagnostics.push(error(err.to_string(), err.line(), 0, fix));
            return PostOutcome::Failed;
        }
    };
    if let Some(repair) = decoded.repaired {
        diagnostics
            .push(Diagnostic::new(Severity::Warning, file, "the file is not UTF-8").fix(repair));
    }
    if decoded.text.trim().is_empty() {
        diagnostics.push(error(
            "the file is empty".into(),
            0,
            0,
            "write the post, or delete the file",
        ));
        return PostOutcome::Failed;
    }
    let split = split_front_matter(&decoded.text);
    if let Some(kind) = split.unterminated {
        diagnostics.push(error(
            format!(
                "the front matter opened on line {} is never closed ({kind:?})",
                split.front_matter_line
            ),
            split.front_matter_line,
            1,
            "add the closing delimiter (`---` or `+++`) on its own line after the last field",
        ));
        return PostOutcome::Failed;
    }

    // A page bundle (`2023-01-06-trip/index.md`) is named by its folder.
    let stem = bundle_or_stem(file);
    let mut fields = FrontMatter::default();
    let body: String;
    let mut inferred_date = None;
    match split.front_matter {
        Some((kind, block)) => {
            let map = match parse_block(kind, block) {
                Ok(map) => map,
                Err(err) => {
                    let line = split.front_matter_line + err.line.saturating_sub(1);
                    diagnostics.push(error(err.message, line, err.column, &err.fix));
                    return PostOutcome::Failed;
                }
            };
            let (parsed, problems) = FrontMatter::from_map(map);
            for problem in problems {
                let line = field_line(block, &problem.field)
                    .map_or(0, |l| split.front_matter_line + l - 1);
                diagnostics.push(
                    Diagnostic::new(Severity::Warning, file, problem.message)
                        .at(line, 1)
                        .fix("write `true` or `false`"),
                );
            }
            fields = parsed;
            body = split.body.to_owned();
            if fields.title.is_none() {
                fields.title = first_heading(&body).or_else(|| {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Note,
                            file,
                            format!("no title; using the file name `{stem}`"),
                        )
                        .fix("add `title:` to the front matter"),
                    );
                    Some(stem.clone())
                });
            }
        }
        None => {
            let inferred = infer_post(&decoded.text, zone);
            match &inferred.title {
                Some((title, line)) => diagnostics.push(
                    Diagnostic::new(
                        Severity::Note,
                        file,
                        format!("no front matter; title guessed as `{title}`"),
                    )
                    .at(*line, 1)
                    .fix("add front matter with `title:` to confirm"),
                ),
                None => diagnostics.push(
                    Diagnostic::new(
                        Severity::Note,
                        file,
                        format!("no front matter; title taken from the file name `{stem}`"),
                    )
                    .fix("add front matter with `title:`"),
                ),
            }
            if let Some((date, line)) = inferred.date {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Note,
                        file,
                        format!("date guessed as {}", date.to_rfc3339()),
                    )
                    .at(line, 1)
                    .fix("add `date:` to the front matter to confirm"),
                );
                inferred_date = Some(date);
            }
            fields.title = Some(
                inferred
                    .title
                    .map_or_else(|| stem.clone(), |(title, _)| title),
            );
            if let Some((first, last)) = inferred.dropped_chrome {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Note,
                        file,
                        format!("lines {first}–{last} look like page chrome (likes, comments, share) and were left out"),
                    )
                    .at(first, 1)
                    .fix("if they belong to the post, add front matter so the file is read as written"),
                );
            }
            fields.author = inferred.author;
            body = inferred.body;
        }
    }

    let date = match (&fields.date, inferred_date) {
        (Some((name, text)), _) => match parse_date(text, zone) {
            Some(date) => date,
            None => {
                let line = split
                    .front_matter
                    .and_then(|(_, block)| field_line(block, name));
                diagnostics.push(error(
                    format!("cannot read the date `{text}` in `{name}`"),
                    line.map_or(0, |l| split.front_matter_line + l - 1),
                    1,
                    "write it as 2024-01-20, 2024-01-20 09:30 or 2024-01-20T09:30:00+09:00",
                ));
                return PostOutcome::Failed;
            }
        },
        (None, Some(date)) => date,
        (None, None) => match date_prefix(&stem).and_then(|d| parse_date(d, zone)) {
            Some(date) => date,
            None => {
                let Some(date) = modified.map(|m| {
                    DateTime::<chrono::Utc>::from(m)
                        .with_timezone(&zone)
                        .fixed_offset()
                }) else {
                    diagnostics.push(error(
                        "the post has no date".into(),
                        0,
                        0,
                        "add `date: 2024-01-20` to the front matter",
                    ));
                    return PostOutcome::Failed;
                };
                diagnostics.push(
                    Diagnostic::new(Severity::Warning, file, "no date; using the file's modification time")
                        .fix("add `date: 2024-01-20` to the front matter, or name the file `2024-01-20-title.md`"),
                );
                date
            }
        },
    };
    let updated = fields
        .updated
        .as_ref()
        .and_then(|(_, text)| parse_date(text, zone));

    let slug = match &fields.slug {
        Some(slug) => sanitize_slug(slug),
        None => slug_from_name(&bundle_or_stem(file)),
    };
    let derived = derive(&body, fields.summary.as_deref());
    let source = served_path(file);
    let post_dir = source
        .rsplit_once('/')
        .map_or("", |(dir, _)| dir)
        .to_owned();
    let meta = PostMeta {
        slug,
        title: fields.title.unwrap_or(stem),
        subtitle: fields.subtitle,
        date: date.to_rfc3339_opts(SecondsFormat::Secs, false),
        local_date: LocalDate {
            year: chrono::Datelike::year(&date),
            month: chrono::Datelike::month(&date),
            day: chrono::Datelike::day(&date),
        },
        updated: updated.map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, false)),
        tags: fields.tags,
        summary: derived.summary,
        reading_minutes: derived.reading_minutes,
        word_count: derived.word_count,
        char_count: derived.char_count,
        source,
        hash: derived.hash,
        author: fields.author,
        lang: fields.lang,
        cover: fields.cover.map(|cover| site_relative(&cover, &post_dir)),
        aliases: fields.aliases,
        outline: derived.outline,
        images: derived.images,
        extra: fields.extra,
    };
    let post = IndexedPost {
        meta,
        body,
        file: file.to_path_buf(),
    };
    if fields.draft {
        PostOutcome::Draft(date, post)
    } else {
        PostOutcome::Post(date, post)
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

fn file_stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `trip/index.md` is named for its folder (a page bundle); other files for themselves.
fn bundle_or_stem(file: &Path) -> String {
    let stem = file_stem(file);
    if stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("_index") {
        if let Some(folder) = file.parent().and_then(|p| p.file_name()) {
            return folder.to_string_lossy().into_owned();
        }
    }
    stem
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .find(|line| !line.trim().is_empty())
        .and_then(|line| line.trim().strip_prefix("# "))
        .map(|title| title.trim().to_owned())
}

/// 1-based line inside a front matter block where `field` is set.
fn field_line(block: &str, field: &str) -> Option<usize> {
    block
        .lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches('"');
            line.strip_prefix(field).is_some_and(|rest| {
                let rest = rest.trim_start_matches('"').trim_start();
                rest.starts_with(':') || rest.starts_with('=')
            })
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests;
