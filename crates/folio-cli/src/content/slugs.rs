//! Every post keeps its own address. Jekyll publishes `2019-05-01-notes.md`
//! and `2019-05-02-notes.md` under two dated URLs; Folio's URL has no date,
//! so posts that would share a slug get the date in it instead of an error.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Severity};
use chrono::{DateTime, FixedOffset};

/// A post's or page's claim to a slug: its file, its date, and the slug
/// it asks for, which [`make_unique`] may change. The slug is apart from
/// the rest of what was read, so an index keeps that as it was read.
pub struct SlugClaim<'p> {
    pub file: &'p Path,
    pub date: Option<DateTime<FixedOffset>>,
    pub slug: &'p mut String,
}

/// Renames the slugs that would collide, in the given order. With `dated`,
/// every post of a shared slug takes its date (so adding a post never moves
/// an older one), and a number on the same day; without, the first keeps its
/// slug and the others are numbered. Returns one warning per rename.
pub fn make_unique<'p>(posts: impl Iterator<Item = SlugClaim<'p>>, dated: bool) -> Vec<Diagnostic> {
    let posts: Vec<(&Path, SlugClaim)> = posts.map(|claim| (claim.file, claim)).collect();
    let mut uses: HashMap<String, Vec<&Path>> = HashMap::new();
    for (file, post) in &posts {
        uses.entry(post.slug.to_string()).or_default().push(file);
    }
    let mut taken: HashMap<String, ()> = posts
        .iter()
        .filter(|(_, post)| uses[post.slug.as_str()].len() == 1)
        .map(|(_, post)| (post.slug.clone(), ()))
        .collect();
    let mut warnings = Vec::new();
    for (file, post) in posts {
        let sharing = &uses[post.slug.as_str()];
        if sharing.len() < 2 {
            continue;
        }
        let others: Vec<String> = sharing
            .iter()
            .filter(|other| **other != file)
            .map(|other| other.display().to_string())
            .collect();
        // Undated pages: the first keeps its name, later ones are numbered.
        if !dated && !taken.contains_key(post.slug.as_str()) {
            taken.insert(post.slug.clone(), ());
            continue;
        }
        let stem = match (dated, post.date) {
            (true, Some(date)) => format!("{}-{}", date.format("%Y-%m-%d"), post.slug),
            _ => post.slug.clone(),
        };
        let mut slug = stem.clone();
        let mut n = 2;
        while taken.contains_key(&slug) {
            slug = format!("{stem}-{n}");
            n += 1;
        }
        taken.insert(slug.clone(), ());
        warnings.push(
            Diagnostic::new(
                Severity::Warning,
                file,
                format!(
                    "slug `{}` is shared with {}; published as `{slug}`",
                    post.slug,
                    others.join(", ")
                ),
            )
            .fix("give the post its own `slug:` in the front matter to choose its address"),
        );
        *post.slug = slug;
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::read::ReadPost;

    /// Each post's claim, as the indexer makes it.
    fn claims<'p>(
        files: &'p [&str],
        posts: &'p mut [ReadPost],
    ) -> impl Iterator<Item = SlugClaim<'p>> {
        files
            .iter()
            .zip(posts.iter_mut())
            .map(|(file, post)| SlugClaim {
                file: Path::new(file),
                date: post.date,
                slug: &mut post.slug,
            })
    }

    fn read(slug: &str, date: &str) -> ReadPost {
        ReadPost {
            fields: Default::default(),
            body: "".into(),
            body_line: 1,
            date: DateTime::parse_from_rfc3339(date).ok(),
            slug: slug.to_owned(),
            has_front_matter: true,
            assumed_zone: None,
        }
    }

    #[test]
    fn shared_slugs_take_their_dates_and_unique_ones_stay() {
        let files = [
            "_posts/2019-05-01-notes.md",
            "_posts/2019-05-02-notes.md",
            "a.md",
        ];
        let mut posts = [
            read("notes", "2019-05-01T00:00:00+09:00"),
            read("notes", "2019-05-02T00:00:00+09:00"),
            read("solo", "2019-05-03T00:00:00+09:00"),
        ];
        let warnings = make_unique(claims(&files, &mut posts), true);
        let slugs: Vec<&str> = posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["2019-05-01-notes", "2019-05-02-notes", "solo"]);
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].message.contains("_posts/2019-05-02-notes.md"));
    }

    #[test]
    fn the_same_day_gets_a_number() {
        let files = ["a/notes.md", "b/notes.md", "c/notes.md"];
        let mut posts = [
            read("notes", "2019-05-01T09:00:00+09:00"),
            read("notes", "2019-05-01T10:00:00+09:00"),
            read("notes", "2019-05-01T11:00:00+09:00"),
        ];
        make_unique(claims(&files, &mut posts), true);
        let slugs: Vec<&str> = posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "2019-05-01-notes",
                "2019-05-01-notes-2",
                "2019-05-01-notes-3"
            ]
        );
    }

    #[test]
    fn pages_get_numbers() {
        let files = ["about.md", "pages/about.md"];
        let mut pages = [
            read("about", "2019-05-01T09:00:00+09:00"),
            read("about", "2019-05-01T09:00:00+09:00"),
        ];
        make_unique(claims(&files, &mut pages), false);
        let slugs: Vec<&str> = pages.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["about", "about-2"]);
    }
}
