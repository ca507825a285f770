//! Source-level fixes before the Markdown is parsed: TeX delimiters CommonMark
//! does not know become `$`/`$$`, and blocks whose content is Markdown
//! (kramdown `markdown="1"`, custom elements, MDX components) get the blank
//! lines CommonMark needs to read that content as Markdown.

use std::ops::Range;

use folio_core::markdown::parser_options;
use pulldown_cmark::{Event, Options, Parser, Tag};

use super::html::is_known_element;
use super::repair;
use super::tokens::{tokenize, Token};

pub struct Prepared {
    pub text: String,
    /// For each line of `text`, the 1-based line of the original it came from.
    pub line_map: Vec<usize>,
}

pub fn prepare(markdown: &str, mdx: bool) -> Prepared {
    let repaired = repaired_tags(markdown);
    let delimited = tight_inline_math(&convert_tex_delimiters(&repaired));
    let mut text = protect_display_math(&display_math_blocks(&delimited));
    if mdx {
        text = without_jsx_expressions(&text);
    }
    open_markdown_blocks(&text, mdx)
}

/// MDX components take JavaScript values (`<Chart data={[1, 2]} />`), which
/// CommonMark does not read as a tag at all. The values mean nothing to a
/// reader, so `name={…}` and `{…spread}` are removed from capitalised tags
/// (outside code fences), leaving a tag the sanitiser understands. Newlines
/// inside a removed value are kept, so line numbers stay right.
fn without_jsx_expressions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<(char, usize)> = None;
    let mut in_tag = false;
    let mut depth = 0usize;
    for line in text.split_inclusive('\n') {
        let unindented = line.trim_start_matches(' ');
        if !in_tag {
            if let Some(marker) = fence_marker(unindented) {
                fence = after_fence_line(fence, marker);
                out.push_str(line);
                continue;
            }
        }
        if fence.is_some() {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if depth > 0 {
                // Inside a removed `{…}` value: keep only line breaks.
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    '\n' => out.push('\n'),
                    _ => {}
                }
                i += 1;
                continue;
            }
            if !in_tag {
                if c == '<' && chars.get(i + 1).is_some_and(|n| n.is_ascii_uppercase()) {
                    in_tag = true;
                }
                out.push(c);
                i += 1;
                continue;
            }
            match c {
                '>' => {
                    in_tag = false;
                    out.push(c);
                }
                '{' => depth = 1,
                '=' if chars.get(i + 1) == Some(&'{') => {
                    // Drop the attribute's name already written, then its value.
                    while out.ends_with(|ch: char| ch.is_alphanumeric() || ch == '-' || ch == '_') {
                        out.pop();
                    }
                    depth = 1;
                    i += 1;
                }
                _ => out.push(c),
            }
            i += 1;
        }
    }
    out
}

/// Tags CommonMark would print as text, rewritten as a browser reads them
/// (see [`repair`]); the document is parsed only when there is one.
fn repaired_tags(markdown: &str) -> String {
    if !repair::has_repairable_tag(markdown, is_known_element) {
        return markdown.to_owned();
    }
    repair::repair_tags(markdown, &code_ranges(markdown), is_known_element)
}

/// Ranges holding code or raw HTML, where delimiters are left alone.
fn code_ranges(markdown: &str) -> Vec<Range<usize>> {
    Parser::new_ext(markdown, parser_options() | Options::ENABLE_MATH)
        .into_offset_iter()
        .filter(|(e, _)| {
            matches!(
                e,
                Event::Code(_)
                    | Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
                    | Event::InlineHtml(_)
                    | Event::InlineMath(_)
                    | Event::DisplayMath(_)
            )
        })
        .map(|(_, r)| r)
        .collect()
}

/// A code fence's character and length when `unindented` starts with one
/// (three or more backticks or tildes).
fn fence_marker(unindented: &str) -> Option<(char, usize)> {
    let c = unindented
        .chars()
        .next()
        .filter(|c| matches!(c, '`' | '~'))?;
    let run = unindented.chars().take_while(|&x| x == c).count();
    (run >= 3).then_some((c, run))
}

/// Whether a fence is open after a fence line: it opens one when none is,
/// closes the open one when it is as long and of the same character.
fn after_fence_line(open: Option<(char, usize)>, (c, run): (char, usize)) -> Option<(char, usize)> {
    match open {
        None => Some((c, run)),
        Some((f, n)) if f == c && run >= n => None,
        still_open => still_open,
    }
}

/// MathJax reads `$ \frac{a}{b} $` with spaces inside the dollars; CommonMark's
/// math does not (a closing `$` after a space is a price). Where the text
/// between two dollars on one line is plainly TeX (a command such as
/// `\frac`, or `^{`/`_{`), the spaces inside are dropped. Code is left alone.
fn tight_inline_math(markdown: &str) -> String {
    if !markdown.contains('$') {
        return markdown.to_owned();
    }
    let code = code_ranges(markdown);
    let in_code = |i: usize| code.iter().any(|r| r.contains(&i));
    let mut out = String::with_capacity(markdown.len());
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let mut rest = line;
        let mut at = offset;
        while let Some(open) = rest.find('$') {
            let after = &rest[open + 1..];
            let is_single = !after.starts_with('$') && !rest[..open].ends_with('$');
            let close = after.find('$');
            match close {
                Some(close)
                    if is_single && !in_code(at + open) && !after[close + 1..].starts_with('$') =>
                {
                    let inner = &after[..close];
                    let tex = looks_like_tex(inner);
                    if tex && inner.trim() != inner && !inner.trim().is_empty() {
                        out.push_str(&rest[..open]);
                        out.push('$');
                        out.push_str(inner.trim());
                        out.push('$');
                    } else {
                        out.push_str(&rest[..open + 1 + close + 1]);
                    }
                    at += open + 1 + close + 1;
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push_str(&rest[..open + 1]);
                    at += open + 1;
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        offset += line.len();
    }
    out
}

fn looks_like_tex(text: &str) -> bool {
    let command = text
        .split('\\')
        .skip(1)
        .any(|part| part.starts_with(|c: char| c.is_ascii_alphabetic()));
    command || text.contains("^{") || text.contains("_{")
}

/// `\(…\)` → `$…$` and `\[…\]` → `$$…$$`, also in their Markdown-escaped
/// forms `\\(…\\)` and `\\[…\\]`; never inside code or across a blank line.
fn convert_tex_delimiters(markdown: &str) -> String {
    if !markdown.contains("\\(") && !markdown.contains("\\[") {
        return markdown.to_owned();
    }
    let code = code_ranges(markdown);
    let in_code = |i: usize| code.iter().any(|r| r.contains(&i));
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    let mut copied = 0;
    while at < markdown.len() {
        let rest = &markdown[at..];
        let found = [
            ("\\\\(", "\\\\)", false),
            ("\\\\[", "\\\\]", true),
            ("\\(", "\\)", false),
            ("\\[", "\\]", true),
        ]
        .into_iter()
        .find(|(open, _, _)| rest.starts_with(open));
        let Some((open, close, display)) = found.filter(|_| !in_code(at)) else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let body_start = at + open.len();
        let Some(body_len) = markdown[body_start..].find(close) else {
            at = body_start;
            continue;
        };
        let mut body = &markdown[body_start..body_start + body_len];
        // `\\\)`: Markdown reads `\\` as `\` and `\)` as `)`, so MathJax saw
        // the same `\)` as from `\\)`; the odd backslash is not the formula's.
        if open.starts_with("\\\\") && body.ends_with('\\') && !body.ends_with("\\\\") {
            body = &body[..body.len() - 1];
        }
        let segments: Vec<&str> = body.split('\n').collect();
        let blank_inside = segments.len() > 2
            && segments[1..segments.len() - 1]
                .iter()
                .any(|l| l.trim().is_empty());
        if body.trim().is_empty()
            || body.contains('$')
            || blank_inside
            || in_code(body_start + body_len)
        {
            at = body_start;
            continue;
        }
        out.push_str(&markdown[copied..at]);
        if display {
            out.push_str("$$");
            out.push_str(body);
            out.push_str("$$");
        } else {
            out.push('$');
            out.push_str(body.trim());
            out.push('$');
        }
        at = body_start + body_len + close.len();
        copied = at;
    }
    out.push_str(&markdown[copied..]);
    out
}

/// LaTeX environments that are display math on their own, which MathJax
/// typesets without delimiters (`processEnvironments`, on by default). Inner
/// ones (`aligned`, `cases`, `split`, matrices) stand inside these or `$$`.
pub(super) const DISPLAY_ENVIRONMENTS: &[&str] = &[
    "equation",
    "equation*",
    "align",
    "align*",
    "alignat",
    "alignat*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "flalign",
    "flalign*",
    "eqnarray",
    "eqnarray*",
];

/// Display math CommonMark would not find whole, made one `$$` paragraph:
///
/// - kramdown's math block, a `$$` opening a block and a line ending in `$$`
///   before a blank line closing it, runs across blank lines (kramdown reads
///   up to the next `$$`); CommonMark ends the paragraph at the first one.
/// - A display environment (`\begin{align}` … `\end{align}`, see
///   [`DISPLAY_ENVIRONMENTS`]) starting a line outside delimiters and code,
///   which MathJax typesets as display math, gets `$$` written against its
///   first and last line. Only when its own `\end` closes the line; an
///   unbalanced or unclosed one is left as written.
///
/// A blank line inside becomes `%`, an empty TeX comment (`math.rs` drops it),
/// so lines keep their numbers. Inside `$$` CommonMark reads no escapes, so
/// `\\`, `_` and `*` reach the TeX converter as written.
fn display_math_blocks(text: &str) -> String {
    if !text.contains("$$") && !text.contains("\\begin{") {
        return text.to_owned();
    }
    let code = code_ranges(text);
    let in_code = |i: usize| code.iter().any(|r| r.contains(&i));
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for line in &lines {
        starts.push(offset);
        offset += line.len();
    }
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut out = String::with_capacity(text.len() + 64);
    let mut fence: Option<(char, usize)> = None;
    let mut dollars_open = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let unindented = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - unindented.len();
        if let Some(marker) = fence_marker(unindented).filter(|_| indent <= 3) {
            fence = after_fence_line(fence, marker);
        }
        let trimmed = line.trim();
        let usable = fence.is_none() && !in_code(starts[index] + indent);
        let block = if !usable {
            None
        } else if trimmed.starts_with("$$")
            && !trimmed[2..].contains("$$")
            && indent <= 3
            && (index == 0 || blank(index - 1))
        {
            kramdown_math_block_end(&lines, index).map(|end| (end, false))
        } else if !dollars_open {
            match environment_end(&lines, index) {
                Some((end, true)) => Some((end, true)),
                Some((end, false)) => {
                    for kept in &lines[index..=end] {
                        out.push_str(kept);
                    }
                    index = end + 1;
                    continue;
                }
                None => None,
            }
        } else {
            None
        };
        let Some((end, environment)) = block else {
            // An environment inside a `$$` already open in this paragraph is
            // that formula's; a blank line ends the paragraph and the formula.
            let dollars = line
                .match_indices("$$")
                .filter(|(at, _)| !in_code(starts[index] + at))
                .count();
            dollars_open = !trimmed.is_empty() && (dollars_open != (dollars % 2 == 1));
            out.push_str(line);
            index += 1;
            continue;
        };
        for (at, inner) in lines[index..=end].iter().enumerate() {
            let (body, newline) = match inner.strip_suffix('\n') {
                Some(body) => (body.strip_suffix('\r').unwrap_or(body), true),
                None => (*inner, false),
            };
            if body.trim().is_empty() {
                out.push('%');
            } else if environment && at == 0 {
                let unindented = body.trim_start_matches([' ', '\t']);
                out.push_str(&body[..body.len() - unindented.len()]);
                out.push_str("$$");
                out.push_str(unindented);
            } else {
                out.push_str(body);
            }
            if environment && index + at == end {
                out.truncate(out.trim_end().len());
                out.push_str("$$");
            }
            if newline {
                out.push('\n');
            }
        }
        index = end + 1;
    }
    out
}

/// The line closing a kramdown math block opened at `open`, when the block
/// spans a blank line (others are CommonMark's already) and holds no fence.
fn kramdown_math_block_end(lines: &[&str], open: usize) -> Option<usize> {
    let close = (open + 1..lines.len()).find(|&i| lines[i].contains("$$"))?;
    let closing = lines[close].trim_end();
    let inner = &lines[open + 1..close];
    let closes_block = closing.ends_with("$$")
        && closing.matches("$$").count() == 1
        && lines.get(close + 1).is_none_or(|l| l.trim().is_empty());
    let spans_blank = inner.iter().any(|l| l.trim().is_empty());
    let holds_fence = inner.iter().any(|l| fence_marker(l.trim_start()).is_some());
    (closes_block && spans_blank && !holds_fence).then_some(close)
}

/// The line closing a display environment opened at the start of line
/// `open`: the `\end` that balances it, with nothing after it on its line.
/// `Some((end, false))` when it holds the same environment inside itself,
/// which is not LaTeX: the lines through `end` are left as written.
fn environment_end(lines: &[&str], open: usize) -> Option<(usize, bool)> {
    let first = lines[open].trim_start_matches([' ', '\t']);
    let name = first.strip_prefix("\\begin{")?.split('}').next()?;
    if !DISPLAY_ENVIRONMENTS.contains(&name) {
        return None;
    }
    let begin = format!("\\begin{{{name}}}");
    let end = format!("\\end{{{name}}}");
    let mut depth = 0usize;
    let mut nested = false;
    for (index, line) in lines.iter().enumerate().skip(open) {
        if fence_marker(line.trim_start()).is_some() || line.contains("$$") {
            return None;
        }
        let mut rest = *line;
        loop {
            let next_begin = rest.find(&begin);
            let next_end = rest.find(&end);
            match (next_begin, next_end) {
                (Some(b), e) if e.is_none_or(|e| b < e) => {
                    nested |= depth > 0;
                    depth += 1;
                    rest = &rest[b + begin.len()..];
                }
                (_, Some(e)) => {
                    depth = depth.checked_sub(1)?;
                    rest = &rest[e + end.len()..];
                    if depth == 0 {
                        return (nested || rest.trim().is_empty()).then_some((index, !nested));
                    }
                }
                _ => break,
            }
        }
    }
    None
}

/// A `$$` display block whose lines start like Markdown blocks (`- x`,
/// `+ y`, `# n`, `> z`, `===`) is split by CommonMark into a list, heading or
/// quote before the math is found. Its inner lines are indented four more
/// spaces, which makes them paragraph text, and TeX ignores the spaces. Only
/// blocks closed before the next blank line are touched; lines stay lines.
fn protect_display_math(text: &str) -> String {
    if !text.contains("$$") {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len() + 64);
    let mut fence: Option<(char, usize)> = None;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        index += 1;
        let unindented = line.trim_start_matches(' ');
        let indent = line.len() - unindented.len();
        if indent <= 3 {
            if let Some(marker) = fence_marker(unindented) {
                fence = after_fence_line(fence, marker);
            }
        }
        out.push_str(line);
        let trimmed = line.trim();
        let opens = fence.is_none()
            && indent <= 3
            && trimmed.starts_with("$$")
            && !trimmed[2..].contains("$$");
        if !opens {
            continue;
        }
        let closing = lines[index..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .position(|l| l.contains("$$"));
        if let Some(closing) = closing {
            for inner in &lines[index..=index + closing] {
                out.push_str("    ");
                out.push_str(inner);
            }
            index += closing + 1;
        }
    }
    out
}

/// Opening tags on a line of their own that hold Markdown get a blank line
/// after them, their closing tags one before, so the content is Markdown.
fn open_markdown_blocks(text: &str, mdx: bool) -> Prepared {
    let mut out = String::with_capacity(text.len());
    let mut line_map = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        let unindented = line.trim_start_matches(' ');
        if line.len() - unindented.len() <= 3 {
            if let Some((c, run)) = fence_marker(unindented) {
                match fence {
                    None => fence = Some((c, run)),
                    Some((f, n)) if f == c && run >= n && unindented[run..].trim().is_empty() => {
                        fence = None
                    }
                    _ => {}
                }
                out.push_str(line);
                line_map.push(number);
                continue;
            }
        }
        if fence.is_some() || line.starts_with("    ") || line.starts_with('\t') {
            out.push_str(line);
            line_map.push(number);
            continue;
        }
        let tokens = tokenize(trimmed);
        let next_blank = lines.get(index + 1).is_none_or(|l| l.trim().is_empty());
        let previous_blank = out.is_empty()
            || out.ends_with("\n\n")
            || out.trim_end_matches([' ', '\t']).ends_with("\n\n");
        match tokens.as_slice() {
            [(
                0,
                Token::Start {
                    name,
                    raw,
                    attrs,
                    self_closing: false,
                },
            )] if raw.len() == trimmed.len() => {
                let markdown_attribute = attrs.iter().any(|(k, v)| {
                    k.eq_ignore_ascii_case("markdown") && matches!(v.as_str(), "1" | "block")
                });
                let custom = name.contains('-');
                let component = mdx && name.starts_with(|c: char| c.is_ascii_uppercase());
                if markdown_attribute || custom || component {
                    let written = if markdown_attribute {
                        without_markdown_attribute(line)
                    } else {
                        (*line).to_owned()
                    };
                    out.push_str(&written);
                    if !written.ends_with('\n') {
                        out.push('\n');
                    }
                    line_map.push(number);
                    if !next_blank {
                        out.push('\n');
                        line_map.push(number);
                    }
                    open.push(name.to_ascii_lowercase());
                    continue;
                }
            }
            [(0, Token::End { name, raw })]
                if raw.len() == trimmed.len()
                    && open.last().is_some_and(|o| o.eq_ignore_ascii_case(name)) =>
            {
                open.pop();
                if !previous_blank {
                    out.push('\n');
                    line_map.push(number);
                }
            }
            _ => {}
        }
        out.push_str(line);
        line_map.push(number);
        // kramdown (and a browser) ends an HTML block at its closing tag;
        // CommonMark runs it on to the next blank line, so the prose that
        // follows `</figure>` would show as raw text. A blank line keeps it prose.
        let next_is_prose = lines.get(index + 1).is_some_and(|next| {
            let next = next.trim();
            !next.is_empty() && !next.starts_with('<')
        });
        if next_is_prose && ends_with_block_closing_tag(trimmed) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
            line_map.push(number);
        }
    }
    Prepared {
        text: out,
        line_map,
    }
}

/// Block-level elements whose closing tag ends an HTML block in kramdown.
const BLOCK_ELEMENTS: &[&str] = &[
    "div",
    "figure",
    "center",
    "p",
    "table",
    "section",
    "article",
    "aside",
    "details",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "iframe",
    "video",
    "audio",
    "picture",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

fn ends_with_block_closing_tag(line: &str) -> bool {
    let Some(rest) = line.strip_suffix('>') else {
        return false;
    };
    let Some(at) = rest.rfind("</") else {
        return false;
    };
    let name = rest[at + 2..].trim().to_ascii_lowercase();
    // Only a line that is nothing but markup and ends the element counts.
    line.starts_with('<') && BLOCK_ELEMENTS.contains(&name.as_str())
}

fn without_markdown_attribute(line: &str) -> String {
    for written in [
        " markdown=\"1\"",
        " markdown='1'",
        " markdown=1",
        " markdown=\"block\"",
        " markdown='block'",
        " markdown=block",
    ] {
        if let Some(at) = line.find(written) {
            return format!("{}{}", &line[..at], &line[at + written.len()..]);
        }
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("inline \\(x^2\\) here", "inline $x^2$ here" ; "inline")]
    #[test_case("escaped \\\\( a+b \\\\) form", "escaped $a+b$ form" ; "escaped inline")]
    #[test_case("키 \\\\({k_A}^{\\prime} \\\\\\)라 하자", "키 ${k_A}^{\\prime}$라 하자" ; "escaped inline closed with an odd backslash")]
    #[test_case("\\[\nE = mc^2\n\\]\n", "$$\nE = mc^2\n$$\n" ; "display")]
    #[test_case("`\\(x\\)` in code", "`\\(x\\)` in code" ; "code kept")]
    #[test_case("\\(a\n\nb\\)", "\\(a\n\nb\\)" ; "not across paragraphs")]
    fn tex_delimiters(input: &str, expected: &str) {
        assert_eq!(convert_tex_delimiters(input), expected);
    }

    #[test_case("$$\nx\n- y\n$$\n", "$$\n    x\n    - y\n    $$\n" ; "list marker inside")]
    #[test_case("$$ a\n+ b $$\n", "$$ a\n    + b $$\n" ; "closing on a text line")]
    #[test_case("$$\nno close\n\n- list\n", "$$\nno close\n\n- list\n" ; "unclosed left alone")]
    #[test_case("```\n$$\n- a\n$$\n```\n", "```\n$$\n- a\n$$\n```\n" ; "fenced code left alone")]
    #[test_case("$$ x $$\n- item\n", "$$ x $$\n- item\n" ; "one-line display")]
    fn display_math_lines_stay_inside_the_formula(input: &str, expected: &str) {
        assert_eq!(protect_display_math(input), expected);
    }

    #[test_case("\\begin{align}\na_1 &= b \\\\\nc &= d\n\\end{align}\n", "$$\\begin{align}\na_1 &= b \\\\\nc &= d\n\\end{align}$$\n" ; "bare align")]
    #[test_case("  \\begin{equation}\r\n  x\r\n\r\n  \\end{equation}  \r\n", "  $$\\begin{equation}\n  x\n%\n  \\end{equation}$$\n" ; "indented, blank line, crlf")]
    #[test_case("\\begin{align}\na\n", "\\begin{align}\na\n" ; "unclosed")]
    #[test_case("\\begin{align}\na\n\\end{gather}\n", "\\begin{align}\na\n\\end{gather}\n" ; "closed by another")]
    #[test_case("\\begin{align}\n\\begin{align}\na\n\\end{align}\n\\end{align}\n", "\\begin{align}\n\\begin{align}\na\n\\end{align}\n\\end{align}\n" ; "nested in itself")]
    #[test_case("\\begin{align}\na\n\\end{align} and prose\n", "\\begin{align}\na\n\\end{align} and prose\n" ; "prose after the end")]
    #[test_case("see \\begin{align} a \\end{align}\n", "see \\begin{align} a \\end{align}\n" ; "not at a line start")]
    #[test_case("$$\n\\begin{align}\na\n\\end{align}\n$$\n", "$$\n\\begin{align}\na\n\\end{align}\n$$\n" ; "already delimited")]
    #[test_case("~~~\n\\begin{align}\na\n\\end{align}\n~~~\n", "~~~\n\\begin{align}\na\n\\end{align}\n~~~\n" ; "fenced")]
    #[test_case("    \\begin{align}\n    a\n    \\end{align}\n", "    \\begin{align}\n    a\n    \\end{align}\n" ; "indented code")]
    #[test_case("$$\n\nx^2\n\n$$\n", "$$\n%\nx^2\n%\n$$\n" ; "kramdown block across blank lines")]
    #[test_case("$$\n\nx^2\n\n$$ and prose\n", "$$\n\nx^2\n\n$$ and prose\n" ; "kramdown block must end a block")]
    #[test_case("text\n$$\n\nx^2\n$$\n", "text\n$$\n\nx^2\n$$\n" ; "kramdown block must start a block")]
    #[test_case("$$\n\n```\nx\n```\n$$\n", "$$\n\n```\nx\n```\n$$\n" ; "kramdown block holding a fence")]
    fn display_math_blocks_become_one_paragraph(input: &str, expected: &str) {
        assert_eq!(display_math_blocks(input), expected);
    }

    #[test]
    fn jsx_values_are_removed_from_components_but_not_from_code() {
        let input = "<Chart data={[1, {a: 2}]} title=\"T\" {...rest} />\n\n```jsx\n<Chart data={x} />\n```\n<Multi\n  value={{\n    a: 1\n  }}\n/>\n";
        assert_eq!(
            without_jsx_expressions(input),
            "<Chart  title=\"T\"  />\n\n```jsx\n<Chart data={x} />\n```\n<Multi\n  \n\n\n/>\n"
        );
    }

    #[test]
    fn spaces_inside_tex_dollars_are_dropped_and_prices_left_alone() {
        assert_eq!(
            tight_inline_math("키를 ${k _ {Alice}} ^ {\\prime} $라 하자, $ \\frac{a}{b} $ 처럼.\n"),
            "키를 ${k _ {Alice}} ^ {\\prime}$라 하자, $\\frac{a}{b}$ 처럼.\n"
        );
        let prices = "It costs $5 and $10 today, or $ 3 $ at most.\n";
        assert_eq!(tight_inline_math(prices), prices);
        let code = "`$ \\frac{a}{b} $` stays\n";
        assert_eq!(tight_inline_math(code), code);
        let display = "$$ x^{2} $$\n";
        assert_eq!(tight_inline_math(display), display);
    }

    #[test]
    fn prose_after_a_closing_block_tag_is_prose_as_in_kramdown() {
        let input = "<figure>\n<img src=\"a.png\">\n</figure>\n그림의 $x_{6}$ 값을 **보면**\n";
        let prepared = open_markdown_blocks(input, false);
        assert_eq!(
            prepared.text,
            "<figure>\n<img src=\"a.png\">\n</figure>\n\n그림의 $x_{6}$ 값을 **보면**\n"
        );
        assert_eq!(prepared.line_map, [1, 2, 3, 3, 4]);
        let inline = open_markdown_blocks("Some <b>bold</b>\nnext line\n", false);
        assert_eq!(
            inline.text, "Some <b>bold</b>\nnext line\n",
            "inline markup is left alone"
        );
    }

    #[test]
    fn markdown_blocks_get_blank_lines_and_keep_line_numbers() {
        let prepared = prepare("<div markdown=\"1\">\n**굵게**\n</div>\nafter\n", false);
        assert_eq!(prepared.text, "<div>\n\n**굵게**\n\n</div>\n\nafter\n");
        assert_eq!(prepared.line_map, [1, 1, 2, 3, 3, 3, 4]);
    }
}
