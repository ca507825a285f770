//! The part of Go's `text/template` that Hugo sites write their own
//! shortcodes in (`layouts/shortcodes/*.html`): `.Get`, `.Inner`,
//! `.Params`, `if`/`with`/`else`, variables, pipelines, `{{- -}}` trimming,
//! comments, and the common Hugo functions.
//!
//! Folio runs these itself rather than through a Go-template crate: the
//! Rust implementations (`gtmpl` and its fork `gtmpl-ng`) cannot call a
//! method with arguments, which `.Get "name"` is, and take functions as plain
//! function pointers, so `relURL` could not know the site's base path.
//!
//! A template either runs whole or returns a [`TemplateError`]; the caller
//! then falls back to keeping the shortcode's inner content, so an
//! unsupported construct never prints half a template.

mod exec;
mod funcs;
mod parse;

use super::args::Args;

/// Where `.Inner` goes in a template's output. The resolver splits the
/// output there and leaves the inner Markdown in between, so nested
/// shortcodes, images and math inside it go through Folio's own passes.
pub const INNER_MARK: &str = "\u{E000}folio-inner\u{E001}";

/// Why a template could not be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("is not valid Go template syntax: {0}")]
    Syntax(String),
    #[error("uses {0}, which Folio does not run")]
    Unsupported(String),
}

/// One use of a shortcode, as its template sees it.
pub struct ShortcodeCall<'a> {
    pub name: &'a str,
    pub args: &'a Args,
    /// Whether the use has a body (`{{< name >}}…{{< /name >}}`).
    pub has_inner: bool,
    /// The base path the site is served under, with trailing `/`.
    pub base_path: &'a str,
    /// The site's absolute URL, when configured (no trailing `/`).
    pub site_url: Option<&'a str>,
}

impl ShortcodeCall<'_> {
    /// `.Site.BaseURL`: the absolute URL when known, else the base path.
    fn site_base_url(&self) -> String {
        match self.site_url {
            Some(url) => format!("{}{}", url.trim_end_matches('/'), self.base_path),
            None => self.base_path.to_owned(),
        }
    }

    /// Hugo's `relURL`: a path under the base path; full URLs are left alone.
    fn relative_url(&self, path: &str) -> String {
        if path.contains("://") || path.starts_with("//") || path.starts_with('#') {
            return path.to_owned();
        }
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// Hugo's `absURL`: like `relURL`, with the site's URL in front when known.
    fn absolute_url(&self, path: &str) -> String {
        let relative = self.relative_url(path);
        match self.site_url {
            Some(url) if relative.starts_with('/') => {
                format!("{}{relative}", url.trim_end_matches('/'))
            }
            _ => relative,
        }
    }
}

/// A parsed shortcode template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    nodes: Vec<parse::Node>,
}

impl Template {
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        Ok(Template {
            nodes: parse::parse(source)?,
        })
    }

    /// The template's output for one use, with [`INNER_MARK`] where the
    /// inner content belongs.
    pub fn render(&self, call: &ShortcodeCall) -> Result<String, TemplateError> {
        exec::Execution::new(call).run(&self.nodes)
    }
}

/// Text made safe to print between tags or inside a quoted attribute.
fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&#34;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests;
