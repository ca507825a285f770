//! The page at a post's old address (an alias from its front matter): a
//! whole document of its own that sends the reader on, without the app.

use leptos::prelude::*;
use leptos::tachys::html::doctype;

use folio_core::{Lang, Text};

/// Where a page moved to: its new href, canonical URL (only an absolute one
/// means anything, so none without the site's URL), title and the site's
/// language, which the sentence is in.
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
    let moved_to = Lang::from_tag(&lang).messages().text(Text::PageMovedTo);
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
                <p>{moved_to} " " <a href=href>{title}</a></p>
            </body>
        </html>
    }
}
