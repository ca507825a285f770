//! Each page's `<head>` tags: what search engines, link previews and feed
//! readers read without running the app. The app later sets the same title
//! with `leptos_meta` on client-side navigation.
//!
//! Every value is escaped here, by the one writer of the head: `leptos_meta`
//! does not escape `<title>` when rendering natively, and the CSP allows each
//! inline script of the page by its hash, so a title carried into the head
//! unescaped could become a script the policy itself allows.

use folio_core::paging::Paging;
use folio_core::routes::{browse_filter_of, list_href, Route};
use folio_core::{PostMeta, Text};

use super::context::{feed_href, FeedKind, SiteContext};
use pulldown_cmark_escape::escape_html;

/// What a page says about itself, worked out once for every kind of tag.
struct PageSummary<'a> {
    post: Option<&'a PostMeta>,
    /// The `<title>`: the page's name and the site's.
    title: String,
    /// The page's own name, for link previews.
    name: String,
    description: String,
    /// Canonical URL: only when the site's URL is known.
    url: Option<String>,
    /// A 404 page answers at any missing address; search engines should skip it.
    indexable: bool,
    image: Option<String>,
}

/// The `<title>`, description, canonical link, OpenGraph and Twitter tags,
/// feed links and, for a post, its JSON-LD; `fingerprint` is the page's
/// data fingerprint ([`SiteContext::fingerprint_of_shown`]), which the build
/// has worked out already to know whether the page changed.
pub fn head_tags(site: &SiteContext, route: &Route, fingerprint: &str) -> String {
    let meta = site.site();
    let post = match route {
        Route::Post(slug) => site.post(slug),
        _ => None,
    };
    let title = page_title(site, route, post);
    let page = PageSummary {
        post,
        name: post.map_or_else(|| title.clone(), |p| p.title.clone()),
        title,
        description: post
            .map(|p| p.summary.as_str())
            .or_else(|| match route {
                Route::Page(slug) => site.page(slug).map(|p| p.summary.as_str()),
                _ => None,
            })
            .filter(|summary| !summary.is_empty())
            .map_or_else(|| list_description(site, route), str::to_owned),
        // Without the site's URL a canonical link could only be relative,
        // which search engines read as an error: better none at all.
        url: (*route != Route::NotFound && meta.url.is_some()).then(|| site.route_url(route)),
        // The search page holds no content of its own until something is searched for.
        indexable: !matches!(route, Route::NotFound | Route::Search),
        image: post
            .and_then(|p| p.cover.as_deref())
            .map(|c| site.cover_url(c)),
    };
    let mut head = String::new();
    basic_tags(&mut head, &page);
    // What the app checks before adopting the page's markup.
    meta_tag(&mut head, "name", "folio-data", fingerprint);
    meta_tag(&mut head, "name", "folio-route", &route.href(site.base()));
    open_graph_tags(&mut head, site, &page);
    twitter_tags(&mut head, &page);
    feed_links(&mut head, site, route);
    page_links(&mut head, site, route);
    if let Some(post) = post {
        head.push_str("<script type=\"application/ld+json\">");
        head.push_str(&json_for_script(&blog_posting(site, post)));
        head.push_str("</script>\n");
    }
    head
}

fn basic_tags(head: &mut String, page: &PageSummary) {
    head.push_str("<title>");
    push_text(head, &page.title);
    head.push_str("</title>\n");
    if !page.description.is_empty() {
        meta_tag(head, "name", "description", &page.description);
    }
    if let Some(url) = &page.url {
        link_tag(head, "canonical", None, None, url);
    }
    if !page.indexable {
        meta_tag(head, "name", "robots", "noindex");
    }
}

/// OpenGraph, read by most link previews (chat apps, social sites).
fn open_graph_tags(head: &mut String, site: &SiteContext, page: &PageSummary) {
    meta_tag(head, "property", "og:site_name", &site.site().title);
    meta_tag(head, "property", "og:title", &page.name);
    if !page.description.is_empty() {
        meta_tag(head, "property", "og:description", &page.description);
    }
    let og_type = if page.post.is_some() {
        "article"
    } else {
        "website"
    };
    meta_tag(head, "property", "og:type", og_type);
    if let Some(url) = &page.url {
        meta_tag(head, "property", "og:url", url);
    }
    if let Some(image) = &page.image {
        meta_tag(head, "property", "og:image", image);
    }
    if let Some(post) = page.post {
        meta_tag(head, "property", "article:published_time", &post.date);
        if let Some(updated) = &post.updated {
            meta_tag(head, "property", "article:modified_time", updated);
        }
        for tag in &post.tags {
            meta_tag(head, "property", "article:tag", tag);
        }
    }
}

/// Twitter's cards: a large image when the post has a cover.
fn twitter_tags(head: &mut String, page: &PageSummary) {
    let card = if page.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta_tag(head, "name", "twitter:card", card);
    meta_tag(head, "name", "twitter:title", &page.name);
    if !page.description.is_empty() {
        meta_tag(head, "name", "twitter:description", &page.description);
    }
    if let Some(image) = &page.image {
        meta_tag(head, "name", "twitter:image", image);
    }
}

/// The site's feeds on every page, so a feed reader finds them from any
/// address; a tag's page also offers that tag's feeds.
fn feed_links(head: &mut String, site: &SiteContext, route: &Route) {
    let name = &site.site().title;
    for kind in FeedKind::ALL {
        let href = feed_href(site.base(), None, kind);
        link_tag(
            head,
            "alternate",
            Some(kind.media_type()),
            Some(name),
            &href,
        );
    }
    if let Route::Tag(tag) = route {
        let feed_title = format!("#{tag} · {name}");
        for kind in FeedKind::ALL {
            let href = feed_href(site.base(), Some(tag), kind);
            link_tag(
                head,
                "alternate",
                Some(kind.media_type()),
                Some(&feed_title),
                &href,
            );
        }
    }
}

/// `rel="prev"`/`rel="next"` between the pages of a list, for crawlers.
fn page_links(head: &mut String, site: &SiteContext, route: &Route) {
    if !route.is_list() {
        return;
    }
    let filter = browse_filter_of(route, "");
    let Some(paging) = Paging::of(site.list_len(route), site.site().page_size, route.page()) else {
        return;
    };
    let pages = [("prev", paging.previous()), ("next", paging.next())];
    for (rel, page) in pages {
        if let Some(page) = page {
            let href = site.absolute(&list_href(site.base(), &filter, page));
            link_tag(head, rel, None, None, &href);
        }
    }
}

/// What a list page holds, for search results and link previews: the site's
/// own description on the home page when it has one, otherwise a sentence
/// made from the site's title and its counts.
fn list_description(site: &SiteContext, route: &Route) -> String {
    let meta = site.site();
    let posts = &site.manifest.posts;
    let title = &meta.title;
    let m = meta.interface_lang().messages();
    let route = match route {
        Route::Paged(list, _) => list,
        route => route,
    };
    match route {
        Route::Home | Route::NotFound if !meta.description.is_empty() => meta.description.clone(),
        Route::Tag(tag) => m.tag_description(site.list_len(route), tag, title),
        Route::Year(year) => m.year_description(site.list_len(route), *year, title),
        Route::TagIndex => m.tag_index_description(posts.len(), title),
        Route::Timeline => m.timeline_description(posts.len(), title),
        _ => m.home_description(posts.len(), title),
    }
}

fn page_title(site: &SiteContext, route: &Route, post: Option<&PostMeta>) -> String {
    let name = &site.site().title;
    let words = site.site().interface_lang().messages();
    match route {
        Route::Post(_) => post.map_or_else(|| name.clone(), |p| format!("{} · {name}", p.title)),
        Route::Page(slug) => site
            .page(slug)
            .map_or_else(|| name.clone(), |p| format!("{} · {name}", p.title)),
        list if list.is_list() => {
            browse_filter_of(list, "").title_in(site.site().interface_lang(), list.page(), name)
        }
        Route::TagIndex => format!("{} · {name}", words.text(Text::Tags)),
        Route::Timeline => format!("{} · {name}", words.text(Text::Timeline)),
        Route::Search => format!("{} · {name}", words.text(Text::Search)),
        _ => format!("{} · {name}", words.text(Text::NotFound)),
    }
}

/// schema.org `BlogPosting`, the structured data search engines read for
/// articles. Fields in the order of their names, as the JSON has always had
/// them.
#[derive(serde::Serialize)]
struct BlogPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Person<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(rename = "datePublished")]
    date_published: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keywords: &'a [String],
    #[serde(rename = "mainEntityOfPage", skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct Person<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

fn blog_posting(site: &SiteContext, post: &PostMeta) -> String {
    // Structured data wants absolute addresses; without the site's URL there are none.
    let url = site
        .site()
        .url
        .is_some()
        .then(|| site.route_url(&Route::Post(post.slug.clone())));
    let data = BlogPosting {
        context: "https://schema.org",
        kind: "BlogPosting",
        author: post.author.as_deref().map(|name| Person {
            kind: "Person",
            name,
        }),
        date_modified: post.updated.as_deref(),
        date_published: &post.date,
        description: &post.summary,
        headline: &post.title,
        image: post.cover.as_deref().map(|cover| site.cover_url(cover)),
        in_language: post.lang.as_deref().unwrap_or(&site.site().lang),
        keywords: &post.tags,
        main_entity_of_page: url.as_deref(),
        url: url.as_deref(),
    };
    serde_json::to_string(&data).expect("plain strings always serialize")
}

/// JSON that cannot end its `<script>` early: `</` becomes `<\/`, and `<!--`
/// (which changes how the browser finds the end of a script) `\u003c!--`.
/// Both only occur inside JSON strings, where the escapes mean the same text.
fn json_for_script(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

fn meta_tag(head: &mut String, key: &str, name: &str, content: &str) {
    head.push_str("<meta ");
    head.push_str(key);
    head.push_str("=\"");
    push_text(head, name);
    head.push_str("\" content=\"");
    push_text(head, content);
    head.push_str("\">\n");
}

fn link_tag(
    head: &mut String,
    rel: &str,
    media_type: Option<&str>,
    title: Option<&str>,
    href: &str,
) {
    head.push_str("<link rel=\"");
    head.push_str(rel);
    head.push('"');
    if let Some(media_type) = media_type {
        head.push_str(" type=\"");
        head.push_str(media_type);
        head.push('"');
    }
    if let Some(title) = title {
        head.push_str(" title=\"");
        push_text(head, title);
        head.push('"');
    }
    head.push_str(" href=\"");
    push_text(head, href);
    head.push_str("\">\n");
}

/// Escapes text for element content and double-quoted attributes.
pub fn push_text(html: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = escape_html(&mut *html, text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let value = json!({ "headline": "a </script><script>alert(1)</script> <!-- b" });
        let text = json_for_script(&value.to_string());
        assert!(!text.contains("</"));
        assert!(!text.contains("<!--"));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }
}
