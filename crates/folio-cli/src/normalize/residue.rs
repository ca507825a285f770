//! Markup a reader should never see: template syntax, HTML shown as text, raw
//! TeX. Used by the tests and by the export report to measure how faithfully
//! a real blog renders; code blocks, code spans and MathML are left out, since
//! there the author meant the characters.

/// What kind of source leaked into the visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResidueKind {
    /// `{% … %}`, `{{ … }}`, `{{< … >}}`, kramdown's `{: … }`.
    Template,
    /// An HTML tag printed as text, e.g. `<div align="center">`.
    EscapedHtml,
    /// TeX the reader sees as source: `$$`, `\frac`, `\(`.
    RawTex,
}

impl ResidueKind {
    pub fn label(self) -> &'static str {
        match self {
            ResidueKind::Template => "template syntax",
            ResidueKind::EscapedHtml => "HTML shown as text",
            ResidueKind::RawTex => "raw TeX",
        }
    }
}

/// One leak, with a little of the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Residue {
    pub kind: ResidueKind,
    pub snippet: String,
}

const TEMPLATE_MARKS: &[&str] = &["{%", "%}", "{{", "}}"];
const TEX_MARKS: &[&str] = &[
    "$$", "\\frac", "\\begin{", "\\(", "\\)", "\\[", "\\]", "\\sum", "\\int", "\\alpha", "^{", "_{",
];
/// Tags real posts use; one of them printed as text is a rendering failure.
const HTML_TAGS: &[&str] = &[
    "a",
    "img",
    "div",
    "span",
    "p",
    "center",
    "figure",
    "figcaption",
    "iframe",
    "video",
    "audio",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "small",
    "u",
    "b",
    "i",
    "em",
    "strong",
    "sup",
    "sub",
    "script",
    "style",
    "font",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "blockquote",
    "details",
    "summary",
    "picture",
    "source",
];

/// Every leak in a rendered post body (HTML as the renderer wrote it).
pub fn find_residue(html: &str) -> Vec<Residue> {
    let text = visible_text(html);
    let mut found = Vec::new();
    for mark in TEMPLATE_MARKS {
        found.extend(occurrences(&text, mark, ResidueKind::Template));
    }
    // kramdown's attribute lists (`{: .lead}`, `{:#intro}`, `{:toc}`), not
    // Rust's `{:?}` or Python's `{:>8}` that an author writes in prose.
    for (at, _) in text.match_indices("{:") {
        let after = &text[at + 2..];
        let is_attribute_list = after.starts_with([' ', '.'])
            || after.starts_with("toc")
            || (after.starts_with('#') && after[1..].starts_with(|c: char| c.is_alphabetic()));
        if is_attribute_list {
            found.push(Residue {
                kind: ResidueKind::Template,
                snippet: snippet(&text, at),
            });
        }
    }
    for mark in TEX_MARKS {
        found.extend(occurrences(&text, mark, ResidueKind::RawTex));
    }
    for (at, _) in text.match_indices('<') {
        let rest = text[at + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let after = rest[name.len()..].chars().next();
        if HTML_TAGS.contains(&name.as_str()) && matches!(after, Some('>' | ' ' | '/')) {
            found.push(Residue {
                kind: ResidueKind::EscapedHtml,
                snippet: snippet(&text, at),
            });
        }
    }
    found
}

fn occurrences(text: &str, mark: &str, kind: ResidueKind) -> Vec<Residue> {
    text.match_indices(mark)
        .map(|(at, _)| Residue {
            kind,
            snippet: snippet(text, at),
        })
        .collect()
}

fn snippet(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(20)
        .map_or(0, |(i, _)| i);
    text[start..].chars().take(60).collect()
}

/// Elements whose text is meant as written (code) or is not text (MathML, scripts).
const HIDDEN_TEXT: &[&str] = &["pre", "code", "math", "script", "style"];

/// The text a reader sees: tags removed, entities decoded, code and math left out.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    while let Some(open) = rest.find('<') {
        if skip_until.is_none() {
            text.push_str(&super::markup::tokens::decode_references(&rest[..open]));
        }
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..close];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match &skip_until {
            Some(until) if closing && *until == name => skip_until = None,
            None if !closing && HIDDEN_TEXT.contains(&name.as_str()) && !tag.ends_with('/') => {
                skip_until = Some(name);
            }
            _ => {}
        }
        text.push(' ');
        rest = &rest[close + 1..];
    }
    if skip_until.is_none() {
        text.push_str(&super::markup::tokens::decode_references(rest));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("<p>{% highlight python %}</p>", ResidueKind::Template ; "liquid tag")]
    #[test_case("<p>{{&lt; youtube abc &gt;}}</p>", ResidueKind::Template ; "hugo shortcode")]
    #[test_case("<p>{: .note}</p>", ResidueKind::Template ; "kramdown attributes")]
    #[test_case("<p>{:#intro}</p>", ResidueKind::Template ; "kramdown id")]
    #[test_case("<p>&lt;div align=\"center\"&gt;</p>", ResidueKind::EscapedHtml ; "escaped div")]
    #[test_case("<p>&lt;/U&gt;</p>", ResidueKind::EscapedHtml ; "escaped closing tag")]
    #[test_case("<p>$$y=\\frac { 1 }{ 2 }$$</p>", ResidueKind::RawTex ; "display tex")]
    #[test_case("<p>where \\(x\\) grows</p>", ResidueKind::RawTex ; "paren tex")]
    fn leaks_are_found(html: &str, kind: ResidueKind) {
        let found = find_residue(html);
        assert!(found.iter().any(|r| r.kind == kind), "{found:?}");
    }

    #[test_case("<pre><code>{% raw %}{{ x }}{% endraw %} $$ &lt;div&gt;</code></pre>" ; "code block")]
    #[test_case("<p>Use <code>{{ site.url }}</code> here.</p>" ; "code span")]
    #[test_case("<p><math><mi>x</mi><annotation encoding=\"application/x-tex\">\\frac{1}{2}</annotation></math></p>" ; "mathml")]
    #[test_case("<p>List&lt;String&gt; and Map&lt;K, V&gt; cost $5 and $10.</p>" ; "generics and prices")]
    #[test_case("<li>{:?} : 한줄로 출력, {:#?} : 여러줄로, {:>8}</li>" ; "format strings in prose")]
    #[test_case("<div class=\"align-center\"><img src=\"a.png\" alt=\"\"></div>" ; "real html")]
    #[test_case("<blockquote><p>&gt; 한 글자씩 읽어서 &amp 토큰을 만든다</p></blockquote>" ; "entity before hangul")]
    fn clean_text_has_no_residue(html: &str) {
        assert_eq!(find_residue(html), []);
    }
}
