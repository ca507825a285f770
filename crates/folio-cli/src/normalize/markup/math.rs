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
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage).collect();
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

/// The failed formula, shown as code.
pub fn math_error_html(tex: &str) -> String {
    format!(
        "<code class=\"math-error\">{}</code>",
        protect_from_markdown(&escape_text(tex.trim()))
    )
}

fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes characters Markdown would act on (`*`, `_`, `\`, `` ` ``, `[`, `$`, …)
/// in text content as numeric references, and keeps everything on one line,
/// so the MathML reaches the page exactly as generated.
fn protect_from_markdown(html: &str) -> String {
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

    #[test]
    fn unknown_commands_are_errors() {
        assert!(tex_to_mathml("\\frac{a}{", false).is_err());
        assert!(tex_to_mathml("\\notacommand", false).is_err());
    }
}
