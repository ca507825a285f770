//! One HTML page per route, made from the app's `index.html`: the base path
//! filled in, and a title and description that fit the route.

use folio_core::routes::Route;
use folio_core::Manifest;
use pulldown_cmark_escape::escape_html;

use super::app_bundle::BASE_PLACEHOLDER;

pub fn render_page(template: &str, manifest: &Manifest, route: &Route) -> String {
    let site = &manifest.site;
    let (title, description) = match route {
        Route::Post(slug) => manifest
            .posts
            .iter()
            .find(|p| &p.slug == slug)
            .map(|p| (format!("{} · {}", p.title, site.title), p.summary.clone()))
            .unwrap_or_else(|| (site.title.clone(), site.description.clone())),
        Route::Tag(tag) => (format!("#{tag} · {}", site.title), site.description.clone()),
        Route::Year(year) => (format!("{year} · {}", site.title), site.description.clone()),
        Route::TagIndex => (format!("Tags · {}", site.title), site.description.clone()),
        Route::Timeline => (
            format!("Timeline · {}", site.title),
            site.description.clone(),
        ),
        Route::NotFound => (
            format!("Not found · {}", site.title),
            site.description.clone(),
        ),
        Route::Home => (site.title.clone(), site.description.clone()),
    };
    let mut head = String::new();
    head.push_str("<title>");
    let _ = escape_html(&mut head, &title);
    head.push_str("</title>\n<meta name=\"description\" content=\"");
    let _ = escape_html(&mut head, &description);
    head.push_str("\">\n");
    template
        .replace(BASE_PLACEHOLDER, &site.base_path)
        .replace("<html>", &format!("<html lang=\"{}\">", site.lang))
        .replace("<title>Folio</title>", head.trim_end())
}
