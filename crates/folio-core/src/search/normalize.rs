//! The text normalisation both sides of search apply: lower case, Hangul
//! jamo composed into syllables, Latin letters with a combining mark composed
//! into one character.
//!
//! Full Unicode NFC would need the `unicode-normalization` tables in the app;
//! the indexer applies full NFC to post text before tokenizing, and this light
//! composition (the same code for posts and queries) covers what a query typed
//! on a real keyboard or pasted from macOS holds: conjoining jamo and Latin
//! letters with combining accents.

use std::ops::Range;

/// One character of normalised text and the bytes of the original it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormChar {
    pub ch: char,
    pub source: Range<usize>,
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

/// Combining mark, the lower-case bases it composes with, and the results, in the same order.
const LATIN_MARKS: &[(char, &str, &str)] = &[
    ('\u{300}', "aeiouwy", "àèìòùẁỳ"),
    ('\u{301}', "aeiouycnszlr", "áéíóúýćńśźĺŕ"),
    ('\u{302}', "aeioucghjswyz", "âêîôûĉĝĥĵŝŵŷẑ"),
    ('\u{303}', "aonuie", "ãõñũĩẽ"),
    ('\u{304}', "aeiou", "āēīōū"),
    ('\u{306}', "aeioug", "ăĕĭŏŭğ"),
    ('\u{307}', "zegc", "żėġċ"),
    ('\u{308}', "aeiouyw", "äëïöüÿẅ"),
    ('\u{30A}', "au", "åů"),
    ('\u{30B}', "ou", "őű"),
    ('\u{30C}', "cszrnedtl", "čšžřňěďťľ"),
    ('\u{327}', "cstegklnr", "çşţȩģķļņŗ"),
    ('\u{328}', "aeiu", "ąęįų"),
];

fn compose_latin(base: char, mark: char) -> Option<char> {
    let (_, bases, composed) = LATIN_MARKS.iter().find(|(m, _, _)| *m == mark)?;
    let at = bases.chars().position(|b| b == base)?;
    composed.chars().nth(at)
}

/// The final consonant's index of a syllable, 0 for none.
fn final_of(syllable: u32) -> u32 {
    (syllable - S_BASE) % T_COUNT
}

fn compose_hangul(prev: char, next: char) -> Option<char> {
    let (p, n) = (prev as u32, next as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&p) && (V_BASE..V_BASE + V_COUNT).contains(&n) {
        return char::from_u32(S_BASE + ((p - L_BASE) * V_COUNT + (n - V_BASE)) * T_COUNT);
    }
    let is_lv = (S_BASE..S_BASE + S_COUNT).contains(&p) && final_of(p) == 0;
    if is_lv && (T_BASE + 1..T_BASE + T_COUNT).contains(&n) {
        return char::from_u32(p + (n - T_BASE));
    }
    None
}

/// Unicode's full lower-case mapping of `ch`, from Rust's tables.
#[cfg(not(target_arch = "wasm32"))]
fn lower_case(ch: char) -> String {
    ch.to_lowercase().collect()
}

/// The same mapping from the browser's tables (`String.prototype.toLowerCase`
/// of the character alone, so no context such as a final sigma applies):
/// Rust's table would add 11.7 KB to the WASM for what every browser has.
#[cfg(target_arch = "wasm32")]
fn lower_case(ch: char) -> String {
    // Passed as a string: `JsString::from(char)` would import `fromCodePoint`.
    let mut utf8 = [0; 4];
    js_sys::JsString::from(&*ch.encode_utf8(&mut utf8))
        .to_lower_case()
        .into()
}

/// Lower-cased, composed characters of `text`, each with its source bytes.
pub fn normalize(text: &str) -> Vec<NormChar> {
    let mut out: Vec<NormChar> = Vec::with_capacity(text.len());
    for (at, ch) in text.char_indices() {
        let end = at + ch.len_utf8();
        if let Some(last) = out.last_mut() {
            // Only combining marks and conjoining jamo compose with what precedes.
            if last.source.end == at && matches!(ch as u32, 0x0300..=0x036F | 0x1160..=0x11FF) {
                if let Some(composed) =
                    compose_hangul(last.ch, ch).or_else(|| compose_latin(last.ch, ch))
                {
                    last.ch = composed;
                    last.source.end = end;
                    continue;
                }
            }
        }
        if ch.is_ascii() || crate::text::is_cjk(ch) {
            out.push(NormChar {
                ch: ch.to_ascii_lowercase(),
                source: at..end,
            });
        } else {
            for lower in lower_case(ch).chars() {
                out.push(NormChar {
                    ch: lower,
                    source: at..end,
                });
            }
        }
    }
    out
}

/// `text` normalised, as a string.
pub fn normalize_str(text: &str) -> String {
    normalize(text).into_iter().map(|c| c.ch).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test]
    fn latin_tables_line_up() {
        for (mark, bases, composed) in LATIN_MARKS {
            assert_eq!(
                bases.chars().count(),
                composed.chars().count(),
                "mark {mark:?}"
            );
        }
    }

    #[test_case("Rust", "rust" ; "ascii case folds")]
    #[test_case("CAFE\u{301}", "café" ; "upper case with combining acute")]
    #[test_case("Ñandu\u{308}", "ñandü" ; "precomposed and combining")]
    #[test_case("\u{1109}\u{1165}\u{110b}\u{116e}\u{11af}", "서울" ; "conjoining jamo compose")]
    #[test_case("서울", "서울" ; "syllables stay")]
    #[test_case("ㅎㄱ", "ㅎㄱ" ; "compatibility jamo stay")]
    fn normalizes(input: &str, expected: &str) {
        assert_eq!(normalize_str(input), expected);
    }

    #[test]
    fn composed_characters_keep_their_source_bytes() {
        let text = "a\u{1109}\u{1165}b";
        let chars = normalize(text);
        assert_eq!(chars[1].ch, '서');
        assert_eq!(&text[chars[1].source.clone()], "\u{1109}\u{1165}");
    }
}
