//! Shortcode arguments, read the same way for Hugo (`name "a" key="b"`) and
//! Zola (`name(key="b", n=3)`): positional values and `key=value` pairs,
//! separated by spaces or commas, values quoted with `"`, `'` or `` ` ``.

/// The arguments one shortcode was called with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    pub positional: Vec<String>,
    pub named: Vec<(String, String)>,
}

impl Args {
    /// Reads an argument list; anything unparseable is skipped, never fatal.
    pub fn parse(text: &str) -> Args {
        let mut args = Args::default();
        let mut rest = text.trim();
        while !rest.is_empty() {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if rest.is_empty() {
                break;
            }
            let key_len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            let after_key = rest[key_len..].trim_start();
            if key_len > 0 && after_key.starts_with('=') {
                let key = rest[..key_len].to_owned();
                let (value, remaining) = read_value(after_key[1..].trim_start());
                args.named.push((key, value));
                rest = remaining;
            } else {
                let (value, remaining) = read_value(rest);
                args.positional.push(value);
                rest = remaining;
            }
        }
        args
    }

    /// A named argument, or else the positional one at `index`.
    pub fn get(&self, name: &str, index: usize) -> Option<&str> {
        self.named(name)
            .or_else(|| self.positional.get(index).map(String::as_str))
    }

    pub fn named(&self, name: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// One value and what follows it.
fn read_value(text: &str) -> (String, &str) {
    let Some(first) = text.chars().next() else {
        return (String::new(), text);
    };
    if matches!(first, '"' | '\'' | '`') {
        let body = &text[1..];
        let mut value = String::new();
        let mut chars = body.char_indices();
        while let Some((at, c)) = chars.next() {
            if c == '\\' && first != '`' {
                if let Some((_, escaped)) = chars.next() {
                    value.push(escaped);
                }
            } else if c == first {
                return (value, &body[at + 1..]);
            } else {
                value.push(c);
            }
        }
        return (value, "");
    }
    if first == '[' {
        let end = text.find(']').map_or(text.len(), |at| at + 1);
        return (text[..end].to_owned(), &text[end..]);
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(text.len());
    (text[..end].to_owned(), &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_and_zola_argument_styles_read_alike() {
        let hugo = Args::parse(r#"abc "two words" title="부산 바다" n=3"#);
        assert_eq!(hugo.positional, vec!["abc", "two words"]);
        assert_eq!(hugo.named("title"), Some("부산 바다"));
        assert_eq!(hugo.named("n"), Some("3"));
        let zola = Args::parse(r#"path="a.png", caption='He said "hi"', tags=["a", "b"]"#);
        assert_eq!(zola.named("path"), Some("a.png"));
        assert_eq!(zola.named("caption"), Some(r#"He said "hi""#));
        assert_eq!(zola.named("tags"), Some(r#"["a", "b"]"#));
    }
}
