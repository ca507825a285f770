//! The content model: the manifest the indexer writes and the app reads.

use serde::{Deserialize, Serialize};

use crate::i18n::{messages, Lang};

/// Bumped whenever a field changes meaning or disappears, so an app never
/// misreads a manifest written by an incompatible indexer.
/// Version 2: outlines and images moved from the manifest to each post's body data.
/// Version 3: `manifest.json` is the compact [`crate::list::ListIndex`];
/// cards come in chunks.
pub const MANIFEST_VERSION: u32 = 3;

/// Every post and page of the site: what the indexer builds and prerenders
/// from. On the wire it is split into [`crate::list::ListIndex`] and card
/// chunks; the app browses with the index's posts and fills in cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub site: SiteMeta,
    /// Newest first; the app relies on this order and never re-sorts.
    pub posts: Vec<PostMeta>,
    /// Standalone pages ("about", "contact"): linked from every page of the
    /// site, never listed with the posts, in the timeline or in feeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageMeta>,
}

/// Site-wide settings, from the content folder's `folio.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteMeta {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Path prefix the site is served under, always with leading and trailing `/`.
    pub base_path: String,
    /// BCP 47 language of the site, e.g. `ko` or `en`.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// IANA zone used for dates written without an offset, e.g. `Asia/Seoul`.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Absolute site URL (scheme and host), when known; used for canonical links and feeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Posts on one page of a list (home, a tag, a year); at least 1.
    #[serde(default = "default_page_size")]
    pub page_size: usize,
}

/// Twenty cards fill a few screens and keep a list page small at any blog size.
pub const DEFAULT_PAGE_SIZE: usize = 20;

fn default_page_size() -> usize {
    DEFAULT_PAGE_SIZE
}

impl SiteMeta {
    /// The interface language of the site's pages (English for a language
    /// without a catalogue).
    pub fn interface_lang(&self) -> Lang {
        Lang::from_tag(&self.lang)
    }
}

fn default_lang() -> String {
    "en".to_owned()
}

fn default_time_zone() -> String {
    "UTC".to_owned()
}

/// One post, as indexed. Every derived field is computed once, by the indexer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostMeta {
    /// URL-safe identity of the post; may contain Hangul (percent-encoded in URLs).
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// RFC 3339 with offset, as the author meant it.
    pub date: String,
    /// The calendar date in the post's own offset: what the timeline groups by,
    /// so a post at 00:30 on 1 January in Seoul belongs to the new year.
    pub local_date: LocalDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub summary: String,
    pub reading_minutes: u32,
    #[serde(default)]
    pub word_count: u32,
    #[serde(default)]
    pub char_count: u32,
    /// Site-relative path of the post's Markdown body, e.g. `content/2023/trip/index.md`.
    pub source: String,
    /// Hash of the served body; part of its URL so caches never serve a stale post.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Site-relative path or absolute URL of the cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// Old site-relative paths this post was published under (kept when importing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Front matter fields Folio does not know, kept rather than dropped.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl PostMeta {
    /// A post known by what browsing needs (slug, date, tags) until its card
    /// arrives: what the app's manifest holds for every post.
    pub fn keyed(slug: String, local_date: LocalDate, tags: Vec<String>) -> PostMeta {
        PostMeta {
            slug,
            title: String::new(),
            subtitle: None,
            date: String::new(),
            local_date,
            updated: None,
            tags,
            summary: String::new(),
            reading_minutes: 0,
            word_count: 0,
            char_count: 0,
            source: String::new(),
            hash: String::new(),
            author: None,
            lang: None,
            cover: None,
            aliases: vec![],
            extra: Default::default(),
        }
    }

    /// A fingerprint of everything a page can show of the post (all but the
    /// unknown front matter in `extra`, which no page shows); the body by its
    /// hash. Part of [`crate::list::page_fingerprint`].
    pub fn fingerprint(&self) -> u64 {
        fn optional(value: &Option<String>) -> &str {
            value.as_deref().unwrap_or("\u{1}")
        }
        let mut hash = crate::fingerprint::Fnv::new()
            .field(&self.slug)
            .field(&self.title)
            .field(optional(&self.subtitle))
            .field(&self.date)
            .field(&self.local_date.iso())
            .field(optional(&self.updated))
            .field(&self.summary)
            .number(u64::from(self.reading_minutes))
            .number(u64::from(self.word_count))
            .number(u64::from(self.char_count))
            .field(&self.source)
            .field(&self.hash)
            .field(optional(&self.author))
            .field(optional(&self.lang))
            .field(optional(&self.cover));
        for tag in &self.tags {
            hash = hash.text("#").field(tag);
        }
        for alias in &self.aliases {
            hash = hash.text("@").field(alias);
        }
        hash.finish()
    }

    /// `3 min read`: the reading time in English. Pages in another language
    /// use [`PostMeta::reading_time_in`].
    pub fn reading_time_label(&self) -> String {
        self.reading_time_in(Lang::En)
    }

    /// `3 min read`, `3분`: the reading time in the page's language, as cards,
    /// posts and prerendered pages all show it.
    pub fn reading_time_in(&self, lang: Lang) -> String {
        messages(lang).reading_time(self.reading_minutes)
    }

    /// The language the post is written in: its own `lang` when set (the
    /// author's, or detected by the indexer), else the site's. Falls back to
    /// English for a language without a catalogue.
    pub fn lang_in(&self, site: &SiteMeta) -> Lang {
        Lang::from_tag(self.lang.as_deref().unwrap_or(&site.lang))
    }

    /// Site-relative folder of the post's source, where page-bundle images live.
    pub fn source_dir(&self) -> &str {
        self.source.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// A standalone page, as indexed: what a post has, minus the date and the
/// browsing fields (tags, reading time) a page never shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageMeta {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// Site-relative path of the page's Markdown body.
    pub source: String,
    pub hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl PageMeta {
    /// Site-relative folder of the page's source, where its images live.
    pub fn source_dir(&self) -> &str {
        self.source.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// What a post's (or page's) own page needs beyond the list: its body as
/// HTML, its outline and its images. Its prerendered page carries it
/// ([`crate::page_body`]); the app fetches that only when the post is opened
/// or saved, so the list data every page loads stays small.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub html: String,
    /// Headings in order, with the ids the HTML carries: the table of contents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<Heading>,
    /// Images as written in the post, which saving for offline fetches too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<String>,
}

/// A calendar date without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl LocalDate {
    /// `2024-01-05`, for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `January 5, 2024`, `2024년 1월 5일`: the date as readers see it, the same
    /// in the prerendered page and in the app (no browser locale involved).
    pub fn long(&self, lang: Lang) -> String {
        messages(lang).long_date(*self)
    }
}

/// A heading of a post, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_bundled_post_lives_in_its_folder() {
        let post = sample("a", "content/2023/trip/index.md");
        assert_eq!(post.source_dir(), "content/2023/trip");
    }

    #[test]
    fn reading_time_and_dates_follow_the_language() {
        let mut post = sample("a", "content/a.md");
        post.reading_minutes = 9;
        assert_eq!(post.reading_time_label(), "9 min read");
        assert_eq!(post.reading_time_in(Lang::Ko), "9분");
        assert_eq!(post.local_date.long(Lang::Ko), "2023년 1월 6일");
        assert_eq!(post.local_date.long(Lang::En), "January 6, 2023");
        assert_eq!(post.local_date.iso(), "2023-01-06");
    }

    #[test]
    fn a_post_speaks_its_own_language_or_the_sites() {
        let mut site = SiteMeta {
            title: "T".into(),
            description: String::new(),
            base_path: "/".into(),
            lang: "ko-KR".into(),
            time_zone: "UTC".into(),
            url: None,
            page_size: DEFAULT_PAGE_SIZE,
        };
        let mut post = sample("a", "content/a.md");
        assert_eq!(post.lang_in(&site), Lang::Ko);
        post.lang = Some("en".into());
        assert_eq!(post.lang_in(&site), Lang::En);
        site.lang = "fr".into();
        assert_eq!(site.interface_lang(), Lang::En);
    }

    #[test]
    fn manifest_round_trips_through_json() {
        let manifest = Manifest {
            version: MANIFEST_VERSION,
            site: site(),
            posts: vec![sample("회고", "content/a.md")],
            pages: vec![],
        };
        let json = serde_json::to_string(&manifest).expect("serializes");
        let back: Manifest = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, manifest);
    }

    pub(crate) fn site() -> SiteMeta {
        SiteMeta {
            title: "T".into(),
            description: String::new(),
            base_path: "/".into(),
            lang: "ko".into(),
            time_zone: "Asia/Seoul".into(),
            url: None,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }

    pub(crate) fn sample(slug: &str, source: &str) -> PostMeta {
        PostMeta {
            slug: slug.into(),
            title: slug.into(),
            subtitle: None,
            date: "2023-01-06T10:16:00+09:00".into(),
            local_date: LocalDate {
                year: 2023,
                month: 1,
                day: 6,
            },
            updated: None,
            tags: vec![],
            summary: String::new(),
            reading_minutes: 1,
            word_count: 0,
            char_count: 0,
            source: source.into(),
            hash: "abc".into(),
            author: None,
            lang: None,
            cover: None,
            aliases: vec![],
            extra: Default::default(),
        }
    }
}
