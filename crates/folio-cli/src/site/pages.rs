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

/// The page at `route`, from the [`site_template`]. `body` is the body data
/// of the route's post or page, rendered by the caller (which also writes it
/// for the app), so each body is rendered once per build; `fingerprint` is
/// the page's data fingerprint, worked out once by the caller too.
pub fn render_page(
    page: &str,
    site: &SiteContext,
    route: &Route,
    body: Option<(String, Body)>,
    fingerprint: &str,
) -> String {
    // Indented like the template's own head, for whoever reads the source.
    // (Only between tags: a newline inside a description stays as written.)
    let head = head_tags(site, route, fingerprint)
        .trim_end()
        .replace(">\n<", ">\n  <");
    let page = match page.find(TEMPLATE_TITLE) {
        Some(at) => splice(page, at, TEMPLATE_TITLE.len(), &head),
        None => insert_before(page, "</head>", &format!("{head}\n")),
    };
    let markup = app_markup(site, route, body);
    match page.find(ROOT_ELEMENT) {
        // Nothing added around the markup: hydration walks it node by node.
        Some(at) => splice(&page, at + ROOT_ELEMENT.len(), 0, &markup),
        None => insert_after_body_open(&page, &markup),
    }
}

/// The route as the app renders it, with the data it would fetch given up front.
fn app_markup(site: &SiteContext, route: &Route, body: Option<(String, Body)>) -> String {
    render_route(RouteData {
        manifest: site.app_manifest.clone(),
        browse: site.browse.clone(),
        cards: site.cards.clone(),
        content_base: site.content_base.to_owned(),
        path: route.href(site.base()),
        body,
        rendered_parts: site.rendered_parts.clone(),
    })
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
    let at = start + "<html".len();
    splice(page, at, 0, &attribute)
}

fn insert_after_body_open(page: &str, html: &str) -> String {
    let at = page
        .find("<body")
        .and_then(|start| page[start..].find('>').map(|i| start + i + 1));
    match at {
        Some(at) => splice(page, at, 0, html),
        None => format!("{page}{html}"),
    }
}

fn insert_before(page: &str, marker: &str, html: &str) -> String {
    match page.find(marker) {
        Some(at) => splice(page, at, 0, html),
        None => format!("{html}{page}"),
    }
}

/// `page` with `len` bytes at `at` replaced by `with`.
fn splice(page: &str, at: usize, len: usize, with: &str) -> String {
    let mut out = String::with_capacity(page.len() + with.len());
    out.push_str(&page[..at]);
    out.push_str(with);
    out.push_str(&page[at + len..]);
    out
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

    #[test]
    fn content_starts_the_body_without_a_root() {
        assert_eq!(
            insert_after_body_open("<body class=\"a\">\n<noscript>", "\nX"),
            "<body class=\"a\">\nX\n<noscript>"
        );
    }
}
