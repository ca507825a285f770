//! The list of posts, narrowed by tags and year from the URL
//! (`/`, `/tags/<tag>/`, `/years/<year>/`, `/?tags=a,b&year=2022&match=any`).

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{self, BrowseFilter, TagMatch};
use folio_core::routes::{browse_filter_of, browse_href};
use folio_core::{Manifest, Text};

use crate::components::manifest_view::WithManifest;
use crate::components::offline_status::SaveOffline;
use crate::components::post_card::PostCard;
use crate::pages::not_found::NotFoundPage;
use crate::router::use_navigation;
use crate::site::use_site;

#[component]
pub fn HomePage() -> impl IntoView {
    let address = use_navigation().address;
    let filter = Memo::new(move |_| address.with(|a| browse_filter_of(&a.route(), &a.query)));
    view! { <WithManifest render=move |manifest| view! { <FilteredList manifest filter/> }/> }
}

#[component]
fn FilteredList(manifest: Arc<Manifest>, filter: Memo<BrowseFilter>) -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let lang = site.lang();
    let words = site.words();
    let known_tags = browse::tag_counts(&manifest.posts);
    let known_years = browse::years(&manifest.posts);
    let unknown = {
        let known_tags = known_tags.clone();
        let known_years = known_years.clone();
        move || {
            let filter = filter.get();
            filter
                .tags
                .iter()
                .any(|t| !known_tags.iter().any(|k| &k.tag == t))
                || filter.year.is_some_and(|y| !known_years.contains(&y))
        }
    };
    let posts = {
        let manifest = manifest.clone();
        Memo::new(move |_| {
            browse::filter_posts(&manifest.posts, &filter.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let site_title = manifest.site.title.clone();
    let heading = move || filter.get().heading_in(lang);
    let page_title = move || match filter.get().is_empty() {
        true => site_title.clone(),
        false => format!("{} · {}", filter.get().heading_in(lang), site_title),
    };

    move || {
        if unknown() {
            return Either::Left(view! { <NotFoundPage/> });
        }
        let base = base.clone();
        let base_for_chips = base.clone();
        let base_for_years = base.clone();
        let tags = browse::tag_choices(&manifest.posts, &filter.get());
        let years = browse::year_choices(&manifest.posts, &filter.get());
        Either::Right(view! {
            <Title text=page_title.clone()/>
            <section class="browse" aria-labelledby="page-heading">
                <h1 id="page-heading" class="page-heading">{heading}</h1>
                <FilterBar filter base=base_for_chips tags years/>
                {move || {
                    let list = posts.get();
                    if list.is_empty() {
                        let clear = browse_href(&base_for_years, &BrowseFilter::default());
                        Either::Left(view! {
                            <div class="empty-state">
                                <p>{words.text(Text::NoPostsMatch)}</p>
                                <a class="button" href=clear>{words.text(Text::ClearFilters)}</a>
                            </div>
                        })
                    } else {
                        let base = base.clone();
                        let to_save = list.clone();
                        Either::Right(view! {
                            <div class="list-tools">
                                <p class="result-count" aria-live="polite">{words.post_count(list.len())}</p>
                                <SaveOffline posts=to_save label=Text::SaveListOffline/>
                            </div>
                            <div class="post-list">
                                {list.into_iter().map(|post| view! { <PostCard post base=base.clone()/> }).collect_view()}
                            </div>
                        })
                    }
                }}
            </section>
        })
    }
}

/// Tag and year chips; each is a link to the filter with it toggled.
#[component]
fn FilterBar(
    filter: Memo<BrowseFilter>,
    base: String,
    tags: Vec<browse::TagCount>,
    years: Vec<i32>,
) -> impl IntoView {
    let base = StoredValue::new(base);
    let words = use_site().words();
    let chip_href = move |next: BrowseFilter| browse_href(&base.get_value(), &next);
    view! {
        <div class="filter-bar">
            <ul class="chip-row" aria-label=words.text(Text::FilterByTag)>
                {tags.into_iter().map(|tag| {
                    let name = tag.tag.clone();
                    let selected = {
                        let name = name.clone();
                        move || filter.get().tags.contains(&name)
                    };
                    let href = {
                        let name = name.clone();
                        move || chip_href(filter.get().toggled_tag(&name))
                    };
                    view! {
                        <li>
                            <a class="chip" href=href aria-current=move || selected().then_some("true")>
                                {format!("#{name}")} <span class="chip-count">{tag.count}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ul class="chip-row" aria-label=words.text(Text::FilterByYear)>
                {years.into_iter().map(|year| {
                    let selected = move || filter.get().year == Some(year);
                    let href = move || {
                        let current = filter.get();
                        chip_href(current.with_year(if current.year == Some(year) { None } else { Some(year) }))
                    };
                    view! {
                        <li><a class="chip" href=href aria-current=move || selected().then_some("true")>{year}</a></li>
                    }
                }).collect_view()}
            </ul>
            <div class="filter-actions">
                {move || (filter.get().tags.len() > 1).then(|| {
                    let current = filter.get();
                    let (label, other) = match current.tag_match {
                        TagMatch::All => (words.text(Text::MatchingAllShowAny), TagMatch::Any),
                        TagMatch::Any => (words.text(Text::MatchingAnyShowAll), TagMatch::All),
                    };
                    view! { <a class="match-toggle" href=chip_href(current.with_tag_match(other))>{label}</a> }
                })}
                {move || (!filter.get().is_empty()).then(|| view! {
                    <a class="clear-filters" href=chip_href(BrowseFilter::default())>{words.text(Text::ClearFilters)}</a>
                })}
            </div>
        </div>
    }
}
