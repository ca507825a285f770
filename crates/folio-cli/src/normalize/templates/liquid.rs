//! Jekyll's Liquid: code blocks (`highlight`), literal text (`raw`), links to
//! other posts, includes, site URLs, and logic tags that only make sense to
//! Jekyll and are dropped with their inner text kept.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::args::Args;
use super::{render, Emit, Resolver, UnknownKind};

/// Included files larger than this are not inlined.
const MAX_INCLUDE_BYTES: u64 = 1 << 20;

/// Includes nested deeper than this are not inlined (and cannot loop).
const MAX_INCLUDE_DEPTH: usize = 4;

/// Tags that steer Jekyll's rendering and have no text of their own: their
/// syntax goes, the text between them stays.
const LOGIC_TAGS: &[&str] = &[
    "assign",
    "if",
    "elsif",
    "else",
    "unless",
    "case",
    "when",
    "for",
    "break",
    "continue",
    "cycle",
    "increment",
    "decrement",
    "tablerow",
    "seo",
    "feed_meta",
    "endraw",
    "endhighlight",
    "endcomment",
    "endcapture",
];

/// Tags whose content Jekyll never prints.
const SILENT_BLOCK_TAGS: &[(&str, &str)] = &[("comment", "endcomment")];

/// The length of a `{% raw %}` or `{% endraw %}` marker at the start of `text`.
pub(super) fn raw_marker_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("{%")?;
    let close = rest.find("%}")?;
    let name = super::trim_whitespace_control(&rest[..close]);
    (name == "raw" || name == "endraw").then_some(close + 4)
}

/// The first `{% name %}` tag at or after `from`: its start and end.
fn find_tag(text: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut search = from;
    while let Some(found) = text[search..].find("{%") {
        let start = search + found;
        let close = start + 2 + text[start + 2..].find("%}")?;
        let inner = super::trim_whitespace_control(&text[start + 2..close]);
        if inner.split_whitespace().next() == Some(name) {
            return Some((start, close + 2));
        }
        search = start + 2;
    }
    None
}

impl Resolver<'_> {
    /// `{% name args %}`.
    pub(super) fn liquid_tag(&mut self, inner: &str, at: usize) -> Emit {
        let (name, rest) = inner
            .split_once(char::is_whitespace)
            .map_or((inner, ""), |(name, rest)| (name, rest.trim()));
        match name {
            "raw" => {
                self.transformations.count("liquid", "raw");
                match find_tag(self.src, self.pos, "endraw") {
                    Some((end, _)) => self.raw_until = Some(end),
                    None => self.warn(
                        at,
                        "`{% raw %}` is never closed; the rest of the post is kept literally"
                            .into(),
                        "Add `{% endraw %}` where the literal text ends",
                    ),
                }
                if self.raw_until.is_none() {
                    self.raw_until = Some(self.src.len());
                }
                Emit::Inline(String::new())
            }
            "highlight" => self.liquid_highlight(rest, at),
            "link" | "post_url" => {
                self.transformations.count("liquid", name);
                Emit::Inline(self.post_link(rest, at))
            }
            "include" | "include_relative" => self.include(name, rest, at),
            "capture" => self.capture(rest, at),
            "assign" => {
                self.transformations.count("liquid", name);
                if let Some((variable, value)) = rest.split_once('=') {
                    let value = split_filters(value).into_iter().next().unwrap_or("");
                    if let Some(value) = self.liquid_value(value) {
                        self.captures.insert(variable.trim().to_owned(), value);
                    }
                }
                Emit::Inline(String::new())
            }
            _ => {
                if let Some((_, end_name)) =
                    SILENT_BLOCK_TAGS.iter().find(|(open, _)| *open == name)
                {
                    self.transformations.count("liquid", name);
                    match find_tag(self.src, self.pos, end_name) {
                        Some((_, end)) => self.pos = end,
                        None => self.warn(
                            at,
                            format!("`{{% {name} %}}` is never closed"),
                            "Add its end tag; until then only the tag itself is removed",
                        ),
                    }
                } else if LOGIC_TAGS.contains(&name) || name.starts_with("end") {
                    self.transformations.count("liquid", name);
                } else {
                    self.note_unknown(UnknownKind::LiquidTag, name, at);
                }
                Emit::Inline(String::new())
            }
        }
    }

    /// `{% capture name %} … {% endcapture %}`: the body is kept for a later
    /// `{{ name }}`, which is where Jekyll prints it.
    fn capture(&mut self, rest: &str, at: usize) -> Emit {
        self.transformations.count("liquid", "capture");
        let name = rest.split_whitespace().next().unwrap_or("").to_owned();
        match find_tag(self.src, self.pos, "endcapture") {
            Some((start, end)) => {
                let body = self.src[self.pos..start].to_owned();
                self.captures.insert(name, body);
                self.pos = end;
            }
            None => self.warn(
                at,
                "`{% capture %}` is never closed".into(),
                "Add `{% endcapture %}`; until then only the tag itself is removed",
            ),
        }
        Emit::Inline(String::new())
    }

    /// `{% highlight lang [linenos] %} … {% endhighlight %}` as a fenced block.
    fn liquid_highlight(&mut self, rest: &str, at: usize) -> Emit {
        let lang = rest.split_whitespace().next().unwrap_or("").to_owned();
        self.transformations.count("liquid", "highlight");
        match find_tag(self.src, self.pos, "endhighlight") {
            Some((start, end)) => {
                let code = self.block_content(start);
                self.pos = end;
                Emit::Code { lang, code }
            }
            None => {
                self.warn(
                    at,
                    "`{% highlight %}` is never closed; the text after it is kept as prose".into(),
                    "Add `{% endhighlight %}` where the code ends",
                );
                Emit::Inline(String::new())
            }
        }
    }

    /// A link to another post through the site's post index; `#` when unknown.
    pub(super) fn post_link(&mut self, reference: &str, at: usize) -> String {
        let reference = reference.trim().trim_matches(|c| c == '"' || c == '\'');
        match self.context.links.post_url(reference) {
            Some(url) => url,
            None => {
                self.warn(
                    at,
                    format!("the link to `{reference}` names no post in this site"),
                    "Check the file name or date of the linked post; the link points nowhere until then",
                );
                "#".to_owned()
            }
        }
    }

    /// `{% include file k=v %}` and `{% include_relative file %}`: the file's
    /// text inlined, or a visible note where it could not be read.
    fn include(&mut self, tag: &str, rest: &str, at: usize) -> Emit {
        let args = Args::parse(rest);
        let file = args.positional.first().cloned().unwrap_or_default();
        let text = if self.depth >= MAX_INCLUDE_DEPTH {
            None
        } else {
            self.include_candidates(tag, &file)
                .into_iter()
                .find_map(|(path, root)| read_inside(&path, &root))
        };
        match text {
            Some(text) => {
                self.transformations.count("liquid", tag);
                let vars: HashMap<String, String> = args.named.into_iter().collect();
                let resolved = self.resolve_included(&text, vars, at);
                Emit::Inline(resolved.trim_end_matches('\n').to_owned())
            }
            None => {
                self.warn(
                    at,
                    format!("the included file `{file}` was not found in the content folder"),
                    "Copy the file next to the post (include_relative) or into `_includes/`, or replace the include with its text",
                );
                Emit::Block(render::missing_include(&file))
            }
        }
    }

    /// Where an include may live, each with the folder it must stay inside.
    fn include_candidates(&self, tag: &str, file: &str) -> Vec<(PathBuf, PathBuf)> {
        let file = Path::new(file);
        if file.as_os_str().is_empty() || file.is_absolute() {
            return Vec::new();
        }
        let content = self.context.content_dir;
        if tag == "include_relative" {
            let post_dir = self.context.file.parent().unwrap_or(Path::new(""));
            return vec![(content.join(post_dir).join(file), content.to_path_buf())];
        }
        if file.components().any(|c| matches!(c, Component::ParentDir)) {
            return Vec::new();
        }
        let mut roots = vec![content.to_path_buf()];
        if let Some(site_root) = content.parent() {
            roots.push(site_root.to_path_buf());
        }
        roots
            .into_iter()
            .map(|root| {
                let includes = root.join("_includes");
                (includes.join(file), includes)
            })
            .collect()
    }

    /// `{{ value | filter }}`: site URLs resolve, everything else goes.
    pub(super) fn liquid_output(&mut self, inner: &str, at: usize) -> Emit {
        let mut parts = split_filters(inner).into_iter();
        let base = parts.next().unwrap_or("").trim();
        if let Some(captured) = self.captures.get(base).cloned() {
            self.transformations.count("liquid", "captured text");
            let vars = self.include_vars.clone();
            let resolved = self.resolve_included(&captured, vars, at);
            let resolved = resolved.trim();
            return if resolved.contains('\n') {
                Emit::Block(resolved.to_owned())
            } else {
                Emit::Inline(resolved.to_owned())
            };
        }
        let Some(mut value) = self.liquid_value(base) else {
            let name = base.split_whitespace().next().unwrap_or(base);
            self.note_unknown(UnknownKind::LiquidOutput, name, at);
            return Emit::Inline(String::new());
        };
        for filter in parts {
            let (name, argument) = filter
                .split_once(':')
                .map_or((filter.trim(), ""), |(n, a)| (n.trim(), a.trim()));
            let argument = self.liquid_value(argument).unwrap_or_default();
            value = match name {
                "relative_url" => self.relative_url(&value),
                "absolute_url" => self.absolute_url(&value),
                "prepend" => format!("{argument}{value}"),
                "append" => format!("{value}{argument}"),
                _ => value,
            };
        }
        self.transformations.count("liquid", base);
        Emit::Inline(value)
    }

    /// A Liquid value Folio knows: a string literal, a site URL or an include parameter.
    fn liquid_value(&self, expression: &str) -> Option<String> {
        let expression = expression.trim();
        for quote in ['"', '\''] {
            if let Some(literal) = expression
                .strip_prefix(quote)
                .and_then(|rest| rest.strip_suffix(quote))
            {
                return Some(literal.to_owned());
            }
        }
        if let Some(value) = self.captures.get(expression) {
            return Some(value.clone());
        }
        match expression {
            "site.baseurl" => Some(self.base_without_slash().to_owned()),
            "site.url" => Some(self.context.site_url.unwrap_or("").to_owned()),
            _ => expression
                .strip_prefix("include.")
                .and_then(|name| self.include_vars.get(name).cloned()),
        }
    }

    /// `site.baseurl` as Jekyll spells it: no trailing slash, empty at the root.
    fn base_without_slash(&self) -> &str {
        self.context.base_path.trim_end_matches('/')
    }

    fn relative_url(&self, value: &str) -> String {
        if value.contains("://") || value.starts_with("//") {
            return value.to_owned();
        }
        let base = self.base_without_slash();
        if !base.is_empty() && (value == base || value.starts_with(&format!("{base}/"))) {
            return value.to_owned();
        }
        format!("{base}/{}", value.trim_start_matches('/'))
    }

    fn absolute_url(&self, value: &str) -> String {
        if value.contains("://") || value.starts_with("//") {
            return value.to_owned();
        }
        let relative = self.relative_url(value);
        format!("{}{relative}", self.context.site_url.unwrap_or(""))
    }
}

/// `a | f: "x|y" | g` → `a`, `f: "x|y"`, `g`.
fn split_filters(expression: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (at, c) in expression.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '|') => {
                parts.push(&expression[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&expression[start..]);
    parts
}

/// A file's text, only if it really lies inside `root` (no `..` escapes).
fn read_inside(path: &Path, root: &Path) -> Option<String> {
    let path = path.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    if !path.starts_with(&root) || !path.is_file() {
        return None;
    }
    if path.metadata().ok()?.len() > MAX_INCLUDE_BYTES {
        return None;
    }
    std::fs::read_to_string(path).ok()
}
