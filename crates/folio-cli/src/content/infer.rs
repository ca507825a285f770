//! Title, date and body of a post exported with no front matter: a few lines of
//! platform chrome, the title, a byline with the date, the body, more chrome.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::front_matter::dates::find_date_span;

/// What was guessed, each with the 1-based line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub title: Option<(String, usize)>,
    pub date: Option<(DateTime<FixedOffset>, usize)>,
    pub author: Option<String>,
    /// The body: the text after the title and byline, trailing chrome removed.
    pub body: String,
    pub body_line: usize,
    /// 1-based first and last line of trailing page chrome that was dropped.
    pub dropped_chrome: Option<(usize, usize)>,
}

/// How far down a byline is looked for: chrome above a title is a few lines at most.
const HEADER_LINES: usize = 12;
/// Lines that platforms put around a post, never a title.
const CHROME_WORDS: &[&str] = &[
    "브런치",
    "티스토리",
    "네이버 블로그",
    "velog",
    "medium",
    "tistory",
    "blog.naver",
    "구독",
    "공감",
    "댓글",
    "공유",
    "이전글",
    "다음글",
    "목록",
    "카테고리",
    "share",
    "follow",
    "subscribe",
    "comments",
    "responses",
    "sign in",
    "sign up",
    "min read",
    "clap",
];

/// Lines of a platform's slogan block, lower-cased with spaces and dots
/// removed: Brunch opens every exported page with "You can make anything /
/// by writing / C.S.Lewis", and Korean platforms with a tagline of their own.
const SLOGAN_LINES: &[&str] = &[
    "youcanmakeanything",
    "bywriting",
    "youcanmakeanythingbywriting",
    "cslewis",
    "-cslewis",
    "—cslewis",
    "글이작품이되는공간,브런치",
    "글이작품이되는공간,브런치스토리",
    "작품이되는이야기",
    "브런치스토리",
    "brunchstory",
];

/// Platforms whose exports are dated in Korean time.
const KOREAN_PLATFORMS: &[&str] = &[
    "브런치",
    "brunch",
    "티스토리",
    "tistory",
    "네이버 블로그",
    "blog.naver",
    "velog",
    "이글루스",
    "egloos",
];

fn is_slogan(line: &str) -> bool {
    let key: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    SLOGAN_LINES.contains(&key.as_str())
}

/// The header lines worth looking at: the first non-empty lines, a leading
/// platform slogan block skipped.
fn header_lines(lines: &[&str]) -> Vec<usize> {
    let mut header = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty());
    let mut kept = Vec::new();
    let mut in_slogan = true;
    for i in header.by_ref() {
        if in_slogan && is_slogan(lines[i]) {
            continue;
        }
        in_slogan = false;
        kept.push(i);
        if kept.len() == HEADER_LINES {
            break;
        }
    }
    kept
}

/// Whether a plain-text export comes from a Korean platform, whose dates
/// (`2023. 1. 6. 10:16`, `2023년 1월 6일`) are Korean time: a platform name or
/// slogan in the header, or a byline dated the Korean way.
pub fn from_korean_platform(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let first: Vec<&str> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(HEADER_LINES + SLOGAN_LINES.len())
        .map(|i| lines[i])
        .collect();
    let named = first.iter().any(|line| {
        let lower = line.to_lowercase();
        (line.chars().count() <= 60 && KOREAN_PLATFORMS.iter().any(|p| lower.contains(p)))
            || is_slogan(line)
    });
    named
        || header_lines(&lines).iter().any(|&i| {
            korean_date_shape(lines[i]) && short_line_date(lines[i], chrono_tz::UTC).is_some()
        })
}

/// `2023. 1. 6.` or `2023년 1월`: a year, then a dot or `년`, then a month.
fn korean_date_shape(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(7).any(|w| {
        w[..4].iter().all(char::is_ascii_digit)
            && (w[4] == '년' || w[4] == '.')
            && w[5..].iter().any(char::is_ascii_digit)
            && w[5..].iter().all(|c| c.is_ascii_digit() || *c == ' ')
    })
}

pub fn infer_post(text: &str, zone: Tz) -> Inferred {
    let lines: Vec<&str> = text.lines().collect();
    let header = header_lines(&lines);

    // A Markdown heading on the first line is the title, whatever follows.
    if let Some(&first) = header.first() {
        if let Some(heading) = lines[first].trim().strip_prefix("# ") {
            let date = header
                .iter()
                .skip(1)
                .take(3)
                .find_map(|&i| short_line_date(lines[i], zone).map(|d| (d, i)));
            let body_from = date.map_or(first + 1, |(_, i)| i + 1);
            let (body, dropped_chrome) = body_text(&lines, body_from);
            return Inferred {
                title: Some((heading.trim().to_owned(), first + 1)),
                date: date.map(|(d, i)| (d, i + 1)),
                author: date.and_then(|(_, i)| byline_author(lines[i])),
                body,
                body_line: body_from + 1,
                dropped_chrome,
            };
        }
    }

    let dated = header
        .iter()
        .find_map(|&i| short_line_date(lines[i], zone).map(|d| (d, i)));
    match dated {
        Some((date, date_at)) => {
            let above: Vec<usize> = header
                .iter()
                .rev()
                .copied()
                .filter(|&i| i < date_at && date_at - i <= 4 && is_title_candidate(lines[i]))
                .collect();
            // Medium and Velog put the author's name alone between title and date.
            let (name_line, title_at) = match above.as_slice() {
                [name, title, ..] if looks_like_name(lines[*name]) => (Some(*name), Some(*title)),
                [title, ..] => (None, Some(*title)),
                [] => (None, None),
            };
            let author = byline_author(lines[date_at])
                .or_else(|| name_line.map(|i| lines[i].trim().to_owned()));
            // Nothing above the byline but chrome: the title is the line after it.
            let title_below = title_at.is_none().then(|| {
                header
                    .iter()
                    .copied()
                    .find(|&i| i > date_at)
                    .filter(|&i| is_title_candidate(lines[i]))
            });
            let title_at = title_at.or(title_below.flatten());
            let body_from = title_at.map_or(date_at, |t| t.max(date_at)) + 1;
            let (body, dropped_chrome) = body_text(&lines, body_from);
            Inferred {
                title: title_at.map(|i| (clean_title(lines[i]), i + 1)),
                date: Some((date, date_at + 1)),
                author,
                body,
                body_line: body_from + 1,
                dropped_chrome,
            }
        }
        None => {
            let title = header
                .first()
                .filter(|&&i| is_title_candidate(lines[i]))
                .map(|&i| (clean_title(lines[i]), i + 1));
            let body_from = title.as_ref().map_or(0, |(_, line)| *line);
            let (body, dropped_chrome) = body_text(&lines, body_from);
            Inferred {
                title,
                date: None,
                author: None,
                body,
                body_line: body_from + 1,
                dropped_chrome,
            }
        }
    }
}

/// A date on a line short enough to be a byline, not a sentence that mentions a date.
/// The date of a byline (`by 김하늘 · 2022. 8. 14. 21:05`, `Jane Doe · Jul 2, 2023 · 4 min read`),
/// not of a sentence that mentions a date (`We left on January 6, 2023 at dawn.`).
fn short_line_date(line: &str, zone: Tz) -> Option<DateTime<FixedOffset>> {
    if line.chars().count() > 80 || starts_like_markdown_block(line) {
        return None;
    }
    let found = find_date_span(line, zone)?;
    let ends_a_sentence = line.trim_end().ends_with(['.', '!', '?', '。']) && found.words_after > 0;
    (found.words_before + found.words_after <= 6 && !ends_a_sentence).then_some(found.date)
}

/// Lines that open a Markdown block (code fence, list, quote, table, HTML) are
/// content, never a title, byline or page chrome.
fn starts_like_markdown_block(line: &str) -> bool {
    let line = line.trim_start();
    let numbered = line
        .split_once(". ")
        // An ordered list item (`1. `), not a Korean date (`2023. 1. 6.`).
        .is_some_and(|(n, _)| (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
    numbered
        || [
            "```", "~~~", "- ", "* ", "+ ", "> ", "|", "<", "![", "[", "    ",
        ]
        .iter()
        .any(|marker| line.starts_with(marker))
}

fn is_chrome(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.contains(" | ") || CHROME_WORDS.iter().any(|word| lower.contains(word))
}

fn is_title_candidate(line: &str) -> bool {
    let line = line.trim();
    let length = line.chars().count();
    (2..=120).contains(&length)
        && !is_chrome(line)
        && !is_author_line(line)
        && !starts_like_markdown_block(line)
}

fn is_author_line(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.starts_with("by ")
        || lower.starts_with("작성자")
        || lower.starts_with("글쓴이")
        || lower.ends_with('님')
}

/// A person's name alone on a line: two or three capitalised Latin words, or two
/// to four Hangul syllables.
fn looks_like_name(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let latin = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    let hangul = words.len() == 1
        && (2..=4).contains(&line.chars().count())
        && line.chars().all(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c));
    latin || hangul
}

fn clean_title(line: &str) -> String {
    line.trim().trim_start_matches('#').trim().to_owned()
}

/// `by 김하늘 · 2022. 8. 14.` gives `김하늘`.
fn byline_author(line: &str) -> Option<String> {
    let rest = line
        .trim()
        .strip_prefix("by ")
        .or_else(|| line.trim().strip_prefix("By "))?;
    let name = rest.split(['·', '|', ',']).next()?.trim();
    let name: String = name.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Lines from `from` on, with chrome at the end (comment counts, share buttons) removed.
/// Lines from `from` on, with page chrome at the end (comment counts, share
/// buttons) removed; also says which lines were dropped, for the author to check.
fn body_text(lines: &[&str], from: usize) -> (String, Option<(usize, usize)>) {
    let mut end = lines.len();
    let mut chrome_lines: Option<(usize, usize)> = None;
    while end > from {
        let line = lines[end - 1].trim();
        let chrome =
            line.chars().count() <= 30 && !starts_like_markdown_block(line) && is_chrome(line);
        if line.is_empty() || chrome {
            if chrome {
                // `end` is the 1-based number of the line just looked at.
                chrome_lines = Some(chrome_lines.map_or((end, end), |(_, last)| (end, last)));
            }
            end -= 1;
        } else {
            break;
        }
    }
    let mut body = lines[from.min(end)..end].join("\n");
    body = body.trim_start_matches('\n').to_owned();
    body.push('\n');
    (body, chrome_lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRUNCH: &str = "브런치 | 어느 개발자의 기록\n에세이\n\n서울에서 보낸 여름\nby 김하늘 · 2022. 8. 14. 21:05\n\n첫 문단입니다.\n\n둘째 문단.\n\n공감 12\n댓글 3\n";

    #[test]
    fn brunch_export_title_date_author_and_body() {
        let inferred = infer_post(BRUNCH, chrono_tz::Asia::Seoul);
        assert_eq!(inferred.title, Some(("서울에서 보낸 여름".into(), 4)));
        assert_eq!(
            inferred.date.map(|(d, line)| (d.to_rfc3339(), line)),
            Some(("2022-08-14T21:05:00+09:00".into(), 5))
        );
        assert_eq!(inferred.author.as_deref(), Some("김하늘"));
        assert_eq!(inferred.body, "첫 문단입니다.\n\n둘째 문단.\n");
    }

    #[test]
    fn medium_export_skips_the_slogan_above_the_title() {
        let text = "Medium – Where good ideas find you\nMy Year in Rust\nJane Doe\nJul 02. 2023 · 4 min read\n\nIt began in January.\n";
        let inferred = infer_post(text, chrono_tz::UTC);
        assert_eq!(
            inferred.title.map(|t| t.0).as_deref(),
            Some("My Year in Rust")
        );
        assert_eq!(inferred.author.as_deref(), Some("Jane Doe"));
        let text = "Medium – Where good ideas find you\nMy Year in Rust\nby Jane Doe\nJul 02. 2023 · 4 min read\n\nIt began in January.\n";
        let inferred = infer_post(text, chrono_tz::UTC);
        assert_eq!(
            inferred.title.map(|t| t.0).as_deref(),
            Some("My Year in Rust")
        );
        assert_eq!(inferred.body, "It began in January.\n");
    }

    #[test]
    fn tistory_style_korean_date_below_the_title() {
        let text =
            "개발 일지\n카테고리 없음\n\n쿠버네티스 첫 배포\n2023. 1. 6. 10:16\n\n본문 시작\n";
        let inferred = infer_post(text, chrono_tz::Asia::Seoul);
        assert_eq!(
            inferred.title.map(|t| t.0).as_deref(),
            Some("쿠버네티스 첫 배포")
        );
        assert_eq!(inferred.date.map(|d| d.1), Some(5));
    }

    /// The shape of a Brunch page saved as text: the platform's slogan block,
    /// the byline, then the title and the body. Written for this test.
    const BRUNCH_SLOGAN: &str = "You can make anything\nby writing\n\nC.S.Lewis\n\nby 윤슬 · 2021. 11. 3. 08:40\n\n바다가 보이는 작업실\n\n창문을 새로 단 날, 처음으로 바다 소리가 들렸다.\n\n둘째 문단.\n";

    #[test]
    fn brunch_slogan_block_is_skipped_and_the_title_follows_the_byline() {
        let inferred = infer_post(BRUNCH_SLOGAN, chrono_tz::Asia::Seoul);
        assert_eq!(inferred.title, Some(("바다가 보이는 작업실".into(), 8)));
        assert_eq!(
            inferred.date.map(|(d, line)| (d.to_rfc3339(), line)),
            Some(("2021-11-03T08:40:00+09:00".into(), 6))
        );
        assert_eq!(inferred.author.as_deref(), Some("윤슬"));
        assert_eq!(
            inferred.body,
            "창문을 새로 단 날, 처음으로 바다 소리가 들렸다.\n\n둘째 문단.\n"
        );
        assert_eq!(inferred.body_line, 9);
    }

    #[test]
    fn slogan_above_the_title_is_skipped_too() {
        let text = "You can make anything\nby writing\nC.S.Lewis\n바다가 보이는 작업실\nby 윤슬 · 2021. 11. 3. 08:40\n\n본문.\n";
        let inferred = infer_post(text, chrono_tz::Asia::Seoul);
        assert_eq!(
            inferred.title.map(|t| t.0).as_deref(),
            Some("바다가 보이는 작업실")
        );
        assert_eq!(inferred.body, "본문.\n");
    }

    #[test]
    fn korean_tagline_is_a_slogan() {
        let text = "글이 작품이 되는 공간, 브런치\n\n겨울 산책\n2020. 1. 2. 07:00\n\n본문.\n";
        let inferred = infer_post(text, chrono_tz::Asia::Seoul);
        assert_eq!(inferred.title.map(|t| t.0).as_deref(), Some("겨울 산책"));
    }

    #[test_case::test_case(BRUNCH, true; "brunch chrome")]
    #[test_case::test_case(BRUNCH_SLOGAN, true; "brunch slogan")]
    #[test_case::test_case("개발 일지\n\n쿠버네티스 첫 배포\n2023. 1. 6. 10:16\n\n본문\n", true; "korean dotted date")]
    #[test_case::test_case("여행\n2023년 1월 6일\n\n본문\n", true; "korean date words")]
    #[test_case::test_case("Medium – Where good ideas find you\nMy Year\nJane Doe\nJul 02. 2023 · 4 min read\n\nText.\n", false; "medium")]
    #[test_case::test_case("A plain note\n\nWe met in 2023. 1 day later.\n", false; "plain note")]
    fn korean_platforms_are_recognised(text: &str, korean: bool) {
        assert_eq!(from_korean_platform(text), korean);
    }

    #[test]
    fn markdown_heading_is_the_title() {
        let inferred = infer_post(
            "# Notes on Tokio\nJanuary 6, 2023\n\nBody.\n",
            chrono_tz::UTC,
        );
        assert_eq!(inferred.title, Some(("Notes on Tokio".into(), 1)));
        assert!(inferred.date.is_some());
        assert_eq!(inferred.body, "Body.\n");
    }

    #[test]
    fn a_sentence_with_a_date_is_body_not_byline() {
        let text =
            "Notes from the trip\n\nWe left on January 6, 2023 at dawn.\nThe road was empty.\n";
        let inferred = infer_post(text, chrono_tz::UTC);
        assert_eq!(inferred.date, None);
        assert_eq!(
            inferred.title.map(|t| t.0).as_deref(),
            Some("Notes from the trip")
        );
        assert_eq!(
            inferred.body,
            "We left on January 6, 2023 at dawn.\nThe road was empty.\n"
        );
    }

    #[test]
    fn markdown_blocks_are_never_titles_nor_chrome() {
        let inferred = infer_post("```sh\ncargo build\n```\nNotes\n", chrono_tz::UTC);
        assert_eq!(inferred.title, None);
        assert_eq!(inferred.body, "```sh\ncargo build\n```\nNotes\n");
        let table = "Specs\n\n| 항목 | 값 |\n|---|---|\n| CPU | 4 |\n| RAM | 8GB |\n";
        assert_eq!(
            infer_post(table, chrono_tz::UTC).body,
            "| 항목 | 값 |\n|---|---|\n| CPU | 4 |\n| RAM | 8GB |\n"
        );
    }

    #[test]
    fn dropped_chrome_is_reported_by_line() {
        let inferred = infer_post(BRUNCH, chrono_tz::Asia::Seoul);
        assert_eq!(inferred.dropped_chrome, Some((11, 12)));
    }

    #[test]
    fn no_date_keeps_the_first_line_as_title_and_the_rest_as_body() {
        let inferred = infer_post("A plain note\n\nSome text.\n", chrono_tz::UTC);
        assert_eq!(inferred.title, Some(("A plain note".into(), 1)));
        assert_eq!(inferred.date, None);
        assert_eq!(inferred.body, "Some text.\n");
    }
}
