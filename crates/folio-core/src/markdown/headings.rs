//! Heading ids for anchors and the table of contents.

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
];

/// Hands out ids, suffixing repeats (`intro`, `intro-1`, `intro-2`).
pub(crate) struct HeadingIds {
    used: Vec<String>,
}

impl Default for HeadingIds {
    fn default() -> Self {
        HeadingIds {
            used: PAGE_IDS.iter().map(|id| (*id).to_owned()).collect(),
        }
    }
}

impl HeadingIds {
    pub(crate) fn claim(&mut self, wanted: String) -> String {
        let mut candidate = wanted.clone();
        let mut n = 1;
        while self.used.contains(&candidate) {
            candidate = format!("{wanted}-{n}");
            n += 1;
        }
        self.used.push(candidate.clone());
        candidate
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
}
