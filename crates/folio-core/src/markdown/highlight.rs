//! A small syntax highlighter for code blocks. Full grammars (syntect,
//! tree-sitter) would add megabytes to the browser bundle; posts need only
//! comments, strings, numbers and keywords told apart, which a lexer per
//! language family does in a few kilobytes, the same natively and in WASM.

use pulldown_cmark_escape::escape_html;

/// How a language writes comments and strings, and its keywords.
struct Syntax {
    line_comments: &'static [&'static str],
    block_comment: Option<(&'static str, &'static str)>,
    quotes: &'static [char],
    keywords: &'static [&'static str],
}

const RUST: Syntax = Syntax {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"'],
    keywords: &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while",
    ],
};

const C_LIKE: Syntax = Syntax {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"', '\'', '`'],
    keywords: &[
        "async",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "from",
        "func",
        "function",
        "go",
        "if",
        "implements",
        "import",
        "in",
        "interface",
        "let",
        "new",
        "null",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "static",
        "struct",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "type",
        "typeof",
        "undefined",
        "var",
        "void",
        "while",
        "yield",
    ],
};

const SCRIPT: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    quotes: &['"', '\''],
    keywords: &[
        "and",
        "as",
        "case",
        "def",
        "do",
        "done",
        "echo",
        "elif",
        "else",
        "esac",
        "except",
        "export",
        "False",
        "fi",
        "for",
        "from",
        "function",
        "if",
        "import",
        "in",
        "is",
        "lambda",
        "local",
        "None",
        "not",
        "or",
        "pass",
        "raise",
        "return",
        "then",
        "True",
        "try",
        "while",
        "with",
        "yield",
        "FROM",
        "RUN",
        "COPY",
        "CMD",
        "ENTRYPOINT",
        "WORKDIR",
        "ENV",
        "EXPOSE",
        "ARG",
        "USER",
        "ADD",
    ],
};

const CONFIG: Syntax = Syntax {
    line_comments: &["#"],
    block_comment: None,
    quotes: &['"', '\''],
    keywords: &["true", "false", "null", "yes", "no"],
};

const CSS: Syntax = Syntax {
    line_comments: &[],
    block_comment: Some(("/*", "*/")),
    quotes: &['"', '\''],
    keywords: &["@media", "@import", "@supports", "@font-face", "!important"],
};

const SQL: Syntax = Syntax {
    line_comments: &["--"],
    block_comment: Some(("/*", "*/")),
    quotes: &['\''],
    keywords: &[
        "SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE",
        "TABLE", "JOIN", "LEFT", "ON", "AND", "OR", "NOT", "NULL", "ORDER", "BY", "GROUP", "LIMIT",
        "AS", "select", "from", "where", "insert", "into", "values", "update", "set", "delete",
        "create", "table", "join", "on", "and", "or", "not", "null", "order", "by", "group",
        "limit", "as",
    ],
};

fn syntax_for(lang: &str) -> Option<&'static Syntax> {
    Some(match lang.to_ascii_lowercase().as_str() {
        "rust" | "rs" => &RUST,
        "js" | "javascript" | "jsx" | "ts" | "typescript" | "tsx" | "go" | "golang" | "java"
        | "kotlin" | "kt" | "c" | "cpp" | "c++" | "cs" | "csharp" | "swift" | "scala" | "dart"
        | "json" | "jsonc" => &C_LIKE,
        "sh" | "bash" | "shell" | "zsh" | "console" | "python" | "py" | "ruby" | "rb"
        | "dockerfile" | "docker" | "makefile" | "make" => &SCRIPT,
        "toml" | "yaml" | "yml" | "ini" | "conf" => &CONFIG,
        "css" | "scss" | "less" => &CSS,
        "sql" => &SQL,
        _ => return None,
    })
}

/// Escaped HTML of `code` with `<span class="tok-…">` around comments, strings,
/// numbers and keywords; plain escaped text for languages it does not know.
pub fn highlight_code(lang: &str, code: &str) -> String {
    let mut html = String::with_capacity(code.len() + code.len() / 2);
    let Some(syntax) = syntax_for(lang) else {
        let _ = escape_html(&mut html, code);
        return html;
    };
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let token_len = if let Some(len) = comment_len(syntax, rest) {
            push_span(&mut html, "tok-comment", &rest[..len]);
            len
        } else if syntax.quotes.contains(&c) {
            let len = string_len(rest, c);
            push_span(&mut html, "tok-string", &rest[..len]);
            len
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'))
                .unwrap_or(rest.len());
            push_span(&mut html, "tok-number", &rest[..len]);
            len
        } else if c.is_alphabetic() || c == '_' || c == '@' || c == '!' {
            let len = rest
                .char_indices()
                .skip(1)
                .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '_' || *ch == '-' && c == '@'))
                .map_or(rest.len(), |(at, _)| at);
            let word = &rest[..len];
            if syntax.keywords.contains(&word) {
                push_span(&mut html, "tok-keyword", word);
            } else {
                let _ = escape_html(&mut html, word);
            }
            len
        } else {
            let len = c.len_utf8();
            let _ = escape_html(&mut html, &rest[..len]);
            len
        };
        rest = &rest[token_len..];
    }
    html
}

fn comment_len(syntax: &Syntax, rest: &str) -> Option<usize> {
    if syntax.line_comments.iter().any(|m| rest.starts_with(*m)) {
        return Some(rest.find('\n').unwrap_or(rest.len()));
    }
    let (open, close) = syntax.block_comment?;
    rest.starts_with(open).then(|| {
        rest[open.len()..]
            .find(close)
            .map_or(rest.len(), |end| open.len() + end + close.len())
    })
}

/// Length of a string literal starting at `rest[0] == quote`, honouring `\` escapes;
/// an unclosed string ends at the line's end.
fn string_len(rest: &str, quote: char) -> usize {
    let mut escaped = false;
    for (at, c) in rest.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '\n' => return at,
            c if c == quote => return at + c.len_utf8(),
            _ => {}
        }
    }
    rest.len()
}

fn push_span(html: &mut String, class: &str, text: &str) {
    html.push_str("<span class=\"");
    html.push_str(class);
    html.push_str("\">");
    let _ = escape_html(&mut *html, text);
    html.push_str("</span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_keywords_strings_comments_numbers() {
        let html = highlight_code(
            "rust",
            "fn main() { let s = \"<hi>\"; // note\n let n = 42; }",
        );
        assert!(html.contains("<span class=\"tok-keyword\">fn</span>"));
        assert!(html.contains("<span class=\"tok-string\">&quot;&lt;hi&gt;&quot;</span>"));
        assert!(html.contains("<span class=\"tok-comment\">// note</span>"));
        assert!(html.contains("<span class=\"tok-number\">42</span>"));
    }

    #[test]
    fn escaped_quotes_stay_inside_the_string() {
        let html = highlight_code("js", r#"const a = "say \"hi\""; let b"#);
        assert!(
            html.contains(r#"<span class="tok-string">&quot;say \&quot;hi\&quot;&quot;</span>"#)
        );
        assert!(html.contains("<span class=\"tok-keyword\">let</span>"));
    }

    #[test]
    fn unknown_languages_are_only_escaped() {
        assert_eq!(highlight_code("brainfuck", "<+>"), "&lt;+&gt;");
    }

    #[test]
    fn highlighting_never_loses_text() {
        let code = "# comment\nname = \"folio\" # trailing\nversion = 1.2\n/* not a comment in toml */ 한글";
        let html = highlight_code("toml", code);
        let text = html.replace("</span>", "");
        let stripped: String = text
            .split("<span class=\"")
            .map(|part| part.split_once("\">").map_or(part, |(_, t)| t))
            .collect();
        let unescaped = stripped
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        assert_eq!(unescaped, code);
    }
}
