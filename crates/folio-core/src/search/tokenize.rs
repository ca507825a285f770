//! The one tokenizer: what the indexer stores and what a query looks up are
//! both made here, so they cannot drift apart.
//!
//! - Hangul and other CJK runs become syllable bigrams; the first bigram of a
//!   word carries a word-start mark (`^서울`, then `울은`), and a one-syllable
//!   word is its mark alone (`^책`). A stem therefore matches inside any 어절
//!   that begins with it, whatever particle or ending follows.
//! - Latin letters and digits: lower-cased, composed (see [`super::normalize`]) words.
//! - Titles and tags also give each Hangul word's initial consonants (`~ㅎㄱ`
//!   for 회고), for 초성 search.

use std::ops::Range;

use super::normalize::normalize;

/// Marks the first bigram (or the single syllable) of a CJK word.
pub const WORD_START: char = '^';
/// Marks an initial-consonant (초성) token.
pub const CHOSEONG: char = '~';
/// Latin words longer than this (in bytes) are hashes, URLs or noise, and are not indexed.
const MAX_WORD_BYTES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Hangul syllables.
    Hangul,
    /// Han ideographs and kana: bigrams, no particles.
    OtherCjk,
    /// Hangul compatibility consonants typed alone (ㅎㄱ): a 초성 query.
    Jamo,
    /// Letters and digits of any other script.
    Latin,
}

/// A run of one script in a text: normalised, with the bytes it spans in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub script: Script,
    pub source: Range<usize>,
    /// Follows another word with no space or punctuation between (`Rust` `로`).
    pub glued: bool,
}

fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then_some(Script::Latin);
    }
    match c as u32 {
        0xAC00..=0xD7A3 => Some(Script::Hangul),
        0x3131..=0x314E => Some(Script::Jamo),
        _ if crate::text::is_cjk(c) => Some(Script::OtherCjk),
        _ if c.is_alphanumeric() => Some(Script::Latin),
        _ => None,
    }
}

/// The words of `text`, split where the script changes or at anything that is not a letter or digit.
pub fn words(text: &str) -> Vec<Word> {
    // The browser splits only what a reader types: no short way needed there.
    #[cfg(not(target_arch = "wasm32"))]
    if is_plain(text) {
        let mut words = Vec::new();
        for_each_plain_word(text, |word, source| {
            words.push(Word {
                text: word.text.to_owned(),
                script: word.script,
                source,
                glued: word.glued,
            });
        });
        return words;
    }
    normalized_words(text)
}

/// A word of a text, lent: its normalised text, script, and glue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordRef<'w> {
    text: &'w str,
    script: Script,
    glued: bool,
}

/// [`words`], lent one at a time, for the indexer: the words of plain
/// text (nearly every post's) are slices of it, not strings of their own.
fn for_each_word(text: &str, mut visit: impl FnMut(WordRef<'_>)) {
    #[cfg(not(target_arch = "wasm32"))]
    if is_plain(text) {
        return for_each_plain_word(text, |word, _| visit(word));
    }
    for word in normalized_words(text) {
        visit(WordRef {
            text: &word.text,
            script: word.script,
            glued: word.glued,
        });
    }
}

/// Whether [`normalize`] would only lower-case ASCII in `text` (ASCII,
/// Hangul, CJK, punctuation: nearly every post).
#[cfg(not(target_arch = "wasm32"))]
fn is_plain(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii() || !needs_normalizing(c))
}

/// The words of a [plain](is_plain) text as slices of it (lower-cased in a
/// buffer when they hold upper-case ASCII), with their byte ranges.
#[cfg(not(target_arch = "wasm32"))]
fn for_each_plain_word(text: &str, mut visit: impl FnMut(WordRef<'_>, Range<usize>)) {
    let mut lower = String::new();
    let mut close = |(script, start, glued): (Script, usize, bool), end: usize| {
        let mut word = &text[start..end];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            word = &lower;
        }
        let word = WordRef {
            text: word,
            script,
            glued,
        };
        visit(word, start..end);
    };
    // The open word's script, where it starts, and whether it follows another.
    let mut open: Option<(Script, usize, bool)> = None;
    for (at, c) in text.char_indices() {
        let script = script_of(c);
        match (script, open) {
            (Some(s), Some((p, ..))) if s == p => {}
            (Some(s), previous) => {
                if let Some(word) = previous {
                    close(word, at);
                }
                open = Some((s, at, previous.is_some()));
            }
            (None, Some(word)) => {
                close(word, at);
                open = None;
            }
            (None, None) => {}
        }
    }
    if let Some(word) = open {
        close(word, text.len());
    }
}

/// Whether [`normalize`] changes a non-ASCII character or the one before it:
/// a combining mark or conjoining jamo may compose, and a letter outside CJK
/// is lower-cased. (No other character has a lower case: see the tests.)
#[cfg(not(target_arch = "wasm32"))]
fn needs_normalizing(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1160..=0x11FF)
        || (!crate::text::is_cjk(c) && c.is_alphanumeric())
}

fn normalized_words(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut previous: Option<Script> = None;
    for c in normalize(text) {
        let script = script_of(c.ch);
        match (script, previous) {
            (Some(s), Some(p)) if s == p => {
                let word = words.last_mut().expect("a word is open");
                word.text.push(c.ch);
                word.source.end = c.source.end;
            }
            (Some(s), p) => words.push(Word {
                text: c.ch.to_string(),
                script: s,
                source: c.source.clone(),
                glued: p.is_some(),
            }),
            (None, _) => {}
        }
        previous = script;
    }
    words
}

/// The bigram tokens of a CJK word, the first marked as the word's start.
pub fn bigrams(word: &str) -> Vec<String> {
    let mut tokens = Vec::with_capacity(word.len() / 3);
    for_each_bigram(word, &mut String::new(), |token| {
        tokens.push(token.to_owned())
    });
    tokens
}

/// [`bigrams`], lent one at a time: a pair is a slice of `word` itself, and
/// only the marked first one is put together, in `scratch`. Every syllable of
/// every post comes here, so the index's tokens are counted without a
/// string per occurrence.
fn for_each_bigram(word: &str, scratch: &mut String, mut emit: impl FnMut(&str)) {
    let mut starts = word.char_indices().map(|(at, _)| at).chain([word.len()]);
    let (Some(first), Some(second)) = (starts.next(), starts.next()) else {
        return;
    };
    let mut third = starts.next();
    scratch.clear();
    scratch.push(WORD_START);
    scratch.push_str(&word[first..third.unwrap_or(second)]);
    emit(scratch);
    let mut start = second;
    while let (Some(end), Some(after)) = (third, starts.next()) {
        emit(&word[start..after]);
        (start, third) = (end, Some(after));
    }
}

/// The initial consonants of a Hangul word (회고 → ㅎㄱ).
pub fn choseong(word: &str) -> String {
    const INITIALS: [char; 19] = [
        'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ',
        'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
    ];
    word.chars()
        .filter_map(|c| {
            let at = (c as u32).checked_sub(0xAC00)? / 588;
            INITIALS.get(at as usize).copied()
        })
        .collect()
}

/// Particles and endings a query word may carry, longest first within each
/// group of equal endings, separated by spaces. A query word loses the
/// longest one it ends with. One string rather than a list of strings: a
/// list is a pointer and a length per suffix in the WASM.
const SUFFIXES: &str = "으로부터 에서부터 이었습니다 였습니다 했습니다 입니다 \
     합니다 에서는 에서도 에서의 에게서 에게는 에게도 \
     으로는 으로도 으로서 으로써 까지는 까지도 부터는 \
     이라고 이라는 이었다 이라도 이든지 처럼 만큼 보다 \
     마다 조차 마저 까지 부터 밖에 에서 에게 한테 께서 \
     에는 에도 으로 로는 로도 로서 로써 와는 과는 와의 \
     과의 와도 과도 이랑 이나 이며 이고 이다 였다 했다 \
     하다 한다 하는 하고 해서 했던 하기 라고 라는 든지 \
     들이 들은 들을 들의 들과 들도 들에 은 는 이 가 \
     을 를 의 도 만 에 로 와 과 랑 나 께 들";

/// Each of [`SUFFIXES`].
fn suffixes() -> impl Iterator<Item = &'static str> + Clone {
    SUFFIXES.split(' ')
}

/// `word` without the longest particle or ending it ends with, if one leaves a stem.
pub fn strip_particle(word: &str) -> &str {
    let Some(last) = word.chars().next_back() else {
        return word;
    };
    suffixes_ending_in(last)
        .filter(|suffix| word.len() > suffix.len() && word.ends_with(*suffix))
        .max_by_key(|suffix| suffix.len())
        .map_or(word, |suffix| &word[..word.len() - suffix.len()])
}

/// The [`SUFFIXES`] that end in `last`: every Hangul word of every post is
/// stripped, and trying all of them on each word took a tenth of a build.
#[cfg(not(target_arch = "wasm32"))]
fn suffixes_ending_in(last: char) -> impl Iterator<Item = &'static str> {
    use rustc_hash::FxHashMap;
    static BY_LAST: std::sync::OnceLock<FxHashMap<char, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    let by_last = BY_LAST.get_or_init(|| {
        let mut by_last: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
        for suffix in suffixes() {
            if let Some(c) = suffix.chars().next_back() {
                by_last.entry(c).or_default().push(suffix);
            }
        }
        by_last
    });
    by_last
        .get(&last)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
}

/// In the browser, which strips a few words of a query, all of them: a map
/// would be more WASM.
#[cfg(target_arch = "wasm32")]
fn suffixes_ending_in(_last: char) -> impl Iterator<Item = &'static str> {
    suffixes()
}

/// Whether a Hangul run is only a particle or ending, as `로` in `Rust로`.
pub fn is_particle(word: &str) -> bool {
    suffixes().any(|suffix| suffix == word)
}

/// The part of a Hangul word the index keeps: the stem [`strip_particle`]
/// leaves, plus one syllable. Queries look up the bigrams of their own stem,
/// which a post's word holds whenever the two stems agree or the post's was
/// cut one syllable too short (`고양이` read as `고양` + `이`); the bigrams
/// inside particles and endings (`에서`, `습니다`) are left out, as no stem holds them.
pub fn indexed_part(word: &str) -> &str {
    let stem = strip_particle(word);
    match word[stem.len()..].chars().next() {
        Some(next) => &word[..stem.len() + next.len_utf8()],
        None => word,
    }
}

/// Where a token comes from, for field boosts in ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Tags,
    Body,
}

/// Every token a post's field gives the index, in order, with repeats,
/// lent one at a time for the indexer to count.
pub fn for_each_index_token(text: &str, field: Field, mut emit: impl FnMut(&str)) {
    let mut scratch = String::new();
    for_each_word(text, |word| match word.script {
        Script::Hangul => {
            if word.glued && is_particle(word.text) {
                return;
            }
            for_each_bigram(indexed_part(word.text), &mut scratch, &mut emit);
            if field != Field::Body {
                scratch.clear();
                scratch.push(CHOSEONG);
                scratch.push_str(&choseong(word.text));
                emit(&scratch);
            }
        }
        Script::OtherCjk => for_each_bigram(word.text, &mut scratch, &mut emit),
        Script::Latin if word.text.len() <= MAX_WORD_BYTES => emit(word.text),
        Script::Latin | Script::Jamo => {}
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn index_tokens(text: &str, field: Field) -> Vec<String> {
        let mut tokens = Vec::new();
        for_each_index_token(text, field, |token| tokens.push(token.to_owned()));
        tokens
    }

    #[test_case("서울은 아름답다", Field::Body, &["^서울", "울은", "^아름", "름답", "답다"] ; "korean body")]
    #[test_case("책", Field::Body, &["^책"] ; "one syllable")]
    #[test_case("Hello, WORLD café", Field::Body, &["hello", "world", "café"] ; "english")]
    #[test_case("Rust로 만든 WASM 앱", Field::Body, &["rust", "^만든", "wasm", "^앱"] ; "mixed drops glued particle")]
    #[test_case("2024년 회고", Field::Title, &["2024", "^년", "~ㄴ", "^회고", "~ㅎㄱ"] ; "title gets choseong")]
    #[test_case("東京 여행", Field::Body, &["^東京", "^여행"] ; "han bigrams")]
    #[test_case("ㅎㄱ", Field::Body, &[] ; "jamo alone is not indexed")]
    fn tokenizes(text: &str, field: Field, expected: &[&str]) {
        assert_eq!(index_tokens(text, field), expected);
    }

    #[test_case("서울에서", "서울" ; "locative")]
    #[test_case("서울은", "서울" ; "topic")]
    #[test_case("서울까지", "서울" ; "until")]
    #[test_case("책으로", "책" ; "longest suffix wins")]
    #[test_case("학교에서는", "학교" ; "stacked particles")]
    #[test_case("서울", "서울" ; "bare word")]
    #[test_case("은", "은" ; "particle alone stays")]
    #[test_case("공부했습니다", "공부" ; "verb ending")]
    fn strips(word: &str, stem: &str) {
        assert_eq!(strip_particle(word), stem);
    }

    #[test]
    fn only_letters_and_digits_have_a_lower_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !c.is_alphanumeric() {
                assert!(c.to_lowercase().eq([c]), "{c:?} has a lower case");
            }
        }
    }

    #[test]
    fn plain_text_splits_into_the_words_normalising_gives() {
        let texts = [
            "",
            "서울은 아름답다",
            "Rust로 만든 WASM 앱 v2.0, 東京タワー — ‘quoted’ “text” · ㅎㄱ…",
            "  x  ",
            "MiXeD123case_under-score",
            "한글English한글 123",
        ];
        for text in texts {
            assert!(is_plain(text), "{text:?}");
            assert_eq!(words(text), normalized_words(text), "{text:?}");
            let mut lent = Vec::new();
            for_each_word(text, |w| lent.push((w.text.to_owned(), w.script, w.glued)));
            let owned: Vec<_> = words(text)
                .into_iter()
                .map(|w| (w.text, w.script, w.glued))
                .collect();
            assert_eq!(lent, owned, "{text:?}");
        }
        for text in [
            "Café",
            "e\u{301}",
            "\u{1109}\u{1165}울",
            "ÀB",
            "Ωmega",
            "١٢٣",
        ] {
            assert!(!is_plain(text), "{text:?}");
            assert_eq!(words(text), normalized_words(text), "{text:?}");
        }
    }

    #[test]
    fn bigrams_are_the_marked_first_pair_then_every_later_pair() {
        for word in ["", "책", "서울", "서울은", "大阪城公園", "a책b"] {
            let chars: Vec<char> = word.chars().collect();
            let mut expected: Vec<String> = Vec::new();
            if let Some(first) = chars.first() {
                let second: String = chars.get(1).into_iter().collect();
                expected.push(format!("{WORD_START}{first}{second}"));
            }
            if chars.len() > 2 {
                expected.extend(chars[1..].windows(2).map(|pair| pair.iter().collect()));
            }
            assert_eq!(bigrams(word), expected, "{word:?}");
        }
    }

    #[test]
    fn suffixes_are_single_words() {
        assert_eq!(suffixes().count(), 92);
        assert!(suffixes().all(|s| !s.is_empty() && !s.contains(char::is_whitespace)));
    }

    #[test]
    fn the_table_by_last_character_strips_as_trying_every_suffix_does() {
        let every_suffix = |word: &str| {
            suffixes()
                .filter(|suffix| word.len() > suffix.len() && word.ends_with(*suffix))
                .max_by_key(|suffix| suffix.len())
                .map_or(word.len(), |suffix| word.len() - suffix.len())
        };
        for stem in ["서울", "책", "Rust", ""] {
            for suffix in suffixes().chain(["", "다", "요"]) {
                let word = format!("{stem}{suffix}");
                assert_eq!(
                    strip_particle(&word),
                    &word[..every_suffix(&word)],
                    "{word}"
                );
            }
        }
    }

    #[test_case("회고", "ㅎㄱ" ; "two syllables")]
    #[test_case("쿠버네티스", "ㅋㅂㄴㅌㅅ" ; "loanword")]
    #[test_case("a회b", "ㅎ" ; "latin ignored")]
    fn initials(word: &str, expected: &str) {
        assert_eq!(choseong(word), expected);
    }

    #[test]
    fn words_keep_source_bytes_and_glue() {
        let text = "Folio는 빠르다";
        let found = words(text);
        assert_eq!(found.len(), 3);
        assert_eq!(&text[found[1].source.clone()], "는");
        assert!(found[1].glued);
        assert!(!found[2].glued);
    }
}
