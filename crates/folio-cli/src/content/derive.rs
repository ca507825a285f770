//! Fields derived from a post's text: slug, summary, counts, reading time, hash.

use std::sync::Arc;

use sha2::{Digest, Sha256};

use folio_core::i18n::ScriptCounts;
use folio_core::markdown::scan_markdown;
use folio_core::text::{truncate_summary, TextMeasures};

/// Summaries are cut near here: what fits two lines of a card and a meta description.
pub const SUMMARY_CHARS: usize = 160;

/// What the indexer derives from a body once, so the app never has to.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub summary: String,
    pub reading_minutes: u32,
    pub word_count: u32,
    pub char_count: u32,
    pub images: Vec<String>,
    pub hash: String,
    /// Hangul and Latin letters of the plain text, to tell its language.
    pub script: ScriptCounts,
    /// The visible text, as the counts read it: the search index reads it
    /// too, rather than parsing the Markdown again.
    pub text: Arc<str>,
}

pub fn derive(body: &str, summary_override: Option<&str>) -> Derived {
    let scan = scan_markdown(body);
    let measures = TextMeasures::of(&scan.plain_text);
    let summary_source = summary_override
        .map(str::to_owned)
        .or(scan.first_paragraph)
        .unwrap_or_default();
    Derived {
        summary: truncate_summary(&summary_source, SUMMARY_CHARS),
        reading_minutes: measures.counts.reading_minutes(),
        word_count: measures.words,
        char_count: measures.chars,
        images: scan.images,
        hash: content_hash(body),
        script: measures.script,
        text: scan.plain_text.into(),
    }
}

/// Twelve hex digits of SHA-256: plenty to tell two versions of one post apart.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// A slug from a file or folder name: the date prefix of `2023-01-06-title`
/// dropped, spaces to dashes, URL-reserved characters removed. Hangul stays.
pub fn slug_from_name(name: &str) -> String {
    let without_date = strip_date_prefix(name).unwrap_or(name);
    sanitize_slug(without_date)
}

pub fn sanitize_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '/') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches(['-', '.']).to_owned()
}

/// `2023-01-06-title` gives `title`; `None` when there is no date prefix.
pub fn strip_date_prefix(name: &str) -> Option<&str> {
    let (date, rest) = (name.get(..10)?, name.get(10..)?);
    let is_date = date.char_indices().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == '-'
        } else {
            c.is_ascii_digit()
        }
    });
    (is_date && (rest.is_empty() || rest.starts_with(['-', '_'])))
        .then(|| rest.trim_start_matches(['-', '_']))
}

/// The `YYYY-MM-DD` prefix of a file name, if it has one.
pub fn date_prefix(name: &str) -> Option<&str> {
    strip_date_prefix(name).and_then(|_| name.get(..10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("2023-01-06-hello-world", "hello-world" ; "date prefix")]
    #[test_case("My First Post", "my-first-post" ; "spaces")]
    #[test_case("회고 2024", "회고-2024" ; "hangul kept")]
    #[test_case("a?b#c%d", "abcd" ; "reserved removed")]
    #[test_case("2023-01-06", "" ; "date only")]
    fn slugs(name: &str, expected: &str) {
        assert_eq!(slug_from_name(name), expected);
    }

    #[test]
    fn derives_summary_counts_and_outline() {
        let body = "## 시작\n\n![x](a.png)\n\n오늘은 **쿠버네티스** 클러스터를 처음 만들었다.\n\n## 끝\n\n```\ncode is not counted\n```\n";
        let derived = derive(body, None);
        assert_eq!(
            derived.summary,
            "오늘은 쿠버네티스 클러스터를 처음 만들었다."
        );
        assert_eq!(derived.reading_minutes, 1);
        assert_eq!(derived.images, ["a.png"]);
        assert_eq!(derived.hash.len(), 12);
        assert!(!derived.summary.contains("code"));
    }

    #[test]
    fn front_matter_summary_wins() {
        assert_eq!(
            derive("Body text.", Some("Given summary")).summary,
            "Given summary"
        );
    }
}
