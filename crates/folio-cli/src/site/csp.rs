//! A Content-Security-Policy for every page, as a second wall behind the
//! Markdown sanitiser: script runs only from the site's own files and the
//! page's two inline scripts (the theme setter and Trunk's loader), named by
//! their hashes, so even markup that slipped through could not run.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::normalize::EMBED_ORIGINS;

/// The page with a `<meta http-equiv="Content-Security-Policy">` added at the top of its head.
/// `content_origin` is the origin manifest and posts come from, when not the site's own.
pub fn with_content_security_policy(page: &str, content_origin: Option<&str>) -> String {
    let script_hashes = script_hashes(page);
    let connect = match content_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    // Embeds load only from the providers the sanitiser lets through; images
    // and media from anywhere, as posts link them. The one form is the
    // search box, a GET form to the site's own search page.
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; \
         img-src * data: blob:; media-src * data: blob:; frame-src {}; connect-src {connect}; \
         font-src 'self' data:; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'",
        script_hashes.join(" "),
        EMBED_ORIGINS.join(" ")
    );
    let meta = format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    // Before every script, so it covers them all.
    match page.find("<head>") {
        Some(at) => format!(
            "{}{meta}{}",
            &page[..at + "<head>".len()],
            &page[at + "<head>".len()..]
        ),
        None => page.to_owned(),
    }
}

/// `'sha256-…'` of each inline script of `page` that runs.
pub(super) fn script_hashes(page: &str) -> Vec<String> {
    inline_scripts(page)
        .into_iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

/// The text of each inline script that runs (not `src=` ones, not JSON data
/// blocks). Scanning resumes after each script's end, so `<script` written
/// inside one (a title quoted in JSON-LD) is never taken for another.
fn inline_scripts(page: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = page[from..].find("<script").map(|i| from + i) {
        let Some(open_end) = page[start..].find('>').map(|i| start + i) else {
            break;
        };
        let body_start = open_end + 1;
        let Some(body_end) = page[body_start..].find("</script>").map(|i| body_start + i) else {
            break;
        };
        let open_tag = &page[start..open_end];
        if !open_tag.contains(" src=") && !open_tag.contains("type=\"application/") {
            scripts.push(&page[body_start..body_end]);
        }
        from = body_end + "</script>".len();
    }
    scripts
}

/// The scheme and host of an absolute URL (`https://bucket.example.com`).
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    Some(&url[..scheme.len() + 3 + host_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta charset=\"utf-8\"><script>one()</script>\
        <script type=\"module\">two()</script><script src=\"/a.js\"></script>\
        <script type=\"application/ld+json\">{}</script></head><body>\
        <script type=\"application/json\" id=\"folio-body\">{}</script></body></html>";

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_nothing_else() {
        let page = with_content_security_policy(PAGE, None);
        let one = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"one()"));
        let two = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"two()"));
        assert!(page.starts_with("<html><head>\n  <meta http-equiv=\"Content-Security-Policy\""));
        assert!(page.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{one}' 'sha256-{two}';"
        )));
        assert_eq!(
            page.matches("sha256-").count(),
            2,
            "JSON-LD and src scripts need no hash"
        );
        assert!(
            !page.contains("unsafe-inline'; img")
                || page.contains("style-src 'self' 'unsafe-inline'")
        );
    }

    #[test]
    fn a_content_origin_may_be_fetched_from() {
        let page =
            with_content_security_policy(PAGE, origin_of("https://bucket.example.com/blog/"));
        assert!(page.contains("connect-src 'self' https://bucket.example.com;"));
        assert_eq!(origin_of("/blog/"), None);
    }
}
