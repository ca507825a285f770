//! TeX to MathML at build time, so the reader needs no math script.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{push_mathml, Parser, RenderConfig, Storage};

/// MathML for `tex` on one line, safe to place in Markdown; `Err` carries the
/// parser's message when the formula cannot be converted.
pub fn tex_to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let tex = tex.trim();
    if tex.is_empty() {
        return Err("empty formula".to_owned());
    }
    let source = with_mathjax_environments(&with_common_macros(tex));
    let source = with_brackets_after_breaks_as_text(&source);
    let source = if display {
        with_top_level_rows(&source)
    } else {
        without_top_level_breaks(&source)
    };
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(&source, &storage).collect();
    if let Some(Err(error)) = events.iter().find(|e| e.is_err()) {
        return Err(error
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned());
    }
    // The annotation is written as given, so it is escaped here.
    let annotation = escape_text(&tex.replace(['\n', '\r'], " "));
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        annotation: Some(&annotation),
        ..RenderConfig::default()
    };
    let mut mathml = String::new();
    push_mathml(&mut mathml, events.into_iter(), config).map_err(|e| e.to_string())?;
    if !display {
        // `display="inline"` is the default; the plain tag reads better.
        mathml = mathml.replacen("<math display=\"inline\">", "<math>", 1);
    }
    Ok(protect_from_markdown(&mathml))
}

/// Macros MathJax and KaTeX define that plain LaTeX (and pulldown-latex) do
/// not: the blackboard letters for number sets, and `\space`.
const COMMON_MACROS: &[(&str, &str)] = &[
    ("R", "\\mathbb{R}"),
    ("Z", "\\mathbb{Z}"),
    ("N", "\\mathbb{N}"),
    ("Q", "\\mathbb{Q}"),
    ("C", "\\mathbb{C}"),
    ("Reals", "\\mathbb{R}"),
    ("space", "\\ "),
    ("bold", "\\mathbf"),
];

/// `tex` with [`COMMON_MACROS`] written out; `\\` and other escapes untouched.
fn with_common_macros(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let name = &after[..name_len];
        match COMMON_MACROS
            .iter()
            .find(|(macro_name, _)| *macro_name == name)
        {
            Some((_, expansion)) if !name.is_empty() => {
                out.push_str(expansion);
                rest = &after[name_len..];
            }
            _ => {
                // The command as written; a `\\` pair is copied whole.
                let len = if name.is_empty() {
                    after.chars().next().map_or(0, char::len_utf8)
                } else {
                    name_len
                };
                out.push('\\');
                out.push_str(&after[..len]);
                rest = &after[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Environments MathJax knows under names pulldown-latex does not, written
/// as the one it has: `eqnarray` is three columns, right, centre and left, in
/// display style; `multline*` and `flalign` differ only in numbering and
/// spacing.
const MATHJAX_ENVIRONMENTS: &[(&str, &str, &str)] = &[
    ("eqnarray", "darray}{rcl", "darray"),
    ("eqnarray*", "darray}{rcl", "darray"),
    ("multline*", "multline", "multline"),
    ("flalign", "align", "align"),
    ("flalign*", "align*", "align*"),
];

fn with_mathjax_environments(tex: &str) -> String {
    let mut source = tex.to_owned();
    for (name, begin, end) in MATHJAX_ENVIRONMENTS {
        source = source
            .replace(
                &format!("\\begin{{{name}}}"),
                &format!("\\begin{{{begin}}}"),
            )
            .replace(&format!("\\end{{{name}}}"), &format!("\\end{{{end}}}"));
    }
    source
}

/// The formula without lines holding only `%`, an empty TeX comment: the
/// normaliser writes one for each blank line inside display math, which
/// MathJax ignores and CommonMark would take for the end of the paragraph.
pub fn without_empty_comment_lines(tex: &str) -> String {
    if !tex.lines().any(|l| l.trim() == "%") {
        return tex.to_owned();
    }
    tex.lines()
        .filter(|l| l.trim() != "%")
        .collect::<Vec<_>>()
        .join("\n")
}

/// Display math with line breaks (`\\`) outside any environment, which
/// MathJax and KaTeX accept, inside `aligned` (when rows use `&`) or
/// `gathered`, which is how LaTeX spells it.
fn with_top_level_rows(tex: &str) -> String {
    let (breaks, top_level_ampersand) = top_level_breaks(tex);
    if breaks.is_empty() {
        return tex.to_owned();
    }
    let environment = if top_level_ampersand {
        "aligned"
    } else {
        "gathered"
    };
    format!("\\begin{{{environment}}}{tex}\\end{{{environment}}}")
}

/// Inline math with `\\` outside any environment, which MathJax lays out on
/// one line as if the break were a space (`$$ x \\ $$` in a kramdown
/// sentence); pulldown-latex refuses it.
fn without_top_level_breaks(tex: &str) -> String {
    let (breaks, _) = top_level_breaks(tex);
    let mut out = tex.to_owned();
    for at in breaks.into_iter().rev() {
        out.replace_range(at..at + 2, " ");
    }
    out
}

/// Byte offsets of the `\\` outside any environment, and whether a `&` is.
fn top_level_breaks(tex: &str) -> (Vec<usize>, bool) {
    let mut depth = 0usize;
    let mut breaks = Vec::new();
    let mut top_level_ampersand = false;
    let mut at = 0;
    while let Some(c) = tex[at..].chars().next() {
        let rest = &tex[at..];
        if rest.starts_with("\\begin{") {
            depth += 1;
            at += "\\begin{".len();
        } else if rest.starts_with("\\end{") {
            depth = depth.saturating_sub(1);
            at += "\\end{".len();
        } else if rest.starts_with("\\\\") {
            if depth == 0 {
                breaks.push(at);
            }
            at += 2;
        } else if c == '\\' {
            // An escaped character such as `\&` is not a column.
            at += 1;
            at += tex[at..].chars().next().map_or(0, char::len_utf8);
        } else {
            top_level_ampersand |= depth == 0 && c == '&';
            at += c.len_utf8();
        }
    }
    (breaks, top_level_ampersand)
}

/// `\\` then a space and `[`: MathJax reads the bracket as the next row's
/// text and takes a spacing (`\\[2pt]`) only right after the `\\`;
/// pulldown-latex skips the space and fails on `[u,v]` as a dimension. An
/// empty group between keeps MathJax's reading.
fn with_brackets_after_breaks_as_text(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(after_break) = after.strip_prefix('\\') else {
            // Any other command or escape, copied with its first character.
            let len = after.chars().next().map_or(0, char::len_utf8);
            out.push('\\');
            out.push_str(&after[..len]);
            rest = &after[len..];
            continue;
        };
        out.push_str("\\\\");
        let spaces = after_break.len() - after_break.trim_start().len();
        out.push_str(&after_break[..spaces]);
        if spaces > 0 && after_break[spaces..].starts_with('[') {
            out.push_str("{}");
        }
        rest = &after_break[spaces..];
    }
    out.push_str(rest);
    out
}

/// The failed formula, shown as code.
pub fn math_error_html(tex: &str) -> String {
    format!(
        "<code class=\"math-error\">{}</code>",
        protect_from_markdown(&escape_text(tex.trim()))
    )
}

/// Text escaped for HTML content and double-quoted attributes.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Writes characters Markdown would act on (`*`, `_`, `\`, `` ` ``, `[`, `$`, …)
/// in text content as numeric references, and keeps everything on one line,
/// so the MathML reaches the page exactly as generated.
pub fn protect_from_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            '*' | '_' | '\\' | '`' | '[' | ']' | '$' | '~' | '|' | '!' | '#' | '{' | '}'
                if !in_tag =>
            {
                out.push_str(&format!("&#{};", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_display_math() {
        let inline = tex_to_mathml("x^2", false).unwrap();
        assert!(inline.starts_with("<math><semantics>"), "{inline}");
        assert!(inline.contains("<annotation encoding=\"application/x-tex\">x^2</annotation>"));
        let display = tex_to_mathml("\\frac{a}{b}", true).unwrap();
        assert!(display.starts_with("<math display=\"block\">"), "{display}");
        assert!(display.contains("&#92;frac&#123;a&#125;&#123;b&#125;"));
    }

    #[test_case::test_case("a = b \\\\ c = d", "<mtable" ; "rows")]
    #[test_case::test_case("a &= b \\\\ &= c", "<mtable class=\"menv-alignlike" ; "aligned rows")]
    #[test_case::test_case("x \\in \\R^d, \\space n \\in \\Z", "ℝ" ; "number sets and space")]
    fn mathjax_habits_convert(tex: &str, contains: &str) {
        let display = tex_to_mathml(tex, true).expect("converts");
        assert!(display.contains(contains), "{display}");
        assert!(
            display.contains("&#92;&#92;") || display.contains("&#92;R"),
            "the annotation keeps the source: {display}"
        );
    }

    #[test]
    fn rows_inside_an_environment_are_left_alone() {
        let tex = "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}";
        assert_eq!(with_top_level_rows(tex), tex);
        assert_eq!(
            with_common_macros("\\Rightarrow \\\\ \\R"),
            "\\Rightarrow \\\\ \\mathbb{R}"
        );
    }

    #[test_case::test_case("\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}" ; "align")]
    #[test_case::test_case("\\begin{equation*}\nE = mc^2\n\\end{equation*}" ; "equation star")]
    #[test_case::test_case("\\begin{gather}\na \\\\ b\n\\end{gather}" ; "gather")]
    #[test_case::test_case("\\begin{alignat}{2}\na &= b & c &= d\n\\end{alignat}" ; "alignat")]
    #[test_case::test_case("\\begin{multline*}\na + b \\\\\n+ c\n\\end{multline*}" ; "multline star")]
    #[test_case::test_case("\\begin{flalign}\na &= b\n\\end{flalign}" ; "flalign")]
    #[test_case::test_case("\\begin{eqnarray}\nx &=& y \\\\\n&=& z\n\\end{eqnarray}" ; "eqnarray")]
    fn display_environments_convert(tex: &str) {
        let display = tex_to_mathml(tex, true).expect("converts");
        assert!(display.starts_with("<math display=\"block\">"), "{display}");
        let first_line = protect_from_markdown(&escape_text(tex.lines().next().unwrap()));
        assert!(
            display.contains(&first_line),
            "the annotation keeps the environment's own name: {display}"
        );
    }

    #[test_case::test_case("where, \\\\" ; "trailing break")]
    #[test_case::test_case("a = 1 \\\\ b = 2" ; "break between")]
    fn inline_breaks_are_spaces_as_in_mathjax(tex: &str) {
        let inline = tex_to_mathml(tex, false).expect("converts");
        assert!(inline.starts_with("<math>"), "{inline}");
        assert!(
            inline.contains("&#92;&#92;"),
            "the annotation keeps the source: {inline}"
        );
        let cases = "\\begin{cases} a \\\\ b \\end{cases}";
        assert_eq!(without_top_level_breaks(cases), cases);
    }

    #[test]
    fn a_bracket_after_a_break_is_text() {
        let tex = "[u,v] \\; \\rightarrow \\\\\n[p,q] \\rightarrow \\\\[2pt] x";
        assert_eq!(
            with_brackets_after_breaks_as_text(tex),
            "[u,v] \\; \\rightarrow \\\\\n{}[p,q] \\rightarrow \\\\[2pt] x"
        );
        assert!(tex_to_mathml(tex, true).is_ok());
    }

    #[test]
    fn empty_comment_lines_are_dropped() {
        assert_eq!(
            without_empty_comment_lines("%\na \\\\\n  %\nb % half\n%"),
            "a \\\\\nb % half"
        );
        assert_eq!(without_empty_comment_lines("a\nb"), "a\nb");
    }

    #[test]
    fn unknown_commands_are_errors() {
        assert!(tex_to_mathml("\\frac{a}{", false).is_err());
        assert!(tex_to_mathml("\\notacommand", false).is_err());
    }
}
