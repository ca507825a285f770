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
    fn markup<V: RenderHtml>(&self, part: Part, render: impl FnOnce() -> V) -> SharedMarkup {
        let known = self.lock().get(&part).cloned();
        let html = known.unwrap_or_else(|| {
            let html: std::sync::Arc<str> = render().to_html().into();
            self.lock().insert(part, std::sync::Arc::clone(&html));
            html
        });
        SharedMarkup(html)
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

/// Markup rendered before, written as it is: the kept `Arc<str>` itself,
/// where an `InertElement` would take a copy of it for every page (70,000
/// cards' worth at 10,000 posts).
#[cfg(feature = "ssr")]
pub(crate) struct SharedMarkup(std::sync::Arc<str>);

#[cfg(feature = "ssr")]
mod shared_markup {
    use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
    use leptos::tachys::html::InertElement;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

    use super::SharedMarkup;

    impl SharedMarkup {
        /// The same markup as a live element: the folio command only writes
        /// it, but a view can be mounted, and then it is an `InertElement`.
        fn inert(self) -> InertElement {
            InertElement::new(self.0.to_string())
        }
    }

    impl Render for SharedMarkup {
        type State = <InertElement as Render>::State;

        fn build(self) -> Self::State {
            self.inert().build()
        }

        fn rebuild(self, state: &mut Self::State) {
            self.inert().rebuild(state)
        }
    }

    leptos::tachys::no_attrs!(SharedMarkup);

    impl RenderHtml for SharedMarkup {
        type AsyncOutput = Self;
        type Owned = Self;

        const MIN_LENGTH: usize = 0;

        fn html_len(&self) -> usize {
            self.0.len()
        }

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self {
            self
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            _escape: bool,
            _mark_branches: bool,
            _extra_attrs: Vec<AnyAttribute>,
        ) {
            buf.push_str(&self.0);
            *position = Position::NextChild;
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            self.inert().hydrate::<FROM_SERVER>(cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            self
        }
    }
}
