//! One HTML page per route, made from the app's `index.html`: the base path
//! filled in, the head tags of the route (`head.rs`), and the route rendered
//! by the app's own components into the template's `#folio-root`, so the page
//! reads before, and without, the app, and the app adopts it as it is.

use folio_app::{render_route, RouteData};
use folio_core::routes::Route;
use folio_core::{Body, SiteMeta, Text};
use pulldown_cmark_escape::escape_html;

use super::app_bundle::BASE_PLACEHOLDER;
use super::context::SiteContext;
use super::head::head_tags;

/// The template's own title, which the route's head tags replace.
const TEMPLATE_TITLE: &str = "<title>Folio</title>";
/// The element of the template the app renders into (`folio_app::ROOT_ID`).
const ROOT_ELEMENT: &str = "<div id=\"folio-root\">";

/// The template's note for readers without JavaScript (`index.html`).
const TEMPLATE_NOSCRIPT: &str = "This blog reader needs JavaScript to show posts.";

/// The app's `index.html` as every page of `site` starts: the base path
/// filled in, in the site's language. Made once per build, not per page.
pub fn site_template(index_html: &str, site: &SiteContext) -> String {
    in_site_language(
        &index_html.replace(BASE_PLACEHOLDER, site.base()),
        site.site(),
    )
}

/// The [`site_template`] cut once at the two places each page fills: where
/// its head tags go and where the app's markup goes, so a page is written
/// in one pass instead of searched and copied twice.
pub struct PageTemplate {
    /// Up to the head tags (the template's own `<title>` is dropped).
    before_head: String,
    /// Whether the head tags stand in for `<title>` (else they go before
    /// `</head>`, on a line of their own).
    replaces_title: bool,
    /// From the head tags to the markup.
    before_markup: String,
    /// From the markup to the end.
    after_markup: String,
}

impl PageTemplate {
    pub fn new(page: &str) -> Self {
        let (head_at, replaced) = match page.find(TEMPLATE_TITLE) {
            Some(at) => (at, TEMPLATE_TITLE.len()),
            None => (page.find("</head>").unwrap_or(0), 0),
        };
        let after_head = head_at + replaced;
        let markup_at = page[after_head..]
            .find(ROOT_ELEMENT)
            .map(|at| after_head + at + ROOT_ELEMENT.len())
            .or_else(|| {
                let start = after_head + page[after_head..].find("<body")?;
                Some(start + page[start..].find('>')? + 1)
            })
            .unwrap_or(page.len());
        Self {
            before_head: page[..head_at].to_owned(),
            replaces_title: replaced > 0,
            before_markup: page[after_head..markup_at].to_owned(),
            after_markup: page[markup_at..].to_owned(),
        }
    }

    fn len(&self) -> usize {
        self.before_head.len() + self.before_markup.len() + self.after_markup.len()
    }
}

/// The page at `route`, from the [`PageTemplate`]. `body` is the body data
/// of the route's post or page, rendered by the caller (which also writes it
/// for the app), so each body is rendered once per build; `fingerprint` is
/// the page's data fingerprint, worked out once by the caller too.
pub fn render_page(
    template: &PageTemplate,
    site: &SiteContext,
    route: &Route,
    body: Option<(String, Body)>,
    fingerprint: &str,
) -> String {
    let head = head_tags(site, route, fingerprint);
    let body_len = body.as_ref().map_or(0, |(_, body)| body.html.len());
    let mut page =
        String::with_capacity(template.len() + head.len() + body_len + MARKUP_BESIDE_BODY);
    page.push_str(&template.before_head);
    push_indented(&mut page, head.trim_end());
    if !template.replaces_title {
        page.push('\n');
    }
    page.push_str(&template.before_markup);
    // Nothing added around the markup: hydration walks it node by node.
    app_markup(site, route, body, &mut page);
    page.push_str(&template.after_markup);
    page
}

/// Room for a page's markup besides its body: a list of 20 cards with its
/// chips and pages is under 24 KiB (99 % of the pages of 10,000 posts), so
/// the page is written without growing.
const MARKUP_BESIDE_BODY: usize = 24 * 1024;

/// The head tags indented like the template's own head, for whoever reads
/// the source. (Only between tags: a newline inside a description stays as
/// written.)
fn push_indented(page: &mut String, head: &str) {
    let bytes = head.as_bytes();
    let mut from = 0;
    for newline in memchr::memchr_iter(b'\n', bytes) {
        let between_tags =
            newline > 0 && bytes[newline - 1] == b'>' && bytes.get(newline + 1) == Some(&b'<');
        if between_tags {
            page.push_str(&head[from..=newline]);
            page.push_str("  ");
            from = newline + 1;
        }
    }
    page.push_str(&head[from..]);
}

/// The route as the app renders it, with the data it would fetch given up
/// front, added to `page`.
fn app_markup(site: &SiteContext, route: &Route, body: Option<(String, Body)>, page: &mut String) {
    render_route(
        RouteData {
            manifest: site.app_manifest.clone(),
            browse: site.browse.clone(),
            cards: site.cards.clone(),
            content_base: site.content_base.to_owned(),
            path: route.href(site.base()),
            body,
            rendered_parts: site.rendered_parts.clone(),
        },
        page,
    )
}

/// The template in the site's language: `<html lang>` and the note for
/// readers without JavaScript. `<html lang>` is the site's on every page,
/// since it is the interface's language (the app reads it to speak it); a
/// post in another language says so on its `<article lang>`.
pub(super) fn in_site_language(page: &str, site: &SiteMeta) -> String {
    let note = site.interface_lang().messages().text(Text::NeedsJavaScript);
    set_html_lang(&page.replace(TEMPLATE_NOSCRIPT, note), &site.lang)
}

/// Adds `lang`, escaped, to the `<html>` tag unless the template already set one.
pub(super) fn set_html_lang(page: &str, lang: &str) -> String {
    let Some(start) = page.find("<html") else {
        return page.to_owned();
    };
    let Some(end) = page[start..].find('>').map(|i| start + i) else {
        return page.to_owned();
    };
    if page[start..end].contains(" lang=") {
        return page.to_owned();
    }
    let mut attribute = String::from(" lang=\"");
    let _ = escape_html(&mut attribute, lang);
    attribute.push('"');
    let mut page = page.to_owned();
    page.insert_str(start + "<html".len(), &attribute);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_added_once() {
        assert_eq!(set_html_lang("<html>", "ko"), "<html lang=\"ko\">");
        assert_eq!(
            set_html_lang("<html class=\"x\">", "en"),
            "<html lang=\"en\" class=\"x\">"
        );
        assert_eq!(
            set_html_lang("<html lang=\"fr\">", "en"),
            "<html lang=\"fr\">"
        );
    }

    fn cut(template: &PageTemplate) -> [&str; 3] {
        [
            &template.before_head,
            &template.before_markup,
            &template.after_markup,
        ]
    }

    #[test]
    fn the_head_stands_in_for_the_title_and_the_markup_fills_the_root() {
        let template = PageTemplate::new(
            "<head><title>Folio</title><meta></head><body><div id=\"folio-root\"></div></body>",
        );
        assert!(template.replaces_title);
        assert_eq!(
            cut(&template),
            [
                "<head>",
                "<meta></head><body><div id=\"folio-root\">",
                "</div></body>"
            ]
        );
    }

    #[test]
    fn content_starts_the_body_without_a_root() {
        let template = PageTemplate::new("<head></head><body class=\"a\">\n<noscript>");
        assert!(!template.replaces_title);
        assert_eq!(
            cut(&template),
            ["<head>", "</head><body class=\"a\">", "\n<noscript>"]
        );
    }

    #[test]
    fn head_tags_are_indented_between_tags_only() {
        let mut page = String::new();
        push_indented(
            &mut page,
            "<title>a</title>\n<meta content=\"x\ny\">\n<link>",
        );
        assert_eq!(
            page,
            "<title>a</title>\n  <meta content=\"x\ny\">\n  <link>"
        );
    }
}
