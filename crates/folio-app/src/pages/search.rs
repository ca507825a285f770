//! The search page, `search/?q=…`: results for the address's query, tags to
//! start from when there is none, and what to do when part of the index
//! cannot be fetched. What is typed arrives through the address (the header's
//! search box keeps it in step), so a shared link shows the same results.

use std::sync::Arc;

use leptos::either::EitherOf5;
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{tag_counts, BrowseFilter};
use folio_core::i18n::Text;
use folio_core::routes::{browse_href, search_text_of, Route};
use folio_core::search::{marked_parts, Excerpt, Query, SearchResult, SearchState, EXCERPT_BODIES};
use folio_core::{Manifest, PostMeta};

use crate::components::load_error::LoadError;
use crate::components::local_date::PostDate;
use crate::components::manifest_view::WithManifest;
use crate::components::search_box::step_through_results;
use crate::components::tag_links::TagLinks;
use crate::offline::use_offline;
use crate::router::use_navigation;
use crate::search::use_search;
use crate::site::use_site;

/// How many of the most used tags the page suggests.
const SUGGESTED_TAGS: usize = 12;

#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <WithManifest render=move |manifest| view! { <Search manifest/> }/> }
}

#[component]
fn Search(manifest: Arc<Manifest>) -> impl IntoView {
    let site = use_site();
    let index = use_search();
    let offline = use_offline();
    let address = use_navigation().address;
    let text = Memo::new(move |_| address.with(|a| search_text_of(&a.query)));
    let query = Memo::new(move |_| Query::parse(&text.get()));
    let state = Memo::new(move |_| query.with(|q| index.state(q)));
    // Fetch what the query needs; again when a retry or the network allows,
    // and back online, what failed.
    Effect::new(move |was_online: Option<bool>| {
        let online = offline.online.get();
        if was_online == Some(false) && online && index.has_failed() {
            index.retry();
        }
        state.track();
        query.with(|q| index.fetch_for(q));
        online
    });
    // The results' cards, and excerpts of the first results from their bodies.
    let hit_positions = Memo::new(move |_| {
        state.with(|s| match s {
            SearchState::Found(hits) => hits.iter().map(|hit| hit.post as usize).collect(),
            _ => Vec::new(),
        })
    });
    Effect::new(move || {
        let first: Vec<_> = hit_positions.with(|at| {
            site.ensure_cards(at);
            site.cards.with(|cards| {
                at.iter()
                    .take(EXCERPT_BODIES)
                    .filter_map(|&at| cards.get(at).cloned())
                    .collect()
            })
        });
        index.fetch_bodies(first);
    });
    let site_title = manifest.site.title.clone();
    let page_title = move || match text.get().trim() {
        "" => format!("{} · {site_title}", site.text(Text::Search)),
        searched => format!("{searched} · {} · {site_title}", site.text(Text::Search)),
    };
    let suggestions = suggested_tags(&manifest);
    let found = move || {
        match state.get() {
            SearchState::Prompt => {
                EitherOf5::A(view! { <SuggestedTags tags=suggestions.clone()/> })
            }
            waiting_or_none @ (SearchState::Waiting | SearchState::NothingFound) => {
                let status = if waiting_or_none == SearchState::Waiting {
                    Text::Searching
                } else {
                    Text::NoResults
                };
                EitherOf5::B(
                    view! { <p class="result-count" role="status">{site.text(status)}</p> },
                )
            }
            SearchState::Unavailable => EitherOf5::C(view! { <IndexUnavailable/> }),
            found @ SearchState::Found(_) => {
                if let (false, Some(error)) = (
                    hit_positions.with(|at| site.cards.with(|cards| cards.has_all(at))),
                    site.cards_error.get(),
                ) {
                    let retry = Callback::new(move |_| site.load_manifest());
                    return EitherOf5::D(view! { <LoadError error retry whole_page=false/> });
                }
                // Reruns as cards arrive, and as bodies arrive for the excerpts.
                let results = site
                    .cards
                    .with(|cards| query.with(|q| index.results(cards, &found, q)));
                EitherOf5::E(view! {
                    <p class="result-count" role="status">
                        {site.words().search_result_count(results.len(), text.get_untracked().trim())}
                    </p>
                    <ol class="search-results" id="search-results" aria-label=site.text(Text::SearchResults)
                        on:keydown=step_through_results>
                        {results.into_iter().filter_map(|result| {
                            let post = site.card(result.post)?;
                            Some(view! { <ResultItem result post/> })
                        }).collect_view()}
                    </ol>
                })
            }
        }
    };
    view! {
        <Title text=page_title/>
        <section class="search-page" aria-labelledby="page-heading">
            <h1 id="page-heading" class="page-heading">{site.text(Text::Search)}</h1>
            {found}
        </section>
    }
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
#[component]
fn SuggestedTags(tags: Vec<(String, String, usize)>) -> impl IntoView {
    let site = use_site();
    view! {
        <div class="search-prompt">
            <p class="needs-js">{site.text(Text::SearchPrompt)}</p>
            <p class="without-js">{site.text(Text::SearchNeedsJavaScript)}</p>
            <ul class="chip-row" aria-label=site.text(Text::Tags)>
                {tags.into_iter().map(|(href, tag, count)| view! {
                    <li><a class="chip" href=href>{format!("#{tag}")} <span class="chip-count">{count}</span></a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn ResultItem(result: SearchResult, post: PostMeta) -> impl IntoView {
    let site = use_site();
    let href = Route::Post(post.slug.clone()).href(&site.base.get_value());
    let lang = site.lang_of(&post);
    view! {
        <li class="search-result" lang=post.lang.clone()>
            <h2 class="search-result-title">
                <a class="search-result-link" href=href>{marked(result.title)}</a>
            </h2>
            <p class="post-card-meta"><PostDate date=post.local_date lang/></p>
            <p class="search-result-excerpt">{marked(result.excerpt)}</p>
            <TagLinks tags=post.tags.clone()/>
        </li>
    }
}

/// Text with its marks as `<mark>` elements; the text is never read as HTML.
fn marked(excerpt: Excerpt) -> impl IntoView {
    marked_parts(&excerpt.text, &excerpt.marks)
        .into_iter()
        .map(|(part, is_mark)| {
            let part = part.to_owned();
            if is_mark {
                leptos::either::Either::Left(view! { <mark>{part}</mark> })
            } else {
                leptos::either::Either::Right(part)
            }
        })
        .collect_view()
}

/// A shard (or the directory) could not be fetched: say why, offer a retry.
#[component]
fn IndexUnavailable() -> impl IntoView {
    let site = use_site();
    let index = use_search();
    let offline = use_offline();
    let message = move || {
        if offline.online.get() {
            index
                .error()
                .map(|error| error.message(site.words()))
                .unwrap_or_default()
        } else {
            site.text(Text::SearchIndexMissingOffline).to_owned()
        }
    };
    view! {
        <div class="load-error" role="alert">
            <h2>{site.text(Text::SearchIndexMissing)}</h2>
            <p class="load-error-message">{message}</p>
            <button type="button" class="button" on:click=move |_| index.retry()>{site.text(Text::TryAgain)}</button>
        </div>
    }
}
