//! What a preview (`folio serve`) keeps between builds, so editing one post
//! rebuilds only what shows it.
//!
//! A page is known by its data fingerprint (what `<meta name="folio-data">`
//! says, `folio_core::list::page_fingerprint`), a body by its hash, any other
//! file by its bytes. A rebuild writes a page, a body or a file only when
//! that changed. Anything else the outputs depend on (the app bundle, the
//! options, the site settings, and the site's shape: its routes, its posts'
//! sources and old addresses, the files beside them) is fingerprinted as a
//! whole; when it changes, the rebuild is a full build.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use folio_core::browse::BrowseIndex;

use folio_core::fingerprint::Fnv;
use folio_core::list::{chunk_json, list_files_with, ChunkJson, ListFiles, CARDS_PER_CHUNK};
use folio_core::routes::Route;
use folio_core::{Manifest, PostMeta};
use rayon::prelude::*;

use super::fingerprints::PageFingerprints;
use super::BuildError;
use crate::content::{Changes, IndexMemory};

#[derive(Default)]
pub struct BuildMemory {
    pub(super) index: IndexMemory,
    /// Every page's data fingerprint: kept across full builds too, since it
    /// is worked out from the data alone.
    pub(super) fingerprints: PageFingerprints,
    /// Each chunk of cards' JSON, by what it was made from: serialising and
    /// hashing 10,000 cards took a rebuild 20-30 ms, and an edit changes one.
    chunks: HashMap<usize, (u64, ChunkJson)>,
    made_with: Option<u64>,
    pages: HashMap<Route, String>,
    bodies: HashMap<String, String>,
    files: HashMap<PathBuf, u64>,
    /// Per generated file (the sitemap, each feed), the fingerprint of what
    /// it was last made from: making it is skipped while that stays.
    inputs: HashMap<String, u64>,
    list_shape: Option<ListShape>,
}

/// What depends only on the list index (the site, the pages, the tags and
/// every post's slug and date: its key): the posting lists and every route.
/// At 10,000 posts, working them out took a rebuild 20-30 ms.
#[derive(Clone)]
pub(super) struct ListShape {
    key: String,
    pub browse: Arc<BrowseIndex>,
    pub routes: Arc<Vec<Route>>,
    /// A fingerprint of `routes`, part of what the outputs are made with.
    pub routes_hash: u64,
}

impl BuildMemory {
    /// A memory for one build, after which the process ends (`folio build`):
    /// it keeps what this build needs, not what a next one would reuse.
    pub fn for_one_build() -> BuildMemory {
        BuildMemory {
            index: IndexMemory::for_one_build(),
            ..BuildMemory::default()
        }
    }

    /// Tells the next build what the preview's watcher saw change.
    pub fn changed(&mut self, changes: Changes) {
        self.index.changed(changes);
    }

    /// Whether no build has been made with this memory yet: it makes every file.
    pub(super) fn is_first_build(&self) -> bool {
        self.made_with.is_none()
    }

    /// Whether the last build's outputs were made with `made_with` and can
    /// be kept where unchanged; if not, forgets them for a full build.
    pub(super) fn reuse(&mut self, made_with: u64) -> bool {
        let same = self.made_with == Some(made_with);
        if !same {
            self.pages.clear();
            self.bodies.clear();
            self.files.clear();
            self.inputs.clear();
            self.made_with = Some(made_with);
        }
        same
    }

    /// Whether `route`'s page was last written from data `fingerprint`.
    pub(super) fn has_page(&self, route: &Route, fingerprint: &str) -> bool {
        self.pages
            .get(route)
            .is_some_and(|known| known == fingerprint)
    }

    /// Whether a next build will read what this one wrote: not for one build.
    pub(super) fn keeps_outputs(&self) -> bool {
        !self.index.is_for_one_build()
    }

    pub(super) fn wrote_page(&mut self, route: Route, fingerprint: String) {
        self.pages.insert(route, fingerprint);
    }

    /// Whether the body at `source` was last written (in its page) with `hash`.
    pub(super) fn has_body(&self, source: &str, hash: &str) -> bool {
        self.bodies.get(source).is_some_and(|known| known == hash)
    }

    pub(super) fn wrote_body(&mut self, source: String, hash: String) {
        self.bodies.insert(source, hash);
    }

    /// The list data of `manifest` (`folio_core::list::list_files`), each
    /// chunk made again only when one of its cards changed (on every core:
    /// a hundred chunks at 10,000 posts); `cards` holds each post's
    /// `PostMeta::fingerprint`, by position.
    pub(super) fn list_files(
        &mut self,
        manifest: &Manifest,
        cards: &[u64],
    ) -> Result<ListFiles, serde_json::Error> {
        let mut last = std::mem::take(&mut self.chunks);
        let chunked = || manifest.posts.chunks(CARDS_PER_CHUNK).enumerate();
        let inputs: Vec<u64> = chunked()
            .map(|(n, posts)| {
                let first = (n * CARDS_PER_CHUNK).min(cards.len());
                chunk_input(posts, &cards[first..])
            })
            .collect();
        let mut made: Vec<Option<ChunkJson>> = inputs
            .iter()
            .enumerate()
            .map(|(n, input)| match last.remove(&n) {
                Some((known, made)) if known == *input => Some(made),
                _ => None,
            })
            .collect();
        let stale: Vec<(usize, &[PostMeta])> =
            chunked().filter(|(n, _)| made[*n].is_none()).collect();
        let fresh: Vec<(usize, Result<ChunkJson, serde_json::Error>)> = stale
            .into_par_iter()
            .map(|(n, posts)| (n, chunk_json(posts)))
            .collect();
        for (n, json) in fresh {
            made[n] = Some(json?);
        }
        let chunks = &mut self.chunks;
        list_files_with(manifest, |n, posts| {
            let made = match made.get_mut(n).and_then(Option::take) {
                Some(made) => made,
                None => chunk_json(posts)?,
            };
            chunks.insert(
                n,
                (inputs.get(n).copied().unwrap_or_default(), made.clone()),
            );
            Ok(made)
        })
    }

    /// What each chunk of the last [`BuildMemory::list_files`] was made
    /// from, in order.
    pub(super) fn chunk_inputs(&self) -> Vec<u64> {
        (0..self.chunks.len())
            .map(|n| self.chunks.get(&n).map_or(0, |(input, _)| *input))
            .collect()
    }

    /// The posting lists and routes of `manifest`, whose list index has
    /// `key`: kept from the last build while the key is the same.
    pub(super) fn list_shape(&mut self, key: &str, manifest: &Manifest) -> ListShape {
        match &self.list_shape {
            Some(shape) if shape.key == key => shape.clone(),
            _ => {
                let browse = Arc::new(BrowseIndex::new(&manifest.posts));
                let routes = super::site_routes(manifest, &browse);
                let routes_hash = Fnv::new().field(&format!("{routes:?}")).finish();
                let shape = ListShape {
                    key: key.to_owned(),
                    browse,
                    routes: Arc::new(routes),
                    routes_hash,
                };
                self.list_shape = Some(shape.clone());
                shape
            }
        }
    }

    /// Whether `file` was last made (and written) from `input`.
    pub(super) fn has_input(&self, file: &str, input: u64) -> bool {
        self.inputs.get(file) == Some(&input)
    }

    pub(super) fn made_from(&mut self, file: String, input: u64) {
        self.inputs.insert(file, input);
    }

    /// Makes `file` with `make` and writes it under `out`, unless the last
    /// build made it from the same `input`.
    pub(super) fn write_made_from<B: AsRef<[u8]>>(
        &mut self,
        out: &Path,
        file: &str,
        input: u64,
        make: impl FnOnce() -> B,
    ) -> Result<(), BuildError> {
        if !self.has_input(file, input) {
            self.write_if_changed(out.join(file), make().as_ref())?;
            self.made_from(file.to_owned(), input);
        }
        Ok(())
    }

    /// Writes `bytes` to `path` unless the last build wrote exactly them
    /// there; remembers them.
    pub(super) fn write_if_changed(
        &mut self,
        path: PathBuf,
        bytes: &[u8],
    ) -> Result<(), BuildError> {
        // Compared within this process only: a fast hash, not a fingerprint.
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(bytes);
        let hash = hasher.finish();
        match self.files.insert(path.clone(), hash) == Some(hash) {
            true => Ok(()),
            false => super::write(&path, bytes),
        }
    }
}

/// What a chunk of `posts` is made from: each card's fingerprint (`cards`,
/// from the first of them on), and the front matter Folio does not know,
/// which the cards carry but their fingerprints leave out.
fn chunk_input(posts: &[PostMeta], cards: &[u64]) -> u64 {
    let mut hash = Fnv::new();
    for (post, card) in posts.iter().zip(cards) {
        hash = hash.number(*card);
        if !post.extra.is_empty() {
            hash = hash.field(&serde_json::to_string(&post.extra).unwrap_or_default());
        }
    }
    hash.number(posts.len() as u64).finish()
}
