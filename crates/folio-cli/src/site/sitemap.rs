//! `sitemap.xml` and `robots.txt`: every page a search engine should know,
//! with when it last changed, so new and edited posts are found early.

use folio_core::browse::BrowseFilter;
use folio_core::fingerprint::Fnv;
use folio_core::routes::{browse_filter_of, Route};
use folio_core::PostMeta;

use super::context::SiteContext;
use super::dates::newest_change;
use super::xml::push_element;

pub const SITEMAP_FILE: &str = "sitemap.xml";

/// Lists `routes` but the 404 page, which has no address of its own, the
/// pages of one tag in one year, which only narrow pages already listed, and
/// the second and later pages of lists, whose posts are all listed already,
/// and the search page, which lists nothing before a search.
pub fn sitemap(site: &SiteContext, routes: &[Route]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let listed = |route: &&Route| {
        !matches!(
            route,
            Route::NotFound | Route::TagYear(..) | Route::Paged(..) | Route::Search
        )
    };
    for route in routes.iter().filter(listed) {
        xml.push_str("  <url>\n");
        push_element(&mut xml, "    ", "loc", &site.route_url(route));
        if let Some(date) = last_change(site, route) {
            push_element(&mut xml, "    ", "lastmod", date);
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// What the sitemap is made of besides the site's settings and routes
/// (which a preview's build fingerprints as a whole): the list index's key
/// (which posts each list shows) and every post's dates. A preview writes
/// the sitemap again only when this changes.
pub fn fingerprint(site: &SiteContext) -> u64 {
    let mut hash = Fnv::new().field(site.cards.index_key());
    for post in &site.manifest.posts {
        hash = hash
            .field(&post.date)
            .field(post.updated.as_deref().unwrap_or("\u{1}"));
    }
    hash.finish()
}

/// A post's last change; for a list, the last change among the posts it lists.
fn last_change<'a>(site: &SiteContext<'a>, route: &Route) -> Option<&'a str> {
    let posts: &'a [PostMeta] = &site.manifest.posts;
    let filter = match route {
        Route::Post(slug) => {
            return newest_change(site.post(slug));
        }
        Route::Page(_) => return None,
        list if list.is_list() => browse_filter_of(list, ""),
        _ => BrowseFilter::default(),
    };
    newest_change(site.browse.matching(&filter).iter().map(|at| &posts[at]))
}

/// Allows everything; names the sitemap when the site's URL is known, since
/// robots.txt takes only an absolute sitemap URL.
pub fn robots_txt(site: &SiteContext) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if site.site().url.is_some() {
        let href = format!("{}{SITEMAP_FILE}", site.base());
        text.push_str(&format!("\nSitemap: {}\n", site.absolute(&href)));
    }
    text
}
