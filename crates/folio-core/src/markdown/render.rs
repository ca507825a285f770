//! Markdown to HTML, with Folio's event transforms.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::headings::{heading_id, HeadingIds};
use super::highlight::highlight_code;
use super::parser_options;
use crate::model::Heading;
use crate::routes::resolve_post_url;
use crate::{Lang, Text};

/// Where the post lives, so relative links and images resolve, and which
/// language the interface speaks, for the words a body gains (copy buttons).
#[derive(Debug, Clone, Default)]
pub struct RenderOptions<'a> {
    /// Href of the folder holding the post's Markdown, ending with `/`,
    /// e.g. `/blog/content/2023/trip/`.
    pub post_dir_href: &'a str,
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPost {
    pub html: String,
    /// Headings in order, with the ids the HTML carries.
    pub outline: Vec<Heading>,
}

/// Renders a post body (front matter already removed) to HTML.
///
/// The body must be normalised Markdown, as `folio` writes it at build time:
/// raw HTML in it was already sanitised and TeX already turned into MathML, so
/// HTML is written as it is, with only relative `src`/`href` addresses resolved
/// against the post folder. Math parsing stays off: a `$` is just a dollar.
pub fn render_markdown(markdown: &str, options: &RenderOptions) -> RenderedPost {
    let events: Vec<Event> = Parser::new_ext(markdown, parser_options()).collect();
    let mut transform = Transform {
        options,
        ids: HeadingIds::default(),
        outline: Vec::new(),
    };
    let transformed = transform.run(events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, transformed.into_iter());
    RenderedPost {
        html,
        outline: transform.outline,
    }
}

struct Transform<'o> {
    options: &'o RenderOptions<'o>,
    ids: HeadingIds,
    outline: Vec<Heading>,
}

impl Transform<'_> {
    fn run<'a>(&mut self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        let mut at = 0;
        while at < events.len() {
            at = self.step(&events, at, &mut out);
        }
        out
    }

    /// Transforms the event at `at` (and any it consumes); returns the next index.
    fn step<'a>(&mut self, events: &[Event<'a>], at: usize, out: &mut Vec<Event<'a>>) -> usize {
        match &events[at] {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let end = matching_end(events, at);
                let inner = &events[at + 1..end];
                let text = plain_text_of(inner);
                // An author's `{#id}` is kept but slugged like any other id; other
                // `{…}` attributes (classes, `onfocus=…`) are dropped, never written.
                let wanted = id
                    .as_ref()
                    .map_or_else(|| heading_id(&text), |id| heading_id(id));
                let id = self.ids.claim(wanted);
                self.outline.push(Heading {
                    level: *level as u8,
                    id: id.clone(),
                    text,
                });
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id.clone())),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                let mut i = at + 1;
                while i < end {
                    i = self.step(events, i, out);
                }
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"Link to this section\">#</a>",
                    attr(&id)
                ))));
                out.push(Event::End(TagEnd::Heading(*level)));
                end + 1
            }
            Event::Start(Tag::Paragraph) => {
                let end = matching_end(events, at);
                if let Some(figure) = self.figure(&events[at + 1..end]) {
                    out.push(Event::Html(CowStr::from(figure)));
                } else {
                    out.push(events[at].clone());
                    let mut i = at + 1;
                    while i < end {
                        i = self.step(events, i, out);
                    }
                    out.push(events[end].clone());
                }
                end + 1
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let end = matching_end(events, at);
                let alt = plain_text_of(&events[at + 1..end]);
                out.push(Event::InlineHtml(CowStr::from(
                    self.image_html(dest_url, title, &alt),
                )));
                end + 1
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                title,
                ..
            }) => {
                let mailto = format!("mailto:{dest_url}");
                out.push(Event::InlineHtml(CowStr::from(
                    self.link_open(&mailto, title),
                )));
                at + 1
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                out.push(Event::InlineHtml(CowStr::from(
                    self.link_open(dest_url, title),
                )));
                at + 1
            }
            Event::End(TagEnd::Link) => {
                out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
                at + 1
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let end = matching_end(events, at);
                let code: String = events[at + 1..end]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or_default()
                    }
                    CodeBlockKind::Indented => "",
                };
                out.push(Event::Html(CowStr::from(code_block_html(
                    lang,
                    &code,
                    self.options.lang,
                ))));
                end + 1
            }
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::Borrowed(
                    "<div class=\"table-scroll\">",
                )));
                out.push(events[at].clone());
                at + 1
            }
            Event::End(TagEnd::Table) => {
                out.push(events[at].clone());
                out.push(Event::Html(CowStr::Borrowed("</div>")));
                at + 1
            }
            Event::TaskListMarker(done) => {
                // pulldown-cmark's checkbox has no label; screen readers would say only "checkbox".
                let html = if *done {
                    "<input type=\"checkbox\" disabled checked aria-label=\"Done\"> "
                } else {
                    "<input type=\"checkbox\" disabled aria-label=\"Not done\"> "
                };
                out.push(Event::InlineHtml(CowStr::Borrowed(html)));
                at + 1
            }
            Event::Html(raw) => {
                out.push(Event::Html(self.resolve_html_urls(raw)));
                at + 1
            }
            Event::InlineHtml(raw) => {
                out.push(Event::InlineHtml(self.resolve_html_urls(raw)));
                at + 1
            }
            other => {
                out.push(other.clone());
                at + 1
            }
        }
    }

    /// A paragraph holding one image, optionally followed on the next line by
    /// an emphasised caption, becomes a `<figure>`.
    fn figure(&mut self, inner: &[Event]) -> Option<String> {
        let significant: Vec<&Event> = inner
            .iter()
            .filter(|e| !matches!(e, Event::SoftBreak | Event::HardBreak))
            .filter(|e| !matches!(e, Event::Text(t) if t.trim().is_empty()))
            .collect();
        let Some(Event::Start(Tag::Image {
            dest_url, title, ..
        })) = significant.first()
        else {
            return None;
        };
        let image_end = matching_end(inner, 0);
        if inner
            .iter()
            .position(|e| matches!(e, Event::Start(Tag::Image { .. })))
            != Some(0)
        {
            return None;
        }
        let alt = plain_text_of(&inner[1..image_end]);
        let rest: Vec<&Event> = inner[image_end + 1..]
            .iter()
            .filter(|e| !matches!(e, Event::SoftBreak | Event::HardBreak))
            .collect();
        let caption = match rest.as_slice() {
            [] => None,
            [Event::Start(Tag::Emphasis), middle @ .., Event::End(TagEnd::Emphasis)]
                if middle
                    .iter()
                    .all(|e| !matches!(e, Event::End(TagEnd::Emphasis))) =>
            {
                let owned: Vec<Event> = middle.iter().map(|e| (*e).clone()).collect();
                let mut html = String::new();
                let inner_events = self.run(owned);
                pulldown_cmark::html::push_html(&mut html, inner_events.into_iter());
                Some(html)
            }
            _ => return None,
        };
        let image = self.image_html(dest_url, title, &alt);
        Some(match caption {
            Some(caption) => {
                format!("<figure>{image}<figcaption>{caption}</figcaption></figure>\n")
            }
            None => format!("<figure>{image}</figure>\n"),
        })
    }

    fn image_html(&self, url: &str, title: &str, alt: &str) -> String {
        let src = resolve_post_url(url, self.options.post_dir_href).unwrap_or_default();
        let mut html = format!(
            "<span class=\"post-image\" data-alt=\"{}\"><img src=\"",
            attr(alt)
        );
        let _ = escape_href(&mut html, &src);
        html.push_str("\" alt=\"");
        let _ = escape_html(&mut html, alt);
        html.push('"');
        if !title.is_empty() {
            html.push_str(" title=\"");
            let _ = escape_html(&mut html, title);
            html.push('"');
        }
        html.push_str(" loading=\"lazy\" decoding=\"async\"></span>");
        html
    }

    /// Normalised HTML with relative `src`, `href`, `poster` and `srcset`
    /// addresses resolved like Markdown links; an unsafe address becomes empty.
    /// Tags in normalised HTML are one line each with `"`-quoted values.
    fn resolve_html_urls<'a>(&self, html: &CowStr<'a>) -> CowStr<'a> {
        if !html.contains("src=\"") && !html.contains("href=\"") && !html.contains("poster=\"") {
            return html.clone();
        }
        let mut out = String::with_capacity(html.len() + 32);
        let mut in_tag = false;
        let mut rest: &str = html;
        while let Some(c) = rest.chars().next() {
            if c == '<' {
                in_tag = true;
            } else if c == '>' {
                in_tag = false;
            }
            if in_tag && c == ' ' {
                let attribute = ["src=\"", "href=\"", "poster=\"", "srcset=\""]
                    .into_iter()
                    .find(|a| rest[1..].starts_with(a));
                if let Some(attribute) = attribute {
                    let value_start = 1 + attribute.len();
                    if let Some(len) = rest[value_start..].find('"') {
                        let value = &rest[value_start..value_start + len];
                        out.push(' ');
                        out.push_str(attribute);
                        if attribute == "srcset=\"" {
                            let candidates: Vec<String> = value
                                .split(',')
                                .map(|candidate| {
                                    let candidate = candidate.trim();
                                    let (url, size) =
                                        candidate.split_once(' ').unwrap_or((candidate, ""));
                                    let url = resolve_post_url(url, self.options.post_dir_href)
                                        .unwrap_or_default();
                                    format!("{url} {size}").trim_end().to_owned()
                                })
                                .collect();
                            out.push_str(&candidates.join(", "));
                        } else {
                            // Values are escaped HTML; `&amp;` in a query stays as written.
                            out.push_str(
                                &resolve_post_url(value, self.options.post_dir_href)
                                    .unwrap_or_default(),
                            );
                        }
                        out.push('"');
                        rest = &rest[value_start + len + 1..];
                        continue;
                    }
                }
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        CowStr::from(out)
    }

    fn link_open(&self, url: &str, title: &str) -> String {
        let Some(href) = resolve_post_url(url, self.options.post_dir_href) else {
            return "<a class=\"link-blocked\" title=\"Link removed: unsafe address\">".to_owned();
        };
        let mut html = String::from("<a href=\"");
        let _ = escape_href(&mut html, &href);
        html.push('"');
        if !title.is_empty() {
            html.push_str(" title=\"");
            let _ = escape_html(&mut html, title);
            html.push('"');
        }
        if href.starts_with("http://") || href.starts_with("https://") {
            html.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
        }
        html.push('>');
        html
    }
}

fn code_block_html(lang: &str, code: &str, interface: Lang) -> String {
    let mut html = String::from("<div class=\"code-block\"");
    if !lang.is_empty() {
        html.push_str(" data-lang=\"");
        let _ = escape_html(&mut html, lang);
        html.push('"');
    }
    html.push_str("><pre><code");
    if !lang.is_empty() {
        html.push_str(" class=\"language-");
        let _ = escape_html(&mut html, lang);
        html.push('"');
    }
    html.push('>');
    html.push_str(&highlight_code(lang, code));
    html.push_str("</code></pre><button type=\"button\" class=\"copy-code\">");
    html.push_str(interface.messages().text(Text::Copy));
    html.push_str("</button></div>\n");
    html
}

fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = escape_html(&mut out, text);
    out
}

/// Index of the event closing the one opened at `start`.
fn matching_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// Visible text of a run of inline events.
pub(crate) fn plain_text_of(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> RenderedPost {
        render_markdown(
            markdown,
            &RenderOptions {
                post_dir_href: "/blog/content/trip/",
                ..Default::default()
            },
        )
    }

    #[test]
    fn headings_get_ids_anchors_and_an_outline() {
        let post = render("# 여행 준비\n\n## Packing list\n\n## Packing list\n");
        assert!(post.html.contains(
            "<h1 id=\"여행-준비\">여행 준비<a class=\"heading-anchor\" href=\"#여행-준비\""
        ));
        let ids: Vec<&str> = post.outline.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["여행-준비", "packing-list", "packing-list-1"]);
        assert_eq!(post.outline[1].level, 2);
    }

    #[test]
    fn gfm_tables_footnotes_strikethrough_tasks() {
        let post = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n- [x] done\n\n[^1]: note\n",
        );
        assert!(post.html.contains("<div class=\"table-scroll\"><table>"));
        assert!(post.html.contains("<del>old</del>"));
        assert!(post.html.contains("footnote-reference"));
        assert!(post.html.contains("footnote-definition"));
        assert!(post
            .html
            .contains("<input type=\"checkbox\" disabled checked aria-label=\"Done\">"));
    }

    #[test]
    fn quotes_stay_straight_for_korean_text() {
        let post = render("그는 \"안녕\"이라고 말했다.");
        assert!(post.html.contains("\"안녕\"이라고"));
    }

    #[test]
    fn relative_images_resolve_against_the_post_folder_and_lazy_load() {
        let post = render("Text ![a cat](cat.png) inline");
        assert!(post.html.contains("<img src=\"/blog/content/trip/cat.png\" alt=\"a cat\" loading=\"lazy\" decoding=\"async\">"));
    }

    #[test]
    fn image_with_emphasis_below_is_a_figure_with_caption() {
        let post = render("![Seoul at night](seoul.jpg)\n*서울의 밤*\n");
        assert!(post
            .html
            .contains("<figure><span class=\"post-image\" data-alt=\"Seoul at night\">"));
        assert!(post
            .html
            .contains("<figcaption>서울의 밤</figcaption></figure>"));
        assert!(!post.html.contains("<p>"));
    }

    #[test]
    fn external_links_open_safely_and_dangerous_ones_are_neutralised() {
        let post =
            render("[site](https://example.com) [bad](javascript:alert(1)) [rel](../other/)");
        assert!(post.html.contains("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">site</a>"));
        assert!(post.html.contains("<a class=\"link-blocked\""));
        assert!(!post.html.contains("javascript:"));
        assert!(post
            .html
            .contains("<a href=\"/blog/content/other/\">rel</a>"));
    }

    #[test]
    fn normalised_html_passes_through_with_relative_addresses_resolved() {
        let post = render(
            "<figure><img src=\"cat.png\" srcset=\"cat.png 1x, https://cdn.example/cat@2x.png 2x\" alt=\"고양이\"><figcaption>고양이</figcaption></figure>\n\nok <a href=\"../other/\">x</a> <a href=\"#top\">top</a> <kbd>Ctrl</kbd>\n",
        );
        assert!(post.html.contains("<figure><img src=\"/blog/content/trip/cat.png\" srcset=\"/blog/content/trip/cat.png 1x, https://cdn.example/cat@2x.png 2x\" alt=\"고양이\">"), "{}", post.html);
        assert!(post.html.contains("<a href=\"/blog/content/other/\">x</a>"));
        assert!(post.html.contains("<a href=\"#top\">top</a>"));
        assert!(post.html.contains("<kbd>Ctrl</kbd>"));
    }

    #[test]
    fn dollar_signs_are_not_math() {
        let post = render("It costs $5 and $10.");
        assert!(post.html.contains("It costs $5 and $10."));
    }

    #[test]
    fn heading_attributes_never_reach_the_page() {
        let post = render("## Intro {#main .x tabindex=0 autofocus onfocus=alert(1)}\n");
        // `main` belongs to the page, so the heading takes the next free id.
        assert!(
            post.html.starts_with("<h2 id=\"main-1\">Intro<a"),
            "{}",
            post.html
        );
        assert!(!post.html.contains("onfocus"));
        assert!(!post.html.contains("autofocus"));
    }

    #[test]
    fn a_heading_named_search_box_leaves_the_header_its_id() {
        let post = render("## Search box\n\n## Search results\n");
        assert!(
            post.html.contains("<h2 id=\"search-box-1\">"),
            "{}",
            post.html
        );
        assert!(
            post.html.contains("<h2 id=\"search-results-1\">"),
            "{}",
            post.html
        );
    }

    #[test]
    fn email_autolinks_get_mailto() {
        let post = render("Write to <kim@example.com>.");
        assert!(post
            .html
            .contains("<a href=\"mailto:kim@example.com\">kim@example.com</a>"));
    }

    #[test]
    fn a_caption_with_two_emphasis_spans_stays_a_paragraph() {
        let post = render("![Seoul](s.jpg)\n*night* and *day*\n");
        assert!(!post.html.contains("<figcaption>"));
        assert!(post.html.contains("<em>night</em> and <em>day</em>"));
    }

    #[test]
    fn code_blocks_are_escaped_and_labelled() {
        let post = render("```rust\nfn main() { println!(\"<hi>\"); }\n```\n");
        assert!(post.html.contains("<div class=\"code-block\" data-lang=\"rust\"><pre><code class=\"language-rust\"><span class=\"tok-keyword\">fn</span> main() { println!(<span class=\"tok-string\">&quot;&lt;hi&gt;&quot;</span>); }\n</code></pre><button type=\"button\" class=\"copy-code\">Copy</button></div>"));
    }

    #[test]
    fn the_copy_button_speaks_the_interface_language() {
        let options = RenderOptions {
            post_dir_href: "/",
            lang: Lang::Ko,
        };
        let post = render_markdown("```\nx\n```\n", &options);
        assert!(
            post.html.contains("class=\"copy-code\">복사</button>"),
            "{}",
            post.html
        );
    }
}
