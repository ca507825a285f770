//! Links between posts as other generators write them (`{% post_url %}`,
//! `{% link _posts/….md %}`, Hugo's `ref`), resolved to Folio's addresses.

use std::collections::HashMap;
use std::path::Path;

use folio_core::routes::Route;
use rayon::prelude::*;

use super::read::bundle_or_stem;
use crate::normalize::PostLinks;

/// Every name a post may be referred to by, mapped to its href.
pub struct LinkTable {
    hrefs: HashMap<String, String>,
}

impl LinkTable {
    pub fn new<'f>(base_path: &str, routes: impl Iterator<Item = (&'f Path, Route)>) -> LinkTable {
        // Each file's names are worked out on every core; they are entered
        // in order, so the first file to claim a name keeps it.
        let routes: Vec<(&Path, Route)> = routes.collect();
        let named: Vec<(Vec<String>, String)> = routes
            .par_iter()
            .map(|(file, route)| (names_of(file, route), route.href(base_path)))
            .collect();
        let mut hrefs = HashMap::with_capacity(named.len() * 4);
        for (names, href) in named {
            for name in names {
                hrefs.entry(name).or_insert_with(|| href.clone());
            }
        }
        LinkTable { hrefs }
    }
}

/// The names a file may be linked by, lower-cased, the most specific first:
/// a stem shared by two posts must not hide a full path that names one of them.
fn names_of(file: &Path, route: &Route) -> Vec<String> {
    let path = file.to_string_lossy().replace('\\', "/");
    let without_extension = file.with_extension("").to_string_lossy().replace('\\', "/");
    let stem = bundle_or_stem(file);
    let slug = match route {
        Route::Post(slug) | Route::Page(slug) => slug.clone(),
        _ => String::new(),
    };
    let folder = without_extension
        .strip_suffix("/index")
        .map(str::to_lowercase);
    let mut names: Vec<String> = [&path, &without_extension, &stem, &slug]
        .into_iter()
        .map(|name| name.to_lowercase())
        .collect();
    names.extend(folder);
    names
}

impl PostLinks for LinkTable {
    fn post_url(&self, reference: &str) -> Option<String> {
        let reference = reference.trim().trim_matches(['"', '\'']);
        let (path, anchor) = match reference.split_once('#') {
            Some((path, anchor)) => (path, format!("#{anchor}")),
            None => (reference, String::new()),
        };
        let key = path.trim_matches('/').to_lowercase();
        let candidates = [
            key.clone(),
            Path::new(&key)
                .with_extension("")
                .to_string_lossy()
                .into_owned(),
            // Hugo refers from the site root (`/posts/x.md`), Jekyll from `_posts`.
            key.trim_start_matches("content/").to_owned(),
            key.rsplit('/').next().unwrap_or_default().to_owned(),
            Path::new(key.rsplit('/').next().unwrap_or_default())
                .with_extension("")
                .to_string_lossy()
                .into_owned(),
        ];
        candidates
            .iter()
            .find_map(|candidate| self.hrefs.get(candidate))
            .map(|href| format!("{href}{anchor}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn table() -> LinkTable {
        LinkTable::new(
            "/blog/",
            [
                (
                    Path::new("_posts/2019-05-01-notes.md"),
                    Route::Post("2019-05-01-notes".into()),
                ),
                (
                    Path::new("posts/busan-trip/index.md"),
                    Route::Post("busan-trip".into()),
                ),
                (Path::new("about.md"), Route::Page("about".into())),
            ]
            .into_iter(),
        )
    }

    #[test_case("2019-05-01-notes", "/blog/posts/2019-05-01-notes/" ; "jekyll post_url")]
    #[test_case("_posts/2019-05-01-notes.md", "/blog/posts/2019-05-01-notes/" ; "jekyll link")]
    #[test_case("\"posts/busan-trip\"", "/blog/posts/busan-trip/" ; "hugo ref to a bundle")]
    #[test_case("/posts/busan-trip/index.md#day-2", "/blog/posts/busan-trip/#day-2" ; "hugo ref with anchor")]
    #[test_case("busan-trip", "/blog/posts/busan-trip/" ; "by slug")]
    #[test_case("about.md", "/blog/pages/about/" ; "a page")]
    fn resolves(reference: &str, href: &str) {
        assert_eq!(table().post_url(reference).as_deref(), Some(href));
    }

    #[test]
    fn unknown_references_are_none() {
        assert_eq!(table().post_url("missing-post"), None);
    }
}
