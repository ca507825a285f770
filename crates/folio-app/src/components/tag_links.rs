//! A post's tags, each a link to the page of that tag.

use leptos::prelude::*;

use folio_core::browse::BrowseFilter;
use folio_core::routes::browse_href;
use folio_core::Text;

use crate::site::use_site;

#[component]
pub fn TagLinks(tags: Vec<String>) -> impl IntoView {
    let base = use_site().base.get_value();
    view! {
        <ul class="tag-list" aria-label=use_site().text(Text::Tags)>
            {tags.into_iter().map(|tag| {
                let filter = BrowseFilter { tags: vec![tag.clone()], ..Default::default() };
                view! { <li><a class="tag" href=browse_href(&base, &filter)>{format!("#{tag}")}</a></li> }
            }).collect_view()}
        </ul>
    }
}
