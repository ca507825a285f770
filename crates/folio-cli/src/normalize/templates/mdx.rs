//! MDX module lines: `import … from '…'` and `export …` at the top level are
//! JavaScript for the MDX compiler, not text for the reader.

/// Whether a top-level line starts an `import` or `export` statement.
pub fn starts_statement(line: &str) -> bool {
    ["import ", "import{", "export "]
        .iter()
        .any(|keyword| line.starts_with(keyword))
}

/// The end of the statement starting at `start` (after its last newline):
/// the first line end where every bracket opened so far is closed again.
pub fn statement_end(text: &str, start: usize) -> usize {
    let mut depth: i64 = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (offset, c) in text[start..].char_indices() {
        let at = start + offset;
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q || (c == '\n' && q != '`') {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            '\n' if depth <= 0 => return at + 1,
            _ => {}
        }
    }
    text.len()
}
