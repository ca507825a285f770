//! The list of posts, narrowed by tags and year and paged, all from the URL
//! (`/`, `/tags/<tag>/`, `/years/<year>/page/2/`, `/?tags=a,b&match=any&page=2`).
//!
//! One component shows every list address, so a filter or page change only
//! updates what changed: the heading, the chips, and the cards, which are
//! keyed by slug.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{BrowseFilter, BrowseIndex, TagMatch};
use folio_core::paging::Paging;
use folio_core::routes::{browse_filter_of, browse_href, list_href, list_page_of, Route};
use folio_core::{Manifest, PostMeta, Text};

use crate::components::load_error::LoadError;
use crate::components::manifest_view::WithManifest;
use crate::components::offline_status::SaveOffline;
use crate::components::pagination::Pagination;
use crate::components::post_card::PostCard;
use crate::components::skeleton::ListSkeleton;
use crate::pages::not_found::NotFoundPage;
use crate::rendered_once::{rendered_once, Part};
use crate::router::use_navigation;
use crate::site::use_site;

/// Tag chips above a list; the tag index has the rest.
const TAG_CHIPS: usize = 20;

#[component]
pub fn HomePage() -> impl IntoView {
    let address = use_navigation().address;
    let filter = Memo::new(move |_| address.with(|a| browse_filter_of(&a.route(), &a.query)));
    let page = Memo::new(move |_| address.with(|a| list_page_of(&a.route(), &a.query)));
    view! { <WithManifest render=move |manifest| view! { <FilteredList manifest filter page/> }/> }
}

#[component]
fn FilteredList(
    manifest: Arc<Manifest>,
    filter: Memo<BrowseFilter>,
    page: Memo<usize>,
) -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let (lang, words) = (site.lang(), site.words());
    // Built once per manifest; every filter change then reads posting lists.
    let index = site.browse_index(&manifest);
    // How many posts match; which ones is asked again for the page shown.
    // Neither copies a list of one tag or one year, which is the index's
    // own: the folio command renders each of a long list's pages.
    let matching = {
        let index = index.clone();
        Memo::new(move |_| filter.with(|filter| index.matching(filter).len()))
    };
    let page_size = manifest.site.page_size;
    let paging = Memo::new(move |_| Paging::of(matching.get(), page_size, page.get()));
    let known = {
        let index = index.clone();
        Memo::new(move |_| {
            filter.with(|f| {
                f.tags.iter().all(|t| index.has_tag(t)) && f.year.is_none_or(|y| index.has_year(y))
            }) && paging.with(Option::is_some)
        })
    };
    // The page's positions; their cards come in chunks, fetched when missing.
    let wanted: Memo<Vec<usize>> = {
        let index = index.clone();
        Memo::new(move |_| {
            let range = paging
                .with(|p| p.as_ref().map(|p| p.items.clone()))
                .unwrap_or_default();
            filter.with(|filter| index.matching(filter).slice(range))
        })
    };
    Effect::new(move || wanted.with(|at| site.ensure_cards(at)));
    let ready = Memo::new(move |_| wanted.with(|at| site.cards.with(|cards| cards.has_all(at))));
    // Until the new page's cards are here, the cards shown stay as they were.
    let shown: Memo<Vec<PostMeta>> = Memo::new(move |previous: Option<&Vec<PostMeta>>| {
        wanted
            .with(|at| site.cards.with(|cards| cards.posts_at(at)))
            .or_else(|| previous.cloned())
            .unwrap_or_default()
    });
    let retry = Callback::new(move |_| site.load_manifest());
    let card_error = move || {
        site.cards_error
            .get()
            .filter(|_| !ready.get())
            .map(|error| view! { <LoadError error retry whole_page=false/> })
    };
    let site_title = manifest.site.title.clone();
    let heading = move || filter.with(|f| f.heading_in(lang));
    let title = move || filter.with(|f| f.title_in(lang, page.get(), &site_title));

    move || {
        if !known.get() {
            return Either::Left(view! { <NotFoundPage/> });
        }
        let clear = browse_href(&base, &BrowseFilter::default());
        let base = base.clone();
        let manifest = manifest.clone();
        Either::Right(view! {
            <Title text=title.clone()/>
            <section class="browse" aria-labelledby="page-heading">
                <h1 id="page-heading" class="page-heading">{heading}</h1>
                {
                    let (index, base) = (index.clone(), base.clone());
                    rendered_once(Part::FilterBar(filter.get_untracked()), move || {
                        view! { <FilterBar filter manifest index base/> }
                    })
                }
                <Show
                    when=move || matching.get() != 0
                    fallback=move || view! {
                        <div class="empty-state">
                            <p>{words.text(Text::NoPostsMatch)}</p>
                            <a class="button" href=clear.clone()>{words.text(Text::ClearFilters)}</a>
                        </div>
                    }
                >
                    <div class="list-tools">
                        <p class="result-count" aria-live="polite">{move || words.post_count(matching.get())}</p>
                        <SaveOffline posts=shown label=Text::SaveListOffline/>
                    </div>
                    {card_error}
                    <div class="post-list" aria-busy=move || (!ready.get()).then_some("true")>
                        {move || (shown.with(Vec::is_empty) && !ready.get()).then(|| view! { <ListSkeleton/> })}
                        <For
                            each=move || shown.with(|posts| posts.iter().map(|post| post.slug.clone()).collect::<Vec<_>>())
                            key=|slug| slug.clone()
                            children={
                                let base = base.clone();
                                move |slug| view! { <PostCard slug posts=shown base=base.clone()/> }
                            }
                        />
                    </div>
                    {
                        let base = base.clone();
                        move || {
                            let (filter, base) = (filter.get(), base.clone());
                            paging.get().filter(|p| p.pages > 1).map(|paging| {
                                view! { <Pagination paging href=move |n| list_href(&base, &filter, n)/> }
                            })
                        }
                    }
                </Show>
            </section>
        })
    }
}

/// Tag and year chips; each is a link to the filter with it toggled. Many
/// tags end in a link to the tag index rather than in a wall of chips.
#[component]
fn FilterBar(
    filter: Memo<BrowseFilter>,
    manifest: Arc<Manifest>,
    index: Arc<BrowseIndex>,
    base: String,
) -> impl IntoView {
    let base = StoredValue::new(base);
    let site = use_site();
    let words = site.words();
    let chip_href = move |next: BrowseFilter| browse_href(&base.get_value(), &next);
    // A pointer over a chip, or focus on it, fetches the cards its list
    // starts with, so the click that follows finds them at hand.
    let page_size = manifest.site.page_size;
    let lists = StoredValue::new(index.clone());
    let prefetch = move |next: BrowseFilter| {
        let first: Vec<usize> = lists.with_value(|index| index.matching(&next).slice(0..page_size));
        site.ensure_cards(&first);
    };
    let chips = {
        let index = index.clone();
        Memo::new(move |_| filter.with(|f| index.tag_chips(f, TAG_CHIPS)))
    };
    let years = Memo::new(move |_| filter.with(|f| index.year_choices(f, &manifest.posts)));
    view! {
        <div class="filter-bar">
            <ul class="chip-row" aria-label=words.text(Text::FilterByTag)>
                {move || {
                    let (tags, hidden) = chips.get();
                    let more = (hidden > 0).then(|| view! {
                        <li><a class="chip chip-more" href=Route::TagIndex.href(&base.get_value())>
                            {words.text(Text::AllTags)} <span class="chip-count">{format!("+{hidden}")}</span>
                        </a></li>
                    });
                    let chips = tags.into_iter().map(|tag| {
                        let name = tag.tag.clone();
                        let selected = {
                            let name = name.clone();
                            move || filter.with(|f| f.tags.contains(&name))
                        };
                        let href = {
                            let name = name.clone();
                            move || chip_href(filter.get().toggled_tag(&name))
                        };
                        let warm = {
                            let name = name.clone();
                            move || prefetch(filter.get_untracked().toggled_tag(&name))
                        };
                        let warm_on_focus = warm.clone();
                        view! {
                            <li>
                                <a class="chip" href=href aria-current=move || selected().then_some("true")
                                    on:pointerenter=move |_| warm() on:focus=move |_| warm_on_focus()>
                                    {format!("#{name}")} <span class="chip-count">{tag.count}</span>
                                </a>
                            </li>
                        }
                    }).collect_view();
                    (chips, more)
                }}
            </ul>
            <ul class="chip-row" aria-label=words.text(Text::FilterByYear)>
                {move || years.get().into_iter().map(|year| {
                    let selected = move || filter.with(|f| f.year == Some(year));
                    let toggled = move |current: BrowseFilter| {
                        current.with_year(if current.year == Some(year) { None } else { Some(year) })
                    };
                    let href = move || chip_href(toggled(filter.get()));
                    let warm = move || prefetch(toggled(filter.get_untracked()));
                    view! {
                        <li><a class="chip" href=href aria-current=move || selected().then_some("true")
                            on:pointerenter=move |_| warm() on:focus=move |_| warm()>{year}</a></li>
                    }
                }).collect_view()}
            </ul>
            <div class="filter-actions">
                {move || (filter.with(|f| f.tags.len()) > 1).then(|| {
                    let current = filter.get();
                    let (label, other) = match current.tag_match {
                        TagMatch::All => (words.text(Text::MatchingAllShowAny), TagMatch::Any),
                        TagMatch::Any => (words.text(Text::MatchingAnyShowAll), TagMatch::All),
                    };
                    view! { <a class="match-toggle" href=chip_href(current.with_tag_match(other))>{label}</a> }
                })}
                {move || (!filter.with(BrowseFilter::is_empty)).then(|| view! {
                    <a class="clear-filters" href=chip_href(BrowseFilter::default())>{words.text(Text::ClearFilters)}</a>
                })}
            </div>
        </div>
    }
}
