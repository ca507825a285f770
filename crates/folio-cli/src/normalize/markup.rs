//! Raw HTML and math inside the parsed Markdown, rewritten in place: the
//! output is the input with sanitised HTML and MathML written over their
//! source ranges, so everything else stays byte for byte as the author wrote it.

mod embeds;

pub use embeds::EMBED_ORIGINS;
mod html;
mod math;
mod prepare;
mod repair;
#[cfg(test)]
mod tests;
pub(crate) mod tokens;

use std::borrow::Cow;
use std::ops::Range;

use folio_core::markdown::parser_options;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use self::html::{Placement, Sanitizer};
use self::math::{
    escape_text, math_error_html, protect_from_markdown, tex_to_mathml, without_empty_comment_lines,
};
use super::{Finding, NormalizeContext, Normalized};
use crate::diagnostics::Severity;

/// Sanitises raw HTML and converts math to MathML; records findings and counts in `out`.
pub fn rewrite_markup<'a>(
    markdown: &'a str,
    context: &NormalizeContext,
    out: &mut Normalized,
) -> Cow<'a, str> {
    if has_nothing_to_rewrite(markdown, context) {
        return Cow::Borrowed(markdown);
    }
    Cow::Owned(rewrite_parsed(markdown, context, out))
}

/// [`rewrite_markup`] the long way: parsed, event by event.
fn rewrite_parsed(markdown: &str, context: &NormalizeContext, out: &mut Normalized) -> String {
    let prepared = prepare::prepare(markdown, context.mdx);
    let text = prepared.text.as_str();
    let lines = LineIndex::new(text, &prepared.line_map);
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, parser_options() | Options::ENABLE_MATH)
            .into_offset_iter()
            .collect();
    let mut sanitizer = Sanitizer::new(context.mdx);
    sanitizer.learn_closed_names(events.iter().filter_map(|(e, _)| match e {
        Event::Html(t) | Event::InlineHtml(t) => Some(t.as_ref()),
        _ => None,
    }));
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut at = 0;
    while at < events.len() {
        let (event, range) = &events[at];
        let line = lines.line_of(range.start);
        match event {
            Event::Start(Tag::HtmlBlock) => {
                let end = (at..events.len())
                    .find(|&i| matches!(events[i].0, Event::End(TagEnd::HtmlBlock)))
                    .unwrap_or(events.len() - 1);
                let pieces: Vec<(&str, Range<usize>)> = events[at + 1..end]
                    .iter()
                    .filter_map(|(e, r)| match e {
                        Event::Html(t) | Event::Text(t) => Some((t.as_ref(), r.clone())),
                        _ => None,
                    })
                    .collect();
                let whole: String = pieces.iter().map(|(t, _)| *t).collect();
                if text[range.clone()] == whole {
                    let cleaned = sanitizer.sanitize(
                        &whole,
                        line,
                        Placement::Block,
                        &mut out.transformations,
                    );
                    let cleaned = tidy_block(&cleaned);
                    if cleaned != whole {
                        replacements.push((range.clone(), cleaned));
                    }
                } else {
                    // Inside a list or quote the block's lines carry markers; clean line by line.
                    for (piece, piece_range) in pieces {
                        let piece_line = lines.line_of(piece_range.start);
                        let cleaned = sanitizer.sanitize(
                            piece,
                            piece_line,
                            Placement::Block,
                            &mut out.transformations,
                        );
                        if cleaned != piece {
                            replacements.push((piece_range, cleaned));
                        }
                    }
                }
                sanitizer.end_block();
                at = end + 1;
                continue;
            }
            Event::InlineHtml(raw) => {
                let cleaned =
                    sanitizer.sanitize(raw, line, Placement::Inline, &mut out.transformations);
                if cleaned != raw.as_ref() {
                    replacements.push((range.clone(), cleaned));
                }
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
                if sanitizer.skipping() =>
            {
                replacements.push((range.clone(), String::new()));
            }
            Event::InlineMath(tex) => {
                replacements.push((range.clone(), convert_math(tex, false, line, out)));
            }
            Event::DisplayMath(tex) => {
                // kramdown writes `$$…$$` inside a sentence for inline math;
                // an environment such as `align` is display math anywhere.
                let display = alone_in_paragraph(&events, at) || is_display_environment(tex);
                replacements.push((range.clone(), convert_math(tex, display, line, out)));
            }
            Event::Start(Tag::Image { dest_url, .. }) if is_missing_file(dest_url, context) => {
                // Decided here, once: the page shows the placeholder and never
                // asks the server for a file that is not there.
                let end = (at..events.len())
                    .find(|&i| matches!(events[i].0, Event::End(TagEnd::Image)))
                    .unwrap_or(events.len() - 1);
                let alt: String = events[at + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                out.transformations.count("image", "missing");
                out.findings.push(Finding {
                    line,
                    severity: Severity::Warning,
                    message: format!("image `{dest_url}` is not in the content folder"),
                    fix: "add the file beside the post, or correct the path".to_owned(),
                });
                replacements.push((range.clone(), missing_image_html(&alt)));
                at = end + 1;
                continue;
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split_whitespace().next() == Some("math") =>
            {
                let end = (at..events.len())
                    .find(|&i| matches!(events[i].0, Event::End(TagEnd::CodeBlock)))
                    .unwrap_or(events.len() - 1);
                let tex: String = events[at + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let mut html = convert_math(&tex, true, line, out);
                html.push('\n');
                replacements.push((range.clone(), html));
                at = end + 1;
                continue;
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableCell
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => sanitizer.end_block(),
            _ => {}
        }
        at += 1;
    }
    for mut finding in sanitizer.finish() {
        finding.line = finding.line.max(1);
        out.findings.push(finding);
    }
    apply(text, replacements)
}

/// Whether `markdown` holds nothing this pass changes or reports, so the
/// parse can be skipped: HTML starts with `<`, math with `$` or `\`
/// (`\(`, `\[`, `\begin`) or a `math` fence, an image with `!`, and
/// only MDX has expressions to drop. Most posts of most blogs have none.
fn has_nothing_to_rewrite(markdown: &str, context: &NormalizeContext) -> bool {
    let bytes = markdown.as_bytes();
    !context.mdx
        && memchr::memchr3(b'<', b'$', b'\\', bytes).is_none()
        && memchr::memchr(b'!', bytes).is_none()
        && !markdown.contains("math")
}

/// Whether `url` names a file relative to the post that the content folder
/// does not have. URLs, root-relative paths and data URLs are not judged here.
fn is_missing_file(url: &str, context: &NormalizeContext) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let is_relative = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(':')
        && !path.starts_with("//");
    if !is_relative {
        return false;
    }
    let decoded = folio_core::routes::decode_component(path);
    let folder = context
        .file
        .parent()
        .unwrap_or_else(|| std::path::Path::new(""));
    !context.content_dir.join(folder).join(decoded).is_file()
}

/// The placeholder of a missing image: its alt text in a tidy frame, named
/// for screen readers, with no `<img>` for the browser to fail on.
fn missing_image_html(alt: &str) -> String {
    let label = if alt.trim().is_empty() {
        "Missing image"
    } else {
        alt.trim()
    };
    // Attribute text, with Markdown punctuation as references, as MathML text is.
    let label = protect_from_markdown(&escape_text(label));
    format!("<span class=\"post-image is-broken\" role=\"img\" aria-label=\"{label}\" data-alt=\"{label}\"></span>")
}

/// Whether `tex` is one display environment (`\begin{align}` … `\end{align}`).
fn is_display_environment(tex: &str) -> bool {
    let tex = tex.trim();
    prepare::DISPLAY_ENVIRONMENTS.iter().any(|name| {
        tex.starts_with(&format!("\\begin{{{name}}}")) && tex.ends_with(&format!("\\end{{{name}}}"))
    })
}

fn convert_math(tex: &str, display: bool, line: usize, out: &mut Normalized) -> String {
    let tex = &without_empty_comment_lines(tex);
    match tex_to_mathml(tex, display) {
        Ok(mathml) => {
            out.transformations
                .count("math", if display { "display" } else { "inline" });
            mathml
        }
        Err(message) => {
            out.transformations.count("math", "error");
            out.findings.push(Finding {
                line,
                severity: Severity::Warning,
                message: format!("formula could not be converted to MathML: {message}"),
                fix: "Check the TeX; the formula is shown as code until it converts".to_owned(),
            });
            math_error_html(tex)
        }
    }
}

/// Whether the event at `at` is the only thing in its paragraph.
fn alone_in_paragraph(events: &[(Event, Range<usize>)], at: usize) -> bool {
    let blank = |e: &Event| {
        matches!(e, Event::SoftBreak) || matches!(e, Event::Text(t) if t.trim().is_empty())
    };
    let before = events[..at]
        .iter()
        .rev()
        .map(|(e, _)| e)
        .find(|e| !blank(e));
    let after = events[at + 1..].iter().map(|(e, _)| e).find(|e| !blank(e));
    matches!(before, Some(Event::Start(Tag::Paragraph)))
        && matches!(after, Some(Event::End(TagEnd::Paragraph)))
}

/// A cleaned HTML block without the lines that held only dropped markup, so
/// no blank line splits what was one block.
fn tidy_block(cleaned: &str) -> String {
    if cleaned.contains("<pre") {
        return cleaned.to_owned();
    }
    let kept: String = cleaned
        .split_inclusive('\n')
        .filter(|l| !l.trim().is_empty())
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    if cleaned.ends_with('\n') && !kept.ends_with('\n') {
        format!("{kept}\n")
    } else {
        kept
    }
}

/// The text with each range replaced, in order.
fn apply(text: &str, mut replacements: Vec<(Range<usize>, String)>) -> String {
    replacements.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut at = 0;
    for (range, replacement) in replacements {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        if replacement.is_empty() && out.ends_with('<') {
            // `<` + a dropped tag + `img …>` must not join into a new tag.
            out.pop();
            out.push_str("&lt;");
        }
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte offsets in the prepared text to 1-based lines of the original input.
struct LineIndex<'a> {
    starts: Vec<usize>,
    line_map: &'a [usize],
}

impl<'a> LineIndex<'a> {
    fn new(text: &str, line_map: &'a [usize]) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, line_map }
    }

    fn line_of(&self, offset: usize) -> usize {
        let index = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        self.line_map.get(index).copied().unwrap_or(index + 1)
    }
}
