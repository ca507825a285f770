//! Posting lists for browsing: which posts carry each tag and fall in each
//! year, and the tag counts of every year, worked out once per manifest.
//!
//! A filter change then costs the length of the lists it touches, not a scan
//! of every post and every tag: at 10,000 posts a tag click is a few
//! thousand integer comparisons. The answers are exactly those of the plain
//! scans over every post that the tests keep as their definition.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

// Slugs and tags are the author's own, not an attacker's: FxHash, not SipHash.
use rustc_hash::FxHashMap;

use super::{tag_counts, BrowseFilter, TagCount, TagMatch};
use crate::model::PostMeta;

pub struct BrowseIndex {
    total: usize,
    /// Position of each post by slug.
    by_slug: FxHashMap<String, usize>,
    /// Positions of each tag's posts, ascending (the manifest's order).
    by_tag: FxHashMap<String, Vec<usize>>,
    /// Positions of each year's posts, ascending.
    by_year: BTreeMap<i32, Vec<usize>>,
    all_tags: Vec<TagCount>,
    tags_by_year: FxHashMap<i32, Vec<TagCount>>,
}

impl BrowseIndex {
    pub fn new(posts: &[PostMeta]) -> BrowseIndex {
        let mut by_tag: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        let mut by_slug = FxHashMap::with_capacity_and_hasher(posts.len(), Default::default());
        for (at, post) in posts.iter().enumerate() {
            by_slug.entry(post.slug.clone()).or_insert(at);
            for tag in &post.tags {
                let list = by_tag.entry(tag.clone()).or_default();
                // A tag written twice in one post counts once.
                if list.last() != Some(&at) {
                    list.push(at);
                }
            }
            by_year.entry(post.local_date.year).or_default().push(at);
        }
        let tags_by_year = by_year
            .iter()
            .map(|(&year, list)| (year, tag_counts(list.iter().map(|&at| &posts[at]))))
            .collect();
        BrowseIndex {
            total: posts.len(),
            by_slug,
            all_tags: tag_counts(posts),
            by_tag,
            by_year,
            tags_by_year,
        }
    }

    /// The posts that pass `filter`. No filter, one tag or one year (most
    /// lists) is answered by a list the index already has, without copying
    /// it: every page of a tag's list asks, and a tag of 8,000 posts has 400.
    pub fn matching(&self, filter: &BrowseFilter) -> Matching<'_> {
        let worked_out = |list: Vec<usize>| Matching::List(Cow::Owned(list));
        match (filter.tags.as_slice(), filter.year) {
            ([], None) => return Matching::All(self.total),
            ([tag], None) => return Matching::List(Cow::Borrowed(self.tag_list(tag))),
            ([], Some(year)) => return Matching::List(Cow::Borrowed(self.year_list(year))),
            ([tag], Some(year)) => {
                return worked_out(intersect(self.tag_list(tag), self.year_list(year)))
            }
            _ => {}
        }
        let by_tags = match (filter.tags.as_slice(), filter.tag_match) {
            ([], _) => None,
            (tags, TagMatch::All) => Some(self.with_all(tags)),
            (tags, TagMatch::Any) => Some(self.with_any(tags)),
        };
        let in_year = filter.year.map(|year| self.year_list(year));
        worked_out(match (by_tags, in_year) {
            (None, None) => (0..self.total).collect(),
            (Some(tagged), None) => tagged,
            (None, Some(year)) => year.to_vec(),
            (Some(tagged), Some(year)) => intersect(&tagged, year),
        })
    }

    /// The tags a reader can add to `filter`, counted within its year (every
    /// post when it has none), most used first, then the selected ones that
    /// have no post there. Each chip on a year's page has a page of its own.
    /// Lists ask [`BrowseIndex::tag_chips`]; this is the tests' whole answer.
    #[cfg(test)]
    pub fn tag_choices(&self, filter: &BrowseFilter) -> Vec<TagCount> {
        let counts = self.tag_counts_in(filter.year);
        let mut choices = counts.to_vec();
        choices.extend(uncounted_tags(counts, filter));
        choices
    }

    /// The chips of `tag_choices` a list shows (`chip_tags`:
    /// the `limit` most used and every selected tag) and how many are left
    /// out, copying only those shown: a blog with 1,000 tags shows 20, and
    /// every list (each tag's, each year's and each tag's in a year) asks.
    pub fn tag_chips(&self, filter: &BrowseFilter, limit: usize) -> (Vec<TagCount>, usize) {
        let counts = self.tag_counts_in(filter.year);
        let mut shown: Vec<TagCount> = counts
            .iter()
            .enumerate()
            .filter(|(rank, choice)| *rank < limit || filter.tags.contains(&choice.tag))
            .map(|(_, choice)| choice.clone())
            .collect();
        // The uncounted selected tags come after every counted one, and are
        // shown, being selected: only counted ones are left out.
        let hidden = counts.len() - shown.len();
        shown.extend(uncounted_tags(counts, filter));
        (shown, hidden)
    }

    /// Every tag of `year`'s posts (of every post when `None`), most used first.
    fn tag_counts_in(&self, year: Option<i32>) -> &[TagCount] {
        match year {
            Some(year) => self.tags_by_year.get(&year).map_or(&[][..], Vec::as_slice),
            None => &self.all_tags,
        }
    }

    /// The years a reader can narrow `filter` to, newest first: those with
    /// posts of its tags (every year when it has none) and the year it
    /// already shows, so a year chip never leads to an empty list.
    pub fn year_choices(&self, filter: &BrowseFilter, posts: &[PostMeta]) -> Vec<i32> {
        let mut years: Vec<i32> = if filter.tags.is_empty() {
            self.by_year.keys().copied().collect()
        } else {
            self.matching(&filter.with_year(None))
                .iter()
                .filter_map(|at| posts.get(at).map(|post| post.local_date.year))
                .collect()
        };
        years.extend(filter.year);
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Position of the post with `slug` in the manifest.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.by_slug.get(slug).copied()
    }

    /// Up to `limit` other posts sharing the most tags with the post at `at`,
    /// newer first on ties.
    ///
    /// Posts are visited newest first, so a later post with as many shared
    /// tags never displaces one kept. Once `limit` posts are kept and the
    /// worst shares `m` tags, only a post in more than `m` of the current
    /// post's tag lists can enter, and such a post is in one of the `k - m`
    /// shortest lists (`k` tags in all): only those are walked. A post whose
    /// one tag half the blog carries is answered from the first few
    /// positions, not by scoring every post that shares it.
    pub fn related(&self, posts: &[PostMeta], at: usize, limit: usize) -> Vec<usize> {
        let Some(current) = posts.get(at).filter(|_| limit > 0) else {
            return Vec::new();
        };
        let mut tags: Vec<&str> = current.tags.iter().map(String::as_str).collect();
        tags.sort_unstable();
        tags.dedup();
        let mut lists: Vec<&[usize]> = tags
            .iter()
            .map(|tag| self.tag_list(tag))
            .filter(|list| !list.is_empty())
            .collect();
        lists.sort_by_key(|list| list.len());
        let shared_by = |position: usize| {
            lists
                .iter()
                .filter(|list| list.binary_search(&position).is_ok())
                .count()
        };
        // (shared tags, position), best first.
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(limit + 1);
        // Where each list is walked to: positions only grow, so each list
        // is walked once, never searched again from its start.
        let mut cursors = vec![0; lists.len()];
        let mut from = 0;
        loop {
            let needed = match kept.get(limit - 1) {
                Some(&(worst, _)) => worst + 1,
                None => 1,
            };
            if needed > lists.len() {
                break;
            }
            let walked = lists.len() + 1 - needed;
            let mut next: Option<usize> = None;
            for (list, cursor) in lists[..walked].iter().zip(&mut cursors) {
                while list.get(*cursor).is_some_and(|&p| p < from) {
                    *cursor += 1;
                }
                if let Some(&p) = list.get(*cursor) {
                    next = Some(next.map_or(p, |n| n.min(p)));
                }
            }
            let Some(position) = next else {
                break;
            };
            from = position + 1;
            if position == at || posts.get(position).is_none_or(|p| p.slug == current.slug) {
                continue;
            }
            let shared = shared_by(position);
            if shared < needed {
                continue;
            }
            let place = kept
                .iter()
                .position(|&(s, _)| s < shared)
                .unwrap_or(kept.len());
            kept.insert(place, (shared, position));
            kept.truncate(limit);
        }
        kept.into_iter().map(|(_, position)| position).collect()
    }

    /// Whether a tag has any post, without counting.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.by_tag.contains_key(tag)
    }

    pub fn has_year(&self, year: i32) -> bool {
        self.by_year.contains_key(&year)
    }

    fn tag_list(&self, tag: &str) -> &[usize] {
        self.by_tag.get(tag).map_or(&[], Vec::as_slice)
    }

    fn year_list(&self, year: i32) -> &[usize] {
        self.by_year.get(&year).map_or(&[], Vec::as_slice)
    }

    /// Posts with every tag: the lists intersected, shortest first.
    fn with_all(&self, tags: &[String]) -> Vec<usize> {
        let mut lists: Vec<&[usize]> = tags.iter().map(|tag| self.tag_list(tag)).collect();
        lists.sort_by_key(|list| list.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        rest.iter()
            .fold(first.to_vec(), |acc, list| intersect(&acc, list))
    }

    /// Posts with at least one of the tags: the lists merged.
    fn with_any(&self, tags: &[String]) -> Vec<usize> {
        let mut all: Vec<usize> = tags
            .iter()
            .flat_map(|tag| self.tag_list(tag))
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Positions of the posts that pass a filter, ascending: newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matching<'a> {
    /// Every post: positions `0..n`.
    All(usize),
    /// Borrowed from the index where one of its lists is the answer.
    List(Cow<'a, [usize]>),
}

impl Matching<'_> {
    pub fn len(&self) -> usize {
        match self {
            Matching::All(total) => *total,
            Matching::List(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The positions in `range` (one page of the list), cut to the list.
    pub fn slice(&self, range: Range<usize>) -> Vec<usize> {
        let end = range.end.min(self.len());
        let range = range.start.min(end)..end;
        match self {
            Matching::All(_) => range.collect(),
            Matching::List(list) => list[range].to_vec(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let (every, list) = match self {
            Matching::All(total) => (0..*total, None),
            Matching::List(list) => (0..0, Some(list.iter().copied())),
        };
        every.chain(list.into_iter().flatten())
    }
}

/// The tags `filter` selects that no post in `counts` has: chips of their
/// own, with a count of 0, so a selected tag can always be unselected.
fn uncounted_tags<'a>(
    counts: &'a [TagCount],
    filter: &'a BrowseFilter,
) -> impl Iterator<Item = TagCount> + 'a {
    filter
        .tags
        .iter()
        .filter(|tag| !counts.iter().any(|c| &c.tag == *tag))
        .map(|tag| TagCount {
            tag: tag.clone(),
            count: 0,
        })
}

/// The common items of two ascending lists. Each item of the shorter is
/// looked for in the longer by galloping from where the last one was found:
/// a tag's posts in one year take a few steps per post of the year, not a
/// walk over every post of the tag.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (short, mut long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(short.len());
    for &item in short {
        let mut step = 1;
        while long.get(step - 1).is_some_and(|&seen| seen < item) {
            step *= 2;
        }
        let window = &long[..step.min(long.len())];
        let at = window.partition_point(|&seen| seen < item);
        long = &long[at..];
        match long.first() {
            Some(&seen) if seen == item => {
                out.push(item);
                long = &long[1..];
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{filter_posts, related, tag_choices, year_choices};
    use super::*;
    use crate::model::LocalDate;

    /// 300 posts over five years with overlapping tags, some repeated in a post.
    fn posts() -> Vec<PostMeta> {
        let json = serde_json::json!({
            "slug": "", "title": "", "date": "2024-01-01T00:00:00+00:00",
            "local_date": {"year": 2024, "month": 1, "day": 1},
            "reading_minutes": 1, "source": "content/a.md", "hash": "h"
        });
        let template: PostMeta = serde_json::from_value(json).expect("a post");
        (0..300)
            .map(|n| {
                let mut post = template.clone();
                post.slug = format!("p{n}");
                post.local_date = LocalDate {
                    year: 2024 - (n as i32 / 60),
                    month: 1,
                    day: 1,
                };
                post.tags = ["a", "b", "c", "회고", "d"]
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| n % (k + 2) == 0)
                    .map(|(_, tag)| (*tag).to_owned())
                    .collect();
                if n % 7 == 0 {
                    post.tags.push("a".into());
                }
                post
            })
            .collect()
    }

    fn filters() -> Vec<BrowseFilter> {
        let tag_sets: [&[&str]; 6] = [
            &[],
            &["a"],
            &["a", "b"],
            &["회고", "c", "d"],
            &["nothing"],
            &["a", "nothing"],
        ];
        let mut filters = Vec::new();
        for tags in tag_sets {
            for year in [None, Some(2024), Some(2021), Some(1999)] {
                for tag_match in [TagMatch::All, TagMatch::Any] {
                    filters.push(BrowseFilter {
                        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
                        year,
                        tag_match,
                    });
                }
            }
        }
        filters
    }

    #[test]
    fn intersect_keeps_the_common_items_in_order() {
        let lists: [&[usize]; 6] = [
            &[],
            &[3],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            &[1, 5, 9, 12, 40],
            &[0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 40, 41],
            &[13, 40, 100],
        ];
        for a in lists {
            for b in lists {
                let expected: Vec<usize> = a.iter().copied().filter(|x| b.contains(x)).collect();
                assert_eq!(intersect(a, b), expected, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_index_answers_as_the_plain_scan_does() {
        let posts = posts();
        let index = BrowseIndex::new(&posts);
        for filter in filters() {
            let scanned: Vec<usize> = filter_posts(&posts, &filter)
                .iter()
                .map(|post| {
                    posts
                        .iter()
                        .position(|p| p.slug == post.slug)
                        .expect("a post")
                })
                .collect();
            let matching = index.matching(&filter);
            assert_eq!(matching.iter().collect::<Vec<_>>(), scanned, "{filter:?}");
            assert_eq!(matching.len(), scanned.len(), "{filter:?}");
            for (start, end) in [(0, 1), (1, 3), (2, 50), (40, 60)] {
                let expected = scanned
                    .get(start..end.min(scanned.len()))
                    .unwrap_or_default();
                assert_eq!(matching.slice(start..end), expected, "{filter:?}");
            }
            assert_eq!(
                index.tag_choices(&filter),
                tag_choices(&posts, &filter),
                "{filter:?}"
            );
            for limit in [0, 1, 2, 20] {
                assert_eq!(
                    index.tag_chips(&filter, limit),
                    super::super::chip_tags(tag_choices(&posts, &filter), &filter, limit),
                    "{filter:?}, {limit} chips"
                );
            }
            assert_eq!(
                index.year_choices(&filter, &posts),
                year_choices(&posts, &filter),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn related_posts_on_uneven_tags_come_out_as_the_plain_scan_finds_them() {
        // One tag on most posts, a long tail of others, as real blogs have.
        let mut posts = posts();
        let mut seed: u64 = 7;
        for post in &mut posts {
            let mut draw = |modulo: u64| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (seed >> 33) % modulo
            };
            post.tags = (0..1 + draw(4))
                .map(|_| match draw(3) {
                    0 => "common".to_owned(),
                    _ => format!("t{}", draw(40)),
                })
                .collect();
        }
        let index = BrowseIndex::new(&posts);
        for limit in [1, 3, 5] {
            for (at, post) in posts.iter().enumerate() {
                let slugs = |found: Vec<&PostMeta>| {
                    found.iter().map(|p| p.slug.clone()).collect::<Vec<_>>()
                };
                let at_slugs = |found: Vec<usize>| {
                    found
                        .iter()
                        .map(|&at| posts[at].slug.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    at_slugs(index.related(&posts, at, limit)),
                    slugs(related(&posts, &post.slug, limit)),
                    "{} {:?}",
                    post.slug,
                    post.tags
                );
            }
        }
    }

    #[test]
    fn related_posts_come_out_as_the_plain_scan_finds_them() {
        let posts = posts();
        let index = BrowseIndex::new(&posts);
        for (at, post) in posts.iter().enumerate() {
            assert_eq!(index.position(&post.slug), Some(at));
            let slugs =
                |found: Vec<&PostMeta>| found.iter().map(|p| p.slug.clone()).collect::<Vec<_>>();
            let at_slugs = |found: Vec<usize>| {
                found
                    .iter()
                    .map(|&at| posts[at].slug.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                at_slugs(index.related(&posts, at, 3)),
                slugs(related(&posts, &post.slug, 3)),
                "{}",
                post.slug
            );
        }
    }

    #[test]
    fn knows_which_tags_and_years_exist() {
        let posts = posts();
        let index = BrowseIndex::new(&posts);
        assert!(index.has_tag("회고") && !index.has_tag("nothing"));
        assert!(index.has_year(2020) && !index.has_year(2019));
    }
}
