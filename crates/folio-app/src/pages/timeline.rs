//! The archive by year and month, drawn as a timeline.

use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{busiest_month, group_by_year_month, month_bar_percent};
use folio_core::routes::Route;
use folio_core::{PostMeta, Text};

use crate::components::manifest_view::{WithManifest, WithTitles};
use crate::site::use_site;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let words = site.words();
    let heading = words.text(Text::Timeline);
    view! {
        <Title text=heading/>
        <WithManifest render=move |manifest| {
            let base = base.clone();
            view! { <WithTitles render=move |titles| {
            // The posts' keys with their titles: all a timeline entry shows.
            let named: Vec<PostMeta> = manifest
                .posts
                .iter()
                .zip(titles.iter())
                .map(|(post, title)| PostMeta { title: title.clone(), ..post.clone() })
                .collect();
            let all: Vec<_> = named.iter().collect();
            let groups = group_by_year_month(&all);
            let busiest = busiest_month(&groups);
            let base = base.clone();
            view! {
                <section class="timeline">
                    <h1 class="page-heading">{heading}</h1>
                    <ol class="timeline-years">
                        {groups.iter().map(|group| {
                            let year = group.year;
                            let bars = group.month_counts();
                            view! {
                                <li class="timeline-year">
                                    <h2>
                                        <a href=Route::Year(year).href(&base)>{year}</a>
                                        <span class="timeline-count">{words.post_count(group.count())}</span>
                                    </h2>
                                    <div class="month-chart" aria-hidden="true">
                                        {bars.iter().map(|count| view! {
                                            <span style=format!("height: {}%", month_bar_percent(*count, busiest))></span>
                                        }).collect_view()}
                                    </div>
                                    <ol class="timeline-months">
                                        {group.months.iter().map(|month| view! {
                                            <li>
                                                <h3>{words.month_of_year(year, month.month)}</h3>
                                                <ul>
                                                    {month.posts.iter().map(|post| view! {
                                                        <li><a href=Route::Post(post.slug.clone()).href(&base)>{post.title.clone()}</a></li>
                                                    }).collect_view()}
                                                </ul>
                                            </li>
                                        }).collect_view()}
                                    </ol>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
            }/> }
        }/>
    }
}
