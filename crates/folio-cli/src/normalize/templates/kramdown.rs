//! kramdown's block attribute lists (`{: .class}`, `{:.no_toc}`, `{: #id}`)
//! and its table-of-contents marker (`* TOC` followed by `{:toc}`): styling
//! hints for Jekyll's renderer that would otherwise print as text.

/// Whether the whole line is one attribute list, `{: …}` or `{::options …/}`.
pub fn is_attribute_line(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with("{:") && trimmed.ends_with('}') && !trimmed[1..].contains('{')
}

/// Whether an attribute line asks for a generated table of contents (`{:toc}`).
pub fn is_toc_marker(line: &str) -> bool {
    let trimmed = line.trim();
    let inner = trimmed
        .trim_start_matches('{')
        .trim_start_matches(':')
        .trim_end_matches('}');
    inner.split_whitespace().any(|word| word == "toc")
}

/// Where a trailing attribute list starts on a line of text (`## Title {: #t}`),
/// including the space before it.
pub fn trailing_attribute_start(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    if !trimmed.ends_with('}') {
        return None;
    }
    let start = trimmed.rfind("{:")?;
    let before = trimmed[..start].trim_end();
    if before.trim().is_empty() || trimmed[start + 1..].contains('{') {
        return None;
    }
    Some(before.len())
}
