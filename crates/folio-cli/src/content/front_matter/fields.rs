//! One set of fields from many generators' names (Hugo, Gatsby, Jekyll, Zola, Astro).

use serde_json::{Map, Value};

/// The fields Folio understands, whatever they were called in the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Raw date text with the name of the field it came from.
    pub date: Option<(String, String)>,
    pub updated: Option<(String, String)>,
    pub tags: Vec<String>,
    /// Jekyll's `categories`, also among `tags`, kept apart because they shape old URLs.
    pub categories: Vec<String>,
    pub draft: bool,
    pub cover: Option<String>,
    pub slug: Option<String>,
    /// Old addresses (`url`, `permalink`, `aliases`), kept so imported links keep working.
    pub aliases: Vec<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    pub lang: Option<String>,
    /// Fields Folio does not know, kept as they were.
    pub extra: Map<String, Value>,
}

/// A field that was present but unusable; the post is still built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

const TITLE: &[&str] = &["title"];
const SUBTITLE: &[&str] = &["subtitle", "subTitle", "sub_title", "description"];
const DATE: &[&str] = &[
    "date",
    "publishDate",
    "pubDatetime",
    "pubDate",
    "published_at",
    "created",
    "created_at",
];
const UPDATED: &[&str] = &[
    "lastmod",
    "updated",
    "modified",
    "modDatetime",
    "updated_at",
    "lastModified",
];
const TAGS: &[&str] = &["tags", "categories", "category", "keywords"];
const COVER: &[&str] = &[
    "images",
    "cover",
    "image",
    "thumbnail",
    "featuredImage",
    "featured_image",
    "hero",
    "ogImage",
];
const ALIASES: &[&str] = &["url", "permalink", "aliases"];
const AUTHOR: &[&str] = &["author", "authors"];
const SUMMARY: &[&str] = &["summary", "excerpt"];
const LANG: &[&str] = &["lang", "language", "locale"];
const SLUG: &[&str] = &["slug"];
const DRAFT: &[&str] = &["draft", "published"];

impl FrontMatter {
    pub fn from_map(mut map: Map<String, Value>) -> (FrontMatter, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let mut fm = FrontMatter {
            title: take_text(&mut map, TITLE),
            subtitle: take_text(&mut map, SUBTITLE),
            date: take_named_text(&mut map, DATE),
            updated: take_named_text(&mut map, UPDATED),
            slug: take_text(&mut map, SLUG),
            author: take_list(&mut map, AUTHOR).map(|names| names.join(", ")),
            summary: take_text(&mut map, SUMMARY),
            lang: take_text(&mut map, LANG),
            ..FrontMatter::default()
        };
        // Zola keeps tags and categories under `[taxonomies]`.
        if let Some(Value::Object(mut taxonomies)) = map.remove("taxonomies") {
            for name in TAGS {
                if let Some(value) = taxonomies.remove(*name) {
                    map.entry(name.to_string()).or_insert(value);
                }
            }
            if !taxonomies.is_empty() {
                map.insert("taxonomies".to_owned(), Value::Object(taxonomies));
            }
        }
        // `categories` and `tags` both become tags: readers browse them the same way.
        for name in TAGS {
            if let Some(value) = map.remove(*name) {
                // Jekyll writes `categories: jekyll update` for two categories; a
                // singular `category` (Gatsby) is one value that may contain spaces.
                let tags = match (&value, *name) {
                    (Value::String(s), "tags" | "categories") if !s.contains(',') => {
                        s.split_whitespace().map(str::to_owned).collect()
                    }
                    _ => list_of_text(&value),
                };
                if matches!(*name, "categories" | "category") {
                    fm.categories.extend(tags.iter().cloned());
                }
                for tag in tags {
                    if !fm.tags.contains(&tag) {
                        fm.tags.push(tag);
                    }
                }
            }
        }
        for name in ALIASES {
            if let Some(value) = map.remove(*name) {
                fm.aliases.extend(list_of_text(&value));
            }
        }
        for name in COVER {
            if fm.cover.is_some() {
                break;
            }
            if let Some(value) = map.remove(*name) {
                fm.cover = cover_path(&value);
            }
        }
        for name in DRAFT {
            let Some(value) = map.remove(*name) else {
                continue;
            };
            let flag = match &value {
                Value::Bool(b) => Some(*b),
                Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                    "true" | "yes" => Some(true),
                    "false" | "no" => Some(false),
                    _ => None,
                },
                _ => None,
            };
            match flag {
                // `published: false` means draft; `draft: true` means draft.
                Some(flag) => fm.draft |= if *name == "published" { !flag } else { flag },
                None => problems.push(FieldProblem {
                    field: (*name).to_owned(),
                    message: format!("`{name}` should be true or false, found {value}"),
                }),
            }
        }
        fm.extra = map;
        (fm, problems)
    }
}

fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn take_text(map: &mut Map<String, Value>, names: &[&str]) -> Option<String> {
    take_named_text(map, names).map(|(_, text)| text)
}

/// The first of `names` present with a text value, and which name it was.
fn take_named_text(map: &mut Map<String, Value>, names: &[&str]) -> Option<(String, String)> {
    for name in names {
        if let Some(text) = map.get(*name).and_then(text_of) {
            map.remove(*name);
            return Some(((*name).to_owned(), text));
        }
    }
    None
}

fn take_list(map: &mut Map<String, Value>, names: &[&str]) -> Option<Vec<String>> {
    for name in names {
        if let Some(value) = map.remove(*name) {
            let list = list_of_text(&value);
            if !list.is_empty() {
                return Some(list);
            }
        }
    }
    None
}

/// A list, a single string, or a comma-separated string; objects give their `name`.
fn list_of_text(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(list_of_text).collect(),
        Value::String(s) => s
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        Value::Object(map) => map.get("name").and_then(text_of).into_iter().collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// `cover: x.png`, `cover: { image: x.png }`, `featuredImage: ./x.png`, `images: [x.png]`.
fn cover_path(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => items.iter().find_map(cover_path),
        Value::Object(map) => ["image", "src", "url"]
            .iter()
            .find_map(|k| map.get(*k).and_then(text_of)),
        other => text_of(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Value) -> (FrontMatter, Vec<FieldProblem>) {
        match value {
            Value::Object(map) => FrontMatter::from_map(map),
            _ => unreachable!("tests pass objects"),
        }
    }

    #[test]
    fn gatsby_names() {
        let (fm, problems) = fields(json!({
            "title": "글", "subTitle": "부제", "date": "2023-01-06", "category": "Dev",
            "tags": ["a"], "featuredImage": "./cover.png", "excerpt": "요약"
        }));
        assert!(problems.is_empty());
        assert_eq!(fm.subtitle.as_deref(), Some("부제"));
        assert_eq!(fm.tags, ["a", "Dev"]);
        assert_eq!(fm.cover.as_deref(), Some("./cover.png"));
        assert_eq!(fm.summary.as_deref(), Some("요약"));
        assert_eq!(fm.date, Some(("date".into(), "2023-01-06".into())));
    }

    #[test]
    fn hugo_names() {
        let (fm, _) = fields(json!({
            "title": "Post", "description": "Desc", "publishDate": "2022-12-31T20:00:00+09:00",
            "lastmod": "2023-01-01", "categories": ["k8s"], "tags": "회고, 일기", "url": "/old/path/",
            "aliases": ["/older/"], "cover": {"image": "c.jpg", "alt": "x"}, "draft": false,
            "weight": 3
        }));
        assert_eq!(fm.date.map(|d| d.0).as_deref(), Some("publishDate"));
        assert_eq!(fm.updated.map(|d| d.1).as_deref(), Some("2023-01-01"));
        assert_eq!(fm.tags, ["회고", "일기", "k8s"]);
        assert_eq!(fm.aliases, ["/old/path/", "/older/"]);
        assert_eq!(fm.cover.as_deref(), Some("c.jpg"));
        assert!(!fm.draft);
        assert_eq!(fm.extra.get("weight"), Some(&json!(3)));
    }

    #[test]
    fn astro_names_and_published_false() {
        let (fm, _) = fields(
            json!({"title": "A", "pubDatetime": "2024-01-20", "published": false, "authors": ["Kim", "Lee"]}),
        );
        assert!(fm.draft);
        assert_eq!(fm.author.as_deref(), Some("Kim, Lee"));
    }

    #[test]
    fn zola_taxonomies_and_hugo_image_lists() {
        let (fm, _) = fields(json!({
            "title": "Z", "taxonomies": {"tags": ["rust"], "categories": ["dev"], "series": ["s"]},
            "images": ["/img/a.png", "/img/b.png"]
        }));
        assert_eq!(fm.tags, ["rust", "dev"]);
        assert_eq!(fm.cover.as_deref(), Some("/img/a.png"));
        assert_eq!(fm.extra.get("taxonomies"), Some(&json!({"series": ["s"]})));
    }

    #[test]
    fn a_bad_draft_flag_is_reported_not_fatal() {
        let (fm, problems) = fields(json!({"title": "A", "draft": "maybe"}));
        assert!(!fm.draft);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "draft");
    }
}
