//! Dates as each output wants them. Posts carry RFC 3339 dates with their
//! offset (what Atom, sitemaps and JSON-LD take as they are) and a local
//! calendar date (what readers see).

use chrono::DateTime;

use folio_core::PostMeta;

/// RSS 2.0 dates are RFC 822 (`Sat, 15 Apr 2023 09:30:00 +0900`).
pub fn rfc2822(rfc3339: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|date| date.to_rfc2822())
}

/// When a post last changed: its `updated` date, else its publication date.
pub fn last_modified(post: &PostMeta) -> &str {
    post.updated.as_deref().unwrap_or(&post.date)
}

/// The latest change among `posts`, for a list page or a feed.
pub fn newest_change<'a>(posts: impl IntoIterator<Item = &'a PostMeta>) -> Option<&'a str> {
    posts
        .into_iter()
        .map(last_modified)
        .max_by_key(|date| DateTime::parse_from_rfc3339(date).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_keep_the_offset() {
        assert_eq!(
            rfc2822("2023-04-15T09:30:00+09:00").as_deref(),
            Some("Sat, 15 Apr 2023 09:30:00 +0900")
        );
        assert_eq!(rfc2822("yesterday"), None);
    }
}
