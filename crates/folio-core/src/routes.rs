//! URL building and parsing. Every route is a real folder with an `index.html`
//! (`posts/<slug>/`), so it opens on any static host without rewrite rules;
//! hrefs carry the site's base path so the same build works under a sub-path.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::browse::{BrowseFilter, TagMatch};

/// Characters kept as they are in a path segment or query value (RFC 3986 unreserved).
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment or query value; Hangul becomes UTF-8 `%XX` bytes.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_encoded(&mut out, text);
    out
}

/// [`encode_component`] onto the end of `out`: hrefs are built in one string.
fn push_encoded(out: &mut String, text: &str) {
    out.extend(utf8_percent_encode(text, ENCODED));
}

/// Decodes a percent-encoded component; text that is not valid UTF-8 once decoded is kept as is.
pub fn decode_component(text: &str) -> String {
    percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_owned(), |decoded| decoded.into_owned())
}

/// Normalises a base path to the `/…/` form every href builder expects.
pub fn normalize_base_path(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Post(String),
    /// A standalone page such as "about".
    Page(String),
    TagIndex,
    Tag(String),
    Timeline,
    Year(i32),
    /// One tag's posts of one year (`years/2023/tags/notes/`): where a year
    /// chip on a tag's page leads, so it works without JavaScript too.
    TagYear(String, i32),
    /// Page 2 or later of a list route (`page/2/`, `tags/rust/page/3/`): a
    /// real folder, so long lists page without JavaScript and for crawlers.
    Paged(Box<Route>, usize),
    /// The search page; what is searched for is its query, `search/?q=서울`
    /// ([`search_href`], [`search_text_of`]).
    Search,
    NotFound,
}

impl Route {
    /// Path below the base path, percent-encoded, with a trailing slash for folders.
    pub fn relative_href(&self) -> String {
        let mut out = String::new();
        self.push_relative_href(&mut out);
        out
    }

    /// [`Route::relative_href`] onto the end of `out`.
    fn push_relative_href(&self, out: &mut String) {
        let folder = |out: &mut String, parent: &str, name: &str| {
            out.push_str(parent);
            push_encoded(out, name);
            out.push('/');
        };
        match self {
            Route::Home => {}
            Route::Post(slug) => folder(out, "posts/", slug),
            Route::Page(slug) => folder(out, "pages/", slug),
            Route::TagIndex => out.push_str("tags/"),
            Route::Tag(tag) => folder(out, "tags/", tag),
            Route::Timeline => out.push_str("timeline/"),
            Route::Year(year) => folder(out, "years/", &year.to_string()),
            Route::TagYear(tag, year) => {
                folder(out, "years/", &year.to_string());
                folder(out, "tags/", tag);
            }
            Route::Paged(list, page) => {
                list.push_relative_href(out);
                folder(out, "page/", &page.to_string());
            }
            Route::Search => out.push_str("search/"),
            Route::NotFound => out.push_str("404.html"),
        }
    }

    /// Absolute-path href under `base_path`.
    pub fn href(&self, base_path: &str) -> String {
        let mut out = normalize_base_path(base_path);
        self.push_relative_href(&mut out);
        out
    }

    /// File (relative to the output folder, not encoded) that serves this route.
    pub fn output_file(&self) -> String {
        match self {
            Route::Home => "index.html".to_owned(),
            Route::Post(slug) => format!("posts/{slug}/index.html"),
            Route::Page(slug) => format!("pages/{slug}/index.html"),
            Route::TagIndex => "tags/index.html".to_owned(),
            Route::Tag(tag) => format!("tags/{tag}/index.html"),
            Route::Timeline => "timeline/index.html".to_owned(),
            Route::Year(year) => format!("years/{year}/index.html"),
            Route::TagYear(tag, year) => format!("years/{year}/tags/{tag}/index.html"),
            Route::Paged(list, page) => {
                let folder = list.output_file();
                let folder = folder.strip_suffix("index.html").unwrap_or(&folder);
                format!("{folder}page/{page}/index.html")
            }
            Route::Search => "search/index.html".to_owned(),
            Route::NotFound => "404.html".to_owned(),
        }
    }

    /// Whether this route shows a list of posts that pages: home, a tag, a year.
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            Route::Home | Route::Tag(_) | Route::Year(_) | Route::TagYear(..) | Route::Paged(..)
        )
    }

    /// Page `page` of this list route: the route itself for page 1, else
    /// [`Route::Paged`]. Other routes do not page and stay as they are.
    pub fn with_page(self, page: usize) -> Route {
        match self {
            Route::Paged(list, _) => list.with_page(page),
            list if page > 1 && list.is_list() => Route::Paged(Box::new(list), page),
            route => route,
        }
    }

    /// The page of a list this route shows; 1 for every route but [`Route::Paged`].
    pub fn page(&self) -> usize {
        match self {
            Route::Paged(_, page) => *page,
            _ => 1,
        }
    }
}

impl Route {
    /// The route at `path`, a percent-encoded path below the base path as a
    /// browser shows it (`posts/%EC%84%9C%EC%9A%B8/`, `tags/CI/CD/`); the
    /// trailing slash is optional. Anything else is [`Route::NotFound`].
    pub fn from_relative(path: &str) -> Route {
        let path = path.trim_start_matches('/');
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = path.trim_end_matches('/');
        // `…/page/<n>/` of a list; a tag that happens to end so (`tags/page/2/`
        // is the tag `page/2` only if `tags/` were a list, which it is not).
        if let Some((list, page)) = split_page_suffix(path) {
            let list = Route::from_unpaged(list);
            if page >= 2 && list.is_list() {
                return Route::Paged(Box::new(list), page);
            }
        }
        Route::from_unpaged(path)
    }

    fn from_unpaged(path: &str) -> Route {
        let (head, rest) = path.split_once('/').unwrap_or((path, ""));
        match (head, rest) {
            ("", "") => Route::Home,
            ("tags", "") => Route::TagIndex,
            ("timeline", "") => Route::Timeline,
            ("search", "") => Route::Search,
            // A tag may hold `/` (`CI/CD`), written as nested folders or `%2F`.
            ("tags", tag) => Route::Tag(decode_component(tag)),
            ("posts", slug) if !slug.contains('/') => Route::Post(decode_component(slug)),
            ("pages", slug) if !slug.contains('/') => Route::Page(decode_component(slug)),
            ("years", rest) => match rest.split_once("/tags/") {
                Some((year, tag)) if !tag.is_empty() => {
                    year.parse().map_or(Route::NotFound, |year| {
                        Route::TagYear(decode_component(tag), year)
                    })
                }
                _ => rest.parse().map_or(Route::NotFound, Route::Year),
            },
            _ => Route::NotFound,
        }
    }
}

/// `tags/rust/page/3` → (`tags/rust`, 3); `page/2` → (``, 2).
fn split_page_suffix(path: &str) -> Option<(&str, usize)> {
    let (rest, number) = path.rsplit_once('/')?;
    let list = match rest.strip_suffix("page")? {
        "" => "",
        list => list.strip_suffix('/')?,
    };
    let page = number.parse().ok()?;
    (!number.starts_with('0')).then_some((list, page))
}

/// The raw (still percent-encoded) value of `key` in a query string such as
/// `?tags=a,b&year=2022`.
pub fn query_value<'q>(query: &'q str, key: &str) -> Option<&'q str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(name, _)| *name == key)
        .map(|(_, value)| value)
}

/// The href of the search page searching for `text`: `/search/?q=%EC%84%9C%EC%9A%B8`,
/// or `/search/` for nothing.
pub fn search_href(base_path: &str, text: &str) -> String {
    let page = Route::Search.href(base_path);
    if text.is_empty() {
        page
    } else {
        format!("{page}?q={}", encode_component(text))
    }
}

/// What the search page searches for, from its query string (`?q=…`). A
/// browser submitting the search form without JavaScript writes spaces as
/// `+`, so `+` is a space; a literal plus arrives as `%2B`.
pub fn search_text_of(query: &str) -> String {
    query_value(query, "q")
        .map(|value| decode_component(&value.replace('+', " ")))
        .unwrap_or_default()
}

/// The filter a browse page shows: its route's tag or year, then the query.
pub fn browse_filter_of(route: &Route, query: &str) -> BrowseFilter {
    let route = match route {
        Route::Paged(list, _) => list,
        route => route,
    };
    let year = match route {
        Route::Year(year) | Route::TagYear(_, year) => Some(year.to_string()),
        _ => None,
    };
    let tag = match route {
        Route::Tag(tag) | Route::TagYear(tag, _) => Some(encode_component(tag)),
        _ => None,
    };
    parse_browse_filter(
        tag.as_deref(),
        year.as_deref(),
        query_value(query, "tags"),
        query_value(query, "year"),
        query_value(query, "match"),
    )
}

/// The href that shows `filter`: the page of one tag or one year when that is
/// all there is, else the home page with query parameters, e.g.
/// `/?tags=%ED%9A%8C%EA%B3%A0,kubernetes&year=2022`.
pub fn browse_href(base_path: &str, filter: &BrowseFilter) -> String {
    let base = normalize_base_path(base_path);
    let any = filter.tag_match == TagMatch::Any && filter.tags.len() > 1;
    match (filter.tags.as_slice(), filter.year) {
        ([], None) => base,
        ([tag], None) => Route::Tag(tag.clone()).href(&base),
        ([], Some(year)) => Route::Year(year).href(&base),
        ([tag], Some(year)) => Route::TagYear(tag.clone(), year).href(&base),
        (tags, year) => {
            let mut params = Vec::new();
            if !tags.is_empty() {
                let joined: Vec<String> = tags.iter().map(|t| encode_component(t)).collect();
                params.push(format!("tags={}", joined.join(",")));
            }
            if let Some(year) = year {
                params.push(format!("year={year}"));
            }
            if any {
                params.push("match=any".to_owned());
            }
            format!("{base}?{}", params.join("&"))
        }
    }
}

/// The page of a list an address shows: its `page/<n>/` folder, or the
/// `page` parameter of a filter that lives in the query; 1 otherwise.
pub fn list_page_of(route: &Route, query: &str) -> usize {
    match route {
        Route::Paged(_, page) => *page,
        _ => query_value(query, "page")
            .and_then(|page| page.parse().ok())
            .filter(|&page| page >= 1)
            .unwrap_or(1),
    }
}

/// The href of page `page` of the list `filter` shows: a `page/<n>/`
/// folder below the filter's own page, or `&page=<n>` for a filter that
/// lives in the query.
pub fn list_href(base_path: &str, filter: &BrowseFilter, page: usize) -> String {
    let first = browse_href(base_path, filter);
    match (page, first.contains('?')) {
        (0 | 1, _) => first,
        (_, true) => format!("{first}&page={page}"),
        (_, false) => format!("{first}page/{page}/"),
    }
}

/// Reads a filter back from a route's tag or year and the query parameters
/// (`tags`, `year`, `match`), as already split by the router. Values arrive
/// decoded or not depending on the router, so each tag is decoded once more;
/// decoding is a no-op on text without `%`.
pub fn parse_browse_filter(
    path_tag: Option<&str>,
    path_year: Option<&str>,
    query_tags: Option<&str>,
    query_year: Option<&str>,
    query_match: Option<&str>,
) -> BrowseFilter {
    let mut tags: Vec<String> = Vec::new();
    let from_path = path_tag.map(decode_component);
    let from_query = query_tags
        .into_iter()
        .flat_map(|list| list.split(','))
        .map(decode_component);
    for tag in from_path.into_iter().chain(from_query) {
        let tag = tag.trim().to_owned();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let year = path_year.or(query_year).and_then(|y| y.trim().parse().ok());
    let tag_match = match query_match {
        Some("any") => TagMatch::Any,
        _ => TagMatch::All,
    };
    BrowseFilter {
        tags,
        year,
        tag_match,
    }
}

/// Resolves a link or image URL written in a post against the post's folder.
/// Returns `None` for schemes that must not reach the page (`javascript:`, `data:`…).
pub fn resolve_post_url(url: &str, post_dir_href: &str) -> Option<String> {
    let url = url.trim();
    if let Some(scheme) = scheme_of(url) {
        return matches!(scheme.as_str(), "http" | "https" | "mailto").then(|| url.to_owned());
    }
    if url.starts_with('#') || url.starts_with('/') || url.is_empty() {
        return Some(url.to_owned());
    }
    Some(join_relative(post_dir_href, url))
}

/// The scheme of an absolute URL, lower-cased; `None` for relative references.
fn scheme_of(url: &str) -> Option<String> {
    // Browsers ignore ASCII tab and newline inside a scheme (`java\tscript:`).
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let before_path = cleaned
        .find(['/', '?', '#'])
        .is_none_or(|slash| colon < slash);
    let looks_like_scheme = candidate.chars().enumerate().all(|(i, c)| {
        c.is_ascii_alphabetic() || (i > 0 && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.')))
    });
    (before_path && !candidate.is_empty() && looks_like_scheme)
        .then(|| candidate.to_ascii_lowercase())
}

/// Joins `relative` to the folder `dir` (which ends with `/`), folding `.` and `..`.
fn join_relative(dir: &str, relative: &str) -> String {
    let (path, suffix) = match relative.find(['?', '#']) {
        Some(at) => relative.split_at(at),
        None => (relative, ""),
    };
    let mut segments: Vec<&str> = dir.trim_end_matches('/').split('/').collect();
    for segment in path.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
            }
            other => segments.push(other),
        }
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    format!("{}{trailing}{suffix}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("", "/" ; "empty")]
    #[test_case("/", "/" ; "root")]
    #[test_case("blog", "/blog/" ; "bare name")]
    #[test_case("/blog", "/blog/" ; "no trailing slash")]
    #[test_case("/a/b/", "/a/b/" ; "nested")]
    fn base_paths_are_normalised(input: &str, expected: &str) {
        assert_eq!(normalize_base_path(input), expected);
    }

    #[test]
    fn routes_carry_the_base_path_and_encode_hangul() {
        assert_eq!(Route::Home.href("/blog/"), "/blog/");
        assert_eq!(
            Route::Post("hello-world".into()).href("/"),
            "/posts/hello-world/"
        );
        assert_eq!(
            Route::Tag("회고".into()).href("/blog"),
            "/blog/tags/%ED%9A%8C%EA%B3%A0/"
        );
        assert_eq!(
            Route::Tag("c++ & rust".into()).href("/"),
            "/tags/c%2B%2B%20%26%20rust/"
        );
        assert_eq!(Route::Year(2022).href("/"), "/years/2022/");
        assert_eq!(
            Route::Post("회고".into()).output_file(),
            "posts/회고/index.html"
        );
    }

    #[test]
    fn browse_href_uses_the_simplest_form() {
        let only_tag = BrowseFilter {
            tags: vec!["회고".into()],
            ..Default::default()
        };
        assert_eq!(browse_href("/", &only_tag), "/tags/%ED%9A%8C%EA%B3%A0/");
        let only_year = BrowseFilter {
            year: Some(2022),
            ..Default::default()
        };
        assert_eq!(browse_href("/b/", &only_year), "/b/years/2022/");
        let both = BrowseFilter {
            tags: vec!["회고".into(), "k8s".into()],
            year: Some(2022),
            tag_match: TagMatch::Any,
        };
        assert_eq!(
            browse_href("/", &both),
            "/?tags=%ED%9A%8C%EA%B3%A0,k8s&year=2022&match=any"
        );
        assert_eq!(browse_href("/", &BrowseFilter::default()), "/");
        let tag_in_year = BrowseFilter {
            tags: vec!["회고".into()],
            year: Some(2022),
            ..Default::default()
        };
        assert_eq!(
            browse_href("/", &tag_in_year),
            "/years/2022/tags/%ED%9A%8C%EA%B3%A0/"
        );
    }

    #[test]
    fn browse_filters_round_trip_through_urls() {
        let filter = BrowseFilter {
            tags: vec!["회고".into(), "a,b".into()],
            year: Some(2021),
            tag_match: TagMatch::Any,
        };
        let href = browse_href("/", &filter);
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let get = |key: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
        };
        let parsed = parse_browse_filter(None, None, get("tags"), get("year"), get("match"));
        assert_eq!(parsed, filter);
    }

    #[test]
    fn path_tag_and_query_year_combine() {
        let parsed =
            parse_browse_filter(Some("%ED%9A%8C%EA%B3%A0"), None, None, Some("2022"), None);
        assert_eq!(parsed.tags, ["회고"]);
        assert_eq!(parsed.year, Some(2022));
        let bad_year = parse_browse_filter(None, Some("twenty"), None, None, None);
        assert_eq!(bad_year.year, None);
    }

    #[test_case("img.png", "/content/2023/trip/img.png" ; "sibling")]
    #[test_case("./img.png", "/content/2023/trip/img.png" ; "dot slash")]
    #[test_case("../shared/a.png", "/content/2023/shared/a.png" ; "parent")]
    #[test_case("../../../../x.png", "/x.png" ; "cannot climb above root")]
    #[test_case("a b.png#frag", "/content/2023/trip/a b.png#frag" ; "keeps fragment")]
    #[test_case("https://example.com/x", "https://example.com/x" ; "absolute https")]
    #[test_case("mailto:me@example.com", "mailto:me@example.com" ; "mailto")]
    #[test_case("#section", "#section" ; "fragment only")]
    #[test_case("/about/", "/about/" ; "site absolute")]
    fn post_urls_resolve_against_the_post_folder(url: &str, expected: &str) {
        assert_eq!(
            resolve_post_url(url, "/content/2023/trip/").as_deref(),
            Some(expected)
        );
    }

    #[test_case("javascript:alert(1)" ; "javascript")]
    #[test_case("JavaScript:alert(1)" ; "mixed case")]
    #[test_case("java\tscript:alert(1)" ; "tab inside scheme")]
    #[test_case(" javascript:alert(1)" ; "leading space")]
    #[test_case("data:text/html,<script>" ; "data")]
    #[test_case("vbscript:msgbox" ; "vbscript")]
    fn dangerous_schemes_are_refused(url: &str) {
        assert_eq!(resolve_post_url(url, "/content/"), None);
    }
}

#[cfg(test)]
mod route_parsing_tests {
    use super::*;
    use test_case::test_case;

    #[test_case("", Route::Home ; "home")]
    #[test_case("index.html", Route::Home ; "home file")]
    #[test_case("posts/walk/", Route::Post("walk".into()) ; "post")]
    #[test_case("posts/%EC%84%9C%EC%9A%B8", Route::Post("서울".into()) ; "encoded post without slash")]
    #[test_case("pages/about/", Route::Page("about".into()) ; "page")]
    #[test_case("tags/", Route::TagIndex ; "tag index")]
    #[test_case("tags/CI/CD/", Route::Tag("CI/CD".into()) ; "tag with slash as folders")]
    #[test_case("tags/CI%2FCD/", Route::Tag("CI/CD".into()) ; "tag with encoded slash")]
    #[test_case("years/2023/", Route::Year(2023) ; "year")]
    #[test_case("years/soon/", Route::NotFound ; "year that is not a number")]
    #[test_case("years/2023/tags/CI/CD/", Route::TagYear("CI/CD".into(), 2023) ; "tag in a year")]
    #[test_case("years/2023/tags/", Route::NotFound ; "year with an empty tag")]
    #[test_case("timeline/", Route::Timeline ; "timeline")]
    #[test_case("search/", Route::Search ; "search")]
    #[test_case("search/index.html", Route::Search ; "search file")]
    #[test_case("404.html", Route::NotFound ; "not found page")]
    #[test_case("posts/a/b/", Route::NotFound ; "nested post")]
    #[test_case("elsewhere/", Route::NotFound ; "unknown")]
    #[test_case("page/2/", Route::Home.with_page(2) ; "home page 2")]
    #[test_case("tags/rust/page/3/", Route::Tag("rust".into()).with_page(3) ; "tag page 3")]
    #[test_case("years/2023/tags/CI/CD/page/2", Route::TagYear("CI/CD".into(), 2023).with_page(2) ; "tag in a year page 2")]
    #[test_case("page/1/", Route::NotFound ; "page 1 lives at the list itself")]
    #[test_case("page/02/", Route::NotFound ; "no leading zeros")]
    #[test_case("tags/page/2/", Route::Tag("page/2".into()) ; "the tag index does not page")]
    #[test_case("posts/a/page/2/", Route::NotFound ; "a post does not page")]
    fn routes_are_read_back(path: &str, route: Route) {
        assert_eq!(Route::from_relative(path), route);
    }

    #[test]
    fn every_route_reads_back_from_its_href() {
        for route in [
            Route::Home,
            Route::Post("서울 걷기".into()),
            Route::Page("about".into()),
            Route::TagIndex,
            Route::Tag("회고".into()),
            Route::Timeline,
            Route::Year(2021),
            Route::TagYear("여행".into(), 2022),
            Route::Home.with_page(2),
            Route::Tag("회고".into()).with_page(12),
            Route::Year(2021).with_page(3),
            Route::Search,
        ] {
            assert_eq!(Route::from_relative(&route.relative_href()), route);
        }
    }

    #[test]
    fn list_pages_are_folders_below_their_list() {
        let tag = Route::Tag("회고".into());
        assert_eq!(tag.clone().with_page(1), tag, "page 1 is the list itself");
        assert_eq!(tag.clone().with_page(2).with_page(3).page(), 3);
        assert_eq!(
            tag.clone().with_page(2).href("/blog/"),
            "/blog/tags/%ED%9A%8C%EA%B3%A0/page/2/"
        );
        assert_eq!(
            tag.with_page(2).output_file(),
            "tags/회고/page/2/index.html"
        );
        assert_eq!(Route::Home.with_page(4).output_file(), "page/4/index.html");
        assert_eq!(
            Route::Timeline.with_page(2),
            Route::Timeline,
            "the timeline does not page"
        );
    }

    #[test]
    fn list_hrefs_carry_the_page() {
        let one_tag = BrowseFilter {
            tags: vec!["rust".into()],
            ..Default::default()
        };
        assert_eq!(list_href("/", &one_tag, 1), "/tags/rust/");
        assert_eq!(list_href("/", &one_tag, 2), "/tags/rust/page/2/");
        assert_eq!(list_href("/", &BrowseFilter::default(), 3), "/page/3/");
        let two_tags = BrowseFilter {
            tags: vec!["rust".into(), "wasm".into()],
            ..Default::default()
        };
        assert_eq!(list_href("/", &two_tags, 2), "/?tags=rust,wasm&page=2");
        let route = Route::from_relative("");
        assert_eq!(list_page_of(&route, "?tags=rust,wasm&page=2"), 2);
        assert_eq!(list_page_of(&route, "?page=x"), 1);
        assert_eq!(
            list_page_of(&Route::from_relative("tags/rust/page/5/"), ""),
            5
        );
        assert_eq!(
            browse_filter_of(&Route::from_relative("tags/rust/page/5/"), ""),
            one_tag
        );
    }

    #[test]
    fn filters_come_from_route_and_query() {
        let filter = browse_filter_of(
            &Route::Tag("여행".into()),
            "?tags=%ED%9A%8C%EA%B3%A0,a%2Cb&year=2022&match=any",
        );
        assert_eq!(filter.tags, vec!["여행", "회고", "a,b"]);
        assert_eq!(filter.year, Some(2022));
        assert_eq!(filter.tag_match, TagMatch::Any);
        assert_eq!(query_value("?year=1&x", "x"), Some(""));
        assert_eq!(browse_filter_of(&Route::Year(2020), "").year, Some(2020));
    }

    #[test]
    fn search_text_round_trips_through_its_href() {
        for text in ["서울에서", "rust wasm", "c++ & 회고", "a=b?c#d", "ㅎㄱ", ""] {
            let href = search_href("/blog/", text);
            let query = href.split_once('?').map_or("", |(_, q)| q);
            assert_eq!(search_text_of(query), text, "{href}");
        }
        assert_eq!(search_href("/", ""), "/search/");
        assert_eq!(search_href("/", "서울"), "/search/?q=%EC%84%9C%EC%9A%B8");
    }

    #[test_case("?q=%EC%84%9C%EC%9A%B8+%EA%B1%B7%EA%B8%B0", "서울 걷기" ; "form encoding with plus for space")]
    #[test_case("?q=c%2B%2B", "c++" ; "encoded plus")]
    #[test_case("?tags=a&q=rust%20", "rust " ; "trailing space kept")]
    #[test_case("?q=", "" ; "empty")]
    #[test_case("", "" ; "no query")]
    #[test_case("?q=%ZZ", "%ZZ" ; "malformed escape kept")]
    fn search_text_is_read_from_the_query(query: &str, text: &str) {
        assert_eq!(search_text_of(query), text);
    }
}
