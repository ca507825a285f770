//! Generator sites written for these tests under `tests/fixtures/sites/`,
//! plus small configs written to temporary folders for each format and error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use test_case::test_case;

use super::*;

fn site_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sites")
        .join(name)
}

fn detect(name: &str) -> SiteSource {
    detect_site(&site_fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A temporary folder holding `files` (path, text); folders end in `/`.
fn temp_site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        if path.ends_with('/') {
            std::fs::create_dir_all(&full).expect("mkdir");
        } else {
            std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
            std::fs::write(&full, text).expect("write");
        }
    }
    dir
}

fn relative(path: &Path) -> PathBuf {
    let root = site_fixture("").canonicalize().expect("fixtures");
    path.canonicalize()
        .expect("exists")
        .strip_prefix(&root)
        .expect("inside fixtures")
        .to_owned()
}

// ---- detection

#[test_case("hugo", Generator::Hugo, "hugo/content" ; "hugo root")]
#[test_case("hugo/content", Generator::Hugo, "hugo/content" ; "hugo content folder")]
#[test_case("jekyll", Generator::Jekyll, "jekyll" ; "jekyll root")]
#[test_case("jekyll/_posts", Generator::Jekyll, "jekyll" ; "jekyll posts folder")]
#[test_case("zola", Generator::Zola, "zola/content" ; "zola root")]
#[test_case("zola/content", Generator::Zola, "zola/content" ; "zola content folder")]
#[test_case("gatsby", Generator::Gatsby, "gatsby/content/blog" ; "gatsby root")]
#[test_case("nextjs", Generator::NextJs, "nextjs/_posts" ; "nextjs root")]
#[test_case("hugo/content/posts", Generator::Folio, "hugo/content/posts" ; "a section alone is plain")]
fn detects(path: &str, generator: Generator, content_dir: &str) {
    let site = detect(path);
    assert_eq!(site.generator, generator);
    assert_eq!(relative(&site.content_dir), Path::new(content_dir));
}

#[test_case("path: `${__dirname}/contents/posts`,", &["contents/posts"] ; "template literal")]
#[test_case("{ name: 'blog', path: './content/글' }", &["content/글"] ; "relative string")]
#[test_case("path: path.join(__dirname, `src`, \"posts\"),", &["src/posts"] ; "path join")]
#[test_case("const path = require('path'); filePath: 'x', path: __dirname + '/a'", &[] ; "nothing readable")]
fn gatsby_source_paths_are_read(config: &str, expected: &[&str]) {
    assert_eq!(settings::gatsby_source_paths(config), expected);
}

#[test]
fn gatsby_content_folder_comes_from_its_config() {
    let config = "module.exports = {\n  plugins: [\n    { resolve: `gatsby-source-filesystem`, options: { name: `images`, path: `${__dirname}/static` } },\n    { resolve: `gatsby-source-filesystem`, options: { name: `글`, path: `${__dirname}/contents/posts` } },\n  ],\n}\n";
    let dir = temp_site(&[
        ("gatsby-config.js", config),
        ("static/logo.png", "png"),
        ("content/notes.txt", "not posts"),
        (
            "contents/posts/첫-글/index.md",
            "---\ntitle: 첫 글\ndate: 2023-04-01\n---\n본문\n",
        ),
    ]);
    let site = detect_site(dir.path()).expect("reads");
    assert_eq!(site.generator, Generator::Gatsby);
    assert_eq!(site.content_dir, dir.path().join("contents/posts"));
}

#[test]
fn plain_folder_is_folio() {
    let dir = temp_site(&[("2024-01-01-hello.md", "# hi"), ("folio.toml", "")]);
    let site = detect_site(dir.path()).expect("reads");
    assert_eq!(site.generator, Generator::Folio);
    assert_eq!(site.content_dir, dir.path());
    assert_eq!(site.settings, GeneratorSettings::default());
}

#[test_case(&[("config.toml", "title = \"x\"\n")] ; "config toml without content")]
#[test_case(&[("_config.yml", "title: x\n")] ; "jekyll config without posts")]
#[test_case(&[("content/", "")] ; "content folder without config")]
fn lookalikes_are_folio(files: &[(&str, &str)]) {
    let dir = temp_site(files);
    assert_eq!(
        detect_site(dir.path()).expect("reads").generator,
        Generator::Folio
    );
}

#[test_case(&[("hugo.yaml", "title: Y\ncontentDir: writing\n"), ("writing/", "")], Generator::Hugo, "writing" ; "hugo contentDir")]
#[test_case(&[("config.yaml", "baseURL: https://a.b/\n"), ("content/", "")], Generator::Hugo, "content" ; "hugo config yaml")]
#[test_case(&[("config/_default/hugo.toml", "title = 'T'\n"), ("content/", "")], Generator::Hugo, "content" ; "hugo config dir")]
#[test_case(&[("config.toml", "base_url = \"https://a.b\"\n"), ("content/", "")], Generator::Zola, "content" ; "zola")]
#[test_case(&[("_config.yaml", "title: J\n"), ("_posts/", "")], Generator::Jekyll, "" ; "jekyll yaml extension")]
#[test_case(&[("next.config.mjs", "export default {}\n"), ("content/posts/", ""), ("posts/", "")], Generator::NextJs, "content/posts" ; "first content folder wins")]
#[test_case(&[("gatsby-config.ts", "export default {}\n"), ("src/posts/", "")], Generator::Gatsby, "src/posts" ; "gatsby src posts")]
fn detects_layouts(files: &[(&str, &str)], generator: Generator, content: &str) {
    let dir = temp_site(files);
    let site = detect_site(dir.path()).expect("reads");
    assert_eq!(site.generator, generator);
    assert_eq!(site.content_dir, dir.path().join(content));
}

// ---- settings

#[test]
fn hugo_settings_from_toml() {
    let s = detect("hugo").settings;
    assert_eq!(s.title.as_deref(), Some("소라의 작은 노트"));
    assert_eq!(
        s.description.as_deref(),
        Some("천천히 쓰는 개발과 여행 이야기")
    );
    assert_eq!(s.lang.as_deref(), Some("ko"));
    assert_eq!(
        s.base_url.as_deref(),
        Some("https://sora.example.github.io/blog/")
    );
    assert_eq!(s.time_zone.as_deref(), Some("Asia/Seoul"));
    let mut taxonomies = s.taxonomies.clone();
    taxonomies.sort();
    assert_eq!(taxonomies, ["categories", "series", "tags"]);
    assert_eq!(
        s.permalinks,
        BTreeMap::from([("posts".to_owned(), "/:year/:month/:title/".to_owned())])
    );
}

#[test]
fn jekyll_settings_from_yaml() {
    let s = detect("jekyll").settings;
    assert_eq!(s.title.as_deref(), Some("Minho's Notebook"));
    assert_eq!(s.description.as_deref(), Some("짧은 기록과 긴 산책"));
    assert_eq!(s.lang.as_deref(), Some("ko"));
    assert_eq!(
        s.base_url.as_deref(),
        Some("https://minho.example.com/notes")
    );
    assert_eq!(s.time_zone.as_deref(), Some("Asia/Seoul"));
    assert_eq!(s.taxonomies, ["tags", "categories"]);
    assert_eq!(
        s.permalinks.get(""),
        Some(&"/:categories/:year/:month/:day/:title:output_ext".to_owned()),
        "no permalink means Jekyll's `date` style"
    );
    assert_eq!(s.exclude, ["scratch", "*.txt"]);
}

#[test]
fn zola_settings_from_toml() {
    let s = detect("zola").settings;
    assert_eq!(s.title.as_deref(), Some("하늘 일지"));
    assert_eq!(s.description.as_deref(), Some("Notes on weather and code"));
    assert_eq!(s.lang.as_deref(), Some("ko"));
    assert_eq!(s.base_url.as_deref(), Some("https://haneul.example.org"));
    assert_eq!(s.taxonomies, ["tags", "categories"]);
    assert_eq!(s.slugify_paths, SlugifyPaths::On);
}

#[test]
fn gatsby_settings_from_site_metadata() {
    let s = detect("gatsby").settings;
    assert_eq!(s.title.as_deref(), Some("Jiwoo Writes"));
    assert_eq!(
        s.description.as_deref(),
        Some("글쓰기와 만들기에 대한 블로그")
    );
    assert_eq!(s.base_url.as_deref(), Some("https://jiwoo.example.dev/"));
    assert_eq!(s.lang, None);
}

#[test]
fn nextjs_settings_are_empty_but_trailing_slash() {
    assert_eq!(detect("nextjs").settings, GeneratorSettings::default());
    let dir = temp_site(&[
        ("next.config.js", "module.exports = { trailingSlash: true }"),
        ("posts/", ""),
    ]);
    assert!(
        detect_site(dir.path())
            .expect("reads")
            .settings
            .trailing_slash
    );
}

#[test_case("hugo.yaml", "title: Y\nbaseurl: https://y.example/\nLanguageCode: en-US\nparams:\n  Description: d\ntaxonomies:\n  tag: tags\n", "Y", "en", "https://y.example/", &["tags"] ; "yaml any key case")]
#[test_case("hugo.json", r#"{"title": "J", "defaultContentLanguage": "ko", "baseURL": "https://j.example/", "params": {"description": "d"}}"#, "J", "ko", "https://j.example/", &["tags", "categories"] ; "json default taxonomies")]
#[test_case("config.toml", "title = 'T'\nbaseURL = 'https://t.example/'\nlanguageCode = 'ja-jp'\n[params]\ndescription = 'd'\n[taxonomies]\n", "T", "ja", "https://t.example/", &[] ; "toml taxonomies turned off")]
fn hugo_settings_formats(
    file: &str,
    text: &str,
    title: &str,
    lang: &str,
    base_url: &str,
    taxonomies: &[&str],
) {
    let dir = temp_site(&[(file, text), ("content/", "")]);
    let site = detect_site(dir.path()).expect("reads");
    assert_eq!(site.generator, Generator::Hugo);
    let s = site.settings;
    assert_eq!(s.title.as_deref(), Some(title));
    assert_eq!(s.lang.as_deref(), Some(lang));
    assert_eq!(s.base_url.as_deref(), Some(base_url));
    assert_eq!(s.description.as_deref(), Some("d"));
    assert_eq!(s.taxonomies, taxonomies);
}

#[test]
fn hugo_config_dir_merges_its_tables() {
    let dir = temp_site(&[
        ("config/_default/hugo.toml", "title = 'Split'\n"),
        ("config/_default/params.yaml", "description: from params\n"),
        (
            "config/_default/permalinks.toml",
            "[page]\nposts = '/:slug/'\n",
        ),
        ("content/", ""),
    ]);
    let s = detect_site(dir.path()).expect("reads").settings;
    assert_eq!(s.title.as_deref(), Some("Split"));
    assert_eq!(s.description.as_deref(), Some("from params"));
    assert_eq!(
        s.permalinks.get("posts").map(String::as_str),
        Some("/:slug/")
    );
}

#[test_case("date", "/:categories/:year/:month/:day/:title:output_ext" ; "date")]
#[test_case("pretty", "/:categories/:year/:month/:day/:title/" ; "pretty")]
#[test_case("ordinal", "/:categories/:year/:y_day/:title:output_ext" ; "ordinal")]
#[test_case("none", "/:categories/:title:output_ext" ; "none")]
#[test_case("/blog/:year/:title/", "/blog/:year/:title/" ; "pattern")]
fn jekyll_permalink_styles(style: &str, pattern: &str) {
    let dir = temp_site(&[
        (
            "_config.yml",
            &format!("permalink: {style}\nlocale: en_GB\n"),
        ),
        ("_posts/", ""),
    ]);
    let s = detect_site(dir.path()).expect("reads").settings;
    assert_eq!(s.permalinks.get("").map(String::as_str), Some(pattern));
    assert_eq!(s.lang.as_deref(), Some("en"));
}

#[test_case("", SlugifyPaths::On ; "default")]
#[test_case("[slugify]\npaths = \"safe\"\n", SlugifyPaths::Safe ; "safe")]
#[test_case("[slugify]\npaths = \"off\"\n", SlugifyPaths::Off ; "off")]
fn zola_slugify_setting(extra: &str, expected: SlugifyPaths) {
    let config = format!("base_url = \"https://z.example\"\n{extra}");
    let dir = temp_site(&[("config.toml", &config), ("content/", "")]);
    let s = detect_site(dir.path()).expect("reads").settings;
    assert_eq!(s.slugify_paths, expected);
}

// ---- broken configs

#[test_case("hugo.toml", "title = \"ok\"\nbaseURL = \"https://x/\n[params]\n", 2, "TOML" ; "hugo toml unterminated string")]
#[test_case("hugo.yaml", "title: ok\nparams:\n  description: [unclosed\n", 4, "YAML" ; "hugo yaml unclosed list")]
#[test_case("hugo.json", "{\n  \"title\": \"ok\",\n}\n", 3, "JSON" ; "hugo json trailing comma")]
#[test_case("_config.yml", "title: ok\nurl: \"https://x\n", 3, "YAML" ; "jekyll yaml unterminated")]
#[test_case("config.toml", "base_url = \"https://z\"\ntitle = = 1\n", 2, "TOML" ; "zola toml")]
fn broken_config_names_file_and_line(file: &str, text: &str, line: usize, format: &str) {
    let dir = temp_site(&[(file, text), ("content/", ""), ("_posts/", "")]);
    let err = detect_site(dir.path()).expect_err("broken config");
    match &err {
        GeneratorError::Syntax {
            path, line: got, ..
        } => {
            assert_eq!(path, &dir.path().join(file));
            assert_eq!(*got, line, "{err}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(&format!("{file}:{line}:")), "{message}");
    assert!(
        message.contains(&format!("fix: correct the {format} syntax")),
        "{message}"
    );
}

#[test_case(&[("hugo.toml", "title = 'x'\n")], "Hugo", "content" ; "hugo")]
#[test_case(&[("hugo.toml", "contentDir = 'posts'\n"), ("content/", "")], "Hugo", "posts" ; "hugo content dir")]
#[test_case(&[("config.toml", "base_url = 'https://z'\n")], "Zola", "content" ; "zola")]
#[test_case(&[("gatsby-config.js", "module.exports = {}\n")], "Gatsby", "content/blog" ; "gatsby")]
fn missing_content_folder(files: &[(&str, &str)], generator: &str, content: &str) {
    let dir = temp_site(files);
    let err = detect_site(dir.path()).expect_err("no content");
    let GeneratorError::MissingContent {
        generator: got,
        content_dir,
        ..
    } = &err
    else {
        panic!("expected missing content, got {err:?}");
    };
    assert_eq!(*got, generator);
    assert_eq!(content_dir, &dir.path().join(content));
    assert!(err.to_string().contains("fix: "), "{err}");
}

#[test]
fn broken_config_beside_content_folder_is_reported() {
    let dir = temp_site(&[("hugo.toml", "title = \n"), ("content/", "")]);
    let err = detect_site(&dir.path().join("content")).expect_err("broken parent config");
    assert!(
        matches!(err, GeneratorError::Syntax { line: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn missing_folder_is_a_read_error() {
    let err = detect_site(Path::new("no/such/folder")).expect_err("missing");
    assert!(matches!(err, GeneratorError::Read { .. }), "{err:?}");
    assert!(err.to_string().contains("no/such/folder"));
}

// ---- classify

fn page() -> FrontMatterHints {
    FrontMatterHints {
        layout: Some("page".to_owned()),
        ..Default::default()
    }
}

fn skip(reason: SkipReason) -> FileRole {
    FileRole::Skip { reason }
}

fn classify_in(name: &str, file: &str, hints: Option<FrontMatterHints>) -> FileRole {
    detect(name).classify(Path::new(file), hints.as_ref())
}

#[test_case("_index.md", FileRole::Section ; "home section")]
#[test_case("posts/_index.md", FileRole::Section ; "section")]
#[test_case("about.md", FileRole::Page ; "top level page")]
#[test_case("posts/first-snow.md", FileRole::Post ; "post in section")]
#[test_case("notes/quick-tip.md", FileRole::Post ; "post in other section")]
#[test_case("posts/trip-to-jeju/index.md", FileRole::Post ; "bundle in section")]
#[test_case("about/index.md", FileRole::Page ; "top level bundle")]
#[test_case("posts/trip-to-jeju/harbour.svg", FileRole::Asset ; "bundle image")]
#[test_case("posts/trip-to-jeju/packing-list.md", skip(SkipReason::BundleResource) ; "markdown in bundle")]
#[test_case("posts/.DS_Store", skip(SkipReason::Hidden) ; "hidden")]
#[test_case("node_modules/x/readme.md", skip(SkipReason::Dependencies) ; "packages")]
fn classify_hugo(file: &str, role: FileRole) {
    assert_eq!(
        classify_in("hugo", file, Some(FrontMatterHints::default())),
        role
    );
}

#[test_case("_index.md", FileRole::Section ; "home section")]
#[test_case("blog/_index.md", FileRole::Section ; "section")]
#[test_case("about.md", FileRole::Page ; "page")]
#[test_case("blog/2024-02-10-first-light.md", FileRole::Post ; "post")]
#[test_case("blog/봄-소식/index.md", FileRole::Post ; "colocated post")]
fn classify_zola(file: &str, role: FileRole) {
    assert_eq!(
        classify_in("zola", file, Some(FrontMatterHints::default())),
        role
    );
}

#[test_case("_posts/2019-05-01-spring-notes.md", Some(FrontMatterHints::default()), FileRole::Post ; "post")]
#[test_case("_posts/2020/2020-01-02-새해-다짐.md", Some(FrontMatterHints::default()), FileRole::Post ; "nested post")]
#[test_case("travel/_posts/2021-03-04-Busan-Harbour.md", Some(FrontMatterHints::default()), FileRole::Post ; "category posts folder")]
#[test_case("_posts/2019-05-01-spring-notes.md", None, FileRole::Post ; "post without front matter")]
#[test_case("_posts/undated-thoughts.md", Some(FrontMatterHints::default()), skip(SkipReason::UndatedPostName) ; "undated post name")]
#[test_case("_drafts/half-written.md", Some(FrontMatterHints::default()), FileRole::Draft ; "draft")]
#[test_case("about.md", Some(page()), FileRole::Page ; "page")]
#[test_case("plain-notes.md", None, skip(SkipReason::NoFrontMatter) ; "markdown without front matter")]
#[test_case("README.md", Some(FrontMatterHints::default()), skip(SkipReason::RepositoryFile) ; "readme")]
#[test_case("Gemfile", None, skip(SkipReason::RepositoryFile) ; "gemfile")]
#[test_case("LICENSE.txt", None, skip(SkipReason::Excluded) ; "excluded by pattern first")]
#[test_case("CHANGELOG.md", None, skip(SkipReason::RepositoryFile) ; "changelog")]
#[test_case("_config.yml", None, skip(SkipReason::Config) ; "config")]
#[test_case("_layouts/default.html", None, skip(SkipReason::Theme) ; "layouts")]
#[test_case("_includes/head.html", None, skip(SkipReason::Theme) ; "includes")]
#[test_case("_sass/main.scss", None, skip(SkipReason::Theme) ; "sass")]
#[test_case("_data/authors.yml", None, skip(SkipReason::SiteData) ; "data")]
#[test_case("_site/index.html", None, skip(SkipReason::BuildOutput) ; "build output")]
#[test_case("vendor/bundle/gems/x.md", None, skip(SkipReason::Dependencies) ; "vendor")]
#[test_case("_notes/x.md", Some(FrontMatterHints::default()), skip(SkipReason::Underscored) ; "underscored folder")]
#[test_case("scratch/idea.md", Some(FrontMatterHints::default()), skip(SkipReason::Excluded) ; "excluded folder")]
#[test_case("index.html", Some(FrontMatterHints::default()), skip(SkipReason::Theme) ; "html template")]
#[test_case("assets/img/cover.svg", None, FileRole::Asset ; "static asset")]
fn classify_jekyll(file: &str, hints: Option<FrontMatterHints>, role: FileRole) {
    assert_eq!(classify_in("jekyll", file, hints), role);
}

#[test_case("gatsby", "hello-world/index.md", None, FileRole::Post ; "gatsby bundle")]
#[test_case("gatsby", "reading-list.md", None, FileRole::Post ; "gatsby file")]
#[test_case("gatsby", "hello-world/desk.svg", None, FileRole::Asset ; "gatsby image")]
#[test_case("gatsby", "about.md", Some(FrontMatterHints { kind: Some("page".into()), ..Default::default() }), FileRole::Page ; "gatsby typed page")]
#[test_case("gatsby", "notes.mdx", None, FileRole::Post ; "gatsby mdx")]
#[test_case("nextjs", "hello-next.md", None, FileRole::Post ; "next post")]
#[test_case("nextjs", "about.md", Some(page()), FileRole::Page ; "next page")]
fn classify_js(name: &str, file: &str, hints: Option<FrontMatterHints>, role: FileRole) {
    assert_eq!(classify_in(name, file, hints), role);
}

#[test_case("2024-01-01-hello.md", None, FileRole::Post ; "post")]
#[test_case("export.txt", None, FileRole::Post ; "text export")]
#[test_case("_index.md", None, FileRole::Section ; "section")]
#[test_case("pages/about.md", None, FileRole::Page ; "pages folder")]
#[test_case("about.md", Some(page()), FileRole::Page ; "layout page")]
#[test_case("img/a.png", None, FileRole::Asset ; "asset")]
#[test_case("folio.toml", None, skip(SkipReason::Config) ; "config")]
#[test_case(".git/config", None, skip(SkipReason::Hidden) ; "git")]
fn classify_folio(file: &str, hints: Option<FrontMatterHints>, role: FileRole) {
    let site = SiteSource {
        generator: Generator::Folio,
        root: PathBuf::from("blog"),
        content_dir: PathBuf::from("blog"),
        settings: GeneratorSettings::default(),
    };
    assert_eq!(site.classify(Path::new(file), hints.as_ref()), role);
}

#[test]
fn every_skip_reason_says_why() {
    let site = detect("jekyll");
    for file in ["README.md", "_layouts/default.html", "_site/index.html"] {
        let FileRole::Skip { reason } = site.classify(Path::new(file), None) else {
            panic!("{file} should be skipped");
        };
        assert!(reason.to_string().len() > 10, "{file}: {reason}");
    }
}

// ---- old URLs

fn memory_site(generator: Generator, settings: GeneratorSettings) -> SiteSource {
    SiteSource {
        generator,
        root: PathBuf::from("site"),
        content_dir: PathBuf::from("site/content"),
        settings,
    }
}

fn parts(file: &str) -> OldUrlParts {
    OldUrlParts {
        file: PathBuf::from(file),
        ..Default::default()
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn hugo_site(pattern: &str) -> SiteSource {
    memory_site(
        Generator::Hugo,
        GeneratorSettings {
            permalinks: BTreeMap::from([("posts".to_owned(), pattern.to_owned())]),
            ..Default::default()
        },
    )
}

fn hugo_post() -> OldUrlParts {
    OldUrlParts {
        file: PathBuf::from("posts/tech/first-snow.md"),
        title: Some("첫눈 오는 날: A Note!".to_owned()),
        date: date(2023, 12, 1),
        ..Default::default()
    }
}

#[test_case("/:year/:month/:day/:filename/", Some("2023/12/01/first-snow/") ; "date and filename")]
#[test_case("/:year/:month/:title/", Some("2023/12/첫눈-오는-날-a-note/") ; "title urlized")]
#[test_case("/:slug/", Some("첫눈-오는-날-a-note/") ; "slug falls back to title")]
#[test_case("/:slugorfilename/", Some("first-snow/") ; "slug or filename")]
#[test_case("/:contentbasename/", Some("first-snow/") ; "content base name")]
#[test_case("/:section/:yearday/", Some("posts/335/") ; "section and yearday")]
#[test_case("/:sections/:filename", Some("posts/tech/first-snow") ; "sections without slash")]
#[test_case("/:monthname/:weekdayname/", Some("december/friday/") ; "names")]
#[test_case("/:year/:unknown/", None ; "unknown token")]
fn hugo_permalink_tokens(pattern: &str, url: Option<&str>) {
    assert_eq!(
        hugo_site(pattern).old_post_url(&hugo_post()).as_deref(),
        url
    );
}

#[test_case(parts("posts/first-snow.md"), Some("posts/first-snow/") ; "default section and file")]
#[test_case(OldUrlParts { slug: Some("Snow Day".into()), ..parts("posts/first-snow.md") }, Some("posts/snow-day/") ; "default with slug")]
#[test_case(parts("posts/Trip To Jeju/index.md"), Some("posts/trip-to-jeju/") ; "bundle folder lowercased")]
#[test_case(parts("about.md"), Some("about/") ; "top page")]
#[test_case(OldUrlParts { permalink: Some("/legacy/old.html".into()), ..parts("posts/x.md") }, Some("legacy/old.html") ; "front matter url wins")]
fn hugo_default_urls(post: OldUrlParts, url: Option<&str>) {
    let site = memory_site(Generator::Hugo, GeneratorSettings::default());
    assert_eq!(site.old_post_url(&post).as_deref(), url);
}

#[test]
fn hugo_permalink_without_date_is_unknown() {
    let post = OldUrlParts {
        date: None,
        ..hugo_post()
    };
    assert_eq!(hugo_site("/:year/:title/").old_post_url(&post), None);
}

fn jekyll_site(style: &str) -> SiteSource {
    let dir = temp_site(&[
        ("_config.yml", &format!("permalink: {style}\n")),
        ("_posts/", ""),
    ]);
    let mut site = detect_site(dir.path()).expect("reads");
    site.root = PathBuf::from("site");
    site.content_dir = PathBuf::from("site");
    site
}

fn jekyll_post() -> OldUrlParts {
    OldUrlParts {
        file: PathBuf::from("travel/_posts/2019-05-01-Spring Notes!.md"),
        categories: vec![
            "Korea".to_owned(),
            "travel".to_owned(),
            "Road Trips".to_owned(),
        ],
        ..Default::default()
    }
}

#[test_case("date", "travel/korea/road trips/2019/05/01/Spring-Notes!.html" ; "date")]
#[test_case("pretty", "travel/korea/road trips/2019/05/01/Spring-Notes!/" ; "pretty")]
#[test_case("ordinal", "travel/korea/road trips/2019/121/Spring-Notes!.html" ; "ordinal")]
#[test_case("weekdate", "travel/korea/road trips/2019/W18/Wed/Spring-Notes!.html" ; "weekdate")]
#[test_case("none", "travel/korea/road trips/Spring-Notes!.html" ; "none")]
#[test_case("/:slugified_categories/:slug", "travel/korea/road-trips/spring-notes" ; "slugified")]
#[test_case("/:short_year/:i_month/:i_day/:short_month/:long_month/:long_day/:name/", "19/5/1/May/May/Wednesday/spring-notes/" ; "more date tokens")]
fn jekyll_permalink_styles_urls(style: &str, url: &str) {
    assert_eq!(
        jekyll_site(style).old_post_url(&jekyll_post()).as_deref(),
        Some(url)
    );
}

#[test_case(parts("_posts/2019-05-01-spring-notes.md"), Some("2019/05/01/spring-notes.html") ; "no categories collapse")]
#[test_case(parts("_posts/2020/2020-01-02-새해-다짐.md"), Some("2020/01/02/새해-다짐.html") ; "nested folder is not a category")]
#[test_case(OldUrlParts { date: date(2019, 6, 2), ..parts("_posts/2019-05-01-spring-notes.md") }, Some("2019/06/02/spring-notes.html") ; "front matter date wins")]
#[test_case(OldUrlParts { slug: Some("Custom Slug".into()), ..parts("_posts/2019-05-01-spring-notes.md") }, Some("2019/05/01/Custom-Slug.html") ; "front matter slug")]
#[test_case(OldUrlParts { permalink: Some("/:year/:title/".into()), ..parts("_posts/2019-05-01-spring-notes.md") }, Some("2019/spring-notes/") ; "front matter permalink with tokens")]
#[test_case(parts("_posts/undated.md"), None ; "no date")]
#[test_case(parts("_drafts/idea.md"), None ; "drafts were never published")]
#[test_case(parts("about.md"), None ; "not a post")]
fn jekyll_urls(post: OldUrlParts, url: Option<&str>) {
    assert_eq!(jekyll_site("date").old_post_url(&post).as_deref(), url);
}

#[test_case(SlugifyPaths::On, parts("blog/2024-02-10-First Light.md"), Some("blog/first-light/") ; "date prefix dropped")]
#[test_case(SlugifyPaths::On, parts("blog/봄-소식/index.md"), Some("blog/bom-sosig/") ; "hangul transliterated")]
#[test_case(SlugifyPaths::Safe, parts("blog/봄-소식/index.md"), Some("blog/봄-소식/") ; "safe keeps hangul")]
#[test_case(SlugifyPaths::Off, parts("Blog/Mixed Case.md"), Some("Blog/Mixed Case/") ; "off keeps names")]
#[test_case(SlugifyPaths::On, OldUrlParts { slug: Some("custom".into()), ..parts("blog/x.md") }, Some("blog/custom/") ; "front matter slug")]
#[test_case(SlugifyPaths::On, OldUrlParts { permalink: Some("/kept/here".into()), ..parts("blog/x.md") }, Some("kept/here/") ; "front matter path")]
#[test_case(SlugifyPaths::On, parts("about.md"), Some("about/") ; "top page")]
fn zola_urls(slugify_paths: SlugifyPaths, post: OldUrlParts, url: Option<&str>) {
    let site = memory_site(
        Generator::Zola,
        GeneratorSettings {
            slugify_paths,
            ..Default::default()
        },
    );
    assert_eq!(site.old_post_url(&post).as_deref(), url);
}

#[test_case("hello-world/index.md", Some("hello-world/") ; "bundle")]
#[test_case("2020/new-desk/index.md", Some("2020/new-desk/") ; "nested bundle")]
#[test_case("reading-list.md", Some("reading-list/") ; "file")]
fn gatsby_urls(file: &str, url: Option<&str>) {
    assert_eq!(detect("gatsby").old_post_url(&parts(file)).as_deref(), url);
}

#[test_case("_posts", false, "hello-next.md", Some("posts/hello-next") ; "posts route")]
#[test_case("_posts", true, "hello-next.md", Some("posts/hello-next/") ; "trailing slash")]
#[test_case("blog", false, "가을-산책.md", Some("blog/가을-산책") ; "blog route")]
#[test_case("blog", false, "deep/er.md", None ; "nested is unknown")]
#[test_case("content", false, "x.md", None ; "unknown route")]
fn nextjs_urls(folder: &str, trailing_slash: bool, file: &str, url: Option<&str>) {
    let site = SiteSource {
        content_dir: PathBuf::from("site").join(folder),
        ..memory_site(
            Generator::NextJs,
            GeneratorSettings {
                trailing_slash,
                ..Default::default()
            },
        )
    };
    assert_eq!(site.old_post_url(&parts(file)).as_deref(), url);
}

#[test]
fn folio_has_no_old_urls() {
    let site = memory_site(Generator::Folio, GeneratorSettings::default());
    assert_eq!(site.old_post_url(&parts("2024-01-01-a.md")), None);
}
