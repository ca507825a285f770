//! Tags a browser reads but CommonMark does not. Posts imported from old
//! blogs carry HTML that WordPress or a browser accepted: an unquoted value
//! with `=` in it (`<A title=x.htm?from=RSS href="…">`), a stray attribute
//! name (`<a href="…" http://thumb.jpg />`), a quote never closed
//! (`<img src="a.png>`). CommonMark reads such a tag as text, so the reader
//! would see its source. Before parsing, each such tag of a known HTML
//! element, on one line and outside code, is rewritten the way a browser
//! would read it, with an unclosed quote ending at the `>`; the sanitiser
//! then judges it like any other tag.

use std::ops::Range;

/// The text with every repairable tag outside `protected` rewritten.
pub fn repair_tags(
    text: &str,
    protected: &[Range<usize>],
    is_element: impl Fn(&str) -> bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices('<') {
        if at < copied || protected.iter().any(|r| r.contains(&at)) {
            continue;
        }
        let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        let Some((end, repaired)) = repair_tag(&text[at..line_end], &is_element) else {
            continue;
        };
        out.push_str(&text[copied..at]);
        out.push_str(&repaired);
        copied = at + end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether any line holds a tag this module would rewrite (no parse needed).
pub fn has_repairable_tag(text: &str, is_element: impl Fn(&str) -> bool) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        repair_tag(&text[at..line_end], &is_element).is_some()
    })
}

/// The length of the broken tag at the start of `line` and its repaired
/// form; `None` when there is no tag of an element, or CommonMark reads it.
fn repair_tag(line: &str, is_element: &impl Fn(&str) -> bool) -> Option<(usize, String)> {
    let rest = line.strip_prefix('<')?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if name.is_empty()
        || !rest[name_len..].starts_with([' ', '\t'])
        || !is_element(&name.to_ascii_lowercase())
    {
        return None;
    }
    let (attributes, end) = read_attributes(&rest[name_len..])?;
    let whole = 1 + name_len + end;
    if is_commonmark_open_tag(&line[..whole]) {
        return None;
    }
    let mut repaired = format!("<{name}");
    for (key, value) in attributes.iter().filter(|(key, _)| is_attribute_name(key)) {
        match value {
            Some(value) => {
                repaired.push_str(&format!(" {key}=\"{}\"", value.replace('"', "&quot;")))
            }
            None => repaired.push_str(&format!(" {key}")),
        }
    }
    // A browser ignores `/>` on a tag like `<a>`; on `<img>` it changes nothing.
    repaired.push('>');
    Some((whole, repaired))
}

type Attributes<'a> = Vec<(&'a str, Option<&'a str>)>;

/// Attributes as a browser reads them and the offset just past the `>`. A quote not closed on the line ends at
/// the next `>`, where the author meant it to.
fn read_attributes(text: &str) -> Option<(Attributes<'_>, usize)> {
    let mut attributes = Vec::new();
    let mut at = 0;
    loop {
        let skipped = text[at..].len() - text[at..].trim_start().len();
        at += skipped;
        let rest = &text[at..];
        if rest.starts_with('>') {
            return Some((attributes, at + 1));
        }
        if rest.starts_with('/') {
            at += 1;
            continue;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>')?;
        let name = &rest[..name_len];
        if name.is_empty() {
            // `=` where a name should be: a browser takes it into the name.
            at += 1;
            continue;
        }
        at += name_len;
        let after_name = text[at..].trim_start();
        let Some(value_text) = after_name.strip_prefix('=') else {
            attributes.push((name, None));
            continue;
        };
        let value_text = value_text.trim_start();
        at = text.len() - value_text.len();
        let (value, next) = match value_text.chars().next()? {
            quote @ ('"' | '\'') => {
                let body = &value_text[1..];
                match body.find(quote) {
                    Some(close) => (&body[..close], at + 1 + close + 1),
                    None => {
                        let close = body.find('>')?;
                        (&body[..close], at + 1 + close)
                    }
                }
            }
            _ => {
                let len = value_text
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value_text.len());
                (&value_text[..len], at + len)
            }
        };
        attributes.push((name, Some(value)));
        at = next;
    }
}

/// CommonMark's attribute name: `[A-Za-z_:][A-Za-z0-9_.:-]*`.
fn is_attribute_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'))
}

/// Whether CommonMark reads `tag` (from `<` to `>`, one line) as an open tag.
fn is_commonmark_open_tag(tag: &str) -> bool {
    let Some(inner) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inner.len());
    let mut rest = &inner[name_len..];
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return true;
        }
        if trimmed.len() == rest.len() {
            return false; // attributes must be separated by whitespace
        }
        let name_len = trimmed
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-')))
            .unwrap_or(trimmed.len());
        if !is_attribute_name(&trimmed[..name_len]) {
            return false;
        }
        rest = &trimmed[name_len..];
        let after = rest.trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        rest = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                Some(close) => &value[1 + close + 1..],
                None => return false,
            },
            Some(_) => {
                let len = value
                    .find(|c: char| c.is_whitespace() || "\"'=<>`".contains(c))
                    .unwrap_or(value.len());
                if len == 0 {
                    return false;
                }
                &value[len..]
            }
            None => return false,
        };
    }
}

#[cfg(test)]
mod tests {
    use test_case::test_case;

    use super::*;

    fn is_element(name: &str) -> bool {
        matches!(name, "a" | "img" | "p")
    }

    #[test_case(
        "<A title=http://x.com/a.htm?from=RSS href=\"http://x.com/a.htm\">기사</A>",
        "<A title=\"http://x.com/a.htm?from=RSS\" href=\"http://x.com/a.htm\">기사</A>" ; "unquoted value with an equals sign"
    )]
    #[test_case(
        "<a href=\"http://x.com/v\" http://thumb.example/t.jpg />v</a>",
        "<a href=\"http://x.com/v\">v</a>" ; "a stray url where an attribute should be"
    )]
    #[test_case(
        "안 이쁘다.\n<img src=\"shot.png>\n다음 줄",
        "안 이쁘다.\n<img src=\"shot.png\">\n다음 줄" ; "a quote never closed ends at the bracket"
    )]
    #[test_case("<img src=\"ok.png\" alt='fine'>", "<img src=\"ok.png\" alt='fine'>" ; "valid tags are left as written")]
    #[test_case("`<img src=\"shot.png>`", "`<img src=\"shot.png>`" ; "code is left alone")]
    #[test_case("List<String> and a <b ad=x=y>", "List<String> and a <b ad=x=y>" ; "names that are not elements here")]
    #[test_case("<a href=\"x\"\nnext line", "<a href=\"x\"\nnext line" ; "tags across lines are left alone")]
    fn broken_tags_are_read_as_a_browser_would(input: &str, expected: &str) {
        let protected: Vec<Range<usize>> = input
            .match_indices('`')
            .collect::<Vec<_>>()
            .chunks(2)
            .filter_map(|pair| match pair {
                [(a, _), (b, _)] => Some(*a..*b + 1),
                _ => None,
            })
            .collect();
        assert_eq!(repair_tags(input, &protected, is_element), expected);
        assert_eq!(
            has_repairable_tag(input, is_element),
            input != expected || input.contains('`')
        );
    }
}
