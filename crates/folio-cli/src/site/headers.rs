//! `_headers`: cache rules for hosts that read this file (Netlify, Cloudflare
//! Pages). Other hosts get the same rules from the README.

use folio_core::Manifest;

/// Hashed app files never change under their name: cached for a year. The
/// worker, the manifests and the search directory must be seen at once
/// after a deploy (`no-cache`). Everything else (pages, post bodies and
/// search shards whose URLs carry `?v=<hash>`, images that keep their names)
/// is left to the host's default, which for Netlify and Cloudflare Pages is
/// to revalidate. Each rule
/// names one file, so no two rules match the same path (both hosts would join
/// their values).
pub fn headers_file(manifest: &Manifest, app_files: &[String]) -> String {
    let base = &manifest.site.base_path;
    let mut out =
        String::from("# Cache rules written by folio build; see the README's deploy section.\n");
    for file in app_files.iter().filter(|file| is_hashed(file)) {
        out.push_str(&format!(
            "{base}{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    for file in [
        "sw.js",
        "manifest.json",
        "manifest.webmanifest",
        folio_core::search::DIRECTORY_PATH,
    ] {
        out.push_str(&format!("{base}{file}\n  Cache-Control: no-cache\n"));
    }
    out
}

/// Trunk names its output `name-<16 hex digits>.ext`.
fn is_hashed(file: &str) -> bool {
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::model::DEFAULT_PAGE_SIZE;
    use folio_core::{SiteMeta, MANIFEST_VERSION};

    #[test]
    fn hashed_files_are_immutable_and_the_worker_revalidated() {
        let manifest = Manifest {
            pages: vec![],
            version: MANIFEST_VERSION,
            site: SiteMeta {
                title: "T".into(),
                description: String::new(),
                base_path: "/blog/".into(),
                lang: "en".into(),
                time_zone: "UTC".into(),
                url: None,
                page_size: DEFAULT_PAGE_SIZE,
            },
            posts: vec![],
        };
        let files = [
            "folio-web-0123456789abcdef_bg.wasm",
            "folio-web-0123456789abcdef.js",
            "icons/icon-192.png",
            "sw.js",
        ]
        .map(String::from);
        let headers = headers_file(&manifest, &files);
        let immutable = "  Cache-Control: public, max-age=31536000, immutable\n";
        assert!(headers.contains(&format!(
            "/blog/folio-web-0123456789abcdef_bg.wasm\n{immutable}"
        )));
        assert!(headers.contains(&format!("/blog/folio-web-0123456789abcdef.js\n{immutable}")));
        assert!(!headers.contains("icon-192"));
        assert!(headers.contains("/blog/sw.js\n  Cache-Control: no-cache\n"));
        assert_eq!(headers.matches("sw.js").count(), 1);
        assert!(headers.contains("/blog/search/directory.json\n  Cache-Control: no-cache\n"));
    }
}
