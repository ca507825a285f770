//! Browsing logic: tag and year filters, tag counts, the year/month timeline,
//! and post neighbours. Pure functions over the manifest, tested natively.

mod index;

use std::collections::HashMap;

use crate::i18n::{messages, Lang, Text};
use crate::model::PostMeta;

pub use index::{BrowseIndex, Matching};

/// How several selected tags combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TagMatch {
    /// A post must carry every selected tag (narrows as tags are added).
    #[default]
    All,
    /// A post must carry at least one selected tag (widens as tags are added).
    Any,
}

/// What a reader narrowed the list to. Lives in the URL; see [`crate::routes`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct BrowseFilter {
    pub tags: Vec<String>,
    pub year: Option<i32>,
    pub tag_match: TagMatch,
}

impl BrowseFilter {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.year.is_none()
    }

    pub fn matches(&self, post: &PostMeta) -> bool {
        let year_ok = self.year.is_none_or(|year| post.local_date.year == year);
        let has = |tag: &String| post.tags.iter().any(|t| t == tag);
        let tags_ok = self.tags.is_empty()
            || match self.tag_match {
                TagMatch::All => self.tags.iter().all(has),
                TagMatch::Any => self.tags.iter().any(has),
            };
        year_ok && tags_ok
    }

    /// The same filter with `tag` added, or removed if it was selected.
    pub fn toggled_tag(&self, tag: &str) -> BrowseFilter {
        let mut next = self.clone();
        if let Some(at) = next.tags.iter().position(|t| t == tag) {
            next.tags.remove(at);
        } else {
            next.tags.push(tag.to_owned());
        }
        next
    }

    pub fn with_year(&self, year: Option<i32>) -> BrowseFilter {
        BrowseFilter {
            year,
            ..self.clone()
        }
    }

    pub fn with_tag_match(&self, tag_match: TagMatch) -> BrowseFilter {
        BrowseFilter {
            tag_match,
            ..self.clone()
        }
    }

    /// The document title of page `page` of this list on the site `site`:
    /// `Site`, `#회고 · Site`, `2022년의 글 · 2쪽 · Site`. The prerendered
    /// page and the app both use it.
    pub fn title_in(&self, lang: Lang, page: usize, site: &str) -> String {
        let mut parts = Vec::new();
        if !self.is_empty() {
            parts.push(self.heading_in(lang));
        }
        if page > 1 {
            parts.push(messages(lang).page_number(page));
        }
        parts.push(site.to_owned());
        parts.join(" · ")
    }

    /// The heading of the page showing this filter, in the interface's
    /// language: `All posts`, `#회고`, `#회고 + #rust · 2022`, `Posts from
    /// 2022`; `2022년의 글`, `#회고 또는 #rust`.
    pub fn heading_in(&self, lang: Lang) -> String {
        let m = messages(lang);
        let joiner = m.tag_joiner(self.tag_match == TagMatch::All);
        let tags: Vec<String> = self.tags.iter().map(|t| format!("#{t}")).collect();
        match (tags.is_empty(), self.year) {
            (false, Some(year)) => format!("{} · {year}", tags.join(joiner)),
            (false, None) => tags.join(joiner),
            (true, Some(year)) => m.posts_from_year(year),
            (true, None) => m.text(Text::AllPosts).to_owned(),
        }
    }
}

/// The years a reader can narrow `filter` to: those with posts of its tags
/// (every year when it has none), and the year it already shows. So a year
/// chip never leads to an empty list, and each one on a tag's page has a
/// page of its own (`years/<year>/tags/<tag>/`).
///
/// The plain scan over every post: the definition [`BrowseIndex`] is
/// checked against, which pages use instead.
#[cfg(test)]
pub fn year_choices(posts: &[PostMeta], filter: &BrowseFilter) -> Vec<i32> {
    let mut choices: Vec<i32> = filter_posts(posts, &filter.with_year(None))
        .into_iter()
        .map(|post| post.local_date.year)
        .chain(filter.year)
        .collect();
    choices.sort_unstable_by(|a, b| b.cmp(a));
    choices.dedup();
    choices
}

/// The tags a reader can add to `filter`, counted within its year (every
/// post when it has none), and the tags it already shows. As with
/// [`year_choices`], each chip on a year's page has a page of its own.
/// The plain scan, as [`year_choices`] is.
#[cfg(test)]
pub fn tag_choices(posts: &[PostMeta], filter: &BrowseFilter) -> Vec<TagCount> {
    let in_year = BrowseFilter {
        year: filter.year,
        ..Default::default()
    };
    let mut choices = tag_counts(filter_posts(posts, &in_year));
    for tag in &filter.tags {
        if !choices.iter().any(|c| &c.tag == tag) {
            choices.push(TagCount {
                tag: tag.clone(),
                count: 0,
            });
        }
    }
    choices
}

/// The tag chips a list shows: the `limit` most used of `choices` and every
/// tag `filter` selects, in the choices' order, with how many were left out.
/// A blog with 1,000 tags keeps a short filter bar; the tag index lists them all.
/// The plain definition: lists ask `BrowseIndex::tag_chips`, which copies only the chips.
#[cfg(test)]
pub fn chip_tags(
    choices: Vec<TagCount>,
    filter: &BrowseFilter,
    limit: usize,
) -> (Vec<TagCount>, usize) {
    let total = choices.len();
    let shown: Vec<TagCount> = choices
        .into_iter()
        .enumerate()
        .filter(|(rank, choice)| *rank < limit || filter.tags.contains(&choice.tag))
        .map(|(_, choice)| choice)
        .collect();
    let hidden = total - shown.len();
    (shown, hidden)
}

/// Posts that pass `filter`, in manifest order (newest first). The plain
/// scan, kept as the tests' definition of [`BrowseIndex::matching`].
#[cfg(test)]
pub fn filter_posts<'a>(posts: &'a [PostMeta], filter: &BrowseFilter) -> Vec<&'a PostMeta> {
    posts.iter().filter(|post| filter.matches(post)).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: String,
    pub count: usize,
}

/// Every tag with its number of posts, most used first, then alphabetically.
/// One map lookup per tag of each post, so 1,000 tags cost no more than 10.
pub fn tag_counts<'a>(posts: impl IntoIterator<Item = &'a PostMeta>) -> Vec<TagCount> {
    let mut by_tag: HashMap<&str, usize> = HashMap::new();
    for tag in posts.into_iter().flat_map(|post| &post.tags) {
        *by_tag.entry(tag.as_str()).or_default() += 1;
    }
    let mut counts: Vec<TagCount> = by_tag
        .into_iter()
        .map(|(tag, count)| TagCount {
            tag: tag.to_owned(),
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
    counts
}

/// Every year that has posts, newest first.
pub fn years<'a>(posts: impl IntoIterator<Item = &'a PostMeta>) -> Vec<i32> {
    let mut years: Vec<i32> = posts.into_iter().map(|post| post.local_date.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearGroup<'a> {
    pub year: i32,
    pub months: Vec<MonthGroup<'a>>,
}

impl YearGroup<'_> {
    pub fn count(&self) -> usize {
        self.months.iter().map(|month| month.posts.len()).sum()
    }

    /// Posts in each month, January first: the bars of the timeline's month chart.
    pub fn month_counts(&self) -> [usize; 12] {
        let mut counts = [0; 12];
        for month in &self.months {
            if let Some(slot) = counts.get_mut(month.month.saturating_sub(1) as usize) {
                *slot += month.posts.len();
            }
        }
        counts
    }
}

/// The most posts any one month has, so month bars share a scale (at least 1).
pub fn busiest_month(groups: &[YearGroup]) -> usize {
    groups
        .iter()
        .flat_map(|g| g.month_counts())
        .max()
        .unwrap_or(0)
        .max(1)
}

/// Height of a month's bar in percent of the busiest month; a month with posts
/// is never drawn shorter than 15%, so it stays visible.
pub fn month_bar_percent(count: usize, busiest: usize) -> usize {
    match count {
        0 => 0,
        n => (n * 100 / busiest.max(1)).max(15),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthGroup<'a> {
    pub month: u32,
    pub posts: Vec<&'a PostMeta>,
}

/// Groups posts by their local year, then month, newest first, keeping the
/// given order inside a month.
pub fn group_by_year_month<'a>(posts: &[&'a PostMeta]) -> Vec<YearGroup<'a>> {
    let mut sorted: Vec<&'a PostMeta> = posts.to_vec();
    // Stable sort: posts of the same month keep the manifest's newest-first order.
    sorted.sort_by(|a, b| {
        (b.local_date.year, b.local_date.month).cmp(&(a.local_date.year, a.local_date.month))
    });
    let mut groups: Vec<YearGroup<'a>> = Vec::new();
    for post in sorted {
        let (year, month) = (post.local_date.year, post.local_date.month);
        if groups.last().is_none_or(|group| group.year != year) {
            groups.push(YearGroup {
                year,
                months: Vec::new(),
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        match group.months.last_mut() {
            Some(last) if last.month == month => last.posts.push(post),
            _ => group.months.push(MonthGroup {
                month,
                posts: vec![post],
            }),
        }
    }
    groups
}

/// Up to `limit` other posts sharing the most tags with `slug` (a tag
/// written twice counts once); ties go to the newer post. The plain scan, as
/// [`year_choices`] is.
#[cfg(test)]
pub fn related<'a>(posts: &'a [PostMeta], slug: &str, limit: usize) -> Vec<&'a PostMeta> {
    let Some(current) = posts.iter().find(|post| post.slug == slug) else {
        return Vec::new();
    };
    let mut scored: Vec<(usize, usize, &PostMeta)> = posts
        .iter()
        .enumerate()
        .filter(|(_, post)| post.slug != slug)
        .map(|(order, post)| {
            // A tag written twice in one post is shared once.
            let mut tags: Vec<&String> = post.tags.iter().collect();
            tags.sort_unstable();
            tags.dedup();
            let shared = tags.iter().filter(|t| current.tags.contains(t)).count();
            (shared, order, post)
        })
        .filter(|(shared, _, _)| *shared > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, _, post)| post)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{tests::sample, LocalDate};

    fn post(slug: &str, (year, month, day): (i32, u32, u32), tags: &[&str]) -> PostMeta {
        let mut post = sample(slug, "content/x.md");
        post.local_date = LocalDate { year, month, day };
        post.tags = tags.iter().map(|t| t.to_string()).collect();
        post
    }

    fn demo() -> Vec<PostMeta> {
        vec![
            post("d", (2024, 1, 1), &["회고"]),
            post("c", (2022, 12, 30), &["회고", "kubernetes"]),
            post("b", (2022, 12, 2), &["kubernetes"]),
            post("a", (2021, 3, 4), &["rust", "회고"]),
        ]
    }

    fn slugs(posts: &[&PostMeta]) -> Vec<String> {
        posts.iter().map(|p| p.slug.clone()).collect()
    }

    #[test]
    fn all_of_tags_narrows() {
        let posts = demo();
        let filter = BrowseFilter {
            tags: vec!["회고".into(), "kubernetes".into()],
            ..Default::default()
        };
        assert_eq!(slugs(&filter_posts(&posts, &filter)), ["c"]);
    }

    #[test]
    fn any_of_tags_widens() {
        let posts = demo();
        let filter = BrowseFilter {
            tags: vec!["rust".into(), "kubernetes".into()],
            tag_match: TagMatch::Any,
            ..Default::default()
        };
        assert_eq!(slugs(&filter_posts(&posts, &filter)), ["c", "b", "a"]);
    }

    #[test]
    fn tag_and_year_combine() {
        let posts = demo();
        let filter = BrowseFilter {
            tags: vec!["회고".into()],
            year: Some(2022),
            ..Default::default()
        };
        assert_eq!(slugs(&filter_posts(&posts, &filter)), ["c"]);
    }

    #[test]
    fn empty_filter_keeps_everything() {
        let posts = demo();
        assert_eq!(filter_posts(&posts, &BrowseFilter::default()).len(), 4);
    }

    #[test]
    fn toggling_a_tag_twice_restores_the_filter() {
        let filter = BrowseFilter::default();
        let on = filter.toggled_tag("회고");
        assert_eq!(on.tags, ["회고"]);
        assert_eq!(on.toggled_tag("회고"), filter);
    }

    #[test]
    fn year_choices_follow_the_tags() {
        let posts = vec![
            post("a", (2024, 1, 1), &["rust"]),
            post("b", (2022, 1, 1), &["rust", "회고"]),
            post("c", (2021, 1, 1), &["회고"]),
        ];
        let mut filter = BrowseFilter::default();
        assert_eq!(year_choices(&posts, &filter), vec![2024, 2022, 2021]);
        filter.tags = vec!["rust".into()];
        assert_eq!(year_choices(&posts, &filter), vec![2024, 2022]);
        filter.year = Some(2021);
        assert_eq!(
            year_choices(&posts, &filter),
            vec![2024, 2022, 2021],
            "the shown year stays"
        );
    }

    #[test]
    fn tag_choices_follow_the_year() {
        let posts = vec![
            post("a", (2024, 1, 1), &["rust"]),
            post("b", (2022, 1, 1), &["rust", "회고"]),
            post("c", (2022, 2, 1), &["회고"]),
        ];
        let names = |filter: &BrowseFilter| -> Vec<(String, usize)> {
            tag_choices(&posts, filter)
                .into_iter()
                .map(|c| (c.tag, c.count))
                .collect()
        };
        let mut filter = BrowseFilter::default();
        assert_eq!(names(&filter), vec![("rust".into(), 2), ("회고".into(), 2)]);
        filter.year = Some(2024);
        assert_eq!(names(&filter), vec![("rust".into(), 1)]);
        filter.tags = vec!["회고".into()];
        assert_eq!(
            names(&filter),
            vec![("rust".into(), 1), ("회고".into(), 0)],
            "the shown tag stays"
        );
    }

    #[test]
    fn chips_keep_the_most_used_and_the_selected_tags() {
        let choices: Vec<TagCount> = (0..1000)
            .map(|n| TagCount {
                tag: format!("tag{n}"),
                count: 1000 - n,
            })
            .collect();
        let filter = BrowseFilter {
            tags: vec!["tag900".into()],
            ..Default::default()
        };
        let (shown, hidden) = chip_tags(choices, &filter, 20);
        assert_eq!(shown.len(), 21);
        assert_eq!(hidden, 979);
        assert_eq!(shown[0].tag, "tag0");
        assert_eq!(
            shown[20].tag, "tag900",
            "a selected tag always has its chip"
        );
    }

    #[test]
    fn list_titles_name_the_filter_and_the_page() {
        let mut filter = BrowseFilter::default();
        assert_eq!(filter.title_in(Lang::Ko, 1, "노트"), "노트");
        assert_eq!(filter.title_in(Lang::Ko, 2, "노트"), "2쪽 · 노트");
        filter.year = Some(2022);
        assert_eq!(
            filter.title_in(Lang::Ko, 3, "노트"),
            "2022년의 글 · 3쪽 · 노트"
        );
        assert_eq!(
            filter.title_in(Lang::En, 1, "Notes"),
            "Posts from 2022 · Notes"
        );
    }

    #[test]
    fn headings_describe_the_filter() {
        let mut filter = BrowseFilter::default();
        assert_eq!(filter.heading_in(Lang::En), "All posts");
        filter.year = Some(2022);
        assert_eq!(filter.heading_in(Lang::En), "Posts from 2022");
        filter.tags = vec!["회고".into(), "rust".into()];
        assert_eq!(filter.heading_in(Lang::En), "#회고 + #rust · 2022");
        filter.tag_match = TagMatch::Any;
        filter.year = None;
        assert_eq!(filter.heading_in(Lang::En), "#회고 or #rust");
        assert_eq!(filter.heading_in(Lang::Ko), "#회고 또는 #rust");
        filter.tags.clear();
        filter.year = Some(2022);
        assert_eq!(filter.heading_in(Lang::Ko), "2022년의 글");
        filter.year = None;
        assert_eq!(filter.heading_in(Lang::Ko), "모든 글");
    }

    #[test]
    fn tag_counts_most_used_first() {
        let counts = tag_counts(&demo());
        let pairs: Vec<(&str, usize)> = counts.iter().map(|c| (c.tag.as_str(), c.count)).collect();
        assert_eq!(pairs, [("회고", 3), ("kubernetes", 2), ("rust", 1)]);
    }

    #[test]
    fn timeline_groups_newest_first() {
        let posts = demo();
        let all: Vec<&PostMeta> = posts.iter().collect();
        let groups = group_by_year_month(&all);
        let shape: Vec<(i32, Vec<(u32, usize)>)> = groups
            .iter()
            .map(|g| {
                (
                    g.year,
                    g.months.iter().map(|m| (m.month, m.posts.len())).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (2024, vec![(1, 1)]),
                (2022, vec![(12, 2)]),
                (2021, vec![(3, 1)])
            ]
        );
        assert_eq!(groups[1].count(), 2);
        assert_eq!(slugs(&groups[1].months[0].posts), ["c", "b"]);
    }

    #[test]
    fn month_counts_and_bar_heights() {
        let posts = demo();
        let all: Vec<&PostMeta> = posts.iter().collect();
        let groups = group_by_year_month(&all);
        assert_eq!(groups[1].month_counts()[11], 2);
        assert_eq!(groups[1].month_counts().iter().sum::<usize>(), 2);
        assert_eq!(busiest_month(&groups), 2);
        assert_eq!(month_bar_percent(0, 2), 0);
        assert_eq!(month_bar_percent(2, 2), 100);
        assert_eq!(month_bar_percent(1, 40), 15);
    }

    #[test]
    fn timeline_of_nothing_is_empty() {
        assert!(group_by_year_month(&[]).is_empty());
    }

    #[test]
    fn years_are_distinct_and_newest_first() {
        assert_eq!(years(&demo()), [2024, 2022, 2021]);
    }

    #[test]
    fn related_prefers_more_shared_tags() {
        let posts = demo();
        assert_eq!(slugs(&related(&posts, "c", 3)), ["d", "b", "a"]);
        assert_eq!(slugs(&related(&posts, "b", 3)), ["c"]);
    }
}
