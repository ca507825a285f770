//! English.

use super::{Catalogue, Lang, Text};
use crate::LocalDate;

/// The English catalogue: also what a language without a catalogue falls back to.
pub struct English;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `1 post`, `2 posts`: English has one singular and one plural.
fn posts(n: usize) -> String {
    if n == 1 {
        "1 post".to_owned()
    } else {
        format!("{n} posts")
    }
}

impl Catalogue for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn text(&self, text: Text) -> &'static str {
        match text {
            Text::SkipToContent => "Skip to content",
            Text::MainNavigation => "Main",
            Text::PagesNavigation => "Pages",
            Text::Posts => "Posts",
            Text::Tags => "Tags",
            Text::Timeline => "Timeline",
            Text::DarkTheme => "Dark theme",
            Text::AtomFeed => "Atom feed",
            Text::RssFeed => "RSS feed",
            Text::MadeWithFolio => "Made with Folio",
            Text::AllPosts => "All posts",
            Text::FilterByTag => "Filter by tag",
            Text::FilterByYear => "Filter by year",
            Text::ClearFilters => "Clear filters",
            Text::AllTags => "All tags",
            Text::NoPostsMatch => "No posts match these filters.",
            Text::MatchingAllShowAny => {
                "Showing posts with all of these tags. Show posts with any of them"
            }
            Text::MatchingAnyShowAll => {
                "Showing posts with any of these tags. Show posts with all of them"
            }
            Text::Contents => "Contents",
            Text::TableOfContents => "Table of contents",
            Text::ReadingProgress => "Reading progress",
            Text::MorePosts => "More posts",
            Text::Newer => "Newer",
            Text::Older => "Older",
            Text::RelatedPosts => "Related posts",
            Text::Copy => "Copy",
            Text::Copied => "Copied",
            Text::CopyFailed => "Copy failed",
            Text::Previous => "Previous",
            Text::Next => "Next",
            Text::Pagination => "Pagination",
            Text::SavePostOffline => "Save for offline reading",
            Text::SaveListOffline => "Save these posts for offline reading",
            Text::SavingOffline => "Saving for offline reading",
            Text::AvailableOffline => "Available offline",
            Text::NotAvailableOffline => "Not available offline",
            Text::OfflineNotice => "You are offline. Posts saved for offline reading still open.",
            Text::OfflineNotSaved => "You are offline and this has not been saved for offline reading. It will load when you are back online.",
            Text::UpdateAvailable => "A new version of this blog is available.",
            Text::Reload => "Reload",
            Text::LoadingPosts => "Loading posts",
            Text::LoadingPost => "Loading the post",
            Text::SomethingWentWrong => "Something went wrong",
            Text::TryAgain => "Try again",
            Text::ListOfPosts => "the list of posts",
            Text::NotFound => "Not found",
            Text::PageNotFound => "Page not found",
            Text::NotFoundExplanation => {
                "There is nothing at this address. It may have moved, or the link may be mistyped."
            }
            Text::BackToAllPosts => "Back to all posts",
            Text::PageMovedTo => "This page has moved to",
            Text::NeedsJavaScript => "This blog reader needs JavaScript to show posts.",
            Text::Search => "Search",
            Text::SearchPlaceholder => "Search posts",
            Text::SearchPrompt => "Type a word to search every post, or pick a tag:",
            Text::SearchNeedsJavaScript => "Searching needs JavaScript. You can browse the posts by tag:",
            Text::Searching => "Searching…",
            Text::NoResults => "No posts match this search.",
            Text::SearchResults => "Search results",
            Text::SearchIndexMissing => "This search could not be completed",
            Text::SearchIndexMissingOffline => "You are offline, and this search needs a part of the index that is not saved yet. Searches made before still work; this one will once you are back online.",
            Text::SearchIndex => "the search index",
        }
    }

    fn post_count(&self, n: usize) -> String {
        posts(n)
    }

    fn reading_time(&self, minutes: u32) -> String {
        format!("{} min read", minutes.max(1))
    }

    fn long_date(&self, date: LocalDate) -> String {
        format!(
            "{} {}, {}",
            self.month_name(date.month),
            date.day,
            date.year
        )
    }

    fn month_name(&self, month: u32) -> &'static str {
        month
            .checked_sub(1)
            .and_then(|m| MONTHS.get(m as usize))
            .copied()
            .unwrap_or("?")
    }

    fn month_of_year(&self, year: i32, month: u32) -> String {
        format!("{} {year}", self.month_name(month))
    }

    fn page_number(&self, page: usize) -> String {
        format!("Page {page}")
    }

    fn saving_progress(&self, done: usize, total: usize) -> String {
        format!("Saving {done} of {total}…")
    }

    fn posts_from_year(&self, year: i32) -> String {
        format!("Posts from {year}")
    }

    fn tag_joiner(&self, all: bool) -> &'static str {
        if all {
            " + "
        } else {
            " or "
        }
    }

    fn the_post(&self, title: &str) -> String {
        format!("the post “{title}”")
    }

    fn the_page(&self, title: &str) -> String {
        format!("the page “{title}”")
    }

    fn fetch_network_error(&self, what: &str, message: &str) -> String {
        format!("Could not load {what}: the network request failed ({message}).")
    }

    fn fetch_status_error(&self, what: &str, status: u16) -> String {
        format!("Could not load {what}: the server answered {status}.")
    }

    fn fetch_malformed_error(&self, what: &str, message: &str) -> String {
        format!("Could not read {what}: {message}.")
    }

    fn manifest_version_error(&self, found: u32, expected: u32) -> String {
        format!("This site's index has version {found}, but this reader understands version {expected}. Rebuild the site with the same Folio version.")
    }

    fn tag_description(&self, count: usize, tag: &str, site: &str) -> String {
        format!("{} tagged #{tag} on {site}.", posts(count))
    }

    fn year_description(&self, count: usize, year: i32, site: &str) -> String {
        format!("{} from {year} on {site}.", posts(count))
    }

    fn tag_index_description(&self, count: usize, site: &str) -> String {
        format!(
            "Every tag of {site}, by how often it is used, across {}.",
            posts(count)
        )
    }

    fn timeline_description(&self, count: usize, site: &str) -> String {
        format!("{site} year by year and month by month: {}.", posts(count))
    }

    fn home_description(&self, count: usize, site: &str) -> String {
        format!("{site}: {}.", posts(count))
    }

    fn search_result_count(&self, count: usize, query: &str) -> String {
        format!("{} found for “{query}”", posts(count))
    }
}
