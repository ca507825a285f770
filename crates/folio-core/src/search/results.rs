//! What the search page shows: the state of a search, and each hit as a
//! post's title and an excerpt with the matched words marked.
//!
//! The app fetches shards and bodies; everything it decides from them is
//! here, so it is tested natively.

use std::ops::Range;

use super::excerpt::{excerpt, highlight, Excerpt};
use super::query::{search, Hit, MissingShard, Query};
use super::shard::{SearchDirectory, ShardSet};
use crate::browse::BrowseFilter;
use crate::routes::{browse_href, Route};
use crate::{Lang, PostMeta};

/// Most results a search shows.
pub const RESULT_LIMIT: usize = 30;
/// Characters of an excerpt.
pub const EXCERPT_CHARS: usize = 160;
/// The first results get an excerpt from their body, which the app fetches
/// for them (a few KiB each); the others show their summary.
pub const EXCERPT_BODIES: usize = 5;

/// Where a search stands, given what has been fetched.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchState {
    /// Nothing to search for yet.
    Prompt,
    /// Shards the query needs are still on their way.
    Waiting,
    Found(Vec<Hit>),
    NothingFound,
    /// A shard the query needs could not be fetched (offline, or an error).
    Unavailable,
}

/// The state of searching `query`: `failed` are shards whose fetch failed;
/// a query that needs none of them is answered from the others.
pub fn search_state(
    query: &Query,
    directory: &SearchDirectory,
    shards: &ShardSet,
    failed: &[u32],
) -> SearchState {
    if query.is_empty() {
        return SearchState::Prompt;
    }
    match search(directory, shards, query, RESULT_LIMIT) {
        Ok(hits) if hits.is_empty() => SearchState::NothingFound,
        Ok(hits) => SearchState::Found(hits),
        Err(MissingShard(ids)) if ids.iter().any(|id| failed.contains(id)) => {
            SearchState::Unavailable
        }
        Err(_) => SearchState::Waiting,
    }
}

/// One hit, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchResult {
    /// Position in the manifest's `posts`.
    pub post: usize,
    pub title: Excerpt,
    /// From the body's text where it matches, else the post's summary.
    pub excerpt: Excerpt,
}

/// The results for `hits`, in order. `post_at` gives the card of the post
/// at a position, `body_text` a post's plain text when its body has been
/// fetched. Hits without a card (an index built from another manifest, a
/// card not fetched yet) are left out.
pub fn search_results<'p, 'b>(
    post_at: impl Fn(usize) -> Option<&'p PostMeta>,
    hits: &[Hit],
    query: &Query,
    body_text: impl Fn(&PostMeta) -> Option<&'b str>,
) -> Vec<SearchResult> {
    // A loop rather than iterator adapters: less WASM in the app.
    let mut results = Vec::with_capacity(hits.len());
    for hit in hits {
        let index = hit.post as usize;
        let Some(post) = post_at(index) else {
            continue;
        };
        let from_body = body_text(post).and_then(|text| excerpt(query, text, EXCERPT_CHARS));
        let excerpt = from_body.unwrap_or_else(|| Excerpt {
            marks: highlight(query, &post.summary),
            text: post.summary.clone(),
        });
        results.push(SearchResult {
            post: index,
            title: Excerpt {
                marks: highlight(query, &post.title),
                text: post.title.clone(),
            },
            excerpt,
        });
    }
    results
}

/// `text` cut into plain and marked parts, in order, for rendering marks
/// as `<mark>` elements around text. Marks out of order, overlapping or not
/// on character boundaries are ignored.
pub fn marked_parts<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for mark in marks {
        if mark.start < at
            || mark.end <= mark.start
            || !text.is_char_boundary(mark.start)
            || !text.is_char_boundary(mark.end)
            || mark.end > text.len()
        {
            continue;
        }
        if mark.start > at {
            parts.push((&text[at..mark.start], false));
        }
        parts.push((&text[mark.clone()], true));
        at = mark.end;
    }
    if at < text.len() {
        parts.push((&text[at..], false));
    }
    parts
}

/// `excerpt` as HTML: its marks as `<mark>` elements, everything else
/// escaped, so nothing of the post's text is read as markup.
pub fn marked_html(excerpt: &Excerpt) -> String {
    let mut html = String::with_capacity(excerpt.text.len() + 32);
    push_marked(&mut html, excerpt);
    html
}

/// Appends [`marked_html`] of `excerpt` to `html`.
fn push_marked(html: &mut String, excerpt: &Excerpt) {
    for (part, is_mark) in marked_parts(&excerpt.text, &excerpt.marks) {
        if is_mark {
            html.push_str("<mark>");
        }
        push_escaped(html, part);
        if is_mark {
            html.push_str("</mark>");
        }
    }
}

/// Appends `text` with `&`, `<`, `>` and `"` escaped: as an element's text or
/// a quoted attribute's value, it is read as text, never as markup.
fn push_escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            _ => html.push(c),
        }
    }
}

/// Appends `" name="value"` with the value escaped.
fn push_attribute(html: &mut String, name: &str, value: &str) {
    html.push(' ');
    html.push_str(name);
    html.push_str("=\"");
    push_escaped(html, value);
    html.push('"');
}

/// Appends one result of the search page's list as HTML: the title (a link
/// to the post), the date in `lang`, the excerpt and the tags (links to their
/// pages, the list labelled `tags_label`). Everything from the index and the
/// posts is escaped text. The app sets the whole list as one element's HTML,
/// which is much less WASM than a typed view per result; the links are
/// followed inside the app like any other.
pub fn push_result_html(
    html: &mut String,
    result: &SearchResult,
    post: &PostMeta,
    lang: Lang,
    base: &str,
    tags_label: &str,
) {
    html.push_str("<li class=\"search-result\"");
    if let Some(post_lang) = &post.lang {
        push_attribute(html, "lang", post_lang);
    }
    html.push_str("><h2 class=\"search-result-title\"><a class=\"search-result-link\"");
    push_attribute(html, "href", &Route::Post(post.slug.clone()).href(base));
    html.push('>');
    push_marked(html, &result.title);
    html.push_str("</a></h2><p class=\"post-card-meta\"><time");
    push_attribute(html, "datetime", &post.local_date.iso());
    html.push('>');
    push_escaped(html, &post.local_date.long(lang));
    html.push_str("</time></p><p class=\"search-result-excerpt\">");
    push_marked(html, &result.excerpt);
    html.push_str("</p><ul class=\"tag-list\"");
    push_attribute(html, "aria-label", tags_label);
    html.push('>');
    for tag in &post.tags {
        let filter = BrowseFilter {
            tags: vec![tag.clone()],
            ..Default::default()
        };
        html.push_str("<li><a class=\"tag\"");
        push_attribute(html, "href", &browse_href(base, &filter));
        html.push_str(">#");
        push_escaped(html, tag);
        html.push_str("</a></li>");
    }
    html.push_str("</ul></li>");
}

/// Elements whose edges are not word breaks: `<em>서울</em>에서` is one word.
/// Names separated by spaces, one string rather than a list of strings: a
/// list is a pointer and a length per name in the WASM.
const INLINE: &str = "a abbr b bdi bdo cite code del dfn em i ins kbd mark \
     q s samp small span strong sub sup u var";
/// Elements whose content is not read as text.
const SKIPPED: &str = "script style template annotation svg";
/// Classes of the pipeline's own additions that are not the author's text:
/// `#` after each heading, the copy button of code, footnote numbers.
const SKIPPED_CLASSES: &[&str] = &[
    "class=\"heading-anchor\"",
    "class=\"copy-code\"",
    "class=\"footnote-reference\"",
];

/// The text of a post's body as the folio command renders it (sanitised
/// HTML), for excerpts: tags dropped (a space where a block begins or ends),
/// character references decoded, whitespace left for [`excerpt`] to collapse.
/// It reads Folio's own output, not any HTML: no scripts, no unquoted `>`.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(open) = rest.find('<') {
        if skipping.is_none() {
            push_decoded(&mut text, &rest[..open]);
        }
        let tag = &rest[open..];
        if let Some(comment) = tag.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let end = tag_end(tag);
        let inner = tag[1..end].strip_suffix('>').unwrap_or(&tag[1..end]);
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        rest = &tag[end..];
        match &skipping {
            Some(skipped) => {
                if closing && *skipped == name {
                    skipping = None;
                }
            }
            None if (SKIPPED.split(' ').any(|skipped| skipped == name)
                || SKIPPED_CLASSES.iter().any(|class| inner.contains(class)))
                && !closing
                && !inner.ends_with('/') =>
            {
                skipping = Some(name);
            }
            None if INLINE.split(' ').any(|inline| inline == name) => {}
            None => text.push(' '),
        }
    }
    if skipping.is_none() {
        push_decoded(&mut text, rest);
    }
    text
}

/// `digits` in `radix` (an optional `+` first), as `u32::from_str_radix`
/// reads them; by hand, as nothing else in the app parses numbers.
fn parse_number(digits: &str, radix: u32) -> Option<u32> {
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    if digits.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for c in digits.chars() {
        value = value.checked_mul(radix)?.checked_add(c.to_digit(radix)?)?;
    }
    Some(value)
}

/// Length of the tag at the start of `tag` (which starts with `<`), up to and
/// including its `>`, skipping quoted attribute values.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (at, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    tag.len()
}

/// Appends `raw` with its character references decoded; an unknown one is kept as written.
fn push_decoded(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => (hex, 16),
                        None => (number, 10),
                    };
                    char::from_u32(parse_number(digits, radix)?)
                }
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}
