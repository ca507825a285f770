//! The settings worth carrying over from each generator's config file.
//!
//! Configs are parsed into a plain value tree and only the keys Folio can use
//! are picked out; anything else (theme options, plugins) is ignored, so a
//! config written for a newer or older generator version still reads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::error::{ConfigFormat, GeneratorError};

/// What a generator's config says about the site. Every field is optional:
/// `folio.toml` has the last word, these only fill gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GeneratorSettings {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Primary language subtag only (`ko-kr` gives `ko`): what Folio's `lang` wants.
    pub lang: Option<String>,
    /// The absolute URL the site was published at, as written (Jekyll's `url`
    /// and `baseurl` joined). Its path part is for Folio to turn into a base path.
    pub base_url: Option<String>,
    /// IANA zone name, as written.
    pub time_zone: Option<String>,
    /// Front-matter keys whose values become Folio tags (Hugo `tags`,
    /// `categories`, `series`…; Zola's taxonomy names; Jekyll `tags`, `categories`).
    pub taxonomies: Vec<String>,
    /// Permalink patterns: Hugo's per section (`posts` → `/:year/:month/:title/`),
    /// Jekyll's site-wide one under the key `""` with named styles already expanded.
    pub permalinks: BTreeMap<String, String>,
    /// How Zola turns file names into URL segments (`[slugify] paths`).
    pub slugify_paths: SlugifyPaths,
    /// Jekyll's `exclude` list: paths the site never publishes.
    pub exclude: Vec<String>,
    /// Next.js `trailingSlash: true`: URLs end in `/`.
    pub trailing_slash: bool,
    /// Hugo's `theme` (one name or a list): where its shortcode templates are.
    pub themes: Vec<String>,
}

/// Zola's `[slugify] paths` strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugifyPaths {
    /// Transliterate to ASCII, lowercase, dashes (Zola's default).
    #[default]
    On,
    /// Only remove characters unsafe in file names.
    Safe,
    /// Keep names as written.
    Off,
}

/// Jekyll's named permalink styles, expanded.
pub const JEKYLL_STYLES: &[(&str, &str)] = &[
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    (
        "weekdate",
        "/:categories/:year/W:week/:short_day/:title:output_ext",
    ),
    ("none", "/:categories/:title:output_ext"),
];

/// Reads a TOML, YAML or JSON file (by extension) into a value tree.
pub fn read_value(path: &Path) -> Result<Value, GeneratorError> {
    let text = read_text(path)?;
    parse_value(path, &text)
}

pub fn read_text(path: &Path) -> Result<String, GeneratorError> {
    std::fs::read_to_string(path).map_err(|source| GeneratorError::Read {
        path: path.to_owned(),
        source,
    })
}

fn parse_value(path: &Path, text: &str) -> Result<Value, GeneratorError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let syntax = |format, (line, column), message: String| GeneratorError::Syntax {
        path: path.to_owned(),
        line,
        column,
        format,
        message,
    };
    match ext {
        "yaml" | "yml" => {
            if text.trim().is_empty() {
                return Ok(Value::Object(Default::default()));
            }
            serde_yaml_ng::from_str::<Value>(text).map_err(|err| {
                let at = err.location().map_or((0, 0), |l| (l.line(), l.column()));
                syntax(ConfigFormat::Yaml, at, err.to_string())
            })
        }
        "json" => serde_json::from_str::<Value>(text).map_err(|err| {
            syntax(
                ConfigFormat::Json,
                (err.line(), err.column()),
                err.to_string(),
            )
        }),
        _ => toml::from_str::<Value>(text).map_err(|err| {
            let at = err
                .span()
                .map_or((0, 0), |s| crate::config::line_column(text, s.start));
            syntax(ConfigFormat::Toml, at, err.message().to_owned())
        }),
    }
}

/// A key looked up ignoring case: Hugo treats `baseURL` and `baseurl` alike.
fn get_ci<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn string_ci(value: &Value, key: &str) -> Option<String> {
    get_ci(value, key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// `ko-kr`, `ko_KR` and `ko` all give `ko`.
pub fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (!primary.is_empty()).then_some(primary)
}

/// The file names Hugo looks for, in its order of preference.
pub const HUGO_CONFIG_NAMES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// Hugo's main config: the first of [`HUGO_CONFIG_NAMES`] at the root, or in
/// `config/_default/`, where the other files there (`params.toml`,
/// `permalinks.toml`…) hold the table of their own name.
pub fn read_hugo_config(root: &Path, main: &Path) -> Result<Value, GeneratorError> {
    let mut value = read_value(main)?;
    let config_dir = root.join("config").join("_default");
    if main.parent() == Some(config_dir.as_path()) {
        let mut extra: Vec<PathBuf> = std::fs::read_dir(&config_dir)
            .map_err(|source| GeneratorError::Read {
                path: config_dir.clone(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p != main && is_config_ext(p))
            .collect();
        extra.sort();
        for path in extra {
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if matches!(stem, "hugo" | "config") {
                continue;
            }
            let table = read_value(&path)?;
            if let Some(map) = value.as_object_mut() {
                map.entry(stem.to_owned()).or_insert(table);
            }
        }
    }
    Ok(value)
}

fn is_config_ext(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("toml" | "yaml" | "yml" | "json")
    )
}

/// Settings from a Hugo config, and its `contentDir` if set.
pub fn hugo_settings(config: &Value) -> (GeneratorSettings, Option<String>) {
    let params = get_ci(config, "params");
    let taxonomies = match get_ci(config, "taxonomies").and_then(Value::as_object) {
        Some(map) => map
            .values()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        // Hugo's defaults when the table is absent.
        None => vec!["tags".to_owned(), "categories".to_owned()],
    };
    let mut permalinks = BTreeMap::new();
    if let Some(map) = get_ci(config, "permalinks").and_then(Value::as_object) {
        // Since Hugo 0.119 patterns may be grouped by page kind; only pages matter here.
        let pages = map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("page"))
            .and_then(|(_, v)| v.as_object())
            .unwrap_or(map);
        for (section, pattern) in pages {
            if let Some(pattern) = pattern.as_str() {
                permalinks.insert(section.clone(), pattern.to_owned());
            }
        }
    }
    let settings = GeneratorSettings {
        title: string_ci(config, "title"),
        description: params
            .and_then(|p| string_ci(p, "description"))
            .or_else(|| string_ci(config, "description")),
        lang: string_ci(config, "languageCode")
            .or_else(|| string_ci(config, "defaultContentLanguage"))
            .and_then(|l| primary_language(&l)),
        base_url: string_ci(config, "baseURL"),
        time_zone: string_ci(config, "timeZone"),
        taxonomies,
        permalinks,
        themes: match get_ci(config, "theme") {
            Some(Value::String(theme)) => vec![theme.clone()],
            Some(Value::Array(themes)) => themes
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        },
        ..Default::default()
    };
    (settings, string_ci(config, "contentDir"))
}

/// Settings from Zola's `config.toml`.
pub fn zola_settings(config: &Value) -> GeneratorSettings {
    let taxonomies = config
        .get("taxonomies")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|t| t.get("name").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let slugify_paths = match config
        .get("slugify")
        .and_then(|s| s.get("paths"))
        .and_then(Value::as_str)
    {
        Some("safe") => SlugifyPaths::Safe,
        Some("off") => SlugifyPaths::Off,
        _ => SlugifyPaths::On,
    };
    GeneratorSettings {
        title: string_ci(config, "title"),
        description: string_ci(config, "description"),
        lang: string_ci(config, "default_language").and_then(|l| primary_language(&l)),
        base_url: string_ci(config, "base_url"),
        taxonomies,
        slugify_paths,
        ..Default::default()
    }
}

/// Settings from Jekyll's `_config.yml`.
pub fn jekyll_settings(config: &Value) -> GeneratorSettings {
    let base_url = match (string_ci(config, "url"), string_ci(config, "baseurl")) {
        (Some(url), Some(base)) => Some(format!(
            "{}/{}",
            url.trim_end_matches('/'),
            base.trim_start_matches('/')
        )),
        (Some(url), None) => Some(url),
        (None, _) => None,
    };
    let pattern = string_ci(config, "permalink").unwrap_or_else(|| "date".to_owned());
    let pattern = JEKYLL_STYLES
        .iter()
        .find(|(name, _)| *name == pattern)
        .map_or(pattern.clone(), |(_, p)| (*p).to_owned());
    let exclude = config
        .get("exclude")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(|s| s.trim_matches('/').to_owned())
                .collect()
        })
        .unwrap_or_default();
    GeneratorSettings {
        title: string_ci(config, "title"),
        description: string_ci(config, "description"),
        lang: string_ci(config, "lang")
            .or_else(|| string_ci(config, "locale"))
            .and_then(|l| primary_language(&l)),
        base_url,
        time_zone: string_ci(config, "timezone"),
        taxonomies: vec!["tags".to_owned(), "categories".to_owned()],
        permalinks: BTreeMap::from([(String::new(), pattern)]),
        exclude,
        ..Default::default()
    }
}

/// Best-effort settings from `gatsby-config.*`: the string fields of
/// `siteMetadata`, read without running any JavaScript.
pub fn gatsby_settings(source: &str) -> GeneratorSettings {
    let fields = js_object_strings(source, "siteMetadata");
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    GeneratorSettings {
        title: get("title"),
        description: get("description"),
        base_url: get("siteUrl"),
        lang: get("lang")
            .or_else(|| get("language"))
            .and_then(|l| primary_language(&l)),
        ..Default::default()
    }
}

/// The folders `gatsby-source-filesystem` is given in `gatsby-config.*`, in
/// the order written, relative to the site root: `path: \`${__dirname}/x\``,
/// `path: "./x"` and `path: path.join(__dirname, "x", "y")`.
pub fn gatsby_source_paths(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("path") {
        let after = &rest[at + 4..];
        rest = after;
        let preceded_by_word = source.len() - after.len() > 4
            && source[..source.len() - after.len() - 4]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        let Some(value) = after.trim_start().strip_prefix(':') else {
            continue;
        };
        if preceded_by_word {
            continue;
        }
        let value = value.trim_start();
        let parts: Vec<&str> = if let Some(args) = value.strip_prefix("path.join(") {
            let args = &args[..args.find(')').unwrap_or(args.len())];
            args.split(',').filter_map(|a| quoted(a.trim())).collect()
        } else {
            quoted_prefix(value).into_iter().collect()
        };
        let joined = parts.join("/");
        let relative = joined
            .trim_start_matches("${__dirname}")
            .trim_start_matches('/')
            .trim_start_matches("./")
            .trim_end_matches('/');
        if !relative.is_empty() && !relative.contains("..") && !relative.contains("${") {
            found.push(relative.to_owned());
        }
    }
    found
}

/// `"x"`, `'x'` or `` `x` `` → `x`.
fn quoted(text: &str) -> Option<&str> {
    let quote = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    text[1..].strip_suffix(quote)
}

/// The quoted string `text` starts with.
fn quoted_prefix(text: &str) -> Option<&str> {
    let quote = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let end = text[1..].find(quote)?;
    Some(&text[1..1 + end])
}

/// Settings from `next.config.*`: only whether URLs end in a slash.
pub fn nextjs_settings(source: &str) -> GeneratorSettings {
    let compact: String = source.chars().filter(|c| !c.is_whitespace()).collect();
    GeneratorSettings {
        trailing_slash: compact.contains("trailingSlash:true"),
        ..Default::default()
    }
}

/// The `key: 'string'` pairs directly inside the object literal that follows
/// `name` in JavaScript source. Nested objects, comments and non-literal
/// values are stepped over; this is a reader for typical starter configs,
/// not a JavaScript parser.
fn js_object_strings(source: &str, name: &str) -> Vec<(String, String)> {
    let Some(start) = source.find(name) else {
        return Vec::new();
    };
    let rest = &source[start + name.len()..];
    let Some(open) = rest.find('{') else {
        return Vec::new();
    };
    let chars: Vec<char> = rest[open + 1..].chars().collect();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut key = String::new();
    let mut awaiting_value = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 1;
            }
            '\'' | '"' | '`' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        i += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                if depth == 0 && awaiting_value {
                    out.push((std::mem::take(&mut key), text));
                    awaiting_value = false;
                } else if depth == 0 {
                    // A quoted key: `"title": "…"`.
                    key = text;
                }
            }
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' if depth == 0 => break,
            '}' | ']' | ')' => depth -= 1,
            ':' if depth == 0 => awaiting_value = true,
            ',' if depth == 0 => {
                key.clear();
                awaiting_value = false;
            }
            c if depth == 0 && !awaiting_value && (c.is_alphanumeric() || c == '_' || c == '$') => {
                key.push(c);
            }
            c if depth == 0 && awaiting_value && !c.is_whitespace() => {
                // A non-literal value (a variable, a number): not ours to read.
                awaiting_value = false;
                key.clear();
            }
            _ => {}
        }
        i += 1;
    }
    out
}
