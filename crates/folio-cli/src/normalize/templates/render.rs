//! What resolved shortcodes become: HTML the sanitiser keeps (figures,
//! privacy-friendly video iframes, callout asides) or plain Markdown links
//! where the original embed needs a script our CSP does not allow.

use pulldown_cmark_escape::{escape_href, escape_html};

use super::args::Args;

fn html(text: &str) -> String {
    let mut escaped = String::new();
    // Writing into a String cannot fail.
    let _ = escape_html(&mut escaped, text);
    escaped
}

fn href(url: &str) -> String {
    let mut escaped = String::new();
    let _ = escape_href(&mut escaped, url);
    html(&escaped)
}

/// An image with an optional caption, link and title.
#[derive(Debug, Default)]
pub struct Figure<'a> {
    pub src: &'a str,
    pub alt: Option<&'a str>,
    pub caption: Option<&'a str>,
    pub title: Option<&'a str>,
    pub link: Option<&'a str>,
    pub class: Option<&'a str>,
    pub width: Option<&'a str>,
    pub height: Option<&'a str>,
}

impl Figure<'_> {
    /// Hugo's `figure` shortcode parameters.
    pub fn from_hugo(args: &Args) -> Option<Figure<'_>> {
        Some(Figure {
            src: args.get("src", 0)?,
            alt: args.named("alt"),
            caption: args.named("caption"),
            title: args.named("title"),
            link: args.named("link"),
            class: args.named("class"),
            width: args.named("width"),
            height: args.named("height"),
        })
    }

    /// A generic image shortcode (`img_caption(path=…, caption=…)` and the like).
    pub fn from_generic(args: &Args) -> Option<Figure<'_>> {
        let src = ["path", "src", "url", "image", "file"]
            .iter()
            .find_map(|key| args.named(key))
            .or_else(|| args.positional.first().map(String::as_str))?;
        Some(Figure {
            src,
            alt: args.named("alt"),
            caption: args.named("caption"),
            title: args.named("title"),
            link: args.named("link"),
            class: args.named("class"),
            width: args.named("width"),
            height: args.named("height"),
        })
    }

    pub fn to_html(&self) -> String {
        let alt = self.alt.or(self.caption).or(self.title).unwrap_or("");
        let mut img = format!(r#"<img src="{}" alt="{}""#, href(self.src), html(alt));
        for (name, value) in [("width", self.width), ("height", self.height)] {
            if let Some(value) = value {
                img.push_str(&format!(r#" {name}="{}""#, html(value)));
            }
        }
        img.push('>');
        if let Some(link) = self.link {
            img = format!(r#"<a href="{}">{img}</a>"#, href(link));
        }
        let mut caption = String::new();
        if let Some(title) = self.title.filter(|t| !t.is_empty()) {
            caption.push_str(&format!("<strong>{}</strong>", html(title)));
        }
        if let Some(text) = self.caption.filter(|t| !t.is_empty()) {
            if !caption.is_empty() {
                caption.push(' ');
            }
            caption.push_str(&html(text));
        }
        let class = self
            .class
            .map(|c| format!(r#" class="{}""#, html(c)))
            .unwrap_or_default();
        if caption.is_empty() {
            format!("<figure{class}>{img}</figure>")
        } else {
            format!("<figure{class}>{img}<figcaption>{caption}</figcaption></figure>")
        }
    }
}

/// A video player iframe inside a `div`, so CommonMark reads it as one HTML block.
pub fn video_embed(player_url: &str, title: &str) -> String {
    format!(
        r#"<div class="embed embed-video"><iframe src="{}" title="{}" loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen></iframe></div>"#,
        href(player_url),
        html(title)
    )
}

pub fn youtube(id: &str, title: Option<&str>, start: Option<&str>) -> String {
    let mut url = format!("https://www.youtube-nocookie.com/embed/{id}");
    if let Some(start) = start.filter(|s| s.bytes().all(|b| b.is_ascii_digit())) {
        url.push_str(&format!("?start={start}"));
    }
    video_embed(&url, title.unwrap_or("YouTube video"))
}

pub fn vimeo(id: &str, title: Option<&str>) -> String {
    video_embed(
        &format!("https://player.vimeo.com/video/{id}"),
        title.unwrap_or("Vimeo video"),
    )
}

/// A gist as a link: gist embeds are scripts, which the CSP forbids.
pub fn gist_link(url: &str, label: &str) -> String {
    format!("[Gist: {}](<{url}>)", markdown_text(label))
}

/// A tweet as a quoted link: tweet embeds are scripts, which the CSP forbids.
pub fn tweet_quote(user: Option<&str>, id: &str) -> String {
    match user {
        Some(user) => format!(
            "> [Post by @{} on X](<https://x.com/{user}/status/{id}>)",
            markdown_text(user)
        ),
        None => format!("> [Post on X](<https://x.com/i/status/{id}>)"),
    }
}

/// The opening of a callout; the inner Markdown follows after a blank line so
/// CommonMark still renders it as Markdown inside the HTML block.
pub fn callout_open(kind: &str, title: Option<&str>) -> String {
    let kind: String = kind
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let kind = if kind.is_empty() { "note".into() } else { kind };
    let mut open = format!(r#"<aside class="callout callout-{kind}">"#);
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        open.push_str("\n\n");
        open.push_str(&format!("**{}**", markdown_text(title.trim())));
    }
    open
}

pub const CALLOUT_CLOSE: &str = "</aside>";

/// A quotation; the inner Markdown follows after a blank line.
pub const QUOTE_OPEN: &str = "<blockquote>";

/// The end of a quotation, with who said it when the shortcode names them.
pub fn quote_close(source: Option<&str>) -> String {
    match source.map(str::trim).filter(|s| !s.is_empty()) {
        Some(source) => format!("— {}\n\n</blockquote>", markdown_text(source)),
        None => "</blockquote>".to_owned(),
    }
}

/// An encyclopedia link, as the `wikipedia` shortcodes of several themes write it.
pub fn wikipedia_link(term: &str, label: Option<&str>) -> String {
    let page: String = term
        .trim()
        .chars()
        .map(|c| if c == ' ' { '_' } else { c })
        .filter(|c| !matches!(c, '<' | '>' | '\n'))
        .collect();
    format!(
        "[{}](<https://en.wikipedia.org/wiki/{page}>)",
        markdown_text(label.unwrap_or(term).trim())
    )
}

/// A visible note where an include could not be read.
pub fn missing_include(name: &str) -> String {
    format!(
        "> *The included file `{}` is not available.*",
        name.replace('`', "'")
    )
}

/// Text safe inside Markdown link text or emphasis.
pub fn markdown_text(text: &str) -> String {
    let mut escaped = String::new();
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '>' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
