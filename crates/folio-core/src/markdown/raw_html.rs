//! Raw HTML inside posts. A few harmless formatting tags pass; everything else
//! is shown as text, so an imported post can never run script in the reader.

use pulldown_cmark_escape::escape_html;

/// Tags that pass, without attributes except those listed in [`allowed_attribute`].
const ALLOWED_TAGS: &[&str] = &[
    "br", "sup", "sub", "kbd", "details", "summary", "mark", "abbr",
];

fn allowed_attribute(tag: &str, attribute: &str) -> bool {
    matches!((tag, attribute), ("abbr", "title") | ("details", "open"))
}

/// Rewrites a raw HTML fragment: allowed tags are re-emitted in a normal form,
/// comments dropped, any other tag escaped so it shows as text.
pub fn sanitize_raw_html(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &rest[..open]);
        rest = &rest[open..];
        if let Some(after_comment) = rest.strip_prefix("<!--") {
            rest = after_comment
                .find("-->")
                .map_or("", |end| &after_comment[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            push_text(&mut out, rest);
            return out;
        };
        let tag = &rest[..=close];
        match normalise_allowed_tag(tag) {
            Some(clean) => out.push_str(&clean),
            None => push_text(&mut out, tag),
        }
        rest = &rest[close + 1..];
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut String, text: &str) {
    // Entities such as `&nbsp;` stay; only markup characters are escaped.
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// `Some(tag)` in normal form when `tag` (`<…>`) is an allowed opening or closing tag.
fn normalise_allowed_tag(tag: &str) -> Option<String> {
    let inner = tag
        .strip_prefix('<')?
        .strip_suffix('>')?
        .trim_end_matches('/')
        .trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if !ALLOWED_TAGS.contains(&name.as_str()) {
        return None;
    }
    if closing {
        return (name != "br").then(|| format!("</{name}>"));
    }
    let mut clean = format!("<{name}");
    for (attribute, value) in parse_attributes(&inner[name_end..]) {
        if !allowed_attribute(&name, &attribute) {
            continue;
        }
        clean.push(' ');
        clean.push_str(&attribute);
        if let Some(value) = value {
            clean.push_str("=\"");
            // Writing to a String cannot fail.
            let _ = escape_html(&mut clean, &value);
            clean.push('"');
        }
    }
    clean.push('>');
    Some(clean)
}

/// `name="value"`, `name='value'`, `name=value` and bare `name` attributes.
fn parse_attributes(mut text: &str) -> Vec<(String, Option<String>)> {
    let mut attributes = Vec::new();
    loop {
        text = text.trim_start();
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(text.len());
        if name_end == 0 {
            return attributes;
        }
        let name = text[..name_end].to_ascii_lowercase();
        text = text[name_end..].trim_start();
        let Some(after_eq) = text.strip_prefix('=') else {
            attributes.push((name, None));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, rest) = match after_eq.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                match body.find(quote) {
                    Some(end) => (&body[..end], &body[end + 1..]),
                    None => (body, ""),
                }
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        attributes.push((name, Some(value.to_owned())));
        text = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("<br>", "<br>" ; "br")]
    #[test_case("<BR/>", "<br>" ; "self closing upper case")]
    #[test_case("H<sub>2</sub>O", "H<sub>2</sub>O" ; "sub")]
    #[test_case("<kbd class=\"x\">Ctrl</kbd>", "<kbd>Ctrl</kbd>" ; "attributes dropped")]
    #[test_case("<abbr title=\"HyperText\" onclick=\"x()\">HTML</abbr>", "<abbr title=\"HyperText\">HTML</abbr>" ; "abbr keeps title only")]
    #[test_case("<details open><summary>더 보기</summary>", "<details open><summary>더 보기</summary>" ; "details")]
    #[test_case("<!-- note -->text", "text" ; "comment dropped")]
    fn allowed(input: &str, expected: &str) {
        assert_eq!(sanitize_raw_html(input), expected);
    }

    #[test_case("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" ; "script")]
    #[test_case("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;" ; "img onerror")]
    #[test_case("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;" ; "anchor")]
    #[test_case("<iframe src=//evil>", "&lt;iframe src=//evil&gt;" ; "iframe")]
    #[test_case("<svg/onload=alert(1)>", "&lt;svg/onload=alert(1)&gt;" ; "svg")]
    #[test_case("a < b", "a &lt; b" ; "lone bracket")]
    fn escaped(input: &str, expected: &str) {
        assert_eq!(sanitize_raw_html(input), expected);
    }

    #[test]
    fn attribute_values_are_escaped() {
        let out = sanitize_raw_html("<abbr title='a\"><script>'>x</abbr>");
        // The tag ends at the first `>`; what follows is text, so nothing executes.
        assert_eq!(out, "<abbr title=\"a&quot;\">&lt;script&gt;'&gt;x</abbr>");
    }
}
