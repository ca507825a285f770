//! Template syntax of other generators, resolved on the source text.
//!
//! The body is read line by line so that code stays code: inside fenced or
//! indented code and inline code spans nothing is resolved except what the
//! author used to *show* template syntax (`{% raw %}` markers and Hugo's
//! `{{</* … */>}}` escape). Everywhere else each tag is read once and
//! replaced by what it meant: a code block, a figure, an embed, a link, or
//! nothing at all (its inner Markdown kept).

mod args;
mod gotmpl;
mod hugo;
mod kramdown;
mod liquid;
mod mdx;
mod render;
mod scan;
mod site_shortcodes;
#[cfg(test)]
mod tests;
mod zola;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::{Finding, NormalizeContext, Normalized, Transformations};
use crate::diagnostics::Severity;
use scan::Fence;
pub use site_shortcodes::SiteShortcodes;

/// Resolves Liquid, Hugo and Zola shortcodes, MDX module lines and kramdown
/// attribute lines; records findings and counts in `out`.
pub fn resolve_templates<'a>(
    body: &'a str,
    context: &NormalizeContext,
    out: &mut Normalized,
) -> Cow<'a, str> {
    if has_nothing_to_resolve(body, context) {
        return Cow::Borrowed(body);
    }
    let resolved = Resolver::new(body, context, HashMap::new(), 0).run();
    out.findings.extend(resolved.findings);
    out.transformations.merge(&resolved.transformations);
    if resolved.summary.is_some() {
        out.summary_markdown = resolved.summary;
    }
    Cow::Owned(resolved.markdown)
}

/// Whether `body` holds nothing the resolver changes or reports: every
/// template, shortcode, attribute line and JSX comment starts with `{`, the
/// summary marker is a comment, and only MDX has module lines. Most posts
/// of most blogs, and every line of them is otherwise copied as it is.
fn has_nothing_to_resolve(body: &str, context: &NormalizeContext) -> bool {
    !context.mdx && !body.contains('{') && !body.contains("<!--")
}

/// What one run of the resolver produced.
struct Resolved {
    markdown: String,
    summary: Option<String>,
    findings: Vec<Finding>,
    transformations: Transformations,
}

/// What a tag is replaced by, and how it sits in the surrounding text.
#[derive(Debug, Clone)]
enum Emit {
    /// Text in place of the tag; an empty text alone on its line removes the line.
    Inline(String),
    /// An HTML or Markdown block that must stand on its own lines.
    Block(String),
    /// A fenced code block with an optional language.
    Code { lang: String, code: String },
}

/// A shortcode with a body that is still open (`{% note() %}` … `{% end %}`).
struct OpenBody {
    name: String,
    /// The markup its end writes: a callout's `</aside>`, the rest of a site
    /// template's output after `.Inner`, or nothing.
    close: Option<Emit>,
}

impl OpenBody {
    fn new(name: &str, close: Option<Emit>) -> Self {
        OpenBody {
            name: name.to_owned(),
            close,
        }
    }

    /// A body that ends with the `</aside>` of a callout.
    fn callout(name: &str) -> Self {
        OpenBody::new(name, Some(Emit::Block(render::CALLOUT_CLOSE.to_owned())))
    }

    /// A body that ends a `<blockquote>`, with the author or source the
    /// shortcode names (under whichever key its theme uses) beneath it.
    fn quote(name: &str, args: &args::Args) -> Self {
        let source = ["author", "cite", "source", "by", "attribution"]
            .iter()
            .find_map(|key| args.named(key));
        OpenBody::new(name, Some(Emit::Block(render::quote_close(source))))
    }
}

/// Template syntax Folio does not know, reported once per name.
#[derive(Default)]
struct UnknownUse {
    first_line: usize,
    uses: usize,
    /// Why a site's own template could not be run (the first use's reason).
    reason: String,
}

/// The kinds of unknown syntax, each with its own wording.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum UnknownKind {
    Shortcode,
    /// A shortcode whose site template Folio could not run.
    Template,
    LiquidTag,
    LiquidOutput,
}

struct Resolver<'a> {
    src: &'a str,
    context: &'a NormalizeContext<'a>,
    /// Values of `{{ include.name }}` inside an included file.
    include_vars: HashMap<String, String>,
    /// How many includes deep this run is.
    depth: usize,
    /// `{% capture name %}` bodies and `{% assign name = "text" %}` values,
    /// as written, for `{{ name }}` further on.
    captures: HashMap<String, String>,
    pos: usize,
    line_starts: Vec<usize>,
    out: String,
    fence: Option<Fence>,
    /// Inside a `$$` display-math block, whose `{{` are TeX grouping.
    display_math: bool,
    indented_code: bool,
    previous_blank: bool,
    in_list: bool,
    /// Inside `{% raw %}`: text up to this offset is copied literally.
    raw_until: Option<usize>,
    /// Where a trailing kramdown attribute list on the current line starts and ends.
    trailing_attribute: Option<(usize, usize)>,
    open_bodies: Vec<OpenBody>,
    unknown: BTreeMap<(UnknownKind, String), UnknownUse>,
    summary: Option<String>,
    findings: Vec<Finding>,
    transformations: Transformations,
}

impl<'a> Resolver<'a> {
    fn new(
        src: &'a str,
        context: &'a NormalizeContext<'a>,
        include_vars: HashMap<String, String>,
        depth: usize,
    ) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Resolver {
            src,
            context,
            include_vars,
            depth,
            captures: HashMap::new(),
            pos: 0,
            line_starts,
            out: String::with_capacity(src.len()),
            fence: None,
            display_math: false,
            indented_code: false,
            previous_blank: true,
            in_list: false,
            raw_until: None,
            trailing_attribute: None,
            open_bodies: Vec::new(),
            unknown: BTreeMap::new(),
            summary: None,
            findings: Vec::new(),
            transformations: Transformations::default(),
        }
    }

    fn run(mut self) -> Resolved {
        while self.pos < self.src.len() {
            self.line();
        }
        self.close_unclosed_bodies();
        self.report_unknown();
        Resolved {
            markdown: self.out,
            summary: self.summary,
            findings: self.findings,
            transformations: self.transformations,
        }
    }

    /// 1-based line of a byte offset in the body.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn warn(&mut self, offset: usize, message: String, fix: &str) {
        self.findings.push(Finding {
            line: self.line_of(offset),
            severity: Severity::Warning,
            message,
            fix: fix.to_owned(),
        });
    }

    fn note_unknown(&mut self, kind: UnknownKind, name: &str, offset: usize) {
        let line = self.line_of(offset);
        let entry = self.unknown.entry((kind, name.to_owned())).or_default();
        if entry.uses == 0 {
            entry.first_line = line;
        }
        entry.uses += 1;
        let counted = match kind {
            UnknownKind::Shortcode | UnknownKind::Template => "shortcode removed",
            UnknownKind::LiquidTag | UnknownKind::LiquidOutput => "liquid removed",
        };
        self.transformations.count(counted, name);
    }

    /// A shortcode whose site template cannot be run: reported once per
    /// name with the reason, its content kept as for an unknown one.
    fn note_unrunnable(&mut self, name: &str, reason: String, offset: usize) {
        self.note_unknown(UnknownKind::Template, name, offset);
        let entry = self
            .unknown
            .entry((UnknownKind::Template, name.to_owned()))
            .or_default();
        if entry.reason.is_empty() {
            entry.reason = reason;
        }
    }

    fn report_unknown(&mut self) {
        for ((kind, name), usage) in std::mem::take(&mut self.unknown) {
            let uses = match usage.uses {
                1 => "1 use".to_owned(),
                n => format!("{n} uses"),
            };
            let (message, fix) = match kind {
                UnknownKind::Shortcode => (
                    format!("shortcode `{name}` is not known to Folio ({uses}); its syntax was removed and its content kept"),
                    "Check that the post reads well without it, or replace it with Markdown or an HTML embed",
                ),
                UnknownKind::Template => (
                    format!("shortcode `{name}` could not be run ({uses}): its template {}; its syntax was removed and its content kept", usage.reason),
                    "Simplify the template to the part Folio runs (.Get, .Inner, if/with, variables, pipelines), or replace the shortcode with Markdown",
                ),
                UnknownKind::LiquidTag => (
                    format!("Liquid tag `{name}` is not known to Folio ({uses}); its syntax was removed and its content kept"),
                    "Check that the post reads well without it, or replace it with plain Markdown",
                ),
                UnknownKind::LiquidOutput => (
                    format!("Liquid value `{name}` has no meaning in Folio ({uses}); it was removed"),
                    "Write the value into the post as text",
                ),
            };
            self.findings.push(Finding {
                line: usage.first_line,
                severity: Severity::Warning,
                message,
                fix: fix.to_owned(),
            });
        }
    }

    /// Closes callouts whose end tag never came, so the HTML stays balanced.
    fn close_unclosed_bodies(&mut self) {
        let end = self.src.len();
        while let Some(body) = self.open_bodies.pop() {
            match body.close {
                Some(Emit::Block(markup)) => self.emit_block(&markup),
                Some(Emit::Inline(markup)) => self.out.push_str(&markup),
                _ => {}
            }
            self.warn(
                end,
                format!("shortcode `{}` is never closed", body.name),
                "Add its end tag where its content ends",
            );
        }
    }

    fn line_end(&self, from: usize) -> usize {
        self.src[from..]
            .find('\n')
            .map_or(self.src.len(), |at| from + at)
    }

    /// The end of the line including its newline.
    fn next_line_start(&self, from: usize) -> usize {
        let end = self.line_end(from);
        (end + 1).min(self.src.len())
    }

    /// Handles one line starting at `self.pos`.
    fn line(&mut self) {
        let start = self.pos;
        let end = self.line_end(start);
        let next = self.next_line_start(start);
        let line = &self.src[start..end];

        if self.raw_until.is_some() {
            self.track_fence(line);
            self.inline_rest_of_line();
            return;
        }
        if let Some(fence) = self.fence {
            if scan::closes_fence(line, fence) {
                self.fence = None;
                self.out.push_str(&self.src[start..next]);
            } else {
                self.code_line(start, next);
            }
            self.pos = next;
            return;
        }
        if self.indented_code {
            if scan::is_blank(line) || scan::indent_width(line) >= 4 {
                self.code_line(start, next);
                self.pos = next;
                return;
            }
            self.indented_code = false;
        }
        if self.previous_blank && !self.in_list && scan::indent_width(line) >= 4 {
            self.indented_code = true;
            self.code_line(start, next);
            self.pos = next;
            return;
        }
        if self.display_math || scan::opens_display_math(line) {
            self.display_math = !scan::closes_display_math(line, self.display_math);
            self.out.push_str(&self.src[start..next]);
            self.pos = next;
            return;
        }
        if let Some(fence) = scan::opening_fence(line) {
            self.fence = Some(fence);
            self.previous_blank = false;
            self.out.push_str(&self.src[start..next]);
            self.pos = next;
            return;
        }
        if self.context.mdx && self.depth == 0 && mdx::starts_statement(line) {
            let keyword = if line.starts_with("import") {
                "import"
            } else {
                "export"
            };
            self.transformations.count("mdx", keyword);
            self.pos = mdx::statement_end(self.src, start);
            return;
        }
        if kramdown::is_attribute_line(line) {
            if kramdown::is_toc_marker(line) {
                self.drop_toc_list_item();
                self.transformations.count("kramdown", "toc");
            } else {
                self.transformations.count("kramdown", "attribute list");
            }
            self.pos = next;
            return;
        }

        let blank = scan::is_blank(line);
        if scan::is_list_item(line) {
            self.in_list = true;
        } else if !blank && scan::indent_width(line) == 0 && self.previous_blank {
            self.in_list = false;
        }
        self.previous_blank = blank;
        self.trailing_attribute = kramdown::trailing_attribute_start(line)
            .map(|at| (start + at, start + line.trim_end().len()));
        self.inline_rest_of_line();
    }

    /// Keeps the fence state right while copying text literally.
    fn track_fence(&mut self, line: &str) {
        match self.fence {
            Some(fence) if scan::closes_fence(line, fence) => self.fence = None,
            None => {
                if let Some(fence) = scan::opening_fence(line) {
                    self.fence = Some(fence);
                }
            }
            Some(_) => {}
        }
    }

    /// `* TOC` followed by `{:toc}`: the placeholder list item goes too.
    fn drop_toc_list_item(&mut self) {
        let without_newline = self.out.strip_suffix('\n').unwrap_or(&self.out);
        let last_start = without_newline.rfind('\n').map_or(0, |at| at + 1);
        if scan::is_list_item(&without_newline[last_start..]) {
            self.out.truncate(last_start);
        }
    }

    /// A line of code: only `{% raw %}` markers and Hugo's escape are touched;
    /// a line holding nothing but raw markers disappears.
    fn code_line(&mut self, start: usize, next: usize) {
        let text = &self.src[start..next];
        let shown = code_text(text);
        if shown.trim().is_empty() && !text.trim().is_empty() {
            return;
        }
        self.out.push_str(&shown);
    }

    /// Scans prose from `self.pos` to the end of the line (further when a
    /// tag spans lines), writing resolved text to `self.out`.
    fn inline_rest_of_line(&mut self) {
        let bytes = self.src.as_bytes();
        while self.pos < self.src.len() {
            let at = self.pos;
            if let Some(raw_end) = self.raw_until {
                let next = self.next_line_start(at);
                if raw_end < next {
                    self.out.push_str(&self.src[at..raw_end]);
                    self.pos = raw_end;
                    self.raw_until = None;
                    continue;
                }
                self.out.push_str(&self.src[at..next]);
                self.pos = next;
                return;
            }
            if let Some((attr_start, attr_end)) = self.trailing_attribute {
                if at == attr_start {
                    self.pos = attr_end;
                    self.trailing_attribute = None;
                    self.transformations.count("kramdown", "attribute list");
                    continue;
                }
            }
            match bytes[at] {
                b'\n' => {
                    self.out.push('\n');
                    self.pos += 1;
                    return;
                }
                b'`' => {
                    let run = scan::run_length(self.src, at, b'`');
                    let line = &self.src[..self.line_end(at)];
                    match scan::code_span_end(line, at, run) {
                        Some(end) => {
                            self.out.push_str(&code_text(&self.src[at..end]));
                            self.pos = end;
                        }
                        None => {
                            self.out.push_str(&self.src[at..at + run]);
                            self.pos += run;
                        }
                    }
                }
                // Hugo runs a shortcode whatever precedes it; a converter's
                // Markdown escape in front of one (`\{{< wikipedia >}}`) is noise.
                b'\\'
                    if self.src[at + 1..].starts_with("{{<")
                        || self.src[at + 1..].starts_with("{{%") =>
                {
                    self.pos += 1;
                }
                b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                    self.out.push_str(&self.src[at..at + 2]);
                    self.pos += 2;
                }
                b'{' if self.tag_at(at) => {}
                b'<' if self.summary_marker_at(at) => {}
                // Plain prose: copied up to the next byte that could start
                // anything above (all ASCII, so a character boundary), or
                // to the attribute list that ends the line.
                _ => {
                    let stop = match self.trailing_attribute {
                        Some((start, _)) if start > at => start,
                        _ => self.src.len(),
                    };
                    let end = bytes[at + 1..stop]
                        .iter()
                        .position(|b| matches!(b, b'\n' | b'`' | b'\\' | b'{' | b'<'))
                        .map_or(stop, |i| at + 1 + i);
                    self.out.push_str(&self.src[at..end]);
                    self.pos = end;
                }
            }
        }
    }

    /// `<!--more-->`: everything before it is the author's summary.
    fn summary_marker_at(&mut self, at: usize) -> bool {
        let rest = &self.src[at..];
        let Some(inner_end) = rest.find("-->") else {
            return false;
        };
        let is_more = rest.starts_with("<!--")
            && inner_end >= 4
            && rest[4..inner_end].trim().eq_ignore_ascii_case("more");
        if !is_more {
            return false;
        }
        if self.summary.is_none() && self.depth == 0 {
            self.summary = Some(self.out.trim_end().to_owned());
        }
        self.transformations.count("summary", "more");
        self.pos = at + inner_end + 3;
        self.apply(Emit::Inline(String::new()));
        true
    }

    /// Reads the tag starting at `at`, if there is one, and writes what it means.
    fn tag_at(&mut self, at: usize) -> bool {
        let rest = &self.src[at..];
        for (open, close) in [("{{</*", "*/>}}"), ("{{%/*", "*/%}}")] {
            if rest.starts_with(open) {
                if let Some(end) = self.closing(at + open.len(), close) {
                    let shown = &open[..3];
                    let closing = &close[2..];
                    let inner = &self.src[at + open.len()..end];
                    self.out.push_str(&format!("{shown}{inner}{closing}"));
                    self.pos = end + close.len();
                    return true;
                }
            }
        }
        let (open, close) = if rest.starts_with("{{<") {
            ("{{<", ">}}")
        } else if rest.starts_with("{{%") {
            ("{{%", "%}}")
        } else if rest.starts_with("{%") {
            ("{%", "%}")
        } else if rest.starts_with("{{") {
            ("{{", "}}")
        } else {
            return false;
        };
        let Some(end) = self.closing(at + open.len(), close) else {
            return false;
        };
        let inner = &self.src[at + open.len()..end];
        if !self.context.liquid && matches!(open, "{%" | "{{") {
            let inner = trim_whitespace_control(inner);
            let closes_body = inner == "end" && !self.open_bodies.is_empty();
            if zola::call(inner).is_none() && !closes_body {
                return false;
            }
        }
        self.pos = end + close.len();
        let emit = match open {
            "{{<" | "{{%" => self.hugo_shortcode(inner, at),
            "{%" => self.statement_tag(inner, at),
            _ => self.expression_tag(inner, at),
        };
        self.apply(emit);
        true
    }

    /// `{% … %}`: a Zola body shortcode, its `end`, or a Liquid tag.
    fn statement_tag(&mut self, inner: &str, at: usize) -> Emit {
        let inner = trim_whitespace_control(inner);
        if let Some((name, args)) = zola::call(inner) {
            return self.zola_body_open(name, args, at);
        }
        if inner == "end" && !self.open_bodies.is_empty() {
            return self.close_body();
        }
        self.liquid_tag(inner, at)
    }

    /// `{{ … }}`: a Zola inline shortcode or a Liquid value.
    fn expression_tag(&mut self, inner: &str, at: usize) -> Emit {
        let inner = trim_whitespace_control(inner);
        if let Some((name, args)) = zola::call(inner) {
            return self.zola_inline(name, args, at);
        }
        self.liquid_output(inner, at)
    }

    /// Where `close` is, searching from `from` but not past a blank line:
    /// template tags never span paragraphs, literal braces in prose might.
    fn closing(&self, from: usize, close: &str) -> Option<usize> {
        let found = from + self.src[from..].find(close)?;
        let between = &self.src[from..found];
        let mut lines = between.split('\n');
        lines.next();
        let mut middle: Vec<&str> = lines.collect();
        middle.pop();
        if middle.iter().any(|line| scan::is_blank(line)) {
            return None;
        }
        Some(found)
    }

    /// Writes what a tag became; `self.pos` is already past the tag.
    fn apply(&mut self, emit: Emit) {
        match emit {
            Emit::Inline(text) => {
                if text.is_empty() && self.out_line_is_blank() && self.rest_of_line_is_blank() {
                    let keep = self.out.rfind('\n').map_or(0, |i| i + 1);
                    self.out.truncate(keep);
                    self.pos = self.next_line_start(self.pos);
                } else {
                    self.out.push_str(&text);
                }
            }
            Emit::Block(block) => self.emit_block(&block),
            Emit::Code { lang, code } => self.emit_code(&lang, &code),
        }
    }

    /// The text written on the current output line so far.
    fn out_line(&self) -> &str {
        let start = self.out.rfind('\n').map_or(0, |i| i + 1);
        &self.out[start..]
    }

    fn out_line_is_blank(&self) -> bool {
        self.out_line().trim().is_empty()
    }

    fn rest_of_line_is_blank(&self) -> bool {
        self.src[self.pos..self.line_end(self.pos)]
            .trim()
            .is_empty()
    }

    /// A block on its own lines, with blank lines around it so CommonMark
    /// reads HTML as an HTML block and the text after it as Markdown again.
    fn emit_block(&mut self, block: &str) {
        let indent = if self.out_line_is_blank() {
            let indent = self.out_line().to_owned();
            let keep = self.out.len() - indent.len();
            self.out.truncate(keep);
            indent
        } else {
            self.out.push('\n');
            String::new()
        };
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        self.out.push_str(&indent);
        self.out.push_str(block);
        self.out.push('\n');
        if self.rest_of_line_is_blank() {
            self.pos = self.next_line_start(self.pos);
        }
        let next_line = &self.src[self.pos..self.line_end(self.pos)];
        if self.pos < self.src.len() && !scan::is_blank(next_line) {
            self.out.push('\n');
        }
    }

    /// A fenced code block at the current indentation, on its own lines.
    fn emit_code(&mut self, lang: &str, code: &str) {
        if !self.out_line_is_blank() {
            self.out.push('\n');
        }
        let indent = self.out_line().to_owned();
        let fence = scan::fence_for(code);
        self.out.push_str(&fence);
        self.out.push_str(lang);
        self.out.push('\n');
        self.out.push_str(code);
        if !code.is_empty() && !code.ends_with('\n') {
            self.out.push('\n');
        }
        self.out.push_str(&indent);
        self.out.push_str(&fence);
        self.out.push('\n');
        if self.rest_of_line_is_blank() {
            self.pos = self.next_line_start(self.pos);
        }
    }

    /// Closes the innermost open body shortcode.
    fn close_body(&mut self) -> Emit {
        self.open_bodies
            .pop()
            .and_then(|body| body.close)
            .unwrap_or(Emit::Inline(String::new()))
    }

    /// The text of a block tag's body: from just after its opening tag to
    /// `end`, without the line breaks that only separated it from the tags.
    fn block_content(&self, end: usize) -> String {
        let mut content = &self.src[self.pos..end];
        let first_line = content.find('\n').map_or(content.len(), |i| i + 1);
        if content[..first_line].trim().is_empty() {
            content = &content[first_line..];
        }
        let last_line = content.rfind('\n').map_or(0, |i| i + 1);
        if content[last_line..].trim().is_empty() {
            content = &content[..last_line];
        }
        code_text(content)
    }

    /// Runs the resolver on an included file, its findings placed at the include.
    fn resolve_included(&mut self, text: &str, vars: HashMap<String, String>, at: usize) -> String {
        let nested = Resolver::new(text, self.context, vars, self.depth + 1).run();
        let line = self.line_of(at);
        self.findings.extend(
            nested
                .findings
                .into_iter()
                .map(|finding| Finding { line, ..finding }),
        );
        self.transformations.merge(&nested.transformations);
        nested.markdown
    }
}

/// `{%- tag -%}` and `{{- value -}}`: whitespace control does not matter here.
fn trim_whitespace_control(inner: &str) -> &str {
    inner
        .trim()
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim()
}

/// Code as the author showed it: `{% raw %}`/`{% endraw %}` markers removed,
/// Hugo's `{{</* x */>}}` escape printed as `{{< x >}}`.
fn code_text(code: &str) -> String {
    let mut shown = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(open) = rest.find('{') {
        shown.push_str(&rest[..open]);
        rest = &rest[open..];
        let escape = [("{{</*", "*/>}}"), ("{{%/*", "*/%}}")]
            .into_iter()
            .find_map(|(o, c)| {
                let inner_end = rest.strip_prefix(o)?.find(c)?;
                Some((o, c, inner_end))
            });
        if let Some((o, c, inner_end)) = escape {
            shown.push_str(&o[..3]);
            shown.push_str(&rest[o.len()..o.len() + inner_end]);
            shown.push_str(&c[2..]);
            rest = &rest[o.len() + inner_end + c.len()..];
            continue;
        }
        if let Some(end) = liquid::raw_marker_len(rest) {
            rest = &rest[end..];
            continue;
        }
        shown.push('{');
        rest = &rest[1..];
    }
    shown.push_str(rest);
    shown
}
