//! Redirect pages at a post's old addresses (`aliases`, `url`, `permalink`
//! of imported posts), so links into the old blog keep working on a static
//! host with no redirect rules: a meta refresh, a canonical link for search
//! engines, and a visible link for everyone else.

use folio_core::routes::{decode_component, Route};

use super::context::SiteContext;
use folio_app::{render_moved, Moved};

/// A redirect page to write, or why an alias cannot have one.
pub struct AliasPage {
    /// Path relative to the output folder.
    pub file: String,
    pub html: String,
    /// Where the alias was written, for messages: the post's file and the alias.
    pub origin: String,
}

/// What an alias sends readers on to.
struct Target<'a> {
    route: Route,
    title: &'a str,
    /// The post's or page's body file, for messages.
    source: &'a str,
    aliases: &'a [String],
}

/// Every alias page of every post and page; aliases that cannot be a file are returned as warnings.
pub fn alias_pages(site: &SiteContext) -> (Vec<AliasPage>, Vec<String>) {
    let posts = site.manifest.posts.iter().map(|post| Target {
        route: Route::Post(post.slug.clone()),
        title: &post.title,
        source: &post.source,
        aliases: &post.aliases,
    });
    let pages = site.manifest.pages.iter().map(|page| Target {
        route: Route::Page(page.slug.clone()),
        title: &page.title,
        source: &page.source,
        aliases: &page.aliases,
    });
    let mut pages_out = Vec::new();
    let mut warnings = Vec::new();
    for target in posts.chain(pages) {
        for alias in target.aliases {
            let origin = format!("{}: alias `{alias}`", source_file(target.source));
            match alias_file(alias) {
                Some(file) => pages_out.push(AliasPage {
                    file,
                    html: redirect_page(site, &target),
                    origin,
                }),
                None => warnings.push(format!(
                    "{origin} is not a plain path of this site, so no redirect page was written\n  fix: use a path such as `/2021/12/old-post/`, with no query or `..`"
                )),
            }
        }
    }
    (pages_out, warnings)
}

/// The post's file as the author knows it, relative to the content folder.
fn source_file(source: &str) -> &str {
    source.strip_prefix("content/").unwrap_or(source)
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

fn redirect_page(site: &SiteContext, target: &Target) -> String {
    render_moved(Moved {
        href: target.route.href(site.base()),
        canonical: site
            .site()
            .url
            .is_some()
            .then(|| site.route_url(&target.route)),
        title: target.title.to_owned(),
        lang: site.site().lang.clone(),
    })
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
