//! The URLs posts had before the move, so Folio can answer them as aliases.
//!
//! Each generator builds a post's URL from its file path, front matter and a
//! pattern in its config. These functions redo that; when a pattern uses
//! something not known here (a time of day, an unknown token) they return
//! `None` rather than a URL that was never published.

use std::path::{Component, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::slug::{self, split_date_prefix};
use super::{Generator, SiteSource};

/// What a post's old URL can be built from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OldUrlParts {
    /// Relative to the site's `content_dir`.
    pub file: PathBuf,
    /// Front matter `slug`.
    pub slug: Option<String>,
    /// Front matter `title`.
    pub title: Option<String>,
    /// Front matter date; Jekyll falls back to the file name's date.
    pub date: Option<NaiveDate>,
    /// Front matter `categories` (Jekyll adds the folders above `_posts/`).
    pub categories: Vec<String>,
    /// A URL set in front matter (Jekyll `permalink`, Hugo `url`, Zola `path`): it wins.
    pub permalink: Option<String>,
}

pub fn old_post_url(site: &SiteSource, post: &OldUrlParts) -> Option<String> {
    let names: Vec<&str> = post
        .file
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    let (_, dirs) = names.split_last()?;
    let stem = post.file.file_stem()?.to_str()?;
    let is_index = matches!(stem, "index" | "_index");
    // A bundle (`hello/index.md`) is named by its folder.
    let (name, place) = match (is_index, dirs.split_last()) {
        (true, Some((folder, place))) => (*folder, place),
        _ => (stem, dirs),
    };
    match site.generator {
        Generator::Folio => None,
        Generator::Hugo => {
            if let Some(url) = &post.permalink {
                return Some(url.trim_start_matches('/').to_owned());
            }
            hugo(site, post, name, place)
        }
        Generator::Zola => {
            if let Some(path) = &post.permalink {
                return Some(with_slash(path.trim_matches('/')));
            }
            let strategy = site.settings.slugify_paths;
            let (_, undated) = split_date_prefix(name);
            let slug = slug::zola(post.slug.as_deref().unwrap_or(undated), strategy);
            let mut segments: Vec<String> = place.iter().map(|s| slug::zola(s, strategy)).collect();
            segments.push(slug);
            Some(with_slash(&segments.join("/")))
        }
        Generator::Jekyll => jekyll(site, post, &names, stem),
        Generator::Gatsby => {
            // gatsby-source-filesystem's createFilePath: the path without its
            // extension, `index` dropped, with a trailing slash.
            let mut segments: Vec<&str> = place.to_vec();
            segments.push(name);
            Some(with_slash(&segments.join("/")))
        }
        Generator::NextJs => {
            // Next.js starters route by the file name under one folder; which
            // route depends on the folder, so other folder names are unknown.
            let folder = site.content_dir.file_name()?.to_str()?;
            let route = match folder.trim_start_matches('_') {
                "posts" => "posts",
                "blog" => "blog",
                _ => return None,
            };
            if !place.is_empty() {
                return None;
            }
            let url = format!("{route}/{name}");
            Some(if site.settings.trailing_slash {
                with_slash(&url)
            } else {
                url
            })
        }
    }
}

fn with_slash(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}/")
    }
}

fn hugo(site: &SiteSource, post: &OldUrlParts, name: &str, place: &[&str]) -> Option<String> {
    let sections = place.join("/");
    let pattern = site
        .settings
        .permalinks
        .get(&sections)
        .or_else(|| site.settings.permalinks.get(*place.first()?));
    let slug_or_name = post.slug.as_deref().unwrap_or(name);
    let Some(pattern) = pattern else {
        // Hugo's default: the file's path, its last part replaced by the slug.
        let mut segments: Vec<String> = place.iter().map(|s| slug::hugo(s)).collect();
        segments.push(slug::hugo(slug_or_name));
        return Some(with_slash(&segments.join("/")));
    };
    let title = post.title.as_deref().map(slug::hugo);
    let slug = post.slug.as_deref().map(slug::hugo).or(title.clone());
    let expanded = expand(pattern, |token| {
        let date = post.date;
        Some(match token {
            "year" => format!("{:04}", date?.year()),
            "month" => format!("{:02}", date?.month()),
            "monthname" => slug::hugo(&date?.format("%B").to_string()),
            "day" => format!("{:02}", date?.day()),
            "weekday" => date?.weekday().num_days_from_sunday().to_string(),
            "weekdayname" => slug::hugo(&date?.format("%A").to_string()),
            "yearday" => date?.ordinal().to_string(),
            "section" => slug::hugo(place.first()?),
            "sections" => slug::hugo(&sections),
            "title" => title.clone()?,
            "slug" => slug.clone()?,
            "filename" | "contentbasename" => slug::hugo(name),
            "slugorfilename" | "slugorcontentbasename" => post
                .slug
                .as_deref()
                .map_or_else(|| slug::hugo(name), slug::hugo),
            _ => return None,
        })
    })?;
    Some(clean(&expanded))
}

fn jekyll(site: &SiteSource, post: &OldUrlParts, names: &[&str], stem: &str) -> Option<String> {
    let posts_at = names.iter().position(|n| *n == "_posts")?;
    let (file_date, file_slug) = split_date_prefix(stem);
    let date = post.date.or(file_date)?;
    let mut categories: Vec<String> = Vec::new();
    for category in names[..posts_at]
        .iter()
        .map(|s| s.to_string())
        .chain(post.categories.iter().cloned())
    {
        // Jekyll lowercases categories in URLs but does not otherwise slugify them.
        let category = category.to_lowercase();
        if !category.is_empty() && !categories.contains(&category) {
            categories.push(category);
        }
    }
    let pattern = match &post.permalink {
        Some(own) => own.as_str(),
        None => site.settings.permalinks.get("")?.as_str(),
    };
    let raw_slug = post.slug.as_deref().unwrap_or(file_slug);
    let expanded = expand(pattern, |token| {
        Some(match token {
            "year" => format!("{:04}", date.year()),
            "short_year" => format!("{:02}", date.year() % 100),
            "month" => format!("{:02}", date.month()),
            "i_month" => date.month().to_string(),
            "short_month" => date.format("%b").to_string(),
            "long_month" => date.format("%B").to_string(),
            "day" => format!("{:02}", date.day()),
            "i_day" => date.day().to_string(),
            "y_day" => format!("{:03}", date.ordinal()),
            "week" => format!("{:02}", date.iso_week().week()),
            "short_day" => date.format("%a").to_string(),
            "long_day" => date.format("%A").to_string(),
            "title" => slug::jekyll(raw_slug, true, true),
            "slug" => slug::jekyll(raw_slug, false, false),
            "name" => slug::jekyll(file_slug, false, false),
            "categories" => categories.join("/"),
            "slugified_categories" => categories
                .iter()
                .map(|c| slug::jekyll(c, false, false))
                .collect::<Vec<_>>()
                .join("/"),
            "output_ext" => ".html".to_owned(),
            _ => return None,
        })
    })?;
    Some(clean(&expanded))
}

/// Replaces each `:token` (letters and `_`) with `value(token)`; `None` if any
/// token has no value.
fn expand(pattern: &str, value: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .unwrap_or(after.len());
        if len == 0 {
            out.push(':');
        } else {
            out.push_str(&value(&after[..len])?);
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// No leading slash, no empty segments (an empty `:categories` leaves `//`).
fn clean(url: &str) -> String {
    let trailing = url.ends_with('/');
    let joined = url
        .split('/')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    if trailing {
        with_slash(&joined)
    } else {
        joined
    }
}
