//! Text measures the indexer stores in the manifest: reading time, counts, summaries.

use unicode_segmentation::GraphemeCursor;
#[cfg(test)]
use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::ScriptCounts;

/// Latin-script reading speed, words per minute: Medium's published rate for its read time.
pub const WORDS_PER_MINUTE: u32 = 265;
/// Chinese, Japanese and Korean reading speed, characters per minute: Medium's published
/// rate for CJK text. Korean has no spaces inside an 어절's syllables and few spaces
/// overall compared with its information density, so it is counted by characters.
pub const CJK_CHARS_PER_MINUTE: u32 = 500;

/// Characters and words of a text, with CJK counted apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextCounts {
    /// Hangul syllables and jamo, Han ideographs, kana.
    pub cjk_chars: u32,
    /// Space-separated words made of anything but CJK characters.
    pub other_words: u32,
}

impl TextCounts {
    /// Minutes to read, rounded up; at least one for any non-empty text.
    pub fn reading_minutes(&self) -> u32 {
        let minutes = f64::from(self.cjk_chars) / f64::from(CJK_CHARS_PER_MINUTE)
            + f64::from(self.other_words) / f64::from(WORDS_PER_MINUTE);
        minutes.ceil() as u32
    }
}

/// Everything the indexer measures of a post's text, in one walk over it:
/// the text of ten thousand posts was walked five times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextMeasures {
    pub counts: TextCounts,
    /// Words as a reader counts them: space-separated, with a letter or
    /// digit. A CJK character is not a word, so Hangul text is counted by
    /// its 어절.
    pub words: u32,
    /// Characters other than whitespace.
    pub chars: u32,
    pub script: ScriptCounts,
}

impl TextMeasures {
    pub fn of(text: &str) -> TextMeasures {
        let mut measures = TextMeasures::default();
        // The word being walked: whether it has a letter or digit, and one outside CJK.
        let (mut in_word, mut has_letter, mut has_other) = (false, false, false);
        let end_word = |measures: &mut TextMeasures, has_letter: bool, has_other: bool| {
            measures.words += u32::from(has_letter);
            measures.counts.other_words += u32::from(has_other);
        };
        for c in text.chars() {
            // (`is_whitespace` answers ASCII without its table.)
            if c.is_whitespace() {
                if in_word {
                    end_word(&mut measures, has_letter, has_other);
                }
                (in_word, has_letter, has_other) = (false, false, false);
                continue;
            }
            in_word = true;
            measures.chars += 1;
            // ASCII, most characters of most text, answered by its byte.
            if c.is_ascii() {
                measures.script.latin += u32::from(c.is_ascii_alphabetic());
                if c.is_ascii_alphanumeric() {
                    (has_letter, has_other) = (true, true);
                }
                continue;
            }
            measures.script.add_char(c);
            if is_cjk(c) {
                measures.counts.cjk_chars += 1;
                has_letter = has_letter || is_letter_or_digit(c);
            } else if !has_other && c.is_alphanumeric() {
                (has_letter, has_other) = (true, true);
            }
        }
        if in_word {
            end_word(&mut measures, has_letter, has_other);
        }
        measures
    }
}

/// `char::is_alphanumeric`, with Hangul syllables (all letters) answered
/// without its table search: most words of a Korean blog start with one.
fn is_letter_or_digit(c: char) -> bool {
    is_hangul_syllable(c) || c.is_alphanumeric()
}

/// A precomposed Hangul syllable (가 to 힣), not a jamo.
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Hangul, Han and kana: scripts read by the character.
pub fn is_cjk(c: char) -> bool {
    // One comparison for ASCII and other alphabets, most of most text.
    let c = c as u32;
    c >= 0x1100
        && matches!(c,
            0x1100..=0x11FF     // Hangul Jamo
            | 0x3040..=0x30FF   // Hiragana, Katakana
            | 0x3130..=0x318F   // Hangul Compatibility Jamo
            | 0x3400..=0x4DBF   // CJK Extension A
            | 0x4E00..=0x9FFF   // CJK Unified Ideographs
            | 0xAC00..=0xD7AF   // Hangul Syllables
            | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
            | 0x20000..=0x2FA1F // CJK Extensions B–F and supplement
        )
}

/// Cuts `text` to at most `max_chars` characters on a grapheme boundary,
/// preferring the last space, and adds an ellipsis when anything was cut.
pub fn truncate_summary(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let end = grapheme_end_within(&text, max_chars);
    let cut = &text[..end];
    // Back up to a space if one is near, so a word (or 어절) is not split.
    let cut = match cut.rfind(' ') {
        Some(space) if space * 4 > end * 3 => &cut[..space],
        _ => cut,
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
    )
}

/// Where the longest run of whole graphemes within the first `max_chars`
/// characters of `text` ends, in bytes. Only the boundary at the cut is
/// looked up: segmenting all of each post's summary took 2 % of a build.
fn grapheme_end_within(text: &str, max_chars: usize) -> usize {
    let Some((limit, _)) = text.char_indices().nth(max_chars) else {
        return text.len();
    };
    // The whole text is the chunk, so the cursor never asks for more context.
    let mut cursor = GraphemeCursor::new(limit, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => limit,
        _ => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`grapheme_end_within`] by its definition: graphemes counted from the start.
    fn grapheme_end_by_walking(text: &str, max_chars: usize) -> usize {
        let mut end = 0;
        let mut chars = 0;
        for (at, grapheme) in text.grapheme_indices(true) {
            chars += grapheme.chars().count();
            if chars > max_chars {
                break;
            }
            end = at + grapheme.len();
        }
        end
    }

    #[test]
    fn the_cut_is_where_counting_graphemes_puts_it() {
        let texts = [
            "plain ascii words",
            "한국어 문장입니다",
            "e\u{301}e\u{301} cafe\u{301}",
            "👨‍👩‍👧 family 👨‍👩‍👧👨‍👩‍👧",
            "🇰🇷🇺🇸🇯🇵 flags",
            "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF} jamo",
            "a\r\nb\r\n",
            "क्षत्रिय देवनागरी",
            "\u{301}leading mark",
        ];
        for text in texts {
            for max_chars in 0..=text.chars().count() + 1 {
                assert_eq!(
                    grapheme_end_within(text, max_chars),
                    grapheme_end_by_walking(text, max_chars),
                    "{text:?} at {max_chars}"
                );
            }
        }
    }

    /// What [`TextMeasures`] counts, each by its plain definition, walking
    /// the text once per count.
    fn counted_apart(text: &str) -> TextMeasures {
        let mut counts = TextCounts::default();
        for word in text.split_whitespace() {
            counts.cjk_chars += word.chars().filter(|c| is_cjk(*c)).count() as u32;
            counts.other_words +=
                u32::from(word.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)));
        }
        TextMeasures {
            counts,
            words: text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count() as u32,
            chars: text.chars().filter(|c| !c.is_whitespace()).count() as u32,
            script: ScriptCounts::of(text),
        }
    }

    #[test]
    fn hangul_syllables_are_letters_as_unicode_says() {
        for c in ('\u{AC00}'..='\u{D7A3}').chain(['a', '7', '・', ' ', '-']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn one_walk_measures_what_each_count_does() {
        for text in [
            "",
            "안녕하세요 세계 hello world",
            "  leading and trailing  ",
            "Rust로 만든 WASM 앱, 2024년 — ・ ... 東京 ひらがな ㅎㄱ",
            "Café naïve Ærøskøbing 12 -- !!",
            "\u{1100}\u{1161} 한\u{11A8}\tline\nnext",
            "tab\tvertical\u{B}feed\u{C}return\r\nunit\u{1F}sep\u{85}nel\u{A0}nbsp\u{3000}wide",
        ] {
            assert_eq!(TextMeasures::of(text), counted_apart(text), "{text:?}");
        }
    }

    #[test]
    fn hangul_counts_by_character() {
        let counts = TextMeasures::of("안녕하세요 세계 hello world").counts;
        assert_eq!(
            counts,
            TextCounts {
                cjk_chars: 7,
                other_words: 2
            }
        );
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(
            TextCounts {
                cjk_chars: 0,
                other_words: 0
            }
            .reading_minutes(),
            0
        );
        assert_eq!(
            TextCounts {
                cjk_chars: 1,
                other_words: 0
            }
            .reading_minutes(),
            1
        );
        assert_eq!(
            TextCounts {
                cjk_chars: 500,
                other_words: 0
            }
            .reading_minutes(),
            1
        );
        assert_eq!(
            TextCounts {
                cjk_chars: 501,
                other_words: 0
            }
            .reading_minutes(),
            2
        );
        assert_eq!(
            TextCounts {
                cjk_chars: 500,
                other_words: 265
            }
            .reading_minutes(),
            2
        );
    }

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(truncate_summary("  짧은   글 ", 160), "짧은 글");
    }

    #[test]
    fn long_text_is_cut_at_a_space_with_an_ellipsis() {
        let text = "word ".repeat(100);
        let cut = truncate_summary(&text, 22);
        assert_eq!(cut, "word word word word…");
    }

    #[test]
    fn never_splits_a_grapheme() {
        // A family emoji is one grapheme of several chars; it is dropped whole.
        let text = format!("{}👨‍👩‍👧", "가".repeat(9));
        let cut = truncate_summary(&text, 10);
        assert_eq!(cut, format!("{}…", "가".repeat(9)));
    }

    #[test]
    fn hangul_without_spaces_is_cut_by_characters() {
        let cut = truncate_summary(&"가".repeat(200), 160);
        assert_eq!(cut.chars().count(), 161);
        assert!(cut.ends_with('…'));
    }
}
