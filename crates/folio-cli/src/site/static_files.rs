//! The files a generator served from the site's root (Hugo's and Zola's
//! `static/`, Jekyll's `assets/`, Next.js's `public/`), copied to the same
//! place, so a post's `/images/x.png` or `{{ site.baseurl }}/assets/x.png`
//! still finds its file.

use std::path::{Path, PathBuf};

use crate::content::generator::{Generator, SiteSource};

/// Each static file: where it is, and its path below the site's root.
pub fn static_files(source: &SiteSource, assets: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    match source.generator {
        Generator::Folio => Vec::new(),
        // Jekyll copies every file that is not a template or a post as it is;
        // HTML at the root is a Liquid template Folio cannot render.
        Generator::Jekyll => assets
            .iter()
            .filter(|asset| {
                !asset.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
                })
            })
            .map(|asset| (source.content_dir.join(asset), asset.clone()))
            .collect(),
        Generator::Hugo | Generator::Zola | Generator::Gatsby => walk(&source.root.join("static")),
        Generator::NextJs => walk(&source.root.join("public")),
    }
}

fn walk(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(dir).ok()?.to_path_buf();
            let hidden = relative
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            (!hidden).then(|| (entry.path().to_path_buf(), relative))
        })
        .collect()
}
