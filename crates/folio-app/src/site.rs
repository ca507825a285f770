//! Site-wide state every page reads: where the site lives, its manifest, and
//! the post body the page starts with.
//!
//! Pages get their data from here and never fetch on their own, so the same
//! components render synchronously to HTML in the folio command (which fills
//! in everything up front) and in the browser (which fills it in from
//! `crate::fetch`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

use folio_core::browse::BrowseIndex;
use folio_core::i18n::{Catalogue, Lang, Text};
use folio_core::list::Cards;
use folio_core::{Body, Manifest, PostMeta};

use crate::fetch::FetchError;

pub type ManifestResult = Result<Arc<Manifest>, FetchError>;

/// What the app starts from. The folio command gives all of it for the route
/// it prerenders; the browser reads the paths from the page and the manifest
/// from the network.
#[derive(Clone, Default)]
pub struct StartState {
    /// The base path the site is served under, `/` or `/blog/`.
    pub base: String,
    /// The address shown: `pathname` and `search` (`/blog/posts/walk/`, ``).
    pub pathname: String,
    pub search: String,
    /// Where `manifest.json` and `content/` come from: the base path, or
    /// another origin when the content lives in a bucket with CORS.
    pub content_base: String,
    /// `None` until fetched (a page without prerendered content).
    pub manifest: Option<Arc<Manifest>>,
    /// The posts' cards at hand: all of them in the folio command, those the
    /// adopted page shows in the browser.
    pub cards: Cards,
    /// Bodies by source path: what the prerendered route shows, or (while
    /// adopting) the body data of the post the page shows, for its outline.
    pub bodies: HashMap<String, Body>,
    /// The app is adopting a prerendered page: the body it shows is already in
    /// the DOM, and hydration keeps it as it is.
    pub adopting: bool,
    /// The interface language: the site's, as `<html lang>` says in the
    /// browser, so pages speak it before the manifest arrives.
    pub lang: Lang,
    /// The posting lists of `manifest`, when the folio command built them
    /// once for every page it renders.
    pub browse: Option<Arc<BrowseIndex>>,
}

/// Provided once by [`crate::app::App`]; pages take it with [`use_site`].
#[derive(Clone, Copy)]
pub struct Site {
    pub base: StoredValue<String>,
    pub content_base: StoredValue<String>,
    /// `None` while loading. Its posts carry what browsing needs (slug,
    /// date, tags); what a card shows is in `cards`.
    pub manifest: RwSignal<Option<ManifestResult>>,
    /// The cards fetched so far, by chunk.
    pub cards: RwSignal<Cards>,
    /// Why fetching a chunk of cards failed; cleared by reloading the manifest.
    pub cards_error: RwSignal<Option<FetchError>>,
    /// Chunks on their way, so two pages asking for one fetch it once.
    chunks_in_flight: StoredValue<HashSet<usize>>,
    /// The titles file is on its way, so two timelines opened quickly fetch it once.
    titles_in_flight: StoredValue<bool>,
    bodies: StoredValue<HashMap<String, Body>>,
    adopting: StoredValue<bool>,
    lang: StoredValue<Lang>,
    /// The posting lists and the manifest they were built from.
    browse: StoredValue<Option<(Arc<Manifest>, Arc<BrowseIndex>)>>,
}

impl Site {
    pub fn new(start: StartState) -> Site {
        let browse = start.manifest.clone().zip(start.browse);
        Site {
            base: StoredValue::new(start.base),
            content_base: StoredValue::new(start.content_base),
            manifest: RwSignal::new(start.manifest.map(Ok)),
            cards: RwSignal::new(start.cards),
            cards_error: RwSignal::new(None),
            chunks_in_flight: StoredValue::new(HashSet::new()),
            titles_in_flight: StoredValue::new(false),
            bodies: StoredValue::new(start.bodies),
            adopting: StoredValue::new(start.adopting),
            lang: StoredValue::new(start.lang),
            browse: StoredValue::new(browse),
        }
    }

    /// The posting lists of `manifest`, built once per manifest: a list page
    /// and every filter change reuse them.
    pub fn browse_index(&self, manifest: &Arc<Manifest>) -> Arc<BrowseIndex> {
        let cached = self.browse.with_value(|cached| match cached {
            Some((built_from, index)) if Arc::ptr_eq(built_from, manifest) => Some(index.clone()),
            _ => None,
        });
        cached.unwrap_or_else(|| {
            let index = Arc::new(BrowseIndex::new(&manifest.posts));
            self.browse
                .set_value(Some((manifest.clone(), index.clone())));
            index
        })
    }

    /// The language every interface word is in: the site's.
    pub fn lang(&self) -> Lang {
        self.lang.get_value()
    }

    /// The site language's catalogue: `site.words().post_count(3)`.
    pub fn words(&self) -> &'static dyn Catalogue {
        self.lang().messages()
    }

    /// One interface word or sentence in the site's language.
    pub fn text(&self, text: Text) -> &'static str {
        self.words().text(text)
    }

    /// The body the page starts with, if it has one: given by the folio
    /// command, or fetched before adoption. While the app adopts the page its
    /// HTML is already in the DOM, so it comes without (hydration keeps the
    /// DOM as it is); the outline still draws the table of contents.
    pub fn starting_body(&self, source: &str) -> Option<Body> {
        let body = self
            .bodies
            .with_value(|bodies| bodies.get(source).cloned())?;
        Some(match self.adopting.get_value() {
            true => Body {
                html: String::new(),
                ..body
            },
            false => body,
        })
    }

    /// The language a post is written in: its own, else the site's. Its
    /// date and reading time follow it; the interface stays the site's.
    pub fn lang_of(&self, post: &folio_core::PostMeta) -> folio_core::Lang {
        self.manifest.with_untracked(|manifest| match manifest {
            Some(Ok(manifest)) => post.lang_in(&manifest.site),
            _ => folio_core::Lang::from_tag(post.lang.as_deref().unwrap_or("en")),
        })
    }

    /// Whether the app is adopting the prerendered page right now.
    pub fn is_adopting(&self) -> bool {
        self.adopting.get_value()
    }

    /// Called once the prerendered page is adopted: from now on, bodies are fetched.
    pub fn adopted(&self) {
        self.adopting.set_value(false);
    }

    /// Fetches the manifest (again), in the browser, and starts over with
    /// its cards.
    pub fn load_manifest(&self) {
        let site = *self;
        site.manifest.set(None);
        crate::fetch::spawn(async move {
            let loaded = crate::fetch::fetch_manifest(&site.content_base.get_value()).await;
            site.cards_error.set(None);
            site.chunks_in_flight.update_value(HashSet::clear);
            site.titles_in_flight.set_value(false);
            site.manifest.set(Some(loaded.map(|(manifest, cards)| {
                site.cards.set(cards);
                Arc::new(manifest)
            })));
        });
    }

    /// The card of the post at `at`, when its chunk is here (untracked).
    pub fn card(&self, at: usize) -> Option<PostMeta> {
        self.cards.with_untracked(|cards| cards.get(at).cloned())
    }

    /// Fetches every post's title (for the timeline), unless it is here.
    pub fn ensure_titles(&self) {
        let Some(Ok(manifest)) = self.manifest.get_untracked() else {
            return;
        };
        if self.cards.with_untracked(|cards| cards.titles().is_some())
            || self.titles_in_flight.get_value()
        {
            return;
        }
        self.titles_in_flight.set_value(true);
        let site = *self;
        let url = self.cards.with_untracked(Cards::titles_url);
        crate::fetch::spawn(async move {
            let fetched = crate::fetch::fetch_titles(&site.content_base.get_value(), &url).await;
            site.titles_in_flight.set_value(false);
            site.keep(fetched, |cards, titles| {
                cards.insert_titles(&manifest, titles)
            });
        });
    }

    /// Keeps list data that arrived into the cards, or says why it could not.
    fn keep<T>(
        &self,
        fetched: Result<T, FetchError>,
        insert: impl FnOnce(&mut Cards, T) -> Result<(), folio_core::list::ListError>,
    ) {
        let kept = fetched.and_then(|data| {
            self.cards
                .try_update(|cards| insert(cards, data))
                .unwrap_or(Ok(()))
                .map_err(FetchError::list)
        });
        if let Err(error) = kept {
            self.cards_error.set(Some(error));
        }
    }

    /// Fetches the chunks of cards the posts at `positions` need, unless
    /// they are here or on their way.
    pub fn ensure_cards(&self, positions: &[usize]) {
        let Some(Ok(manifest)) = self.manifest.get_untracked() else {
            return;
        };
        let site = *self;
        for n in self.cards.with_untracked(|cards| cards.missing(positions)) {
            let Some(url) = self.cards.with_untracked(|cards| cards.chunk_url(n)) else {
                continue;
            };
            if !self
                .chunks_in_flight
                .try_update_value(|set| set.insert(n))
                .unwrap_or(false)
            {
                continue;
            }
            let manifest = manifest.clone();
            crate::fetch::spawn(async move {
                let fetched = crate::fetch::fetch_chunk(&site.content_base.get_value(), &url).await;
                site.chunks_in_flight.update_value(|set| {
                    set.remove(&n);
                });
                site.keep(fetched, |cards, chunk| cards.insert(&manifest, n, chunk));
            });
        }
    }
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}
