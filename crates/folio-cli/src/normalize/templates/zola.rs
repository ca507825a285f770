//! Zola shortcodes: inline `{{ name(args) }}` and with a body
//! `{% name(args) %} … {% end %}`. Zola ships no built-in shortcodes, but
//! themes share a handful of names (youtube, vimeo, gist, image helpers,
//! admonitions) that read the same everywhere.

use super::args::Args;
use super::render::{self, Figure};
use super::{hugo, Emit, OpenBody, Resolver, UnknownKind};

/// `name(args)` → the name and its argument text, if `inner` is a call.
pub(super) fn call(inner: &str) -> Option<(&str, &str)> {
    let open = inner.find('(')?;
    let name = inner[..open].trim();
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let args = inner[open + 1..].strip_suffix(')')?;
    valid_name.then_some((name, args))
}

/// Image helpers are named after what they show.
pub(super) fn is_image_name(name: &str) -> bool {
    ["img", "image", "figure", "photo", "picture"]
        .iter()
        .any(|word| name.contains(word))
}

impl Resolver<'_> {
    /// `{{ name(args) }}`.
    pub(super) fn zola_inline(&mut self, name: &str, args: &str, at: usize) -> Emit {
        let args = Args::parse(args);
        let emit = match name {
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
            "gist" => args.get("url", 0).map(|url| {
                let label = url
                    .trim_end_matches('/')
                    .split("gist.github.com/")
                    .nth(1)
                    .unwrap_or(url);
                Emit::Block(render::gist_link(url, label))
            }),
            _ if is_image_name(name) => {
                Figure::from_generic(&args).map(|figure| Emit::Block(figure.to_html()))
            }
            _ if self.standalone_fallback(name, &args).is_some() => {
                self.standalone_fallback(name, &args)
            }
            _ => {
                self.note_unknown(UnknownKind::Shortcode, name, at);
                return Emit::Inline(String::new());
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
                    format!("shortcode `{name}` is missing the argument Folio needs; it was removed"),
                    "Give the shortcode its id, url or path argument, or replace it with a Markdown link",
                );
                Emit::Inline(String::new())
            }
        }
    }

    /// `{% name(args) %}`: a callout, or an unknown body whose Markdown is kept.
    pub(super) fn zola_body_open(&mut self, name: &str, args: &str, at: usize) -> Emit {
        let args = Args::parse(args);
        if hugo::DIAGRAMS.contains(&name) {
            if let Some((start, end)) = self.find_zola_end() {
                self.transformations.count("shortcode", name);
                let code = self.block_content(start);
                self.pos = end;
                return Emit::Code {
                    lang: name.to_owned(),
                    code,
                };
            }
        }
        if hugo::QUOTES.contains(&name) {
            self.transformations.count("shortcode", name);
            self.open_bodies.push(OpenBody::quote(name, &args));
            return Emit::Block(render::QUOTE_OPEN.to_owned());
        }
        let callout = hugo::callout_kind_is_first_argument(name);
        self.open_bodies.push(match callout {
            Some(_) => OpenBody::callout(name),
            None => OpenBody::new(name, None),
        });
        match callout {
            Some(kind_first) => {
                self.transformations.count("shortcode", name);
                let kind = args
                    .named("type")
                    .or(args.named("kind"))
                    .or(if kind_first { None } else { Some(name) })
                    .unwrap_or("note");
                Emit::Block(render::callout_open(kind, args.named("title")))
            }
            None => {
                self.note_unknown(UnknownKind::Shortcode, name, at);
                Emit::Inline(String::new())
            }
        }
    }

    /// The next `{% end %}` after the current position: where a body ends.
    fn find_zola_end(&self) -> Option<(usize, usize)> {
        let mut search = self.pos;
        while let Some(found) = self.src[search..].find("{%") {
            let start = search + found;
            let close = start + 2 + self.src[start + 2..].find("%}")?;
            if super::trim_whitespace_control(&self.src[start + 2..close]) == "end" {
                return Some((start, close + 2));
            }
            search = start + 2;
        }
        None
    }
}
