//! Build-time normalisation: a post as another generator accepted it
//! (Liquid, Hugo and Zola shortcodes, MDX, kramdown, raw HTML, TeX math)
//! becomes the clean Markdown Folio publishes. The browser then renders only
//! CommonMark plus HTML this module already sanitised, so it carries no
//! template engine, sanitiser or TeX converter.
//!
//! Two passes, in order:
//! 1. [`templates`] works on the source text: template syntax is resolved
//!    (or its inner Markdown kept) before CommonMark ever sees it, because
//!    `{% highlight %}` changes what is code and what is prose.
//! 2. [`markup`] works on the parsed Markdown: raw HTML is sanitised tag by
//!    tag and math becomes MathML, each written back in place of its source.

pub mod markup;
pub mod residue;
pub mod templates;

pub use markup::EMBED_ORIGINS;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::Severity;

/// What a post body needs to know about the site to resolve links and includes.
pub struct NormalizeContext<'a> {
    /// The post file, relative to the content folder.
    pub file: &'a Path,
    /// The content folder, for `include_relative` and `include`.
    pub content_dir: &'a Path,
    /// `{{ site.baseurl }}`: the base path the site is served under, with trailing `/`.
    pub base_path: &'a str,
    /// `{{ site.url }}`, when configured (no trailing `/`).
    pub site_url: Option<&'a str>,
    /// Finds the post a reference names (`{% post_url 2019-05-01-notes %}`,
    /// `{% link _posts/2019-05-01-notes.md %}`, `{{< ref "notes" >}}`).
    pub links: &'a dyn PostLinks,
    /// The file is MDX: `import`/`export` lines and JSX components are expected.
    pub mdx: bool,
    /// `{% … %}` and `{{ … }}` are Liquid (Jekyll, or a folder whose generator
    /// is unknown). Hugo, Zola, Gatsby and Next.js print them as written, so
    /// there only their own shortcodes are resolved.
    pub liquid: bool,
    /// A Hugo site's own shortcode templates (empty for other sites).
    pub shortcodes: &'a templates::SiteShortcodes,
}

/// Resolves a reference to another post to its site-relative URL (`/posts/notes/`).
pub trait PostLinks {
    fn post_url(&self, reference: &str) -> Option<String>;
}

/// One thing the normaliser could not do cleanly, at a 1-based line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub severity: Severity,
    pub message: String,
    pub fix: String,
}

/// How often each kind of thing was transformed, for `folio check`'s summary,
/// e.g. `("shortcode", "youtube") → 3`, `("html dropped", "script") → 1`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Transformations(pub BTreeMap<(String, String), usize>);

impl Transformations {
    pub fn count(&mut self, kind: &str, name: &str) {
        *self
            .0
            .entry((kind.to_owned(), name.to_owned()))
            .or_default() += 1;
    }

    pub fn merge(&mut self, other: &Transformations) {
        for (key, n) in &other.0 {
            *self.0.entry(key.clone()).or_default() += n;
        }
    }
}

/// A normalised body and what happened on the way.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalised body: the given one itself when nothing changed.
    pub markdown: Arc<str>,
    /// The author's own summary split (`<!--more-->`): the Markdown before it.
    pub summary_markdown: Option<String>,
    pub findings: Vec<Finding>,
    pub transformations: Transformations,
}

/// Normalises one post body (front matter already removed).
pub fn normalize_post(body: &Arc<str>, context: &NormalizeContext) -> Normalized {
    let mut out = Normalized::default();
    let resolved = templates::resolve_templates(body, context, &mut out);
    // Each pass lends the text back when it changes nothing (most bodies):
    // then the body is shared, not copied.
    let rewritten = match markup::rewrite_markup(&resolved, context, &mut out) {
        Cow::Owned(text) => Some(text),
        Cow::Borrowed(_) => None,
    };
    out.markdown = match (rewritten, resolved) {
        (Some(text), _) | (None, Cow::Owned(text)) => text.into(),
        (None, Cow::Borrowed(_)) => Arc::clone(body),
    };
    out
}

/// Every Markdown post of the fixtures and the demo, as (file, body without
/// its front matter): real posts to check each pass's short way out on.
#[cfg(test)]
pub(crate) fn fixture_and_demo_bodies() -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut bodies = Vec::new();
    for dir in ["tests/fixtures", "demo/content"] {
        for entry in walkdir::WalkDir::new(root.join(dir)) {
            let entry = entry.expect("a readable folder");
            let path = entry.path();
            if !path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
            {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let body = text.strip_prefix("---").map_or(text.as_str(), |rest| {
                rest.split_once("\n---").map_or(rest, |(_, body)| body)
            });
            bodies.push((path.to_path_buf(), body.to_owned()));
        }
    }
    bodies
}
