//! The search page, `search/?q=…`: results for the address's query, tags to
//! start from when there is none, and what to do when part of the index
//! cannot be fetched. What is typed arrives through the address (the header's
//! search box keeps it in step), so a shared link shows the same results.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{tag_counts, BrowseFilter};
use folio_core::i18n::Text;
use folio_core::routes::{browse_href, search_text_of};
use folio_core::search::{push_result_html, Query, SearchState, EXCERPT_BODIES};
use folio_core::Manifest;

use crate::components::load_error::{error_notice, failure_words};
use crate::components::manifest_view::WithManifest;
#[cfg(not(feature = "ssr"))]
use crate::components::search_box::keep_result_focus;
use crate::components::search_box::show_in_search_box;
use crate::offline::use_offline;
use crate::router::{use_navigation, Address};
use crate::search::use_search;
use crate::site::use_site;

/// How many of the most used tags the page suggests.
const SUGGESTED_TAGS: usize = 12;

/// What is searched, parsed, and where searching it stands.
type Searched = (String, Query, SearchState);

#[component]
pub fn SearchPage() -> impl IntoView {
    let site = use_site();
    let index = use_search();
    let offline = use_offline();
    let address = use_navigation().address;
    // The one effect of search: the box shows the address's query; fetch
    // what the query needs, again when a retry or the network allows, and
    // back online, what failed; then the results' cards, and the bodies of
    // the first results for their excerpts. Each fetch starts once.
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        if was_online == Some(false) && online && index.has_failed() {
            index.retry();
        }
        let (text, query, state) = searched(address);
        show_in_search_box(index.typed, &text);
        index.fetch_for(&query);
        if let SearchState::Found(hits) = state {
            let at = hit_positions(&hits);
            site.ensure_cards(&at);
            let first = &at[..at.len().min(EXCERPT_BODIES)];
            site.cards.with(|cards| index.fetch_bodies(cards, first));
        }
        online
    });
    view! { <WithManifest render=move |manifest| page(manifest, address)/> }
}

/// The address's query, parsed, and where searching it stands (reactive).
/// Worked out by the effect and the view each, rather than kept in a memo:
/// a memo of these types is more WASM, and both rerun as the index's data
/// arrives anyway.
fn searched(address: RwSignal<Address>) -> Searched {
    let text = address.with(|a| search_text_of(&a.query));
    let query = Query::parse(&text);
    let state = use_search().state(&query);
    (text, query, state)
}

/// The page's views are plain functions, not components: each component is
/// more WASM, and these take nothing a component would add.
fn page(manifest: Arc<Manifest>, address: RwSignal<Address>) -> impl IntoView {
    let site = use_site();
    let index = use_search();
    let offline = use_offline();
    let site_title = manifest.site.title.clone();
    let page_title = move || match address.with(|a| search_text_of(&a.query)).trim() {
        "" => format!("{} · {site_title}", site.text(Text::Search)),
        searched => format!("{searched} · {} · {site_title}", site.text(Text::Search)),
    };
    let suggestions = suggested_tags(&manifest);
    let found = move || {
        let (text, query, state) = searched(address);
        let (status, list) = match &state {
            SearchState::Prompt => return EitherOf3::A(suggested_tags_view(suggestions.clone())),
            SearchState::Waiting => (site.text(Text::Searching).to_owned(), None),
            SearchState::NothingFound => (site.text(Text::NoResults).to_owned(), None),
            SearchState::Unavailable => {
                let message = if offline.online.get() {
                    index
                        .error()
                        .map(|error| error.message(site.words()))
                        .unwrap_or_default()
                } else {
                    site.text(Text::SearchIndexMissingOffline).to_owned()
                };
                let retry = Callback::new(move |_| index.retry());
                let heading = site.text(Text::SearchIndexMissing);
                return EitherOf3::C(error_notice(heading, message, retry, false));
            }
            SearchState::Found(hits) => {
                let at = hit_positions(hits);
                if let (false, Some(error)) = (
                    site.cards.with(|cards| cards.has_all(&at)),
                    site.cards_error.get(),
                ) {
                    let (heading, message) = failure_words(&error);
                    let retry = Callback::new(move |_| site.load_manifest());
                    return EitherOf3::C(error_notice(heading, message, retry, false));
                }
                let base = site.base.get_value();
                let tags_label = site.text(Text::Tags);
                #[cfg(not(feature = "ssr"))]
                keep_result_focus();
                // One string of HTML for the whole list, escaped by
                // `push_result_html`: much less WASM than a view per result.
                // Reruns as cards arrive, and as bodies arrive for the excerpts.
                let (shown, html) = site.cards.with(|cards| {
                    let results = index.results(cards, &state, &query);
                    let mut html = String::new();
                    for result in &results {
                        if let Some(post) = cards.get(result.post) {
                            let lang = site.lang_of(post);
                            push_result_html(&mut html, result, post, lang, &base, tags_label);
                        }
                    }
                    (results.len(), html)
                });
                let count = site.words().search_result_count(shown, text.trim());
                let list = view! {
                    <ol class="search-results" id="search-results" aria-label=site.text(Text::SearchResults) inner_html=html></ol>
                };
                (count, Some(list))
            }
        };
        EitherOf3::B(view! { <p class="result-count" role="status">{status}</p> {list} })
    };
    view! {
        <Title text=page_title/>
        <section class="search-page" aria-labelledby="page-heading">
            <h1 id="page-heading" class="page-heading">{site.text(Text::Search)}</h1>
            {found}
        </section>
    }
}

fn hit_positions(hits: &[folio_core::search::Hit]) -> Vec<usize> {
    hits.iter().map(|hit| hit.post as usize).collect()
}

/// The most used tags as (href, tag, count).
fn suggested_tags(manifest: &Manifest) -> Vec<(String, String, usize)> {
    let base = use_site().base.get_value();
    tag_counts(&manifest.posts)
        .into_iter()
        .take(SUGGESTED_TAGS)
        .map(|tag| {
            let filter = BrowseFilter {
                tags: vec![tag.tag.clone()],
                ..Default::default()
            };
            (browse_href(&base, &filter), tag.tag, tag.count)
        })
        .collect()
}

/// The most used tags, as a way in when there is nothing to search for yet;
/// without JavaScript, the way in.
fn suggested_tags_view(tags: Vec<(String, String, usize)>) -> impl IntoView {
    let site = use_site();
    view! {
        <div class="search-prompt">
            <p class="needs-js">{site.text(Text::SearchPrompt)}</p>
            <p class="without-js">{site.text(Text::SearchNeedsJavaScript)}</p>
            <ul class="chip-row" aria-label=site.text(Text::Tags)>
                // Each chip has the element types of the tags page's (a class
                // made at run time), so the WASM holds their code once.
                {tags.into_iter().map(|(href, tag, count)| view! {
                    <li><a class=String::from("chip") href=href>{format!("#{tag}")} <span class="chip-count">{count}</span></a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}
