//! Which language a text is written in, from its script: Hangul syllables
//! against Latin letters. Enough to tell a Korean blog from an English one
//! (and a Korean post on an English blog), which is all Folio needs.

use super::Lang;
use crate::text::is_hangul_syllable;

/// Below this many letters a text says too little to be told apart.
pub const MIN_LETTERS: u32 = 40;

/// Korean when at least this share of the letters are Hangul syllables.
/// A syllable carries two or three letters' worth of sound, so Korean prose
/// full of English terms (`쿠버네티스 deployment를 고쳤다`) stays well above it,
/// and an English post quoting a Korean word stays well below.
pub const HANGUL_SHARE: f64 = 0.3;

/// Hangul syllables and Latin letters counted over one or more texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    pub hangul: u32,
    pub latin: u32,
}

impl ScriptCounts {
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        counts.add_text(text);
        counts
    }

    pub fn add_text(&mut self, text: &str) {
        for c in text.chars() {
            self.add_char(c);
        }
    }

    /// Counts one character, for a caller already walking the text.
    pub fn add_char(&mut self, c: char) {
        if is_hangul_syllable(c) {
            self.hangul += 1;
        } else if c.is_ascii_alphabetic() || (c.is_alphabetic() && is_latin_extended(c)) {
            self.latin += 1;
        }
    }

    pub fn add(&mut self, other: ScriptCounts) {
        self.hangul += other.hangul;
        self.latin += other.latin;
    }

    pub fn letters(&self) -> u32 {
        self.hangul + self.latin
    }

    /// The language these counts show, or `None` when there are fewer than
    /// [`MIN_LETTERS`] letters to go on.
    pub fn lang(&self) -> Option<Lang> {
        if self.letters() < MIN_LETTERS {
            return None;
        }
        let share = f64::from(self.hangul) / f64::from(self.letters());
        Some(if share >= HANGUL_SHARE {
            Lang::Ko
        } else {
            Lang::En
        })
    }
}

/// The language of `text`, or `None` when it is too short to tell.
pub fn detect_lang(text: &str) -> Option<Lang> {
    ScriptCounts::of(text).lang()
}

/// Latin-1 Supplement to Latin Extended-B: `é`, `ß`, `ł`.
fn is_latin_extended(c: char) -> bool {
    ('\u{00C0}'..='\u{024F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use test_case::test_case;

    use super::*;

    #[test_case("오늘은 서울에서 부산까지 기차를 타고 내려갔다. 창밖으로 논과 산이 번갈아 지나갔고, 나는 오래된 수첩을 꺼내 지난 여름의 기록을 다시 읽었다.", Some(Lang::Ko); "korean prose")]
    #[test_case("We took the train from Seoul to Busan today. Fields and hills went past the window while I reread last summer's notebook.", Some(Lang::En); "english prose")]
    #[test_case("쿠버네티스 deployment를 처음 설정했다. replicas 값을 바꾸고 rollout status로 확인하는 과정에서 헷갈렸던 부분을 정리한다.", Some(Lang::Ko); "korean with english terms")]
    #[test_case("Notes on the word 정 (jeong), which has no good English translation: a kind of attachment that grows slowly between people.", Some(Lang::En); "english quoting korean")]
    #[test_case("짧은 메모", None; "short korean")]
    #[test_case("A short note.", None; "short english")]
    #[test_case("", None; "empty")]
    #[test_case("1234 5678 !!! ??? ... 2023-01-06 10:16 +09:00 ----- ===== 42", None; "no letters")]
    #[test_case("Über die Straße gehen wir langsam, während die Möwen über dem Hafen kreisen.", Some(Lang::En); "accented latin is not korean")]
    fn detects(text: &str, expected: Option<Lang>) {
        assert_eq!(detect_lang(text), expected);
    }

    #[test]
    fn counts_add_up_across_posts() {
        let mut all = ScriptCounts::of("가나다라마바사");
        all.add(ScriptCounts::of("abcdefg"));
        assert_eq!(
            all,
            ScriptCounts {
                hangul: 7,
                latin: 7
            }
        );
        assert_eq!(all.letters(), 14);
        assert_eq!(all.lang(), None);
    }

    #[test_case(12, 28, Some(Lang::Ko); "at the threshold")]
    #[test_case(11, 29, Some(Lang::En); "just below")]
    #[test_case(10, 29, None; "one letter short")]
    fn threshold_and_minimum(hangul: u32, latin: u32, expected: Option<Lang>) {
        assert_eq!(ScriptCounts { hangul, latin }.lang(), expected);
    }
}
