//! Every tag with its number of posts.

use leptos::prelude::*;
use leptos_meta::Title;

use folio_core::browse::{tag_counts, BrowseFilter};
use folio_core::routes::browse_href;
use folio_core::Text;

use crate::components::manifest_view::WithManifest;
use crate::site::use_site;

#[component]
pub fn TagsPage() -> impl IntoView {
    let site = use_site();
    let base = site.base.get_value();
    let heading = site.text(Text::Tags);
    view! {
        <Title text=heading/>
        <WithManifest render=move |manifest| {
            let counts = tag_counts(&manifest.posts);
            let most = counts.first().map_or(1, |c| c.count).max(1);
            let base = base.clone();
            view! {
                <section class="tag-index">
                    <h1 class="page-heading">{heading}</h1>
                    <ul class="tag-cloud">
                        {counts.into_iter().map(|tag| {
                            // Five sizes, by share of the most used tag.
                            let size = 1 + tag.count * 4 / most;
                            let filter = BrowseFilter { tags: vec![tag.tag.clone()], ..Default::default() };
                            view! {
                                <li>
                                    <a class=format!("chip tag-size-{size}") href=browse_href(&base, &filter)>
                                        {format!("#{}", tag.tag)} <span class="chip-count">{tag.count}</span>
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }/>
    }
}
