//! Every page's data fingerprint, kept between the builds of a preview.
//!
//! A page's fingerprint (`folio_core::list::page_fingerprint`) is made of the
//! list index's key, the titles' hash for the timeline, and the fingerprints
//! of the cards it shows. Which cards a post's page shows (its neighbours
//! and related posts) takes most of the work, and depends only on the list
//! index; so while its key stays, the cards each page shows are kept, and a
//! fingerprint is worked out again only for a page showing a card that changed.

use std::collections::HashMap;

use folio_core::list::needs_titles;
use folio_core::routes::Route;
use rayon::prelude::*;

use super::context::SiteContext;

/// What a page shows and the fingerprint that gave.
struct PageData {
    shown: Vec<usize>,
    fingerprint: String,
}

#[derive(Default)]
pub(super) struct PageFingerprints {
    index_key: String,
    titles_hash: String,
    cards: Vec<u64>,
    pages: HashMap<Route, PageData>,
}

impl PageFingerprints {
    /// Brings every route's fingerprint up to date with `site`: all of them
    /// when the list index changed, else only those of pages that show a
    /// card that changed (or every title, when a title did).
    pub(super) fn update(&mut self, site: &SiteContext, routes: &[Route]) {
        let cards = site.card_fingerprints();
        let same_list = self.index_key == site.cards.index_key()
            && self.cards.len() == cards.len()
            && self.pages.len() == routes.len()
            && routes.iter().all(|route| self.pages.contains_key(route));
        if !same_list {
            self.pages = routes
                .par_iter()
                .map(|route| {
                    let shown = site.cards_shown(route);
                    let fingerprint = site.fingerprint_of_shown(route, &shown);
                    (route.clone(), PageData { shown, fingerprint })
                })
                .collect();
        } else {
            let changed: Vec<bool> = cards.iter().zip(&self.cards).map(|(a, b)| a != b).collect();
            let titles_changed = self.titles_hash != site.cards.titles_hash();
            self.pages.par_iter_mut().for_each(|(route, page)| {
                let affected = (titles_changed && needs_titles(route))
                    || page.shown.iter().any(|&at| changed.get(at) != Some(&false));
                if affected {
                    page.fingerprint = site.fingerprint_of_shown(route, &page.shown);
                }
            });
        }
        site.cards.index_key().clone_into(&mut self.index_key);
        site.cards.titles_hash().clone_into(&mut self.titles_hash);
        cards.clone_into(&mut self.cards);
    }

    /// The fingerprint of the page at `route`, as the last
    /// [`PageFingerprints::update`] worked it out.
    pub(super) fn of(&self, route: &Route) -> &str {
        self.pages
            .get(route)
            .map_or("", |page| page.fingerprint.as_str())
    }
}
