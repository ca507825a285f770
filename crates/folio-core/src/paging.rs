//! Long lists in numbered pages: which slice of a list a page shows, and
//! which page numbers its navigation links. Home, tag and year pages page the
//! same way in the prerendered site and in the app.

use std::ops::Range;

/// One page of a list of `total` items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// This page, from 1.
    pub page: usize,
    /// How many pages the list has; at least 1, so an empty list has a page.
    pub pages: usize,
    /// The items this page shows.
    pub items: Range<usize>,
}

impl Paging {
    /// Page `page` of `total` items, `page_size` a page; `None` for a page
    /// past the last (its address shows "not found", as a missing folder would).
    pub fn of(total: usize, page_size: usize, page: usize) -> Option<Paging> {
        let page_size = page_size.max(1);
        let pages = total.div_ceil(page_size).max(1);
        if page == 0 || page > pages {
            return None;
        }
        let start = (page - 1) * page_size;
        Some(Paging {
            page,
            pages,
            items: start..(start + page_size).min(total),
        })
    }

    pub fn previous(&self) -> Option<usize> {
        (self.page > 1).then(|| self.page - 1)
    }

    pub fn next(&self) -> Option<usize> {
        (self.page < self.pages).then(|| self.page + 1)
    }

    /// The page numbers to link: the first, the last, and two on each side
    /// of this one, with a gap where numbers are left out. A gap never hides
    /// a single number: that number is shown instead.
    pub fn links(&self) -> Vec<PageLink> {
        const AROUND: usize = 2;
        let low = self.page.saturating_sub(AROUND).max(1);
        let high = (self.page + AROUND).min(self.pages);
        let pages = |range: std::ops::RangeInclusive<usize>| range.map(PageLink::Page);
        let mut links = Vec::new();
        match low {
            1..=3 => links.extend(pages(1..=low - 1)),
            _ => links.extend([PageLink::Page(1), PageLink::Gap]),
        }
        links.extend(pages(low..=high));
        match self.pages - high {
            0..=2 => links.extend(pages(high + 1..=self.pages)),
            _ => links.extend([PageLink::Gap, PageLink::Page(self.pages)]),
        }
        links
    }
}

/// One entry of a page navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    Page(usize),
    /// Numbers left out (`…`).
    Gap,
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test]
    fn pages_slice_the_list() {
        let first = Paging::of(45, 20, 1).expect("page 1");
        assert_eq!((first.pages, first.items.clone()), (3, 0..20));
        assert_eq!((first.previous(), first.next()), (None, Some(2)));
        let last = Paging::of(45, 20, 3).expect("page 3");
        assert_eq!(last.items, 40..45);
        assert_eq!((last.previous(), last.next()), (Some(2), None));
        assert_eq!(Paging::of(45, 20, 4), None, "past the last page");
        assert_eq!(Paging::of(45, 20, 0), None);
    }

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let only = Paging::of(0, 20, 1).expect("page 1");
        assert_eq!((only.pages, only.items), (1, 0..0));
        assert_eq!(Paging::of(0, 20, 2), None);
    }

    #[test]
    fn a_page_size_of_zero_is_read_as_one() {
        assert_eq!(Paging::of(3, 0, 3).map(|p| p.items), Some(2..3));
    }

    fn shown(page: usize, pages: usize) -> String {
        let paging = Paging::of(pages * 10, 10, page).expect("a page");
        let links: Vec<String> = paging
            .links()
            .iter()
            .map(|link| match link {
                PageLink::Page(n) => n.to_string(),
                PageLink::Gap => "…".to_owned(),
            })
            .collect();
        links.join(" ")
    }

    #[test_case(1, 1, "1")]
    #[test_case(1, 3, "1 2 3")]
    #[test_case(1, 10, "1 2 3 … 10")]
    #[test_case(5, 10, "1 2 3 4 5 6 7 … 10" ; "a gap of one shows the number")]
    #[test_case(6, 12, "1 … 4 5 6 7 8 … 12")]
    #[test_case(10, 10, "1 … 8 9 10")]
    #[test_case(500, 500, "1 … 498 499 500")]
    fn links_keep_the_ends_and_the_neighbours(page: usize, pages: usize, expected: &str) {
        assert_eq!(shown(page, pages), expected);
    }
}
