//! A small HTML tokenizer that keeps the source text of every token, so text
//! between tags can be written back exactly as the author wrote it.

/// One piece of an HTML fragment; `raw` is its exact source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Start {
        /// The name as written (case kept: MDX components are capitalised).
        name: &'a str,
        raw: &'a str,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: &'a str,
        raw: &'a str,
    },
    Comment(&'a str),
    /// `<!DOCTYPE …>`, `<?…?>`, `<![CDATA[…]]>`.
    Declaration(&'a str),
}

/// A token and its byte offset in the fragment.
pub type Spanned<'a> = (usize, Token<'a>);

pub fn tokenize(html: &str) -> Vec<Spanned<'_>> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'<' {
            at += 1;
            continue;
        }
        let Some((end, token)) = markup_at(html, at) else {
            at += 1;
            continue;
        };
        if text_start < at {
            tokens.push((text_start, Token::Text(&html[text_start..at])));
        }
        tokens.push((at, token));
        at = end;
        text_start = end;
    }
    if text_start < bytes.len() {
        tokens.push((text_start, Token::Text(&html[text_start..])));
    }
    tokens
}

/// The token starting at the `<` at `at`, and where it ends; `None` when the
/// `<` does not start markup (it is then text).
fn markup_at(html: &str, at: usize) -> Option<(usize, Token<'_>)> {
    let rest = &html[at..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some((end, Token::Comment(&html[at..end])));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let close = if rest.starts_with("<![CDATA[") {
            rest.find("]]>").map(|e| e + 3)
        } else {
            rest.find('>').map(|e| e + 1)
        };
        let end = close.map_or(html.len(), |e| at + e);
        return Some((end, Token::Declaration(&html[at..end])));
    }
    let (closing, name_start) = match rest.as_bytes().get(1) {
        Some(b'/') => (true, 2),
        _ => (false, 1),
    };
    if !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = rest[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    let after_name = name_start + name_len;
    if !rest[after_name..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
        return None;
    }
    let close = tag_end(&rest[after_name..])? + after_name;
    let raw = &rest[..=close];
    if closing {
        return Some((at + close + 1, Token::End { name, raw }));
    }
    let inner = &rest[after_name..close];
    let self_closing = inner.trim_end().ends_with('/');
    Some((
        at + close + 1,
        Token::Start {
            name,
            raw,
            attrs: parse_attributes(inner.trim_end().trim_end_matches('/')),
            self_closing,
        },
    ))
}

/// Offset of the `>` closing a tag, skipping quoted attribute values and
/// JSX `{…}` expressions.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    let mut braces = 0usize;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if braces == 0 => quote = Some(c),
            (None, '{') => braces += 1,
            (None, '}') => braces = braces.saturating_sub(1),
            (None, '>') if braces == 0 => return Some(i),
            (None, '<') if braces == 0 => return None,
            _ => {}
        }
    }
    None
}

/// `name="value"`, `name='value'`, `name=value`, `name={expr}` and bare `name`;
/// names lower-cased except as written (`className` is matched by the caller),
/// values with the common character references decoded.
pub fn parse_attributes(mut text: &str) -> Vec<(String, String)> {
    let mut attributes = Vec::new();
    loop {
        text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(text.len());
        if name_end == 0 {
            return attributes;
        }
        let name = text[..name_end].to_owned();
        text = text[name_end..].trim_start();
        let Some(after_eq) = text.strip_prefix('=') else {
            attributes.push((name, String::new()));
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
            Some('{') => {
                let end = after_eq.find('}').map_or(after_eq.len(), |e| e + 1);
                (&after_eq[..end], &after_eq[end..])
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        attributes.push((name, decode_references(value)));
        text = rest;
    }
}

/// Decodes the character references authors write in attribute values.
pub fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_comments_keep_their_source() {
        let tokens = tokenize("a <B title='x > y'>b</B><!-- c -->\n<br/>");
        assert_eq!(tokens[0], (0, Token::Text("a ")));
        assert!(
            matches!(&tokens[1].1, Token::Start { name: "B", attrs, .. } if attrs[0] == ("title".into(), "x > y".into()))
        );
        assert_eq!(tokens[2].1, Token::Text("b"));
        assert!(matches!(tokens[3].1, Token::End { name: "B", .. }));
        assert!(matches!(tokens[4].1, Token::Comment(_)));
        assert!(matches!(
            tokens[6].1,
            Token::Start {
                name: "br",
                self_closing: true,
                ..
            }
        ));
    }

    #[test]
    fn a_lone_bracket_is_text() {
        let tokens = tokenize("a < b <3 <");
        assert_eq!(tokens, vec![(0, Token::Text("a < b <3 <"))]);
    }

    #[test]
    fn references_in_values_are_decoded() {
        assert_eq!(
            decode_references("java&#115;cript&colon;x&amp;"),
            "javascript:x&"
        );
    }
}
