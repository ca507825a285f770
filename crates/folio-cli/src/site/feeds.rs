//! Atom (`feed.xml`) and RSS 2.0 (`rss.xml`) feeds of the latest posts, for
//! the whole site and for each tag (`tags/<tag>/feed.xml`), so a reader can
//! follow only the topics they want. Written by hand: the two formats are
//! small, and every text goes through one escaping function.

use std::collections::HashMap;

use folio_core::browse::BrowseFilter;
use folio_core::routes::Route;
use folio_core::PostMeta;
use rayon::prelude::*;

use super::context::{feed_file, feed_href, FeedKind, SiteContext};
use super::dates::{last_modified, newest_change, rfc2822};
use super::xml::{escaped, push_element, push_escaped};
use folio_core::fingerprint::Fnv;

/// Posts per feed: enough for a reader that checks weekly, small enough to fetch often.
pub const FEED_LENGTH: usize = 20;

/// One feed's subject: the whole site or one tag.
pub struct FeedSource<'a> {
    tag: Option<&'a str>,
    title: String,
    page: Route,
    /// The posts' positions in the list, newest first.
    positions: Vec<usize>,
    posts: Vec<&'a PostMeta>,
}

impl FeedSource<'_> {
    /// Its Atom file, which stands for the RSS file beside it too.
    pub fn file(&self) -> String {
        feed_file(self.tag, FeedKind::Atom)
    }

    /// What its files are made of besides the site's settings (which a
    /// preview's build fingerprints as a whole): its posts, each by its
    /// card's fingerprint, which covers its body too. A preview writes the
    /// feed again only when this changes.
    pub fn fingerprint(&self, site: &SiteContext) -> u64 {
        let cards = site.card_fingerprints();
        let mut hash = Fnv::new().field(self.tag.unwrap_or("\u{1}"));
        for &at in &self.positions {
            hash = hash.number(cards.get(at).copied().unwrap_or_default());
        }
        hash.finish()
    }
}

/// Every feed's subject: the site's, and each of `tags`'.
pub fn feed_sources<'a>(site: &SiteContext<'a>, tags: &'a [String]) -> Vec<FeedSource<'a>> {
    let posts = &site.manifest.posts;
    let latest = 0..posts.len().min(FEED_LENGTH);
    let mut sources = vec![FeedSource {
        tag: None,
        title: site.site().title.clone(),
        page: Route::Home,
        positions: latest.clone().collect(),
        posts: posts[latest].iter().collect(),
    }];
    for tag in tags {
        let filter = BrowseFilter {
            tags: vec![tag.clone()],
            ..Default::default()
        };
        // The tag's posting list, newest first: no scan of every post per tag.
        let positions: Vec<usize> = site
            .browse
            .matching(&filter)
            .slice(0..FEED_LENGTH)
            .into_iter()
            .filter(|&at| at < posts.len())
            .collect();
        sources.push(FeedSource {
            tag: Some(tag),
            title: format!("#{tag} · {}", site.site().title),
            page: Route::Tag(tag.clone()),
            posts: positions.iter().map(|&at| &posts[at]).collect(),
            positions,
        });
    }
    sources
}

/// The files of the feeds of `sources`, as (path relative to the output
/// folder, contents).
pub fn feed_files(site: &SiteContext, sources: &[&FeedSource]) -> Vec<(String, String)> {
    // A post in several feeds is rendered once.
    let mut bodies: HashMap<&str, String> = HashMap::new();
    if site.feed_full_content {
        for post in sources.iter().flat_map(|source| &source.posts) {
            if !bodies.contains_key(post.slug.as_str()) {
                bodies.insert(&post.slug, site.post_html_for_feed(post));
            }
        }
    }
    // A thousand tags make two thousand feeds, each on its own: on every core.
    sources
        .par_iter()
        .flat_map_iter(|source| {
            [
                (
                    feed_file(source.tag, FeedKind::Atom),
                    atom(site, source, &bodies),
                ),
                (
                    feed_file(source.tag, FeedKind::Rss),
                    rss(site, source, &bodies),
                ),
            ]
        })
        .collect()
}

/// `bodies`: each post's HTML by slug, when feeds carry whole posts.
fn atom(site: &SiteContext, source: &FeedSource, bodies: &HashMap<&str, String>) -> String {
    let meta = site.site();
    let self_url = site.absolute(&feed_href(site.base(), source.tag, FeedKind::Atom));
    let page_url = site.route_url(&source.page);
    // Deterministic: a feed changes only when its posts do.
    let updated = newest_change(source.posts.iter().copied()).unwrap_or("1970-01-01T00:00:00Z");
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    push_escaped(&mut xml, &meta.lang);
    xml.push_str("\">\n");
    push_element(&mut xml, "  ", "title", &source.title);
    if !meta.description.is_empty() {
        push_element(&mut xml, "  ", "subtitle", &meta.description);
    }
    push_link(
        &mut xml,
        "  ",
        "self",
        FeedKind::Atom.media_type(),
        &self_url,
    );
    push_link(&mut xml, "  ", "alternate", "text/html", &page_url);
    push_element(&mut xml, "  ", "id", &page_url);
    push_element(&mut xml, "  ", "updated", updated);
    // Atom wants an author for every entry; the site stands in for posts without one.
    xml.push_str("  <author>\n");
    push_element(&mut xml, "    ", "name", &meta.title);
    xml.push_str("  </author>\n");
    push_element(&mut xml, "  ", "generator", "Folio");
    for post in &source.posts {
        let url = site.route_url(&Route::Post(post.slug.clone()));
        // A post in another language than the feed's says so.
        match post.lang.as_deref().filter(|lang| *lang != meta.lang) {
            Some(lang) => {
                xml.push_str("  <entry xml:lang=\"");
                push_escaped(&mut xml, lang);
                xml.push_str("\">\n");
            }
            None => xml.push_str("  <entry>\n"),
        }
        push_element(&mut xml, "    ", "title", &post.title);
        push_link(&mut xml, "    ", "alternate", "text/html", &url);
        push_element(&mut xml, "    ", "id", &url);
        push_element(&mut xml, "    ", "published", &post.date);
        push_element(&mut xml, "    ", "updated", last_modified(post));
        if let Some(author) = &post.author {
            xml.push_str("    <author>\n");
            push_element(&mut xml, "      ", "name", author);
            xml.push_str("    </author>\n");
        }
        for tag in &post.tags {
            xml.push_str("    <category term=\"");
            push_escaped(&mut xml, tag);
            xml.push_str("\"/>\n");
        }
        if !post.summary.is_empty() {
            push_element(&mut xml, "    ", "summary", &post.summary);
        }
        if let Some(body) = bodies.get(post.slug.as_str()) {
            xml.push_str("    <content type=\"html\">");
            push_escaped(&mut xml, body);
            xml.push_str("</content>\n");
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn rss(site: &SiteContext, source: &FeedSource, bodies: &HashMap<&str, String>) -> String {
    let meta = site.site();
    let self_url = site.absolute(&feed_href(site.base(), source.tag, FeedKind::Rss));
    let page_url = site.route_url(&source.page);
    // RSS wants a description; the site's, or its title when it has none.
    let description = if meta.description.is_empty() {
        &meta.title
    } else {
        &meta.description
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    xml.push_str("  <channel>\n");
    push_element(&mut xml, "    ", "title", &source.title);
    push_element(&mut xml, "    ", "link", &page_url);
    push_element(&mut xml, "    ", "description", description);
    push_element(&mut xml, "    ", "language", &meta.lang);
    push_element(&mut xml, "    ", "generator", "Folio");
    if let Some(date) = newest_change(source.posts.iter().copied()).and_then(rfc2822) {
        push_element(&mut xml, "    ", "lastBuildDate", &date);
    }
    xml.push_str(&format!(
        "    <atom:link href=\"{}\" rel=\"self\" type=\"{}\"/>\n",
        escaped(&self_url),
        FeedKind::Rss.media_type()
    ));
    for post in &source.posts {
        let url = site.route_url(&Route::Post(post.slug.clone()));
        xml.push_str("    <item>\n");
        push_element(&mut xml, "      ", "title", &post.title);
        push_element(&mut xml, "      ", "link", &url);
        // Only a full URL is a permalink; a site path is merely a unique id.
        let permalink = url.contains("://");
        xml.push_str(&format!(
            "      <guid isPermaLink=\"{permalink}\">{}</guid>\n",
            escaped(&url)
        ));
        if let Some(date) = rfc2822(&post.date) {
            push_element(&mut xml, "      ", "pubDate", &date);
        }
        if let Some(author) = &post.author {
            // RSS's own <author> must be an e-mail address; Dublin Core takes a name.
            push_element(&mut xml, "      ", "dc:creator", author);
        }
        for tag in &post.tags {
            push_element(&mut xml, "      ", "category", tag);
        }
        if !post.summary.is_empty() {
            push_element(&mut xml, "      ", "description", &post.summary);
        }
        if let Some(body) = bodies.get(post.slug.as_str()) {
            push_element(&mut xml, "      ", "content:encoded", body);
        }
        xml.push_str("    </item>\n");
    }
    xml.push_str("  </channel>\n</rss>\n");
    xml
}

fn push_link(xml: &mut String, indent: &str, rel: &str, media_type: &str, href: &str) {
    xml.push_str(indent);
    xml.push_str("<link rel=\"");
    xml.push_str(rel);
    xml.push_str("\" type=\"");
    xml.push_str(media_type);
    xml.push_str("\" href=\"");
    push_escaped(xml, href);
    xml.push_str("\"/>\n");
}
