//! The page at a post's old address (an alias from its front matter): a
//! whole document of its own that sends the reader on, without the app.

use leptos::prelude::*;
use leptos::tachys::html::doctype;

/// Where a page moved to: its new href, canonical URL (only an absolute one
/// means anything, so none without the site's URL), title and language.
#[derive(Clone, Debug)]
pub struct Moved {
    pub href: String,
    pub canonical: Option<String>,
    pub title: String,
    pub lang: String,
}

#[component]
pub fn MovedPage(moved: Moved) -> impl IntoView {
    let Moved {
        href,
        canonical,
        title,
        lang,
    } = moved;
    let refresh = format!("0; url={href}");
    view! {
        {doctype("html")}
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <title>{title.clone()}</title>
                {canonical.map(|href| view! { <link rel="canonical" href=href/> })}
                <meta http-equiv="refresh" content=refresh/>
            </head>
            <body>
                <p>"This page has moved to " <a href=href>{title}</a> "."</p>
            </body>
        </html>
    }
}
