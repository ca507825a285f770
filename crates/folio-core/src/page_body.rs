//! A post's prerendered page doubles as its body data.
//!
//! The page already holds the body's HTML, rendered by `folio build` with
//! the one Markdown pipeline. What the app needs beyond it (the outline for
//! the table of contents, the images saving for offline fetches) follows
//! the HTML inside the same element, as an inert JSON block:
//!
//! ```html
//! <div class="post-body">…the body…<script type="application/json" id="folio-body">{"outline":[…]}</script></div>
//! ```
//!
//! So a site writes one file per post, not two; the app fetches the page
//! (`/posts/x/?v=<hash>`) when it opens a post, and reads the DOM when it
//! adopts a prerendered one. Neither marker can be forged by a post: text
//! escapes `<`, attribute values escape `"`, the sanitiser never lets a
//! `<script>` through, and the JSON escapes every `<` it holds.

use serde::{Deserialize, Serialize};

use crate::model::{Body, Heading, PageMeta, PostMeta};
use crate::routes::Route;

/// Opens the element a post's page shows its body in.
const BODY_OPEN: &str = r#"<div class="post-body">"#;
/// Opens the JSON block after the body's HTML (its `>` follows).
const DATA_OPEN: &str = r#"<script type="application/json" id="folio-body""#;
const DATA_CLOSE: &str = "</script>";

/// What a body's page carries beside its HTML.
#[derive(Debug, Default, Serialize, Deserialize)]
struct BodyData {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    outline: Vec<Heading>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    images: Vec<String>,
}

/// `body` with its data block after its HTML: what a prerendered page puts
/// in its body element.
pub fn with_data(mut body: Body) -> Body {
    let data = BodyData {
        outline: body.outline,
        images: body.images,
    };
    let json = serde_json::to_string(&data).expect("body data is plain data and always serializes");
    // `<` only occurs inside JSON strings, where `\u003c` reads the same;
    // without it, the block cannot be closed early (`</script>`) or opened as a comment.
    let json = json.replace('<', "\\u003c");
    body.html
        .reserve(DATA_OPEN.len() + json.len() + DATA_CLOSE.len() + 1);
    body.html.push_str(DATA_OPEN);
    body.html.push('>');
    body.html.push_str(&json);
    body.html.push_str(DATA_CLOSE);
    Body {
        html: body.html,
        outline: data.outline,
        images: data.images,
    }
}

/// The [`Body`] in a post's (or page's) prerendered page, as fetched.
pub fn body_from_page(page: &str) -> Option<Body> {
    let start = page.find(BODY_OPEN)? + BODY_OPEN.len();
    body_from_element(&page[start..])
}

/// The [`Body`] in the contents of a page's body element (its `innerHTML`,
/// as the browser serialises it, or the rest of the page after it opens).
pub fn body_from_element(inner: &str) -> Option<Body> {
    let at = inner.find(DATA_OPEN)?;
    let after = &inner[at + DATA_OPEN.len()..];
    let json_start = after.find('>')? + 1;
    let json_end = json_start + after[json_start..].find(DATA_CLOSE)?;
    let data: BodyData = serde_json::from_str(&after[json_start..json_end]).ok()?;
    Some(Body {
        html: inner[..at].to_owned(),
        outline: data.outline,
        images: data.images,
    })
}

/// Where the app fetches a post's body: its page, with the content hash as
/// the cache key (`/blog/posts/x/?v=1a2b`), so a kept copy is never an old one.
pub fn post_body_url(base_path: &str, post: &PostMeta) -> String {
    with_hash(Route::Post(post.slug.clone()).href(base_path), &post.hash)
}

/// [`post_body_url`] for a standalone page.
pub fn page_body_url(base_path: &str, page: &PageMeta) -> String {
    with_hash(Route::Page(page.slug.clone()).href(base_path), &page.hash)
}

fn with_hash(mut href: String, hash: &str) -> String {
    href.push_str("?v=");
    href.push_str(hash);
    href
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::sample;

    fn html_with_data(body: &Body) -> String {
        with_data(body.clone()).html
    }

    fn body(html: &str) -> Body {
        Body {
            html: html.to_owned(),
            outline: vec![Heading {
                level: 2,
                id: "서울".to_owned(),
                text: "</script><!-- 서울 \"quoted\"".to_owned(),
            }],
            images: vec!["sea.png".to_owned()],
        }
    }

    fn page_around(element: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>&lt;div class=\"post-body\"&gt;</title></head>\
             <body><div id=\"app\"><article><div class=\"post-body\">{element}</div>\
             <nav class=\"post-nav\"></nav></article></div></body></html>"
        )
    }

    #[test]
    fn a_page_gives_back_the_body_it_was_rendered_with() {
        let body = body("<h2 id=\"서울\">서울</h2><p>a <code>&lt;/script&gt;</code></p><div class=\"post-body\">x</div>");
        let page = page_around(&html_with_data(&body));
        assert_eq!(body_from_page(&page), Some(body));
    }

    #[test]
    fn the_data_block_cannot_be_closed_by_what_it_holds() {
        let element = html_with_data(&body("<p>x</p>"));
        let json = element.split_once("id=\"folio-body\">").unwrap().1;
        assert_eq!(json.matches('<').count(), 1, "only the closing tag: {json}");
    }

    #[test]
    fn a_body_without_outline_or_images_has_an_empty_block() {
        let plain = Body {
            html: "<p>x</p>".to_owned(),
            ..Body::default()
        };
        let element = html_with_data(&plain);
        assert!(element.ends_with(r#"<script type="application/json" id="folio-body">{}</script>"#));
        assert_eq!(body_from_element(&element), Some(plain));
    }

    #[test]
    fn the_element_as_the_browser_serialises_it_gives_the_body() {
        // The block's JSON is script text, which innerHTML leaves unescaped.
        let body = body("<p>a&amp;b</p>");
        let element = html_with_data(&body);
        assert_eq!(body_from_element(&element), Some(body));
    }

    #[test]
    fn a_page_without_body_data_gives_nothing() {
        assert_eq!(body_from_page("<html><body><p>404</p></body></html>"), None);
        assert_eq!(body_from_page(&page_around("<p>no data</p>")), None);
        let broken = page_around(
            r#"<p>x</p><script type="application/json" id="folio-body">{"outline":</script>"#,
        );
        assert_eq!(body_from_page(&broken), None);
    }

    #[test]
    fn body_urls_are_the_pages_with_the_hash() {
        let mut post = sample("서울-산책", "content/a.md");
        post.hash = "abc".to_owned();
        assert_eq!(
            post_body_url("/blog/", &post),
            "/blog/posts/%EC%84%9C%EC%9A%B8-%EC%82%B0%EC%B1%85/?v=abc"
        );
        let page = PageMeta {
            slug: "about".to_owned(),
            title: "About".to_owned(),
            summary: String::new(),
            source: "content/pages/about.md".to_owned(),
            hash: "def".to_owned(),
            lang: None,
            aliases: Vec::new(),
        };
        assert_eq!(page_body_url("/", &page), "/pages/about/?v=def");
    }
}
