//! What the indexer derives from a body's text: plain text, first paragraph, images.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::parser_options;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContentScan {
    /// All visible prose, code blocks excluded, for counts and reading time.
    pub plain_text: String,
    /// The first paragraph with real text, as plain text (no Markdown, no image alt text).
    pub first_paragraph: Option<String>,
    /// Image URLs as written, in order.
    pub images: Vec<String>,
}

pub fn scan_markdown(markdown: &str) -> ContentScan {
    let mut scan = ContentScan::default();
    let mut paragraph: Option<String> = None;
    let mut in_image = 0usize;
    let mut in_code = false;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Paragraph) => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                if let Some(text) = paragraph.take() {
                    let text = text.trim();
                    if scan.first_paragraph.is_none() && text.chars().any(char::is_alphanumeric) {
                        scan.first_paragraph = Some(text.to_owned());
                    }
                }
                scan.plain_text.push('\n');
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                in_image += 1;
                scan.images.push(dest_url.to_string());
            }
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) | Event::Code(text) if in_image == 0 && !in_code => {
                scan.plain_text.push_str(&text);
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                scan.plain_text.push(' ');
                if let Some(p) = paragraph.as_mut() {
                    p.push(' ');
                }
            }
            Event::End(_) => scan.plain_text.push(' '),
            _ => {}
        }
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_real_paragraph_skips_images_and_headings() {
        let scan = scan_markdown("# Title\n\n![cover](c.png)\n*caption*\n\nThe **real** `start` of [the](x) post.\n\nMore.");
        assert_eq!(scan.first_paragraph.as_deref(), Some("caption"));
        let scan = scan_markdown(
            "# Title\n\n![cover](c.png)\n\nThe **real** `start` of [the](x) post.\n\nMore.",
        );
        assert_eq!(
            scan.first_paragraph.as_deref(),
            Some("The real start of the post.")
        );
        assert_eq!(scan.images, ["c.png"]);
    }

    #[test]
    fn plain_text_leaves_out_code_blocks() {
        let scan = scan_markdown("안녕하세요\n\n```\nlet x = 1;\n```\n");
        assert!(scan.plain_text.contains("안녕하세요"));
        assert!(!scan.plain_text.contains("let x"));
    }
}
