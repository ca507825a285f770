//! Shortcode templates in the styles real Hugo sites and themes write them.

use test_case::test_case;

use super::{ShortcodeCall, Template, TemplateError, INNER_MARK};
use crate::normalize::templates::args::Args;

fn render(template: &str, args: &str, has_inner: bool) -> Result<String, TemplateError> {
    let args = Args::parse(args);
    let call = ShortcodeCall {
        name: "sc",
        args: &args,
        has_inner,
        base_path: "/blog/",
        site_url: Some("https://example.com"),
    };
    Template::parse(template)?.render(&call)
}

#[test_case(r#"<b>{{ .Get "name" }}</b>"#, r#"name="부산 <바다>""#, "<b>부산 &lt;바다&gt;</b>" ; "named argument escaped")]
#[test_case(r#"{{ .Get 0 }}/{{ .Get 1 }}"#, r#"a "b c""#, "a/b c" ; "positional arguments")]
#[test_case(r#"[{{ .Get 5 }}{{ .Get "none" }}]"#, "a", "[]" ; "missing arguments print nothing")]
#[test_case(r#"{{ with .Get "title" }}<h3>{{ . }}</h3>{{ end }}"#, r#"title="T""#, "<h3>T</h3>" ; "with sets dot")]
#[test_case(r#"{{ with .Get "title" }}<h3>{{ . }}</h3>{{ else }}none{{ end }}"#, "", "none" ; "with else")]
#[test_case(r#"{{ if .Get "open" }}open{{ else if eq (.Get 0) "x" }}x{{ else }}shut{{ end }}"#, "x", "x" ; "else if")]
#[test_case(r#"{{ $t := .Get "title" | default "Details" }}{{ $t }}"#, "", "Details" ; "default through a pipe")]
#[test_case(r#"{{- $t := .Get 1 | default (.Get 0) -}} <a>{{ $t }}</a>"#, "MSX", "<a>MSX</a>" ; "default of another argument")]
#[test_case(r#"{{ $x := "a" }}{{ if true }}{{ $x = "b" }}{{ end }}{{ $x }}"#, "", "b" ; "assignment reaches the outer variable")]
#[test_case(r#"{{ replace (.Get 0) " " "_" | urlize }}"#, r#""Mac Classic""#, "mac_classic" ; "replace and urlize")]
#[test_case(r#"{{ "img/a.png" | relURL }} {{ absURL "/b" }} {{ .Site.BaseURL }}"#, "", "/blog/img/a.png https://example.com/blog/b https://example.com/blog/" ; "site urls")]
#[test_case(r#"{{ cond (.IsNamedParams) (.Get "type") (.Get 0) | default "info" }}"#, "warning", "warning" ; "cond on named params")]
#[test_case(r#"{{ $open := eq (lower (.Get "open")) "true" }}<details{{ if $open }} open{{ end }}>"#, r#"open="TRUE""#, "<details open>" ; "nested parentheses")]
#[test_case(r#"{{ index .Params 1 }} {{ len .Params }}"#, "a b c", "b 3" ; "index and len of params")]
#[test_case(r#"{{ .Get "t" | markdownify }}"#, r#"t="**bold**""#, "<strong>bold</strong>" ; "markdownify is inline for one paragraph")]
#[test_case(r#"{{ "<i>x</i>" | safeHTML }}{{ "<i>" }}"#, "", "<i>x</i>&lt;i&gt;" ; "safe html printed as is")]
#[test_case(r#"{{ printf "%s-%d%%" (.Get 0) 3 }}"#, "a", "a-3%" ; "printf")]
#[test_case("a {{/* a comment */}}b {{- /* trimmed */ -}} c", "", "a bc" ; "comments")]
#[test_case(r#"{{ $_hugo_config := `{ "version": 1 }` }}ok"#, "", "ok" ; "raw string assignment")]
#[test_case(r#"{{ if and (.Get "a") (not (.Get "b")) }}yes{{ end }}"#, "a=1", "yes" ; "and not")]
fn templates_run(template: &str, args: &str, expected: &str) {
    assert_eq!(render(template, args, false).unwrap(), expected);
}

#[test]
fn inner_is_a_marker_and_empty_without_a_body() {
    let template = r#"{{ if .Inner }}<blockquote>{{ .Inner | markdownify }}</blockquote>{{ end }}"#;
    assert_eq!(
        render(template, "", true).unwrap(),
        format!("<blockquote>{INNER_MARK}</blockquote>")
    );
    assert_eq!(render(template, "", false).unwrap(), "");
    let page = r#"<div>{{ .Inner | .Page.RenderString }}</div>"#;
    assert_eq!(
        render(page, "", true).unwrap(),
        format!("<div>{INNER_MARK}</div>")
    );
}

#[test_case(r#"{{ partial "icon" "x" }}"# ; "partials")]
#[test_case(r#"{{ range .Params }}{{ . }}{{ end }}"# ; "range")]
#[test_case(r#"{{ $.Scratch.Set "a" 1 }}"# ; "scratch")]
#[test_case(r#"{{ .Page.Title }}"# ; "page fields")]
#[test_case(r#"{{ T "more" }}"# ; "translations")]
fn unsupported_templates_say_what_they_use(template: &str) {
    let err = render(template, "a", true).unwrap_err();
    assert!(matches!(err, TemplateError::Unsupported(_)), "{err:?}");
}

#[test_case("{{ .Get " ; "unclosed action")]
#[test_case("{{ if .Inner }}" ; "unclosed if")]
#[test_case("{{ $y = 1 }}" ; "undeclared variable")]
#[test_case("{{ eq }}" ; "eq without values")]
#[test_case("{{ ) }}" ; "stray parenthesis")]
fn broken_templates_are_errors_not_panics(template: &str) {
    assert!(render(template, "a", true).is_err());
}

proptest::proptest! {
    #[test]
    fn any_template_runs_or_fails_without_panicking(template in r#"[{}()|$.:= "`a-zA-Z0-9\-/*]{0,60}"#) {
        let _ = render(&template, "a b=c", true);
    }
}
