//! Hugo shortcodes, `{{< name args >}}` and `{{% name args %}}`, with Hugo's
//! built-in names (highlight, figure, youtube, vimeo, gist, tweet/x,
//! instagram, ref/relref) and the callout names common themes add.

use super::args::Args;
use super::render::{self, Figure};
use super::{zola, Emit, OpenBody, Resolver, UnknownKind};

/// Shortcode names themes use for a boxed note; `type`/first argument picks its kind.
const GENERIC_CALLOUTS: &[&str] = &["admonition", "notice", "hint", "alert", "callout"];

/// Shortcode names that are themselves the kind of note.
const NAMED_CALLOUTS: &[&str] = &[
    "box",
    "panel",
    "aside",
    "success",
    "note",
    "tip",
    "info",
    "warning",
    "caution",
    "important",
    "danger",
];

/// Shortcode names for a quotation, rendered as `<blockquote>`.
pub(super) const QUOTES: &[&str] = &["quote", "blockquote", "pullquote", "epigraph"];

/// Shortcodes whose body is a diagram's source, drawn by a script the CSP
/// does not allow: their source is shown as a code block in its language.
pub(super) const DIAGRAMS: &[&str] = &[
    "mermaid",
    "sequence",
    "flowchart",
    "plantuml",
    "graphviz",
    "chart",
];

/// Whether `name` is a callout shortcode, and if so whether its first
/// positional argument is its kind.
pub(super) fn callout_kind_is_first_argument(name: &str) -> Option<bool> {
    if GENERIC_CALLOUTS.contains(&name) {
        Some(true)
    } else if NAMED_CALLOUTS.contains(&name) {
        Some(false)
    } else {
        None
    }
}

impl Resolver<'_> {
    /// `{{< … >}}` or `{{% … %}}`, opening, closing or standing alone.
    pub(super) fn hugo_shortcode(&mut self, inner: &str, at: usize) -> Emit {
        let inner = inner.trim();
        if let Some(closing) = inner.strip_prefix('/') {
            let name = closing.trim();
            return match self.open_bodies.iter().rposition(|body| body.name == name) {
                Some(index) => {
                    self.open_bodies.truncate(index + 1);
                    self.close_body()
                }
                None => Emit::Inline(String::new()),
            };
        }
        let inner = inner.strip_suffix('/').unwrap_or(inner).trim_end();
        let (name, rest) = inner
            .split_once(char::is_whitespace)
            .map_or((inner, ""), |(name, rest)| (name, rest));
        let args = Args::parse(rest);
        let emit = match name {
            "highlight" => return self.hugo_highlight(&args, at),
            "figure" => Figure::from_hugo(&args).map(|figure| Emit::Block(figure.to_html())),
            "youtube" => args.get("id", 0).map(|id| {
                Emit::Block(render::youtube(
                    id,
                    args.named("title"),
                    args.named("start"),
                ))
            }),
            "vimeo" => args
                .get("id", 0)
                .map(|id| Emit::Block(render::vimeo(id, args.named("title")))),
            "gist" => match (args.get("user", 0), args.get("id", 1)) {
                (Some(user), Some(id)) => Some(Emit::Block(render::gist_link(
                    &format!("https://gist.github.com/{user}/{id}"),
                    &format!("{user}/{id}"),
                ))),
                _ => None,
            },
            "tweet" | "x" => {
                let id = args
                    .named("id")
                    .or(args.positional.last().map(String::as_str));
                let user = args
                    .named("user")
                    .or((args.positional.len() > 1).then(|| args.positional[0].as_str()));
                id.map(|id| Emit::Block(render::tweet_quote(user, id)))
            }
            "instagram" => args.get("id", 0).map(|id| {
                Emit::Block(format!(
                    "[Instagram post](<https://www.instagram.com/p/{id}/>)"
                ))
            }),
            "ref" | "relref" => {
                let reference = args.get("path", 0).unwrap_or("").to_owned();
                Some(Emit::Inline(self.post_link(&reference, at)))
            }
            _ => {
                let closer = self.hugo_closer_follows(name);
                if let Some(emit) = self.hugo_body_shortcode(name, &args, closer) {
                    Some(emit)
                } else if let Some(emit) = self.site_shortcode(name, &args, at) {
                    return emit;
                } else if let Some(emit) = (!closer)
                    .then(|| self.standalone_fallback(name, &args))
                    .flatten()
                {
                    Some(emit)
                } else {
                    if closer {
                        self.open_bodies.push(OpenBody::new(name, None));
                    }
                    // A site template that could not run was reported already.
                    if !self.context.shortcodes.has(name) {
                        self.note_unknown(UnknownKind::Shortcode, name, at);
                    }
                    return Emit::Inline(String::new());
                }
            }
        };
        match emit {
            Some(emit) => {
                self.transformations.count("shortcode", name);
                emit
            }
            None => {
                self.warn(
                    at,
                    format!(
                        "shortcode `{name}` is missing the argument Folio needs; it was removed"
                    ),
                    "Give the shortcode its id or src argument, or replace it with a Markdown link",
                );
                Emit::Inline(String::new())
            }
        }
    }

    /// The boxes and quotes of popular themes, as Folio's own callout
    /// `<aside>` or a `<blockquote>`, and diagram sources as code blocks:
    /// styled by Folio whatever the theme's template said.
    fn hugo_body_shortcode(&mut self, name: &str, args: &Args, closer: bool) -> Option<Emit> {
        if !closer {
            return None;
        }
        if let Some(kind_first) = callout_kind_is_first_argument(name) {
            let (kind, title) = if kind_first {
                (args.get("type", 0).unwrap_or("note"), args.get("title", 1))
            } else {
                (name, args.get("title", 0))
            };
            self.open_bodies.push(OpenBody::callout(name));
            return Some(Emit::Block(render::callout_open(kind, title)));
        }
        if QUOTES.contains(&name) {
            self.open_bodies.push(OpenBody::quote(name, args));
            return Some(Emit::Block(render::QUOTE_OPEN.to_owned()));
        }
        if DIAGRAMS.contains(&name) {
            let (start, end) = self.find_hugo_closer(name)?;
            let code = self.block_content(start);
            self.pos = end;
            return Some(Emit::Code {
                lang: name.to_owned(),
                code,
            });
        }
        None
    }

    /// What a theme's own shortcode, standing alone, still shows when Folio
    /// does not know it: an image helper's picture, an encyclopedia link, or
    /// the one word it wraps in the middle of a sentence, which removing it
    /// would leave as a hole.
    pub(super) fn standalone_fallback(&self, name: &str, args: &Args) -> Option<Emit> {
        if zola::is_image_name(name) {
            if let Some(figure) = Figure::from_generic(args) {
                return Some(Emit::Block(figure.to_html()));
            }
        }
        if matches!(name, "wikipedia" | "wiki" | "wp") {
            let term = args.get("term", 0).or(args.named("title"))?;
            let label = args
                .named("text")
                .or(args.positional.get(1).map(String::as_str));
            return Some(Emit::Inline(render::wikipedia_link(term, label)));
        }
        let in_sentence = !self.out_line_is_blank() || !self.rest_of_line_is_blank();
        match args.positional.as_slice() {
            [text] if in_sentence && args.named.is_empty() && !text.contains('/') => {
                Some(Emit::Inline(render::markdown_text(text)))
            }
            _ => None,
        }
    }

    /// `{{< highlight go "linenos=table" >}} … {{< /highlight >}}` as a fenced block.
    fn hugo_highlight(&mut self, args: &Args, at: usize) -> Emit {
        let lang = args.get("lang", 0).unwrap_or("").to_owned();
        self.transformations.count("shortcode", "highlight");
        match self.find_hugo_closer("highlight") {
            Some((start, end)) => {
                let code = self.block_content(start);
                self.pos = end;
                Emit::Code { lang, code }
            }
            None => {
                self.warn(
                    at,
                    "`{{< highlight >}}` is never closed; the text after it is kept as prose"
                        .into(),
                    "Add `{{< /highlight >}}` where the code ends",
                );
                Emit::Inline(String::new())
            }
        }
    }

    fn hugo_closer_follows(&self, name: &str) -> bool {
        self.find_hugo_closer(name).is_some()
    }

    /// The next `{{< /name >}}` (or `{{% /name %}}`) after the current position.
    pub(super) fn find_hugo_closer(&self, name: &str) -> Option<(usize, usize)> {
        let text = self.src;
        let mut search = self.pos;
        while let Some(found) = text[search..].find("{{") {
            let start = search + found;
            let delimiter = text[start + 2..].chars().next()?;
            let close = match delimiter {
                '<' => ">}}",
                '%' => "%}}",
                _ => {
                    search = start + 2;
                    continue;
                }
            };
            let inner_start = start + 3;
            let inner_end = inner_start + text[inner_start..].find(close)?;
            let inner = text[inner_start..inner_end].trim();
            if inner.strip_prefix('/').map(str::trim) == Some(name) {
                return Some((start, inner_end + close.len()));
            }
            search = inner_start;
        }
        None
    }
}
