//! The first pass over one post file: bytes to text, front matter (or what
//! can be inferred without it), a date and a slug. Bodies are normalised in
//! the second pass, once every post is known and links between them resolve.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use folio_core::markdown::{split_front_matter, SplitSource};

use super::derive::{date_prefix, sanitize_slug, slug_from_name};
use super::front_matter::dates::{parse_date, parse_date_lenient};
use super::front_matter::{parse_block, FrontMatter};
use super::infer::{from_korean_platform, infer_post};
use super::source::{decode_source, DecodeError};
use crate::diagnostics::{Diagnostic, Severity};

/// A post file read and understood, its body not yet normalised.
#[derive(Debug, Clone, Default)]
pub struct ReadPost {
    pub fields: FrontMatter,
    /// Shared: a body normalisation leaves as it is becomes the published
    /// body itself, not a copy (a 10,000-post build held every body twice).
    pub body: Arc<str>,
    /// 1-based line of the file where `body` starts, so findings in the body point into the file.
    pub body_line: usize,
    /// `None` only for pages, which need no date.
    pub date: Option<DateTime<FixedOffset>>,
    pub slug: String,
    /// The file had a front matter block (pages and posts of generators need one).
    pub has_front_matter: bool,
    /// The zone its dates were read in when it was not the site's: an export
    /// from a Korean platform, read as Korean time because no zone is configured.
    pub assumed_zone: Option<Tz>,
}

/// What the reader needs to know besides the bytes.
pub struct ReadContext<'a> {
    pub file: &'a Path,
    pub zone: Tz,
    pub modified: Option<std::time::SystemTime>,
    /// Pages have no date; a missing one is not worth a warning.
    pub date_optional: bool,
    /// No time zone is configured: an export from a Korean platform is read
    /// as `Asia/Seoul` time rather than in `zone`.
    pub korean_exports_in_seoul: bool,
}

/// Reads one post file; problems go to `diagnostics`. `None` means it cannot be published.
pub fn read_post(
    bytes: &[u8],
    context: &ReadContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ReadPost> {
    let file = context.file;
    let text = decode(file, bytes, diagnostics)?;
    let split = split_front_matter(&text);
    if let Some(kind) = split.unterminated {
        diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                file,
                format!(
                    "the front matter opened on line {} is never closed ({kind:?})",
                    split.front_matter_line
                ),
            )
            .at(split.front_matter_line, 1)
            .fix("add the closing delimiter (`---` or `+++`) on its own line after the last field"),
        );
        return None;
    }
    let stem = bundle_or_stem(file);
    let assumed_zone = (context.korean_exports_in_seoul
        && split.front_matter.is_none()
        && from_korean_platform(&text))
    .then_some(chrono_tz::Asia::Seoul)
    .filter(|&seoul| seoul != context.zone);
    let zoned;
    let context = match assumed_zone {
        Some(zone) => {
            zoned = ReadContext {
                file: context.file,
                zone,
                modified: context.modified,
                date_optional: context.date_optional,
                korean_exports_in_seoul: context.korean_exports_in_seoul,
            };
            &zoned
        }
        None => context,
    };
    let (fields, body, body_line, inferred_date) = match split.front_matter {
        Some((kind, block)) => {
            let fields = read_front_matter(file, kind, block, &split, diagnostics)?;
            (fields, Arc::from(split.body), split.body_line, None)
        }
        None => {
            let (fields, body, line, date) =
                read_without_front_matter(file, &text, context.zone, &stem, diagnostics);
            (fields, Arc::from(body), line, date)
        }
    };
    let mut fields = fields;
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
    let date = resolve_date(&fields, inferred_date, &split, &stem, context, diagnostics);
    if date.is_none() && !context.date_optional {
        diagnostics.push(
            Diagnostic::new(Severity::Error, file, "the post has no date")
                .fix("add `date: 2024-01-20` to the front matter"),
        );
        return None;
    }
    let slug = match &fields.slug {
        Some(slug) => sanitize_slug(slug),
        None => slug_from_name(&stem),
    };
    if slug.is_empty() {
        diagnostics.push(
            Diagnostic::new(Severity::Error, file, "the post has no usable slug")
                .fix("add `slug: my-post` to the front matter or rename the file"),
        );
        return None;
    }
    Some(ReadPost {
        has_front_matter: split.front_matter.is_some(),
        assumed_zone,
        fields,
        body,
        body_line,
        date,
        slug,
    })
}

fn decode(file: &Path, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let decoded = match decode_source(bytes) {
        Ok(decoded) => decoded,
        Err(err) => {
            let fix = match err {
                DecodeError::Binary { .. } => {
                    "this is not a text file: give it another extension than .md, .markdown, .mdx or .txt"
                }
                DecodeError::Encoding { .. } => "re-save the file as UTF-8",
            };
            diagnostics.push(
                Diagnostic::new(Severity::Error, file, err.to_string())
                    .at(err.line(), 0)
                    .fix(fix),
            );
            return None;
        }
    };
    if let Some(repair) = decoded.repaired {
        diagnostics
            .push(Diagnostic::new(Severity::Warning, file, "the file is not UTF-8").fix(repair));
    }
    if decoded.text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(Severity::Error, file, "the file is empty")
                .fix("write the post, or delete the file"),
        );
        return None;
    }
    Some(decoded.text)
}

fn read_front_matter(
    file: &Path,
    kind: folio_core::markdown::FrontMatterKind,
    block: &str,
    split: &SplitSource,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let map = match parse_block(kind, block) {
        Ok(map) => map,
        Err(err) => {
            let line = split.front_matter_line + err.line.saturating_sub(1);
            diagnostics.push(
                Diagnostic::new(Severity::Error, file, err.message)
                    .at(line, err.column)
                    .fix(err.fix),
            );
            return None;
        }
    };
    let (fields, problems) = FrontMatter::from_map(map);
    for problem in problems {
        let line = field_line(block, &problem.field).map_or(0, |l| split.front_matter_line + l - 1);
        diagnostics.push(
            Diagnostic::new(Severity::Warning, file, problem.message)
                .at(line, 1)
                .fix("write `true` or `false`"),
        );
    }
    Some(fields)
}

/// A plain-text export: title, date and author guessed from the byline, each guess reported.
fn read_without_front_matter(
    file: &Path,
    text: &str,
    zone: Tz,
    stem: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (FrontMatter, String, usize, Option<DateTime<FixedOffset>>) {
    let inferred = infer_post(text, zone);
    let note = |message: String, line: usize, fix: &str| {
        Diagnostic::new(Severity::Note, file, message)
            .at(line, 1)
            .fix(fix)
    };
    diagnostics.push(match &inferred.title {
        Some((title, line)) => note(
            format!("no front matter; title guessed as `{title}`"),
            *line,
            "add front matter with `title:` to confirm",
        ),
        None => note(
            format!("no front matter; title taken from the file name `{stem}`"),
            0,
            "add front matter with `title:`",
        ),
    });
    if let Some((date, line)) = inferred.date {
        diagnostics.push(note(
            format!("date guessed as {}", date.to_rfc3339()),
            line,
            "add `date:` to the front matter to confirm",
        ));
    }
    if let Some((first, last)) = inferred.dropped_chrome {
        diagnostics.push(note(
            format!("lines {first}–{last} look like page chrome (likes, comments, share) and were left out"),
            first,
            "if they belong to the post, add front matter so the file is read as written",
        ));
    }
    let fields = FrontMatter {
        title: Some(
            inferred
                .title
                .map_or_else(|| stem.to_owned(), |(title, _)| title),
        ),
        author: inferred.author,
        ..FrontMatter::default()
    };
    (
        fields,
        inferred.body,
        inferred.body_line,
        inferred.date.map(|(date, _)| date),
    )
}

/// The post's date, read as leniently as the source generators read it:
/// the front matter (strictly, then leniently), a guess from the byline, the
/// file name's date, and last the file's modification time. Each fallback is
/// reported on the line it concerns.
fn resolve_date(
    fields: &FrontMatter,
    inferred: Option<DateTime<FixedOffset>>,
    split: &SplitSource,
    stem: &str,
    context: &ReadContext,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DateTime<FixedOffset>> {
    let file = context.file;
    let from_name = || date_prefix(stem).and_then(|d| parse_date(d, context.zone));
    if let Some((name, text)) = &fields.date {
        let line = split
            .front_matter
            .and_then(|(_, block)| field_line(block, name))
            .map_or(0, |l| split.front_matter_line + l - 1);
        if let Some(date) = parse_date(text, context.zone) {
            return Some(date);
        }
        if let Some(date) = parse_date_lenient(text, context.zone) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    file,
                    format!(
                        "the date `{text}` in `{name}` is not a valid date; read as {}",
                        date.to_rfc3339()
                    ),
                )
                .at(line, 1)
                .fix("write it as 2024-01-20, 2024-01-20 09:30 or 2024-01-20T09:30:00+09:00"),
            );
            return Some(date);
        }
        let fallback = from_name();
        let used = match fallback {
            Some(date) => format!("using the date in the file name, {}", date.to_rfc3339()),
            None => "using the file's modification time".to_owned(),
        };
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                file,
                format!("cannot read the date `{text}` in `{name}`; {used}"),
            )
            .at(line, 1)
            .fix("write it as 2024-01-20, 2024-01-20 09:30 or 2024-01-20T09:30:00+09:00"),
        );
        return fallback.or_else(|| modification_time(context));
    }
    if let Some(date) = inferred.or_else(from_name) {
        return Some(date);
    }
    if context.date_optional {
        return None;
    }
    let date = modification_time(context)?;
    diagnostics.push(
        Diagnostic::new(
            Severity::Warning,
            file,
            "no date; using the file's modification time",
        )
        .fix("add `date: 2024-01-20` to the front matter, or name the file `2024-01-20-title.md`"),
    );
    Some(date)
}

fn modification_time(context: &ReadContext) -> Option<DateTime<FixedOffset>> {
    context.modified.map(|m| {
        DateTime::<chrono::Utc>::from(m)
            .with_timezone(&context.zone)
            .fixed_offset()
    })
}

fn file_stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `trip/index.md` is named for its folder (a page bundle); other files for themselves.
pub fn bundle_or_stem(file: &Path) -> String {
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
