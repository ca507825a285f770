//! Table tests for the markup pass.

use std::path::Path;

use folio_core::markdown::{render_markdown, RenderOptions};
use test_case::test_case;

use super::{has_nothing_to_rewrite, rewrite_markup, rewrite_parsed};
use crate::normalize::{NormalizeContext, Normalized, PostLinks};

struct NoLinks;

impl PostLinks for NoLinks {
    fn post_url(&self, _reference: &str) -> Option<String> {
        None
    }
}

fn run(markdown: &str, mdx: bool) -> (String, Normalized) {
    let context = context(mdx);
    let mut out = Normalized::default();
    let markdown = rewrite_markup(markdown, &context, &mut out).into_owned();
    (markdown, out)
}

fn context(mdx: bool) -> NormalizeContext<'static> {
    NormalizeContext {
        file: Path::new("2024/notes.md"),
        content_dir: Path::new("content"),
        base_path: "/",
        site_url: None,
        links: &NoLinks,
        mdx,
        liquid: true,
        shortcodes: &NO_SHORTCODES,
    }
}

static NO_SHORTCODES: std::sync::LazyLock<crate::normalize::templates::SiteShortcodes> =
    std::sync::LazyLock::new(Default::default);

fn page(markdown: &str, mdx: bool) -> String {
    let (normalised, _) = run(markdown, mdx);
    render_markdown(
        &normalised,
        &RenderOptions {
            post_dir_href: "/content/2024/",
            ..Default::default()
        },
    )
    .html
}

#[test_case("# 제목\n\n본문 *강조*와 `code <b>`.\n\n```rust\nlet x = \"<script>\";\n```\n" ; "korean prose and code")]
#[test_case("Plain text with a < b and 3 > 2.\n\n- list\n- items\n" ; "comparisons")]
#[test_case("| a | b |\n|---|---|\n| 1 | 2 |\n" ; "table")]
#[test_case("It costs $5 and $10 today.\n" ; "prices")]
#[test_case("```latex\n\\begin{align}\na &= b\n\\end{align}\n```\n" ; "environment in a fence")]
#[test_case("Write `\\begin{align}` and `\\end{align}` around the rows.\n" ; "environment named in code spans")]
#[test_case("\\begin{itemize}\n\\item one\n\\end{itemize}\n" ; "a text environment is not math")]
fn bodies_without_html_or_math_come_back_byte_identical(input: &str) {
    assert_eq!(run(input, false).0, input);
}

#[test_case("<img src=\"cat.png\" alt=\"고양이\" title=\"T\" width=\"700px\" height=\"300\" srcset=\"cat.png 1x\">", "<img src=\"cat.png\" alt=\"고양이\" title=\"T\" width=\"700\" height=\"300\" srcset=\"cat.png 1x\">" ; "img with px width")]
#[test_case("<p align=\"center\"><img src=\"a.png\"></p>", "<p class=\"align-center\"><img src=\"a.png\"></p>" ; "align becomes class")]
#[test_case("<center>가운데</center>", "<div class=\"align-center\">가운데</div>" ; "center")]
#[test_case("<a href=\"https://example.com\" rel=\"nofollow\" title=\"t\">x</a>", "<a href=\"https://example.com\" title=\"t\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>" ; "external link")]
#[test_case("<a href=\"../other/\">x</a>", "<a href=\"../other/\">x</a>" ; "relative link stays relative")]
#[test_case("<figure><img src=\"a.png\"><figcaption>그림 1</figcaption></figure>", "<figure><img src=\"a.png\"><figcaption>그림 1</figcaption></figure>" ; "figure")]
#[test_case("<picture><source srcset=\"a.webp\" type=\"image/webp\"><img src=\"a.png\"></picture>", "<picture><source srcset=\"a.webp\" type=\"image/webp\"><img src=\"a.png\"></picture>" ; "picture")]
#[test_case("<video src=\"a.mp4\" autoplay></video>", "<video src=\"a.mp4\" controls></video>" ; "video autoplay dropped")]
#[test_case("<video src=\"a.mp4\" autoplay muted loop></video>", "<video src=\"a.mp4\" autoplay muted loop controls></video>" ; "muted video keeps autoplay")]
#[test_case("<audio src=\"a.mp3\"></audio>", "<audio src=\"a.mp3\" controls></audio>" ; "audio")]
#[test_case("<table><thead><tr><th colspan=\"2\" style=\"color:red\">H</th></tr></thead><tbody><tr><td align=\"right\">1</td></tr></tbody></table>", "<table><thead><tr><th colspan=\"2\">H</th></tr></thead><tbody><tr><td class=\"align-right\">1</td></tr></tbody></table>" ; "table parts")]
#[test_case("<div class=\"note x\" id=\"y\"><span>s</span> <small>작게</small> <u>u</u> <s>s</s> <del>d</del> <ins>i</ins></div>", "<div class=\"note x\"><span>s</span> <small>작게</small> <u>u</u> <s>s</s> <del>d</del> <ins>i</ins></div>" ; "inline formatting")]
#[test_case("<p><b>b</b><i>i</i><strong>s</strong><em>e</em><br/><sup>1</sup><sub>2</sub><kbd>K</kbd><mark>m</mark><abbr title=\"HyperText\">H</abbr></p>", "<p><b>b</b><i>i</i><strong>s</strong><em>e</em><br><sup>1</sup><sub>2</sub><kbd>K</kbd><mark>m</mark><abbr title=\"HyperText\">H</abbr></p>" ; "phrasing")]
#[test_case("<details open><summary>더 보기</summary><blockquote>q</blockquote><pre><code>c</code></pre><ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><hr><h3>h</h3><aside>a</aside></details>", "<details open><summary>더 보기</summary><blockquote>q</blockquote><pre><code>c</code></pre><ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><hr><h3>h</h3><aside>a</aside></details>" ; "block elements")]
#[test_case("<div class=\"a{b} ok\">x</div>", "<div class=\"ok\">x</div>" ; "unsafe class names dropped")]
#[test_case("<iframe width=\"560\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" frameborder=\"0\"></iframe>", "<div class=\"embed\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"YouTube video\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\" allowfullscreen></iframe></div>" ; "youtube iframe")]
#[test_case("<iframe src=\"https://tracker.example/widget\"></iframe>", "<a href=\"https://tracker.example/widget\" target=\"_blank\" rel=\"noopener noreferrer\">https://tracker.example/widget</a>" ; "unknown iframe becomes a link")]
fn html_blocks(input: &str, expected: &str) {
    let (out, _) = run(&format!("{input}\n"), false);
    assert_eq!(out, format!("{expected}\n"));
}

#[test_case("Press <U>this</U> and <B>that</B>.", "Press <u>this</u> and <b>that</b>." ; "upper case tags")]
#[test_case("A `List<String>` and List<String> here.", "A `List<String>` and List&lt;String> here." ; "generic in prose")]
#[test_case("| type | note |\n|---|---|\n| Map<K, V> | List<String> |", "| type | note |\n|---|---|\n| Map<K, V> | List&lt;String> |" ; "generics in a table")]
#[test_case("x <script>alert(1)</script> y", "x  y" ; "inline script with content")]
#[test_case("<<script>x</script>img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>" ; "no tag formed by joining")]
#[test_case("a <!-- 메모 --> b", "a  b" ; "comment")]
#[test_case("<figurecaption>칩 사진</figurecaption> and <blink2>x</blink2>", "칩 사진 and x" ; "unknown elements keep their text")]
#[test_case("List<String> here, </b>", "List&lt;String> here, </b>" ; "an unknown name never closed stays text")]
fn inline_html(input: &str, expected: &str) {
    assert_eq!(run(input, false).0, expected);
}

#[test]
fn generics_read_as_written_on_the_page() {
    let html = page("| type |\n|---|\n| Map<K, V> |\n| List<String> |\n", false);
    assert!(html.contains("<td>Map&lt;K, V&gt;</td>"), "{html}");
    assert!(html.contains("<td>List&lt;String&gt;</td>"), "{html}");
}

#[test]
fn script_style_and_handlers_are_dropped_with_findings() {
    let (out, normalized) = run(
        "text\n\n<script>\nalert(1)\n</script>\n\n<style>p{color:red}</style>\n\n<img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">x</a>\n",
        false,
    );
    assert!(!out.contains("script"), "{out}");
    assert!(!out.contains("color:red"));
    assert!(!out.contains("onerror"));
    assert!(!out.contains("javascript"));
    assert!(out.contains("<img src=\"x\"><a>x</a>"), "{out}");
    let lines: Vec<(usize, &str)> = normalized
        .findings
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert!(
        lines.iter().any(|(l, m)| *l == 3 && m.contains("<script>")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|(l, m)| *l == 9 && m.contains("onerror")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 9 && m.contains("script address")),
        "{lines:?}"
    );
    let kept = &normalized.transformations.0;
    assert_eq!(
        kept.get(&("html dropped".into(), "script".into())),
        Some(&1)
    );
    assert_eq!(kept.get(&("html kept".into(), "img".into())), Some(&1));
}

#[test]
fn multi_line_comments_and_tags_are_handled_whole() {
    let html = page("<!--\nTODO: 연봉 숫자\n-->\n\n<details\n open><summary>S</summary>\n\nBody\n\n</details>\n", false);
    assert!(!html.contains("연봉"), "{html}");
    assert!(!html.contains("--&gt;"));
    assert!(
        html.contains("<details open><summary>S</summary>"),
        "{html}"
    );
}

#[test]
fn unbalanced_blocks_keep_their_markdown() {
    let html = page("<div align=\"center\">\n\n**가운데** 글\n\n</div>\n", false);
    assert!(html.contains("<div class=\"align-center\">"), "{html}");
    assert!(html.contains("<p><strong>가운데</strong> 글</p>"), "{html}");
    assert!(html.contains("</div>"));
}

#[test]
fn kramdown_markdown_attribute_makes_content_markdown() {
    let (out, _) = run(
        "<div class=\"box\" markdown=\"1\">\n**굵게** and *this*\n</div>\n",
        false,
    );
    assert_eq!(
        out,
        "<div class=\"box\">\n\n**굵게** and *this*\n\n</div>\n"
    );
    let html = page("<div markdown=\"1\">\n**굵게**\n</div>\n", false);
    assert!(html.contains("<strong>굵게</strong>"), "{html}");
}

#[test]
fn custom_elements_become_callouts_with_markdown_inside() {
    let html = page(
        "<callout-info>\n**참고:** 이것은 *노트*입니다.\n</callout-info>\n",
        false,
    );
    assert!(
        html.contains("<aside class=\"callout callout-info\">"),
        "{html}"
    );
    assert!(html.contains("<strong>참고:</strong>"), "{html}");
    assert!(html.contains("</aside>"));
}

#[test]
fn mdx_components_render_their_children() {
    let input = "Intro\n\n<Callout type=\"info\">\nSome **bold** text.\n</Callout>\n\n<Chart data={points} />\n\n<Chart data={other} />\n\n<div className=\"note\">n</div>\n";
    let (out, normalized) = run(input, true);
    assert!(!out.contains("Callout"), "{out}");
    assert!(!out.contains("Chart"), "{out}");
    assert!(out.contains("<div class=\"note\">n</div>"), "{out}");
    let html = page(input, true);
    assert!(
        html.contains("<p>Some <strong>bold</strong> text.</p>"),
        "{html}"
    );
    let charts: Vec<_> = normalized
        .findings
        .iter()
        .filter(|f| f.message.contains("<Chart />"))
        .collect();
    assert_eq!(charts.len(), 1, "{:?}", normalized.findings);
    assert!(charts[0].message.contains("2 times"));
    assert_eq!(charts[0].line, 7);
}

#[test_case("넓이는 $\\pi r^2$ 이다.", "<math><semantics>", false ; "dollar inline")]
#[test_case("$$\nE = mc^2\n$$\n", "<math display=\"block\">", true ; "dollar display")]
#[test_case("kramdown writes $$a+b$$ inside a sentence.", "<math><semantics>", false ; "kramdown inline double dollar")]
#[test_case("inline \\(x_1\\) math", "<math><semantics>", false ; "paren inline")]
#[test_case("escaped \\\\(x_1\\\\) math", "<math><semantics>", false ; "escaped paren inline")]
#[test_case("\\[\n\\int_0^1 x\\,dx\n\\]\n", "<math display=\"block\">", true ; "bracket display")]
#[test_case("\\\\[ a^2 + b^2 \\\\]\n", "<math display=\"block\">", true ; "escaped bracket display")]
#[test_case("```math\n\\sum_{i=1}^n i\n```\n", "<math display=\"block\">", true ; "math fence")]
#[test_case("두 상태의 차:\n\n$$\n\\begin{aligned}\nf &= a + b\n- c \\\\\n&= d\n\\end{aligned}\n$$\n", "<math display=\"block\">", true ; "display lines starting like a list")]
#[test_case("행렬식은 다음과 같다.\n\n\\begin{align}\nx_1 &= a * b \\\\\ny_2 &= c * d\n\\end{align}\n", "<math display=\"block\">", true ; "bare align with markdown characters")]
#[test_case("식은\n  \\begin{equation*}\n  E_k = \\frac{1}{2} m v^2\n  \\end{equation*}\n이다.\n", "<math display=\"block\">", true ; "indented environment inside a paragraph")]
#[test_case("\\begin{gather}\na_1 \\\\\n\n- b_2\n\\end{gather}\n", "<math display=\"block\">", true ; "environment across a blank line and a list marker")]
#[test_case("위치는\n\n$$\n\n\\begin{aligned}\nx &= v_1 t \\\\\n\ny &= v_2 t\n\\end{aligned}\n\n$$\n\n끝.\n", "<math display=\"block\">", true ; "kramdown block across blank lines")]
fn math(input: &str, starts: &str, display: bool) {
    let (out, normalized) = run(input, false);
    assert!(out.contains(starts), "{out}");
    assert!(out.contains("<annotation encoding=\"application/x-tex\">"));
    assert!(!out.contains('$'), "{out}");
    assert!(normalized.findings.is_empty(), "{:?}", normalized.findings);
    let kind = if display { "display" } else { "inline" };
    assert_eq!(
        normalized
            .transformations
            .0
            .get(&("math".into(), kind.into())),
        Some(&1)
    );
    let html = page(input, false);
    assert!(html.contains(starts), "{html}");
    assert!(!html.contains("<em>"), "{html}");
}

#[test]
fn math_characters_are_safe_from_markdown() {
    let html = page("$a_1 * b_2 * [c]$", false);
    assert!(html.contains("<math>"), "{html}");
    assert!(!html.contains("<em>"), "{html}");
}

#[test]
fn a_failing_formula_is_code_with_a_finding() {
    let (out, normalized) = run("first\n\nbad $\\notacommand{x}$ here", false);
    assert!(out.contains("<code class=\"math-error\">"), "{out}");
    assert_eq!(normalized.findings.len(), 1);
    assert_eq!(normalized.findings[0].line, 3);
}

#[test]
fn a_bare_environment_that_fails_is_code_with_a_finding() {
    let (out, normalized) = run(
        "first\n\n\\begin{align}\na &= \\notacommand \\\\\n\nb\n\\end{align}\n",
        false,
    );
    assert!(out.contains("<code class=\"math-error\">"), "{out}");
    assert!(
        !out.contains('%'),
        "blank-line marks stay out of the code: {out}"
    );
    assert_eq!(normalized.findings.len(), 1, "{:?}", normalized.findings);
    assert_eq!(normalized.findings[0].line, 3);
}

#[test]
fn prices_are_not_math() {
    let html = page("사과는 $5 and 배는 $10.", false);
    assert!(html.contains("$5 and 배는 $10."), "{html}");
    assert!(!html.contains("<math"));
}

#[test_case("<img src=x onerror=alert(1)>" ; "img onerror")]
#[test_case("<svg onload=alert(1)>" ; "svg onload")]
#[test_case("<svg/onload=alert(1)>" ; "svg slash onload")]
#[test_case("<a href=\"javascript:alert(1)\">x</a>" ; "javascript link")]
#[test_case("<a href=\"jav&#x09;ascript:alert(1)\">x</a>" ; "encoded javascript link")]
#[test_case("<a href=\" JaVaScRiPt:alert(1)\">x</a>" ; "mixed case javascript")]
#[test_case("<iframe src=\"javascript:alert(1)\"></iframe>" ; "javascript iframe")]
#[test_case("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" ; "mutation xss")]
#[test_case("<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">" ; "mutation xss comment")]
#[test_case("<object data=\"x.swf\"></object>" ; "object")]
#[test_case("<embed src=\"x.swf\">" ; "embed")]
#[test_case("<form action=\"https://evil.example\"><button>go</button></form>" ; "form")]
#[test_case("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">" ; "meta refresh")]
#[test_case("<base href=\"https://evil.example/\">" ; "base")]
#[test_case("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">" ; "link")]
#[test_case("<div style=\"background:url(javascript:alert(1))\">x</div>" ; "style url")]
#[test_case("<video><source onerror=\"alert(1)\"></video>" ; "source onerror")]
#[test_case("<details open ontoggle=alert(1)>" ; "details ontoggle")]
#[test_case("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>" ; "data url")]
#[test_case("<img src=\"x\" srcset=\"javascript:alert(1) 1x\">" ; "srcset")]
#[test_case("<scr<script>ipt>alert(1)</script>" ; "split script")]
#[test_case("<<script>x</script>img src=x onerror=alert(1)>" ; "joined tag")]
#[test_case("<p title=\"x\" onmouseover=\"alert(1)\">hover</p>" ; "attribute after quote")]
#[test_case("<Chart onClick={() => alert(1)} />" ; "jsx handler")]
fn xss_payloads_never_reach_the_page(payload: &str) {
    for input in [
        format!("{payload}\n"),
        format!("text {payload} text\n"),
        format!("> {payload}\n"),
        format!("| a |\n|---|\n| {payload} |\n"),
    ] {
        for mdx in [false, true] {
            let html = page(&input, mdx).to_ascii_lowercase();
            let forbidden = [
                "javascript:",
                "<script",
                "<object",
                "<embed",
                "<base",
                "<meta",
                "<link",
                "<form",
                "<svg",
                "<style",
                "data:text",
            ];
            for bad in forbidden {
                assert!(!html.contains(bad), "{bad} in {html} from {input:?}");
            }
            assert!(
                !has_event_handler(&html),
                "handler in {html} from {input:?}"
            );
        }
    }
}

/// Whether any tag in `html` carries an `on…=` attribute.
fn has_event_handler(html: &str) -> bool {
    super::tokens::tokenize(html)
        .into_iter()
        .any(|(_, token)| match token {
            super::tokens::Token::Start { attrs, .. } => attrs
                .iter()
                .any(|(name, _)| name.to_ascii_lowercase().starts_with("on")),
            _ => false,
        })
}

#[test]
fn a_missing_relative_image_becomes_a_named_placeholder_and_a_finding() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("2024")).expect("post folder");
    std::fs::write(dir.path().join("2024/here.png"), b"png").expect("image");
    let context = NormalizeContext {
        file: Path::new("2024/notes.md"),
        content_dir: dir.path(),
        base_path: "/",
        site_url: None,
        links: &NoLinks,
        mdx: false,
        liquid: true,
        shortcodes: &crate::normalize::templates::SiteShortcodes::default(),
    };
    let mut out = Normalized::default();
    let markdown = "Intro.\n\n![항구 *저녁*](gone.png)\n\n![](also-gone.png) ![kept](here.png) ![far](https://example.com/x.png)\n";
    let normalised = rewrite_markup(markdown, &context, &mut out);
    assert!(normalised.contains("<span class=\"post-image is-broken\" role=\"img\" aria-label=\"항구 저녁\" data-alt=\"항구 저녁\"></span>"), "{normalised}");
    assert!(
        normalised.contains("aria-label=\"Missing image\""),
        "an image without alt text still has a name"
    );
    assert!(
        normalised.contains("![kept](here.png)")
            && normalised.contains("![far](https://example.com/x.png)")
    );
    let lines: Vec<usize> = out.findings.iter().map(|f| f.line).collect();
    assert_eq!(lines, [3, 5]);
    assert!(out.findings[0].message.contains("gone.png"));
    let html = render_markdown(
        &normalised,
        &RenderOptions {
            post_dir_href: "/content/2024/",
            ..Default::default()
        },
    )
    .html;
    assert!(
        !html.contains("gone.png"),
        "the page never requests the missing file: {html}"
    );
}

/// The pass's short way out gives what the parse gives, on every post of
/// the fixtures and the demo it applies to.
#[test]
fn a_body_with_nothing_to_rewrite_comes_back_as_it_is() {
    let context = context(false);
    let mut checked = 0;
    for (path, body) in crate::normalize::fixture_and_demo_bodies() {
        let body = body.as_str();
        if !has_nothing_to_rewrite(body, &context) {
            continue;
        }
        let mut parsed = Normalized::default();
        assert_eq!(
            rewrite_parsed(body, &context, &mut parsed),
            body,
            "{}",
            path.display()
        );
        assert!(parsed.findings.is_empty(), "{}", path.display());
        assert_eq!(
            parsed.transformations,
            Default::default(),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} posts had nothing to rewrite");
}

#[test_case("Text <b>bold</b>." ; "html")]
#[test_case("Costs $x^2$ here." ; "dollar math")]
#[test_case("Inline \\(x\\) math." ; "backslash math")]
#[test_case("![alt](missing.png)" ; "image")]
#[test_case("```math\nx^2\n```\n" ; "math fence")]
fn a_body_the_pass_may_change_takes_the_long_way(body: &str) {
    assert!(!has_nothing_to_rewrite(body, &context(false)));
}

#[test]
fn mdx_always_takes_the_long_way() {
    assert!(!has_nothing_to_rewrite("plain words", &context(true)));
}
