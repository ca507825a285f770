//! A Hugo site's own shortcode templates, written for these tests in the
//! styles of real sites and themes.

use std::path::Path;

use test_case::test_case;

use super::SiteShortcodes;
use crate::normalize::templates::resolve_templates;
use crate::normalize::{NormalizeContext, Normalized, PostLinks};

struct NoPosts;

impl PostLinks for NoPosts {
    fn post_url(&self, _: &str) -> Option<String> {
        None
    }
}

const WIKI: &str = r#"{{- /* {{< wiki "Term" "label" >}} */ -}}
{{- $term := .Get 0 -}}
{{- $label := .Get 1 | default $term -}}
<a href="https://en.wikipedia.org/wiki/{{ replace $term " " "_" }}" target="_blank">{{ $label }}</a>
"#;

const SPOILER: &str = r#"{{ $title := .Get "title" | default "Spoiler" }}
<details class="spoiler">

  <summary>{{ $title }}</summary>
  {{ .Inner | markdownify }}
</details>
"#;

const GALLERY: &str =
    r#"<div class="gallery">{{ range .Params }}<img src="{{ . }}">{{ end }}{{ .Inner }}</div>"#;

const CENTER: &str = r#"<div class="text-center">{{.Inner | markdownify}}</div>"#;

const SILENT: &str = r#"{{ with .Get "note" }}<small>{{ . }}</small>{{ end }}"#;

const SCRIPTED: &str = r#"<script>draw("{{ .Inner }}")</script>"#;

/// Resolves `body` in a Hugo site whose `layouts/shortcodes` holds `site`
/// and whose theme `paper` holds `theme`.
fn resolve_in_site(body: &str, site: &[(&str, &str)], theme: &[(&str, &str)]) -> Normalized {
    let dir = tempfile::tempdir().expect("temp dir");
    for (folder, templates) in [
        ("layouts/shortcodes", site),
        ("themes/paper/layouts/shortcodes", theme),
    ] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("folder");
        for (name, text) in templates {
            std::fs::write(dir.path().join(folder).join(format!("{name}.html")), text)
                .expect("write");
        }
    }
    let shortcodes = SiteShortcodes::load(dir.path(), &["paper".to_owned()]);
    let context = NormalizeContext {
        file: Path::new("posts/post.md"),
        content_dir: Path::new("/nonexistent-content"),
        base_path: "/",
        site_url: None,
        links: &NoPosts,
        mdx: false,
        liquid: false,
        shortcodes: &shortcodes,
    };
    let mut out = Normalized::default();
    out.markdown = resolve_templates(body, &context, &mut out).into();
    out
}

#[test_case(
    "초등학교 때 {{< wiki \"MSX\" >}}를 썼다.\n",
    "초등학교 때 <a href=\"https://en.wikipedia.org/wiki/MSX\" target=\"_blank\">MSX</a>를 썼다.\n" ; "inline in a sentence"
)]
#[test_case(
    "사실 \\{{< wiki \"Digital rights management\" \"DRM\" >}}과\n",
    "사실 <a href=\"https://en.wikipedia.org/wiki/Digital_rights_management\" target=\"_blank\">DRM</a>과\n" ; "a converter's backslash before the shortcode"
)]
#[test_case(
    "{{< spoiler title=\"결말\" >}}\nThe **harbour** was quiet.\n{{< /spoiler >}}\nAfter.\n",
    "<details class=\"spoiler\">\n<summary>결말</summary>\n\nThe **harbour** was quiet.\n\n</details>\n\nAfter.\n" ; "a body stays markdown between the two halves"
)]
#[test_case(
    "{{< spoiler >}}\nOuter {{< wiki \"Jeju\" >}}.\n{{< /spoiler >}}\n",
    "<details class=\"spoiler\">\n<summary>Spoiler</summary>\n\nOuter <a href=\"https://en.wikipedia.org/wiki/Jeju\" target=\"_blank\">Jeju</a>.\n\n</details>\n" ; "shortcodes nest inside a body"
)]
#[test_case(
    "{{< center >}}$\\frac{a}{b}$ 가운데{{< /center >}}\n",
    "<div class=\"text-center\">\n\n$\\frac{a}{b}$ 가운데\n\n</div>\n" ; "a block opened mid line keeps its inner markdown"
)]
#[test_case(
    "앞 {{< silent >}}hidden{{< /silent >}} 뒤\n",
    "앞  뒤\n" ; "a template that never prints its body drops it as hugo does"
)]
fn site_templates_render_as_the_site_did(body: &str, expected: &str) {
    let out = resolve_in_site(
        body,
        &[("wiki", WIKI), ("silent", SILENT), ("center", CENTER)],
        &[("spoiler", SPOILER)],
    );
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
    assert!(out
        .transformations
        .0
        .keys()
        .any(|(kind, _)| kind == "shortcode template"));
}

#[test]
fn the_site_template_wins_over_the_theme() {
    let out = resolve_in_site(
        "{{< wiki \"x\" >}}\n",
        &[("wiki", "site {{ .Get 0 }}")],
        &[("wiki", "theme")],
    );
    assert_eq!(&*out.markdown, "site x\n");
}

#[test]
fn templates_folio_cannot_run_keep_their_content_and_are_reported_once() {
    let body = "{{< gallery \"a.jpg\" >}}\nPhotos from *Jeju*.\n{{< /gallery >}}\n\n{{< gallery \"b.jpg\" >}}\n{{< /gallery >}}\n\n{{< chartjs >}}\nvalues\n{{< /chartjs >}}\n";
    let out = resolve_in_site(body, &[("gallery", GALLERY), ("chartjs", SCRIPTED)], &[]);
    assert_eq!(&*out.markdown, "Photos from *Jeju*.\n\n\nvalues\n");
    let messages: Vec<&str> = out.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("`chartjs` could not be run (1 use)"),
        "{messages:?}"
    );
    assert!(messages[0].contains("uses `<script>`"), "{messages:?}");
    assert!(
        messages[1].contains("`gallery` could not be run (2 uses)"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("`layouts/shortcodes/gallery.html` uses `range`"),
        "{messages:?}"
    );
    assert_eq!(
        out.transformations
            .0
            .get(&("shortcode removed".into(), "gallery".into())),
        Some(&2)
    );
}

#[test_case(
    "{{% quote author=\"정지용\" %}}\n넓은 벌 동쪽 끝으로\n{{% /quote %}}\n",
    "<blockquote>\n\n넓은 벌 동쪽 끝으로\n\n— 정지용\n\n</blockquote>\n" ; "quote with its source"
)]
#[test_case(
    "{{% box %}}\n**주의**: 뜨겁다.\n{{% /box %}}\n",
    "<aside class=\"callout callout-box\">\n\n**주의**: 뜨겁다.\n\n</aside>\n" ; "box as a callout"
)]
#[test_case(
    "{{< mermaid align=\"left\" >}}\ngraph TD;\n  A-->B;\n{{< /mermaid >}}\n",
    "```mermaid\ngraph TD;\n  A-->B;\n```\n" ; "diagram source as code"
)]
fn theme_boxes_quotes_and_diagrams_use_folio_markup(body: &str, expected: &str) {
    // The theme's own templates for these print scripts or theme classes;
    // Folio's markup is styled and needs no script.
    let out = resolve_in_site(
        body,
        &[("quote", "<q>{{ .Inner }}</q>"), ("mermaid", SCRIPTED)],
        &[],
    );
    assert_eq!(&*out.markdown, expected);
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}
