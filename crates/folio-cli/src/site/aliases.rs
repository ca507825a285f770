//! Redirect pages at a post's old addresses (`aliases`, `url`, `permalink`
//! of imported posts), so links into the old blog keep working on a static
//! host with no redirect rules: a meta refresh, a canonical link for search
//! engines, and a visible link for everyone else.

use folio_core::routes::{decode_component, Route};
use folio_core::PostMeta;

use super::context::SiteContext;
use super::static_html::push_text;

/// A redirect page to write, or why an alias cannot have one.
pub struct AliasPage {
    /// Path relative to the output folder.
    pub file: String,
    pub html: String,
    /// Where the alias was written, for messages: the post's file and the alias.
    pub origin: String,
}

/// Every alias page of every post; aliases that cannot be a file are returned as warnings.
pub fn alias_pages(site: &SiteContext) -> (Vec<AliasPage>, Vec<String>) {
    let mut pages = Vec::new();
    let mut warnings = Vec::new();
    for post in &site.manifest.posts {
        for alias in &post.aliases {
            let origin = format!("{}: alias `{alias}`", post_file(post));
            match alias_file(alias) {
                Some(file) => pages.push(AliasPage {
                    file,
                    html: redirect_page(site, post),
                    origin,
                }),
                None => warnings.push(format!(
                    "{origin} is not a plain path of this site, so no redirect page was written\n  fix: use a path such as `/2021/12/old-post/`, with no query or `..`"
                )),
            }
        }
    }
    (pages, warnings)
}

/// The post's file as the author knows it, relative to the content folder.
fn post_file(post: &PostMeta) -> &str {
    post.source.strip_prefix("content/").unwrap_or(&post.source)
}

/// The file that answers at `alias`: `<alias>/index.html`, or the alias itself
/// when it names an `.html` file. `None` for queries, fragments, `..` and the like.
pub fn alias_file(alias: &str) -> Option<String> {
    let alias = alias.trim();
    if alias.contains(['?', '#', '\\', '\0']) || alias.contains("://") {
        return None;
    }
    let segments: Vec<String> = alias
        .split('/')
        .filter(|s| !s.is_empty())
        .map(decode_component)
        .collect();
    let plain = |s: &String| s != "." && s != ".." && !s.contains(['/', '\\', '\0']);
    if segments.is_empty() || !segments.iter().all(plain) {
        return None;
    }
    let path = segments.join("/");
    let is_file = !alias.ends_with('/') && (path.ends_with(".html") || path.ends_with(".htm"));
    Some(if is_file {
        path
    } else {
        format!("{path}/index.html")
    })
}

fn redirect_page(site: &SiteContext, post: &PostMeta) -> String {
    let route = Route::Post(post.slug.clone());
    let href = route.href(site.base());
    let canonical = site.route_url(&route);
    let lang = post.lang.as_deref().unwrap_or(&site.site().lang);
    let mut html = String::from("<!DOCTYPE html>\n<html lang=\"");
    push_text(&mut html, lang);
    html.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    push_text(&mut html, &post.title);
    html.push_str("</title>\n<link rel=\"canonical\" href=\"");
    push_text(&mut html, &canonical);
    html.push_str("\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
    push_text(&mut html, &href);
    html.push_str("\">\n</head>\n<body>\n<p>This post has moved to <a href=\"");
    push_text(&mut html, &href);
    html.push_str("\">");
    push_text(&mut html, &post.title);
    html.push_str("</a>.</p>\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("/2021/12/hugo-with-toml/", Some("2021/12/hugo-with-toml/index.html") ; "folder")]
    #[test_case("2021/12/old", Some("2021/12/old/index.html") ; "no slashes")]
    #[test_case("/old/post.html", Some("old/post.html") ; "html file")]
    #[test_case("/%ED%9A%8C%EA%B3%A0/", Some("회고/index.html") ; "encoded hangul")]
    #[test_case("/?p=123", None ; "query")]
    #[test_case("/../etc/", None ; "parent")]
    #[test_case("/a/%2E%2E/b/", None ; "encoded parent")]
    #[test_case("/", None ; "root")]
    #[test_case("https://old.example.com/x/", None ; "other site")]
    fn aliases_map_to_files(alias: &str, expected: Option<&str>) {
        assert_eq!(alias_file(alias).as_deref(), expected);
    }
}
