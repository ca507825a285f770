//! `_headers`: cache rules for hosts that read this file (Netlify, Cloudflare
//! Pages). Other hosts get the same rules from the README.

use folio_core::Manifest;

/// Hashed app files and hash-addressed post bodies never change under their
/// URL; pages, the manifest and the worker must be revalidated on every visit.
pub fn headers_file(manifest: &Manifest) -> String {
    let base = &manifest.site.base_path;
    let forever = "public, max-age=31536000, immutable";
    let revalidate = "no-cache";
    let rules = [
        ("*.wasm", forever),
        ("*.js", forever),
        ("*.css", forever),
        ("icons/*", forever),
        ("content/*", forever),
        ("*.html", revalidate),
        ("", revalidate),
        ("manifest.json", revalidate),
        ("manifest.webmanifest", revalidate),
        ("sw.js", revalidate),
        ("*.xml", "public, max-age=3600"),
    ];
    let mut out =
        String::from("# Cache rules written by folio build; see the README's deploy section.\n");
    for (pattern, cache) in rules {
        out.push_str(&format!("{base}{pattern}\n  Cache-Control: {cache}\n"));
    }
    out.push_str(&format!("{base}*\n  X-Content-Type-Options: nosniff\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::{SiteMeta, MANIFEST_VERSION};

    #[test]
    fn rules_carry_the_base_path() {
        let manifest = Manifest {
            version: MANIFEST_VERSION,
            site: SiteMeta {
                title: "T".into(),
                description: String::new(),
                base_path: "/blog/".into(),
                lang: "en".into(),
                time_zone: "UTC".into(),
                url: None,
            },
            posts: vec![],
        };
        let headers = headers_file(&manifest);
        assert!(headers
            .contains("/blog/*.wasm\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(headers.contains("/blog/sw.js\n  Cache-Control: no-cache\n"));
        assert!(headers.contains("/blog/\n  Cache-Control: no-cache\n"));
    }
}
