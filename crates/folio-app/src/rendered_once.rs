//! Parts of pages that are the same wherever they appear, rendered once per
//! build by the folio command and their markup reused: a post's card is on
//! the home pages, each of its tags' pages and its year's; the header and
//! footer are on every page. In the browser each is simply rendered.

#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// A part whose markup is the same on every page of one build.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    /// A post's card, by slug.
    Card(String),
    Header,
    Footer,
    /// The tag and year chips of a list, by the filter it shows: the same
    /// on each of the list's pages.
    FilterBar(folio_core::browse::BrowseFilter),
}

/// `render`'s view; in the folio command, its markup from the first page
/// that rendered `part` in this build.
#[cfg(feature = "ssr")]
pub(crate) fn rendered_once<V: RenderHtml>(
    part: Part,
    render: impl FnOnce() -> V,
) -> impl IntoView {
    use leptos::either::Either;
    match use_context::<std::sync::Arc<RenderedParts>>() {
        Some(parts) => Either::Left(parts.markup(part, render)),
        None => Either::Right(render()),
    }
}

#[cfg(not(feature = "ssr"))]
pub(crate) fn rendered_once<V>(_part: Part, render: impl FnOnce() -> V) -> V {
    render()
}

/// The parts rendered so far in one build, shared by all its routes. At
/// 10,000 posts, 70,000 cards become 10,000, and 13,569 headers one.
#[cfg(feature = "ssr")]
#[derive(Default)]
pub struct RenderedParts(std::sync::Mutex<std::collections::HashMap<Part, std::sync::Arc<str>>>);

#[cfg(feature = "ssr")]
impl RenderedParts {
    /// The markup of `part`, rendered by `render` the first time.
    fn markup<V: RenderHtml>(
        &self,
        part: Part,
        render: impl FnOnce() -> V,
    ) -> leptos::tachys::html::InertElement {
        let known = self.lock().get(&part).cloned();
        let html = known.unwrap_or_else(|| {
            let html: std::sync::Arc<str> = render().to_html().into();
            self.lock().insert(part, std::sync::Arc::clone(&html));
            html
        });
        leptos::tachys::html::InertElement::new(html.to_string())
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<Part, std::sync::Arc<str>>> {
        // A part is only ever inserted whole, so a panic elsewhere leaves nothing half-written.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
