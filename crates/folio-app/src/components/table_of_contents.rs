//! Table of contents from the outline the indexer stored: sticky beside the
//! text on wide screens, a collapsible box on phones, current section marked.

use leptos::prelude::*;

use folio_core::{Heading, Text};

use crate::browser::is_wide_screen;
use crate::site::use_site;

/// Posts with fewer headings read fine without one.
pub const MIN_HEADINGS: usize = 3;

/// Starts open, as the prerendered page has it (beside the text on wide
/// screens, even without JavaScript); on a narrow screen the app folds it
/// away once it has adopted the page.
#[component]
pub fn TableOfContents(outline: Vec<Heading>, active: ReadSignal<Option<String>>) -> impl IntoView {
    let top_level = outline.iter().map(|h| h.level).min().unwrap_or(2);
    let open = RwSignal::new(true);
    let site = use_site();
    Effect::new(move || open.set(is_wide_screen()));
    view! {
        <details class="toc" open=open>
            <summary>{site.text(Text::Contents)}</summary>
            <nav aria-label=site.text(Text::TableOfContents)>
                <ol>
                    {outline.into_iter().filter(|h| h.level <= top_level + 1).map(|heading| {
                        let id = heading.id.clone();
                        let current = move || (active.get().as_deref() == Some(id.as_str())).then_some("location");
                        view! {
                            <li class=format!("toc-depth-{}", heading.level - top_level)>
                                <a href=format!("#{}", heading.id) aria-current=current>{heading.text}</a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
        </details>
    }
}
