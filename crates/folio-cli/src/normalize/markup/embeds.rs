//! Iframes from known embed providers; anything else becomes a link.

use ammonia::Url;

/// Origins the allowed embeds load from, for the pages' `frame-src`: the
/// sanitiser and the Content-Security-Policy must agree on this one list.
pub const EMBED_ORIGINS: &[&str] = &[
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://codepen.io",
    "https://gist.github.com",
    "https://www.slideshare.net",
    "https://slideshare.net",
    "https://open.spotify.com",
];

/// An iframe source the reader may load, rewritten to its privacy-friendly
/// https form, with a default title naming the provider.
pub struct Embed {
    pub src: String,
    pub default_title: &'static str,
}

/// `Some` when `src` belongs to an allowed provider.
pub fn allowed_embed(src: &str) -> Option<Embed> {
    let src = src.trim();
    let absolute = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_owned()
    };
    let mut url = Url::parse(&absolute).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let path = url.path().to_owned();
    let embed = |url: Url, default_title| {
        Some(Embed {
            src: url.to_string(),
            default_title,
        })
    };
    match host.as_str() {
        "youtube.com" | "m.youtube.com" | "youtube-nocookie.com" | "youtu.be" => {
            let id = if host == "youtu.be" {
                path.trim_start_matches('/').to_owned()
            } else if let Some(id) = path.strip_prefix("/embed/") {
                id.to_owned()
            } else if path == "/watch" {
                url.query_pairs().find(|(k, _)| k == "v")?.1.into_owned()
            } else {
                return None;
            };
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            {
                return None;
            }
            let query: Vec<(String, String)> = url
                .query_pairs()
                .filter(|(k, _)| k != "v")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let mut nocookie = Url::parse("https://www.youtube-nocookie.com/embed/").ok()?;
            nocookie.set_path(&format!("/embed/{id}"));
            if !query.is_empty() {
                nocookie.query_pairs_mut().extend_pairs(query);
            }
            embed(nocookie, "YouTube video")
        }
        "player.vimeo.com" if path.starts_with("/video/") => {
            url.set_scheme("https").ok()?;
            embed(url, "Vimeo video")
        }
        "codepen.io" if path.contains("/embed/") => {
            url.set_scheme("https").ok()?;
            embed(url, "CodePen")
        }
        "gist.github.com" => {
            url.set_scheme("https").ok()?;
            embed(url, "GitHub Gist")
        }
        "slideshare.net" if path.starts_with("/slideshow/embed_code/") => {
            url.set_scheme("https").ok()?;
            embed(url, "SlideShare presentation")
        }
        "open.spotify.com" if path.starts_with("/embed/") => {
            url.set_scheme("https").ok()?;
            embed(url, "Spotify player")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://www.youtube.com/embed/dQw4w9WgXcQ?start=30", Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30") ; "youtube embed")]
    #[test_case("//youtube.com/watch?v=abc_-1", Some("https://www.youtube-nocookie.com/embed/abc_-1") ; "youtube watch")]
    #[test_case("https://youtu.be/abc", Some("https://www.youtube-nocookie.com/embed/abc") ; "short link")]
    #[test_case("http://player.vimeo.com/video/1234", Some("https://player.vimeo.com/video/1234") ; "vimeo")]
    #[test_case("https://open.spotify.com/embed/track/1", Some("https://open.spotify.com/embed/track/1") ; "spotify")]
    #[test_case("https://evil.example/embed/x", None ; "unknown host")]
    #[test_case("javascript:alert(1)", None ; "script url")]
    #[test_case("https://www.youtube.com/embed/a\"onload=x", None ; "bad id")]
    fn providers(src: &str, expected: Option<&str>) {
        assert_eq!(allowed_embed(src).map(|e| e.src).as_deref(), expected);
    }
}
