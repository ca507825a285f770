//! Each page's content as plain HTML, written at build time into
//! `#folio-static`: readable before the WASM loads, with JavaScript off, and by
//! crawlers. The markup and classes mirror the app's components
//! (`src/components/site_frame.rs`, `post_card.rs`, `src/pages/*.rs`), so when
//! the app takes over (`src/page_ready.rs`) nothing moves. Change both together.

use folio_core::browse::{self, BrowseFilter};
use folio_core::routes::{browse_href, Route};
use folio_core::PostMeta;
use pulldown_cmark_escape::escape_html;

use super::context::SiteContext;
use super::dates::{iso_date, long_date};

/// The table of contents shows from this many headings on, as in the app.
const MIN_TOC_HEADINGS: usize = 3;

/// `<div id="folio-static">…</div>` for `route`.
pub fn static_page(site: &SiteContext, route: &Route) -> String {
    let mut html = String::with_capacity(8 * 1024);
    html.push_str("<div id=\"folio-static\">\n");
    html.push_str("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n");
    site_header(&mut html, site);
    html.push_str("<main id=\"main\" tabindex=\"-1\">\n");
    match route {
        Route::Home => browse_list(&mut html, site, &BrowseFilter::default()),
        Route::Tag(tag) => browse_list(
            &mut html,
            site,
            &BrowseFilter {
                tags: vec![tag.clone()],
                ..Default::default()
            },
        ),
        Route::Year(year) => browse_list(
            &mut html,
            site,
            &BrowseFilter {
                year: Some(*year),
                ..Default::default()
            },
        ),
        Route::Post(slug) => match site.post(slug) {
            Some(post) => article(&mut html, site, post),
            None => not_found(&mut html, site),
        },
        Route::Page(slug) => match site.page(slug) {
            Some(page) => page_article(&mut html, site, page),
            None => not_found(&mut html, site),
        },
        Route::TagIndex => tag_index(&mut html, site),
        Route::Timeline => timeline(&mut html, site),
        Route::NotFound => not_found(&mut html, site),
    }
    html.push_str("</main>\n");
    site_footer(&mut html, site);
    html.push_str("</div>");
    html
}

/// Page links and feed links, as `src/components/site_frame.rs` writes them.
fn site_footer(html: &mut String, site: &SiteContext) {
    let base = site.base();
    html.push_str("<footer class=\"site-footer\">\n");
    if !site.manifest.pages.is_empty() {
        html.push_str("<nav class=\"site-pages\" aria-label=\"Pages\">");
        for page in &site.manifest.pages {
            push_link(
                html,
                "",
                &Route::Page(page.slug.clone()).href(base),
                &page.title,
            );
        }
        html.push_str("</nav>\n");
    }
    html.push_str("<p>");
    html.push_str(&format!(
        "<a href=\"{base}feed.xml\" rel=\"external\">Atom feed</a> · <a href=\"{base}rss.xml\" rel=\"external\">RSS feed</a> · Made with Folio"
    ));
    html.push_str("</p>\n</footer>\n");
}

fn site_header(html: &mut String, site: &SiteContext) {
    let base = site.base();
    html.push_str("<header class=\"site-header\">\n");
    push_link(
        html,
        "site-title",
        &Route::Home.href(base),
        &site.site().title,
    );
    html.push_str("\n<nav aria-label=\"Main\">\n");
    for (label, route) in [
        ("Posts", Route::Home),
        ("Tags", Route::TagIndex),
        ("Timeline", Route::Timeline),
    ] {
        push_link(html, "", &route.href(base), label);
        html.push('\n');
    }
    // Hidden without JavaScript by the stylesheet; holds the toggle's place until the app's replaces it.
    html.push_str("<button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\"><span aria-hidden=\"true\">☀</span><span class=\"visually-hidden\">Dark theme</span></button>\n");
    html.push_str("</nav>\n</header>\n");
}

/// The home page and the pages of one tag or one year (`src/pages/home.rs`).
fn browse_list(html: &mut String, site: &SiteContext, filter: &BrowseFilter) {
    let base = site.base();
    let posts = browse::filter_posts(&site.manifest.posts, filter);
    html.push_str("<section class=\"browse\" aria-labelledby=\"page-heading\">\n");
    html.push_str("<h1 id=\"page-heading\" class=\"page-heading\">");
    push_text(html, &filter.heading());
    html.push_str("</h1>\n");
    filter_bar(html, site, filter);
    if posts.is_empty() {
        html.push_str("<div class=\"empty-state\">\n<p>No posts match these filters.</p>\n");
        push_link(
            html,
            "button",
            &browse_href(base, &BrowseFilter::default()),
            "Clear filters",
        );
        html.push_str("\n</div>\n");
    } else {
        html.push_str(
            "<div class=\"list-tools\">\n<p class=\"result-count\" aria-live=\"polite\">",
        );
        push_text(html, &format!("{} posts", posts.len()));
        html.push_str("</p>\n");
        save_offline(html, "Save these posts for offline reading");
        html.push_str("</div>\n<div class=\"post-list\">\n");
        for post in posts {
            post_card(html, site, post);
        }
        html.push_str("</div>\n");
    }
    html.push_str("</section>\n");
}

fn filter_bar(html: &mut String, site: &SiteContext, filter: &BrowseFilter) {
    let base = site.base();
    html.push_str(
        "<div class=\"filter-bar\">\n<ul class=\"chip-row\" aria-label=\"Filter by tag\">\n",
    );
    for tag in browse::tag_counts(&site.manifest.posts) {
        let selected = filter.tags.contains(&tag.tag);
        let href = browse_href(base, &filter.toggled_tag(&tag.tag));
        html.push_str("<li><a class=\"chip\" href=\"");
        push_text(html, &href);
        html.push('"');
        if selected {
            html.push_str(" aria-current=\"true\"");
        }
        html.push('>');
        push_text(html, &format!("#{}", tag.tag));
        html.push_str(" <span class=\"chip-count\">");
        push_text(html, &tag.count.to_string());
        html.push_str("</span></a></li>\n");
    }
    html.push_str("</ul>\n<ul class=\"chip-row\" aria-label=\"Filter by year\">\n");
    for year in browse::years(&site.manifest.posts) {
        let selected = filter.year == Some(year);
        let next = filter.with_year(if selected { None } else { Some(year) });
        html.push_str("<li><a class=\"chip\" href=\"");
        push_text(html, &browse_href(base, &next));
        html.push('"');
        if selected {
            html.push_str(" aria-current=\"true\"");
        }
        html.push('>');
        push_text(html, &year.to_string());
        html.push_str("</a></li>\n");
    }
    html.push_str("</ul>\n<div class=\"filter-actions\">\n");
    if !filter.is_empty() {
        push_link(
            html,
            "clear-filters",
            &browse_href(base, &BrowseFilter::default()),
            "Clear filters",
        );
        html.push('\n');
    }
    html.push_str("</div>\n</div>\n");
}

/// One post in a list (`src/components/post_card.rs`).
fn post_card(html: &mut String, site: &SiteContext, post: &PostMeta) {
    html.push_str("<article class=\"post-card\"");
    push_lang(html, post);
    html.push_str(">\n");
    if let Some(cover) = &post.cover {
        html.push_str("<img class=\"post-card-cover\" src=\"");
        push_text(html, &site.cover_href(cover));
        html.push_str(
            "\" alt=\"\" loading=\"lazy\" decoding=\"async\" width=\"160\" height=\"100\">\n",
        );
    }
    html.push_str("<div class=\"post-card-text\">\n<h2 class=\"post-card-title\">");
    push_link(
        html,
        "",
        &Route::Post(post.slug.clone()).href(site.base()),
        &post.title,
    );
    html.push_str("</h2>\n");
    if let Some(subtitle) = &post.subtitle {
        html.push_str("<p class=\"post-card-subtitle\">");
        push_text(html, subtitle);
        html.push_str("</p>\n");
    }
    html.push_str("<p class=\"post-card-meta\">");
    push_time(html, post);
    if let Some(author) = &post.author {
        html.push_str("<span class=\"post-card-author\">");
        push_text(html, author);
        html.push_str("</span>");
    }
    html.push_str("<span class=\"post-card-reading\">");
    push_text(html, &post.reading_time_label());
    html.push_str("</span></p>\n<p class=\"post-card-summary\">");
    push_text(html, &post.summary);
    html.push_str("</p>\n");
    tag_list(html, site, post);
    html.push_str("</div>\n</article>\n");
}

/// One post (`src/pages/post.rs`), its body rendered by the app's pipeline.
fn article(html: &mut String, site: &SiteContext, post: &PostMeta) {
    let base = site.base();
    html.push_str("<article class=\"post\"");
    push_lang(html, post);
    html.push_str(">\n<header class=\"post-header\">\n<h1 class=\"post-title\">");
    push_text(html, &post.title);
    html.push_str("</h1>\n");
    if let Some(subtitle) = &post.subtitle {
        html.push_str("<p class=\"post-subtitle\">");
        push_text(html, subtitle);
        html.push_str("</p>\n");
    }
    html.push_str("<p class=\"post-meta\">");
    push_time(html, post);
    if let Some(author) = &post.author {
        html.push_str("<span>");
        push_text(html, author);
        html.push_str("</span>");
    }
    html.push_str("<span>");
    push_text(html, &post.reading_time_label());
    html.push_str("</span></p>\n");
    tag_list(html, site, post);
    save_offline(html, "Save for offline reading");
    html.push_str("</header>\n");

    let has_toc = post.outline.len() >= MIN_TOC_HEADINGS;
    html.push_str(if has_toc {
        "<div class=\"post-layout has-toc\">\n"
    } else {
        "<div class=\"post-layout\">\n"
    });
    if has_toc {
        table_of_contents(html, post);
    }
    html.push_str("<div class=\"post-body\">");
    html.push_str(&site.post_html(post));
    html.push_str("</div>\n</div>\n");

    let (newer, older) = browse::neighbours(&site.manifest.posts, &post.slug);
    html.push_str("<nav class=\"post-nav\" aria-label=\"More posts\">\n");
    for (class, rel, label, neighbour) in [
        ("post-nav-newer", "prev", "Newer", newer),
        ("post-nav-older", "next", "Older", older),
    ] {
        if let Some(neighbour) = neighbour {
            html.push_str("<a class=\"");
            html.push_str(class);
            html.push_str("\" href=\"");
            push_text(html, &Route::Post(neighbour.slug.clone()).href(base));
            html.push_str("\" rel=\"");
            html.push_str(rel);
            html.push_str("\"><span>");
            html.push_str(label);
            html.push_str("</span>");
            push_text(html, &neighbour.title);
            html.push_str("</a>\n");
        }
    }
    html.push_str("</nav>\n");
    let related = browse::related(&site.manifest.posts, &post.slug, 3);
    if !related.is_empty() {
        html.push_str("<aside class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\">Related posts</h2>\n<ul>\n");
        for other in related {
            html.push_str("<li>");
            push_link(
                html,
                "",
                &Route::Post(other.slug.clone()).href(base),
                &other.title,
            );
            html.push_str("</li>\n");
        }
        html.push_str("</ul>\n</aside>\n");
    }
    html.push_str("</article>\n");
}

/// A standalone page (`src/pages/page.rs`): title and body, nothing a post has around it.
fn page_article(html: &mut String, site: &SiteContext, page: &folio_core::PageMeta) {
    html.push_str("<article class=\"post page\"");
    if let Some(lang) = &page.lang {
        html.push_str(" lang=\"");
        push_text(html, lang);
        html.push('"');
    }
    html.push_str(">\n<header class=\"post-header\">\n<h1 class=\"post-title\">");
    push_text(html, &page.title);
    html.push_str("</h1>\n</header>\n<div class=\"post-layout\">\n<div class=\"post-body\">");
    html.push_str(&site.page_html(page));
    html.push_str("</div>\n</div>\n</article>\n");
}

/// `src/components/table_of_contents.rs`; closed, as the app starts it on
/// narrow screens, and its links work without JavaScript.
fn table_of_contents(html: &mut String, post: &PostMeta) {
    let top_level = post.outline.iter().map(|h| h.level).min().unwrap_or(2);
    html.push_str("<details class=\"toc\">\n<summary>Contents</summary>\n<nav aria-label=\"Table of contents\">\n<ol>\n");
    for heading in post.outline.iter().filter(|h| h.level <= top_level + 1) {
        html.push_str(&format!(
            "<li class=\"toc-depth-{}\">",
            heading.level - top_level
        ));
        push_link(html, "", &format!("#{}", heading.id), &heading.text);
        html.push_str("</li>\n");
    }
    html.push_str("</ol>\n</nav>\n</details>\n");
}

/// Every tag with its number of posts (`src/pages/tags.rs`).
fn tag_index(html: &mut String, site: &SiteContext) {
    let counts = browse::tag_counts(&site.manifest.posts);
    let most = counts.first().map_or(1, |c| c.count).max(1);
    html.push_str("<section class=\"tag-index\">\n<h1 class=\"page-heading\">Tags</h1>\n<ul class=\"tag-cloud\">\n");
    for tag in counts {
        let size = 1 + tag.count * 4 / most;
        let filter = BrowseFilter {
            tags: vec![tag.tag.clone()],
            ..Default::default()
        };
        html.push_str(&format!("<li><a class=\"chip tag-size-{size}\" href=\""));
        push_text(html, &browse_href(site.base(), &filter));
        html.push_str("\">");
        push_text(html, &format!("#{}", tag.tag));
        html.push_str(" <span class=\"chip-count\">");
        push_text(html, &tag.count.to_string());
        html.push_str("</span></a></li>\n");
    }
    html.push_str("</ul>\n</section>\n");
}

/// The archive by year and month (`src/pages/timeline.rs`).
fn timeline(html: &mut String, site: &SiteContext) {
    let base = site.base();
    let all: Vec<&PostMeta> = site.manifest.posts.iter().collect();
    let groups = browse::group_by_year_month(&all);
    let busiest = browse::busiest_month(&groups);
    html.push_str("<section class=\"timeline\">\n<h1 class=\"page-heading\">Timeline</h1>\n<ol class=\"timeline-years\">\n");
    for group in &groups {
        let year = group.year;
        html.push_str("<li class=\"timeline-year\">\n<h2>");
        push_link(html, "", &Route::Year(year).href(base), &year.to_string());
        html.push_str(&format!(
            "<span class=\"timeline-count\">{} posts</span></h2>\n",
            group.count()
        ));
        // The month chart of `src/pages/timeline.rs`.
        html.push_str("<div class=\"month-chart\" aria-hidden=\"true\">");
        for count in group.month_counts() {
            html.push_str(&format!(
                "<span style=\"height: {}%\"></span>",
                browse::month_bar_percent(count, busiest)
            ));
        }
        html.push_str("</div>\n");
        html.push_str("<ol class=\"timeline-months\">\n");
        for month in &group.months {
            html.push_str(&format!("<li>\n<h3>{year}-{:02}</h3>\n<ul>\n", month.month));
            for post in &month.posts {
                html.push_str("<li>");
                push_link(
                    html,
                    "",
                    &Route::Post(post.slug.clone()).href(base),
                    &post.title,
                );
                html.push_str("</li>\n");
            }
            html.push_str("</ul>\n</li>\n");
        }
        html.push_str("</ol>\n</li>\n");
    }
    html.push_str("</ol>\n</section>\n");
}

/// `src/pages/not_found.rs`.
fn not_found(html: &mut String, site: &SiteContext) {
    html.push_str(
        "<section class=\"not-found\">\n<h1 class=\"page-heading\">Page not found</h1>\n",
    );
    html.push_str("<p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>\n");
    push_link(
        html,
        "button",
        &Route::Home.href(site.base()),
        "Back to all posts",
    );
    html.push_str("\n</section>\n");
}

fn tag_list(html: &mut String, site: &SiteContext, post: &PostMeta) {
    html.push_str("<ul class=\"tag-list\" aria-label=\"Tags\">");
    for tag in &post.tags {
        let filter = BrowseFilter {
            tags: vec![tag.clone()],
            ..Default::default()
        };
        html.push_str("<li>");
        push_link(
            html,
            "tag",
            &browse_href(site.base(), &filter),
            &format!("#{tag}"),
        );
        html.push_str("</li>");
    }
    html.push_str("</ul>\n");
}

/// The app's save button (`src/components/offline_status.rs`), so the text
/// below it does not move when the app takes over. It does nothing until then;
/// the stylesheet hides it without JavaScript, like the copy buttons.
fn save_offline(html: &mut String, label: &str) {
    html.push_str(
        "<div class=\"save-offline\"><button type=\"button\" class=\"button button-quiet\">",
    );
    push_text(html, label);
    html.push_str("</button></div>\n");
}

fn push_time(html: &mut String, post: &PostMeta) {
    html.push_str("<time datetime=\"");
    html.push_str(&iso_date(post.local_date));
    html.push_str("\">");
    push_text(html, &long_date(post.local_date));
    html.push_str("</time>");
}

fn push_lang(html: &mut String, post: &PostMeta) {
    if let Some(lang) = &post.lang {
        html.push_str(" lang=\"");
        push_text(html, lang);
        html.push('"');
    }
}

/// `<a class=… href=…>text</a>`; no class attribute when `class` is empty.
fn push_link(html: &mut String, class: &str, href: &str, text: &str) {
    html.push_str("<a");
    if !class.is_empty() {
        html.push_str(" class=\"");
        html.push_str(class);
        html.push('"');
    }
    html.push_str(" href=\"");
    push_text(html, href);
    html.push_str("\">");
    push_text(html, text);
    html.push_str("</a>");
}

/// Escapes text for element content and double-quoted attributes.
pub fn push_text(html: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = escape_html(&mut *html, text);
}
