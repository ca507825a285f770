//! Table tests: one case per generator feature, with text written for them.

use std::path::Path;

use test_case::test_case;

use super::resolve_templates;
use crate::diagnostics::Severity;
use crate::normalize::{NormalizeContext, Normalized, PostLinks};

/// Posts this fake site knows, by the references authors write.
struct KnownPosts;

impl PostLinks for KnownPosts {
    fn post_url(&self, reference: &str) -> Option<String> {
        match reference {
            "2019-05-01-notes" | "_posts/2019-05-01-notes.md" | "notes" | "posts/notes.md" => {
                Some("/posts/notes/".into())
            }
            _ => None,
        }
    }
}

fn resolve_in(body: &str, content_dir: &Path, mdx: bool) -> Normalized {
    let context = NormalizeContext {
        file: Path::new("_posts/2024-03-01-post.md"),
        content_dir,
        base_path: "/blog/",
        site_url: Some("https://example.com"),
        links: &KnownPosts,
        mdx,
        liquid: true,
        shortcodes: &crate::normalize::templates::SiteShortcodes::default(),
    };
    let mut out = Normalized::default();
    out.markdown = resolve_templates(body, &context, &mut out).into();
    out
}

/// A post of a site at `/` with no content folder or shortcodes of its own.
fn plain_context(
    liquid: bool,
    shortcodes: &crate::normalize::templates::SiteShortcodes,
) -> NormalizeContext<'_> {
    NormalizeContext {
        file: Path::new("content/posts/post.md"),
        content_dir: Path::new("/nonexistent-content"),
        base_path: "/",
        site_url: None,
        links: &KnownPosts,
        mdx: false,
        liquid,
        shortcodes,
    }
}

/// As a Hugo or Zola site reads it: `{{ … }}` and `{% … %}` are not Liquid.
fn resolve_without_liquid(body: &str) -> Normalized {
    let shortcodes = crate::normalize::templates::SiteShortcodes::default();
    let context = plain_context(false, &shortcodes);
    let mut out = Normalized::default();
    out.markdown = resolve_templates(body, &context, &mut out).into();
    out
}

#[test_case(
    "레이아웃에서 {{ .Title }} 과 {{ range .Pages }} 를 쓴다.\n{% if x %}그대로{% endif %}\n",
    "레이아웃에서 {{ .Title }} 과 {{ range .Pages }} 를 쓴다.\n{% if x %}그대로{% endif %}\n" ; "go templates and liquid stay literal"
)]
#[test_case(
    "{{< youtube abc >}}\n",
    "<div class=\"embed embed-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"YouTube video\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n" ; "hugo shortcodes still resolve"
)]
#[test_case(
    "{% note() %}\nZola body\n{% end %}\n",
    "<aside class=\"callout callout-note\">\n\nZola body\n\n</aside>\n" ; "zola shortcodes still resolve"
)]
fn sites_without_liquid_print_braces_as_written(body: &str, expected: &str) {
    let out = resolve_without_liquid(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}

fn resolve(body: &str) -> Normalized {
    resolve_in(body, Path::new("/nonexistent-content"), false)
}

#[test_case("# 제목\n\n보통 글입니다. `code` 와 {중괄호}.\n\n```\nx\n```\n" ; "korean post without templates")]
#[test_case("A plain post with a [link](https://example.com) and *emphasis*.\n\n    indented code\n\n- list\n  - nested\n" ; "english post without templates")]
#[test_case("No newline at the end" ; "post without final newline")]
#[test_case("" ; "empty post")]
fn post_without_template_syntax_is_byte_identical(body: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, body);
    assert!(out.findings.is_empty());
    assert!(out.transformations.0.is_empty());
}

#[test_case("```\n{% include x.html %}\n{{ site.baseurl }}\n{{< youtube abc >}}\n{: .class}\n<!--more-->\n```\n" ; "backtick fence")]
#[test_case("~~~~ liquid\n{% if user %}안녕{% endif %}\n~~~\n{{ page.title }}\n~~~~\n" ; "tilde fence closes only with enough tildes")]
#[test_case("문단입니다.\n\n    {{ page.title }}\n    {% assign x = 1 %}\n\n끝.\n" ; "indented code")]
#[test_case("Write `{{ page.title }}` or ``{% if %}`` inline.\n" ; "inline code spans")]
fn nothing_inside_code_is_touched(body: &str) {
    assert_eq!(&*resolve(body).markdown, body);
}

#[test_case(
    "{% highlight python %}\n# 주석입니다\nprint(1)\n{% endhighlight %}\n",
    "```python\n# 주석입니다\nprint(1)\n```\n" ; "liquid highlight"
)]
#[test_case(
    "Intro:\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\nAfter.\n",
    "Intro:\n```ruby\nputs 1\n```\nAfter.\n" ; "liquid highlight with linenos"
)]
#[test_case(
    "{% highlight markdown %}\n```\nnested\n```\n{% endhighlight %}\n",
    "````markdown\n```\nnested\n```\n````\n" ; "fence longer than backticks inside"
)]
#[test_case(
    "{{< highlight go \"linenos=table\" >}}\n// 주석\nfunc main() {}\n{{< /highlight >}}\n",
    "```go\n// 주석\nfunc main() {}\n```\n" ; "hugo highlight"
)]
#[test_case(
    "{{% highlight sh %}}\n# not a heading\n{{% /highlight %}}\n",
    "```sh\n# not a heading\n```\n" ; "hugo highlight percent delimiters"
)]
fn highlight_blocks_become_fenced_code(body: &str, expected: &str) {
    assert_eq!(&*resolve(body).markdown, expected);
}

#[test_case(
    "{% raw %}\n{{ 이것은 그대로 }} {% if %}\n{% endraw %}\n다음.\n",
    "{{ 이것은 그대로 }} {% if %}\n다음.\n" ; "raw block in prose"
)]
#[test_case(
    "```liquid\n{% raw %}\n{{ page.title }}\n{% endraw %}\n```\n",
    "```liquid\n{{ page.title }}\n```\n" ; "raw markers inside a fence"
)]
#[test_case(
    "Use {% raw %}{{ site.url }}{% endraw %} here.\n",
    "Use {{ site.url }} here.\n" ; "raw inline"
)]
#[test_case(
    "{% raw %}\n```\n{{ a }}\n{% endraw %}\n```\n{{ site.baseurl }}\n",
    "```\n{{ a }}\n```\n/blog\n" ; "raw spanning into a fence keeps the fence state"
)]
fn raw_markers_disappear_and_keep_their_text(body: &str, expected: &str) {
    assert_eq!(&*resolve(body).markdown, expected);
}

#[test_case("[앞 글]({% post_url 2019-05-01-notes %})", "[앞 글](/posts/notes/)" ; "post_url")]
#[test_case("[notes]({% link _posts/2019-05-01-notes.md %})", "[notes](/posts/notes/)" ; "link")]
#[test_case("[see]({{< ref \"notes\" >}})", "[see](/posts/notes/)" ; "hugo ref")]
#[test_case("[see]({{< relref path=\"posts/notes.md\" >}})", "[see](/posts/notes/)" ; "hugo relref named")]
fn post_references_resolve(body: &str, expected: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty());
}

#[test_case("[x]({% post_url 2001-01-01-gone %})", "2001-01-01-gone" ; "post_url")]
#[test_case("[x]({{< ref \"없는-글\" >}})", "없는-글" ; "hugo ref")]
fn unresolved_references_fall_back_with_a_warning(body: &str, reference: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, "[x](#)");
    assert_eq!(out.findings.len(), 1);
    assert!(out.findings[0].message.contains(reference));
    assert_eq!(out.findings[0].severity, Severity::Warning);
}

#[test_case("![a]({{ site.baseurl }}/img/a.png)", "![a](/blog/img/a.png)" ; "baseurl")]
#[test_case("{{ site.url }}{{ site.baseurl }}/feed.xml", "https://example.com/blog/feed.xml" ; "url and baseurl")]
#[test_case("![a]({{ \"/img/a.png\" | relative_url }})", "![a](/blog/img/a.png)" ; "relative_url literal")]
#[test_case("{{ 'img/a.png' | absolute_url }}", "https://example.com/blog/img/a.png" ; "absolute_url literal")]
#[test_case("{{ \"/\" | relative_url }}", "/blog/" ; "root through relative_url")]
#[test_case("{{- \"/x\" | prepend: site.baseurl -}}", "/blog/x" ; "prepend with whitespace control")]
fn site_urls_resolve(body: &str, expected: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty());
}

#[test_case(
    "{% assign x = 1 %}\n{% if x %}\n보이는 글\n{% endif %}\n",
    "보이는 글\n" ; "logic tags on their own lines"
)]
#[test_case(
    "앞 {% comment %}숨은 글\n여러 줄{% endcomment %}뒤\n",
    "앞 뒤\n" ; "comment content dropped"
)]
#[test_case("제목: {{ page.title }}.\n", "제목: .\n" ; "unknown output removed")]
#[test_case("{% capture x %}\nhidden\n{% endcapture %}\nshown\n", "shown\n" ; "capture content dropped")]
fn liquid_syntax_never_prints(body: &str, expected: &str) {
    assert_eq!(&*resolve(body).markdown, expected);
}

#[test_case(
    "{% capture box-1 %}\n**정의**: 두 상태를 구별할 수 있다.\n\n$$\nx = 1\n$$\n{% endcapture %}\n<div class=\"notice\">{{ box-1 | markdownify }}</div>\n\n다음 문단.\n",
    "<div class=\"notice\">\n\n**정의**: 두 상태를 구별할 수 있다.\n\n$$\nx = 1\n$$\n\n</div>\n\n다음 문단.\n" ; "captured markdown printed where it is used"
)]
#[test_case(
    "{%- capture greeting -%}Hello, reader{%- endcapture -%}\n{{ greeting }}!\n",
    "Hello, reader!\n" ; "one-line capture inline"
)]
#[test_case(
    "{% assign who = \"독자\" | upcase %}\n안녕, {{ who }}.\n",
    "안녕, 독자.\n" ; "assigned string printed"
)]
fn captured_text_is_printed_where_used(body: &str, expected: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}

#[test]
fn unknown_liquid_tags_are_reported_once_per_name() {
    let out = resolve("{% blockquote %}\n인용\n{% endblockquote %}\n{% blockquote %}b{% endblockquote %}\n{{ page.title }}\n");
    assert_eq!(&*out.markdown, "인용\nb\n");
    let messages: Vec<_> = out
        .findings
        .iter()
        .map(|f| (f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        vec![
            (1, "Liquid tag `blockquote` is not known to Folio (2 uses); its syntax was removed and its content kept"),
            (5, "Liquid value `page.title` has no meaning in Folio (1 use); it was removed"),
        ]
    );
}

#[test]
fn includes_are_inlined_or_replaced_by_a_note() {
    let site = tempfile::tempdir().expect("temp dir");
    let content = site.path().join("content");
    std::fs::create_dir_all(content.join("_posts")).expect("posts dir");
    std::fs::create_dir_all(site.path().join("_includes")).expect("includes dir");
    std::fs::write(
        content.join("_posts/table.md"),
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
    )
    .expect("write");
    std::fs::write(
        site.path().join("_includes/note.html"),
        "<aside>{{ include.text }} {{ site.baseurl }}</aside>\n",
    )
    .expect("write");
    std::fs::write(site.path().join("secret.txt"), "secret").expect("write");

    let body = "표:\n\n{% include_relative table.md %}\n\n{% include note.html text=\"안녕\" %}\n\n{% include missing.html %}\n\n{% include_relative ../../secret.txt %}\n";
    let out = resolve_in(body, &content, false);
    assert_eq!(
        &*out.markdown,
        "표:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<aside>안녕 /blog</aside>\n\n> *The included file `missing.html` is not available.*\n\n> *The included file `../../secret.txt` is not available.*\n"
    );
    let lines: Vec<_> = out.findings.iter().map(|f| f.line).collect();
    assert_eq!(lines, vec![7, 9]);
    assert!(out.findings[0].message.contains("missing.html"));
}

#[test_case(
    "{{< figure src=\"sea.png\" caption=\"부산 바다\" alt=\"바다\" title=\"해운대\" link=\"/big.png\" >}}\n",
    "<figure><a href=\"/big.png\"><img src=\"sea.png\" alt=\"바다\"></a><figcaption><strong>해운대</strong> 부산 바다</figcaption></figure>\n" ; "hugo figure"
)]
#[test_case(
    "Look:\n{{< youtube dQw4w9WgXcQ >}}\nNext.\n",
    "Look:\n\n<div class=\"embed embed-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"YouTube video\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n\nNext.\n" ; "hugo youtube positional"
)]
#[test_case(
    "{{< youtube id=\"abc\" title=\"발표\" >}}",
    "<div class=\"embed embed-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"발표\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n" ; "hugo youtube named"
)]
#[test_case(
    "{{< vimeo 146022717 >}}",
    "<div class=\"embed embed-video\"><iframe src=\"https://player.vimeo.com/video/146022717\" title=\"Vimeo video\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n" ; "hugo vimeo"
)]
#[test_case("{{< gist spf13 7896402 >}}", "[Gist: spf13/7896402](<https://gist.github.com/spf13/7896402>)\n" ; "hugo gist")]
#[test_case("{{< tweet user=\"golang\" id=\"123\" >}}", "> [Post by @golang on X](<https://x.com/golang/status/123>)\n" ; "hugo tweet named")]
#[test_case("{{< x user=\"golang\" id=\"123\" >}}", "> [Post by @golang on X](<https://x.com/golang/status/123>)\n" ; "hugo x")]
#[test_case("{{< tweet 123 >}}", "> [Post on X](<https://x.com/i/status/123>)\n" ; "hugo tweet id only")]
#[test_case("Show `{{</* youtube abc */>}}` and {{</* figure src=\"a\" */>}}.", "Show `{{< youtube abc >}}` and {{< figure src=\"a\" >}}." ; "hugo escape inline")]
#[test_case("```\n{{</* gist a b */>}}\n{{%/* note */%}}\n```\n", "```\n{{< gist a b >}}\n{{% note %}}\n```\n" ; "hugo escape in code")]
#[test_case(
    "{{< zimg src=\"/posts/trip/bread.jpg\" width=\"480\" title=\"갓 구운 빵\" >}}\n",
    "<figure><img src=\"/posts/trip/bread.jpg\" alt=\"갓 구운 빵\" width=\"480\"><figcaption><strong>갓 구운 빵</strong></figcaption></figure>\n" ; "theme image shortcode"
)]
#[test_case(
    "요즘 {{< wikipedia \"field programmable gate array\" \"FPGA\" >}}를 자주 쓴다.\n",
    "요즘 [FPGA](<https://en.wikipedia.org/wiki/field_programmable_gate_array>)를 자주 쓴다.\n" ; "wikipedia link with label"
)]
#[test_case(
    "The {{< wp \"RISC-V\" >}} core boots.\n",
    "The [RISC-V](<https://en.wikipedia.org/wiki/RISC-V>) core boots.\n" ; "wp link"
)]
#[test_case(
    "새 {{< term \"컴파일러\" >}} 이야기.\n",
    "새 컴파일러 이야기.\n" ; "unknown shortcode keeps its word in a sentence"
)]
fn hugo_shortcodes(body: &str, expected: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}

#[test]
fn more_marker_splits_the_summary() {
    let out = resolve("첫 문단입니다.\n\n<!--more-->\n\nThe rest.\n");
    assert_eq!(out.summary_markdown.as_deref(), Some("첫 문단입니다."));
    assert_eq!(&*out.markdown, "첫 문단입니다.\n\n\nThe rest.\n");
}

#[test_case(
    "{{ youtube(id=\"dQw4w9WgXcQ\") }}",
    "<div class=\"embed embed-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"YouTube video\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n" ; "zola youtube"
)]
#[test_case(
    "{{ vimeo(id=\"124313553\") }}",
    "<div class=\"embed embed-video\"><iframe src=\"https://player.vimeo.com/video/124313553\" title=\"Vimeo video\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen></iframe></div>\n" ; "zola vimeo"
)]
#[test_case(
    "{{ gist(url=\"https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57\") }}",
    "[Gist: Keats/e5fb6aad409f28721c0ba14161644c57](<https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57>)\n" ; "zola gist"
)]
#[test_case(
    "{{ img_caption(path=\"sea.png\", caption=\"해운대의 아침\") }}",
    "<figure><img src=\"sea.png\" alt=\"해운대의 아침\"><figcaption>해운대의 아침</figcaption></figure>\n" ; "zola image with caption"
)]
#[test_case(
    "{% admonition(type=\"warning\", title=\"주의\") %}\n*굵게* 읽히는 글\n{% end %}\nAfter.\n",
    "<aside class=\"callout callout-warning\">\n\n**주의**\n\n*굵게* 읽히는 글\n\n</aside>\n\nAfter.\n" ; "zola admonition keeps inner markdown"
)]
#[test_case(
    "{% mermaid() %}\ngraph TD;\nA-->B;\n{% end %}\nAfter.\n",
    "```mermaid\ngraph TD;\nA-->B;\n```\nAfter.\n" ; "zola diagram source as code"
)]
#[test_case(
    "{% quote(author=\"Keats\") %}\nA thing of *beauty*.\n{% end %}\n",
    "<blockquote>\n\nA thing of *beauty*.\n\n— Keats\n\n</blockquote>\n" ; "zola quote"
)]
#[test_case(
    "{% note() %}\nA *note*.\n{% end %}\n",
    "<aside class=\"callout callout-note\">\n\nA *note*.\n\n</aside>\n" ; "zola named callout"
)]
fn zola_shortcodes(body: &str, expected: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}

#[test]
fn hugo_callout_keeps_inner_markdown() {
    let out = resolve("{{< notice warning \"조심\" >}}\n- 하나\n- 둘\n{{< /notice >}}\n");
    assert_eq!(
        &*out.markdown,
        "<aside class=\"callout callout-warning\">\n\n**조심**\n\n- 하나\n- 둘\n\n</aside>\n"
    );
}

#[test_case("{{< details summary=\"더 보기\" >}}\n숨은 **글**\n{{< /details >}}\n", "숨은 **글**\n", "details" ; "hugo paired")]
#[test_case("{{% columns %}}\n왼쪽\n{{% /columns %}}\n", "왼쪽\n", "columns" ; "hugo percent paired")]
#[test_case("{% spoiler(title=\"x\") %}\nsecret *text*\n{% end %}\n", "secret *text*\n", "spoiler" ; "zola body")]
#[test_case("앞 {{ badge(text=\"new\") }} 뒤\n", "앞  뒤\n", "badge" ; "zola inline")]
#[test_case("{{< term \"standalone\" >}}\n\n글\n", "\n글\n", "term" ; "hugo positional on its own line")]
fn unknown_shortcodes_keep_their_content(body: &str, expected: &str, name: &str) {
    let out = resolve(body);
    assert_eq!(&*out.markdown, expected);
    assert_eq!(out.findings.len(), 1);
    assert!(out.findings[0].message.contains(&format!("`{name}`")));
}

#[test]
fn unknown_shortcodes_are_reported_once_with_a_count() {
    let out = resolve("{{< foo >}}\n\nText\n\n{{< foo a >}}\n{{< foo >}}\n");
    assert_eq!(&*out.markdown, "\nText\n\n");
    assert_eq!(out.findings.len(), 1);
    assert_eq!(out.findings[0].line, 1);
    assert_eq!(
        out.findings[0].message,
        "shortcode `foo` is not known to Folio (3 uses); its syntax was removed and its content kept"
    );
    assert_eq!(
        out.transformations
            .0
            .get(&("shortcode removed".into(), "foo".into())),
        Some(&3)
    );
}

#[test]
fn resolved_shortcodes_are_counted() {
    let out = resolve("{{< youtube a >}}\n{{< youtube b >}}\n{{ vimeo(id=\"1\") }}\n{% highlight c %}\nx\n{% endhighlight %}\n");
    let counts = &out.transformations.0;
    assert_eq!(
        counts.get(&("shortcode".into(), "youtube".into())),
        Some(&2)
    );
    assert_eq!(counts.get(&("shortcode".into(), "vimeo".into())), Some(&1));
    assert_eq!(counts.get(&("liquid".into(), "highlight".into())), Some(&1));
}

#[test_case("## 소개\n{:.no_toc}\n\n본문\n", "## 소개\n\n본문\n" ; "attribute line")]
#[test_case("Paragraph.\n{: .note #intro }\n", "Paragraph.\n" ; "attribute line with spaces")]
#[test_case("## Title {: #title}\n", "## Title\n" ; "trailing attribute list")]
#[test_case("* TOC\n{:toc}\n\n# 시작\n", "\n# 시작\n" ; "table of contents marker")]
#[test_case("1. 목차\n{:toc}\n", "" ; "numbered toc marker")]
fn kramdown_attributes_are_dropped(body: &str, expected: &str) {
    assert_eq!(&*resolve(body).markdown, expected);
}

#[test_case(
    "import Chart from '../components/Chart'\nimport { A,\n  B } from \"x\"\n\n# 제목\n",
    "\n# 제목\n" ; "imports"
)]
#[test_case(
    "export const meta = {\n  title: '글 {제목}',\n  tags: ['a', 'b'],\n}\n\nBody text.\n",
    "\nBody text.\n" ; "multi line export"
)]
#[test_case(
    "Text\n\n```js\nimport x from 'y'\n```\n",
    "Text\n\n```js\nimport x from 'y'\n```\n" ; "import in code is kept"
)]
fn mdx_module_lines_are_removed(body: &str, expected: &str) {
    let out = resolve_in(body, Path::new("/nonexistent-content"), true);
    assert_eq!(&*out.markdown, expected);
}

#[test]
fn mdx_lines_are_prose_outside_mdx_files() {
    let body = "import this is a sentence.\n";
    assert_eq!(&*resolve(body).markdown, body);
}

#[test]
fn findings_point_at_lines_of_the_body() {
    let out = resolve("첫 줄\n\n둘째\n{% post_url nowhere %}\n");
    assert_eq!(out.findings[0].line, 4);
}

#[test]
fn unclosed_callout_is_closed_with_a_warning() {
    let out = resolve("{% note() %}\n열린 채로 끝남\n");
    assert!(out.markdown.ends_with("</aside>\n"));
    assert_eq!(out.findings.len(), 1);
}

#[test_case("<!-->" ; "empty html comment")]
#[test_case("{{" ; "open output at the end")]
#[test_case("{% raw" ; "open raw tag at the end")]
#[test_case("{{< /" ; "open hugo closer at the end")]
#[test_case("`{{" ; "unclosed code span with braces")]
fn truncated_syntax_does_not_panic(body: &str) {
    let _ = resolve(body);
}

proptest::proptest! {
    #[test]
    fn any_text_resolves_without_panicking(body in "[{}%<>/*`~ \\n\\-a-z가-힣()=\"':.|#]{0,80}") {
        let _ = resolve(&body);
    }

    #[test]
    fn text_without_template_characters_is_unchanged(body in "[a-z가-힣 \\n*_#>.,-]{0,80}") {
        proptest::prop_assert_eq!(&*resolve(&body).markdown, body);
    }
}

#[test_case("$$\n\\frac{{a}}{b} {% x %}\n$$\n" ; "display math block")]
#[test_case("$$ \\sqrt{{x}} $$\n{{ page.title }}" ; "one line display math")]
fn display_math_is_left_to_the_math_pass(body: &str) {
    let out = resolve(body);
    let math_end = body.rfind("$$").map_or(0, |at| at + 3);
    assert_eq!(&out.markdown[..math_end], &body[..math_end]);
}

/// The resolver's short way out gives what the whole walk gives, on every
/// post of the fixtures and the demo it applies to.
#[test]
fn a_body_with_nothing_to_resolve_comes_back_as_it_is() {
    let mut checked = 0;
    for (path, body) in crate::normalize::fixture_and_demo_bodies() {
        let body = body.as_str();
        if body.contains('{') || body.contains("<!--") {
            continue;
        }
        let shortcodes = crate::normalize::templates::SiteShortcodes::default();
        let context = plain_context(true, &shortcodes);
        let walked = super::Resolver::new(body, &context, Default::default(), 0).run();
        assert_eq!(walked.markdown, body, "{}", path.display());
        assert!(walked.findings.is_empty(), "{}", path.display());
        assert!(walked.summary.is_none(), "{}", path.display());
        let mut out = Normalized::default();
        assert_eq!(resolve_templates(body, &context, &mut out), body);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} posts had nothing to resolve");
}
