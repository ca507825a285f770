//! A Hugo site's own shortcodes (`layouts/shortcodes/<name>.html`, then its
//! theme's), run by [`gotmpl`](super::gotmpl) so a post shows what the
//! author's site showed. The output is HTML that the markup pass sanitises
//! like any raw HTML in a post; the inner content stays Markdown between the
//! output's two halves, so it is resolved and rendered like the rest.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::args::Args;
use super::gotmpl::{ShortcodeCall, Template, TemplateError, INNER_MARK};
use super::{Emit, OpenBody, Resolver};

/// The folders Hugo finds shortcode templates in, under the site or a theme
/// (`_shortcodes` is the layout of Hugo 0.146 and later).
const SHORTCODE_FOLDERS: &[&str] = &["layouts/_shortcodes", "layouts/shortcodes"];

/// One site's shortcode templates by name, each parsed once.
#[derive(Debug, Default)]
pub struct SiteShortcodes {
    templates: HashMap<String, SiteShortcode>,
}

#[derive(Debug)]
struct SiteShortcode {
    /// Where it was read, relative to the site, for messages.
    path: PathBuf,
    template: Result<Template, TemplateError>,
}

impl SiteShortcodes {
    /// Reads the site's templates, then each theme's in the order the config
    /// lists them; the first found for a name wins, as in Hugo. Unreadable
    /// files are skipped: the shortcode then falls back like an unknown one.
    pub fn load(root: &Path, themes: &[String]) -> SiteShortcodes {
        let mut templates = HashMap::new();
        let bases = std::iter::once(PathBuf::new())
            .chain(themes.iter().map(|theme| Path::new("themes").join(theme)));
        for base in bases {
            for folder in SHORTCODE_FOLDERS {
                let relative = base.join(folder);
                let Ok(entries) = std::fs::read_dir(root.join(&relative)) else {
                    continue;
                };
                let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                files.sort();
                for file in files {
                    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    let Some(name) = name.strip_suffix(".html") else {
                        continue;
                    };
                    if templates.contains_key(name) {
                        continue;
                    }
                    let Ok(source) = std::fs::read_to_string(&file) else {
                        continue;
                    };
                    templates.insert(
                        name.to_owned(),
                        SiteShortcode {
                            path: relative.join(format!("{name}.html")),
                            template: Template::parse(&source),
                        },
                    );
                }
            }
        }
        SiteShortcodes { templates }
    }

    /// Whether the site has a template for `name` (runnable or not).
    pub fn has(&self, name: &str) -> bool {
        self.templates.contains_key(name)
    }
}

impl Resolver<'_> {
    /// Runs the site's template for `name`, if it has one. `None` when it
    /// has none or it cannot be run (reported once per name); the caller
    /// then keeps the inner content as for an unknown shortcode.
    pub(super) fn site_shortcode(&mut self, name: &str, args: &Args, at: usize) -> Option<Emit> {
        let shortcode = self.context.shortcodes.templates.get(name)?;
        let closer = self.find_hugo_closer(name);
        let call = ShortcodeCall {
            name,
            args,
            has_inner: closer.is_some(),
            base_path: self.context.base_path,
            site_url: self.context.site_url,
        };
        let output = shortcode
            .template
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|template| template.render(&call))
            .and_then(|output| {
                if output.to_ascii_lowercase().contains("<script") {
                    // Folio's pages run no script from posts (CSP).
                    Err(TemplateError::Unsupported("`<script>`".into()))
                } else {
                    Ok(output)
                }
            })
            .and_then(|output| {
                let parts: Vec<&str> = output.split(INNER_MARK).collect();
                match parts.as_slice() {
                    [all] => Ok((all.to_string(), None)),
                    [open, close] => Ok((open.to_string(), Some(close.to_string()))),
                    _ => Err(TemplateError::Unsupported(
                        "the inner content more than once".into(),
                    )),
                }
            });
        let (open, close) = match output {
            Ok(parts) => parts,
            Err(error) => {
                let reason = format!("`{}` {error}", shortcode.path.display());
                self.note_unrunnable(name, reason, at);
                return None;
            }
        };
        self.transformations.count("shortcode template", name);
        // At the start of a line, output opening with a block tag is an HTML
        // block to CommonMark whatever follows, so it gets lines of its own
        // and the inner content stays Markdown.
        let block = self.out_line_is_blank()
            && (self.rest_of_line_is_blank() || starts_with_block_tag(&open));
        match (close, closer) {
            (Some(close), Some(_)) => {
                self.open_bodies
                    .push(OpenBody::new(name, Some(placed(&close, block))));
            }
            // The template never prints the inner content, so neither does Hugo.
            (None, Some((_, end))) => self.pos = end,
            _ => {}
        }
        Some(placed(&open, block))
    }
}

/// The tags that start an HTML block in CommonMark (its kind 6) and that
/// templates open with.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "ul",
];

fn starts_with_block_tag(output: &str) -> bool {
    let Some(rest) = output.trim_start().strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    BLOCK_TAGS.contains(&name.as_str())
}

/// Template output as a block on its own lines, or inline in a sentence.
///
/// Templates indent their HTML and leave blank lines where actions were;
/// in Markdown an indented line is code and a blank line ends an HTML block,
/// so lines are unindented and blank ones dropped (on one line when inline).
fn placed(output: &str, block: bool) -> Emit {
    let lines: Vec<&str> = output
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if block && !lines.is_empty() {
        Emit::Block(lines.join("\n"))
    } else {
        Emit::Inline(lines.join(" "))
    }
}

#[cfg(test)]
mod tests;
