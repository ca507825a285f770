//! Excerpts with the matched words marked, as text and byte ranges: the app
//! renders the ranges as `<mark>` elements, never HTML from the index.

use std::ops::Range;

use super::query::Query;
use super::tokenize::{choseong, words, Script};

/// A piece of a post's text; `marks` are byte ranges of `text`, ascending,
/// each on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Excerpt {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// Ranges of `text` that match a word of `query`, with the word's index.
fn matches(query: &Query, text: &str) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    for word in words(text) {
        for (i, q) in query.words.iter().enumerate() {
            let range = match (q.script, word.script) {
                (Script::Hangul, Script::Hangul) if word.text.starts_with(&q.stem) => {
                    // Composed syllables map byte for byte; anything else is marked whole.
                    if word.source.len() == word.text.len() {
                        Some(word.source.start..word.source.start + q.stem.len())
                    } else {
                        Some(word.source.clone())
                    }
                }
                (Script::Jamo, Script::Hangul) if choseong(&word.text).starts_with(&q.stem) => {
                    Some(word.source.clone())
                }
                (Script::OtherCjk, Script::OtherCjk) if word.text.contains(&q.stem) => {
                    Some(word.source.clone())
                }
                (Script::Latin, Script::Latin)
                    if word.text == q.stem || (q.prefix && word.text.starts_with(&q.stem)) =>
                {
                    Some(word.source.clone())
                }
                _ => None,
            };
            if let Some(range) = range {
                found.push((range, i));
                break;
            }
        }
    }
    found
}

/// The parts of a short text (a title, a tag) that match `query`.
pub fn highlight(query: &Query, text: &str) -> Vec<Range<usize>> {
    matches(query, text).into_iter().map(|(r, _)| r).collect()
}

/// About `max_chars` characters of `text` around the place matching the most
/// query words, whitespace collapsed, cut at spaces, `…` where text was cut.
/// `None` when nothing in `text` matches.
pub fn excerpt(query: &Query, text: &str, max_chars: usize) -> Option<Excerpt> {
    // Pushed word by word rather than collected and joined: less WASM.
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    let text = collapsed;
    let found = matches(query, &text);
    if found.is_empty() {
        return None;
    }
    // Byte offset of each character, to measure windows in characters.
    let offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    let char_at = |byte: usize| offsets.partition_point(|&at| at < byte);
    let byte_of = |ch: usize| offsets.get(ch).copied().unwrap_or(text.len());
    let lead = max_chars / 5;
    // The window starting a little before each match; keep the one covering most words.
    let mut best = (0usize, 0u32);
    for (range, _) in &found {
        let start = char_at(range.start).saturating_sub(lead);
        let end = byte_of(start + max_chars);
        // Which query words the window holds, each counted once: a bit per
        // word (a query of more than 64 words shares bits), not a list.
        let mut seen = 0u64;
        for (r, i) in &found {
            if r.start >= byte_of(start) && r.end <= end {
                seen |= 1 << (i % 64);
            }
        }
        let seen = seen.count_ones();
        if seen > best.1 {
            best = (start, seen);
        }
    }
    let mut start = byte_of(best.0);
    if start > 0 {
        // Begin at a word: after the space before the first full word.
        start = text.as_bytes()[start..]
            .iter()
            .position(|b| *b == b' ')
            .map_or(start, |at| start + at + 1);
    }
    let mut end = byte_of(best.0 + max_chars);
    if end < text.len() {
        end = text.as_bytes()[start..end]
            .iter()
            .rposition(|b| *b == b' ')
            .map_or(end, |at| start + at);
    }
    let (prefix, suffix) = (
        if start > 0 { "… " } else { "" },
        if end < text.len() { " …" } else { "" },
    );
    // Loops and pushes rather than adapters and `format!`: less WASM.
    let mut marks = Vec::new();
    for (r, _) in &found {
        if r.start >= start && r.end <= end {
            marks.push(r.start - start + prefix.len()..r.end - start + prefix.len());
        }
    }
    let mut cut = String::with_capacity(end - start + 8);
    cut.push_str(prefix);
    cut.push_str(&text[start..end]);
    cut.push_str(suffix);
    Some(Excerpt { text: cut, marks })
}
