//! The interface's words, one catalogue per language.
//!
//! Everything a reader sees around the posts (navigation, counts, reading
//! time, dates, offline and error messages) comes from here, so the
//! prerendered page and the app say exactly the same thing. Plural and number
//! rules live in each catalogue, never at call sites: `post_count(13)` is
//! `13 posts` in English and `13개의 글` in Korean.
//!
//! Adding a language is adding one file: a unit struct implementing
//! [`Catalogue`] (the compiler refuses a catalogue that misses a message),
//! a [`Lang`] variant, and its tag in [`Lang::parse`].

pub mod detect;
mod en;
mod ko;

use crate::LocalDate;

pub use detect::{detect_lang, ScriptCounts};
pub use en::English;
pub use ko::Korean;

/// A language the interface can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// Every language with a catalogue.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language of a BCP 47 tag (`ko`, `ko-KR`, `en_US`, `EN`), or `None`
    /// when Folio has no catalogue for it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("ko") || primary.eq_ignore_ascii_case("kor") {
            Some(Lang::Ko)
        } else if primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Like [`Lang::parse`], falling back to English for a language without a catalogue.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or_default()
    }

    /// The primary BCP 47 subtag: `en`, `ko`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// This language's catalogue.
    pub fn messages(self) -> &'static dyn Catalogue {
        messages(self)
    }
}

/// The catalogue of `lang`: `messages(Lang::Ko).post_count(13)`.
pub fn messages(lang: Lang) -> &'static dyn Catalogue {
    match lang {
        Lang::En => &English,
        Lang::Ko => &Korean,
    }
}

/// Interface words without arguments. Each catalogue answers every variant
/// (an exhaustive `match`), so none can be missing in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    // Frame and navigation.
    SkipToContent,
    /// `aria-label` of the main navigation.
    MainNavigation,
    /// `aria-label` of the footer's list of standalone pages.
    PagesNavigation,
    Posts,
    Tags,
    Timeline,
    /// Visually hidden label of the theme toggle.
    DarkTheme,
    AtomFeed,
    RssFeed,
    MadeWithFolio,
    // Browsing.
    AllPosts,
    FilterByTag,
    FilterByYear,
    ClearFilters,
    /// Where the tag chips of a list end when there are more tags than chips.
    AllTags,
    NoPostsMatch,
    /// Shown while several tags must all match; links to "any".
    MatchingAllShowAny,
    /// Shown while any of several tags may match; links to "all".
    MatchingAnyShowAll,
    // A post.
    Contents,
    /// `aria-label` of the table of contents.
    TableOfContents,
    ReadingProgress,
    /// `aria-label` of the newer/older links under a post.
    MorePosts,
    Newer,
    Older,
    RelatedPosts,
    Copy,
    Copied,
    CopyFailed,
    // Pagination.
    Previous,
    Next,
    /// `aria-label` of a list's pagination.
    Pagination,
    // Offline and updates.
    SavePostOffline,
    SaveListOffline,
    /// `aria-label` of the saving progress bar.
    SavingOffline,
    AvailableOffline,
    NotAvailableOffline,
    OfflineNotice,
    OfflineNotSaved,
    UpdateAvailable,
    Reload,
    // Loading, errors, empty states.
    LoadingPosts,
    LoadingPost,
    SomethingWentWrong,
    TryAgain,
    /// What failed to load when the manifest did: "Could not load the list of posts".
    ListOfPosts,
    /// Short page title of the 404 page, as in `Not found · Site`.
    NotFound,
    PageNotFound,
    NotFoundExplanation,
    BackToAllPosts,
    /// An alias page's sentence before the link to the new address.
    PageMovedTo,
    /// The `<noscript>` note of the page the service worker answers offline with.
    NeedsJavaScript,
    // Search.
    /// The search page's heading and the search box's label.
    Search,
    /// Placeholder of the search box.
    SearchPlaceholder,
    /// The search page before anything is typed, above suggested tags.
    SearchPrompt,
    /// The search page without JavaScript, above suggested tags.
    SearchNeedsJavaScript,
    Searching,
    NoResults,
    /// `aria-label` of the list of results.
    SearchResults,
    /// Heading when a part of the search index could not be fetched.
    SearchIndexMissing,
    SearchIndexMissingOffline,
    /// What failed to load when a part of the search index did.
    SearchIndex,
}

impl Text {
    /// Every variant, for tests and tools that walk the whole catalogue.
    pub const ALL: &'static [Text] = &[
        Text::SkipToContent,
        Text::MainNavigation,
        Text::PagesNavigation,
        Text::Posts,
        Text::Tags,
        Text::Timeline,
        Text::DarkTheme,
        Text::AtomFeed,
        Text::RssFeed,
        Text::MadeWithFolio,
        Text::AllPosts,
        Text::FilterByTag,
        Text::FilterByYear,
        Text::ClearFilters,
        Text::AllTags,
        Text::NoPostsMatch,
        Text::MatchingAllShowAny,
        Text::MatchingAnyShowAll,
        Text::Contents,
        Text::TableOfContents,
        Text::ReadingProgress,
        Text::MorePosts,
        Text::Newer,
        Text::Older,
        Text::RelatedPosts,
        Text::Copy,
        Text::Copied,
        Text::CopyFailed,
        Text::Previous,
        Text::Next,
        Text::Pagination,
        Text::SavePostOffline,
        Text::SaveListOffline,
        Text::SavingOffline,
        Text::AvailableOffline,
        Text::NotAvailableOffline,
        Text::OfflineNotice,
        Text::OfflineNotSaved,
        Text::UpdateAvailable,
        Text::Reload,
        Text::LoadingPosts,
        Text::LoadingPost,
        Text::SomethingWentWrong,
        Text::TryAgain,
        Text::ListOfPosts,
        Text::NotFound,
        Text::PageNotFound,
        Text::NotFoundExplanation,
        Text::BackToAllPosts,
        Text::PageMovedTo,
        Text::NeedsJavaScript,
        Text::Search,
        Text::SearchPlaceholder,
        Text::SearchPrompt,
        Text::SearchNeedsJavaScript,
        Text::Searching,
        Text::NoResults,
        Text::SearchResults,
        Text::SearchIndexMissing,
        Text::SearchIndexMissingOffline,
        Text::SearchIndex,
    ];
}

/// One language's interface words. Messages with arguments are methods so
/// each language applies its own plural, number and word-order rules.
pub trait Catalogue: Sync {
    fn lang(&self) -> Lang;

    /// A word or sentence without arguments.
    fn text(&self, text: Text) -> &'static str;

    /// `1 post`, `13 posts`; `13개의 글`.
    fn post_count(&self, n: usize) -> String;

    /// `9 min read`; `9분`. Never less than one minute.
    fn reading_time(&self, minutes: u32) -> String;

    /// `January 6, 2023`; `2023년 1월 6일`.
    fn long_date(&self, date: LocalDate) -> String;

    /// `January`; `1월`. `month` is 1-based; out of range gives `?`.
    fn month_name(&self, month: u32) -> &'static str;

    /// `January 2023`; `2023년 1월`: a timeline month heading.
    fn month_of_year(&self, year: i32, month: u32) -> String;

    /// `Page 3`; `3쪽`.
    fn page_number(&self, page: usize) -> String;

    /// `Saving 3 of 10…`; `10개 중 3개 저장 중…`.
    fn saving_progress(&self, done: usize, total: usize) -> String;

    /// Heading of a list filtered by year alone: `Posts from 2022`; `2022년의 글`.
    fn posts_from_year(&self, year: i32) -> String;

    /// Between tags that must all match (` + `) or any may match (` or `; ` 또는 `).
    fn tag_joiner(&self, all: bool) -> &'static str;

    /// What a fetch was for, naming a post: `the post “Title”`.
    fn the_post(&self, title: &str) -> String;

    /// What a fetch was for, naming a page: `the page “About”`.
    fn the_page(&self, title: &str) -> String;

    /// No answer at all (offline, DNS, CORS).
    fn fetch_network_error(&self, what: &str, message: &str) -> String;

    /// An answer other than 200.
    fn fetch_status_error(&self, what: &str, status: u16) -> String;

    /// An answer that is not what Folio wrote.
    fn fetch_malformed_error(&self, what: &str, message: &str) -> String;

    /// A manifest from another indexer version.
    fn manifest_version_error(&self, found: u32, expected: u32) -> String;

    /// Description of a tag's list page: `3 posts tagged #rust on Site.`
    fn tag_description(&self, count: usize, tag: &str, site: &str) -> String;

    /// Description of a year's list page: `3 posts from 2022 on Site.`
    fn year_description(&self, count: usize, year: i32, site: &str) -> String;

    /// Description of the tag index.
    fn tag_index_description(&self, count: usize, site: &str) -> String;

    /// Description of the timeline.
    fn timeline_description(&self, count: usize, site: &str) -> String;

    /// Description of the home page when the site has none of its own: `Site: 13 posts.`
    fn home_description(&self, count: usize, site: &str) -> String;

    /// Above search results: `3 posts found for “서울”`; `“서울” 검색 결과 3개`.
    fn search_result_count(&self, count: usize, query: &str) -> String;
}

#[cfg(test)]
mod tests;
