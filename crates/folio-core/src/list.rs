//! The list data on the wire: what every page needs of every post, kept
//! small, and the rest of each post's card in chunks fetched when shown.
//!
//! A list, a filter, a tag count or a year chip needs only a post's identity,
//! date and tags, so `manifest.json` carries just those for every post
//! (tags as indexes into one table, dates as `yyyymmdd` integers). Titles,
//! summaries and the body's address are what a card shows; they come in
//! chunks of [`CARDS_PER_CHUNK`] posts in list order (`list/<n>.json`), so
//! the first page of a 10,000-post blog fetches one chunk, not every card.
//!
//! The app turns the index into a [`Manifest`] whose posts carry only those
//! fields (enough for every posting list) and fills the [`Cards`] store as
//! chunks arrive; the folio command fills it with every card at once.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::browse::BrowseIndex;
use crate::model::{LocalDate, Manifest, PageMeta, PostMeta, SiteMeta, MANIFEST_VERSION};
use crate::paging::Paging;
use crate::routes::{browse_filter_of, list_page_of, Route};

/// Five pages of twenty: the first screen needs one chunk, and a timeline
/// of 10,000 posts a hundred small files rather than one large one.
pub const CARDS_PER_CHUNK: usize = 100;

/// `manifest.json`: every post's key, the tag table, and where the cards are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListIndex {
    pub version: u32,
    /// Fingerprint of this index without the chunks' and titles' hashes: of
    /// the site, the pages, the tags and every post's key. Pages are
    /// fingerprinted with it (see [`page_fingerprint`]).
    pub key: String,
    pub site: SiteMeta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageMeta>,
    /// Every tag once; posts name theirs by position in this table.
    pub tags: Vec<String>,
    /// Newest first, as the list shows them.
    pub posts: Vec<PostKey>,
    pub cards: ChunkRefs,
}

/// `["walk", 20240105, [0, 7]]`: slug, local date and tag indexes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostKey(pub String, pub u32, pub Vec<u32>);

/// How many cards a chunk holds, each chunk's content hash (its cache key),
/// and the hash of [`TITLES_FILE`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkRefs {
    pub size: usize,
    pub hashes: Vec<String>,
    pub titles: String,
}

/// Every post's title, in list order: all the timeline needs besides the
/// index, a tenth of every card.
pub const TITLES_FILE: &str = "list/titles.json";

/// What `folio build` writes: the index's JSON, and each chunk's (and the
/// titles') file and JSON.
pub struct ListFiles {
    pub index_json: String,
    /// Every card, with the hashes and key the index names: what the folio
    /// command renders pages from.
    pub cards: Cards,
    pub chunks: Vec<(String, String)>,
    /// [`TITLES_FILE`]'s JSON.
    pub titles_json: String,
}

/// Where chunk `n` lives, site-relative.
pub fn chunk_file(n: usize) -> String {
    format!("list/{n}.json")
}

/// A chunk of cards as written: its JSON and its hash (the cache key).
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkJson {
    pub json: String,
    pub hash: String,
}

/// The JSON and hash of the chunk holding `cards`.
pub fn chunk_json(cards: &[PostMeta]) -> Result<ChunkJson, serde_json::Error> {
    let json = serde_json::to_string(cards)?;
    // 8 hex digits: a cache key per chunk, not a security measure.
    let hash = crate::fingerprint::fingerprint(&json)[..8].to_owned();
    Ok(ChunkJson { json, hash })
}

/// Splits a full manifest into the index and its card chunks.
pub fn list_files(manifest: &Manifest) -> Result<ListFiles, serde_json::Error> {
    list_files_with(manifest, |_, cards| chunk_json(cards))
}

/// [`list_files`], with chunk `n`'s JSON from `chunk` (given its cards):
/// a preview keeps the chunks whose cards did not change.
pub fn list_files_with(
    manifest: &Manifest,
    mut chunk: impl FnMut(usize, &[PostMeta]) -> Result<ChunkJson, serde_json::Error>,
) -> Result<ListFiles, serde_json::Error> {
    let size = CARDS_PER_CHUNK;
    let mut chunks = Vec::new();
    let mut hashes = Vec::new();
    for (n, cards) in manifest.posts.chunks(size).enumerate() {
        let made = chunk(n, cards)?;
        hashes.push(made.hash);
        chunks.push((chunk_file(n), made.json));
    }
    let titles: Vec<&str> = manifest
        .posts
        .iter()
        .map(|post| post.title.as_str())
        .collect();
    let titles_json = serde_json::to_string(&titles)?;
    let titles_hash = crate::fingerprint::fingerprint(&titles_json)[..8].to_owned();

    let mut tags: Vec<String> = Vec::new();
    let mut tag_at: HashMap<&str, u32> = HashMap::new();
    let posts = manifest
        .posts
        .iter()
        .map(|post| {
            let tag_indexes = post
                .tags
                .iter()
                .map(|tag| {
                    *tag_at.entry(tag).or_insert_with(|| {
                        tags.push(tag.clone());
                        (tags.len() - 1) as u32
                    })
                })
                .collect();
            PostKey(post.slug.clone(), date_number(post.local_date), tag_indexes)
        })
        .collect();
    let mut index = ListIndex {
        version: MANIFEST_VERSION,
        key: String::new(),
        site: manifest.site.clone(),
        pages: manifest.pages.clone(),
        tags,
        posts,
        cards: ChunkRefs {
            size,
            hashes: Vec::new(),
            titles: String::new(),
        },
    };
    index.key = crate::fingerprint::fingerprint(&serde_json::to_string(&index)?);
    index.cards.hashes = hashes.clone();
    index.cards.titles = titles_hash.clone();
    let mut cards = Cards::complete(manifest);
    cards.hashes = hashes.into();
    cards.titles_hash = titles_hash;
    cards.index_key = index.key.clone();
    Ok(ListFiles {
        index_json: serde_json::to_string(&index)?,
        cards,
        chunks,
        titles_json,
    })
}

/// Why list data cannot be read: written by something other than this
/// version of `folio build`, or from another deploy than its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// Post `post` names tag `tag`, beyond the table.
    UnknownTag { post: usize, tag: u32 },
    /// Post `post` has a date that is not `yyyymmdd`.
    BadDate { post: usize, date: u32 },
    /// A chunk size of 0, or a chunk count that does not fit the posts.
    BadChunks,
    /// Chunk `chunk` does not hold the posts the index lists there.
    StaleChunk { chunk: usize },
    /// The titles file does not have one title per post.
    StaleTitles,
    /// `file` is missing or not list data.
    Unreadable { file: String, message: String },
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::UnknownTag { post, tag } => {
                write!(f, "post {post} names tag {tag}, which the tag table lacks")
            }
            ListError::BadDate { post, date } => {
                write!(f, "post {post} has date {date}, not yyyymmdd")
            }
            ListError::BadChunks => write!(f, "the chunks do not fit the posts"),
            ListError::StaleChunk { chunk } => {
                write!(f, "chunk {chunk} does not hold the posts the list names")
            }
            ListError::StaleTitles => write!(f, "the titles do not match the posts the list names"),
            ListError::Unreadable { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for ListError {}

impl ListIndex {
    /// The manifest the app browses with (posts carry slug, date and tags;
    /// their cards come from [`Cards`]) and an empty card store.
    pub fn into_parts(self) -> Result<(Manifest, Cards), ListError> {
        let ListIndex {
            version,
            key,
            site,
            pages,
            tags,
            posts,
            cards,
        } = self;
        if cards.size == 0 || cards.hashes.len() != posts.len().div_ceil(cards.size) {
            return Err(ListError::BadChunks);
        }
        let posts = posts
            .into_iter()
            .enumerate()
            .map(|(at, PostKey(slug, date, tag_indexes))| {
                let local_date = local_date(date).ok_or(ListError::BadDate { post: at, date })?;
                let tags = tag_indexes
                    .into_iter()
                    .map(|tag| {
                        tags.get(tag as usize)
                            .cloned()
                            .ok_or(ListError::UnknownTag { post: at, tag })
                    })
                    .collect::<Result<_, _>>()?;
                Ok(PostMeta::keyed(slug, local_date, tags))
            })
            .collect::<Result<Vec<_>, ListError>>()?;
        let store = Cards {
            size: cards.size,
            hashes: cards.hashes.into(),
            chunks: HashMap::new(),
            titles_hash: cards.titles,
            titles: None,
            index_key: key,
        };
        Ok((
            Manifest {
                version,
                site,
                posts,
                pages,
            },
            store,
        ))
    }
}

/// The posts whose cards the page at `route` (with `query`) shows: a
/// list's page, or a post with its neighbours and related posts. The app
/// fetches their chunks before it draws the page. (The timeline names every
/// post, by title only: it needs [`TITLES_FILE`] instead, see [`needs_titles`].)
pub fn cards_shown(
    manifest: &Manifest,
    index: &BrowseIndex,
    route: &Route,
    query: &str,
) -> Vec<usize> {
    match route {
        route if route.is_list() => {
            let matching = index.matching(&browse_filter_of(route, query));
            let page = list_page_of(route, query);
            Paging::of(matching.len(), manifest.site.page_size, page)
                .map(|paging| matching.slice(paging.items))
                .unwrap_or_default()
        }
        Route::Post(slug) => match index.position(slug) {
            Some(at) => post_neighbourhood(manifest, index, at).positions(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// What a page was rendered from, as one fingerprint: the list index's key
/// (site, pages, tags, every post's key), the titles' hash when the page
/// shows every title, and the fingerprint of each card it shows, from
/// `card` ([`PostMeta::fingerprint`]). `folio build` writes it into the page
/// and the app adopts the page only when its own data gives the same, so a
/// page stays adoptable (and unchanged) across deploys that change other
/// posts, and a preview rebuilds only the pages whose data changed.
pub fn page_fingerprint(
    index_key: &str,
    titles_hash: Option<&str>,
    shown: &[usize],
    card: impl Fn(usize) -> Option<u64>,
) -> Option<String> {
    let mut hash = crate::fingerprint::Fnv::new()
        .field(index_key)
        .field(titles_hash.unwrap_or(""));
    for &at in shown {
        hash = hash.number(card(at)?);
    }
    Some(hash.hex())
}

/// Whether the page at `route` shows every post's title: the timeline.
pub fn needs_titles(route: &Route) -> bool {
    matches!(route, Route::Timeline)
}

/// A post and the posts its page names beside it, by position: worked out
/// once for both the cards to fetch and the page that shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub at: usize,
    pub newer: Option<usize>,
    pub older: Option<usize>,
    pub related: Vec<usize>,
}

impl Neighbourhood {
    /// Every position the page shows a card of, the post's own first.
    pub fn positions(&self) -> Vec<usize> {
        let mut shown = vec![self.at];
        shown.extend(self.newer);
        shown.extend(self.older);
        shown.extend(&self.related);
        shown
    }
}

/// A post, the newer and older ones beside it, and its related posts.
pub fn post_neighbourhood(manifest: &Manifest, index: &BrowseIndex, at: usize) -> Neighbourhood {
    Neighbourhood {
        at,
        newer: at.checked_sub(1),
        older: (at + 1 < manifest.posts.len()).then_some(at + 1),
        related: index.related(&manifest.posts, at, RELATED_POSTS),
    }
}

/// Related posts a post's page lists.
pub const RELATED_POSTS: usize = 3;

/// The full manifest back from list data, `read(file)` giving the text of
/// `manifest.json` and of each chunk: for tools and tests that read a built site.
pub fn read_list(read: impl Fn(&str) -> Option<String>) -> Result<Manifest, ListError> {
    let parse_error = |file: &str, message: String| ListError::Unreadable {
        file: file.to_owned(),
        message,
    };
    let text = |file: &str| read(file).ok_or_else(|| parse_error(file, "missing".into()));
    let index: ListIndex = serde_json::from_str(&text("manifest.json")?)
        .map_err(|err| parse_error("manifest.json", err.to_string()))?;
    let (mut manifest, mut cards) = index.into_parts()?;
    for n in cards.missing(&(0..manifest.posts.len()).collect::<Vec<_>>()) {
        let file = chunk_file(n);
        let chunk = serde_json::from_str(&text(&file)?)
            .map_err(|err| parse_error(&file, err.to_string()))?;
        cards.insert(&manifest, n, chunk)?;
    }
    for (at, post) in manifest.posts.iter_mut().enumerate() {
        if let Some(card) = cards.get(at) {
            *post = card.clone();
        }
    }
    Ok(manifest)
}

fn date_number(date: LocalDate) -> u32 {
    (date.year.max(0) as u32) * 10_000 + date.month * 100 + date.day
}

fn local_date(number: u32) -> Option<LocalDate> {
    let date = LocalDate {
        year: (number / 10_000) as i32,
        month: number / 100 % 100,
        day: number % 100,
    };
    ((1..=12).contains(&date.month) && (1..=31).contains(&date.day)).then_some(date)
}

/// The cards at hand: every one in the folio command, those of the chunks
/// fetched so far in the browser.
///
/// Cheap to clone, as the folio command gives every page it renders the
/// same cards: the chunks are shared, and so are their hashes, which never
/// change. (The map of chunks itself is copied: sharing it would need
/// copy-on-write code in the WASM for a map of a few hundred pointers.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cards {
    size: usize,
    hashes: Arc<[String]>,
    chunks: HashMap<usize, Arc<Vec<PostMeta>>>,
    titles_hash: String,
    titles: Option<Arc<Vec<String>>>,
    index_key: String,
}

impl Cards {
    /// Every card of a full manifest, in the chunks the site is written in
    /// ([`list_files`] adds their hashes and the index's key).
    fn complete(manifest: &Manifest) -> Cards {
        let size = CARDS_PER_CHUNK;
        let chunks: HashMap<usize, Arc<Vec<PostMeta>>> = manifest
            .posts
            .chunks(size)
            .map(|chunk| Arc::new(chunk.to_vec()))
            .enumerate()
            .collect();
        Cards {
            size,
            hashes: vec![String::new(); chunks.len()].into(),
            chunks,
            titles_hash: String::new(),
            titles: Some(Arc::new(
                manifest
                    .posts
                    .iter()
                    .map(|post| post.title.clone())
                    .collect(),
            )),
            index_key: String::new(),
        }
    }

    /// The chunk that holds the card of the post at `at`.
    pub fn chunk_of(&self, at: usize) -> usize {
        at / self.size.max(1)
    }

    /// Site-relative URL of chunk `n`, its hash as the cache key.
    pub fn chunk_url(&self, n: usize) -> Option<String> {
        let hash = self.hashes.get(n)?;
        Some(format!("{}?v={hash}", chunk_file(n)))
    }

    /// The chunks still to fetch before the posts at `positions` can show,
    /// in order, once each.
    pub fn missing(&self, positions: &[usize]) -> Vec<usize> {
        let mut missing: Vec<usize> = positions
            .iter()
            .map(|&at| self.chunk_of(at))
            .filter(|n| *n < self.hashes.len() && !self.chunks.contains_key(n))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Keeps chunk `n`, once it is known to hold what `manifest` lists there.
    pub fn insert(
        &mut self,
        manifest: &Manifest,
        n: usize,
        chunk: Vec<PostMeta>,
    ) -> Result<(), ListError> {
        let start = n * self.size;
        let expected = manifest
            .posts
            .get(start..(start + self.size).min(manifest.posts.len()))
            .ok_or(ListError::StaleChunk { chunk: n })?;
        let same = expected.len() == chunk.len()
            && expected
                .iter()
                .zip(&chunk)
                .all(|(key, card)| key.slug == card.slug);
        if !same {
            return Err(ListError::StaleChunk { chunk: n });
        }
        self.chunks.insert(n, Arc::new(chunk));
        Ok(())
    }

    /// The card of the post at `at`, when its chunk is here.
    pub fn get(&self, at: usize) -> Option<&PostMeta> {
        self.chunks
            .get(&self.chunk_of(at))?
            .get(at % self.size.max(1))
    }

    /// The cards of the posts at `positions`, once every one is here.
    pub fn posts_at(&self, positions: &[usize]) -> Option<Vec<PostMeta>> {
        positions.iter().map(|&at| self.get(at).cloned()).collect()
    }

    /// Site-relative URL of every post's title, its hash as the cache key.
    pub fn titles_url(&self) -> String {
        format!("{TITLES_FILE}?v={}", self.titles_hash)
    }

    /// Keeps every post's title, once there is one for each post of `manifest`.
    pub fn insert_titles(
        &mut self,
        manifest: &Manifest,
        titles: Vec<String>,
    ) -> Result<(), ListError> {
        if titles.len() != manifest.posts.len() {
            return Err(ListError::StaleTitles);
        }
        self.titles = Some(Arc::new(titles));
        Ok(())
    }

    /// Every post's title in list order, once fetched (or from a card).
    pub fn titles(&self) -> Option<Arc<Vec<String>>> {
        self.titles.clone()
    }

    /// What the page at `route` shows, as one fingerprint; `None` until every
    /// card it shows is here. See [`page_fingerprint`].
    pub fn page_fingerprint(
        &self,
        manifest: &Manifest,
        index: &BrowseIndex,
        route: &Route,
    ) -> Option<String> {
        page_fingerprint(
            &self.index_key,
            needs_titles(route).then_some(self.titles_hash.as_str()),
            &cards_shown(manifest, index, route, ""),
            |at| self.get(at).map(PostMeta::fingerprint),
        )
    }

    /// The list index's key, the part of every page's fingerprint that
    /// stands for the site, the pages, the tags and every post's key: a
    /// preview keeps what it worked out from those while the key is the same.
    pub fn index_key(&self) -> &str {
        &self.index_key
    }

    /// The hash of [`TITLES_FILE`], part of the fingerprint of a page that
    /// [`needs_titles`].
    pub fn titles_hash(&self) -> &str {
        &self.titles_hash
    }

    /// Whether every card at `positions` is here.
    pub fn has_all(&self, positions: &[usize]) -> bool {
        positions.iter().all(|&at| self.get(at).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::sample;

    fn manifest(count: usize) -> Manifest {
        let posts = (0..count)
            .map(|n| {
                let mut post = sample(&format!("post-{n}"), &format!("content/{n}.md"));
                post.title = format!("제목 {n}");
                post.summary = format!("summary {n}");
                post.tags = match n % 3 {
                    0 => vec!["러스트".into(), "web".into()],
                    1 => vec!["web".into()],
                    _ => vec![],
                };
                post.local_date = LocalDate {
                    year: 2000 + n as i32 % 20,
                    month: 1 + n as u32 % 12,
                    day: 1 + n as u32 % 28,
                };
                post
            })
            .collect();
        Manifest {
            version: MANIFEST_VERSION,
            site: crate::model::tests::site(),
            posts,
            pages: vec![],
        }
    }

    fn read(files: &ListFiles) -> (Manifest, Cards) {
        let index: ListIndex = serde_json::from_str(&files.index_json).expect("index parses");
        index.into_parts().expect("index reads")
    }

    #[test]
    fn the_index_keeps_what_browsing_needs_and_chunks_the_rest() {
        let full = manifest(250);
        let files = list_files(&full).expect("writes");
        assert_eq!(
            files
                .chunks
                .iter()
                .map(|(file, _)| file.as_str())
                .collect::<Vec<_>>(),
            ["list/0.json", "list/1.json", "list/2.json"]
        );
        assert!(!files.index_json.contains("summary 1"));
        assert!(files.index_json.contains(r#"["post-0",20000101,[0,1]]"#));
        let (keys, mut cards) = read(&files);
        for (key, post) in keys.posts.iter().zip(&full.posts) {
            assert_eq!(
                (&key.slug, key.local_date, &key.tags),
                (&post.slug, post.local_date, &post.tags)
            );
            assert!(key.title.is_empty());
        }
        assert_eq!(cards.missing(&[0, 19, 105, 249]), [0, 1, 2]);
        for (n, (_, json)) in files.chunks.iter().enumerate() {
            let chunk: Vec<PostMeta> = serde_json::from_str(json).expect("chunk parses");
            cards.insert(&keys, n, chunk).expect("chunk fits");
        }
        let all: Vec<usize> = (0..250).collect();
        let chunk_text = |file: &str| {
            files
                .chunks
                .iter()
                .find(|(name, _)| name == file)
                .map(|(_, json)| json.clone())
        };
        let back = read_list(|file| match file {
            "manifest.json" => Some(files.index_json.clone()),
            file => chunk_text(file),
        });
        assert_eq!(back.map(|m| m.posts), Ok(full.posts.clone()));
        assert_eq!(cards.posts_at(&all).expect("all here"), full.posts);
        assert_eq!(cards.titles(), None);
        let titles: Vec<String> = serde_json::from_str(&files.titles_json).expect("titles parse");
        assert_eq!(
            cards.insert_titles(&keys, titles[1..].to_vec()),
            Err(ListError::StaleTitles)
        );
        cards
            .insert_titles(&keys, titles.clone())
            .expect("one title a post");
        assert!(cards.titles_url().starts_with("list/titles.json?v="));
        let complete = files.cards.clone();
        assert_eq!(complete.titles().as_deref(), Some(&titles));
        assert_eq!(complete.posts_at(&all), Some(full.posts));
    }

    #[test]
    fn a_page_fingerprint_changes_with_what_the_page_shows_only() {
        let mut full = manifest(250);
        let fingerprints = |full: &Manifest| {
            let files = list_files(full).expect("writes");
            let (keys, mut cards) = read(&files);
            let index = BrowseIndex::new(&keys.posts);
            for (n, (_, json)) in files.chunks.iter().enumerate() {
                let chunk: Vec<PostMeta> = serde_json::from_str(json).expect("parses");
                cards.insert(&keys, n, chunk).expect("fits");
            }
            let titles = serde_json::from_str(&files.titles_json).expect("titles parse");
            cards.insert_titles(&keys, titles).expect("fit");
            let routes = [
                Route::Home,
                Route::Paged(Box::new(Route::Home), 6),
                Route::Post("post-200".into()),
                Route::Timeline,
            ];
            let from_app: Vec<Option<String>> = routes
                .iter()
                .map(|route| cards.page_fingerprint(&keys, &index, route))
                .collect();
            // The folio command's cards give the same, from the full manifest.
            let full_index = BrowseIndex::new(&full.posts);
            for (route, app) in routes.iter().zip(&from_app) {
                assert_eq!(&files.cards.page_fingerprint(full, &full_index, route), app);
            }
            from_app
        };
        let before = fingerprints(&full);
        assert!(before.iter().all(Option::is_some));
        // A post on the sixth page changes its summary: that page changes.
        full.posts[110].summary = "새 요약".into();
        let after = fingerprints(&full);
        assert_eq!(before[0], after[0], "the first page does not show it");
        assert_ne!(before[1], after[1]);
        assert_eq!(before[2], after[2]);
        assert_eq!(before[3], after[3], "the timeline shows titles only");
        // A title shows on the timeline too; a new tag changes every page.
        full.posts[110].title = "새 제목".into();
        assert_ne!(fingerprints(&full)[3], after[3]);
        full.posts[0].tags.push("새 태그".into());
        let tagged = fingerprints(&full);
        assert!(tagged.iter().zip(&after).all(|(a, b)| a != b));
    }

    #[test]
    fn chunk_urls_change_with_their_cards() {
        let mut full = manifest(150);
        let before = read(&list_files(&full).expect("writes")).1;
        full.posts[120].summary = "고친 요약".into();
        let after = read(&list_files(&full).expect("writes")).1;
        assert_eq!(before.chunk_url(0), after.chunk_url(0));
        assert_ne!(before.chunk_url(1), after.chunk_url(1));
        assert!(after
            .chunk_url(1)
            .is_some_and(|url| url.starts_with("list/1.json?v=")));
        assert_eq!(after.chunk_url(2), None);
    }

    #[test]
    fn a_chunk_of_another_deploy_is_refused() {
        let files = list_files(&manifest(150)).expect("writes");
        let (keys, mut cards) = read(&files);
        let mut chunk: Vec<PostMeta> = serde_json::from_str(&files.chunks[1].1).expect("parses");
        assert_eq!(
            cards.insert(&keys, 0, chunk.clone()),
            Err(ListError::StaleChunk { chunk: 0 })
        );
        chunk[3].slug = "renamed".into();
        assert_eq!(
            cards.insert(&keys, 1, chunk),
            Err(ListError::StaleChunk { chunk: 1 })
        );
        assert_eq!(cards.get(100), None);
    }

    #[test]
    fn a_page_needs_the_cards_it_names() {
        let full = manifest(250);
        let (keys, _) = read(&list_files(&full).expect("writes"));
        let index = BrowseIndex::new(&keys.posts);
        let shown = |route: Route, query: &str| cards_shown(&keys, &index, &route, query);
        assert_eq!(shown(Route::Home, ""), (0..20).collect::<Vec<_>>());
        assert_eq!(
            shown(Route::Paged(Box::new(Route::Home), 13), ""),
            (240..250).collect::<Vec<_>>()
        );
        assert_eq!(
            shown(Route::Paged(Box::new(Route::Home), 14), ""),
            Vec::<usize>::new()
        );
        let tagged = shown(Route::Tag("러스트".into()), "page=2");
        assert_eq!(tagged.len(), 20);
        assert!(tagged.iter().all(|&at| at % 3 == 0) && tagged[0] == 60);
        let post = shown(Route::Post("post-120".into()), "");
        assert_eq!(&post[..3], [120, 119, 121]);
        assert_eq!(post.len(), 3 + RELATED_POSTS);
        assert!(post[3..].iter().all(|&at| at % 3 == 0 && at != 120));
        assert_eq!(shown(Route::Post("post-0".into()), "")[..2], [0, 1]);
        let last = post_neighbourhood(&keys, &index, 249);
        assert_eq!((last.newer, last.older), (Some(248), None));
        assert!(shown(Route::Timeline, "").is_empty() && needs_titles(&Route::Timeline));
        assert!(shown(Route::TagIndex, "").is_empty());
        assert!(shown(Route::Post("missing".into()), "").is_empty());
    }

    #[test]
    fn a_broken_index_is_refused_with_its_reason() {
        let files = list_files(&manifest(3)).expect("writes");
        let mut index: ListIndex = serde_json::from_str(&files.index_json).expect("parses");
        index.posts[1].2.push(9);
        assert_eq!(
            index.clone().into_parts().err(),
            Some(ListError::UnknownTag { post: 1, tag: 9 })
        );
        index.posts[1].2.pop();
        index.posts[2].1 = 20241301;
        assert_eq!(
            index.clone().into_parts().err(),
            Some(ListError::BadDate {
                post: 2,
                date: 20241301
            })
        );
        index.posts[2].1 = 20241231;
        index.cards.hashes.push("extra".into());
        assert_eq!(index.into_parts().err(), Some(ListError::BadChunks));
    }
}
