//! What every generated file is made from, and the one place URLs are built,
//! so pages, feeds, the sitemap and redirects all point at the same addresses.

use std::collections::HashMap;
use std::sync::Arc;

use folio_app::RenderedParts;
use folio_core::browse::BrowseIndex;
use folio_core::list::Cards;
use folio_core::markdown::{render_markdown, RenderOptions, RenderedPost};
use folio_core::routes::{encode_component, Route};
use folio_core::{Body, Manifest, PageMeta, PostMeta, SiteMeta};

use crate::content::{IndexedPage, IndexedPost};

/// What lists are drawn from, worked out before the context so that a
/// preview can keep parts of it between builds.
pub struct ListData {
    /// The posting lists of the manifest's posts.
    pub browse: Arc<BrowseIndex>,
    /// Every post's card.
    pub cards: Cards,
    /// Each post's `PostMeta::fingerprint`, by position.
    pub card_fingerprints: Vec<u64>,
}

pub struct SiteContext<'a> {
    pub manifest: &'a Manifest,
    /// The same manifest, shared with the app's components for every route.
    pub app_manifest: Arc<Manifest>,
    /// Its posting lists, built once for every list page and head.
    pub browse: Arc<BrowseIndex>,
    /// Every post's card, chunked once for the app's components.
    pub cards: Cards,
    /// Each post's `PostMeta::fingerprint`, by position: every page's
    /// fingerprint is made of those of the cards it shows.
    card_fingerprints: Vec<u64>,
    /// Where post bodies and their images are served from: the base path, or
    /// an absolute `content_url` on another origin.
    pub content_base: &'a str,
    /// Each post's and page's normalised Markdown body, by source path.
    bodies: HashMap<&'a str, &'a str>,
    /// The images each body refers to, by source path.
    images: HashMap<&'a str, &'a [String]>,
    pages_by_slug: HashMap<&'a str, &'a PageMeta>,
    /// Posts by slug: every page looks its post up, and sites may have thousands.
    by_slug: HashMap<&'a str, &'a PostMeta>,
    /// Feeds carry whole posts, not only summaries (`feed_full_content`).
    pub feed_full_content: bool,
    /// Cards, header and footer rendered for one page, reused on the others.
    pub rendered_parts: Arc<RenderedParts>,
}

impl<'a> SiteContext<'a> {
    pub fn new(
        manifest: &'a Arc<Manifest>,
        list: ListData,
        posts: &'a [IndexedPost],
        pages: &'a [IndexedPage],
        content_base: &'a str,
        feed_full_content: bool,
    ) -> SiteContext<'a> {
        let bodies = posts
            .iter()
            .map(|post| (post.meta.source.as_str(), &*post.body))
            .chain(
                pages
                    .iter()
                    .map(|page| (page.meta.source.as_str(), &*page.body)),
            )
            .collect();
        let images = posts
            .iter()
            .map(|post| (post.meta.source.as_str(), post.images.as_slice()))
            .chain(
                pages
                    .iter()
                    .map(|page| (page.meta.source.as_str(), page.images.as_slice())),
            )
            .collect();
        let pages_by_slug = manifest
            .pages
            .iter()
            .map(|page| (page.slug.as_str(), page))
            .collect();
        let by_slug = manifest
            .posts
            .iter()
            .map(|post| (post.slug.as_str(), post))
            .collect();
        SiteContext {
            rendered_parts: Arc::default(),
            manifest,
            app_manifest: Arc::clone(manifest),
            browse: list.browse,
            cards: list.cards,
            card_fingerprints: list.card_fingerprints,
            content_base,
            bodies,
            images,
            pages_by_slug,
            by_slug,
            feed_full_content,
        }
    }

    /// The posts whose cards the page at `route` shows (`list::cards_shown`):
    /// the costly part of its fingerprint, which depends only on the list
    /// index ([`Cards::index_key`]), so a preview keeps it while that stays.
    pub fn cards_shown(&self, route: &Route) -> Vec<usize> {
        folio_core::list::cards_shown(self.manifest, &self.browse, route, "")
    }

    /// What the page at `route`, showing the cards at `shown`, is rendered
    /// from, as the app checks it before adopting the page
    /// (`folio_core::list::page_fingerprint`).
    pub fn fingerprint_of_shown(&self, route: &Route, shown: &[usize]) -> String {
        folio_core::list::page_fingerprint(
            self.cards.index_key(),
            folio_core::list::needs_titles(route).then_some(self.cards.titles_hash()),
            shown,
            |at| self.card_fingerprints.get(at).copied(),
        )
        .unwrap_or_default()
    }

    /// Each post's `PostMeta::fingerprint`, by position.
    pub fn card_fingerprints(&self) -> &[u64] {
        &self.card_fingerprints
    }

    /// How many posts a list route shows over all its pages.
    pub fn list_len(&self, route: &Route) -> usize {
        self.browse
            .matching(&folio_core::routes::browse_filter_of(route, ""))
            .len()
    }

    pub fn site(&self) -> &'a SiteMeta {
        &self.manifest.site
    }

    pub fn base(&self) -> &'a str {
        &self.manifest.site.base_path
    }

    pub fn post(&self, slug: &str) -> Option<&'a PostMeta> {
        self.by_slug.get(slug).copied()
    }

    pub fn page(&self, slug: &str) -> Option<&'a PageMeta> {
        self.pages_by_slug.get(slug).copied()
    }

    /// The body data of the post or page whose Markdown is at `source`, as
    /// the app fetches it (`<source>.json`): its HTML (same pipeline, same
    /// folder href as the app's, for the images beside it), outline and images.
    pub fn body_of(&self, source: &str) -> Body {
        let dir = source.rsplit_once('/').map_or("", |(dir, _)| dir);
        let dir_href = format!("{}{dir}/", self.content_base);
        self.body(source, &dir_href)
    }

    fn body(&self, source: &str, dir_href: &str) -> Body {
        let rendered = self.render(source, dir_href);
        Body {
            html: rendered.html,
            outline: rendered.outline,
            images: self
                .images
                .get(source)
                .map_or_else(Vec::new, |images| images.to_vec()),
        }
    }

    /// The post's body as HTML with links and images resolved to absolute URLs
    /// when the site URL is known, since feed readers show it far from the site.
    pub fn post_html_for_feed(&self, post: &PostMeta) -> String {
        let dir_href = self.absolute(&format!("{}{}/", self.content_base, post.source_dir()));
        self.render(&post.source, &dir_href).html
    }

    fn render(&self, source: &str, dir_href: &str) -> RenderedPost {
        let markdown = self.bodies.get(source).copied().unwrap_or("");
        render_markdown(
            markdown,
            &RenderOptions {
                post_dir_href: dir_href,
                lang: self.site().interface_lang(),
            },
        )
    }

    /// `href` (an absolute path) made a full URL when the site's URL is known;
    /// otherwise left as it is, which browsers and feed readers resolve against
    /// the page or feed they found it in.
    pub fn absolute(&self, href: &str) -> String {
        match &self.site().url {
            Some(url) if href.starts_with('/') => format!("{url}{href}"),
            _ => href.to_owned(),
        }
    }

    /// Canonical address of a route: absolute when the site URL is known.
    pub fn route_url(&self, route: &Route) -> String {
        self.absolute(&route.href(self.base()))
    }

    /// Href of a cover image as the app builds it: URLs as they are, site
    /// paths under the content base. Each path segment is percent-encoded.
    pub fn cover_href(&self, cover: &str) -> String {
        if cover.contains("://") {
            return cover.to_owned();
        }
        let encoded: Vec<String> = cover.split('/').map(encode_component).collect();
        format!("{}{}", self.content_base, encoded.join("/"))
    }

    pub fn cover_url(&self, cover: &str) -> String {
        self.absolute(&self.cover_href(cover))
    }
}

/// A feed's two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    Atom,
    Rss,
}

impl FeedKind {
    pub const ALL: [FeedKind; 2] = [FeedKind::Atom, FeedKind::Rss];

    pub fn file_name(self) -> &'static str {
        match self {
            FeedKind::Atom => "feed.xml",
            FeedKind::Rss => "rss.xml",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            FeedKind::Atom => "application/atom+xml",
            FeedKind::Rss => "application/rss+xml",
        }
    }
}

/// Href of the site's feed, or of one tag's feed (beside the tag's page).
pub fn feed_href(base: &str, tag: Option<&str>, kind: FeedKind) -> String {
    let folder = match tag {
        Some(tag) => Route::Tag(tag.to_owned()).href(base),
        None => Route::Home.href(base),
    };
    format!("{folder}{}", kind.file_name())
}

/// File of the site's feed, or of one tag's feed, relative to the output folder.
pub fn feed_file(tag: Option<&str>, kind: FeedKind) -> String {
    match tag {
        Some(tag) => format!("tags/{tag}/{}", kind.file_name()),
        None => kind.file_name().to_owned(),
    }
}
