//! Each generator's own way of turning names and titles into URL segments.
//! Old URLs only match if these match the generator, so each follows its
//! generator's rules rather than Folio's.

use chrono::NaiveDate;

use super::settings::SlugifyPaths;

/// `2019-05-01-notes` gives the date and `notes`; names without a valid date
/// prefix come back whole.
pub fn split_date_prefix(stem: &str) -> (Option<NaiveDate>, &str) {
    let parsed = stem.get(..10).and_then(|head| {
        let rest = &stem[10..];
        let separated = rest.is_empty() || rest.starts_with(['-', '_']);
        let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
        separated.then(|| (date, rest.trim_start_matches(['-', '_'])))
    });
    match parsed {
        Some((date, rest)) => (Some(date), rest),
        None => (None, stem),
    }
}

/// Jekyll's `Utils.slugify`: `pretty` keeps the punctuation URLs allow,
/// `default` keeps only letters and digits; both lowercase unless `cased`.
pub fn jekyll(text: &str, pretty: bool, cased: bool) -> String {
    let keep = |c: char| c.is_alphanumeric() || (pretty && "._~!$&'()+,;=@".contains(c));
    let mut out = String::new();
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if cased {
        out.to_owned()
    } else {
        out.to_lowercase()
    }
}

/// Hugo's `urlize`: spaces become dashes, characters outside letters, digits
/// and `._-~+#/` are dropped, and the result is lowercased (Hugo's default,
/// `disablePathToLower = false`).
pub fn hugo(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_whitespace() {
            out.push('-');
        } else if c.is_alphanumeric() || "._-~+#/".contains(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Zola's `slugify_paths` with the site's strategy.
pub fn zola(text: &str, strategy: SlugifyPaths) -> String {
    match strategy {
        SlugifyPaths::On => {
            // What the `slug` crate Zola uses does: ASCII transliteration,
            // lowercase, runs of anything else to one dash.
            let mut out = String::new();
            for c in deunicode::deunicode(text).chars() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                } else if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
            out.trim_end_matches('-').to_owned()
        }
        SlugifyPaths::Safe => text
            .trim_end_matches([' ', '.'])
            .chars()
            .filter(|c| !r#"<>:"/\|?*"#.contains(*c))
            .collect(),
        SlugifyPaths::Off => text.to_owned(),
    }
}
