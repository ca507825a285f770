//! The archive by year and month, drawn as a timeline.

use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::group_by_year_month;
use folio_core::routes::Route;

use crate::components::manifest_view::WithManifest;
use crate::site::use_site;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let base = use_site().base.get_value();
    view! {
        <Title text="Timeline"/>
        <WithManifest render=move |manifest| {
            let all: Vec<_> = manifest.posts.iter().collect();
            let groups = group_by_year_month(&all);
            let busiest = groups.iter().map(|g| g.count()).max().unwrap_or(1).max(1);
            let base = base.clone();
            view! {
                <section class="timeline">
                    <h1 class="page-heading">"Timeline"</h1>
                    <ol class="timeline-years">
                        {groups.iter().map(|group| {
                            let year = group.year;
                            let width = format!("width: {}%", group.count() * 100 / busiest);
                            view! {
                                <li class="timeline-year">
                                    <h2>
                                        <a href=Route::Year(year).href(&base)>{year}</a>
                                        <span class="timeline-count">{format!("{} posts", group.count())}</span>
                                    </h2>
                                    <div class="timeline-bar" aria-hidden="true"><span style=width></span></div>
                                    <ol class="timeline-months">
                                        {group.months.iter().map(|month| view! {
                                            <li>
                                                <h3>{format!("{year}-{:02}", month.month)}</h3>
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
        }/>
    }
}
