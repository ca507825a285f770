//! Raw HTML, sanitised tag by tag. Markdown hands HTML over in pieces (an
//! inline `<u>` and its `</u>` are separate events, a `<div>` block may close
//! paragraphs later), so each tag is cleaned on its own: opening tags through
//! an ammonia policy, closing tags kept only for allowed names, text between
//! tags kept as written with `<` escaped.

use std::collections::{BTreeMap, HashSet};

use ammonia::{Builder, UrlRelative};

use super::embeds::allowed_embed;
use super::tokens::{tokenize, Token};
use crate::diagnostics::Severity;
use crate::normalize::{Finding, Transformations};

/// Elements that reach the page (attributes filtered by [`policy`]).
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "aside",
    "audio",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// MathML an author wrote by hand; attributes are filtered by [`MATHML_ATTRIBUTES`].
const MATHML: &[&str] = &[
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mspace",
    "msup",
    "msub",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "merror",
    "mmultiscripts",
    "mprescripts",
    "none",
];

const MATHML_ATTRIBUTES: &[&str] = &[
    "display",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "largeop",
    "movablelimits",
    "accent",
    "accentunder",
    "linethickness",
    "width",
    "height",
    "depth",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "notation",
    "encoding",
    "form",
    "minsize",
    "maxsize",
    "symmetric",
    "voffset",
    "class",
];

const VOID: &[&str] = &[
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "mspace",
    "mprescripts",
    "none",
];

/// Dropped together with everything up to their closing tag.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "select",
    "annotation-xml",
];

/// Dropped as a danger worth telling the author about.
const DANGEROUS: &[&str] = &[
    "script", "object", "embed", "applet", "form", "base", "meta", "link", "frame", "frameset",
    "svg", "portal",
];

/// Other HTML and SVG elements: the tag goes, its content stays.
const KNOWN_DROPPED: &[&str] = &[
    "html",
    "head",
    "body",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "option",
    "optgroup",
    "label",
    "fieldset",
    "legend",
    "meta",
    "link",
    "base",
    "frame",
    "frameset",
    "param",
    "canvas",
    "dialog",
    "portal",
    "slot",
    "map",
    "area",
    "output",
    "progress",
    "meter",
    "datalist",
    "font",
    "big",
    "marquee",
    "blink",
    "nobr",
    "header",
    "footer",
    "nav",
    "main",
    "section",
    "article",
    "address",
    "hgroup",
    "search",
    "track",
    "bdi",
    "bdo",
    "ruby",
    "rt",
    "rp",
    "data",
    "dfn",
    "menu",
    "center",
    "strike",
    "tt",
    "iframe",
    "svg",
    "g",
    "path",
    "circle",
    "rect",
    "line",
    "polyline",
    "polygon",
    "ellipse",
    "text",
    "tspan",
    "defs",
    "use",
    "symbol",
    "animate",
    "set",
    "foreignobject",
    "image",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
    "mask",
    "pattern",
    "filter",
    "marker",
    "desc",
    "metadata",
    "animatetransform",
    "animatemotion",
    "mpath",
    "switch",
    "view",
    "mglyph",
    "maction",
];

/// Whether browsers know `name` (lower case) as an HTML or MathML element.
pub fn is_known_element(name: &str) -> bool {
    ALLOWED.contains(&name)
        || KNOWN_DROPPED.contains(&name)
        || DROP_WITH_CONTENT.contains(&name)
        || MATHML.contains(&name)
}

/// Attributes written bare when empty.
const BOOLEAN: &[&str] = &[
    "controls",
    "muted",
    "loop",
    "playsinline",
    "autoplay",
    "open",
    "allowfullscreen",
    "reversed",
];

const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-presentation";

/// Whether the HTML stands as a block of its own or sits inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Block,
    Inline,
}

pub struct Sanitizer {
    mdx: bool,
    /// Inside an element dropped with its content, until this closing tag.
    skip: Option<String>,
    /// Self-closing MDX components removed: name → (first line, count).
    removed_components: BTreeMap<String, (usize, usize)>,
    reported: HashSet<String>,
    findings: Vec<Finding>,
    /// Names the post's HTML closes somewhere (`</figurecaption>`): an
    /// unknown name among them is an element, not text that looks like a tag.
    closed_names: HashSet<String>,
}

impl Sanitizer {
    pub fn new(mdx: bool) -> Self {
        Sanitizer {
            mdx,
            skip: None,
            removed_components: BTreeMap::new(),
            reported: HashSet::new(),
            findings: Vec::new(),
            closed_names: HashSet::new(),
        }
    }

    /// Learns which names the post closes, from every piece of its HTML.
    pub fn learn_closed_names<'h>(&mut self, pieces: impl Iterator<Item = &'h str>) {
        for piece in pieces {
            for (_, token) in tokenize(piece) {
                if let Token::End { name, .. } = token {
                    self.closed_names.insert(name.to_ascii_lowercase());
                }
            }
        }
    }

    /// True while text belongs to a dropped `<script>` or `<style>`.
    pub fn skipping(&self) -> bool {
        self.skip.is_some()
    }

    /// An unclosed inline `<script>` ends with its paragraph.
    pub fn end_block(&mut self) {
        self.skip = None;
    }

    /// Findings so far, with one per removed MDX component name.
    pub fn finish(mut self) -> Vec<Finding> {
        for (name, (line, count)) in std::mem::take(&mut self.removed_components) {
            let times = if count == 1 {
                String::new()
            } else {
                format!(" ({count} times)")
            };
            self.findings.push(Finding {
                line,
                severity: Severity::Warning,
                message: format!("MDX component <{name} /> removed{times}: Folio renders no JSX"),
                fix: "Replace it with Markdown, an image or a link to the content".to_owned(),
            });
        }
        self.findings
    }

    /// Sanitises one HTML fragment starting at 1-based `line`.
    pub fn sanitize(
        &mut self,
        html: &str,
        line: usize,
        placement: Placement,
        counts: &mut Transformations,
    ) -> String {
        let mut out = String::with_capacity(html.len());
        for (offset, token) in tokenize(html) {
            let line = line + html[..offset].matches('\n').count();
            if let Some(until) = &self.skip {
                if matches!(&token, Token::End { name, .. } if name.eq_ignore_ascii_case(until)) {
                    self.skip = None;
                }
                continue;
            }
            match token {
                Token::Text(text) => push_text(&mut out, text),
                Token::Comment(_) => counts.count("html dropped", "comment"),
                Token::Declaration(_) => counts.count("html dropped", "declaration"),
                Token::Start {
                    name,
                    raw,
                    attrs,
                    self_closing,
                } => self.start(
                    &mut out,
                    StartTag {
                        name,
                        raw,
                        attrs,
                        self_closing,
                    },
                    line,
                    placement,
                    counts,
                ),
                Token::End { name, raw } => self.end(&mut out, name, raw, placement, counts),
            }
        }
        out
    }

    fn start(
        &mut self,
        out: &mut String,
        tag: StartTag,
        line: usize,
        placement: Placement,
        counts: &mut Transformations,
    ) {
        let lname = tag.name.to_ascii_lowercase();
        if self.mdx && tag.name.starts_with(|c: char| c.is_ascii_uppercase()) {
            if tag.self_closing {
                let entry = self
                    .removed_components
                    .entry(tag.name.to_owned())
                    .or_insert((line, 0));
                entry.1 += 1;
                counts.count("mdx component removed", tag.name);
            } else {
                counts.count("mdx component unwrapped", tag.name);
            }
            return;
        }
        for (attribute, value) in &tag.attrs {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                self.report(line, "event handler", &format!("`{attribute}` attribute removed from <{lname}>: pages run no inline script"));
            } else if is_script_url(value) {
                self.report(
                    line,
                    "script url",
                    &format!("script address in `{attribute}` of <{lname}> removed"),
                );
            }
        }
        if DROP_WITH_CONTENT.contains(&lname.as_str()) {
            counts.count("html dropped", &lname);
            if !tag.self_closing {
                self.skip = Some(lname.clone());
            }
            match lname.as_str() {
                "script" => self.report(
                    line,
                    "script",
                    "<script> removed: pages run no script from posts",
                ),
                "style" => self.report_with(
                    line,
                    "style",
                    Severity::Note,
                    "<style> removed: posts use the site's styles",
                ),
                _ => {}
            }
            return;
        }
        if lname == "iframe" {
            self.iframe(out, &tag, line, placement, counts);
            return;
        }
        if lname == "center" {
            counts.count("html rewritten", "center");
            out.push_str("<div class=\"align-center\">");
            return;
        }
        if let Some(suffix) = custom_element(&lname) {
            counts.count("custom element", &lname);
            out.push_str(&format!("<aside class=\"callout callout-{suffix}\">"));
            return;
        }
        if MATHML.contains(&lname.as_str()) {
            counts.count("html kept", &lname);
            let attrs: Vec<(String, String)> = tag
                .attrs
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
                .filter(|(k, _)| MATHML_ATTRIBUTES.contains(&k.as_str()))
                .map(|(k, v)| {
                    if k == "class" {
                        (k, safe_classes(&v))
                    } else {
                        (k, v)
                    }
                })
                .collect();
            write_tag(out, &lname, &attrs);
            return;
        }
        if ALLOWED.contains(&lname.as_str()) {
            if tag
                .attrs
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("style"))
            {
                counts.count("html dropped", "style attribute");
            }
            match self.clean_with_policy(&lname, &tag) {
                Some(attrs) => {
                    counts.count("html kept", &lname);
                    write_tag(out, &lname, &finish_attributes(&lname, attrs));
                }
                None => counts.count("html dropped", &lname),
            }
            return;
        }
        if KNOWN_DROPPED.contains(&lname.as_str()) {
            counts.count("html dropped", &lname);
            if DANGEROUS.contains(&lname.as_str()) {
                self.report(
                    line,
                    &lname,
                    &format!("<{lname}> removed: posts cannot embed active content"),
                );
            }
            return;
        }
        if self.closed_names.contains(&lname) {
            // An element the browser would not know either (a misspelt
            // `<figurecaption>`, an old vendor tag): it shows its content.
            counts.count("html unwrapped", &lname);
            return;
        }
        // Not HTML: text that only looks like a tag (`List<String>`).
        counts.count("html escaped", &lname);
        push_text(out, tag.raw);
    }

    fn end(
        &mut self,
        out: &mut String,
        name: &str,
        raw: &str,
        _placement: Placement,
        counts: &mut Transformations,
    ) {
        let lname = name.to_ascii_lowercase();
        if self.mdx && name.starts_with(|c: char| c.is_ascii_uppercase()) {
            return;
        }
        if lname == "center" {
            out.push_str("</div>");
        } else if custom_element(&lname).is_some() {
            out.push_str("</aside>");
        } else if (ALLOWED.contains(&lname.as_str()) || MATHML.contains(&lname.as_str()))
            && !VOID.contains(&lname.as_str())
        {
            out.push_str("</");
            out.push_str(&lname);
            out.push('>');
        } else if KNOWN_DROPPED.contains(&lname.as_str())
            || DROP_WITH_CONTENT.contains(&lname.as_str())
            || VOID.contains(&lname.as_str())
        {
            // The opening tag was dropped or the iframe already closed.
        } else if self.closed_names.contains(&lname) {
            // Unwrapped with its opening tag.
        } else {
            counts.count("html escaped", &lname);
            push_text(out, raw);
        }
    }

    fn iframe(
        &mut self,
        out: &mut String,
        tag: &StartTag,
        line: usize,
        placement: Placement,
        counts: &mut Transformations,
    ) {
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_owned())
        };
        if !tag.self_closing {
            // Whatever an iframe holds is fallback text for old browsers.
            self.skip = Some("iframe".to_owned());
        }
        let src = attr("src").unwrap_or_default();
        if let Some(embed) = allowed_embed(&src) {
            counts.count("embed", embed.default_title);
            let title = attr("title")
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| embed.default_title.to_owned());
            let wrapper = match placement {
                Placement::Block => "div",
                Placement::Inline => "span",
            };
            out.push_str(&format!("<{wrapper} class=\"embed\">"));
            write_tag(
                out,
                "iframe",
                &[
                    ("src".to_owned(), embed.src),
                    ("title".to_owned(), title),
                    ("loading".to_owned(), "lazy".to_owned()),
                    ("sandbox".to_owned(), IFRAME_SANDBOX.to_owned()),
                    ("allowfullscreen".to_owned(), String::new()),
                ],
            );
            out.push_str(&format!("</iframe></{wrapper}>"));
            return;
        }
        let host = ammonia::Url::parse(&src)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"));
        match host {
            Some(url) => {
                counts.count("embed", "iframe made a link");
                self.report_with(
                    line,
                    "iframe",
                    Severity::Warning,
                    &format!(
                        "iframe from {} replaced by a link: only known embed providers are loaded",
                        url.host_str().unwrap_or_default()
                    ),
                );
                write_tag(
                    out,
                    "a",
                    &[
                        ("href".to_owned(), src.clone()),
                        ("target".to_owned(), "_blank".to_owned()),
                        ("rel".to_owned(), "noopener noreferrer".to_owned()),
                    ],
                );
                let label = attr("title").filter(|t| !t.is_empty()).unwrap_or(src);
                push_text(out, &escape_attribute(&label));
                out.push_str("</a>");
            }
            None => {
                counts.count("html dropped", "iframe");
                self.report(line, "iframe", "iframe without a web address removed");
            }
        }
    }

    /// The author's tag through ammonia; `None` when ammonia drops the element.
    fn clean_with_policy(&self, lname: &str, tag: &StartTag) -> Option<Vec<(String, String)>> {
        let mut canonical = String::new();
        let attrs: Vec<(String, String)> = tag
            .attrs
            .iter()
            .filter(|(_, v)| !v.starts_with('{'))
            .map(|(k, v)| {
                let k = if k == "className" {
                    "class".to_owned()
                } else {
                    k.to_ascii_lowercase()
                };
                (k, v.clone())
            })
            .collect();
        write_tag(&mut canonical, lname, &attrs);
        let placeholder = "FOLIOPLACEHOLDER";
        let close = if VOID.contains(&lname) {
            String::new()
        } else {
            format!("{placeholder}</{lname}>")
        };
        let wrapped = match lname {
            "td" | "th" => format!("<table><tbody><tr>{canonical}{close}</tr></tbody></table>"),
            "tr" => format!("<table><tbody>{canonical}<td>x</td></tr></tbody></table>"),
            "thead" | "tbody" | "tfoot" => {
                format!("<table>{canonical}<tr><td>x</td></tr></{lname}></table>")
            }
            "caption" | "colgroup" => format!("<table>{canonical}{close}</table>"),
            "col" => format!("<table><colgroup>{canonical}</colgroup></table>"),
            _ => format!("{canonical}{close}"),
        };
        let cleaned = policy().clean(&wrapped).to_string();
        tokenize(&cleaned)
            .into_iter()
            .find_map(|(_, token)| match token {
                Token::Start { name, attrs, .. } if name == lname => Some(attrs),
                _ => None,
            })
    }

    fn report(&mut self, line: usize, kind: &str, message: &str) {
        self.report_with(line, kind, Severity::Warning, message);
    }

    /// One finding per kind of dropped thing, at its first line.
    fn report_with(&mut self, line: usize, kind: &str, severity: Severity, message: &str) {
        if self.reported.insert(kind.to_owned()) {
            self.findings.push(Finding {
                line,
                severity,
                message: message.to_owned(),
                fix: "Remove it from the post, or use Markdown or a supported embed instead"
                    .to_owned(),
            });
        }
    }
}

struct StartTag<'a> {
    name: &'a str,
    raw: &'a str,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

/// `callout-info` → `info`; other names with a hyphen keep their whole name.
fn custom_element(lname: &str) -> Option<String> {
    if !lname.contains('-') || lname == "annotation-xml" {
        return None;
    }
    let suffix = lname.strip_prefix("callout-").unwrap_or(lname);
    let suffix: String = suffix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (!suffix.is_empty()).then_some(suffix)
}

/// The allow-list, built once and shared by every post's sanitiser: most
/// posts have no HTML at all, and building it took 185 hash insertions a post.
fn policy() -> &'static Builder<'static> {
    static POLICY: std::sync::LazyLock<Builder<'static>> = std::sync::LazyLock::new(build_policy);
    &POLICY
}

fn build_policy() -> Builder<'static> {
    let mut builder = Builder::default();
    let mut tag_attributes = std::collections::HashMap::new();
    let per_tag: &[(&str, &[&str])] = &[
        ("a", &["href"]),
        ("img", &["src", "srcset", "sizes", "alt", "width", "height"]),
        ("source", &["src", "srcset", "sizes", "type", "media"]),
        (
            "video",
            &[
                "src",
                "poster",
                "controls",
                "autoplay",
                "muted",
                "loop",
                "playsinline",
                "preload",
                "width",
                "height",
            ],
        ),
        (
            "audio",
            &["src", "controls", "autoplay", "muted", "loop", "preload"],
        ),
        ("td", &["colspan", "rowspan"]),
        ("th", &["colspan", "rowspan", "scope"]),
        ("col", &["span"]),
        ("colgroup", &["span"]),
        ("ol", &["start", "reversed", "type"]),
        ("li", &["value"]),
        ("details", &["open"]),
        ("blockquote", &["cite"]),
        ("q", &["cite"]),
        ("del", &["cite", "datetime"]),
        ("ins", &["cite", "datetime"]),
        ("time", &["datetime"]),
    ];
    for (tag, attributes) in per_tag {
        tag_attributes.insert(*tag, attributes.iter().copied().collect());
    }
    builder
        .tags(ALLOWED.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .generic_attributes(
            ["class", "align", "title", "lang", "dir"]
                .into_iter()
                .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    builder
}

/// Folio's own rules on top of ammonia's: `align` becomes a class, pixel
/// sizes become numbers, external links open safely, media get controls.
fn finish_attributes(lname: &str, attrs: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut classes = Vec::new();
    let mut out = Vec::new();
    for (name, value) in attrs {
        match name.as_str() {
            "align" => {
                let value = value.trim().to_ascii_lowercase();
                if matches!(value.as_str(), "center" | "left" | "right") {
                    classes.push(format!("align-{value}"));
                }
            }
            "class" => classes.extend(
                safe_classes(&value)
                    .split(' ')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            ),
            "width" | "height" => {
                let number = value.trim().trim_end_matches("px").trim();
                if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
                    out.push((name, number.to_owned()));
                }
            }
            "srcset" => {
                let safe = value.split(',').all(|candidate| {
                    let url = candidate.split_whitespace().next().unwrap_or_default();
                    !is_script_url(url) && scheme_allowed(url)
                });
                if safe {
                    out.push((name, value));
                }
            }
            _ => out.push((name, value)),
        }
    }
    match lname {
        "a" => {
            let external = out.iter().any(|(k, v)| {
                k == "href" && (v.starts_with("http://") || v.starts_with("https://"))
            });
            if external {
                out.push(("target".to_owned(), "_blank".to_owned()));
                out.push(("rel".to_owned(), "noopener noreferrer".to_owned()));
            }
        }
        "video" | "audio" => {
            let muted = out.iter().any(|(k, _)| k == "muted");
            if !muted {
                out.retain(|(k, _)| k != "autoplay");
            }
            if !out.iter().any(|(k, _)| k == "controls") {
                out.push(("controls".to_owned(), String::new()));
            }
        }
        _ => {}
    }
    if !classes.is_empty() {
        let mut unique: Vec<String> = Vec::new();
        for class in classes {
            if !unique.contains(&class) {
                unique.push(class);
            }
        }
        out.insert(0, ("class".to_owned(), unique.join(" ")));
    }
    out
}

/// Class names made only of letters, digits, `-` and `_`.
fn safe_classes(value: &str) -> String {
    value
        .split_whitespace()
        .filter(|c| {
            c.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn scheme_allowed(url: &str) -> bool {
    match url.find(':') {
        Some(colon) if !url[..colon].contains(['/', '?', '#']) => {
            matches!(url[..colon].to_ascii_lowercase().as_str(), "http" | "https")
        }
        _ => true,
    }
}

/// `javascript:`, `vbscript:` and `data:` addresses, however disguised with
/// whitespace or case.
fn is_script_url(value: &str) -> bool {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|scheme| cleaned.starts_with(scheme))
}

fn write_tag(out: &mut String, name: &str, attrs: &[(String, String)]) {
    out.push('<');
    out.push_str(name);
    for (attribute, value) in attrs {
        if !attribute
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        {
            continue;
        }
        out.push(' ');
        out.push_str(attribute);
        if value.is_empty() && BOOLEAN.contains(&attribute.as_str()) {
            continue;
        }
        out.push_str("=\"");
        out.push_str(&escape_attribute(value));
        out.push('"');
    }
    out.push('>');
}

fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text between tags stays as written; only `<` is escaped so nothing in it
/// can open a tag.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
}
