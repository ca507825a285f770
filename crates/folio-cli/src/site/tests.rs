//! The site build against fixture folders, with a stand-in app bundle: what a
//! reader without JavaScript, a crawler and a feed reader get from the output.

use std::path::{Path, PathBuf};

use folio_core::routes::decode_component;

use super::*;
use crate::content::Changes;

/// The service worker line `pwa.rs` replaces; the stand-in bundle needs it.
const WORKER: &str =
    "const FOLIO_PRECACHE = { version: 'dev', base: '/', content: '/', files: [] }; // replaced by folio build\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// A minimal app bundle: a page template with the placeholders Trunk's output has.
fn fake_app(dir: &Path) -> AppBundle {
    let template = "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  \
        <base href=\"/__folio_base__/\">\n  \
        <meta name=\"folio-content-base\" content=\"__folio_content_base__\">\n  \
        <title>Folio</title>\n</head>\n<body>\n  <div id=\"folio-root\"></div>\n  <noscript><p class=\"noscript\">This blog reader needs JavaScript to show posts.</p></noscript>\n</body>\n</html>\n";
    std::fs::write(dir.join("index.html"), template).expect("writes the template");
    std::fs::write(dir.join("sw.js"), WORKER).expect("writes the worker");
    AppBundle::open(dir).expect("opens the stand-in bundle")
}

struct Built {
    _temp: tempfile::TempDir,
    out: PathBuf,
    report: BuildReport,
}

impl Built {
    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.out.join(file))
            .unwrap_or_else(|err| panic!("cannot read {file}: {err}"))
    }

    fn exists(&self, file: &str) -> bool {
        self.out.join(file).is_file()
    }
}

fn build(content: &Path, base_path: &str) -> Built {
    let temp = tempfile::tempdir().expect("temp dir");
    let app_dir = temp.path().join("app");
    std::fs::create_dir_all(&app_dir).expect("app dir");
    let app = fake_app(&app_dir);
    let out = temp.path().join("out");
    let options = BuildOptions {
        content_dir: content.to_path_buf(),
        out_dir: out.clone(),
        base_path: Some(base_path.to_owned()),
        include_drafts: false,
        keep_going: true,
        content_url: None,
    };
    let report = build_site(&options, &app, |_, _| {}).expect("the site builds");
    Built {
        _temp: temp,
        out,
        report,
    }
}

/// The prerendered part of a page: from `#folio-root` to the end of the body.
fn static_part(page: &str) -> &str {
    let start = page
        .find("<div id=\"folio-root\">")
        .expect("the page has #folio-root");
    let end = page.rfind("</body>").expect("the page has a body");
    &page[start..end]
}

fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// The file a site href is served from, as a static host maps it.
fn file_of(href: &str, base: &str) -> String {
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{href} is not under {base}"));
    let path = decode_component(&path.replace("&amp;", "&"));
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    }
}

fn json_ld(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("the page has JSON-LD") + open.len();
    let end = start + page[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&page[start..end]).expect("JSON-LD parses")
}

fn parse_feed(xml: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(xml.as_bytes()).expect("the feed parses")
}

#[test]
fn every_post_page_is_readable_without_the_app() {
    let built = build(&fixture("site"), "/blog/");
    let posts = [
        ("walk", "서울 걷기", "가회동 골목은 조용했다"),
        (
            "second",
            "Tags &lt;b&gt;&amp; \"quotes\"&lt;/b&gt;",
            "distinctive sentence about lanterns",
        ),
        (
            "third",
            "Third, from the year before",
            "the last evening of 2023",
        ),
    ];
    for (slug, title, phrase) in posts {
        let page = built.read(&format!("posts/{slug}/index.html"));
        let content = static_part(&page);
        assert!(
            content.contains(&format!("<h1 class=\"post-title\">{title}</h1>")),
            "{slug}: title"
        );
        assert!(content.contains(phrase), "{slug}: body");
        assert!(content.contains("<header class=\"site-header\">"));
        assert!(content.contains("<main id=\"main\" tabindex=\"-1\">"));
        assert!(content.contains("<div class=\"post-body\">"));
        assert!(content.contains("<footer class=\"site-footer\">"));
    }
    let walk = built.read("posts/walk/index.html");
    assert!(
        walk.contains("<html lang=\"en\">"),
        "the site's language, the interface's"
    );
    assert!(
        article_tag(&walk).contains("lang=\"ko\""),
        "the post's own language"
    );
    assert!(
        walk.contains("<time datetime=\"2024-03-01\">2024년 3월 1일</time>"),
        "the date in the post's language"
    );
    assert!(
        walk.contains("<details open class=\"toc\">"),
        "three headings give contents, open beside the text on wide screens"
    );
    assert!(walk.contains("src=\"/blog/content/2024-03-01-walk/alley.svg\""));
    let second = built.read("posts/second/index.html");
    assert!(second.contains("<html lang=\"en\">"));
    assert!(!static_part(&second).contains("<b>&"), "titles are escaped");
    assert!(second.contains("<title>Tags &lt;b&gt;&amp; &quot;quotes&quot;&lt;/b&gt; · "));
}

#[test]
fn list_pages_show_their_posts() {
    let built = build(&fixture("site"), "/blog/");
    let home = built.read("index.html");
    let home = static_part(&home);
    assert!(home.contains("<h1 id=\"page-heading\" class=\"page-heading\">All posts</h1>"));
    assert_eq!(home.matches("class=\"post-card\"").count(), 3);
    assert!(home.contains("<img src=\"/blog/content/2024-03-01-walk/cover.svg\""));

    let tag = built.read("tags/여행/index.html");
    let tag = static_part(&tag);
    assert!(tag.contains(">#여행</h1>"));
    assert_eq!(tag.matches("class=\"post-card\"").count(), 1);
    assert!(tag.contains("서울 걷기"));

    let year = built.read("years/2023/index.html");
    let year = static_part(&year);
    assert!(year.contains(">Posts from 2023</h1>"));
    assert_eq!(year.matches("class=\"post-card\"").count(), 1);
    assert!(year.contains("Third, from the year before"));

    let tags = built.read("tags/index.html");
    assert!(static_part(&tags).contains("<ul class=\"tag-cloud\">"));
    let timeline = built.read("timeline/index.html");
    assert!(static_part(&timeline).contains("<h3>March 2024</h3>"));

    let missing = built.read("404.html");
    let missing_static = static_part(&missing);
    assert!(missing_static.contains(">Page not found</h1>"));
    assert!(missing_static.contains("<a href=\"/blog/\" class=\"button\">"));
    assert!(missing.contains("<meta name=\"robots\" content=\"noindex\">"));
}

#[test]
fn every_link_is_a_real_address_under_the_base_path() {
    let built = build(&fixture("site"), "/blog/");
    let pages: Vec<Route> = site_routes(
        &built.report.manifest,
        &folio_core::browse::BrowseIndex::new(&built.report.manifest.posts),
    );
    for route in &pages {
        let page = built.read(&route.output_file());
        let content = static_part(&page);
        for href in attribute_values(content, "href")
            .into_iter()
            .chain(attribute_values(content, "src"))
        {
            if href.starts_with('#') || href.starts_with("https://") {
                continue;
            }
            let file = file_of(href, "/blog/");
            assert!(
                built.exists(&file),
                "{}: {href} has no file {file}",
                route.output_file()
            );
        }
    }
}

#[test]
fn pages_carry_canonical_opengraph_and_json_ld() {
    let built = build(&fixture("site"), "/blog/");
    let walk = built.read("posts/walk/index.html");
    for tag in [
        "<title>서울 걷기 · Fixture &amp; &lt;Friends&gt;</title>",
        "<meta name=\"description\" content=\"북촌에서 서촌까지 걸은 하루.\">",
        "<link rel=\"canonical\" href=\"https://example.com/blog/posts/walk/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"서울 걷기\">",
        "<meta property=\"og:url\" content=\"https://example.com/blog/posts/walk/\">",
        "<meta property=\"og:image\" content=\"https://example.com/blog/content/2024-03-01-walk/cover.svg\">",
        "<meta property=\"og:site_name\" content=\"Fixture &amp; &lt;Friends&gt;\">",
        "<meta property=\"article:published_time\" content=\"2024-03-01T09:30:00+09:00\">",
        "<meta property=\"article:tag\" content=\"여행\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Fixture &amp; &lt;Friends&gt;\" href=\"/blog/feed.xml\">",
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Fixture &amp; &lt;Friends&gt;\" href=\"/blog/rss.xml\">",
    ] {
        assert!(walk.contains(tag), "missing {tag}");
    }
    assert_eq!(walk.matches("<title>").count(), 1);

    let data = json_ld(&walk);
    assert_eq!(data["@type"], "BlogPosting");
    assert_eq!(data["headline"], "서울 걷기");
    assert_eq!(data["datePublished"], "2024-03-01T09:30:00+09:00");
    assert_eq!(data["dateModified"], "2024-03-05T00:00:00+09:00");
    assert_eq!(data["author"]["name"], "Kim Folio");
    assert_eq!(data["keywords"], serde_json::json!(["여행", "notes"]));
    assert_eq!(data["url"], "https://example.com/blog/posts/walk/");
    assert_eq!(
        data["image"],
        "https://example.com/blog/content/2024-03-01-walk/cover.svg"
    );

    // A summary that tries to close the script stays inside it.
    let second = built.read("posts/second/index.html");
    assert!(second.contains("tries <\\/script>"));
    assert_eq!(
        json_ld(&second)["description"],
        "A summary that tries </script><!-- to escape."
    );
    assert!(second.contains("<meta name=\"twitter:card\" content=\"summary\">"));

    let tag = built.read("tags/notes/index.html");
    assert!(tag.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(tag.contains("href=\"/blog/tags/notes/feed.xml\""));
    assert!(!tag.contains("application/ld+json"));
}

#[test]
fn feeds_parse_and_carry_full_posts_when_asked() {
    let built = build(&fixture("site"), "/blog/");
    let atom = parse_feed(&built.read("feed.xml"));
    assert_eq!(atom.entries.len(), 3);
    let first = &atom.entries[0];
    assert_eq!(
        first.title.as_ref().map(|t| t.content.as_str()),
        Some("서울 걷기")
    );
    assert_eq!(first.links[0].href, "https://example.com/blog/posts/walk/");
    assert_eq!(first.categories.len(), 2);
    let body = first
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .expect("feed_full_content puts the body in");
    assert!(body.contains("가회동 골목은 조용했다"));
    assert!(
        body.contains("src=\"https://example.com/blog/content/2024-03-01-walk/alley.svg\""),
        "images are absolute in feeds: {body}"
    );

    let rss = parse_feed(&built.read("rss.xml"));
    assert_eq!(rss.entries.len(), 3);
    assert_eq!(
        rss.entries[1].title.as_ref().map(|t| t.content.as_str()),
        Some("Tags <b>& \"quotes\"</b>")
    );

    for (tag, count) in [("여행", 1), ("notes", 2), ("c++ & rust", 1)] {
        for file in ["feed.xml", "rss.xml"] {
            let feed = parse_feed(&built.read(&format!("tags/{tag}/{file}")));
            assert_eq!(feed.entries.len(), count, "tags/{tag}/{file}");
        }
    }
}

/// The opening tag of a page's first `<article>`.
fn article_tag(page: &str) -> &str {
    let start = page.find("<article").expect("an article");
    let end = start + page[start..].find('>').expect("a closed tag");
    &page[start..=end]
}

#[test]
fn a_post_in_another_language_says_so_in_the_feed_and_json_ld() {
    let content = tempfile::tempdir().expect("temp dir");
    let korean = "오늘은 서울에서 부산까지 기차를 타고 내려갔다. 창밖으로 논과 산이 번갈아 지나갔고, 나는 오래된 수첩을 꺼내 지난 여름의 기록을 다시 읽었다.";
    let english = "We took the train from Seoul to Busan today. Fields and hills went past the window while I reread last summer's notebook.";
    for (name, day, body) in [
        ("one", 1, korean),
        ("two", 2, korean),
        ("three", 3, english),
    ] {
        let post = format!("---\ntitle: {name}\ndate: 2024-01-0{day}\n---\n\n{body}\n");
        std::fs::write(content.path().join(format!("{name}.md")), post).expect("writes");
    }
    let built = build(content.path(), "/");
    assert_eq!(built.report.manifest.site.lang, "ko");
    let atom = built.read("feed.xml");
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ko\""));
    assert_eq!(atom.matches("<entry xml:lang=\"en\">").count(), 1, "{atom}");
    assert_eq!(atom.matches("<entry>").count(), 2);
    let page = built.read("posts/three/index.html");
    assert_eq!(json_ld(&page)["inLanguage"], "en");
    assert!(
        page.contains("<html lang=\"ko\""),
        "the interface is the site's"
    );
    assert!(
        article_tag(&page).contains("lang=\"en\""),
        "{}",
        article_tag(&page)
    );
    assert!(
        page.contains(">목차<") || page.contains(">모든 글<") || page.contains("건너뛰기"),
        "Korean interface words"
    );
    let page = built.read("posts/one/index.html");
    assert_eq!(json_ld(&page)["inLanguage"], "ko");
    let shell = built.read("shell.html");
    assert!(shell.contains("<html lang=\"ko\">"));
    assert!(
        shell.contains("글을 보려면 JavaScript가 필요합니다"),
        "{shell}"
    );
}

#[test]
fn feeds_hold_the_twenty_newest_posts() {
    let content = tempfile::tempdir().expect("temp dir");
    for day in 1..=23 {
        let post = format!(
            "---\ntitle: Day {day}\ndate: 2024-01-{day:02}\ntags: [daily]\n---\n\nText of day {day}.\n"
        );
        std::fs::write(content.path().join(format!("day-{day}.md")), post).expect("writes");
    }
    let built = build(content.path(), "/");
    let atom = parse_feed(&built.read("feed.xml"));
    assert_eq!(atom.entries.len(), 20);
    assert_eq!(
        atom.entries[0].title.as_ref().map(|t| t.content.as_str()),
        Some("Day 23")
    );
    assert!(
        atom.entries[0].content.is_none(),
        "summaries only by default"
    );
    assert_eq!(parse_feed(&built.read("rss.xml")).entries.len(), 20);
    assert_eq!(
        parse_feed(&built.read("tags/daily/feed.xml")).entries.len(),
        20
    );
}

#[test]
fn sitemap_lists_every_route_and_robots_points_at_it() {
    let built = build(&fixture("site"), "/blog/");
    let xml = built.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap parses");
    let urls: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let child = |name: &str| {
                url.children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            (child("loc"), child("lastmod"))
        })
        .collect();
    let expected: Vec<String> = site_routes(
        &built.report.manifest,
        &folio_core::browse::BrowseIndex::new(&built.report.manifest.posts),
    )
    .iter()
    .filter(|r| !matches!(r, Route::NotFound | Route::TagYear(..) | Route::Search))
    .map(|r| format!("https://example.com{}", r.href("/blog/")))
    .collect();
    let locs: Vec<String> = urls.iter().map(|(loc, _)| loc.clone()).collect();
    assert_eq!(locs, expected);
    let lastmod = |loc: &str| {
        urls.iter()
            .find(|(l, _)| l == loc)
            .map(|(_, m)| m.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        lastmod("https://example.com/blog/posts/walk/"),
        "2024-03-05T00:00:00+09:00"
    );
    assert_eq!(
        lastmod("https://example.com/blog/"),
        "2024-03-05T00:00:00+09:00"
    );
    assert_eq!(
        lastmod("https://example.com/blog/years/2023/"),
        "2023-12-31T23:00:00+09:00"
    );
    assert_eq!(
        built.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap.xml\n"
    );
}

#[test]
fn aliases_redirect_to_the_post_and_never_replace_a_page() {
    let built = build(&fixture("site"), "/blog/");
    for file in ["2021/12/old-walk/index.html", "old/walk.html"] {
        let page = built.read(file);
        assert!(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/blog/posts/walk/\">"));
        assert!(
            page.contains("<link rel=\"canonical\" href=\"https://example.com/blog/posts/walk/\">")
        );
        assert!(page.contains("<a href=\"/blog/posts/walk/\">서울 걷기</a>"));
    }
    // `/posts/second/` is another post's page: kept, and the clash reported.
    let second = built.read("posts/second/index.html");
    assert!(second.contains("distinctive sentence about lanterns"));
    let warnings = built.report.warnings.join("\n");
    assert!(warnings.contains("alias `/posts/second/`"), "{warnings}");
    assert!(warnings.contains("alias `/?p=12`"), "{warnings}");
}

#[test]
fn a_site_without_url_has_no_relative_canonical_and_lists_have_descriptions() {
    let built = build(&fixture("mixed"), "/");
    let post = built.read("posts/toml-post/index.html");
    assert!(
        !post.contains("rel=\"canonical\""),
        "no canonical without the site's URL"
    );
    assert!(!post.contains("og:url"));
    assert!(!post.contains("noindex"), "a post is still indexable");
    assert!(post.contains("Text of the Hugo post."));
    assert_eq!(json_ld(&post).get("url"), None);
    let home = built.read("index.html");
    let posts = built.report.manifest.posts.len();
    assert!(
        home.contains(&format!(
            "<meta name=\"description\" content=\"Fixture: {posts}개의 글.\">"
        )),
        "a generated description: {home}"
    );
    let not_found = built.read("404.html");
    assert!(not_found.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert_eq!(built.read("robots.txt"), "User-agent: *\nAllow: /\n");
    let atom = parse_feed(&built.read("feed.xml"));
    assert_eq!(atom.entries.len(), built.report.manifest.posts.len());
    assert!(atom.entries[0].content.is_none());
    let redirect = built.read("2021/12/hugo-with-toml/index.html");
    assert!(redirect.contains("url=/posts/toml-post/"));
    let sitemap = built.read("sitemap.xml");
    assert!(sitemap.contains("<loc>/posts/toml-post/</loc>"));
}

#[test]
fn tags_that_would_leave_the_tags_folder_get_no_page() {
    assert!(is_plain_folder_name("CI/CD"));
    assert!(is_plain_folder_name("회고"));
    for name in ["", ".", "..", "../../etc", "a//b", "a\\b", "/a"] {
        assert!(!is_plain_folder_name(name), "{name:?}");
    }
}

#[test]
fn only_a_folder_an_earlier_build_marked_is_replaced() {
    let built = build(&fixture("mixed"), "/");
    let app = fake_app(&built._temp.path().join("app"));
    let options = |out: &Path, content: &Path| BuildOptions {
        content_dir: content.to_path_buf(),
        out_dir: out.to_path_buf(),
        base_path: None,
        include_drafts: false,
        keep_going: true,
        content_url: None,
    };
    // A second build into the same folder replaces it.
    assert!(build_site(&options(&built.out, &fixture("mixed")), &app, |_, _| {}).is_ok());
    // A folder of someone else's, even with a manifest.json, is left alone.
    let foreign = built._temp.path().join("public");
    std::fs::create_dir_all(&foreign).expect("dir");
    std::fs::write(foreign.join("manifest.json"), "{}").expect("write");
    let refused = build_site(&options(&foreign, &fixture("mixed")), &app, |_, _| {});
    assert!(matches!(refused, Err(BuildError::ForeignOutDir { .. })));
    assert!(foreign.join("manifest.json").exists());
    // Nor is a folder holding the content.
    let content = built._temp.path().join("blog");
    std::fs::create_dir_all(content.join("posts")).expect("dir");
    std::fs::write(
        content.join("posts/a.md"),
        "---\ntitle: A\ndate: 2024-01-01\n---\nA",
    )
    .expect("write");
    let refused = build_site(&options(&content, &content.join("posts")), &app, |_, _| {});
    assert!(matches!(refused, Err(BuildError::ForeignOutDir { .. })));
    assert!(content.join("posts/a.md").exists());
}

/// The prerendered body of a post: what sits in its `.post-body`.
fn post_body(page: &str) -> &str {
    let start = page
        .find("class=\"post-body\"")
        .expect("the page has a post body");
    let end = start + page[start..].find("</article>").expect("the article ends");
    &page[start..end]
}

#[test]
fn exported_blogs_render_without_template_html_or_tex_residue() {
    for generator in ["hugo", "jekyll", "zola", "gatsby", "nextjs"] {
        let built = build(&fixture(&format!("sites/{generator}")), "/");
        assert!(
            built.report.index.failed.is_empty(),
            "{generator}: {:#?}",
            built.report.index.diagnostics
        );
        for post in &built.report.manifest.posts {
            let page = built.read(&Route::Post(post.slug.clone()).output_file());
            let residue = crate::normalize::residue::find_residue(post_body(&page));
            assert_eq!(residue, [], "{generator} post {}", post.slug);
        }
    }
}

#[test]
fn jekyll_liquid_kramdown_html_and_math_render_as_meant() {
    let built = build(&fixture("sites/jekyll"), "/notes/");
    let page = built.read("posts/2021-06-01-liquid-and-kramdown/index.html");
    let body = post_body(&page);
    // `{% highlight %}` is code: its `#` line is a comment, not a heading.
    assert!(body.contains("data-lang=\"python\""), "{body}");
    assert!(!body.contains("<h1"), "{body}");
    assert!(
        body.contains("{{ page.title }} stays as written here"),
        "raw keeps its text"
    );
    assert!(
        body.contains("href=\"/notes/posts/spring-notes/\""),
        "post_url resolves"
    );
    assert!(
        body.contains("A note shared between posts"),
        "include_relative inlines the file"
    );
    assert!(
        body.contains("newsletter.html"),
        "a missing include is named in a placeholder"
    );
    // Inline `$$` mid-sentence is inline math; `$$` on its own lines is display.
    assert!(
        body.contains("<math") && body.contains("display=\"block\""),
        "{body}"
    );
    assert!(body.contains("class=\"align-center\""));
    assert!(body.contains("<u>가운데 밑줄</u>"));
    assert!(
        body.contains("Map&lt;K, V&gt;") || body.contains("Map&lt;K, V>"),
        "{body}"
    );
    assert!(body.contains("width=\"700\""));
    assert!(body.contains("<figcaption>A cover, centred</figcaption>"));
    assert!(
        built.exists("assets/img/cover.svg"),
        "static files keep their root path"
    );
    let diagnostics = &built.report.index.diagnostics;
    assert!(diagnostics
        .iter()
        .any(|d| d.message.contains("newsletter.html") && d.line > 0));
}

#[test]
fn hugo_and_zola_shortcodes_and_mdx_components_render_as_meant() {
    let hugo = build(&fixture("sites/hugo"), "/");
    let page = hugo.read("posts/shortcodes/index.html");
    let body = post_body(&page);
    assert!(body.contains("data-lang=\"go\""));
    assert!(
        body.contains("<figcaption>항구의 저녁</figcaption>"),
        "{body}"
    );
    assert_eq!(
        body.matches("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
            .count(),
        2,
        "{body}"
    );
    assert!(body.contains("sandbox="));
    assert!(
        body.contains("twitter.com/folio/status/1234567890")
            || body.contains("x.com/folio/status/1234567890"),
        "{body}"
    );
    assert!(
        body.contains("href=\"/posts/trip-to-jeju/\""),
        "ref resolves: {body}"
    );
    assert!(body.contains("Text inside an unknown shortcode stays."));
    // The site's own shortcode templates run; Folio's quote is a blockquote.
    assert!(
        body.contains("href=\"https://en.wikipedia.org/wiki/Static_site_generator\"")
            && body.contains(">static site generators</a>"),
        "{body}"
    );
    assert!(
        body.contains("<summary>항구의 결말</summary>")
            && body.contains("<strong>harbour</strong>"),
        "{body}"
    );
    assert!(
        body.contains("<blockquote>") && body.contains("— An old sailor"),
        "{body}"
    );
    assert!(
        body.contains("controls") && !body.contains("autoplay"),
        "{body}"
    );
    assert!(
        body.contains("{{&lt; youtube id &gt;}}") || body.contains("{{< youtube id >}}"),
        "Hugo's escape prints the syntax"
    );
    let post = hugo
        .report
        .manifest
        .posts
        .iter()
        .find(|p| p.slug == "shortcodes")
        .expect("post");
    assert_eq!(post.summary, "A summary the author chose, above the fold.");
    assert!(hugo
        .report
        .index
        .diagnostics
        .iter()
        .any(|d| d.message.contains("unknown-widget")));
    assert!(
        hugo.report
            .index
            .diagnostics
            .iter()
            .any(|d| d.message.contains("`gallery` could not be run")
                && d.message.contains("`range`"))
    );

    let zola = build(&fixture("sites/zola"), "/");
    let page = zola.read("posts/zola-shortcodes/index.html");
    let body = post_body(&page);
    assert!(body.contains("youtube-nocookie.com/embed/dQw4w9WgXcQ"));
    assert!(
        body.contains("<figcaption>새벽 하늘</figcaption>"),
        "{body}"
    );
    assert!(
        body.contains("callout") && body.contains("<strong>path</strong>"),
        "{body}"
    );

    let gatsby = build(&fixture("sites/gatsby"), "/");
    let page = gatsby.read("posts/mdx-post/index.html");
    let body = post_body(&page);
    assert!(
        body.contains("The <strong>children</strong> of a component are kept."),
        "{body}"
    );
    assert!(
        !body.contains("Chart") && !body.contains("import"),
        "{body}"
    );
    assert!(body.contains("class=\"note\""));
    assert!(
        body.contains("<aside class=\"callout callout-info\">"),
        "{body}"
    );
    assert!(body.contains("<em>Markdown</em>"));
}

#[test]
fn embeds_are_allowed_by_the_content_security_policy() {
    let built = build(&fixture("sites/hugo"), "/");
    let page = built.read("posts/shortcodes/index.html");
    assert!(
        page.contains("frame-src https://www.youtube-nocookie.com"),
        "{page}"
    );
}

#[test]
fn the_search_index_finds_posts_by_their_korean_stems() {
    use folio_core::search::{excerpt, search, Query, SearchDirectory, ShardSet, DIRECTORY_PATH};

    let built = build(&fixture("site"), "/blog/");
    let directory =
        SearchDirectory::from_json(&built.read(DIRECTORY_PATH)).expect("the directory parses");
    assert_eq!(directory.posts as usize, built.report.manifest.posts.len());
    let query = Query::parse("서울에서 골목은");
    let mut shards = ShardSet::default();
    for id in query.shards_needed(&directory) {
        let path = directory.shard_path(id);
        let file = path.split('?').next().expect("a path");
        let bytes = std::fs::read(built.out.join(file)).expect("the shard is written");
        shards.insert(id, &bytes).expect("the shard decodes");
    }
    let hits = search(&directory, &shards, &query, 10).expect("every shard is loaded");
    let walk = built
        .report
        .manifest
        .posts
        .iter()
        .position(|p| p.title == "서울 걷기")
        .expect("the fixture has the walk") as u32;
    assert_eq!(hits.first().map(|h| h.post), Some(walk));
    let post = &built.report.index.posts[walk as usize];
    let text = folio_core::markdown::scan_markdown(&post.body).plain_text;
    let found = excerpt(&query, &text, 120).expect("the body matches");
    assert!(found.marks.iter().any(|m| &found.text[m.clone()] == "골목"));
}

/// The search page is a real page: without JavaScript its form is a plain
/// GET form to itself (which the CSP must allow), it suggests tags, and it is
/// kept out of search engines and the sitemap, having nothing of its own.
#[test]
fn the_search_page_is_a_form_that_works_without_the_app() {
    let built = build(&fixture("site"), "/blog/");
    let page = built.read("search/index.html");
    assert!(
        page.contains("<form action=\"/blog/search/\" method=\"get\" role=\"search\""),
        "{page}"
    );
    assert!(page.contains("<input id=\"search-box\" type=\"search\" name=\"q\""));
    assert!(page.contains("<h1 id=\"page-heading\" class=\"page-heading\">"));
    let prompt = &page[page.find("search-prompt").expect("the empty state")..];
    assert!(prompt.contains("<a href=\"/blog/tags/"), "suggested tags");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains("form-action 'self'"));
    assert!(!built.read("sitemap.xml").contains("/search/"));
    // Every page carries the same box, so a search starts anywhere.
    assert!(built
        .read("index.html")
        .contains("<form action=\"/blog/search/\" method=\"get\" role=\"search\""));
}

/// `leptos_meta` does not escape `<title>` when rendering natively, and the
/// CSP allows every inline script of a page by its hash: a title carried into
/// the head unescaped would become a script the policy itself allows. The head
/// writer escapes it, and the components render it as text.
#[test]
fn a_title_that_closes_the_title_tag_is_text_and_no_allowed_script() {
    let content = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        content.path().join("2024-01-01-x.md"),
        "---\ntitle: \"</title><script>alert(1)</script>\"\ndate: 2024-01-01\naliases: [/old/]\n---\nBody.\n",
    )
    .expect("writes the post");
    let built = build(content.path(), "/");
    let slug = &built.report.manifest.posts[0].slug;
    for file in [
        format!("posts/{slug}/index.html"),
        "index.html".to_owned(),
        "timeline/index.html".to_owned(),
        // The redirect page at the old address, rendered by the app's component.
        "old/index.html".to_owned(),
    ] {
        let page = built.read(&file);
        // (JSON-LD carries it as data, with `</` written `<\/`.)
        assert!(
            !page.contains("<script>alert(1)</script>"),
            "{file}: a live script"
        );
        assert!(
            page.contains("&lt;/title&gt;&lt;script&gt;alert(1)"),
            "{file}: escaped"
        );
        // The stand-in template has no inline script, so the policy allows none.
        assert_eq!(page.matches("'sha256-").count(), 0, "{file}: script hashes");
    }
    let post = built.read(&format!("posts/{slug}/index.html"));
    assert!(post.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · "));
}

#[test]
fn long_lists_page_as_real_folders_with_prev_and_next() {
    let content = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        content.path().join("folio.toml"),
        "title = \"Pages\"\nlang = \"en\"\nurl = \"https://example.com\"\npage_size = 2\n",
    )
    .expect("writes the config");
    for day in 1..=5 {
        let tags = if day % 2 == 1 { "[odd]" } else { "[even]" };
        let post = format!(
            "---\ntitle: Post {day}\ndate: 2024-01-0{day}\ntags: {tags}\n---\n\nDay {day}.\n"
        );
        std::fs::write(content.path().join(format!("post-{day}.md")), post).expect("writes");
    }
    let built = build(content.path(), "/");
    let titles = |page: &str| {
        let list = static_part(page);
        let mut shown: Vec<(usize, u32)> = (1..=5)
            .filter_map(|day| list.find(&format!(">Post {day}</a>")).map(|at| (at, day)))
            .collect();
        shown.sort_unstable();
        shown.into_iter().map(|(_, day)| day).collect::<Vec<_>>()
    };
    assert_eq!(titles(&built.read("index.html")), [5, 4]);
    let second = built.read("page/2/index.html");
    assert_eq!(titles(&second), [3, 2]);
    assert_eq!(titles(&built.read("page/3/index.html")), [1]);
    assert!(!built.exists("page/4/index.html"));
    assert!(second.contains("<title>Page 2 · Pages</title>"), "{second}");
    assert!(second.contains("<link rel=\"prev\" href=\"https://example.com/\">"));
    assert!(second.contains("<link rel=\"next\" href=\"https://example.com/page/3/\">"));
    assert!(second.contains("<link rel=\"canonical\" href=\"https://example.com/page/2/\">"));
    let nav = static_part(&second);
    assert!(
        nav.contains("<a href=\"/\" rel=\"prev\" class=\"pagination-previous\">"),
        "{nav}"
    );
    assert!(nav.contains("href=\"/page/3/\" rel=\"next\""));
    assert!(nav.contains("aria-current=\"page\""));
    // Three odd posts: a tag's list pages too, and its second page links back.
    assert_eq!(titles(&built.read("tags/odd/page/2/index.html")), [1]);
    assert!(!built.exists("tags/even/page/2/index.html"));
    let sitemap = built.read("sitemap.xml");
    assert!(
        !sitemap.contains("/page/2/"),
        "later pages stay out of the sitemap"
    );
}

#[test]
fn each_post_carries_its_own_outline_and_images_and_the_list_data_only_what_lists_need() {
    let built = build(&fixture("site"), "/");
    let index: serde_json::Value =
        serde_json::from_str(&built.read("manifest.json")).expect("the manifest is JSON");
    let walk = index["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .find(|post| post[0] == "walk")
        .expect("the walk post's key");
    assert_eq!(
        walk.as_array().map(Vec::len),
        Some(3),
        "slug, date, tags: {walk}"
    );
    let chunk: serde_json::Value =
        serde_json::from_str(&built.read("list/0.json")).expect("the first chunk is JSON");
    let walk = chunk
        .as_array()
        .expect("cards")
        .iter()
        .find(|post| post["slug"] == "walk")
        .expect("the walk post's card");
    assert!(
        walk.get("outline").is_none() && walk.get("images").is_none(),
        "{walk}"
    );
    let source = walk["source"].as_str().expect("a source");
    let body = folio_core::page_body::body_from_page(&built.read("posts/walk/index.html"))
        .expect("the post's page carries its body data");
    assert!(body.html.contains("가회동 골목은 조용했다"));
    assert!(
        !built.exists(source) && !built.exists(&format!("{source}.json")),
        "the body is published in its page, not as a copy of its Markdown or a file of its own"
    );
    assert!(
        !body.outline.is_empty(),
        "the outline travels with the body"
    );
    for heading in &body.outline {
        assert!(
            body.html.contains(&format!("id=\"{}\"", heading.id)),
            "{heading:?}"
        );
    }
    assert!(
        body.images.iter().any(|image| image.ends_with("alley.svg")),
        "{:?}",
        body.images
    );
}

/// Every file under `dir`, relative, with its bytes.
fn files_of(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("reads the folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("reads the file");
                files.insert(path.strip_prefix(dir).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    files
}

#[test]
fn a_rebuild_with_memory_writes_only_what_changed_and_equals_a_full_build() {
    let temp = tempfile::tempdir().expect("temp dir");
    let content = temp.path().join("content");
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(fixture("site"))
        .arg(&content)
        .status()
        .expect("cp runs");
    assert!(copy.success());
    // And a few dozen more posts, so one post is a small part of the site.
    for n in 1..=40 {
        let tags = ["a", "b", "c", "d"][n % 4];
        std::fs::write(
            content.join(format!("more-{n}.md")),
            format!(
                "---\ntitle: More {n}\ndate: 2022-01-{:02}\ntags: [{tags}]\n---\n\nText {n}.\n",
                1 + n % 28
            ),
        )
        .expect("writes a post");
    }
    let app_dir = temp.path().join("app");
    std::fs::create_dir_all(&app_dir).expect("app dir");
    let app = fake_app(&app_dir);
    let options = |out: &str| BuildOptions {
        content_dir: content.clone(),
        out_dir: temp.path().join(out),
        base_path: Some("/blog/".into()),
        include_drafts: false,
        keep_going: true,
        content_url: None,
    };
    let mut memory = BuildMemory::default();
    // The preview's build into `kept`, with the search index left for later
    // when `search_later`.
    let rebuild = |memory: &mut BuildMemory, search_later: bool| {
        build_site_again(&options("kept"), &app, |_, _| {}, memory, search_later)
            .expect("builds again")
    };
    let first = rebuild(&mut memory, true);
    assert_eq!(
        first.pages_written, first.pages,
        "a first build writes every page"
    );
    let unchanged = rebuild(&mut memory, true);
    assert_eq!(
        unchanged.pages_written, 0,
        "nothing changed, nothing is rendered"
    );
    assert!(!unchanged.search_pending);

    // One post's text changes (its summary and length with it).
    let walk = content.join("2024-03-01-walk/index.md");
    let text = std::fs::read_to_string(&walk).expect("reads the post");
    std::fs::write(
        &walk,
        text.replacen("가회동 골목은", "새벽의 가회동 골목은", 1),
    )
    .expect("edits the post");
    let edited = rebuild(&mut memory, true);
    assert!(
        edited.pages_written > 0 && edited.pages_written * 4 < edited.pages,
        "{} of {}",
        edited.pages_written,
        edited.pages
    );
    assert!(
        edited.search_pending,
        "the search index waits for the preview's reload"
    );
    write_search_index(&options("kept").out_dir, &edited.index.posts).expect("writes search");

    let same_as_a_full_build = |name: &str| {
        let full = build_site(&options(name), &app, |_, _| {}).expect("builds afresh");
        assert_eq!(full.pages_written, full.pages);
        let kept = files_of(&temp.path().join("kept"));
        let afresh = files_of(&temp.path().join(name));
        assert_eq!(
            kept.keys().collect::<Vec<_>>(),
            afresh.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &kept {
            assert!(
                afresh[path] == *bytes,
                "{} differs from a full build",
                path.display()
            );
        }
    };
    same_as_a_full_build("full");

    // A title shows beside the post's neighbours, in related posts and on
    // the timeline: those pages change too, and still match a full build.
    let more = content.join("more-7.md");
    let text = std::fs::read_to_string(&more).expect("reads the post");
    std::fs::write(&more, text.replace("title: More 7", "title: 일곱 번째")).expect("edits");
    let retitled = rebuild(&mut memory, false);
    assert!(!retitled.search_pending, "written at once when asked");
    assert!(retitled.pages_written > 1 && retitled.pages_written * 2 < retitled.pages);
    same_as_a_full_build("full-again");

    // A post's time changes, not its day or its place in the list: its
    // sitemap date and its tag's feeds change with it, the rest is kept.
    let thirteenth = content.join("more-13.md");
    let text13 = std::fs::read_to_string(&thirteenth).expect("reads the post");
    std::fs::write(
        &thirteenth,
        text13.replace("date: 2022-01-14", "date: 2022-01-14T09:30:00"),
    )
    .expect("edits");
    let retimed = rebuild(&mut memory, false);
    assert!(retimed.pages_written > 0 && retimed.pages_written * 2 < retimed.pages);
    same_as_a_full_build("full-retimed");

    // A field Folio does not know: no page shows it, but the post's card
    // in its chunk of the list data carries it.
    std::fs::write(
        &thirteenth,
        text13.replace("date: 2022-01-14", "date: 2022-01-14T09:30:00\nmood: calm"),
    )
    .expect("edits");
    rebuild(&mut memory, false);
    same_as_a_full_build("full-extra");

    // A new day moves the post in the list: every page's data is worked
    // out again, and the result is still a full build's.
    std::fs::write(
        &thirteenth,
        text13.replace("date: 2022-01-14", "date: 2022-01-27"),
    )
    .expect("edits");
    rebuild(&mut memory, false);
    same_as_a_full_build("full-moved");

    // A new tag changes the site's shape: a full build, with the same result.
    std::fs::write(&more, text.replace("tags: [d]", "tags: [d, 새]")).expect("edits");
    let tagged = rebuild(&mut memory, false);
    assert_eq!(tagged.pages_written, tagged.pages);
    same_as_a_full_build("full-third");

    // The preview's watcher names the files it saw written, and only they
    // are looked at: a change it did not report waits for the next full look.
    let body_of = |report: &BuildReport, title: &str| {
        let post = report.index.posts.iter().find(|p| p.meta.title == title);
        post.map(|p| p.body.clone()).unwrap_or_default()
    };
    let (third, fifth) = (content.join("more-3.md"), content.join("more-5.md"));
    for (file, n) in [(&third, 3), (&fifth, 5)] {
        let text = std::fs::read_to_string(file).expect("reads the post");
        std::fs::write(
            file,
            text.replace(&format!("Text {n}."), &format!("Changed {n}.")),
        )
        .expect("edits");
    }
    memory.changed(Changes::Files(vec![third.clone()]));
    let told = rebuild(&mut memory, false);
    assert!(body_of(&told, "More 3").contains("Changed 3."));
    assert!(
        body_of(&told, "More 5").contains("Text 5."),
        "not reported, not looked at"
    );
    let looked = rebuild(&mut memory, false);
    assert!(body_of(&looked, "More 5").contains("Changed 5."));
    same_as_a_full_build("full-told");

    // A file the last listing does not have: the folder is listed again.
    let added = content.join("more-99.md");
    std::fs::write(
        &added,
        "---\ntitle: More 99\ndate: 2022-02-01\ntags: [a]\n---\n\nText 99.\n",
    )
    .expect("writes a post");
    memory.changed(Changes::Files(vec![added.clone()]));
    let grown = rebuild(&mut memory, false);
    assert!(body_of(&grown, "More 99").contains("Text 99."));
    same_as_a_full_build("full-grown");
}

/// The policy is worked out once, from the template: every page's inline
/// scripts must still be exactly the template's, each allowed by its hash.
#[test]
fn every_page_allows_exactly_its_own_inline_scripts() {
    let temp = tempfile::tempdir().expect("temp dir");
    let app_dir = temp.path().join("app");
    std::fs::create_dir_all(&app_dir).expect("app dir");
    fake_app(&app_dir);
    let template = std::fs::read_to_string(app_dir.join("index.html")).expect("the template");
    let with_scripts = template.replace(
        "</head>",
        "  <script>document.documentElement.dataset.theme = 'dark'</script>\n  \
         <script type=\"module\">import('./app.js')</script>\n</head>",
    );
    std::fs::write(app_dir.join("index.html"), with_scripts).expect("writes the template");
    let app = AppBundle::open(&app_dir).expect("opens the bundle");
    let out = temp.path().join("out");
    let options = BuildOptions {
        content_dir: fixture("site"),
        out_dir: out.clone(),
        base_path: Some("/".to_owned()),
        include_drafts: false,
        keep_going: true,
        content_url: None,
    };
    build_site(&options, &app, |_, _| {}).expect("the site builds");
    let pages: Vec<_> = files_of(&out)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 10, "{} pages", pages.len());
    for (path, bytes) in pages {
        let page = String::from_utf8(bytes).expect("UTF-8");
        let Some(at) = page.find("http-equiv=\"Content-Security-Policy\" content=\"") else {
            // A redirect page at an old address runs nothing.
            assert!(csp::script_hashes(&page).is_empty(), "{path:?}");
            continue;
        };
        let policy = &page[at..page[at..].find("\">").map_or(page.len(), |end| at + end)];
        let hashes = csp::script_hashes(&page);
        assert_eq!(hashes.len(), 2, "{path:?}: the template's two scripts");
        for hash in hashes {
            assert!(policy.contains(&hash), "{path:?} lacks {hash}");
        }
    }
}

/// Posts are tokenized in parallel and hashed while merged: the index must
/// still come out byte for byte the same every time.
#[test]
fn the_search_index_is_the_same_on_every_build() {
    let built = build(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/content"),
        "/",
    );
    let posts = &built.report.index.posts;
    assert!(posts.len() > 10, "{} posts", posts.len());
    let first = search::search_files(posts);
    for _ in 0..3 {
        assert_eq!(search::search_files(posts), first);
    }
    let written: Vec<(String, Vec<u8>)> = first
        .iter()
        .map(|(file, _)| {
            (
                file.clone(),
                std::fs::read(built.out.join(file)).expect("written"),
            )
        })
        .collect();
    assert_eq!(written, first, "the build wrote the same index");
}
