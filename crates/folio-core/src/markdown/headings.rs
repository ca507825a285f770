//! Heading ids for anchors and the table of contents.

use std::collections::{BTreeMap, BTreeSet};

/// An id from heading text: lower-case letters and digits of any script kept
/// (so Korean headings get readable ids), spaces and dashes folded into `-`.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "section".to_owned()
    } else {
        id.to_owned()
    }
}

/// Ids of the page around a post; a heading never takes one of them.
const PAGE_IDS: &[&str] = &[
    "main",
    "folio-app",
    "folio-root",
    "page-heading",
    "related-heading",
    "search-box",
    "search-results",
];

/// Hands out ids, suffixing repeats (`intro`, `intro-1`, `intro-2`).
///
/// Sets, not lists: a long export can have thousands of headings that repeat
/// ("질문", "답변"), and each claim must not rescan every id handed out before.
pub(crate) struct HeadingIds {
    used: BTreeSet<String>,
    /// The next suffix to try for each wanted id.
    next_suffix: BTreeMap<String, usize>,
}

impl Default for HeadingIds {
    fn default() -> Self {
        HeadingIds {
            used: PAGE_IDS.iter().map(|id| (*id).to_owned()).collect(),
            next_suffix: BTreeMap::new(),
        }
    }
}

impl HeadingIds {
    pub(crate) fn claim(&mut self, wanted: String) -> String {
        if self.used.insert(wanted.clone()) {
            return wanted;
        }
        let n = self.next_suffix.entry(wanted.clone()).or_insert(1);
        loop {
            let candidate = format!("{wanted}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Hello, World!", "hello-world" ; "latin with punctuation")]
    #[test_case("쿠버네티스 설치 방법", "쿠버네티스-설치-방법" ; "hangul")]
    #[test_case("  2. Step -- two ", "2-step-two" ; "collapses dashes")]
    #[test_case("!!!", "section" ; "nothing left")]
    fn ids(text: &str, expected: &str) {
        assert_eq!(heading_id(text), expected);
    }

    #[test]
    fn repeats_are_suffixed() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.claim("a".into()), "a");
        assert_eq!(ids.claim("a".into()), "a-1");
        assert_eq!(ids.claim("a".into()), "a-2");
    }

    #[test]
    fn many_repeated_headings_get_distinct_ids_in_order() {
        let mut ids = HeadingIds::default();
        let claimed: Vec<String> = (0..3000).map(|_| ids.claim("질문".to_owned())).collect();
        assert_eq!(claimed[0], "질문");
        assert_eq!(claimed[2999], "질문-2999");
        let explicit = ids.claim("답변-1".to_owned());
        assert_eq!(explicit, "답변-1");
        assert_eq!(ids.claim("답변".to_owned()), "답변");
        assert_eq!(
            ids.claim("답변".to_owned()),
            "답변-2",
            "a suffix an author took is skipped"
        );
    }
}
