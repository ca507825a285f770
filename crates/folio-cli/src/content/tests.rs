//! The indexer against fixture folders written in each generator's style.

use std::path::{Path, PathBuf};

use super::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn index_dir(dir: &Path) -> ContentIndex {
    index_with(dir, IndexOptions::default())
}

fn index_with(dir: &Path, options: IndexOptions) -> ContentIndex {
    let mut opened = crate::site::open_content(dir, None).expect("fixture opens");
    index_content(&opened.source, &mut opened.site, options, |_, _| {}).expect("fixture indexes")
}

fn error_for<'a>(index: &'a ContentIndex, file: &str) -> &'a Diagnostic {
    index
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error && d.file == Path::new(file))
        .unwrap_or_else(|| panic!("no error for {file}: {:#?}", index.diagnostics))
}

fn warning_for<'a>(index: &'a ContentIndex, file: &str) -> &'a Diagnostic {
    index
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning && d.file == Path::new(file))
        .unwrap_or_else(|| panic!("no warning for {file}: {:#?}", index.diagnostics))
}

fn post<'a>(index: &'a ContentIndex, slug: &str) -> &'a PostMeta {
    &index
        .posts
        .iter()
        .find(|p| p.meta.slug == slug)
        .unwrap_or_else(|| panic!("no post {slug}"))
        .meta
}

#[test]
fn every_input_is_a_post_a_draft_or_an_error() {
    // A bad date and a shared slug no longer cost a post: they are warnings.
    let index = index_dir(&fixture("mixed"));
    let source = generator::detect_site(&fixture("mixed")).expect("detects");
    let files = list_files(&source).expect("lists");
    assert_eq!(files.posts.len(), 14);
    assert_eq!(index.input_count(), files.posts.len());
    assert_eq!(
        (index.posts.len(), index.drafts.len(), index.failed.len()),
        (9, 1, 3)
    );
    assert_eq!(index.error_count(), index.failed.len());
    assert_eq!(files.assets, [PathBuf::from("gatsby-bundle/cover.svg")]);
}

#[test]
fn posts_are_newest_first() {
    let index = index_dir(&fixture("mixed"));
    // `bad-date` is dated by its file's modification time, so it is left out here.
    let slugs: Vec<&str> = index
        .posts
        .iter()
        .map(|p| p.meta.slug.as_str())
        .filter(|slug| *slug != "bad-date")
        .collect();
    assert_eq!(
        slugs,
        [
            "2024-01-01-new-year",
            "json-post",
            "tistory-export",
            "gatsby-bundle",
            "toml-post",
            "bom-crlf",
            "2020-01-01-new-year",
            "euc-kr"
        ]
    );
}

#[test]
fn a_post_just_after_midnight_in_seoul_belongs_to_the_new_year() {
    let index = index_dir(&fixture("mixed"));
    let new_year = post(&index, "2024-01-01-new-year");
    assert_eq!(new_year.date, "2024-01-01T00:30:00+09:00");
    assert_eq!(
        (new_year.local_date.year, new_year.local_date.month),
        (2024, 1)
    );
}

#[test]
fn bad_files_are_reported_with_line_and_fix() {
    let index = index_dir(&fixture("mixed"));
    let tab = error_for(&index, "tab-indented.md");
    assert_eq!(tab.line, 4);
    assert!(tab.fix.contains("spaces"));
    assert_eq!(error_for(&index, "unterminated.md").line, 1);
    let bad_date = warning_for(&index, "bad-date.md");
    assert_eq!(bad_date.line, 3);
    assert!(bad_date.message.contains("sometime soon"));
    assert!(bad_date.message.contains("modification time"));
    let duplicate = warning_for(&index, "duplicate-slug.md");
    assert!(duplicate.message.contains("2024-01-01-new-year.md"));
    assert!(duplicate
        .message
        .contains("published as `2020-01-01-new-year`"));
    // An empty file is accounted for as skipped, with a warning, not as a failed post.
    assert!(warning_for(&index, "empty.md").message.contains("empty"));
    assert!(index.skipped.contains(&PathBuf::from("empty.md")));
    assert_eq!(error_for(&index, "binary.md").line, 2);
}

#[test]
fn exports_without_front_matter_are_kept_and_the_guesses_reported() {
    let index = index_dir(&fixture("mixed"));
    let export = post(&index, "tistory-export");
    assert_eq!(export.title, "쿠버네티스 첫 배포");
    assert_eq!(export.date, "2023-01-06T10:16:00+09:00");
    assert_eq!(export.source, "content/2023-01-06-tistory-export.md");
    let notes: Vec<&Diagnostic> = index
        .diagnostics
        .iter()
        .filter(|d| d.file == Path::new("2023-01-06-tistory-export.txt"))
        .collect();
    // The title's line, the date's line, and the dropped chrome's first line.
    assert_eq!(notes.iter().map(|d| d.line).collect::<Vec<_>>(), [4, 5, 9]);
    let body = &index
        .posts
        .iter()
        .find(|p| p.meta.slug == "tistory-export")
        .map(|p| p.body.clone());
    assert_eq!(
        body.as_deref(),
        Some("오늘 처음으로 클러스터에 배포했다.\n")
    );
}

#[test]
fn generator_fields_map_onto_one_model() {
    let index = index_dir(&fixture("mixed"));
    let bundle = post(&index, "gatsby-bundle");
    assert_eq!(bundle.subtitle.as_deref(), Some("With an image beside it"));
    assert_eq!(bundle.tags, ["gatsby", "회고", "dev"]);
    assert_eq!(
        bundle.cover.as_deref(),
        Some("content/gatsby-bundle/cover.svg")
    );
    assert_eq!(bundle.summary, "A short excerpt written by hand.");
    let hugo = post(&index, "toml-post");
    assert_eq!(hugo.aliases, ["/2021/12/hugo-with-toml/"]);
    assert_eq!(hugo.updated.as_deref(), Some("2022-01-02T00:00:00+09:00"));
    assert_eq!(hugo.extra.get("weight"), Some(&serde_json::json!(10)));
    assert_eq!(post(&index, "json-post").tags, ["json", "misc"]);
    assert_eq!(post(&index, "bom-crlf").title, "BOM and CRLF");
    assert_eq!(post(&index, "euc-kr").title, "옛 인코딩");
}

#[test]
fn manifest_entries_match_their_snapshot() {
    let index = index_dir(&fixture("mixed"));
    // `bad-date` is dated by its file's modification time, which differs per checkout.
    let metas: Vec<&PostMeta> = index
        .posts
        .iter()
        .map(|p| &p.meta)
        .filter(|meta| meta.slug != "bad-date")
        .collect();
    insta::assert_json_snapshot!("mixed_manifest_posts", metas);
}

#[test]
fn drafts_are_built_when_asked() {
    let index = index_with(
        &fixture("mixed"),
        IndexOptions {
            include_drafts: true,
            ..IndexOptions::default()
        },
    );
    assert!(index.posts.iter().any(|p| p.meta.slug == "draft"));
    assert!(index.drafts.is_empty());
}

#[test]
fn a_five_megabyte_post_is_indexed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paragraph = "긴 글의 한 문단입니다. A long paragraph of text. ".repeat(20);
    let body: String = std::iter::repeat_n(
        format!("{paragraph}\n\n"),
        5 * 1024 * 1024 / paragraph.len(),
    )
    .collect();
    std::fs::write(
        dir.path().join("2024-05-05-huge.md"),
        format!("---\ntitle: Huge\n---\n{body}"),
    )
    .expect("write");
    let index = index_dir(dir.path());
    assert_eq!(index.posts.len(), 1);
    assert!(index.posts[0].meta.reading_minutes > 100);
    assert!(index.posts[0].meta.summary.chars().count() <= 161);
}

#[test]
fn each_generator_style_is_read() {
    let index = index_dir(&fixture("generators"));
    assert_eq!(index.error_count(), 0, "{:#?}", index.diagnostics);
    assert_eq!(index.posts.len(), 6);
    let hugo = post(&index, "trip-to-busan");
    assert_eq!(
        hugo.cover.as_deref(),
        Some("content/hugo/posts/trip-to-busan/sea.svg")
    );
    assert_eq!(hugo.subtitle.as_deref(), Some("광안리와 해운대"));
    assert_eq!(hugo.aliases, ["/2022/10/busan/"]);
    let jekyll = post(&index, "jekyll-post");
    assert_eq!(jekyll.tags, ["jekyll", "update"]);
    assert_eq!(jekyll.date, "2023-05-08T19:30:00+09:00");
    assert_eq!(post(&index, "zola-post").tags, ["rust", "static-sites"]);
    assert_eq!(post(&index, "hello-gatsby").local_date.year, 2020);
    let medium = post(&index, "medium-export");
    assert_eq!(
        (medium.title.as_str(), medium.author.as_deref()),
        ("Notes on Writing Every Day", Some("Jane Doe"))
    );
    let naver = post(&index, "naver-blog");
    assert_eq!(
        (naver.title.as_str(), naver.date.as_str()),
        ("봄날의 산책", "2024-03-21T18:40:00+09:00")
    );
    let metas: Vec<&PostMeta> = index.posts.iter().map(|p| &p.meta).collect();
    insta::assert_json_snapshot!("generators_manifest_posts", metas);
}

#[test]
fn built_drafts_take_their_own_address_and_bundles_take_their_folder_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |path: &str, text: &str| {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
        std::fs::write(file, text).expect("write");
    };
    write("2023-01-01-hello.md", "---\ntitle: Hello\n---\nPublished.");
    write(
        "drafts/hello.md",
        "---\ntitle: Hello again\ndraft: true\n---\nDraft.",
    );
    write(
        "2023-01-06-trip/index.md",
        "No front matter here, only text.\n",
    );
    let index = index_with(
        dir.path(),
        IndexOptions {
            include_drafts: true,
            ..IndexOptions::default()
        },
    );
    assert!(index
        .diagnostics
        .iter()
        .any(|d| d.file == Path::new("drafts/hello.md")
            && d.message.contains("shared with 2023-01-01-hello.md")));
    assert_eq!(index.posts.len(), 3);
    let trip = post(&index, "trip");
    assert_eq!(trip.date, "2023-01-06T00:00:00+00:00");
}

#[test]
fn pages_sections_and_mdx_are_each_what_their_generator_meant() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |path: &str, text: &str| {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
        std::fs::write(file, text).expect("write");
    };
    write("_index.md", "---\ntitle: 블로그\n---\nSection text.");
    write("posts/_index.md", "+++\ntitle = \"Posts\"\n+++\n");
    write("pages/about.md", "---\ntitle: 소개\n---\n안녕하세요.");
    write(
        "contact.md",
        "---\ntitle: Contact\nlayout: page\n---\nWrite to me.",
    );
    write(
        "posts/2024-02-03-charts.mdx",
        "---\ntitle: Charts\n---\nimport Chart from '../chart'\n\nText.",
    );
    let index = index_dir(dir.path());
    assert_eq!(index.error_count(), 0, "{:#?}", index.diagnostics);
    let pages: Vec<&str> = index.pages.iter().map(|p| p.meta.title.as_str()).collect();
    assert_eq!(pages, ["Contact", "소개"]);
    assert_eq!(index.pages[1].meta.source, "content/pages/about.md");
    assert_eq!(index.sections.len(), 2);
    assert_eq!(index.posts.len(), 1);
    assert_eq!(
        index.posts[0].meta.source,
        "content/posts/2024-02-03-charts.md"
    );
    assert_eq!(index.input_count(), 5);
}

#[test]
fn an_impossible_time_is_read_as_the_generator_read_it_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("late.md"),
        "---\ntitle: Late\ndate: 2019-11-02 22:11:72\n---\nText.",
    )
    .expect("write");
    let index = index_dir(dir.path());
    assert_eq!(index.posts[0].meta.date, "2019-11-02T22:12:12+00:00");
    let warning = warning_for(&index, "late.md");
    assert_eq!(warning.line, 3);
    assert!(warning
        .message
        .contains("read as 2019-11-02T22:12:12+00:00"));
}

#[test]
fn an_unreadable_date_falls_back_to_the_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("2018-02-14-valentine.md"),
        "---\ntitle: V\ndate: the fourteenth\n---\nText.",
    )
    .expect("write");
    let index = index_dir(dir.path());
    assert_eq!(index.posts[0].meta.date, "2018-02-14T00:00:00+00:00");
    assert!(warning_for(&index, "2018-02-14-valentine.md")
        .message
        .contains("using the date in the file name"));
}

/// Each generator's site root, indexed as a newcomer would point Folio at it.
fn site_summary(name: &str) -> String {
    let mut opened =
        crate::site::open_content(&fixture(&format!("sites/{name}")), None).expect("opens");
    let index = index_content(
        &opened.source,
        &mut opened.site,
        IndexOptions::default(),
        |_, _| {},
    )
    .expect("indexes");
    let mut lines = vec![format!(
        "{} · title {:?} · lang {} · zone {} · base {} · url {:?}",
        opened.source.generator,
        opened.site.title,
        opened.site.lang,
        opened.site.time_zone,
        opened.site.base_path,
        opened.site.url
    )];
    for post in &index.posts {
        lines.push(format!(
            "post {} {} {:?} aliases {:?}",
            post.meta.slug, post.meta.date, post.meta.title, post.meta.aliases
        ));
    }
    for page in &index.pages {
        lines.push(format!(
            "page {} {:?} aliases {:?}",
            page.meta.slug, page.meta.title, page.meta.aliases
        ));
    }
    for file in &index.sections {
        lines.push(format!("section {}", file.display()));
    }
    for file in &index.skipped {
        lines.push(format!("skipped {}", file.display()));
    }
    for file in &index.drafts {
        lines.push(format!("draft {}", file.display()));
    }
    for file in &index.failed {
        lines.push(format!("failed {}", file.display()));
    }
    lines.join("\n")
}

#[test_case::test_case("hugo" ; "hugo")]
#[test_case::test_case("jekyll" ; "jekyll")]
#[test_case::test_case("zola" ; "zola")]
#[test_case::test_case("gatsby" ; "gatsby")]
#[test_case::test_case("nextjs" ; "nextjs")]
fn a_generator_site_root_is_read_with_its_config(name: &str) {
    insta::assert_snapshot!(format!("site_root_{name}"), site_summary(name));
}

#[test]
fn an_undated_about_file_is_a_page_and_a_dated_one_a_post() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("about.md"),
        "---\ntitle: About me\n---\nHello.",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("2024-01-02-about.md"),
        "---\ntitle: About the new year\n---\nA post.",
    )
    .expect("write");
    let index = index_dir(dir.path());
    let pages: Vec<&str> = index.pages.iter().map(|p| p.meta.title.as_str()).collect();
    assert_eq!(pages, ["About me"]);
    assert_eq!(index.posts.len(), 1);
    assert_eq!(index.posts[0].meta.title, "About the new year");
}

/// A folder written for these tests: posts in `files`, an optional folio.toml.
fn detecting(files: &[(&str, &str)]) -> (ContentIndex, SiteMeta) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
        std::fs::write(file, text).expect("write");
    }
    let mut opened = crate::site::open_content(dir.path(), None).expect("opens");
    let options = IndexOptions {
        detect: opened.detect,
        ..IndexOptions::default()
    };
    let index =
        index_content(&opened.source, &mut opened.site, options, |_, _| {}).expect("indexes");
    (index, opened.site)
}

const KOREAN_BODY: &str = "오늘은 서울에서 부산까지 기차를 타고 내려갔다. 창밖으로 논과 산이 번갈아 지나갔고, 나는 오래된 수첩을 꺼내 지난 여름의 기록을 다시 읽었다.\n";
const ENGLISH_BODY: &str = "We took the train from Seoul to Busan today. Fields and hills went past the window while I reread last summer's notebook.\n";

#[test]
fn site_language_is_detected_and_posts_in_another_get_their_own() {
    let (index, site) = detecting(&[
        (
            "a.md",
            &format!("---\ntitle: A\ndate: 2023-01-01\n---\n{KOREAN_BODY}"),
        ),
        (
            "b.md",
            &format!("---\ntitle: B\ndate: 2023-01-02\n---\n{KOREAN_BODY}{KOREAN_BODY}"),
        ),
        (
            "c.md",
            &format!("---\ntitle: C\ndate: 2023-01-03\n---\n{ENGLISH_BODY}"),
        ),
        (
            "d.md",
            &format!("---\ntitle: D\ndate: 2023-01-04\nlang: ko\n---\n{ENGLISH_BODY}"),
        ),
        (
            "e.md",
            "---\ntitle: E\ndate: 2023-01-05\n---\nShort note.\n",
        ),
    ]);
    assert_eq!(site.lang, "ko");
    assert_eq!(index.detected_lang.as_deref(), Some("ko"));
    assert_eq!(post(&index, "a").lang, None, "same as the site's");
    assert_eq!(post(&index, "c").lang.as_deref(), Some("en"));
    assert_eq!(
        post(&index, "d").lang.as_deref(),
        Some("ko"),
        "the author's word stands"
    );
    assert_eq!(post(&index, "e").lang, None, "too short to tell");
    assert!(index
        .assumption_notes()
        .iter()
        .any(|n| n.contains("detected as `ko`") && n.contains("`lang = ")));
}

#[test]
fn a_configured_language_is_kept_and_posts_still_detected() {
    let (index, site) = detecting(&[
        ("folio.toml", "lang = \"en\"\n"),
        (
            "a.md",
            &format!("---\ntitle: A\ndate: 2023-01-01\n---\n{KOREAN_BODY}"),
        ),
        (
            "b.md",
            &format!("---\ntitle: B\ndate: 2023-01-02\n---\n{ENGLISH_BODY}"),
        ),
    ]);
    assert_eq!(site.lang, "en");
    assert_eq!(index.detected_lang, None);
    assert_eq!(post(&index, "a").lang.as_deref(), Some("ko"));
    assert_eq!(post(&index, "b").lang, None);
    assert!(index.assumption_notes().is_empty());
}

const TISTORY_EXPORT: &str =
    "개발 일지\n카테고리 없음\n\n쿠버네티스 첫 배포\n2023. 1. 6. 10:16\n\n본문을 시작합니다.\n";

#[test]
fn korean_platform_exports_are_read_in_seoul_time_when_no_zone_is_set() {
    let (index, site) = detecting(&[
        ("first-deploy.txt", TISTORY_EXPORT),
        (
            "note.md",
            "---\ntitle: Note\ndate: 2023-02-01T09:00:00\n---\nText.\n",
        ),
    ]);
    assert_eq!(site.time_zone, "Asia/Seoul");
    assert_eq!(
        post(&index, "first-deploy").date,
        "2023-01-06T10:16:00+09:00"
    );
    assert_eq!(index.assumed_time_zone, Some(("Asia/Seoul".into(), 1)));
    let notes = index.assumption_notes();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("read as Asia/Seoul time") && n.contains("`time_zone = ")),
        "{notes:?}"
    );
}

#[test]
fn a_configured_zone_wins_over_the_platform() {
    let (index, site) = detecting(&[
        ("folio.toml", "time_zone = \"UTC\"\n"),
        ("first-deploy.txt", TISTORY_EXPORT),
    ]);
    assert_eq!(site.time_zone, "UTC");
    assert_eq!(
        post(&index, "first-deploy").date,
        "2023-01-06T10:16:00+00:00"
    );
    assert_eq!(index.assumed_time_zone, None);
}

#[test]
fn other_exports_keep_the_default_zone() {
    let (index, site) = detecting(&[(
        "year.txt",
        "My Year in Rust\nJane Doe\nJul 02. 2023 · 4 min read\n\nIt began in January.\n",
    )]);
    assert_eq!(site.time_zone, "UTC");
    assert_eq!(index.assumed_time_zone, None);
    assert!(post(&index, "year").date.ends_with("+00:00"));
}

/// Files are listed in the order of a walk that sorts each folder by name,
/// however names and folders interleave.
#[test]
fn files_are_listed_as_a_walk_sorted_by_name_lists_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        "a.md",
        "a/b.md",
        "a/z/y.md",
        "a b.md",
        "a-b.md",
        "a.b/c.md",
        "B.md",
        "가/나.md",
        "가.md",
        "z.md",
        "a/cover.png",
        "img/a.png",
    ];
    for file in files {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creates folders");
        std::fs::write(&path, "---\ntitle: t\ndate: 2024-01-01\n---\n").expect("writes");
    }
    let source = generator::detect_site(dir.path()).expect("detects");
    let listed = list_files(&source).expect("lists");
    let walked: Vec<PathBuf> = walkdir::WalkDir::new(dir.path())
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("walks"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            entry
                .path()
                .strip_prefix(dir.path())
                .expect("below")
                .to_path_buf()
        })
        .collect();
    let (posts, assets): (Vec<PathBuf>, Vec<PathBuf>) = walked
        .into_iter()
        .partition(|path| path.extension().is_some_and(|e| e == "md"));
    assert_eq!(listed.posts, posts);
    assert_eq!(listed.assets, assets);
}
