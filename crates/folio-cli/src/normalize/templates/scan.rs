//! Small Markdown facts the template pass needs to tell code from prose
//! without parsing the whole document: fences, indentation, list items,
//! inline code spans and the fence to choose for a new code block.

/// An open fenced code block: ```` ``` ```` or `~~~`, at least three long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fence {
    pub marker: u8,
    pub len: usize,
}

/// Columns of leading indentation, a tab counting as four.
pub fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for byte in line.bytes() {
        match byte {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The fence a line opens, if it opens one (CommonMark: at most three spaces
/// of indentation, three or more of the same marker, and a backtick fence's
/// info string has no backtick).
pub fn opening_fence(line: &str) -> Option<Fence> {
    if indent_width(line) > 3 {
        return None;
    }
    let rest = line.trim_start();
    let marker = *rest.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == marker).count();
    if len < 3 {
        return None;
    }
    if marker == b'`' && rest[len..].contains('`') {
        return None;
    }
    Some(Fence { marker, len })
}

/// Whether a line closes `fence`: same marker, at least as long, nothing after.
pub fn closes_fence(line: &str, fence: Fence) -> bool {
    if indent_width(line) > 3 {
        return false;
    }
    let rest = line.trim();
    let len = rest.bytes().take_while(|&b| b == fence.marker).count();
    len >= fence.len && len == rest.len()
}

/// Whether a line starts a list item (`-`, `*`, `+`, `1.` or `1)`).
pub fn is_list_item(line: &str) -> bool {
    let rest = line.trim_start();
    let bytes = rest.as_bytes();
    let after_marker = match bytes.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return false,
            }
        }
        _ => return false,
    };
    matches!(bytes.get(after_marker), None | Some(b' ' | b'\t'))
}

/// Length of the run of `byte` starting at `at`.
pub fn run_length(text: &str, at: usize, byte: u8) -> usize {
    text.as_bytes()[at..]
        .iter()
        .take_while(|&&b| b == byte)
        .count()
}

/// Where the inline code span opened by the backtick run at `start` (of
/// length `run`) ends, searching only within `text` (one line): the index
/// just after the closing run of exactly the same length.
pub fn code_span_end(text: &str, start: usize, run: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start + run;
    while at < bytes.len() {
        if bytes[at] == b'`' {
            let len = run_length(text, at, b'`');
            if len == run {
                return Some(at + len);
            }
            at += len;
        } else {
            at += 1;
        }
    }
    None
}

/// A backtick fence longer than any backtick run in `code`, so the code can
/// never close it early.
pub fn fence_for(code: &str) -> String {
    let mut longest = 0;
    let mut current = 0;
    for byte in code.bytes() {
        if byte == b'`' {
            current += 1;
            longest = longest.max(current);
        } else {
            current = 0;
        }
    }
    "`".repeat((longest + 1).max(3))
}

/// Whether a line starts a `$$` display-math block (TeX, where `{{` is grouping).
pub fn opens_display_math(line: &str) -> bool {
    indent_width(line) <= 3 && line.trim_start().starts_with("$$")
}

/// Whether a display-math block is over after this line: a later line
/// holding `$$`, or the opening line when it also closes (`$$ x $$`).
pub fn closes_display_math(line: &str, already_open: bool) -> bool {
    let trimmed = line.trim();
    if already_open {
        trimmed.contains("$$")
    } else {
        trimmed.len() > 2 && trimmed[2..].contains("$$")
    }
}
