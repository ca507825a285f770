//! Dates as blog generators and platforms write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Formats with an explicit offset, tried first.
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S %:z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%d %H:%M %:z",
    "%Y-%m-%d %H:%M %z",
];

/// Formats with a time but no offset: read in the site's time zone.
const LOCAL_DATE_TIMES: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
];

/// Date-only formats: midnight in the site's time zone.
const LOCAL_DATES: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b %d. %Y",
    "%B %d. %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%b %d %Y",
    "%B %d %Y",
];

/// Parses `text` as a date, reading one without an offset in `zone`.
pub fn parse_date(text: &str, zone: Tz) -> Option<DateTime<FixedOffset>> {
    let text = normalise(text);
    if text.is_empty() {
        return None;
    }
    let text = text.as_str();
    if let Some(date) = plain_iso_date(text) {
        return in_zone(date.and_time(NaiveTime::MIN), zone);
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(date);
    }
    if let Ok(date) = DateTime::parse_from_rfc2822(text) {
        return Some(date);
    }
    for format in WITH_OFFSET {
        if let Ok(date) = DateTime::parse_from_str(text, format) {
            return Some(date);
        }
    }
    for format in LOCAL_DATE_TIMES {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return in_zone(naive, zone);
        }
    }
    for format in LOCAL_DATES {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return in_zone(date.and_time(NaiveTime::MIN), zone);
        }
    }
    parse_korean(text, zone)
}

/// `2024-01-05`, the form most front matter uses, read without trying each
/// format in turn (it is the first that reads it); `None` for anything
/// else, which the formats then read as before.
fn plain_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    NaiveDate::from_ymd_opt(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    )
}

/// Reads a date the way Ruby's and Go's date parsers accepted it when the
/// strict formats fail: unpadded fields (`2018-2-14 16:21:13`) and times that
/// overflow (`22:11:72` is 22:12:12, as Jekyll published it). Returns `None`
/// when the text has no year, month and day at all.
pub fn parse_date_lenient(text: &str, zone: Tz) -> Option<DateTime<FixedOffset>> {
    let text = normalise(text);
    let (date_part, rest) = split_once_any(&text, &['T', ' ']);
    let fields: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let [year, month, day] = fields.as_slice() else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
    let (clock, offset) = split_offset(rest.trim());
    let mut seconds: i64 = 0;
    if !clock.is_empty() {
        let parts: Vec<&str> = clock.split(':').collect();
        if parts.len() < 2 || parts.len() > 3 {
            return None;
        }
        for (unit, part) in [3600, 60, 1].iter().zip(&parts) {
            let whole = part.split('.').next().unwrap_or(part);
            seconds += unit * whole.parse::<i64>().ok()?;
        }
    }
    let naive = date.and_time(NaiveTime::MIN) + chrono::Duration::seconds(seconds);
    match offset {
        Some(offset) => offset.from_local_datetime(&naive).single(),
        None => in_zone(naive, zone),
    }
}

/// Splits at the first of `separators`; the rest is empty when there is none.
fn split_once_any<'t>(text: &'t str, separators: &[char]) -> (&'t str, &'t str) {
    match text.find(separators) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    }
}

/// A clock followed by `Z`, `+09:00`, `+0900` or ` +09:00`.
fn split_offset(clock: &str) -> (&str, Option<FixedOffset>) {
    if let Some(clock) = clock.strip_suffix('Z') {
        return (clock.trim(), FixedOffset::east_opt(0));
    }
    let Some(at) = clock.rfind(['+', '-']) else {
        return (clock, None);
    };
    let (time, sign_and_offset) = clock.split_at(at);
    let digits: String = sign_and_offset[1..].chars().filter(|c| *c != ':').collect();
    let (Some(hours), Some(minutes)) = (digits.get(..2), digits.get(2..4)) else {
        return (clock, None);
    };
    let (Ok(hours), Ok(minutes)) = (hours.parse::<i32>(), minutes.parse::<i32>()) else {
        return (clock, None);
    };
    let sign = if sign_and_offset.starts_with('-') {
        -1
    } else {
        1
    };
    (
        time.trim(),
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)),
    )
}

/// Tidies what exports add around dates: `Z` suffixes, `UTC`, doubled spaces.
fn normalise(text: &str) -> String {
    let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(stripped) = text.strip_suffix(" UTC") {
        text = format!("{stripped}+00:00");
    }
    if text.ends_with('Z') && text.len() > 10 && !text.contains('T') {
        text = format!("{}+00:00", &text[..text.len() - 1]);
    }
    text
}

/// Korean platform dates: `2023. 1. 6. 10:16`, `2023. 1. 6.`, `2023년 1월 6일 오후 3:05`.
fn parse_korean(text: &str, zone: Tz) -> Option<DateTime<FixedOffset>> {
    let afternoon = text.contains("오후");
    let digits: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let looks_korean = text.contains('년') || text.contains(". ") || text.matches('.').count() >= 2;
    if !looks_korean || digits.len() < 3 || digits[0] < 1000 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(digits[0] as i32, digits[1], digits[2])?;
    let (mut hour, minute) = match digits.get(3..5) {
        Some([h, m]) => (*h, *m),
        _ => (0, 0),
    };
    if afternoon && hour < 12 {
        hour += 12;
    }
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    in_zone(date.and_time(time), zone)
}

fn in_zone(naive: NaiveDateTime, zone: Tz) -> Option<DateTime<FixedOffset>> {
    // In a DST gap the earliest valid reading is as good as any; posts are not that precise.
    let local = zone.from_local_datetime(&naive).earliest()?;
    Some(local.fixed_offset())
}

/// A date found in a line, with how many words stand before and after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateInLine {
    pub date: DateTime<FixedOffset>,
    pub words_before: usize,
    pub words_after: usize,
}

/// Finds a date written somewhere inside a line of text, e.g. `by 김하늘 · 2022. 8. 14. 21:05`.
/// Also tells where in the line the date stands.
pub fn find_date_span(line: &str, zone: Tz) -> Option<DateInLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Longest spans first, so `2023. 1. 6. 10:16` wins over `2023. 1. 6.`.
    for len in (1..=words.len().min(6)).rev() {
        for start in 0..=words.len() - len {
            let span = &words[start..start + len];
            let starts_well =
                span[0].starts_with(|c: char| c.is_ascii_digit()) || is_month_name(span[0]);
            let ends_well = span[len - 1].contains(|c: char| c.is_ascii_digit());
            if !starts_well || !ends_well {
                continue;
            }
            let candidate = span.join(" ");
            let has_year = candidate
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4);
            if !has_year {
                continue;
            }
            let trimmed =
                candidate.trim_matches(|c: char| matches!(c, ',' | '·' | '|' | '(' | ')' | '-'));
            if let Some(date) = parse_date(trimmed, zone) {
                return Some(DateInLine {
                    date,
                    words_before: start,
                    words_after: words.len() - start - len,
                });
            }
        }
    }
    None
}

fn is_month_name(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    MONTHS.iter().any(|m| lower.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn seoul(text: &str) -> Option<String> {
        parse_date(text, chrono_tz::Asia::Seoul).map(|d| d.to_rfc3339())
    }

    #[test_case("2024-01-20", "2024-01-20T00:00:00+09:00" ; "date only")]
    #[test_case("2022-12-31T20:00:00+09:00", "2022-12-31T20:00:00+09:00" ; "rfc3339 with offset")]
    #[test_case("2021-12-30T16:28:14+09:00", "2021-12-30T16:28:14+09:00" ; "rfc3339 seconds")]
    #[test_case("2023-05-08 19:30", "2023-05-08T19:30:00+09:00" ; "space no seconds")]
    #[test_case("2023-05-08 19:30:12", "2023-05-08T19:30:12+09:00" ; "space with seconds")]
    #[test_case("2023-05-08T19:30", "2023-05-08T19:30:00+09:00" ; "t no seconds")]
    #[test_case("2020-01-01T00:00:00Z", "2020-01-01T00:00:00+00:00" ; "zulu")]
    #[test_case("2020-06-01 10:00:00 +0200", "2020-06-01T10:00:00+02:00" ; "hugo style offset")]
    #[test_case("2023. 1. 6. 10:16", "2023-01-06T10:16:00+09:00" ; "korean platform")]
    #[test_case("2023. 1. 6.", "2023-01-06T00:00:00+09:00" ; "korean date only")]
    #[test_case("2023년 1월 6일 오후 3:05", "2023-01-06T15:05:00+09:00" ; "korean words afternoon")]
    #[test_case("Jul 02. 2023", "2023-07-02T00:00:00+09:00" ; "medium style")]
    #[test_case("2020-01-01T10:00:00+0900", "2020-01-01T10:00:00+09:00" ; "offset without colon")]
    #[test_case("2023-1-6", "2023-01-06T00:00:00+09:00" ; "unpadded month and day")]
    #[test_case("January 6, 2023", "2023-01-06T00:00:00+09:00" ; "english long")]
    #[test_case("2023/01/06", "2023-01-06T00:00:00+09:00" ; "slashes")]
    fn parses(text: &str, expected: &str) {
        assert_eq!(seoul(text).as_deref(), Some(expected));
    }

    #[test]
    fn the_plain_date_path_reads_what_the_format_reads() {
        let samples = [
            "2024-01-20",
            "2023-02-29",
            "2024-02-29",
            "2023-13-01",
            "2023-00-10",
            "0000-01-01",
            "9999-12-31",
            "2023-1-06",
            "2023-01-6",
            "2023/01/06",
            "20230-01-0",
            "+202-01-01",
            "2023-01-0a",
            "２０２３-01-01",
        ];
        for text in samples {
            let by_format = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            // It answers only what the format reads, and the same way.
            if let Some(date) = plain_iso_date(text) {
                assert_eq!(Some(date), by_format, "{text}");
            }
        }
        assert!(plain_iso_date("2024-01-20").is_some());
        assert!(plain_iso_date("2023-02-29").is_none());
    }

    #[test_case("2019-11-02 22:11:72", "2019-11-02T22:12:12+09:00" ; "overflowing seconds")]
    #[test_case("2018-2-14 16:21:13", "2018-02-14T16:21:13+09:00" ; "unpadded with time")]
    #[test_case("2018-2-4T6:05:00+01:00", "2018-02-04T06:05:00+01:00" ; "unpadded with offset")]
    #[test_case("2020/3/9 9:7", "2020-03-09T09:07:00+09:00" ; "slashes unpadded")]
    #[test_case("2021-06-30 23:59:61 +0900", "2021-07-01T00:00:01+09:00" ; "past a leap second")]
    fn parses_leniently(text: &str, expected: &str) {
        let lenient = parse_date_lenient(text, chrono_tz::Asia::Seoul).map(|d| d.to_rfc3339());
        assert_eq!(lenient.as_deref(), Some(expected));
    }

    #[test]
    fn strict_reading_refuses_overflow() {
        assert_eq!(seoul("2019-11-02 22:11:72"), None);
    }

    #[test_case("yesterday" ; "words")]
    #[test_case("2023-13-45 10:00" ; "impossible month")]
    #[test_case("2023-01-05 10" ; "hour only")]
    fn rejects_leniently(text: &str) {
        assert_eq!(parse_date_lenient(text, chrono_tz::Asia::Seoul), None);
    }

    #[test_case("" ; "empty")]
    #[test_case("yesterday" ; "words")]
    #[test_case("2023-13-45" ; "impossible date")]
    #[test_case("1. 2. 3." ; "short numbers")]
    fn rejects(text: &str) {
        assert_eq!(seoul(text), None);
    }

    #[test]
    fn finds_a_date_inside_a_byline() {
        let found = find_date("by 김하늘 · 2022. 8. 14. 21:05", chrono_tz::Asia::Seoul);
        assert_eq!(
            found.map(|d| d.to_rfc3339()).as_deref(),
            Some("2022-08-14T21:05:00+09:00")
        );
        let found = find_date("Jane Doe · Jul 02. 2023 · 4 min read", chrono_tz::UTC);
        assert_eq!(
            found.map(|d| d.to_rfc3339()).as_deref(),
            Some("2023-07-02T00:00:00+00:00")
        );
        assert_eq!(find_date("no date here", chrono_tz::UTC), None);
    }

    fn find_date(line: &str, zone: Tz) -> Option<DateTime<FixedOffset>> {
        find_date_span(line, zone).map(|found| found.date)
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = parse_date(&text, chrono_tz::Asia::Seoul);
            let _ = find_date(&text, chrono_tz::Asia::Seoul);
        }
    }
}
